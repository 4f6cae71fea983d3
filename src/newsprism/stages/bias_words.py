"""The learned word-level bias tagger: which words of a sentence make it biased.

A logistic regression over token features, trained on BABE's annotated biased words by
scripts/train_bias_words.py and shipped as ``models/bias_words.json`` (feature → weight). Lexicons
(VADER valence, Pattern/TextBlob subjectivity, NRC emotions) and word frequency are features here,
not verdicts; the word itself, its lemma, suffix, part of speech and syntactic context are too.
Every verdict is explained: the probability and the features that pushed it up most.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..lexicons import SPEECH_VERBS, babe_words, nrc, subjectivity, vader
from ..settings import DEFAULT, Settings
from ..text.words import zipf

__all__ = ["WordVerdict", "bias_word_features", "is_candidate", "lexicon_reason", "logit_parts", "score_token",
           "tagger"]

CONTENT_POS = ("ADJ", "ADV", "NOUN", "VERB", "PROPN")
NRC_EMOTIONS = ("anger", "fear", "sadness", "disgust", "joy", "trust", "surprise", "anticipation", "negative",
                "positive")
# readable names for the feature families, used in explanations
FAMILY = {"w": "the word", "l": "the lemma", "suf": "the ending", "pos": "part of speech", "tag": "tag",
          "dep": "syntactic role", "posdep": "part of speech and role", "prev": "the previous word's POS",
          "next": "the next word's POS", "head": "the word it attaches to", "vader": "VADER valence",
          "vader_abs": "VADER |valence|", "subj": "Pattern subjectivity", "pol_abs": "Pattern |polarity|",
          "nrc": "NRC emotion", "zipf": "word frequency", "zb": "word frequency band", "rare": "rarity",
          "title": "capitalised", "ent": "named entity", "sent": "sentence bias score",
          "adapt": "bursty in background news (a topic word)", "spread": "spread over background news documents",
          "unseen": "unseen in background news", "t": "the word's use in context (parser vector)",
          "v": "the word's meaning (static MiniLM vector)"}
# vector families the tagger can be trained with (the model file names the one it was trained with): "tensor",
# the parser's contextual token vector (spaCy tok2vec, 96 numbers, free with the parse); "static", MiniLM's
# static word vector (nlp.static_embed, 384 numbers). A word's meaning generalises where its identity cannot:
# a rare word of description ("penitentiaries", "glare") and a rare word of judgement ("cowardly") differ.
VECTOR_FAMILIES = ("tensor", "static")


def is_candidate(token: Any) -> bool:
    """Tokens the tagger scores: words (not punctuation, numbers or spaces)."""
    return bool(token.is_alpha) and len(token.text) > 1


def lexicon_reason(token: Any, settings: Settings = DEFAULT) -> str | None:
    """The lexicon approach the tagger replaced (kept as its baseline): why a word is loaded by the
    lexicons alone, naming the lexicon and its value; None when it is not."""
    low, lemma = token.lower_, token.lemma_.lower()
    if token.is_stop or token.ent_type_ or len(low) < 3 or token.pos_ not in ("ADJ", "ADV", "NOUN", "VERB"):
        return None
    babe = babe_words()
    n = babe.get(low) or babe.get(lemma)
    v = vader().get(low, vader().get(lemma))
    # a verb of harm ("killed", "destroyed") reports an event; BABE's annotators flagged it in its context
    harm_verb = token.pos_ == "VERB" and v is not None and v < 0
    if n and n >= settings.babe_min and lemma not in SPEECH_VERBS and (not harm_verb or n >= settings.babe_strong):
        return f"marked biased by BABE annotators in {n} sentences"
    if v is not None and token.pos_ != "VERB" and abs(v) >= (
            settings.vader_noun_min if token.pos_ == "NOUN" else settings.vader_min):
        return f"VADER valence {v:+.1f} ({'positive' if v > 0 else 'negative'} emotive word)"
    if token.pos_ == "ADJ":
        ps = subjectivity().get(low)
        if ps and ps[1] >= settings.subjectivity_min and zipf(low) < settings.common_adjective_zipf and (
                abs(ps[0]) >= settings.subjective_polarity_min or zipf(low) < settings.everyday_zipf):
            return f"subjective adjective (Pattern subjectivity {ps[1]:.1f}, polarity {ps[0]:+.1f})"
    if token.pos_ == "VERB":
        emotions = nrc().get(lemma, [])
        if "anger" in emotions and "fear" in emotions and zipf(lemma) < settings.rare_verb_zipf:
            named = ", ".join(e for e in emotions if e not in ("negative", "positive"))
            return f"emotive verb (NRC emotion lexicon: {named})"
    return None


def bias_word_features(token: Any, sentence_score: float | None = None,
                       vectors: str | None = None) -> dict[str, float]:
    """The features of one spaCy token (the training script and the stage use this one function);
    ``sentence_score`` is the sentence bias model's probability for the token's sentence; ``vectors`` a
    family of ``VECTOR_FAMILIES`` (default: the one the shipped tagger was trained with, if any)."""
    low, lemma = token.lower_, token.lemma_.lower()
    feats: dict[str, float] = {f"w={low}": 1.0, f"l={lemma}": 1.0, f"suf={low[-3:]}": 1.0,
                               f"pos={token.pos_}": 1.0, f"tag={token.tag_}": 1.0, f"dep={token.dep_}": 1.0,
                               f"posdep={token.pos_}_{token.dep_}": 1.0}
    doc = token.doc
    feats[f"prev={doc[token.i - 1].pos_ if token.i > 0 else 'START'}"] = 1.0
    feats[f"next={doc[token.i + 1].pos_ if token.i + 1 < len(doc) else 'END'}"] = 1.0
    if token.head.i != token.i:
        feats[f"head={token.head.lemma_.lower()}"] = 1.0
    if token.is_stop:
        feats["stop"] = 1.0
    if token.ent_type_:
        feats["ent"] = 1.0
    if token.text[:1].isupper() and token.i > 0:
        feats["title"] = 1.0
    v = vader().get(low, vader().get(lemma))
    if v is not None:
        feats["vader"] = v / 4
        feats["vader_abs"] = abs(v) / 4
        feats[f"vader_{token.pos_}"] = abs(v) / 4
    ps = subjectivity().get(low)
    if ps is not None:
        feats["subj"] = ps[1]
        feats["pol_abs"] = abs(ps[0])
    for e in nrc().get(lemma, nrc().get(low, [])):
        if e in NRC_EMOTIONS:
            feats[f"nrc={e}"] = 1.0
    z = zipf(low)
    feats["zipf"] = z / 8
    feats[f"zb={int(z)}"] = 1.0
    if token.pos_ in CONTENT_POS:
        feats[f"rare_{token.pos_}"] = max(0.0, 6 - z) / 6
    if token.pos_ in CONTENT_POS:
        feats.update(spread_features(low, lemma, token.pos_))
    if sentence_score is not None:
        feats["sent"] = sentence_score
        feats[f"sent_{token.pos_}"] = sentence_score
    family = tagger().get("vectors") if vectors is None else vectors
    if family and token.pos_ in CONTENT_POS:
        feats.update(vector_features(token, family))
    return feats


def vector_features(token: Any, family: str) -> dict[str, float]:
    """The token's vector as features ``t0…`` (parser tensor) or ``v0…`` (static MiniLM word vector)."""
    if family == "tensor":
        row = token.doc.tensor[token.i] if token.doc.tensor is not None and len(token.doc.tensor) > token.i else ()
        return {f"t{j}": float(x) / 2 for j, x in enumerate(row)}
    if family == "static":
        return {f"v{j}": x for j, x in enumerate(_static_vector(token.lower_))}
    raise ValueError(f"unknown vector family {family!r} (one of {VECTOR_FAMILIES})")


