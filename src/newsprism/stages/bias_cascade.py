"""The sentence bias score as a cascade: a cheap estimate for every sentence, MiniLM only where it could matter.

The bias score (``models/bias_lr.json``: a logistic regression over MiniLM sentence vectors) needs a MiniLM run
per sentence, which costs more than the whole spaCy parse. The cascade's first step estimates each sentence's
MiniLM vector from its static vector (``nlp.static_embed``: no transformer run) by a linear map
(``models/bias_cascade.npz``, fitted by scripts/train_bias_cascade.py on unlabelled news sentences) and so the
score's logit, with a standard error from the map's measured error covariance. It needs nothing of the bias
model but its weights, so a retrained ``bias_lr.json`` composes without retraining the map. MiniLM then
scores only the sentences where the estimate could change a decision:

- the estimate lies within ``bias_cascade_band`` standard errors of a threshold (``bias_score_min``: the
  ``biased_sentence`` cue);
- a loaded-word verdict in the sentence (the word tagger reads the sentence score) would differ somewhere
  between the two ends of the estimate's ``bias_cascade_word_band`` (:func:`words_undecided`: exact, the
  tagger's logit is linear in the sentence score).

With ``bias_cascade_encoder = onnx-int8`` (the default) MiniLM first runs with int8 weights (about half the
cost); its score is again an estimate of the float model's, with a standard error measured by the training
script (``int8_error_cov``), and the float export scores again only the sentences whose int8 score the same
bands leave undecided.

Elsewhere the estimate is the score, and the cue's reason says so.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ..settings import Settings
from .bias_words import lexicon_reason, logit_parts
from .framing import bias_model, is_loaded_candidate

CASCADE = "cascade"


@lru_cache(maxsize=1)
def load_cascade() -> dict[str, Any]:
    """The map's arrays: ``coef`` (static dims × MiniLM dims), ``intercept`` and ``error_cov`` (MiniLM dims²)."""
    with resources.files("newsprism").joinpath("models/bias_cascade.npz").open("rb") as fh:
        data = np.load(fh)
        return {k: np.asarray(data[k], dtype="float64") for k in data.files}


@lru_cache(maxsize=1)
def _estimator() -> tuple[Any, float, float]:
    """(weights over static vectors, intercept, standard error) of the estimated MiniLM bias logit."""
    cascade = load_cascade()
    model = bias_model("minilm")
    w = np.asarray(model["coef"], dtype="float64")
    se = float(np.sqrt(max(float(w @ cascade["error_cov"] @ w), 1e-12)))
    return cascade["coef"] @ w, float(cascade["intercept"] @ w) + float(model["intercept"]), se


def logit(p: float) -> float:
    return math.log(p / (1 - p))


def sigmoid(z: Any) -> Any:
    return 1 / (1 + np.exp(-np.asarray(z, dtype="float64")))


def bias_estimate(static_vectors: Any) -> tuple[Any, float]:
    """The estimated MiniLM bias logit of each row of static vectors, and its standard error."""
    weights, intercept, se = _estimator()
    return np.asarray(static_vectors, dtype="float64") @ weights + intercept, se


def near_threshold(logits: Any, se: float, band: float, thresholds: Sequence[float]) -> list[bool]:
    """Whether each estimated logit lies within ``band`` standard errors of one of the probability thresholds."""
    cuts = [logit(t) for t in thresholds]
    return [any(abs(float(z) - c) < band * se for c in cuts) for z in logits]


def words_undecided(tokens: Iterable[Any], low: float, high: float, settings: Settings) -> bool:
    """Whether some loaded-word verdict among ``tokens`` would differ for a sentence score between ``low`` and
    ``high`` (the verdict of :func:`framing.loaded_verdict`: the tagger's probability against bias_word_min, or
    bias_word_lexicon_min when a lexicon marks the word)."""
    for tok in tokens:
        if not is_loaded_candidate(tok):
            continue
        base, slope = logit_parts(tok)
        need = settings.bias_word_lexicon_min if lexicon_reason(tok, settings) is not None else settings.bias_word_min
        cut = logit(need)
        if (base + slope * low >= cut) != (base + slope * high >= cut):
            return True
    return False


