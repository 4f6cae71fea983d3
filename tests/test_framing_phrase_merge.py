"""Cues over the words of one phrase are one cue with one span (issue 14, review class "a cue split from its
neighbour"; texts the tests write)."""

from __future__ import annotations

import pytest

from newsprism import nlp
from newsprism.records import FramingCue
from newsprism.stages.framing import merge_phrase_cues

pytestmark = pytest.mark.slow

TEXT = "The brutal crackdown shocked the city, and three strangely habitable and weird planets were found."


def _cue(word: str, cue: str = "loaded", speaker: str | None = None, score: float = 0.8) -> FramingCue:
    start = TEXT.index(word)
    return FramingCue(start=start, end=start + len(word), text=word, cue=cue, reason=f"reason of {word}",
                      speaker=speaker, score=score)


@pytest.fixture(scope="module")
def doc():  # type: ignore[no-untyped-def]
    return nlp.parse([TEXT])[0]


def test_an_adjective_and_its_noun_emitted_apart_are_one_cue(doc):  # type: ignore[no-untyped-def]
    merged = merge_phrase_cues([_cue("brutal"), _cue("crackdown", score=0.9)], TEXT, doc)
    assert len(merged) == 1
    one = merged[0]
    assert one.text == "brutal crackdown" and one.cue == "evaluative" and one.score == 0.9
    # its loaded word is the one the tagger is surer of
    assert one.word == (TEXT.index("crackdown"), TEXT.index("crackdown") + len("crackdown"))
    assert "reason of brutal" in one.reason and "reason of crackdown" in one.reason


def test_a_loaded_word_inside_an_evaluative_phrase_is_not_a_second_cue(doc):  # type: ignore[no-untyped-def]
    phrase = _cue("strangely habitable and weird planets", cue="evaluative")
    merged = merge_phrase_cues([phrase, _cue("weird")], TEXT, doc)
    assert [(c.text, c.cue) for c in merged] == [("strangely habitable and weird planets", "evaluative")]


def test_a_subject_and_its_verb_stay_two_cues(doc):  # type: ignore[no-untyped-def]
    merged = merge_phrase_cues([_cue("crackdown"), _cue("shocked")], TEXT, doc)
    assert [c.text for c in merged] == ["crackdown", "shocked"]


def test_a_speakers_word_and_the_outlets_word_stay_apart(doc):  # type: ignore[no-untyped-def]
    merged = merge_phrase_cues([_cue("brutal", speaker="Ann Lee"), _cue("crackdown")], TEXT, doc)
    assert len(merged) == 2
