"""The pipeline: all I/O around the pure stages.

read → extract → store (``ingest``), analyse-or-load (``analyze_cached``, keyed on the analysis
version, the settings that affect analysis and the model versions), group into stories
(``group_into_stories``), and compare sources or a stored story. The CLI, the web app and the public
API call these functions.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import BinaryIO, Callable, Iterable, Sequence

import httpx

from .compare import compare_analyzed
from .errors import EmptyInput, InputError, NewsprismError, NotFound, TooLarge, Unreadable
from .extract import extract
from .records import AnalyzedArticle, Article, Comparison
from .settings import DEFAULT, Settings
from .sources import iter_documents
from .stages import analysis_key, analyze_many
from .store import Store
from .stories import Assignment, StoryGrouper, day_of, story_features


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"read": self.read, "stored": self.stored, "duplicates": self.duplicates,
                "skipped": dict(self.skipped), "article_ids": self.article_ids,
                "errors": [{"source": e.source, "code": e.code, "reason": e.reason, "message": e.message}
                           for e in self.errors]}


def read_articles(specs: Iterable[str], settings: Settings = DEFAULT, client: httpx.Client | None = None,
                  stdin: BinaryIO | None = None) -> Iterable[Article | InputError]:
    """Every article the specs name, cleaned, or the InputError that stopped it."""
    for item in iter_documents(specs, settings, client=client, stdin=stdin):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield extract(item, settings)
        except InputError as exc:
            yield exc


def ingest(specs: Iterable[str], store: Store, settings: Settings = DEFAULT, client: httpx.Client | None = None,
           stdin: BinaryIO | None = None,
           on_item: Callable[[Article | InputError, str], None] | None = None,
           assign_stories: bool = False) -> IngestSummary:
    """Read, clean and store; each article is committed before the next is read."""
    summary = IngestSummary()
    new_articles: list[Article] = []
    for item in read_articles(specs, settings, client=client, stdin=stdin):
        summary.read += 1
        if isinstance(item, InputError):
            summary.skipped[item.reason] += 1
            summary.errors.append(item)
            store.add_failure(item)
            if on_item:
                on_item(item, "skipped")
            continue
        if store.add_article(item):
            summary.stored += 1
            new_articles.append(item)
            outcome = "stored"
        else:
            summary.duplicates += 1
            outcome = "duplicate"
        summary.article_ids.append(item.id)
        if on_item:
            on_item(item, outcome)
    if assign_stories and new_articles:
        group_into_stories(store, new_articles, settings)
    return summary


def load_one(spec: str, settings: Settings = DEFAULT, client: httpx.Client | None = None,
             stdin: BinaryIO | None = None) -> Article:
    """The single article a source names; raises its InputError when it cannot be read."""
    if os.path.isdir(spec):
        raise Unreadable("is a directory; name one article (ingest and compare take directories)", source=spec)
    for item in read_articles([spec], settings, client=client, stdin=stdin):
        if isinstance(item, NewsprismError):
            raise item
        return item
    raise EmptyInput("the source holds no article", source=spec)


def load_many(specs: Iterable[str], settings: Settings = DEFAULT, client: httpx.Client | None = None,
              stdin: BinaryIO | None = None) -> tuple[list[Article], list[InputError]]:
    articles: list[Article] = []
    errors: list[InputError] = []
    seen: set[str] = set()
    for item in read_articles(specs, settings, client=client, stdin=stdin):
        if isinstance(item, InputError):
            errors.append(item)
        elif item.id not in seen:
            seen.add(item.id)
            articles.append(item)
    return articles, errors


def group_into_stories(store: Store, articles: Sequence[Article], settings: Settings = DEFAULT) -> list[Assignment]:
    """Assign stored articles that have no story yet (in date order), and save the stories."""
    todo = store.without_story(articles)
    if not todo:
        return []
    todo.sort(key=lambda a: (a.published or "9999", a.id))
    grouper = StoryGrouper(settings)
    grouper.load(store.story_states())
    f = story_features(todo, settings)
    out = [grouper.add(a.id, f.vectors[i], f.names[i], day_of(a.published), a.title, terms=f.terms[i],
                       stated=f.stated[i]) for i, a in enumerate(todo)]
    out = [Assignment(a.article_id, grouper.resolve(a.story_id), a.score, a.reason, a.new) for a in out]
    store.save_stories(grouper, out)
    return out


def analyze_cached(store: Store, articles: Sequence[Article], settings: Settings = DEFAULT) -> list[AnalyzedArticle]:
    """Stored analyses where the cache key matches; the rest analysed (in one batch) and saved."""
    key = analysis_key(settings)
    cached = {a.id: store.get_analysis(a.id, key) for a in articles}
    todo = [a for a in articles if cached[a.id] is None]
    for analyzed in analyze_many(todo, settings) if todo else []:
        store.save_analysis(analyzed, key)
        cached[analyzed.id] = analyzed
    return [c for c in (cached[a.id] for a in articles) if c is not None]


def _too_large(articles: list[Article], settings: Settings) -> list[InputError]:
    return [TooLarge(f"{len(a.text):,} characters of text is over the {settings.max_analysis_chars:,} "
                     "that are analysed (setting max_analysis_chars)", source=a.source)
            for a in articles if len(a.text) > settings.max_analysis_chars]


def compare_articles(articles: Sequence[Article], settings: Settings = DEFAULT,
                     errors: Sequence[InputError] = (), what: str = "") -> Comparison:
    """Analyse and compare articles already read; articles too large to analyse become errors."""
    errs = list(errors) + _too_large(list(articles), settings)
    kept = [a for a in articles if len(a.text) <= settings.max_analysis_chars]
    if len(kept) < 2:
        raise InputError(f"compare needs at least two readable articles, got {len(kept)}", source=what or None,
                         reason="too_few_articles")
    comparison = compare_analyzed(analyze_many(kept, settings), settings)
    return replace(comparison, errors=tuple(errs))


def compare_sources(specs: Sequence[str], settings: Settings = DEFAULT,
                    on_error: Callable[[InputError], None] | None = None) -> Comparison:
    """Read, analyse and compare; inputs that cannot be read are reported and left out."""
    articles, errors = load_many(specs, settings)
    errors += _too_large(articles, settings)
    articles = [a for a in articles if len(a.text) <= settings.max_analysis_chars]
    for e in errors:
        if on_error:
            on_error(e)
    what = ", ".join(specs) if len(specs) <= 3 else f"{len(specs)} sources"
    return compare_articles(articles, settings, errors, what)


def compare_story(store: Store, story_id: str, settings: Settings = DEFAULT) -> Comparison:
    """Compare the articles of a stored story, using (and filling) the analysis cache."""
    ids = store.story_article_ids(story_id)
    if not ids:
        raise NotFound(f"no story {story_id!r} in the store", source=store.path)
    if len(ids) < 2:
        raise InputError(f"story {story_id} has only {len(ids)} article; nothing to compare", source=store.path,
                         reason="too_few_articles")
    articles = [store.get_article(i) for i in ids]
    return compare_analyzed(analyze_cached(store, articles, settings), settings)
