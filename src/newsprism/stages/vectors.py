"""Sentence vectors, made once per article and shared: the ``vectors`` stage.

With ``bias_encoder = finetuned`` (the default) the stage gives every sentence the fine-tuned bias model's score
(``nlp.bias_scores``; the analysis sends each parsed step's sentences to it on a second thread, see
:class:`BiasPrefetch`) and MiniLM vectors of the claims the checks compare; no sentence vectors are made.

Otherwise every sentence of the article and every claim the checks stage compares (pairs of claims with
conflicting numbers that pass its cheap tests) is encoded once, by the encoder the ``encoder`` setting names; framing (the sentence bias score)
and checks (similar sentences with different numbers) read the vectors from this stage's output
instead of encoding again. With ``bias_encoder = static`` the sentences get static vectors (no
transformer run) and MiniLM encodes only those few claims. With ``bias_encoder = cascade``
every sentence gets a static vector, the bias score is estimated from it, and MiniLM encodes only the
sentences where the estimate could change a verdict (``stages/bias_cascade.py``: by ``bias_cascade_encoder``, int8
weights by default, and again by ``encoder`` where the int8 score leaves a verdict undecided), and the claims (by
``encoder``); the stage then shares the scores too. Over many articles, :func:`vectors_batch` encodes all their texts in one
call, so the encoder's batches are full and sorted by length.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .. import nlp
from ..errors import SettingError
from ..records import Claim, Sentence
from ..settings import Settings
from .base import StageContext
from .bias_cascade import CASCADE, bias_estimate, estimate_note, full_scores, needs_float, needs_minilm, sigmoid
from .checks import claims_needing_vectors


@dataclass(frozen=True, eq=False)
class TextVectors:
    """Unit-length vectors of one article's texts (one row per distinct text) and the encoder that made them."""

    texts: tuple[str, ...]
    matrix: Any  # numpy float32 array, shape (len(texts), nlp.EMBEDDING_DIM)
    encoder: str
    index: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {t: i for i, t in enumerate(self.texts)})

    def rows(self, texts: Sequence[str]) -> Any:
        """The vectors of ``texts``, in order; a text the stage did not encode is encoded now (same encoder)."""
        missing = [t for t in dict.fromkeys(texts) if t not in self.index]
        extra = dict(zip(missing, nlp.embed(missing, self.encoder), strict=True)) if missing else {}
        if not texts:
            return np.zeros((0, nlp.EMBEDDING_DIM), dtype="float32")
        return np.vstack([self.matrix[self.index[t]] if t in self.index else extra[t] for t in texts])


@dataclass(frozen=True, eq=False)
class ArticleVectors:
    """What the vectors stage shares: the vectors the bias score reads (``bias_encoder``: MiniLM or static)
    for the sentences, and MiniLM vectors for the claims with numbers (the checks). With MiniLM for both,
    the two are one encoding."""

    sentences: TextVectors
    claims: TextVectors
    bias_scores: tuple[float, ...] | None = None
    """Under the cascade: each sentence's bias score (MiniLM where it ran, else the estimate)."""
    bias_notes: tuple[str | None, ...] | None = None
    """... and for an estimated score, why MiniLM was not needed (None where MiniLM ran)."""


def number_claims(claims: Sequence[Claim], settings: Settings) -> list[str]:
    """The claims the checks compare by similarity: pairs with conflicting numbers that pass the cheap tests."""
    return list(dict.fromkeys(c.text for c in claims_needing_vectors(claims, settings)))


def texts_to_encode(sentences: Sequence[Sentence], claims: Sequence[Claim], settings: Settings) -> list[str]:
    """Each sentence, and each claim the checks will compare (a claim may be part of a sentence), once."""
    return list(dict.fromkeys([s.text for s in sentences] + number_claims(claims, settings)))


