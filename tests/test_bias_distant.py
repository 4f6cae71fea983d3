"""scripts/try_bias_distant.py: the labels its candidates train on (BASIL sentences, BABE word pieces)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from try_bias_distant import article_sentences, word_labels  # noqa: E402


def test_article_sentences_label_by_span_voice() -> None:
    text = ("The senator delivered a shameless tirade on Tuesday. "
            "Aides said the bill would pass next week in the chamber.\n\n"
            "\"It is a disgraceful sham,\" the rival said on the floor. "
            "Too short here. "
            "The vote was scheduled for the following Monday afternoon.")
    own = [(text.index("shameless tirade"), text.index("shameless tirade") + len("shameless tirade"))]
    quoted = [(text.index("disgraceful sham"), text.index("disgraceful sham") + len("disgraceful sham"))]
    got = article_sentences(text, own, quoted)
    assert [k for _, k in got] == ["biased", "not biased", "quote only", "short", "not biased"]
    assert got[0][0] == "The senator delivered a shameless tirade on Tuesday."
    assert got[2][0] == "\"It is a disgraceful sham,\" the rival said on the floor."


class _Pieces:
    """A stand-in tokenizer: whitespace words as pieces, [CLS]/[SEP] with empty offsets."""

    def __call__(self, text: str, truncation: bool, max_length: int, return_offsets_mapping: bool) -> dict[str, Any]:
        offsets, pos = [(0, 0)], 0
        for word in text.split():
            start = text.index(word, pos)
            offsets.append((start, start + len(word)))
            pos = start + len(word)
        return {"offset_mapping": [*offsets[:max_length - 1], (0, 0)]}


def test_word_labels_mark_every_whole_word_occurrence_case_blind() -> None:
    labels = word_labels(_Pieces(), ["Radical plans, radical people and radicalism"], [["radical"]])
    assert labels == [[0, 1, 0, 1, 0, 0, 0, 0]]
    assert word_labels(_Pieces(), ["Nothing marked here"], [[]]) == [[0, 0, 0, 0, 0]]
