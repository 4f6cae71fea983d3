"""The learned boilerplate model for flattened page text: one probability per line.

Two logistic regressions, shipped as plain weights in ``models/boilerplate_lr.json``
(built by ``scripts/train_boilerplate.py`` from the Dragnet and page-signal pages in
``../shared/corpus/extraction``, flattened to lines, split by page with a fixed seed):

1. a line model over named features of the line (length, punctuation, capitals, digits,
   the rule features of ``rules.py``), its neighbours (their lengths and punctuation, how
   many long lines surround it), its distance from the top of the page (not from the end:
   stored pages are often cut off), and hashed lower-cased words,
   word pairs and, for short lines, the whole line;
2. a context model that smooths the line model's log-odds with those of the two lines
   before and after it (boilerplate comes in runs: menus, link lists, footers).

Inference is a dot product over a hashed weight vector: no pickle, no scikit-learn.
Every line keeps the features that pushed its score most, for the reason it is dropped.
"""

from __future__ import annotations

import json
import math
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

import numpy as np

from ..text.words import words
from .rules import _TERMINAL, FEATURES, score_line

MODEL_FILE = "boilerplate_lr.json"
CONTEXT_WINDOW = 3          # lines either side counted for the "long neighbours" feature
LONG_LINE_WORDS = 15        # a neighbour of at least this many words counts as prose
SHORT_TEXT_WORDS = 4        # lines of at most this many words also get their whole text as a feature
_LEN_BUCKETS = (0, 1, 2, 3, 5, 8, 12, 20, 35)
_SHARE_BUCKETS = (0.2, 0.5, 0.8)


def _bucket(value: float, edges: Sequence[float]) -> int:
    for n, edge in enumerate(edges):
        if value <= edge:
            return n
    return len(edges)


@dataclass(frozen=True)
class LineFeatures:
    """Named features of one line and their values."""

    names: tuple[str, ...]
    values: tuple[float, ...]


def _shape(line: str, toks: list[str]) -> list[tuple[str, float]]:
    n = len(toks)
    out: list[tuple[str, float]] = [(f"len:{_bucket(n, _LEN_BUCKETS)}", 1.0),
                                    ("chars", math.log1p(len(line)) / 5.0)]
    stripped = line.rstrip("”\"’') ")
    out.append(("terminal" if _TERMINAL.search(line) else "no_terminal", 1.0))
    if stripped.endswith((".", "!", "?")) and n >= 6:
        out.append(("sentence_end", 1.0))
    if n >= 2:
        caps = sum(1 for t in toks if t[:1].isupper()) / n
        out.append((f"caps:{_bucket(caps, _SHARE_BUCKETS)}", 1.0))
    digits = sum(ch.isdigit() for ch in line) / max(len(line), 1)
    out.append((f"digits:{_bucket(digits, (0.0, 0.1, 0.3))}", 1.0))
    if any(ch in line for ch in "|•·»›"):
        out.append(("separator", 1.0))
    if line.isupper() and n >= 1:
        out.append(("all_caps", 1.0))
    if '"' in line or "“" in line:
        out.append(("quote_mark", 1.0))
    if ", " in line:
        out.append(("comma", 1.0))
    return out


def _lexical(toks: list[str]) -> list[tuple[str, float]]:
    low = [t.lower() for t in toks]
    out: list[tuple[str, float]] = []
    if not low:
        return [("empty", 1.0)]
    uniq = list(dict.fromkeys(low))
    w = 1.0 / math.sqrt(len(uniq))
    out.extend((f"w:{t}", w) for t in uniq)
    pairs = list(dict.fromkeys(f"{a} {b}" for a, b in zip(low, low[1:], strict=False)))
    if pairs:
        wp = 1.0 / math.sqrt(len(pairs))
        out.extend((f"b:{p}", wp) for p in pairs)
    out.append((f"first:{low[0]}", 1.0))
    out.append((f"last:{low[-1]}", 1.0))
    if len(low) <= SHORT_TEXT_WORDS:
        out.append((f"text:{' '.join(low)}", 1.0))
    return out


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _key(toks: list[str]) -> str:
    """A line's words, lower-cased: the same line with other quote marks or spacing has the same key."""
    return " ".join(toks).lower().translate(_QUOTES)


