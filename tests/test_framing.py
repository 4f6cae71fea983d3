"""Framing cues: the seeds' acceptance cues, every cue type on the project's own texts, the gold floor."""

from __future__ import annotations

import pytest

from newsprism.stages import analyze
from newsprism.compare import compare_analyzed
from newsprism.evaluate import score_framing
from newsprism.records import Article, Paragraph

from .conftest import ROOT

pytestmark = pytest.mark.slow



def _written(text: str) -> Article:
    """An Article straight from text the test writes (title, blank line, body): these tests are about framing,
    so the text does not go through the cleaner."""
    title, body = text.split("\n\n", 1)
    return Article(id="t", source="t", text=body, title=title, paragraphs=(Paragraph(start=0, end=len(body)),))


def _cues(framing, cue):  # type: ignore[no-untyped-def]
    return [f for f in framing if f.cue == cue]


def _loaded(a):  # type: ignore[no-untyped-def]
    """word → reason of every loaded word: a ``loaded`` cue, or the word an evaluative phrase or epithet is built on."""
    return {a.article.text[slice(*(f.word or (f.start, f.end)))]: f.reason for f in a.framing
            if f.cue == "loaded" or f.word is not None}


@pytest.fixture(scope="module")
def seed_comparison(analyzed_seeds):  # type: ignore[no-untyped-def]
    return compare_analyzed(analyzed_seeds)


def test_framing_gold_floor():
    total, by_cue = score_framing(ROOT / "tests" / "data" / "gold" / "framing.json", ROOT)
    assert not total.stale, total.stale
    # 143 spans since session 12 (frame15): re-based on main 47345fc's framing, session 1's moot corrections and
    # the independent audit's (audit15) 'not' cues out; 166 before
    assert total.tp + total.fn >= 140
    assert total.precision >= 0.8, total.line("framing")
    assert total.recall >= 0.8, total.line("framing")


def test_framing_seed_001_cues(seed_comparison):
    a = seed_comparison.articles[1]
    texts = {(f.cue, f.text) for f in a.framing}
    assert [f.text for f in a.framing if f.cue == "hedge" and f.text == "so-called"].__len__() == 2
    assert ("hedge", "supposed") in texts
    assert ("scare_quote", "“peaceful”") in texts
    talked = next(f for f in a.framing if f.cue == "attribution_verb" and f.text == "talked up")
    assert talked.grade == "undermining" and talked.target == "person:vladimir-putin"
    assert ("loaded", "bombarding") in texts
    naming = [f for f in a.framing if f.cue == "naming"]
    assert any("invasion" in f.text for f in naming)
    assert all(f.reason for f in a.framing)


def test_framing_seed_000_praise_and_naming(seed_comparison):
    a = seed_comparison.articles[0]
    texts = {(f.cue, f.text) for f in a.framing}
    # "emotional" (in "an emotional reception") was loaded only by Pattern's subjectivity lexicon; the learned
    # tagger gives it p≈0.05 (BABE's annotators do not mark it): sentiment, not slant (issue 14)
    assert ("loaded", "emotional") not in texts
    # "great" is praise inside Xi's quoted words: his word, not the outlet's, so not the outlet's loaded cue
    # (issue 14: loaded words in the outlet's voice only)
    at = a.article.text.find("great")
    assert any(q.start <= at < q.end and "Xi" in (q.speaker or "") for q in a.quotes)
    assert ("loaded", "great") not in texts
    naming = next(f for f in a.framing if f.cue == "naming")
    assert naming.text == "the Ukrainian conflict" and "invasion" in naming.reason


def test_framing_hedges_and_scare_quotes_on_own_text():
    a = analyze(_written("Reform Plan Unveiled\n\nThe minister unveiled the so-called reform plan, which the "
                         "self-styled experts of the alleged think tank praised as “bold”, on Monday."))
    hedges = {f.text for f in _cues(a.framing, "hedge")}
    assert hedges == {"so-called", "self-styled", "alleged"}


def test_framing_label_after_naming_verb_is_a_partial_quote():
    """A label quoted after a naming verb ('praised as') is the speaker's words, not a scare quote."""
    a = analyze(_written("Reform Plan Unveiled\n\nThe minister unveiled the reform plan, which the experts of "
                             "the think tank praised as “bold”, on Monday."))
    assert not _cues(a.framing, "scare_quote")
    assert [(q.kind, q.text) for q in a.quotes if "bold" in q.text] == [("partial", "bold")]