def _encode_all(per_article: list[list[str]], encoder: str) -> list[TextVectors]:
    """The texts of many articles in one encoder call, split back per article."""
    unique = list(dict.fromkeys(t for texts in per_article for t in texts))
    matrix = nlp.embed(unique, encoder)
    where = {t: i for i, t in enumerate(unique)}
    return [TextVectors(texts=tuple(texts), matrix=matrix[[where[t] for t in texts]] if texts
                        else np.zeros((0, nlp.EMBEDDING_DIM), dtype="float32"), encoder=encoder)
            for texts in per_article]


def vectors_batch(contexts: Sequence[StageContext]) -> list[ArticleVectors]:
    """The vectors of many articles, one encoder call per kind of vector."""
    if not contexts:
        return []
    settings = contexts[0].settings
    if settings.bias_encoder == "minilm":
        shared = _encode_all([texts_to_encode(c.values["sentences"], c.values["claims"], settings)
                              for c in contexts],
                             settings.encoder)
        return [ArticleVectors(sentences=v, claims=v) for v in shared]
    if settings.bias_encoder == nlp.FINETUNED:
        return _finetuned_batch(contexts, settings)
    if settings.bias_encoder == CASCADE:
        return _cascade_batch(contexts, settings)
    if settings.bias_encoder != nlp.STATIC:
        raise SettingError(f"setting bias_encoder expects finetuned, minilm, cascade or static, "
                           f"got {settings.bias_encoder!r}")
    static = _encode_all([[s.text for s in c.values["sentences"]] for c in contexts], nlp.STATIC)
    claims = _encode_all([number_claims(c.values["claims"], settings) for c in contexts], settings.encoder)
    return [ArticleVectors(sentences=s, claims=c) for s, c in zip(static, claims, strict=True)]


def vectors_stage(ctx: StageContext) -> ArticleVectors:
    return vectors_batch([ctx])[0]


