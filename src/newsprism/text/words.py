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


TITLE_LOWER = frozenset("a an the and but or nor for so yet at by in of off on to up as vs via with from into onto over "
                        "per than upon out".split())


@lru_cache(maxsize=8192)
def title_case(text: str) -> bool:
    """Title Case throughout ("Historic Nuclear Deal Reached With Iran"), a headline's form: at least three words of
    four letters or more, four in five of them capitalised, and no lowercase word but the small function words ("a
    sentence dense with names still has a lowercase verb: "Secretary of State John Kerry met … in Vienna.")."""
    long = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) > 3]
    if len(long) < 3 or sum(w[0].isupper() for w in long) / len(long) < 0.8:
        return False
    return all(w.lower() in TITLE_LOWER for w in re.findall(r"\b[a-z][\w’'-]*", text))