def test_framing_attribution_grades_on_own_text():
    a = analyze(_written("Budget Row\n\nFinance Minister Ana Kell said the budget was balanced. Her deputy "
                         "Jon Ries noted that revenue had grown. Opposition leader Per Malm claimed that the "
                         "figures were wrong."))
    grades = {f.text: f.grade for f in _cues(a.framing, "attribution_verb")}
    assert grades == {"said": "neutral", "noted": "endorsing", "claimed": "undermining"}
    speakers = {f.text: f.speaker for f in _cues(a.framing, "attribution_verb")}
    assert speakers["claimed"] == "Per Malm"


def test_framing_loaded_words_name_their_lexicon():
    a = analyze(_written("Council Vote\n\nThe council's disgraceful decision was slammed by residents, who "
                         "called the heroic volunteers the only winners."))
    loaded = _loaded(a)
    assert "slammed" in loaded and "BABE" in loaded["slammed"]
    assert "heroic" in loaded and "VADER" in loaded["heroic"]
    # one framing act, one cue: "heroic volunteers" is the cue, carrying the word's reason; "heroic" is not
    # emitted again on its own
    assert "heroic" not in {f.text for f in _cues(a.framing, "loaded")}
    assert any(f.text == "heroic volunteers" and "VADER" in f.reason for f in a.framing)


def test_framing_agentless_passive():
    a = analyze(_written("Warnings Ignored\n\nThe warnings were ignored and the repairs were postponed. The "
                         "report was written by engineers. A second inspection is planned for May and the "
                         "results will be sent to the council."))
    passives = {f.text: f.reason for f in _cues(a.framing, "passive_agentless")}
    # "written by engineers" names its agent; "is planned" and "be sent" hide no one worth naming
    assert set(passives) == {"were ignored", "were postponed"}
    assert "harm or blame" in passives["were ignored"]


def test_framing_naming_contrast_on_examples(analyzed_examples):
    c = compare_analyzed(analyzed_examples)
    naming = {(c.label(a.id), f.text) for a in c.articles for f in a.framing if f.cue == "naming"}
    labels = {lab for lab, _ in naming}
    assert "National Broadcast Service" in labels and "The Northern Sentinel" in labels
    assert any("incident" in t for _, t in naming) and any("disaster" in t for _, t in naming)
    summary = c.framing[c.articles[1].id]
    assert summary["counts"] and "notable" in summary and summary["attribution"]


def test_framing_sentence_bias_score_is_explained():
    a = analyze(_written("Budget Vote\n\nThe council approved the budget on Tuesday by a vote of seven to two. "
                             "Greedy corporate fat cats are once again ripping off hardworking families with their "
                             "shameless lies."))
    flagged = [f for f in a.framing if f.cue == "biased_sentence"]
    assert [f.text.split()[0] for f in flagged] == ["Greedy"]  # the neutral vote report is not flagged
    assert "bias score" in flagged[0].reason and "BABE" in flagged[0].reason


def test_framing_raged_is_graded_emotive():
    a = analyze(_written("Budget Row\n\nFinance Minister Ana Kell said the budget was balanced. Opposition "
                             "leader Per Malm raged that the figures were a fraud. Her deputy Jon Ries stated "
                             "that revenue had grown."))
    grades = {f.text: f.grade for f in _cues(a.framing, "attribution_verb")}
    assert grades.get("raged") == "emotive" and grades.get("said") == "neutral" and grades.get("stated") == "neutral"
    raged = next(f for f in _cues(a.framing, "attribution_verb") if f.text == "raged")
    assert raged.speaker == "Per Malm" and "angry" in raged.reason


def test_framing_epithet_found_with_span_and_reason():
    a = analyze(_written("Protest in Arden\n\nThe corrupt regime sent police to the square on Monday. "
                             "Thousands of people marched through Arden, and the police watched."))
    epithets = _cues(a.framing, "epithet")
    assert any(f.text == "corrupt regime" for f in epithets), [(f.cue, f.text) for f in a.framing]
    f = next(f for f in epithets if f.text == "corrupt regime")
    assert "people" in f.reason and f.score is not None and 0 < f.score <= 1


def test_framing_learned_tagger_flags_words_with_probability():
    a = analyze(_written("Council Vote\n\nThe council approved the budget on Tuesday. The council's "
                             "disgraceful decision was a shameless giveaway, residents said."))
    loaded = {f.loaded_word: f for f in a.framing if f.loaded_word}
    assert "disgraceful" in loaded and "shameless" in loaded
    assert "approved" not in loaded and "budget" not in loaded and "Tuesday" not in loaded
    assert all(f.score is not None and f.score >= 0.5 and "tagger" in f.reason for f in loaded.values())