def full_scores(vectors: Any) -> list[float]:
    """The bias model's score of each row of MiniLM vectors."""
    model = bias_model("minilm")
    z = np.asarray(vectors, dtype="float64") @ np.asarray(model["coef"]) + float(model["intercept"])
    return [float(v) for v in sigmoid(z)]


def cascade_scores(static_vectors: Any, minilm_rows: Callable[[list[int]], Any], band: float,
                   thresholds: Sequence[float], also: Sequence[bool] | None = None) -> tuple[list[float], list[bool]]:
    """(score, made by MiniLM) per sentence: the estimate, replaced by the MiniLM model's score where the estimate
    is within ``band`` standard errors of a threshold or ``also`` says so; ``minilm_rows(rows)`` gives the MiniLM
    vectors of those rows."""
    logits, se = bias_estimate(static_vectors)
    send = near_threshold(logits, se, band, thresholds)
    if also is not None:
        send = [a or b for a, b in zip(send, also, strict=True)]
    scores = [float(v) for v in sigmoid(logits)]
    rows = [i for i, s in enumerate(send) if s]
    if rows:
        for i, score in zip(rows, full_scores(minilm_rows(rows)), strict=True):
            scores[i] = score
    return scores, send


def needs_minilm(static_vectors: Any, sentence_tokens: Sequence[Iterable[Any]], settings: Settings) -> list[bool]:
    """The cascade's choice for one article's sentences: near the cue threshold, or a loaded-word verdict the
    estimate leaves undecided."""
    logits, se = bias_estimate(static_vectors)
    return undecided(logits, se, sentence_tokens, settings)


def int8_error_sd() -> float:
    """Standard error of the bias logit from int8 MiniLM vectors against the float model's (measured by
    scripts/train_bias_cascade.py); 0 when the shipped map predates it (then the int8 step is skipped)."""
    cascade = load_cascade()
    if "int8_error_cov" not in cascade:
        return 0.0
    w = np.asarray(bias_model("minilm")["coef"], dtype="float64")
    return float(np.sqrt(max(float(w @ cascade["int8_error_cov"] @ w), 1e-12)))


def needs_float(int8_vectors: Any, sentence_tokens: Sequence[Iterable[Any]], settings: Settings) -> list[bool]:
    """The cascade's second step (``bias_cascade_encoder`` = onnx-int8): which sentences scored by int8 MiniLM
    vectors the float model must score again, because the int8 score is within the bands (in standard errors
    of the int8 score, :func:`int8_error_sd`) of a decision. All of them when that error is unknown."""
    se = int8_error_sd()
    matrix = np.asarray(int8_vectors, dtype="float64")
    if se == 0.0:
        return [True] * len(matrix)
    model = bias_model("minilm")
    logits = matrix @ np.asarray(model["coef"], dtype="float64") + float(model["intercept"])
    return undecided(logits, se, sentence_tokens, settings)


def undecided(logits: Any, se: float, sentence_tokens: Sequence[Iterable[Any]], settings: Settings) -> list[bool]:
    """For estimated logits with standard error ``se``: whether the cue or a loaded-word verdict could change
    within the bands (``bias_cascade_band``, ``bias_cascade_word_band``)."""
    near = near_threshold(logits, se, settings.bias_cascade_band, (settings.bias_score_min,))
    band = settings.bias_cascade_word_band
    out = []
    for z, is_near, tokens in zip(logits, near, sentence_tokens, strict=True):
        out.append(is_near or (band > 0 and words_undecided(tokens, float(sigmoid(z - band * se)),
                                                             float(sigmoid(z + band * se)), settings)))
    return out


def estimate_note(static_vector: Any, settings: Settings) -> str:
    """Why an estimated score was kept (for the cue's reason)."""
    (z,), se = bias_estimate(np.asarray(static_vector)[None, :])
    away = abs(float(z) - logit(settings.bias_score_min)) / se
    return (f"estimated from static vectors, {away:.1f} standard errors from the {settings.bias_score_min} "
            f"threshold, so MiniLM was not run")
