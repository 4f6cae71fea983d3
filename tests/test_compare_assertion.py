"""What compare may call a fact (issue 13, session 10, facts11) on texts the tests write: a corroborated fact's
statement is a claim (a finite clause with its subject), never a bare noun phrase or a piece of a sentence; a
phrase that says what a named referent is becomes the claim it carries; one that carries none is a matched topic,
not corroborated; a pledge or plan is attributed in the synthesis, never stated as what will happen; a person named
by another person's name is not restated in the synthesis' own voice."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsprism.compare import compare_analyzed
from newsprism.compare.assertion import claim_problem, claimed, other_name, pledge, rendered_claim
from newsprism.compare.facts import phrase_units
from newsprism.records import Fact
from newsprism.settings import DEFAULT
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


def _marked_fact(analyzed, marker: str) -> Fact:  # type: ignore[no-untyped-def]
    from newsprism.compare.facts import marked_units

    units = [u for a in analyzed for u in marked_units(a, [c for c in a.claims if not c.heading]) if marker in u.text]
    assert len({u.article for u in units}) == 2, [u.text for u in units]
    support = tuple({"article": u.article, "sentence": u.sentence, "start": u.start, "end": u.end, "text": u.text}
                    for u in units)
    return Fact(id="f1", status="corroborated", statement=units[0].text, support=support, claims=tuple(units),
                reason="marked-phrase pass")


ORSK = ("Mayor Lena Orsk lost the vote on Tuesday. Orsk had led Marren since 2019. Orsk said she would appeal. "
        "The vote ended the rise of the city's first female leader, who had promised a new harbour.")


@pytest.mark.parametrize(("other", "person"), [
    # the other article is about Orsk too: the role description stands for her
    ("Lena Orsk will appeal the vote, her office said. Orsk was elected in 2019. Critics of Orsk cheered. "
     "Marren's first female leader lost the council vote on Tuesday.", True),
    # the other article is about Orsk, but its member is tied to someone else by its sentence
    ("Lena Orsk will appeal the vote. Orsk was elected in 2019. Critics of Orsk cheered. Piet Halm, Marren's "
     "first female leader, lost the council vote on Tuesday.", None),
    # the other article is about someone else: no one to tie the description to
    ("Councillor Piet Halm cheered the vote. Halm said the harbour plan was dead. Halm called for calm. "
     "Marren's first female leader lost the council vote on Tuesday.", False),
])
def test_a_role_description_is_tied_to_the_person_both_articles_are_about(other: str, person: bool | None) -> None:
    analyzed = analyze_many(story_articles({"Harbor Daily": ("2024-03-06", ORSK),
                                            "Valley Courier": ("2024-03-06", other)}))
    [fact] = claimed(analyzed, [_marked_fact(analyzed, "first female leader")])
    if person:
        assert fact.status == "corroborated" and fact.statement.startswith("Lena Orsk is "), fact.statement
        assert "first female leader" in fact.statement and claim_problem(fact.statement) is None
    elif person is None:  # the apposition may state its own claim, never one about Orsk
        assert not fact.statement.startswith("Lena Orsk"), fact.statement
        harbor, valley = fact.claims if fact.claims[0].article == analyzed[0].id else fact.claims[::-1]
        assert rendered_claim(analyzed[0], harbor, [(analyzed[1], valley)]) is None
    else:
        assert fact.status == "matched", fact.statement


def test_a_role_description_needs_one_person_the_article_is_about() -> None:
    # two people mentioned as often: "the city's first female leader" is tied to neither
    even = ("Mayor Lena Orsk lost the vote to Piet Halm on Tuesday. Orsk and Halm spoke. Orsk left, Halm stayed. "
            "The vote ended the rise of the city's first female leader, who had promised a new harbour.")
    analyzed = analyze_many(story_articles({
        "Harbor Daily": ("2024-03-06", even),
        "Valley Courier": ("2024-03-06", "Lena Orsk will appeal the vote. Orsk was elected in 2019. Critics of Orsk "
                                         "cheered. Marren's first female leader lost the council vote on Tuesday.")}))
    [fact] = claimed(analyzed, [_marked_fact(analyzed, "first female leader")])
    # nor through the Valley Courier's member: its article is about Orsk, but Harbor Daily's is about no one person
    assert fact.status == "matched", fact.statement


@pytest.mark.parametrize(("other", "found"), [
    # the other article says the phrase's description of the referent in a predicate (a role held and kept)
    ("Tomas Velde, who joined the port as a pilot, will remain as harbour master until the council election in May.",
     True),
    # a role to come is no role held; a sentence that only names both says nothing of what he is
    ("Tomas Velde, who joined the port as a pilot, will become harbour master after the council election in May.",
     False),
    ("Tomas Velde met the harbour master on Monday. Lorries queued at the gate.", False),
])
def test_a_phrase_is_corroborated_by_a_predicate_saying_it(other: str, found: bool) -> None:
    story = {"Harbor Daily": ("2024-03-04", "The ferry left on Tuesday. Fishermen cheered when the harbour master Tomas "
                                            "Velde cut the ribbon at the new fish market."),
             "Valley Courier": ("2024-03-04", other)}
    c = compare_analyzed(analyze_many(story_articles(story)), DEFAULT.replace(predicate_pass=True))
    facts = [f for f in c.facts if "predicate pass" in f.reason]
    if not found:
        assert not facts, [(f.statement, f.reason) for f in facts]
        return
    assert [f.statement for f in facts] == ["Tomas Velde is the harbour master"], [(f.statement, f.reason) for f in c.facts]
    [fact] = facts
    assert fact.status == "corroborated" and claim_problem(fact.statement) is None
    # the sentence is cited by its predicate clause, not by what else it says
    cited = [s["text"] for s in fact.support if s["article"] == c.articles[1].id]
    assert cited and all("harbour master" in t and "Lorries" not in t and "May" not in t for t in cited), cited
