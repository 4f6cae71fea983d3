"""Article → AnalyzedArticle: the analysis stages, in an order checked before running.

Each stage is a module here (sentences, entities with its coreference resolver, quotes, framing,
naming, claims, quantities, vectors, checks) and declares what it needs and what it adds; :func:`analyze_many`
parses all articles in one spaCy batch and runs each stage over all of them (the ``vectors`` stage
encodes every article's sentences in one call) before the next.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from .. import nlp
from ..errors import TooLarge
from ..records import AnalyzedArticle, Article
from ..settings import DEFAULT, Settings, analysis_settings
from .base import REGISTRY, Stage, StageContext, check_order, register, run_stages, run_stages_many
from .checks import checks_stage
from .claims import claims_stage
from .entities import Resolver, entities_stage, resolver_stage
from .framing import framing_stage
from .naming import naming_stage
from .quantities import quantities_stage
from .quotes import quotes_stage
from .sentences import sentence_bounds, sentences_stage
from .units import units_stage
from .vectors import ArticleVectors, TextVectors, bias_prefetch, vectors_batch, vectors_stage

ANALYSIS_VERSION = "119"
"""Bumped whenever a stage's output changes for the same input; part of the analysis cache key."""

DEFAULT_STAGES: tuple[Stage, ...] = tuple(register(s) for s in (
    Stage("sentences", ("doc",), "sentences", sentences_stage),
    Stage("coref", ("doc", "sentences"), "resolver", resolver_stage, returns=Resolver),
    Stage("entities", ("resolver",), "entities", entities_stage),
    Stage("quotes", ("doc", "sentences", "resolver"), "quotes", quotes_stage),
    Stage("naming", ("doc", "entities"), "naming", naming_stage),
    Stage("claims", ("doc", "sentences", "entities", "quotes"), "claims", claims_stage),
    Stage("units", ("claims",), "unit_texts", units_stage),
    Stage("quantities", ("doc", "sentences", "entities", "quotes", "claims"), "quantities", quantities_stage),
    Stage("vectors", ("sentences", "claims"), "vectors", vectors_stage, returns=ArticleVectors, batch=vectors_batch),
    Stage("framing", ("doc", "sentences", "quotes", "resolver", "vectors"), "framing", framing_stage),
    Stage("issues", ("doc", "sentences", "entities", "claims", "quantities", "vectors"), "issues", checks_stage),
))

__all__ = ["ANALYSIS_VERSION", "analysis_key", "DEFAULT_STAGES", "REGISTRY", "Stage", "StageContext", "analyze", "analyze_many",
           "check_order", "register", "run_stages", "run_stages_many", "ArticleVectors", "TextVectors", "vectors_batch"]


def analysis_key(settings: Settings = DEFAULT) -> str:
    """The analysis cache key: analysis version, the settings that affect analysis, the model versions.

    Change any of them and stored analyses no longer match, so they are recomputed.
    """
    basis = {"version": ANALYSIS_VERSION, "settings": analysis_settings(settings), "models": nlp.model_versions()}
    digest = hashlib.sha256(json.dumps(basis, sort_keys=True, default=str).encode()).hexdigest()[:16]
    return f"{ANALYSIS_VERSION}:{digest}"


def analyze_many(articles: Sequence[Article], settings: Settings = DEFAULT,
                 stages: Sequence[Stage] | None = None) -> list[AnalyzedArticle]:
    """Analyse articles (spaCy batched over all of them); TooLarge for text over ``max_analysis_chars`` or
    with a run longer than ``max_token_chars``."""
    chosen = list(stages) if stages is not None else list(DEFAULT_STAGES)
    check_order(chosen)
    for article in articles:
        if len(article.text) > settings.max_analysis_chars:
            raise TooLarge(f"{len(article.text):,} characters of text is over the {settings.max_analysis_chars:,} "
                           f"that are analysed (setting max_analysis_chars)", source=article.source,
                           article_id=article.id)
        longest = max((len(w) for w in article.text.split()), default=0)
        if longest > settings.max_token_chars:  # the tokenizer stalls on such runs
            raise TooLarge(f"a run of {longest:,} characters without a space is over the {settings.max_token_chars:,} "
                           "limit (setting max_token_chars)", source=article.source, article_id=article.id)
    fields = AnalyzedArticle.__dataclass_fields__
    with bias_prefetch(settings) as prefetch:
        if prefetch is None:
            docs = nlp.parse([a.text for a in articles])
        else:  # parse in steps; each step's sentences go to the bias model on a second thread meanwhile
            docs = []
            steps = max(2, -(-len(articles) // max(1, settings.bias_pipeline_chunk)))  # at least two: a few
            step = max(1, -(-len(articles) // steps))  # articles still overlap the bias model with the parse
            for b in range(0, len(articles), step):
                part = articles[b:b + step]
                parsed = nlp.parse([a.text for a in part])
                docs.extend(parsed)
                prefetch.send([a.text[s:e] for a, d in zip(part, parsed, strict=True)
                               for s, e in sentence_bounds(a.text, d)])
        per_article = run_stages_many(chosen, articles, docs, settings)
    return [AnalyzedArticle(article=article, **{k: v for k, v in values.items() if k in fields})
            for article, values in zip(articles, per_article, strict=True)]


def analyze(article: Article, settings: Settings = DEFAULT) -> AnalyzedArticle:
    return analyze_many([article], settings)[0]
