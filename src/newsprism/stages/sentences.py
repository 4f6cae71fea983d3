"""Sentences of the cleaned text, never across a paragraph break."""

from __future__ import annotations

from ..records import Sentence
from .base import StageContext


def sentences_stage(ctx: StageContext) -> tuple[Sentence, ...]:
    """Sentence split of the text; a spaCy sentence that spans a blank line is cut there."""
    out: list[Sentence] = []
    text = ctx.article.text
    for sent in ctx.doc.sents:
        start, end = sent.start_char, sent.end_char
        pieces: list[tuple[int, int]] = []
        cursor = start
        chunk = text[start:end]
        idx = chunk.find("\n\n")
        while idx != -1:
            pieces.append((cursor, start + idx))
            cursor = start + idx + 2
            idx = chunk.find("\n\n", idx + 2)
        pieces.append((cursor, end))
        for s, e in pieces:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Sentence(i=len(out), start=s, end=e, text=text[s:e]))
    return tuple(out)
