"""Word lists as data files, and the one loader for them.

Lists written for newsprism live beside this file (``speech_verbs.tsv``, ``hedges.tsv``,
``babe_biased_words.tsv``); published lexicons are read from the PyPI packages that ship them
(VADER, Pattern via TextBlob, NRC via NRCLex). Only English is supported: every list is English.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
import importlib.util
from importlib import resources
from pathlib import Path

from ..errors import ModelMissing


def _rows(name: str) -> list[list[str]]:
    """Rows of a tab-separated list shipped in this folder: comments skipped, header row dropped."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:] if rows and rows[0][0] in ("verb", "word") else rows


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, str]:
    """Every verb of saying (lemma, with particle where it matters) → its grade ('' when ungraded)."""
    return {row[0]: row[1] for row in _rows("speech_verbs.tsv")}


def _speech_lemmas() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("speech_verbs.tsv") if row[2] == "1")


def _grades() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for verb, grade in speech_verbs().items():
        if grade:
            out.setdefault(grade, set()).add(verb)
    return {g: frozenset(v) for g, v in out.items()}


SPEECH_VERBS: frozenset[str] = _speech_lemmas()
"""Lemmas that introduce speech (quotes, reported speech, attribution in claims)."""
GRADES: dict[str, frozenset[str]] = _grades()
"""Grade → verbs: how an attribution verb presents the speaker's words."""


@lru_cache(maxsize=1)
def report_verbs() -> frozenset[str]:
    """Lemmas that can report someone's words in reported speech (with a clause or a noun phrase)."""
    return frozenset(row[0] for row in _rows("report_verbs.tsv")) | frozenset(speech_verbs())


@lru_cache(maxsize=1)
def hedges() -> dict[str, tuple[str, bool]]:
    """Hedge word → (why it hedges, whether it marks a following quoted phrase as a scare quote)."""
    return {row[0]: (row[1], row[2] == "1") for row in _rows("hedges.tsv")}


@lru_cache(maxsize=1)
def babe_words() -> dict[str, int]:
    """Words BABE annotators marked as biased → the number of sentences in which they did."""
    return {row[0]: int(row[1]) for row in _rows("babe_biased_words.tsv")}


def package_text(package: str, path: str, pip_name: str) -> str:
    """A data file shipped inside an installed PyPI package; a clear error names the package if missing.
    The package is found, not imported (importing textblob pulls in nltk, scikit-learn and pandas)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing(f"the lexicon package is not installed: pip install {pip_name}")
    return (Path(next(iter(spec.submodule_search_locations))) / path).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def vader() -> dict[str, float]:
    """VADER's valence per word (-4 … 4)."""
    out = {}
    for line in package_text("vaderSentiment", "vader_lexicon.txt", "vaderSentiment").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return out


@lru_cache(maxsize=1)
def subjectivity() -> dict[str, tuple[float, float]]:
    """Pattern's English adjective lexicon as shipped by TextBlob: word → (polarity, subjectivity)."""
    text = package_text("textblob", "en/en-sentiment.xml", "textblob")
    out: dict[str, tuple[float, float]] = {}
    for m in re.finditer(r'<word form="([^"]+)"[^>]*?polarity="([-\d.]+)"[^>]*?subjectivity="([\d.]+)"', text):
        out.setdefault(m.group(1).lower(), (float(m.group(2)), float(m.group(3))))
    return out


@lru_cache(maxsize=1)
def nrc() -> dict[str, list[str]]:
    """NRC Emotion Lexicon as shipped by NRCLex: word → emotions."""
    data: dict[str, list[str]] = json.loads(package_text("nrclex", "data/nrc_en.json", "NRCLex"))
    return data


@lru_cache(maxsize=1)
def ideology_labels() -> dict[str, tuple[str, bool]]:
    """Ideological and political labels ("conservative", "hardline", "regime") → (what the label does, whether
    the bare noun is an epithet by itself: "hardliners" yes, "conservatives" no)."""
    return {row[0]: (row[1], row[2] == "1") for row in _rows("ideology_labels.tsv")}


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Nouns naming a person or group by role or stance ("leader", "regime", "protesters"): epithet heads."""
    return frozenset(row[0] for row in _rows("people_nouns.tsv"))