def _headline_shape(line: str, toks: list[str]) -> bool:
    """Four or more words, a capital first, no sentence punctuation at the end (headlines, link titles)."""
    return len(toks) >= 4 and not _TERMINAL.search(line) and (toks[0][:1].isupper() or toks[0][:1].isdigit())


def _page_title(keys: list[str], toks: list[list[str]], shapes: list[bool]) -> int | None:
    """The line that most likely is the page's headline: the first headline-shaped line near the top."""
    return next((i for i in range(min(len(keys), 5)) if shapes[i] and len(toks[i]) <= 25), None)


def _relations(i: int, keys: list[str], toks: list[list[str]], shapes: list[bool], title: int | None,
               credit: list[bool], long_before: list[bool], long_after: list[bool]) -> list[tuple[str, float]]:
    """Features of a line against the rest of its page: echoes of neighbours, the title, credits, the body."""
    out: list[tuple[str, float]] = []
    total = len(keys)
    key = keys[i]
    if len(toks[i]) >= 4:
        for j, tag in ((i - 1, "prev"), (i + 1, "next")):
            if 0 <= j < total and len(keys[j]) > len(key) and key in keys[j]:
                out.append((f"echoed_in_{tag}", 1.0))   # a caption repeated inside its credit line
    if title is not None and i != title and toks[i]:
        tw, lw = set(keys[title].split()), set(key.split())
        overlap = len(tw & lw) / max(len(tw | lw), 1)
        out.append((f"title_overlap:{_bucket(overlap, (0.0, 0.2, 0.5, 0.99))}", 1.0))
    elif title is not None and i == title:
        out.append(("page_title", 1.0))
    if (i > 0 and credit[i - 1]) or (i + 1 < total and credit[i + 1]):
        out.append(("next_to_credit", 1.0))
    if shapes[i]:
        prev_long = i > 0 and len(toks[i - 1]) >= LONG_LINE_WORDS
        next_long = i + 1 < total and len(toks[i + 1]) >= LONG_LINE_WORDS
        out.append(("headline_shape", 1.0))
        if prev_long and next_long:
            out.append(("headline_between_prose", 1.0))
        if (i > 0 and shapes[i - 1]) or (i + 1 < total and shapes[i + 1]):
            out.append(("headline_run", 1.0))
    caps = [t for t in toks[i][:4] if any(ch.isalpha() for ch in t)]
    if len(caps) >= 3 and all(t.isupper() for t in caps) and not all(t.isupper() for t in toks[i]):
        out.append(("caps_lead", 1.0))
    out.append(("body_before" if long_before[i] else "no_body_before", 1.0))
    out.append(("body_after" if long_after[i] else "no_body_after", 1.0))
    return out


def document_features(lines: Sequence[str]) -> list[LineFeatures]:
    """Features of every line of one flattened page, in order."""
    toks = [words(line) for line in lines]
    n_words = [len(t) for t in toks]
    terminal = [bool(_TERMINAL.search(line)) for line in lines]
    keys = [_key(t) for t in toks]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    total = len(lines)
    shapes = [_headline_shape(line, t) for line, t in zip(lines, toks, strict=True)]
    title = _page_title(keys, toks, shapes)
    # the rules' page-tail bonus left out (see "from_start" below)
    scores = [score_line(line, min(i / max(total - 1, 1), 0.5)) for i, line in enumerate(lines)]
    credit = [sc is not None and sc.score >= 1.0 and sc.category == "photo_credit" for sc in scores]
    long_before = [False] * total
    long_after = [False] * total
    for i in range(1, total):
        long_before[i] = long_before[i - 1] or n_words[i - 1] >= LONG_LINE_WORDS
    for i in range(total - 2, -1, -1):
        long_after[i] = long_after[i + 1] or n_words[i + 1] >= LONG_LINE_WORDS
    out: list[LineFeatures] = []
    for i, line in enumerate(lines):
        feats: list[tuple[str, float]] = []
        feats.extend(_shape(line, toks[i]))
        feats.extend(_lexical(toks[i]))
        feats.extend(_relations(i, keys, toks, shapes, title, credit, long_before, long_after))
        # Only the distance from the top: scraped text is often cut off at an arbitrary length, so
        # nearness to the end of a stored page says nothing (on full pages it means footer).
        if i < 3:
            feats.append((f"from_start:{i}", 1.0))
        else:
            feats.append((f"from_start:{min(i // 5, 4) + 3}", 1.0))
        for offset, tag in ((-1, "prev"), (1, "next"), (-2, "prev2"), (2, "next2")):
            j = i + offset
            if 0 <= j < total:
                feats.append((f"{tag}_len:{_bucket(n_words[j], _LEN_BUCKETS)}", 1.0))
                if terminal[j]:
                    feats.append((f"{tag}_terminal", 1.0))
            elif offset < 0:
                feats.append((f"{tag}_none", 1.0))
        window = [n_words[j] for j in range(max(0, i - CONTEXT_WINDOW), min(total, i + CONTEXT_WINDOW + 1)) if j != i]
        feats.append((f"long_neighbours:{sum(1 for n in window if n >= LONG_LINE_WORDS)}", 1.0))
        if counts[keys[i]] > 1 and keys[i]:
            feats.append(("repeated" if n_words[i] <= SHORT_TEXT_WORDS else "repeated_long", 1.0))
        for rules in FEATURES.values():
            for rule in rules:
                if rule.pattern.search(line):
                    feats.append((f"rule:{rule.name}", 1.0))
        scored = scores[i]
        if scored is not None and scored.score >= 1.0:
            feats.append((f"rule_category:{scored.category}", 1.0))
        names = tuple(name for name, _ in feats)
        values = tuple(value for _, value in feats)
        out.append(LineFeatures(names, values))
    return out


