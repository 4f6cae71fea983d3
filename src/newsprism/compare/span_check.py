"""Does a span state a synthesis sentence? A learned check over frozen MiniLM encodings.

For a statement and a span of another article, ``span_features`` measures how much of the statement the span says:
the sentence cosine, the *soft coverage* of the statement's content words (each word's contextual MiniLM vector
against the span's best-matching word: a paraphrase "joins the board" / "set to join the board of directors" covers
its words, a same-topic sentence leaves the predicate or a participant uncovered), the weakest-covered word, the
reverse coverage (a span stating much more), the share of the statement's words, names and figures the span writes,
a negation one side has and the other lacks, and the length ratio. ``SpanCheck`` is the logistic regression over
them that ``scripts/train_span_check.py`` fits on hand-labelled statement/span pairs (``models/span_check.json``);
its decision carries its probability and the features that weighed most.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from .. import nlp
from ..text.words import zipf

SPAN_FEATURES = ("cosine", "soft_cover", "soft_min", "soft_low", "soft_back", "soft_rare", "word_cover", "word_rare",
                 "name_cover", "figure_cover", "negation_differs", "len_ratio")
WORD = re.compile(r"[\w’'-]+")
NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w’'-]+")
DIGITS = re.compile(r"\d[\d,.]*\d|\d")
NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|denied|denies|deny)\b|n[’']t\b",
                      re.IGNORECASE)


def _content(word: str) -> bool:
    w = word.lower().strip("’'-")
    return bool(w) and w not in STOP_WORDS and (len(w) > 1 or w.isdigit())


def _stem(word: str) -> str:
    return word.lower().strip("’'-")[:6]


def _words(pieces: Sequence[str], vectors: Any) -> tuple[list[str], Any]:
    """Word-piece vectors joined into words (a ``##`` piece continues the word before it; the mean of its
    pieces, unit length), content words only (no stop words, no punctuation)."""
    import numpy as np

    words, groups = nlp.piece_words(pieces)
    keep = [k for k, w in enumerate(words) if any(ch.isalnum() for ch in w) and _content(w)]
    if not keep:
        return [], np.zeros((0, vectors.shape[1] if len(vectors.shape) == 2 else 384), dtype="float32")
    v = np.stack([vectors[groups[k]].mean(axis=0) for k in keep])
    v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    return [words[k] for k in keep], v


def _rarity(word: str) -> float:
    """How much a word says: 7 minus its Zipf frequency (a rare name or verb weighs more than "people"), at least
    0.5."""
    return max(0.5, 7.0 - zipf(word.lower().strip("’'-")))


def _digits(text: str) -> set[str]:
    return {d.replace(",", "").rstrip(".") for d in DIGITS.findall(text)}


def _lexical(text: str) -> tuple[set[str], dict[str, float], set[str], set[str], set[str], bool]:
    """What ``span_features`` reads of a text's words, as a statement or as a span: its content words' stems, their
    rarity, its names, its words lower-cased, its figures, whether it negates."""
    found = WORD.findall(text)
    return ({_stem(w) for w in found if _content(w)}, {_stem(w): _rarity(w) for w in found if _content(w)},
            {w.lower() for w in NAME.findall(text)}, {w.lower() for w in found}, _digits(text),
            bool(NEGATION.search(text)))


def span_features(pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
    """The check's features for each (statement, span) pair (see the module's docstring). The statement's and
    spans' texts are encoded once each, in batches (``nlp.token_vectors``, ``nlp.embed``)."""
    import numpy as np

    texts = list(dict.fromkeys(t for pair in pairs for t in pair))
    if not texts:
        return []
    tokens = dict(zip(texts, nlp.token_vectors(texts), strict=True))
    pooled = dict(zip(texts, nlp.embed(texts), strict=True))
    words = {t: _words(*tokens[t]) for t in texts}
    weights = {t: np.array([_rarity(w) for w in words[t][0]]) for t in texts}
    lexical = {t: _lexical(t) for t in texts}  # each text's words once, however many pairs it is in
    out = []
    for statement, span in pairs:
        sw, sv = words[statement]
        pw, pv = words[span]
        if len(sw) and len(pw):
            sim = sv @ pv.T
            best = np.sort(sim.max(axis=1))
            back = sim.max(axis=0)
            soft_cover, soft_min = float(best.mean()), float(best[0])
            soft_low, soft_back = float(best[: max(1, len(best) // 4)].mean()), float(back.mean())
            weight = weights[statement]
            soft_rare = float((sim.max(axis=1) * weight).sum() / weight.sum())
        else:
            soft_cover = soft_min = soft_low = soft_back = soft_rare = 0.0
        said, rare, names, _, figures, negated = lexical[statement]
        held, _, _, span_words, span_figures, span_negated = lexical[span]
        out.append({
            "cosine": float(pooled[statement] @ pooled[span]),
            "soft_cover": soft_cover, "soft_min": soft_min, "soft_low": soft_low, "soft_back": soft_back,
            "soft_rare": soft_rare, "word_cover": len(said & held) / len(said) if said else 0.0,
            "word_rare": sum(rare[w] for w in said & held) / sum(rare.values()) if rare else 0.0,
            "name_cover": len(names & span_words) / len(names) if names else 1.0,
            "figure_cover": len(figures & span_figures) / len(figures) if figures else 1.0,
            "negation_differs": float(negated != span_negated),
            "len_ratio": min(len(said), len(held)) / max(len(said), len(held), 1)})
    return out


SOFT_WINDOW = 5  # content words in a window of one unit whose soft coverage ``soft_local`` takes


def soft_local(pairs: Sequence[tuple[str, str]]) -> list[float]:
    """For each pair of texts, how well a part of one is said by the other: over every window of ``SOFT_WINDOW``
    consecutive content words of either text, the mean of each word's best contextual cosine against the other
    text's words (the span check's soft coverage, of a window instead of the whole statement), the largest. A
    long sentence that shares one part of itself with another ("a specially built, lighted and ventilated
    tunnel" / "equipped the tunnel with lighting and ventilation") scores as that part does."""
    texts = list(dict.fromkeys(t for pair in pairs for t in pair))
    if not texts:
        return []
    words = {t: _words(*tv) for t, tv in zip(texts, nlp.token_vectors(texts), strict=True)}

    def local(x: str, y: str) -> float:
        xw, xv = words[x]
        yw, yv = words[y]
        if not len(xw) or not len(yw):
            return 0.0
        best = (xv @ yv.T).max(axis=1)
        n = min(SOFT_WINDOW, len(best))
        return max(float(best[i:i + n].mean()) for i in range(len(best) - n + 1))

    return [max(0.0, min(1.0, max(local(a, b), local(b, a)))) for a, b in pairs]


@lru_cache(maxsize=1)
def span_model() -> dict[str, Any]:
    """The fitted check (scripts/train_span_check.py): standardised ``SPAN_FEATURES``, a logistic regression, the
    thresholds chosen on the dev events and the held-out figures."""
    text = resources.files("newsprism").joinpath("models/span_check.json").read_text(encoding="utf-8")
    model: dict[str, Any] = json.loads(text)
    return model


def span_probability(feats: Mapping[str, float], model: Mapping[str, Any] | None = None) -> tuple[float, str]:
    """The probability that the span states the statement, and the three features that weighed most
    ("soft_cover=0.81 (+1.20), …")."""
    model = model or span_model()
    contrib = {f: c * (feats[f] - m) / (sc or 1.0) for f, m, sc, c in
               zip(model["features"], model["mean"], model["scale"], model["coef"], strict=True)}
    z = model["intercept"] + sum(contrib.values())
    top = sorted(contrib.items(), key=lambda kv: -abs(kv[1]))[:3]
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), ", ".join(
        f"{f}={feats[f]:.2f} ({v:+.2f})" for f, v in top)


def span_checks(pairs: Sequence[tuple[str, str]]) -> list[tuple[float, str]]:
    """``span_probability`` of each (statement, span) pair."""
    return [span_probability(f) for f in span_features(pairs)]


STEM = 5  # a predicate is held as any word of its first five letters ("sentencing" / "sentence", "opened" / "open")
LIGHT_VERBS = frozenset({"be", "have", "do", "say", "make", "get", "take", "go", "come", "give", "tell", "report",
                         "show", "add", "state", "note"})


def _predicates(doc: Any) -> set[str]:
    """The lemmas of a statement's main predicates: its root and the verbs conjoined with it; through a light or
    reporting verb ("is", "said", "made"), the head of what it carries (its complement clause, attribute or
    object); a verb it governs through "to" ("required to hold": "require" and "hold")."""
    out: set[str] = set()
    for root in (t for t in doc if t.dep_ == "ROOT"):
        heads = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
        for h in heads:
            if h.lemma_.lower() in LIGHT_VERBS:
                heads += [c for c in h.children if c.dep_ in ("ccomp", "xcomp", "attr", "acomp", "dobj")
                          and c not in heads]
            elif h.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
                out.add(h.lemma_.lower())
                # "is required to hold", "plans to buy": the verb it governs is a predicate too
                heads += [c for c in h.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and c not in heads]
    return out


NO_PREDICATE = "no main predicate but a light or reporting verb"


def predicate_shared(pairs: Sequence[tuple[str, str]]) -> list[str | None]:
    """For each (statement, span): why the span holds the statement's predicate (a main predicate's lemma written
    in the span, as any part of speech: "opened" in "cut the ribbon to open", "declared it open"; its first STEM letters: "sentencing" in "to sentence"), or None when it
    holds none ("visited the dam" for "opened the dam": the same participants doing something else). A statement
    whose only predicates are light or reporting verbs passes."""
    texts = list(dict.fromkeys(t for pair in pairs for t in pair))
    docs = dict(zip(texts, nlp.parse_cached(texts, disable=("ner",)), strict=True))
    out: list[str | None] = []
    for statement, span in pairs:
        want = _predicates(docs[statement])
        if not want:
            out.append(NO_PREDICATE)
            continue
        held = {t.lemma_.lower()[:STEM] for t in docs[span] if t.is_alpha}
        found = sorted(w for w in want if w[:STEM] in held)
        out.append(f"predicate “{found[0]}” written in the span" if found else None)
    return out
