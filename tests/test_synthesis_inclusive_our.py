"""Whose words a synthesis statement is (session 12, lead): the inclusive "our" of narration about the world every
reader shares ("our sun", "our solar system") and the country "US" are the outlet's voice, not first-person words;
"us", "we", "our users" outside quote marks still are someone's own words."""

from __future__ import annotations

import pytest

from newsprism.compare import compare_analyzed
from newsprism.compare.synthesis import first_person

from .conftest import story_articles


def test_inclusive_our_and_the_country_are_narration_first_person_words_are_not() -> None:
    assert not first_person("All seven planets orbit closer to their star than Mercury is to our sun.")
    assert not first_person("The planets lie far outside our own solar system.")
    assert not first_person("The US imposed new sanctions on Marren on Friday.")
    assert first_person("He told us the plan would fail.")
    assert first_person("We will keep the service independent.")
    assert first_person("Our users will see no ads.")
    assert first_person("Sanctions hurt our economy, the minister said.")


@pytest.mark.slow
def test_a_fact_narrated_with_our_sun_is_stated() -> None:
    from newsprism.stages import analyze_many

    line = "All seven planets circle their star closer than Mercury circles our sun."
    story = {outlet: ("2030-02-22", f"Seven worlds\n\n{lead}\n\n{line}\n\n{tail}") for outlet, lead, tail in (
        ("Harbor Daily", "Astronomers in Kelda found seven small planets around a faint red star.",
         "The team will look for water next year."),
        ("Valley Courier", "Seven small planets were found around a faint red star by astronomers in Kelda.",
         "Funding for the telescope was cut last spring."),
        ("Plains Herald", "A faint red star has seven small planets, Kelda astronomers said.",
         "Three of the worlds may be warm enough for oceans."))}
    c = compare_analyzed(analyze_many(story_articles(story)))
    said = [s for s in c.synthesis if "Mercury" in s["text"]]
    assert said and len(said[0]["citations"]) >= 2, (c.synthesis, [f.reason for f in c.facts if "Mercury" in f.statement])


def test_a_statement_cut_where_its_sentence_was_cut_is_no_statement() -> None:
    from newsprism.compare.synthesis import _body_problem
    from newsprism.settings import DEFAULT

    for cut in ("— whose commentary had a sharper edge.", "In which every bill must cite the clause it rests on.",
                "which the council approved on Monday."):
        assert _body_problem(cut, "unique", DEFAULT) is not None, cut
    assert _body_problem("The council approved the budget on Monday.", "unique", DEFAULT) is None
    assert _body_problem("Whitman, the mayor, approved the budget on Monday.", "unique", DEFAULT) is None


def test_a_quotation_of_a_verb_phrase_with_no_subject_is_no_statement() -> None:
    from newsprism.compare.synthesis import _quoted_fragment

    assert _quoted_fragment("Ann Lee was quoted as saying: “… coming up a little short in the role model department.”")
    assert _quoted_fragment("Ann Lee was quoted as saying: “We will not rest until he is caught.”") is None
    assert _quoted_fragment("Ann Lee was quoted as saying: “The plan is on a path to connect a billion people.”") is None


def test_a_sentence_opening_with_a_where_clause_is_whole_a_cut_one_is_not() -> None:
    from newsprism.compare.synthesis import text_problem

    assert text_problem("Where the river meets the sea, the town built a new harbour.") is None
    assert text_problem("where the river meets the sea.") is not None
