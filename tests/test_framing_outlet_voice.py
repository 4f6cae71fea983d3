"""Framing cues are the outlet's choices (issue 14): texts the tests write, checked for what users would see
wrong — verbs that do not introduce speech graded as attribution, scare quotes on code or page chrome,
loaded words inside someone's quotation, naming contrasts between different referents."""

from __future__ import annotations

import pytest

from newsprism.compare.entities import link_across
from newsprism.compare.framing import naming_contrasts
from newsprism.records import Article, Paragraph
from newsprism.stages import analyze, analyze_many

pytestmark = pytest.mark.slow


def _written(text: str, id: str = "t") -> Article:
    title, body = text.split("\n\n", 1)
    return Article(id=id, source=id, text=body, title=title, outlet=id, paragraphs=(Paragraph(start=0, end=len(body)),))


def _cues(a, cue):  # type: ignore[no-untyped-def]
    return [f for f in a.framing if f.cue == cue]


def test_only_verbs_that_introduce_speech_are_graded() -> None:
    a = analyze(_written("Chat App Grows\n\nThe popular app boasts over 450 million users. Surveys showed that "
                         "most users were young. Regulators denied the merger. Opposition leader Per Malm "
                         "claimed that the figures were wrong, and Ana Kell raged that the deal was a fraud."))
    graded = {f.text: f.grade for f in _cues(a, "attribution_verb") if f.grade != "neutral"}
    assert graded == {"claimed": "undermining", "raged": "emotive"}, graded


def test_scare_quotes_only_around_short_phrases_in_prose() -> None:
    a = analyze(_written("Council Vote\n\nvar config = {\"mode\": \"dark\"}; window.load(\"main\");\n\n"
                         "Home | \"News\" | Sport\n\nThe council approved the “reform” of the market on Tuesday "
                         "after a long debate."))
    scare = [f.text for f in _cues(a, "scare_quote")]
    assert scare == ["“reform”"], scare


def test_name_given_after_a_naming_verb_is_not_a_scare_quote() -> None:
    a = analyze(_written("Rescue Teams\n\nVolunteer teams known as “moles” crawled under the rubble while "
                         "the “experts” watched from the road."))
    scare = [f.text for f in _cues(a, "scare_quote")]
    assert scare == ["“experts”"], scare


def test_loaded_words_only_in_the_outlet_voice() -> None:
    a = analyze(_written("Budget Row\n\nThe council's disgraceful decision angered residents. “This shameless "
                         "giveaway is a disgrace,” said Per Malm, a local shopkeeper."))
    loaded = {f.loaded_word for f in a.framing if f.loaded_word}
    assert "disgraceful" in loaded
    assert not {"shameless", "disgrace"} & loaded, loaded


def test_reportedly_is_a_hedge() -> None:
    a = analyze(_written("Clashes\n\nProtesters reportedly struck back with metal bars on Sunday, and the "
                         "police apparently withdrew."))
    assert {f.text for f in _cues(a, "hedge")} == {"reportedly", "apparently"}


def test_naming_contrast_only_for_one_referent() -> None:
    texts = [("a", "Dam Burst\n\nThe Calder Dam disaster flooded the valley on Monday. The Calder Dam riot "
                   "followed on Tuesday, and the Calder Dam committee met."),
             ("b", "Dam Report\n\nThe Calder Dam incident flooded the valley on Monday. After the riot, the "
                   "Calder Dam company said it was sorry.")]
    analyzed = link_across(analyze_many([_written(t, id) for id, t in texts]))
    pairs = {tuple(sorted(c["heads"])) for c in naming_contrasts(analyzed)}
    assert ("disaster", "incident") in pairs
    # "riot" is used by both articles (the same word for the same thing); the committee and the company are
    # different referents: no contrast pairs "riot" with anything
    assert all("riot" not in p for p in pairs), pairs
