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
from collections.abc import Sequence
from importlib import resources
from typing import Any

from .. import nlp
from ..records import Alignment, Claim, Quantity
from .span_check import LIGHT_VERBS
from .verify import Verifier, content_stems, same_figure, shared_quoted_words

FEATURES = ("combined", "embedding", "terms", "entities", "numbers", "mutual_best", "len_ratio", "cover_short",
            "cover_long", "names_short_missing", "names_long_missing", "figure_same", "figures_unmatched",
            "quote_mismatch", "clause", "quoted_word")
# the predicate features (``predicate_features``, on the parse): a predicate of one unit (a verb, or its root) written in
# the other by the same lemma, or by the same derivational family (``family``: "deployed" / "deployment",
# "unanimous" / "unanimously", "lighted" / "lighting"), and the share (of two) of that predicate's arguments
# (subject, object, oblique head, the noun it qualifies) the other unit's word of that family also governs
PREDICATE_FEATURES = ("pred_lemma", "pred_family", "pred_arg")
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


# derivational suffixes stripped by ``family`` (longest first; at most two, the stem keeping three letters)
SUFFIXES = tuple(sorted(("ations", "ation", "ments", "ment", "ingly", "ings", "ing", "edly", "ions", "ion", "ness",
                         "ities", "ity", "ers", "er", "ously", "ous", "ly", "ed", "es", "s", "al", "ate", "ates",
                         "ated", "ating"), key=len, reverse=True))
# inflections stripped only as the last suffix ("collapsed" → "collaps", not "collap")
INFLECTIONS = frozenset({"s", "es", "ed"})
# argument relations of a predicate word: subject, object, agent, attribute, the nouns that qualify it
ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "attr", "dative", "oprd", "compound", "poss", "nmod",
                      "npadvmod", "acomp", "amod", "appos"})
# a predicate word that qualifies a noun ("the collapsed school", "police deployment"): the noun is its argument
ARG_OF_HEAD = frozenset({"amod", "compound", "acl", "relcl", "nmod", "advmod"})
ARG_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})


@functools.lru_cache(maxsize=65536)
def family(lemma: str) -> str:
    """A conservative derivational family key: the lowercased lemma without up to two derivational or inflectional
    suffixes and a final "e" ("deployment", "deployed" → "deploy"; "unanimously", "unanimous" → "unanim";
    "lighting", "lighted" → "light"; "ventilated", "ventilation" → "ventil"), the stem keeping at least three
    letters."""
    w = lemma.lower()
    for n in range(2):
        cut = next((x for x in SUFFIXES if w.endswith(x) and len(w) - len(x) >= 3
                    and (n == 0 or x not in INFLECTIONS)), None)
        if cut is None:
            break
        w = w[:-len(cut)]
    w = w[:-1] if w.endswith("e") and len(w) > 3 else w
    # a doubled final consonant of an inflected form ("planned" / "plan")
    return w[:-1] if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls" else w


def _arguments(t: Any) -> set[str]:
    """The family keys of a predicate word's arguments: its subject, object, attribute and qualifying nouns, the
    object of each preposition it governs, the noun it qualifies itself, and each argument's compound words
    ("police officers": "officer" and "police"). A conjunct stands where its first conjunct stands ("a built,
    lighted and ventilated tunnel": "tunnel")."""
    found = []
    for c in t.children:
        if c.dep_ in ARG_DEPS:
            found.append(c)
        elif c.dep_ in ("prep", "agent"):
            found += [g for g in c.children if g.dep_ == "pobj"]
    at = t
    while at.dep_ == "conj" and at.head is not at:
        at = at.head
    if at.dep_ in ARG_OF_HEAD:
        found.append(at.head)
    # a noun predicate carried by a verb ("equipped the tunnel with lighting", "ordered the deployment of police"):
    # the verb's own arguments are its arguments too; carried by a noun through a preposition ("a tunnel with
    # lighting"): that noun
    carrier = at.head.head if at.dep_ == "pobj" else at.head if at.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") \
        else None
    if t.pos_ == "NOUN" and carrier is not None:
        if carrier.pos_ in ("VERB", "AUX"):
            found += [c for c in carrier.children if c.dep_ in ARG_DEPS and c is not at]
        elif carrier.pos_ in ("NOUN", "PROPN") and at.dep_ == "pobj":
            found.append(carrier)
    # "thousands of police", "the deployment of police": the object of "of" stands for its noun
    found += [g for x in found for p in x.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj"]
    found += [g for x in found for g in x.children if g.dep_ == "compound"]
    return {family(x.lemma_) for x in found if x.pos_ in ARG_POS and not x.is_stop and x.is_alpha}


def _predicate_words(doc: Any) -> list[Any]:
    """The predicate words of a unit: its verbs (not light or reporting verbs) and its root."""
    return [t for t in doc if t.is_alpha and not t.is_stop and t.lemma_.lower() not in LIGHT_VERBS
            and (t.pos_ == "VERB" or t.dep_ == "ROOT")]


def predicate_features(a: str, b: str, docs: dict[str, Any] | None = None) -> dict[str, float]:
    """``PREDICATE_FEATURES`` of two units' texts (parsed here unless ``docs`` holds them): ``pred_lemma``: a
    predicate word of either unit written in the other by its lemma; ``pred_family``: by its derivational family;
    ``pred_arg``: of such a predicate, the most arguments (up to two, over two) that the other unit's word of its
    family also governs — the same predicate with the same participant, told in other word forms ("police were
    deployed from outside Catalonia" / "the deployment of police from outside the region")."""
    if docs is None or a not in docs or b not in docs:
        docs = dict(zip((a, b), nlp.parse_cached([a, b], disable=("ner",)), strict=True))
    da, db = docs[a], docs[b]
    lemma = fam = 0.0
    args = 0
    for x, y in ((da, db), (db, da)):
        words: dict[str, list[Any]] = {}
        lemmas = {t.lemma_.lower() for t in y if t.is_alpha}
        for t in y:
            if t.is_alpha and not t.is_stop:
                words.setdefault(family(t.lemma_), []).append(t)
        for p in _predicate_words(x):
            if p.lemma_.lower() in lemmas:
                lemma = 1.0
            same = words.get(family(p.lemma_), [])
            if not same:
                continue
            fam = 1.0
            mine = _arguments(p)
            args = max([args, *(len(mine & _arguments(q)) for q in same)])
    return {"pred_lemma": lemma, "pred_family": fam, "pred_arg": min(2, args) / 2}


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


def prime(texts: Sequence[str]) -> dict[str, Any]:
    """The parses of many units' texts in one batch (without NER), for ``predicate_features``."""
    todo = list(dict.fromkeys(texts))
    return dict(zip(todo, nlp.parse_cached(todo, batch_size=64, disable=("ner",)), strict=True))


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
