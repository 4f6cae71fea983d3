"""Word tokens and general English word frequency (wordfreq's Zipf scale)."""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


_QUOTED_RUN = re.compile(r"[“\"][^”\"]*[”\"]")


def outside_quotes(text: str, keep_offsets: bool = True) -> str:
    """The text with every run in double quote marks blanked: with ``keep_offsets``, by as many spaces (offsets and
    the parse of what is left stay put), else by one space each. What a writer says in their own voice."""
    return _QUOTED_RUN.sub((lambda m: " " * len(m.group(0))) if keep_offsets else " ", text)


def words(line: str) -> list[str]:
    """The words of a line (letters and digits, with inner apostrophes and hyphens)."""
    return _WORD.findall(line)


@lru_cache(maxsize=20000)
def zipf(word: str) -> float:
    """How common a word is in English (Zipf scale: 7 for "the", about 1 for rare words)."""
    return float(zipf_frequency(word, "en"))