class BiasPrefetch:
    """Bias scores computed on a second thread while the caller goes on (parsing the next articles, running
    the other stages): ONNX Runtime and the tokenizer release the GIL, so on two cores the encoder costs little
    wall time. :func:`bias_prefetch` makes one for the duration of an analysis; the vectors stage takes the
    scores from it and scores here whatever was not sent ahead."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprism-bias")
        self.pending: list[tuple[list[str], Future[Any]]] = []

    def send(self, texts: Sequence[str]) -> None:
        unique = list(dict.fromkeys(texts))
        if unique:
            self.pending.append((unique, self.pool.submit(nlp.bias_scores, unique)))

    def scores(self, texts: Sequence[str]) -> dict[str, float]:
        wanted = set(texts)
        out: dict[str, float] = {}
        for sent, future in self.pending:
            if wanted.intersection(sent):
                out.update(zip(sent, (float(v) for v in future.result()), strict=True))
        missing = [t for t in dict.fromkeys(texts) if t not in out]
        out.update(zip(missing, (float(v) for v in nlp.bias_scores(missing)), strict=True))
        return out

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


_PREFETCH: ContextVar[BiasPrefetch | None] = ContextVar("newsprism_bias_prefetch", default=None)


def current_prefetch() -> BiasPrefetch | None:
    """The second thread of the analysis now running (None outside one, or with ``bias_pipeline`` off)."""
    return _PREFETCH.get()


@contextmanager
def bias_prefetch(settings: Settings) -> Iterator[BiasPrefetch | None]:
    """A :class:`BiasPrefetch` the vectors stage of this analysis reads (None unless ``bias_encoder`` is
    finetuned and ``bias_pipeline`` is on)."""
    if settings.bias_encoder != nlp.FINETUNED or not settings.bias_pipeline:
        yield None
        return
    prefetch = BiasPrefetch()
    token = _PREFETCH.set(prefetch)
    try:
        yield prefetch
    finally:
        _PREFETCH.reset(token)
        prefetch.close()


def _finetuned_batch(contexts: Sequence[StageContext], settings: Settings) -> list[ArticleVectors]:
    """The fine-tuned bias model's score of every sentence (sent ahead by the analysis where it could, see
    :class:`BiasPrefetch`), and MiniLM vectors (``encoder``) of the claims the checks compare, in one call over
    all articles. Sentence vectors are not made: nothing in the analysis reads them (``rows`` would encode a
    sentence by ``encoder`` on demand)."""
    claims = _encode_all([number_claims(c.values["claims"], settings) for c in contexts], settings.encoder)
    texts = [[s.text for s in c.values["sentences"]] for c in contexts]
    flat = [t for ts in texts for t in ts]
    prefetch = _PREFETCH.get()
    if prefetch is not None:
        scores = prefetch.scores(flat)
    else:
        unique = list(dict.fromkeys(flat))
        scores = dict(zip(unique, (float(v) for v in nlp.bias_scores(unique)), strict=True))
    return [ArticleVectors(sentences=c, claims=c, bias_scores=tuple(scores[t] for t in ts),
                           bias_notes=tuple(None for _ in ts))
            for c, ts in zip(claims, texts, strict=True)]


def _cascade_batch(contexts: Sequence[StageContext], settings: Settings) -> list[ArticleVectors]:
    """Static vectors for every sentence; MiniLM, in one call over all articles, for the sentences the cascade
    sends (first by ``bias_cascade_encoder``, int8 weights by default, then by ``encoder`` where the int8 score
    leaves a verdict undecided) and for the claims the checks compare (by ``encoder``); the bias score of
    every sentence."""
    static = _encode_all([[s.text for s in c.values["sentences"]] for c in contexts], nlp.STATIC)
    sent: list[list[str]] = []
    for c, vectors in zip(contexts, static, strict=True):
        sentences = c.values["sentences"]
        tokens = [_tokens(c.doc, s) for s in sentences]
        send = needs_minilm(vectors.matrix, tokens, settings) if sentences else []
        sent.append([s.text for s, chosen in zip(sentences, send, strict=True) if chosen])
    claims = [number_claims(c.values["claims"], settings) for c in contexts]
    first: list[dict[str, float]] = [{} for _ in contexts]
    if settings.bias_cascade_encoder != settings.encoder:  # int8 first; the float model where it could matter
        again = []
        for c, chosen, quick, scores_of in zip(contexts, sent, _encode_all(sent, settings.bias_cascade_encoder),
                                               first, strict=True):
            by_text = {s.text: s for s in c.values["sentences"]}
            redo = needs_float(quick.matrix, [_tokens(c.doc, by_text[t]) for t in chosen], settings) if chosen else []
            scores_of.update(zip(chosen, full_scores(quick.matrix), strict=True) if chosen else ())
            again.append([t for t, r in zip(chosen, redo, strict=True) if r])
        sent = again
    full = _encode_all([list(dict.fromkeys(s + c)) for s, c in zip(sent, claims, strict=True)], settings.encoder)
    out = []
    for vectors, minilm, chosen, quick_scores in zip(static, full, sent, first, strict=True):
        texts = list(vectors.texts)
        scores = [float(v) for v in sigmoid(bias_estimate(vectors.matrix)[0])] if texts else []
        notes: list[str | None] = []
        chosen_set = set(chosen)
        ran = [t for t in texts if t in chosen_set]
        by_text = {**quick_scores, **(dict(zip(ran, full_scores(minilm.rows(ran)), strict=True)) if ran else {})}
        for i, t in enumerate(texts):
            if t in by_text:
                scores[i] = by_text[t]
                notes.append(None)
            else:
                notes.append(estimate_note(vectors.matrix[i], settings))
        out.append(ArticleVectors(sentences=vectors, claims=minilm, bias_scores=tuple(scores),
                                  bias_notes=tuple(notes)))
    return out


def _tokens(doc: Any, sentence: Sentence) -> list[Any]:
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand") if doc is not None else None
    return list(span) if span is not None else []