def feature_index(name: str, bits: int) -> int:
    """The hashed slot of a feature name (CRC-32, stable across runs and platforms)."""
    return zlib.crc32(name.encode("utf-8")) & ((1 << bits) - 1)


def context_features(logits: Sequence[float], i: int) -> list[float]:
    """Inputs of the context model for line ``i``: its own log-odds and its neighbours'."""
    total = len(logits)

    def at(j: int) -> float:
        return logits[j] if 0 <= j < total else 0.0

    window = [logits[j] for j in range(max(0, i - CONTEXT_WINDOW), min(total, i + CONTEXT_WINDOW + 1))]
    return [at(i), at(i - 1), at(i + 1), at(i - 2), at(i + 2), sum(window) / len(window), 1.0 if i == 0 else 0.0]


CONTEXT_NAMES = ("self", "prev", "next", "prev2", "next2", "window_mean", "is_first")


@dataclass(frozen=True)
class LineVerdict:
    """The model's probability that a line is boilerplate, with the features that pushed it most."""

    probability: float
    top_features: tuple[str, ...]


@dataclass(frozen=True)
class BoilerplateModel:
    bits: int
    weights: np.ndarray
    intercept: float
    context_coef: np.ndarray
    context_intercept: float
    threshold: float
    info: dict[str, Any]

    def line_logits(self, feats: Sequence[LineFeatures]) -> list[float]:
        out = []
        for f in feats:
            idx = [feature_index(n, self.bits) for n in f.names]
            out.append(float(np.dot(self.weights[idx], np.asarray(f.values))) + self.intercept)
        return out

    def predict(self, lines: Sequence[str], top: int = 3) -> list[LineVerdict]:
        feats = document_features(lines)
        logits = self.line_logits(feats)
        verdicts = []
        for i, f in enumerate(feats):
            z = float(np.dot(self.context_coef, context_features(logits, i))) + self.context_intercept
            prob = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
            contrib = sorted(((self.weights[feature_index(n, self.bits)] * v, n) for n, v in zip(f.names, f.values, strict=True)),
                             reverse=prob >= 0.5)
            verdicts.append(LineVerdict(round(prob, 3), tuple(f"{n} ({c:+.2f})" for c, n in contrib[:top])))
        return verdicts


@lru_cache(maxsize=1)
def load_model() -> BoilerplateModel:
    """The shipped model (read once per process)."""
    raw = resources.files("newsprism").joinpath(f"models/{MODEL_FILE}").read_text(encoding="utf-8")
    data = json.loads(raw)
    bits = int(data["hash_bits"])
    weights = np.zeros(1 << bits, dtype=np.float64)
    for k, v in data["weights"].items():
        weights[int(k)] = float(v)
    return BoilerplateModel(
        bits=bits, weights=weights, intercept=float(data["intercept"]),
        context_coef=np.asarray(data["context_coef"], dtype=np.float64),
        context_intercept=float(data["context_intercept"]), threshold=float(data["threshold"]),
        info={k: v for k, v in data.items() if k not in ("weights",)},
    )
