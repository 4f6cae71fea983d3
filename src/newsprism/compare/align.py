"""Claim ↔ claim alignment across articles.

Aligners are registered by name (``settings.aligner``); ``embedding.v1`` scores each
cross-article pair of claims with :class:`newsprism.similarity.EmbeddingAligner` and classes it
``same_fact``, ``paraphrase``, ``conflict`` (same subject and measure, a different number) or
``unrelated``, with the scores and the reason.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..errors import SettingError
from ..records import Alignment, Claim
from ..settings import DEFAULT, Settings
from ..similarity import EmbeddingAligner, entity_idf, shared_terms, term_df, term_idf

ALIGNERS: dict[str, type[EmbeddingAligner]] = {"embedding.v1": EmbeddingAligner}


def get_aligner(settings: Settings = DEFAULT) -> EmbeddingAligner:
    try:
        return ALIGNERS[settings.aligner](settings)
    except KeyError:
        raise SettingError(f"unknown aligner {settings.aligner!r}; known: {sorted(ALIGNERS)}") from None


def align(groups: Sequence[Sequence[Claim]], settings: Settings = DEFAULT,
          aligner: EmbeddingAligner | None = None, candidates: bool = False,
          nearest: dict[str, tuple[float, str]] | None = None) -> list[Alignment]:
    """For every claim, its best match in each other article, classed (pairs listed once). With
    ``candidates``, best matches under ``paraphrase_min`` but at least ``candidate_min``, and the next
    ``candidate_top`` best matches at least ``candidate_min``, are kept too, as relation ``candidate`` (for
    the pair verifier; no other relation reads them). ``nearest``, when given, is filled with each claim's
    best combined score against any claim of any other article and that claim's id, however low (what shows
    a single-source sentence has no counterpart elsewhere)."""
    aligner = aligner or get_aligner(settings)
    flat = [c for g in groups for c in g]
    # word and name rarity over whole claims: a clause repeats its sentence's words and would count them twice
    whole = [c for c in flat if c.part != "clause"]
    idf = entity_idf(whole)
    tidf = term_idf(whole)
    tdf = term_df(whole)
    vectors = aligner.vectors(flat) if flat else np.zeros((0, 384))
    offsets = np.cumsum([0] + [len(g) for g in groups])
    out: dict[tuple[str, str], Alignment] = {}
    for i, gi in enumerate(groups):
        for j, gj in enumerate(groups):
            if i >= j or not gi or not gj:
                continue
            vi = vectors[offsets[i]:offsets[i + 1]]
            vj = vectors[offsets[j]:offsets[j + 1]]
            m = aligner.score_matrix(gi, gj, vi, vj, idf, tidf, tdf)
            combined = m["combined"]
            best_j = combined.argmax(axis=1)
            best_i = combined.argmax(axis=0)
            if nearest is not None:
                for a, b in enumerate(best_j):
                    _keep(nearest, gi[a].id, float(combined[a, b]), gj[int(b)].id)
                for b, a in enumerate(best_i):
                    _keep(nearest, gj[b].id, float(combined[a, b]), gi[int(a)].id)
            pairs = {(a, int(best_j[a])) for a in range(len(gi))} | {(int(best_i[b]), b) for b in range(len(gj))}
            extra: set[tuple[int, int]] = set()
            if candidates and settings.candidate_top > 1:
                # the next best matches too: a shared clause is often not its sentence's best match
                k = settings.candidate_top
                extra = {(a, int(b)) for a in range(len(gi)) for b in np.argsort(-combined[a])[:k]} | \
                    {(int(a), b) for b in range(len(gj)) for a in np.argsort(-combined[:, b])[:k]}
                extra = {(a, b) for a, b in extra - pairs if combined[a, b] >= settings.candidate_min}
            for a, b in [*pairs, *sorted(extra)]:
                al = aligner.classify(gi[a], gj[b], {k: float(v[a, b]) for k, v in m.items()},
                                      shared_terms(gi[a], gj[b], tidf))
                mutual = best_j[a] == b and best_i[b] == a
                if candidates and ((a, b) in extra or (al.relation == "unrelated" and al.score >= settings.candidate_min)):
                    # not a best match, or under the paraphrase floor: still a candidate the pair verifier may
                    # confirm (no other reader sees it)
                    al = Alignment(a=al.a, b=al.b, relation="candidate", score=al.score, scores=al.scores,
                                   reason=f"score {al.score:.2f} >= candidate_min {settings.candidate_min}"
                                          + (" (not a best match)" if (a, b) in extra else ""))
                if al.relation != "unrelated":
                    al = Alignment(a=al.a, b=al.b, relation=al.relation, score=al.score,
                                   scores={**al.scores, "mutual_best": float(mutual)}, reason=al.reason)
                    out[(al.a, al.b)] = al
    return sorted(out.values(), key=lambda al: -al.score)


def align_pieces(pieces: Sequence[Sequence[Claim]], groups: Sequence[Sequence[Claim]], settings: Settings = DEFAULT,
                 aligner: EmbeddingAligner | None = None) -> list[Alignment]:
    """Each piece's best match among the units and pieces of every other article (``pieces[i]`` and ``groups[i]``
    are one article's), classed as ``align`` classes a pair; a best match under ``paraphrase_min`` but at least
    ``candidate_min`` is a ``candidate``. Only pairs holding a piece are scored (the clause pass: the units'
    own pairs are ``align``'s)."""
    aligner = aligner or get_aligner(settings)
    whole = [c for g in groups for c in g if c.part != "clause"]
    idf, tidf, tdf = entity_idf(whole), term_idf(whole), term_df(whole)
    left = [c for p in pieces for c in p]
    right = [c for g, p in zip(groups, pieces, strict=True) for c in [*g, *p]]
    if not left or not right:
        return []
    vectors = aligner.vectors(right)
    index = {c.id: n for n, c in enumerate(right)}
    # one matrix for every piece against every unit (one call: the overlaps' vocabularies are built once), an
    # article's own units masked out
    m = aligner.score_matrix(left, right, vectors[[index[c.id] for c in left]], vectors, idf, tidf, tdf)
    combined = np.where(np.array([[x.article == y.article for y in right] for x in left]), -1.0, m["combined"])
    articles = list(dict.fromkeys(c.article for c in right))
    out: dict[frozenset[str], Alignment] = {}
    for aid in articles:
        cols = np.array([n for n, c in enumerate(right) if c.article == aid])
        for a, x in enumerate(left):
            if x.article == aid:
                continue
            b = int(cols[combined[a, cols].argmax()])
            y = right[b]
            key = frozenset((x.id, y.id))
            if key in out:
                continue
            al = aligner.classify(x, y, {k: float(v[a, b]) for k, v in m.items()}, shared_terms(x, y, tidf))
            if al.relation == "unrelated" and al.score >= settings.candidate_min:
                al = Alignment(a=al.a, b=al.b, relation="candidate", score=al.score, scores=al.scores,
                               reason=f"score {al.score:.2f} >= candidate_min {settings.candidate_min}")
            if al.relation != "unrelated":
                out[key] = Alignment(a=al.a, b=al.b, relation=al.relation, score=al.score,
                                     scores={**al.scores, "mutual_best": 0.0}, reason=al.reason)
    return sorted(out.values(), key=lambda al: -al.score)


def _keep(nearest: dict[str, tuple[float, str]], cid: str, score: float, other: str) -> None:
    if cid not in nearest or score > nearest[cid][0]:
        nearest[cid] = (round(score, 3), other)
