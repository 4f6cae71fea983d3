"""How alike two claims are: sentence embeddings, shared rare words, entities and numbers.

Shared by the comparison's aligner (``compare.align``) and the checks stage (numbers that disagree
inside one article). The ``embedding.v1`` scorer combines the cosine of all-MiniLM-L6-v2 sentence
vectors with rarity-weighted word and entity overlap and a matching number of the same measure;
the weights are named settings.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Sequence

import numpy as np

from . import nlp
from .records import Alignment, Claim, Value
from .settings import DEFAULT, Settings
from .text.words import zipf

NUMERIC = ("number", "money", "percent")


@dataclass(frozen=True)
class ValueConflict:
    kind: str  # number | date
    a: Value
    b: Value
    reason: str


@lru_cache(maxsize=1)
def unit_table() -> dict[str, Any]:
    """Unit nouns → their MiniLM vectors, precomputed by scripts/build_unit_vectors.py (int8 rows, one scale
    each; see models/unit_vectors.json), so comparing two units needs no transformer."""
    with resources.files("newsprism").joinpath("models/unit_vectors.npz").open("rb") as fh:
        data = np.load(fh)
        words, q, scale = data["words"], data["q"], data["scale"]
    vectors = q.astype("float32") * scale[:, None]
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return {str(w): v for w, v in zip(words, vectors, strict=True)}


@lru_cache(maxsize=4096)
def _unit_vector(unit: str, encoder: str) -> Any:
    """From the shipped table; a unit not in it (rare) is encoded once by the sentence encoder."""
    vector = unit_table().get(unit)
    return vector if vector is not None else nlp.embed([unit], encoder)[0]


def same_measure(a: Value, b: Value, settings: Settings = DEFAULT) -> bool:
    """Two numbers count the same thing: same kind and unit, or units close in meaning
    ("residents"/"people", "civilians"/"people")."""
    if a.kind != b.kind:
        return False
    if a.kind in ("money", "percent", "date"):
        return a.unit == b.unit
    if a.unit is None or b.unit is None:
        return False
    if a.unit == b.unit:
        return True
    return float(_unit_vector(a.unit, settings.encoder) @ _unit_vector(b.unit, settings.encoder)) \
        >= settings.unit_similarity


def values_compatible(a: Value, b: Value) -> bool:
    """Do two numbers of one measure agree, given their qualifiers ("more than 30" and "32" do)?"""
    x, y = float(a.value), float(b.value)
    if math.isclose(x, y, rel_tol=0.02):
        return True
    for p, q in ((a, b), (b, a)):
        px, qy = float(p.value), float(q.value)
        if p.qualifier in ("more_than", "at_least") and qy >= px and q.qualifier not in ("less_than", "up_to"):
            return True
        if p.qualifier in ("less_than", "up_to") and qy <= px and q.qualifier not in ("more_than", "at_least"):
            return True
        if p.qualifier == "about" and math.isclose(px, qy, rel_tol=0.15):
            return True
    return False


def value_conflicts(a: Claim, b: Claim, settings: Settings = DEFAULT) -> list[ValueConflict]:
    out = []
    for va in a.values:
        for vb in b.values:
            if va.kind in NUMERIC and vb.kind in NUMERIC and same_measure(va, vb, settings):
                if not values_compatible(va, vb) and not any(
                        values_compatible(va, other) for other in b.values if same_measure(va, other, settings)):
                    out.append(ValueConflict("number", va, vb,
                                             f"same measure ({va.unit or va.kind}), different numbers: "
                                             f"{va.text} vs {vb.text}"))
    return out


def number_overlap(a: Claim, b: Claim, settings: Settings = DEFAULT) -> float:
    """1 when both claims give a number of the same measure that agrees ("more than 30 pages")."""
    for va in a.values:
        if va.kind not in NUMERIC or float(va.value) < settings.anchor_min:
            continue
        for vb in b.values:
            if vb.kind in NUMERIC and same_measure(va, vb, settings) and values_compatible(va, vb):
                return 1.0
    return 0.0


def entity_idf(claims: Sequence[Claim]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for c in claims:
        df.update(set(c.entities))
    n = max(len(claims), 1)
    return {e: math.log(1 + n / d) for e, d in df.items()}


def term_idf(claims: Sequence[Claim]) -> dict[str, float]:
    df = term_df(claims)
    n = max(len(claims), 1)
    return {t: math.log(1 + n / d) for t, d in df.items()}


def term_df(claims: Sequence[Claim]) -> dict[str, int]:
    df: Counter[str] = Counter()
    for c in claims:
        df.update(set(c.terms))
    return dict(df)


def anchor_overlap(a: Claim, b: Claim, df: dict[str, int]) -> float:
    """Shared words that few other claims use: a word only these two claims share ("warm",
    "G20", "pages") counts 1, one shared by three claims 1/2, and so on; capped at 1."""
    shared = set(a.terms) & set(b.terms)
    return min(1.0, sum(_general_rarity(t) / max(df.get(t, 2) - 1, 1) for t in shared))


def _general_rarity(term: str) -> float:
    """Everyday words ("plan", "year") anchor less than rare ones ("multipolar", "G20"), by wordfreq."""
    z = zipf(term)
    return 1.0 if z < 4.0 else 0.6 if z < 5.0 else 0.3


def term_overlap(a: Claim, b: Claim, idf: dict[str, float], settings: Settings = DEFAULT) -> float:
    """Rarity-weighted share of the shorter claim's content words that the other claim also has
    (containment, so a short claim inside a long sentence still scores)."""
    sa, sb = set(a.terms), set(b.terms)
    if not sa or not sb:
        return 0.0
    shared = sum(idf.get(t, 1.0) for t in sa & sb)
    # a claim of very few content words is contained too easily: damp it
    damp = min(1.0, min(len(sa), len(sb)) / settings.terms_full_weight)
    return damp * shared / min(sum(idf.get(t, 1.0) for t in sa), sum(idf.get(t, 1.0) for t in sb))


def shared_terms(a: Claim, b: Claim, idf: dict[str, float], n: int = 5) -> list[str]:
    """The ``n`` rarest words both claims hold; ties in the word's order, so the answer never depends on set order
    (the hash seed)."""
    return sorted(set(a.terms) & set(b.terms), key=lambda t: (-idf.get(t, 1.0), t))[:n]


def entity_overlap(a: Claim, b: Claim, idf: dict[str, float]) -> float:
    sa, sb = set(a.entities), set(b.entities)
    union = sa | sb
    if not union:
        return 0.0
    return sum(idf.get(e, 1.0) for e in sa & sb) / sum(idf.get(e, 1.0) for e in union)


def _incidence(left: Sequence[Sequence[str]], right: Sequence[Sequence[str]]) -> tuple[Any, Any, list[str]]:
    """0/1 matrices (claims × words) of the words in each claim, over the words of both sides."""
    vocab = list(dict.fromkeys(w for side in (left, right) for words in side for w in words))
    where = {w: i for i, w in enumerate(vocab)}

    def matrix(side: Sequence[Sequence[str]]) -> Any:
        m = np.zeros((len(side), len(vocab)))
        for r, words in enumerate(side):
            m[r, [where[w] for w in set(words)]] = 1.0
        return m
    return matrix(left), matrix(right), vocab


def term_overlap_matrix(left: Sequence[Claim], right: Sequence[Claim], idf: dict[str, float],
                        settings: Settings = DEFAULT) -> Any:
    """:func:`term_overlap` of every pair, as matrix products (no loop over pairs)."""
    a, b, vocab = _incidence([c.terms for c in left], [c.terms for c in right])
    w = np.array([idf.get(t, 1.0) for t in vocab])
    shared = (a * w) @ b.T
    sa, sb = a @ w, b @ w
    na, nb = a.sum(axis=1), b.sum(axis=1)
    damp = np.minimum(1.0, np.minimum(na[:, None], nb[None, :]) / settings.terms_full_weight)
    low = np.minimum(sa[:, None], sb[None, :])
    out = np.divide(damp * shared, low, out=np.zeros_like(shared), where=low > 0)
    out[(na[:, None] == 0) | (nb[None, :] == 0)] = 0.0
    return out


def anchor_overlap_matrix(left: Sequence[Claim], right: Sequence[Claim], df: dict[str, int]) -> Any:
    """:func:`anchor_overlap` of every pair, as a matrix product."""
    a, b, vocab = _incidence([c.terms for c in left], [c.terms for c in right])
    w = np.array([_general_rarity(t) / max(df.get(t, 2) - 1, 1) for t in vocab])
    return np.minimum(1.0, (a * w) @ b.T)


def entity_overlap_matrix(left: Sequence[Claim], right: Sequence[Claim], idf: dict[str, float]) -> Any:
    """:func:`entity_overlap` of every pair, as matrix products."""
    a, b, vocab = _incidence([c.entities for c in left], [c.entities for c in right])
    w = np.array([idf.get(e, 1.0) for e in vocab])
    shared = (a * w) @ b.T
    union = (a @ w)[:, None] + (b @ w)[None, :] - shared
    return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)


def number_overlap_matrix(left: Sequence[Claim], right: Sequence[Claim], settings: Settings = DEFAULT) -> Any:
    """:func:`number_overlap` of every pair; only pairs where both claims give a number are looked at."""
    out = np.zeros((len(left), len(right)))
    rows = [i for i, c in enumerate(left)
            if any(v.kind in NUMERIC and float(v.value) >= settings.anchor_min for v in c.values)]
    cols = [j for j, c in enumerate(right) if any(v.kind in NUMERIC for v in c.values)]
    for i in rows:
        for j in cols:
            out[i, j] = number_overlap(left[i], right[j], settings)
    return out


class EmbeddingAligner:
    """``embedding.v1``: embeddings + entity and number overlap, linear combination."""

    name = "embedding.v1"

    def __init__(self, settings: Settings = DEFAULT,
                 embed: Callable[[list[str]], Any] | None = None) -> None:
        self.settings = settings
        self.embed = embed if embed is not None else functools.partial(nlp.embed, encoder=settings.encoder)

    def vectors(self, claims: Sequence[Claim]) -> Any:
        return self.embed([c.text for c in claims])

    def score_matrix(self, left: Sequence[Claim], right: Sequence[Claim], vl: Any, vr: Any,
                     idf: dict[str, float], tidf: dict[str, float], tdf: dict[str, int]) -> dict[str, Any]:
        s = self.settings
        shape = (len(left), len(right))
        cos = np.clip(vl @ vr.T, 0.0, 1.0) if len(left) and len(right) else np.zeros(shape)
        ent = entity_overlap_matrix(left, right, idf)
        num = number_overlap_matrix(left, right, s)
        term = 0.5 * term_overlap_matrix(left, right, tidf, s) + 0.5 * anchor_overlap_matrix(left, right, tdf)
        combined = s.embedding_weight * cos + s.term_weight * term + s.entity_weight * ent + s.number_weight * num
        return {"combined": combined, "embedding": cos, "terms": term, "entities": ent, "numbers": num}

    def classify(self, a: Claim, b: Claim, scores: dict[str, float], shared: list[str]) -> Alignment:
        s = self.settings
        combined = scores["combined"]
        scores = {k: round(v, 3) for k, v in scores.items()}
        basis = f" (shared: {', '.join(shared)})" if shared else ""
        conflicts = value_conflicts(a, b, s) if combined >= s.conflict_min else []
        if conflicts:
            c = conflicts[0]
            return Alignment(a=a.id, b=b.id, relation="conflict", score=round(combined, 3), scores=scores,
                             reason=f"similar claims (score {combined:.2f} >= conflict_min {s.conflict_min}){basis}; "
                                    + c.reason)
        if combined >= s.same_fact_min:
            return Alignment(a=a.id, b=b.id, relation="same_fact", score=round(combined, 3), scores=scores,
                             reason=f"score {combined:.2f} >= same_fact_min {s.same_fact_min}{basis}")
        if combined >= s.paraphrase_min:
            return Alignment(a=a.id, b=b.id, relation="paraphrase", score=round(combined, 3), scores=scores,
                             reason=f"score {combined:.2f} >= paraphrase_min {s.paraphrase_min}{basis}")
        return Alignment(a=a.id, b=b.id, relation="unrelated", score=round(combined, 3), scores=scores,
                         reason=f"score {combined:.2f} < paraphrase_min {s.paraphrase_min}")
