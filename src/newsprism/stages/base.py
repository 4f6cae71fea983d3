"""What every analysis stage is: a named function that declares what it needs and what it adds.

A stage reads only what it declares in ``requires`` (the runner hands it a context holding just
those values) and returns one value for ``assigns``, of the declared ``returns`` type. The runner
refuses an order in which a stage needs what no earlier stage assigns, and checks each output's
type after the stage runs (spaCy's ``requires``/``assigns``). A stage may also offer ``batch``, the
same function over many articles at once (the ``vectors`` stage encodes all their sentences in one
call); :func:`run_stages_many` runs each stage over every article before the next stage starts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import StageOrderError
from ..records import Article
from ..settings import Settings


@dataclass(frozen=True)
class StageContext:
    """What one stage sees of one article: the article, its parse, the settings and the values it requires."""

    article: Article
    doc: Any  # spaCy Doc over article.text
    settings: Settings
    values: Mapping[str, Any]


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: str
    run: Callable[[StageContext], Any]
    returns: type = tuple
    batch: Callable[[Sequence[StageContext]], Sequence[Any]] | None = None


REGISTRY: dict[str, Stage] = {}


def register(stage: Stage) -> Stage:
    """Add a stage to the registry by name (a later registration of the same name replaces it)."""
    REGISTRY[stage.name] = stage
    return stage


def check_order(stages: Sequence[Stage]) -> None:
    """Raise StageOrderError when a stage needs a value no earlier stage assigns."""
    have = {"doc"}
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise StageOrderError(f"stage {stage.name!r} needs {missing} before it")
        have.add(stage.assigns)


def run_stages(stages: Sequence[Stage], article: Article, doc: Any, settings: Settings) -> dict[str, Any]:
    """Run the stages over one parsed article; every stage sees only the values it requires."""
    return run_stages_many(stages, [article], [doc], settings)[0]


def run_stages_many(stages: Sequence[Stage], articles: Sequence[Article], docs: Sequence[Any],
                    settings: Settings) -> list[dict[str, Any]]:
    """Run each stage over all articles (its ``batch`` function when it has one), then the next stage."""
    values: list[dict[str, Any]] = [{"doc": doc} for doc in docs]
    for stage in stages:
        contexts = [StageContext(article=article, doc=doc, settings=settings,
                                 values={k: v[k] for k in stage.requires})
                    for article, doc, v in zip(articles, docs, values, strict=True)]
        outputs = list(stage.batch(contexts)) if stage.batch is not None else [stage.run(c) for c in contexts]
        for v, value in zip(values, outputs, strict=True):
            if not isinstance(value, stage.returns):
                raise StageOrderError(f"stage {stage.name!r} returned {type(value).__name__}, "
                                      f"not {stage.returns.__name__}")
            v[stage.assigns] = value
    return values
