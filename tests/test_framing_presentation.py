"""A loaded-word cue is presented only where the hand labels' out-of-fold precision at its cue-classifier score
reaches ``cue_present_precision_min`` (issue 14, session 16, frame19): texts the tests write."""

from __future__ import annotations

import re

import pytest

from newsprism.compare.framing import summarise
from newsprism.records import Article, Paragraph
from newsprism.settings import DEFAULT
from newsprism.stages import analyze_many
from newsprism.stages.framing import not_presented, presentation_model, presented_share

pytestmark = pytest.mark.slow

TEXTS = {
    "scheme": "The senator unveiled his reckless and shameful scheme on Monday, a disgraceful betrayal of the voters "
              "who elected him. The plan would cut school funding by a third over five years.",
    "quake": "Rescue workers dug through the rubble of a collapsed school on Wednesday as bulldozers cleared the "
             "street and weary volunteers passed buckets of debris from hand to hand. The quake killed 230 people.",
}
WORD_CUES = ("loaded", "evaluative", "epithet")


def _articles() -> list[Article]:
    return [Article(id=k, source=k, text=t, title="Story", outlet=k, paragraphs=(Paragraph(start=0, end=len(t)),))
            for k, t in TEXTS.items()]


def _g(reason: str) -> float:
    m = re.search(r"cue classifier p=([0-9.]+)", reason)
    assert m is not None, reason
    return float(m.group(1))


@pytest.fixture(scope="module")
def runs() -> dict[str, dict[str, object]]:
    """The written texts analysed with every cue presented (0), the default, and none presented (1.01)."""
    out: dict[str, dict[str, object]] = {}
    for name, value in (("all", 0.0), ("default", DEFAULT.cue_present_precision_min), ("none", 1.01)):
        for a in analyze_many(_articles(), settings=DEFAULT.replace(cue_present_precision_min=value)):
            out.setdefault(name, {})[a.article.id] = a
    return out


def test_the_share_rises_with_the_score_in_each_family() -> None:
    families = presentation_model()["families"]
    assert set(families) == {"word", "phrase"}
    for family in families:
        shares = [presented_share(family, s / 100) for s in range(0, 101, 2)]
        assert all(x is not None for x in shares)
        assert shares == sorted(shares), family  # isotonic: never lower at a higher score
        assert shares[-1] > 2 * shares[22]  # the score carries evidence: 0.44 is far less precise than 1.0


def test_a_cue_under_the_target_is_not_presented_and_says_why() -> None:
    low = not_presented("word", 0.45)
    assert low is not None and "cue_present_precision_min" in low and "0.45" in low
    assert not_presented("word", 0.99) is None
    assert not_presented("word", 0.45, DEFAULT.replace(cue_present_precision_min=0)) is None  # 0: the rule is off


def test_without_the_rule_the_written_judgement_is_a_cue(runs: dict[str, dict[str, object]]) -> None:
    a = runs["all"]["scheme"]
    assert any(f.cue in WORD_CUES for f in a.framing)  # type: ignore[attr-defined]


def test_a_cue_not_presented_is_set_aside_with_its_score_and_reason(runs: dict[str, dict[str, object]]) -> None:
    shown, none = runs["all"]["scheme"], runs["none"]["scheme"]
    before = [f for f in shown.framing if f.cue in WORD_CUES and f.speaker is None]  # type: ignore[attr-defined]
    assert before
    assert not [f for f in none.framing if f.cue in WORD_CUES]  # type: ignore[attr-defined]
    held = [f for f in none.framing if f.cue == "set_aside" and "not presented" in f.reason]  # type: ignore[attr-defined]
    assert {(f.word or (f.start, f.end))[0] for f in before} <= {f.start for f in held}
    assert all(f.score is not None and f.reason.startswith("not flagged") for f in held)
    summary = summarise(none)  # type: ignore[arg-type]
    assert not [n for n in summary["notable"] if n["cue"] in WORD_CUES]  # not counted, not listed as notable
    assert {f.start for f in held} <= {s["start"] for s in summary["set_aside"]}  # kept apart, with its reason