@lru_cache(maxsize=20000)
def _static_vector(word: str) -> tuple[float, ...]:
    from .. import nlp

    return tuple(float(x) * 4 for x in nlp.static_embed([word])[0])


@lru_cache(maxsize=1)
def word_spread() -> tuple[int, dict[str, list[int]]]:
    """(documents, word → [documents using it, documents using it twice or more]) over background news
    (scripts/build_word_spread.py)."""
    text = resources.files("newsprism").joinpath("models/word_spread.json").read_text(encoding="utf-8")
    table = json.loads(text)
    return int(table["documents"]), table["words"]


def spread_features(low: str, lemma: str, pos: str) -> dict[str, float]:
    """How a word spreads over background news: a topic word is bursty (a document that uses it once uses it
    again: Church & Gale's adaptation) and found in few documents; a word of slant turns up once here and
    there, on every subject."""
    n, table = word_spread()
    counts = table.get(low.replace("’", "'")) or table.get(lemma)
    if counts is None:
        return {"unseen": 1.0, f"unseen_{pos}": 1.0}
    adapt = (counts[1] + 0.5) / (counts[0] + 1)
    spread = math.log(counts[0]) / math.log(n)
    return {"adapt": adapt, f"adapt_{pos}": adapt, "spread": spread, f"spread_{pos}": spread}


