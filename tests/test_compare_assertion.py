"""What compare may call a fact (issue 13, session 10, facts11) on texts the tests write: a corroborated fact's
statement is a claim (a finite clause with its subject), never a bare noun phrase or a piece of a sentence; a
phrase that says what a named referent is becomes the claim it carries; one that carries none is a matched topic,
not corroborated; a pledge or plan is attributed in the synthesis, never stated as what will happen; a person named
by another person's name is not restated in the synthesis' own voice."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsprism.compare import compare_analyzed
from newsprism.compare.assertion import claim_problem, claimed, other_name, pledge
from newsprism.compare.facts import phrase_units
from newsprism.records import Fact
from newsprism.stages import analyze_many

from .conftest import story_articles


@pytest.mark.parametrize("text, claim", [
    ("Marren's harbour chief Tomas Velde", False),                       # a title and a name
    ("the Kestrel dam", False),                                           # a name qualifying a noun
    ("Tomas Velde, Anna Brook and Lida Mor", False),                      # a list of names
    ("and heaping embarrassment on the governor.", False),               # a participle piece
    ("and which the union called a “historic betrayal.”", False),        # a relative clause cut from its noun
    ("to each other as “the old enemy”", False),                          # an infinitive piece
    ("broke out of the Kestrel prison for the second time", False),       # a predicate without its subject
    ("Tomas Velde broke out of the Kestrel prison for the second time.", True),
    ("To reach the vault, the workers dug more than 30 feet beneath the street.", True),
    ("The magnitude 6.2 quake killed at least 80 people in the valley.", True),
])
def test_a_fact_statement_is_a_claim_on_the_parse(text: str, claim: bool) -> None:
    assert (claim_problem(text) is None) is claim, claim_problem(text)


@pytest.mark.parametrize("text, planned", [
    ("Beta Logistics will remain an independent brand after the purchase.", True),
    ("The company will continue to run the depot in Marren.", True),
    ("Acme plans to close the depot by June.", True),
    ("A new vote is expected to be held within two months.", True),
    ("Beta Logistics would keep its own board.", True),
    ("Beta Logistics will remain an independent brand, the company said.", False),  # the sentence attributes it
    ("Acme bought Beta Logistics for $5 billion on Monday.", False),
    ("The court upheld the ruling on Friday.", False),
    ("“We will keep the brand,” the chief executive said.", False),  # a quotation: said with its speaker
])
def test_a_pledge_or_plan_is_read_on_the_parse(text: str, planned: bool) -> None:
    assert (pledge(text) is not None) is planned, pledge(text)


def test_a_person_named_by_another_persons_name_is_an_epithet() -> None:
    assert other_name("Acme's Darth Vader, chief executive John Smith, announced the purchase on Monday.")
    assert other_name("Chief executive John Smith announced the purchase on Monday.") is None
    assert other_name("Acme's chief executive, John Smith, announced the purchase on Monday.") is None


DEPOT = {
    "Harbor Daily": ("2024-03-04", "Acme Corp agreed on Monday to buy the parcel firm Beta Logistics for $5 billion "
                     "in cash. Beta Logistics will keep its depot in Marren open after the purchase. Marren's harbour "
                     "master Tomas Velde welcomed the purchase on Tuesday. Regulators must still approve the deal."),
    "Valley Courier": ("2024-03-04", "Acme Corp agreed on Monday to buy the parcel firm Beta Logistics for $5 "
                       "billion in cash. Beta Logistics will keep its depot in Marren open after the purchase. "
                       "Fishermen in the bay complained to the harbour master, Tomas Velde, about the noise of lorries at "
                       "night. Regulators must "
                       "still approve the deal."),
    "Plains Herald": ("2024-03-05", "Acme Corp agreed to buy parcel firm Beta Logistics for $5 billion in cash on "
                      "Monday. Shares of Acme fell 3 percent in New York on Tuesday."),
}


@pytest.fixture(scope="module")
def depot():  # type: ignore[no-untyped-def]
    return compare_analyzed(analyze_many(story_articles(DEPOT)))


def test_no_corroborated_fact_is_stated_as_a_noun_phrase(depot) -> None:  # type: ignore[no-untyped-def]
    corroborated = [f for f in depot.facts if f.status == "corroborated"]
    assert corroborated
    for f in corroborated:
        assert claim_problem(f.statement) is None, (f.statement, f.reason)


def _phrase_fact(analyzed, name: str) -> Fact:  # type: ignore[no-untyped-def]
    units = [u for a in analyzed for u in phrase_units(a, a.claims) if name in u.text]
    assert len({u.article for u in units}) == 2, [u.text for u in units]
    support = tuple({"article": u.article, "sentence": u.sentence, "start": u.start, "end": u.end, "text": u.text}
                    for u in units)
    return Fact(id="f1", status="corroborated", statement=min((u.text for u in units), key=len), support=support,
                claims=tuple(units), reason="phrase pass")


def test_a_shared_phrase_is_stated_as_the_claim_it_carries_or_is_a_matched_topic() -> None:
    story = {
        "Harbor Daily": ("2024-03-04", "Marren's harbour master Tomas Velde welcomed the purchase on Tuesday. "
                         "Lorries will use the Kestrel depot."),
        "Valley Courier": ("2024-03-04", "The offer surprised the harbour master, Tomas Velde, on Monday. "
                           "Fishermen complained about lorries near the Kestrel depot."),
    }
    analyzed = analyze_many(story_articles(story))
    [velde] = claimed(analyzed, [_phrase_fact(analyzed, "Velde")])
    assert velde.status == "corroborated" and velde.statement in (
        "Tomas Velde is Marren's harbour master", "Tomas Velde is the harbour master"), velde.statement
    assert claim_problem(velde.statement) is None
    # a bare honorific is how a name is written (also for a former holder): no "Tomas Velde is the President"
    brook = analyze_many(story_articles({
        "Harbor Daily": ("2024-03-04", "The ferry was named by President Anna Brook on Tuesday."),
        "Valley Courier": ("2024-03-04", "Crowds cheered Marren's President Anna Brook at the harbour on Tuesday.")}))
    [title] = claimed(brook, [_phrase_fact(brook, "Brook")])
    # the shortest member is the bare title; the other names the office it holds
    assert title.status == "corroborated" and title.statement == "Anna Brook is Marren's President", title.statement
    brook = analyze_many(story_articles({
        "Harbor Daily": ("2024-03-04", "The ferry was named by President Anna Brook on Tuesday."),
        "Valley Courier": ("2024-03-04", "Crowds cheered President Anna Brook at the harbour on Tuesday.")}))
    [title] = claimed(brook, [_phrase_fact(brook, "Brook")])
    assert title.status == "matched" and " is " not in title.statement, (title.status, title.statement)
    # a name qualifying a noun says nothing of what the name is: no "Kestrel is a depot", and not corroborated
    [depot] = claimed(analyzed, [_phrase_fact(analyzed, "Kestrel")])
    assert depot.status == "matched" and "matched topic" in depot.reason, (depot.status, depot.statement)


def test_a_pledge_is_attributed_in_the_synthesis(depot) -> None:  # type: ignore[no-untyped-def]
    said = [s for s in depot.synthesis if "depot in Marren" in s["text"]]
    assert said, [s["text"] for s in depot.synthesis]
    for s in said:
        assert s["kind"] == "attributed" and s["text"].startswith("According to "), s
        assert "Harbor Daily" in s["text"] and "Valley Courier" in s["text"]  # every cited outlet named
    # what happened is stated plainly
    assert any(s["kind"] == "corroborated" and s["text"].startswith("Acme Corp agreed") for s in depot.synthesis)


def test_an_epithet_shared_by_two_outlets_is_not_stated_in_the_synthesis_voice() -> None:
    story = {
        "Harbor Daily": ("2024-03-04", "Acme Corp agreed on Monday to buy the parcel firm Beta Logistics for $5 "
                         "billion in cash. Acme's Darth Vader, chief executive John Smith, told investors in Chicago "
                         "that the purchase doubles the company's fleet."),
        "Valley Courier": ("2024-03-04", "Acme Corp agreed on Monday to buy the parcel firm Beta Logistics for $5 "
                           "billion in cash. Acme's Darth Vader, chief executive John Smith, told investors in "
                           "Chicago that the purchase doubles the company's fleet."),
    }
    c = compare_analyzed(analyze_many(story_articles(story)))
    for s in c.synthesis:
        if "Darth Vader" in s["text"]:
            assert s["kind"] != "corroborated" and s["text"].startswith("According to "), s


def test_a_headline_corroborates_but_a_member_sentence_states_the_fact() -> None:
    story = {
        "Harbor Daily": ("2024-03-04", "Acme deal\n\nAcme Corp bought the parcel firm Beta Logistics on Monday. "
                         "Shares rose on Tuesday."),
        "Valley Courier": ("2024-03-04", "Acme deal\n\nAcme Corp bought the parcel firm Beta "
                           "Logistics on Monday. Shares rose on Tuesday."),
    }
    analyzed = analyze_many(story_articles(story))
    units = [next(c for c in a.claims if not c.heading and "bought" in c.text) for a in analyzed]
    headline = replace(units[0], text="Acme Buys Parcel Firm Beta Logistics")
    fact = Fact(id="f1", status="corroborated", statement=headline.text, claims=(headline, units[1]),
                support=tuple({"article": u.article, "sentence": u.sentence, "start": u.start, "end": u.end,
                               "text": u.text} for u in (headline, units[1])), reason="test")
    [stated] = claimed(analyzed, [fact])
    assert stated.status == "corroborated" and stated.statement == units[1].text, stated.statement
    assert "headline" in stated.reason or "no main verb" in stated.reason, stated.reason
