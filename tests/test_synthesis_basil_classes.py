"""Issue 13, session 12 (probe17): the synthesis on real coverage nobody tuned it on (12 held-out BASIL events, read
by hand: ``benchmarks/results/synthesis_basil_labels.json``). Each frequent wrong class as a rule on texts the tests
write: (1) a pronoun or demonstrative of the narration that stands for something only an earlier sentence names;
(2) a quotation stated with no speaker; (3) a name or a title lower-cased after "According to X alone,"."""

from __future__ import annotations

import pytest

from newsprism.compare.synthesis import _lower_first, speakerless, unresolved_reference


@pytest.mark.parametrize("text", [
    "Senators want them extended for every family.",  # an object pronoun: not its own clause's subject
    "Ms. Varga said that qualified her to cut waste in Congress.",  # a demonstrative: not the speaker
    "A senior staffer told The Daily Ledger that it was likely to happen on Friday.",  # not the one told; raised "it"
    "The other three are empty now.",
    "Officials said that was wrong.",
    "Critics see no difference between the two.",  # "the two" as an object too, not only as a subject
    "Moreover, it \"was designed to eat the budget.\"",  # a passive with a to-clause: "it" speaks of something
])
def test_a_reference_to_an_earlier_sentence_is_unresolved(text: str) -> None:
    assert unresolved_reference(text) is not None


@pytest.mark.parametrize("text", [
    "Officials said they would reopen the bridge on Monday.",  # the speakers
    "Orbis said it would buy the plant.",
    "The court upheld the law, saying it was constitutional.",
    "It is hard to say what happened at the plant.",  # anticipates a clause
    "It is clear that the talks failed.",
    "It is a lesson mayors rarely learn: the microphone is always on.",  # named after the colon
    "The senator said this bill would pass.",  # a demonstrative naming its noun
    "Police said the protesters threw stones at them.",  # not a subject or object pronoun of the rule
    "The mayor said “they will pay for this” on Monday.",  # quoted words are the speaker's
    "Rescuers pulled 12 people from the rubble on Tuesday.",
    "It was reported that the plant closed.",
    "Sales rose in the 1990s.",
    "The two leaders met on Tuesday.",
])
def test_a_sentence_that_names_what_it_speaks_of_is_kept(text: str) -> None:
    assert unresolved_reference(text) is None


def test_a_quotation_with_no_speaker_is_no_statement() -> None:
    assert speakerless("“Needless to say, the strike was not ‘a strike of the union’s choosing.’”")
    assert speakerless("\"We will rebuild every school.\"")
    assert not speakerless("The mayor said: “We will rebuild every school.”")
    assert not speakerless("The agency described the find as “a giant leap”.")


def test_a_name_or_title_is_not_lower_cased_after_according_to() -> None:
    assert _lower_first("Ms. Varga said the plan was sound.") == "Ms. Varga said the plan was sound."
    assert _lower_first("Mr. Okafor left early.") == "Mr. Okafor left early."
    assert _lower_first("Brown's office did not respond.", ["Senator Sherrod Brown"]) == "Brown's office did not respond."
    assert _lower_first("The warnings came late.") == "the warnings came late."
    assert _lower_first("Apartment blocks fell.") == "apartment blocks fell."


def test_a_long_shared_run_of_an_unnamed_speaker_s_quote() -> None:
    from newsprism.compare.synthesis import _unnamed, common_run

    assert common_run("Until then, he will continue to serve his constituents with the same dedication",
                      "As he said, until then he will continue to serve his constituents with care") == 10
    assert common_run("the same remark", "another remark entirely") == 1
    assert _unnamed("the statement") and _unnamed("the Texas governor") and _unnamed(None) and _unnamed("The aide")
    assert not _unnamed("Mara Velin") and not _unnamed("Velin")


