"""A learned pair verifier: does one unit (sentence or clause) of one article state the same fact as a unit of
another article?

``pair_features`` describes an aligned pair by what transfers across events: the aligner's scores
(MiniLM cosine, shared rare words, shared entities, shared figures), how much of each side's content words
and names the other holds (a long sentence that shares one part of itself with a short one states more
than one fact), whether their figures of one measure agree, whether one speaks in a quote and the other
not, and their length ratio. ``PairModel`` is a logistic regression over these features, fitted by
``scripts/train_fact_pairs.py`` on hand-labelled cross-outlet pairs of BASIL events (not news-dev) and
shipped as ``models/fact_pairs.json``; each decision keeps its probability and the features that pushed it
most as its reason.
"""

from __future__ import annotations

import functools
import json
import math
import re
from importlib import resources
from typing import Any

from ..records import Alignment, Claim, Quantity
from .verify import Verifier, content_stems, same_figure, shared_quoted_words

FEATURES = ("combined", "embedding", "terms", "entities", "numbers", "mutual_best", "len_ratio", "cover_short",
            "cover_long", "names_short_missing", "names_long_missing", "figure_same", "figures_unmatched",
            "quote_mismatch", "clause", "quoted_word")
# the part verifier's features (``load_part_model``): the aligner's combined score and three local ones, which see
# a part of a long sentence that the other unit shares ("a specially built, lighted and ventilated tunnel" /
# "equipped the tunnel with lighting and ventilation") where the whole-sentence scores are diluted by the rest
# (``soft_local``: ``span_check.soft_local``, computed only for the pairs the part verifier is asked about)
PART_FEATURES = ("combined", "local_cover", "shared_bigrams", "soft_local")
LOCAL_WINDOW = 5  # content words in a window of one unit, looked for in the other


def _stems(terms: tuple[str, ...]) -> set[str]:
    return {t.lower()[:5] for t in terms if len(t) >= 3}


def _words(c: Claim) -> int:
    return max(1, len(re.findall(r"\w+", c.text)))


def _counted(qs: list[Quantity]) -> list[Quantity]:
    return [q for q in qs if q.measure and q.low is not None]


def local_features(a: str, b: str) -> dict[str, float]:
    """Of two units' texts, ``local_cover``: the largest share of a window of ``LOCAL_WINDOW`` consecutive content
    words (five-letter stems, not figures) of either that the other holds; ``shared_bigrams``: content-word pairs
    adjacent in both (in either order), up to three, over three."""
    sa = [w for w in content_stems(a) if w[0].isalpha()]
    sb = [w for w in content_stems(b) if w[0].isalpha()]

    def cover(xs: list[str], other: set[str]) -> float:
        if not xs:
            return 0.0
        n = min(LOCAL_WINDOW, len(xs))
        return max(sum(w in other for w in xs[i:i + n]) / n for i in range(len(xs) - n + 1))

    def bigrams(xs: list[str]) -> set[frozenset[str]]:
        return {frozenset(p) for p in zip(xs, xs[1:], strict=False) if p[0] != p[1]}

    return {"local_cover": max(cover(sa, set(sb)), cover(sb, set(sa))),
            "shared_bigrams": min(3, len(bigrams(sa) & bigrams(sb))) / 3}


def pair_features(a: Claim, b: Claim, al: Alignment, verifier: Verifier) -> dict[str, float]:
    """The features of one aligned pair (``al`` scores ``a`` against ``b``); every value in [0, 1]."""
    s = al.scores
    short, long_ = (a, b) if _words(a) <= _words(b) else (b, a)
    ts, tl = _stems(short.terms), _stems(long_.terms)
    es, el = set(short.entities), set(long_.entities)
    qa, qb = _counted(verifier.quantities_of(a)), _counted(verifier.quantities_of(b))
    tol = verifier.settings.corroborate_number_tolerance
    same = any(x.key() == y.key() and same_figure(x, y, tol) for x in qa for y in qb)
    unmatched = [x for xs, ys in ((qa, qb), (qb, qa)) for x in xs if not any(y.key() == x.key() for y in ys)]
    return {
        "combined": al.score,
        "embedding": float(s.get("embedding", 0.0)),
        "terms": float(s.get("terms", 0.0)),
        "entities": float(s.get("entities", 0.0)),
        "numbers": float(s.get("numbers", 0.0)),
        "mutual_best": float(s.get("mutual_best", 0.0)),
        "len_ratio": _words(short) / _words(long_),
        "cover_short": len(ts & tl) / len(ts) if ts else 0.0,
        "cover_long": len(ts & tl) / len(tl) if tl else 0.0,
        "names_short_missing": len(es - el) / len(es) if es else 0.0,
        "names_long_missing": len(el - es) / len(el) if el else 0.0,
        "figure_same": float(same),
        "figures_unmatched": len(unmatched) / (len(qa) + len(qb)) if qa or qb else 0.0,
        "quote_mismatch": float(a.quote != b.quote),
        "clause": float(a.part == "clause" or b.part == "clause"),
        "quoted_word": float(bool(shared_quoted_words(a, b))),
    }


class PairModel:
    """Logistic regression over ``FEATURES`` (standardised): P(the two units state the same fact)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.features: list[str] = list(data["features"])
        self.mean: list[float] = [float(x) for x in data["mean"]]
        self.scale: list[float] = [float(x) or 1.0 for x in data["scale"]]
        self.coef: list[float] = [float(x) for x in data["coef"]]
        self.intercept = float(data["intercept"])
        self.meta: dict[str, Any] = dict(data.get("meta", {}))

    def contributions(self, feats: dict[str, float]) -> dict[str, float]:
        return {f: c * (feats.get(f, 0.0) - m) / sc
                for f, m, sc, c in zip(self.features, self.mean, self.scale, self.coef, strict=True)}

    def probability(self, feats: dict[str, float]) -> float:
        z = self.intercept + sum(self.contributions(feats).values())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def reason(self, feats: dict[str, float], n: int = 3) -> str:
        """The features that pushed this decision most, each with its value and signed contribution."""
        top = sorted(self.contributions(feats).items(), key=lambda kv: -abs(kv[1]))[:n]
        return ", ".join(f"{f}={feats.get(f, 0.0):.2f} ({v:+.2f})" for f, v in top)


@functools.lru_cache(maxsize=1)
def load_pair_model() -> PairModel:
    text = resources.files("newsprism").joinpath("models/fact_pairs.json").read_text(encoding="utf-8")
    return PairModel(json.loads(text))


@functools.lru_cache(maxsize=1)
def load_part_model() -> PairModel:
    """The part verifier (``models/fact_part_pairs.json``, ``scripts/train_part_pairs.py``): P(a part of each unit
    states the same fact), over ``PART_FEATURES``; asked only about pairs the pair verifier refuses."""
    text = resources.files("newsprism").joinpath("models/fact_part_pairs.json").read_text(encoding="utf-8")
    return PairModel(json.loads(text))
