"""One cue per framing choice of the outlet (issue 14, session 14): a loaded word used again for the same choice is
set aside with a reason naming the cue that stands for it. Texts the tests write."""

from __future__ import annotations

import pytest

from newsprism.records import Article, FramingCue, Paragraph
from newsprism.stages import analyze_many
from newsprism.stages.framing import once_per_choice

pytestmark = pytest.mark.slow


def _analyzed(text: str):  # type: ignore[no-untyped-def]
    return analyze_many([Article(id="t", source="t", text=text, title=text.split("\n\n", 1)[0],
                                 paragraphs=(Paragraph(start=0, end=len(text)),))])[0]


def test_word_in_headline_and_phrase_in_lede_count_once() -> None:
    a = _analyzed("Rally turns ugly as protesters storm parliament\n\nUgly scenes of violence erupted outside the "
                  "parliament on Monday as protesters clashed with police, who fired tear gas at the crowd.")
    framing = [(f.cue, f.text) for f in a.framing]
    assert ("evaluative", "Ugly scenes") in framing
    assert ("loaded", "ugly") not in framing
    aside = next(f for f in a.framing if f.text == "ugly")
    assert aside.cue == "set_aside" and "the same framing choice as “Ugly scenes”" in aside.reason


def _cue(start: int, text: str, cue: str = "evaluative", speaker: str | None = None) -> FramingCue:
    return FramingCue(start=start, end=start + len(text), text=text, cue=cue, reason="r", speaker=speaker,
                      word=(start, start + len(text.split()[0])) if cue != "loaded" else None)


def test_a_phrase_repeated_word_for_word_counts_once() -> None:
    cues = [_cue(10, "notorious drug lord"), _cue(200, "notorious drug lord"), _cue(300, "stark contrast")]
    out = once_per_choice(cues)
    assert [c.cue for c in out] == ["evaluative", "set_aside", "evaluative"]
    assert "(a cue at 10)" in out[1].reason


def test_a_speakers_words_and_other_words_are_left_alone() -> None:
    cues = [_cue(10, "ugly", "loaded", speaker="the mayor"), _cue(50, "ugly scenes"), _cue(90, "brutal", "loaded")]
    assert [c.cue for c in once_per_choice(cues)] == ["loaded", "evaluative", "loaded"]