@lru_cache(maxsize=1)
def tagger() -> dict[str, Any]:
    text = resources.files("newsprism").joinpath("models/bias_words.json").read_text(encoding="utf-8")
    model: dict[str, Any] = json.loads(text)
    return model


@dataclass(frozen=True)
class WordVerdict:
    """The tagger's probability for one token and the features that raised it most."""

    probability: float
    biased: bool
    because: tuple[str, ...]

    def reason(self) -> str:
        return (f"word-level bias tagger (trained on BABE's annotated biased words) p={self.probability:.2f}; "
                f"features: {', '.join(self.because)}")


def _describe(name: str, value: float) -> str:
    family, _, rest = name.partition("=")
    if rest:
        return f"{FAMILY.get(family, family)} “{rest}”" if family in ("w", "l", "suf", "head") else \
            f"{FAMILY.get(family, family)} {rest}"
    base = name.split("_")[0]
    if base == "vader":
        return f"VADER valence {value * 4:+.1f}" if name == "vader" else f"VADER |valence| {value * 4:.1f}"
    if base == "sent":
        return f"sentence bias score {value:.2f}"
    if base == "adapt":
        return f"bursty in background news (adaptation {value:.2f})"
    if base == "spread":
        return f"spread over background news ({value:.2f})"
    if base == "unseen":
        return "unseen in background news"
    if name in ("t", "v"):
        return FAMILY[name]
    if base in ("subj",):
        return f"Pattern subjectivity {value:.1f}"
    if base == "pol":
        return f"Pattern |polarity| {value:.1f}"
    return FAMILY.get(base, name)


def score_token(token: Any, sentence_score: float | None = None, threshold: float | None = None) -> WordVerdict:
    """Score one token; ``threshold`` defaults to the one chosen on BABE's dev split."""
    model = tagger()
    weights: dict[str, float] = model["weights"]
    feats = bias_word_features(token, sentence_score)
    contrib: dict[str, float] = {}
    for k, v in feats.items():
        if k in weights:  # a vector's dimensions count as one feature in the explanation
            key = k[:1] if k[:1] in ("t", "v") and k[1:].isdigit() else k
            contrib[key] = contrib.get(key, 0.0) + weights[k] * v
    z = model["intercept"] + sum(contrib.values())
    p = 1 / (1 + math.exp(-z))
    top = sorted((kv for kv in contrib.items() if kv[1] > 0), key=lambda kv: -kv[1])[:3]
    because = tuple(_describe(k, feats.get(k, 0.0)) for k, _ in top)
    return WordVerdict(probability=p, biased=p >= (model["threshold"] if threshold is None else threshold),
                       because=because)


def logit_parts(token: Any) -> tuple[float, float]:
    """(the tagger's logit for ``token`` with no sentence score, its slope per unit of sentence score): the
    logit at sentence score s is the first plus s times the second, so a verdict over a range of s is known
    from its two ends."""
    model = tagger()
    weights: dict[str, float] = model["weights"]
    feats = bias_word_features(token, None)
    base = float(model["intercept"]) + sum(weights[k] * v for k, v in feats.items() if k in weights)
    return base, weights.get("sent", 0.0) + weights.get(f"sent_{token.pos_}", 0.0)