def test_every_presented_cue_reaches_the_target(runs: dict[str, dict[str, object]]) -> None:
    for a in runs["default"].values():
        for f in a.framing:  # type: ignore[attr-defined]
            if f.cue in WORD_CUES and f.speaker is None and "cue classifier p=" in f.reason:
                # built as a phrase by the stage, or a loaded word alone (two merged side by side keep each word's)
                family = "phrase" if f.reason.startswith(("evaluative phrase", "epithet")) else "word"
                share = presented_share(family, _g(f.reason))
                assert share is not None and share >= DEFAULT.cue_present_precision_min, (f.text, f.reason)


# found bought back with precise kinds (session 16, frame19): epithets from the label lexicon and a graded verb
LABELS = {
    "bare": "The agreement angered hardliners in Tehran, who said the government had given away too much.",
    "hyphen": "Both leaders face skepticism from powerful hard-liners at home after decades of enmity.",
    "hung": "Voters were beaten by the Spanish national police and paramilitary Civil Guard at polling stations.",
    "training": "On long runs, the staple of any marathon training regime, I grew patient with pace.",
    "school": "The school is named for a 19th-century school reformer whose principles are still taught.",
    "trumpet": "Iran and world powers trumpet historic nuclear deal after 18 days of talks in Vienna.",
}


@pytest.fixture(scope="module")
def labelled() -> dict[str, list[tuple[str, str, str | None]]]:
    arts = [Article(id=k, source=k, text=t, title="Story", outlet=k, paragraphs=(Paragraph(start=0, end=len(t)),))
            for k, t in LABELS.items()]
    return {a.article.id: [(f.cue, f.text, f.grade) for f in a.framing] for a in analyze_many(arts)}


def test_a_bare_label_the_lexicon_calls_an_epithet_is_one(labelled: dict[str, list[tuple[str, str, str | None]]]
                                                           ) -> None:
    assert ("epithet", "hardliners", None) in labelled["bare"]  # no people noun needed: the label names its bearers
    assert ("epithet", "hard-liners", None) in labelled["hyphen"]


def test_a_label_before_a_name_the_parser_hung_elsewhere_is_an_epithet(
        labelled: dict[str, list[tuple[str, str, str | None]]]) -> None:
    assert ("epithet", "paramilitary Civil Guard", None) in labelled["hung"]


def test_a_bare_label_word_that_names_a_kind_of_thing_is_no_epithet(
        labelled: dict[str, list[tuple[str, str, str | None]]]) -> None:
    assert not [c for c in labelled["training"] if c[0] == "epithet"]  # "a marathon training regime"
    assert not [c for c in labelled["school"] if c[0] == "epithet"]  # "a school reformer"


def test_trumpet_is_graded_like_tout(labelled: dict[str, list[tuple[str, str, str | None]]]) -> None:
    assert ("attribution_verb", "trumpet", "undermining") in labelled["trumpet"]  # "world powers" can speak


def test_likely_in_a_forecast_is_no_hedge() -> None:
    """Session 16: "likely" on a verb with "will" or "would" forecasts, like "is likely to rise" (already no hedge);
    on a past verb it is the writer's guess about what happened, a hedge."""
    texts = {"will": "Officials said 225 people had died, but the number of collapsed buildings suggests the count "
                     "will likely rise.",
             "before": "The space shuttle mission to the space station likely will be pushed back a few more days.",
             "guess": "The fortune of the cartel likely financed the project, the engineers believe.",
             "passive": "Guidance was likely undertaken by compass, a favoured method of the cartel's tunnellers."}
    arts = [Article(id=k, source=k, text=t, title="Story", outlet=k, paragraphs=(Paragraph(start=0, end=len(t)),))
            for k, t in texts.items()]
    hedges = {a.article.id: [f.text for f in a.framing if f.cue == "hedge"] for a in analyze_many(arts)}
    assert hedges["will"] == [] and hedges["before"] == []
    assert hedges["guess"] == ["likely"] and hedges["passive"] == ["likely"]
