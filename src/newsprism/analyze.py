"""Article → AnalyzedArticle: the analysis stages, in an order checked before running.

Each stage says what it needs and what it adds (spaCy's requires/assigns); the runner
refuses an order where a stage needs what no earlier stage added, and checks each
stage's output type after it runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from . import nlp
from .records import AnalyzedArticle, Article, Sentence
from .settings import DEFAULT, Settings

ANALYSIS_VERSION = "1"


@dataclass
class Work:
    """What the stages share while analysing one article."""

    article: Article
    doc: Any  # spaCy Doc over article.text
    settings: Settings
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: str
    run: Callable[[Work], tuple]


def sentences_stage(work: Work) -> tuple[Sentence, ...]:
    """Sentence split of the text; never across a paragraph break."""
    out: list[Sentence] = []
    text = work.article.text
    for sent in work.doc.sents:
        start, end = sent.start_char, sent.end_char
        # split a spaCy sentence that spans a blank line (paragraph boundary)
        pieces: list[tuple[int, int]] = []
        cursor = start
        chunk = text[start:end]
        idx = chunk.find("\n\n")
        while idx != -1:
            pieces.append((cursor, start + idx))
            cursor = start + idx + 2
            idx = chunk.find("\n\n", idx + 2)
        pieces.append((cursor, end))
        for s, e in pieces:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Sentence(i=len(out), start=s, end=e, text=text[s:e]))
    return tuple(out)


def _stages() -> list[Stage]:
    from . import checks, claims, entities, framing, quotes

    return [
        Stage("sentences", ("doc",), "sentences", sentences_stage),
        Stage("entities", ("doc", "sentences"), "entities", entities.entities_stage),
        Stage("quotes", ("doc", "sentences", "entities"), "quotes", quotes.quotes_stage),
        Stage("framing", ("doc", "sentences", "entities", "quotes"), "framing", framing.framing_stage),
        Stage("naming", ("doc", "entities"), "naming", framing.naming_stage),
        Stage("claims", ("doc", "sentences", "entities", "quotes"), "claims", claims.claims_stage),
        Stage("issues", ("doc", "sentences", "entities", "claims"), "issues", checks.checks_stage),
    ]


def check_order(stages: Sequence[Stage]) -> None:
    have = {"doc"}
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {missing} before it")
        have.add(stage.assigns)


def analyze_many(articles: Sequence[Article], settings: Settings = DEFAULT,
                 stages: Sequence[Stage] | None = None) -> list[AnalyzedArticle]:
    """Analyse articles (spaCy batched over all of them)."""
    stages = list(stages) if stages is not None else _stages()
    check_order(stages)
    for article in articles:
        if len(article.text) > settings.max_analysis_chars:
            from .errors import TooLarge

            raise TooLarge(f"{len(article.text):,} characters of text is over the {settings.max_analysis_chars:,} "
                           f"that are analysed (setting max_analysis_chars)", source=article.source,
                           article_id=article.id)
    docs = nlp.parse([a.text for a in articles])
    out: list[AnalyzedArticle] = []
    for article, doc in zip(articles, docs):
        work = Work(article=article, doc=doc, settings=settings)
        for stage in stages:
            value = stage.run(work)
            if not isinstance(value, tuple):
                raise TypeError(f"stage {stage.name!r} returned {type(value).__name__}, not a tuple")
            work.values[stage.assigns] = value
        out.append(AnalyzedArticle(article=article, **{k: v for k, v in work.values.items()
                                                       if k in AnalyzedArticle.__dataclass_fields__}))
    return out


def analyze(article: Article, settings: Settings = DEFAULT) -> AnalyzedArticle:
    return analyze_many([article], settings)[0]