HILLS = {
    "North Star": ("2022-05-10", """Governor vows to fight cuts

“We will fight every cut to our schools and our roads until the last vote is counted,” said Governor Ines Okafor.

The governor spoke in Ordo on Tuesday.
"""),
    "Valley Post": ("2022-05-10", """Okafor promises a fight

The governor went further. “We will keep our promises, and we will fight every cut to our schools and our roads until the last vote is counted,” the governor said.
"""),
    "Harbor Times": ("2022-05-10", """Budget fight begins

“We will fight for a fair budget,” said Mayor Tomas Berend on Tuesday.
"""),
}


@pytest.mark.slow
def test_an_unnamed_speaker_s_quote_sharing_a_long_run_of_the_remark_is_cited() -> None:
    from dataclasses import replace

    from newsprism.compare import compare_analyzed
    from newsprism.compare.synthesis import BEST, cite_partial_quotes
    from newsprism.records import Claim
    from newsprism.stages import analyze_many

    from .conftest import story_articles

    c = compare_analyzed(analyze_many(story_articles(HILLS)))
    a = next(x for x in c.articles if x.article.outlet == "North Star")
    words = "“We will fight every cut to our schools and our roads until the last vote is counted,”"
    at = a.article.text.find(words)
    s = next(x for x in a.sentences if x.start <= at < x.end)
    best = Claim(id=f"{a.id}:{at}", article=a.id, sentence=s.i, start=at, end=at + len(words), text=words,
                 quote=True, asserted_by_name="Ines Okafor")
    said = ("Ines Okafor was quoted as saying: “We will fight every cut to our schools and our roads until the last "
            "vote is counted”.")
    item = {"text": said, "citations": [a.id], "spans": [{"article": a.id, "sentence": s.i, "start": at,
                                                          "end": at + len(words)}],
            "fact": "f1", "kind": "corroborated", "reason": "test", BEST: (best, said)}
    valley = next(x for x in c.articles if x.article.outlet == "Valley Post")
    assert any(q.speaker and q.speaker[:1].islower() for q in valley.quotes), [(q.text, q.speaker) for q in valley.quotes]
    cite_partial_quotes(c, [item])
    assert valley.id in item["citations"], [(q.text, q.speaker) for q in valley.quotes]
    harbor = next(x for x in c.articles if x.article.outlet == "Harbor Times")
    assert harbor.id not in item["citations"]  # a named other speaker, three words in a row
    # a short run of an unnamed speaker's quote is not enough
    short = dict(item, citations=[a.id], spans=item["spans"][:1], reason="test",
                 **{BEST: (replace(best), "Ines Okafor was quoted as saying: “We will fight every cut”.")})
    cite_partial_quotes(c, [short])
    assert valley.id not in short["citations"]


def test_a_copular_predicate_all_in_quote_marks_is_someone_s_words() -> None:
    from newsprism.compare.synthesis import quoted_predicate

    assert quoted_predicate("The strike is “a disaster for the city”.")
    assert quoted_predicate("Lake Velka is “’a lake we have to save”.")
    assert not quoted_predicate("The agency described the find as “a giant leap”.")  # a quoted term in narration
    assert not quoted_predicate("The vote was “a historic mistake,” the minister said.")  # said by someone
    assert not quoted_predicate("The bridge is closed.")


def test_a_name_and_a_relative_clause_is_no_statement() -> None:
    from newsprism.compare.synthesis import relative_only

    assert relative_only("Jo Marr, whose 9-year-old son, Tom, was hurt.")
    assert not relative_only("Jo Marr, whose son was hurt, spoke on Tuesday.")
    assert not relative_only("The bill, which passed, is law now.")
    assert not relative_only("Jo Marr spoke on Tuesday.")


def test_a_person_s_name_drops_the_words_a_headline_glued_to_it() -> None:
    from newsprism.compare.entities import person_name

    assert person_name("Ines Okafor RALLY") == "Ines Okafor"
    assert person_name("Ines Okafor RALLY 2010") == "Ines Okafor"
    assert person_name("John Marr III") == "John Marr III"
    assert person_name("Tomas B. Berend") == "Tomas B. Berend"
    assert person_name("JFK") == "JFK"

