"""The pipeline: all I/O around the pure stages.

read → extract → store (``ingest``), analyse-or-load (``analyze_cached``, keyed on the analysis
version, the settings that affect analysis and the model versions), group into stories
(``group_into_stories``), and compare sources or a stored story. The CLI, the web app and the public
API call these functions.
"""

from __future__ import annotations

import json
import os
import signal
import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import BinaryIO, Callable, Iterable, Iterator, Mapping, Optional, Sequence

import httpx

from .compare import compare_analyzed, views
from .errors import EmptyInput, InputError, NewsprismError, NotFound, TimedOut, TooLarge, Unreadable
from .extract import extract
from .records import AnalyzedArticle, Article, Comparison
from .settings import DEFAULT, Settings
from .sources import iter_documents, read_bytes_as
from .stages import analysis_key, analyze_many
from .store import Store
from .stories import Assignment, StoryFeatures, StoryGrouper, StoryState, day_of, story_features


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


Overrides = Mapping[str, Optional[str]]  # metadata the user knows: outlet, published, url, title, author


@contextmanager
def time_budget(seconds: float, source: str | None, what: str = "extraction") -> Iterator[None]:
    """Raise TimedOut in the block after ``seconds`` (setting ``article_time_budget``).

    Uses SIGALRM, so it applies in the main thread of a Unix process (the CLI's batch modes: ingest,
    watch, compare); elsewhere (a web worker thread) the size caps alone bound the work.
    """
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise TimedOut(f"{what} took over {seconds:g} s (setting article_time_budget)", source=source)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_articles(specs: Iterable[str], settings: Settings = DEFAULT, client: httpx.Client | None = None,
                  stdin: BinaryIO | None = None, overrides: Overrides | None = None) -> Iterable[Article | InputError]:
    """Every article the specs name, cleaned, or the InputError that stopped it.

    ``overrides`` applies to a single input or to stdin (``sources.override_target``)."""
    for item in iter_documents(specs, settings, client=client, stdin=stdin, overrides=overrides):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            with time_budget(settings.article_time_budget, item.source):
                article = extract(item, settings)
        except InputError as exc:
            yield exc
            continue
        yield article


def ingest(specs: Iterable[str], store: Store, settings: Settings = DEFAULT, client: httpx.Client | None = None,
           stdin: BinaryIO | None = None,
           on_item: Callable[[Article | InputError, str], None] | None = None,
           assign_stories: bool = False, overrides: Overrides | None = None) -> IngestSummary:
    """Read, clean and store; each article is committed before the next is read."""
    summary = IngestSummary()
    for item in read_articles(specs, settings, client=client, stdin=stdin, overrides=overrides):
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
            outcome = "stored"
        else:
            summary.duplicates += 1
            outcome = "duplicate"
        summary.article_ids.append(item.id)
        if on_item:
            on_item(item, outcome)
    if assign_stories:  # the new articles, and any a killed earlier run stored but never grouped
        group_into_stories(store, None, settings)
    return summary


def load_one(spec: str, settings: Settings = DEFAULT, client: httpx.Client | None = None,
             stdin: BinaryIO | None = None, overrides: Overrides | None = None) -> Article:
    """The single article a source names; raises its InputError when it cannot be read."""
    if os.path.isdir(spec):
        raise Unreadable("is a directory; name one article (ingest and compare take directories)", source=spec)
    for item in read_articles([spec], settings, client=client, stdin=stdin, overrides=overrides):
        if isinstance(item, NewsprismError):
            raise item
        return item
    raise EmptyInput("the source holds no article", source=spec)


def load_many(specs: Iterable[str], settings: Settings = DEFAULT, client: httpx.Client | None = None,
              stdin: BinaryIO | None = None, overrides: Overrides | None = None) -> tuple[list[Article], list[InputError]]:
    articles: list[Article] = []
    errors: list[InputError] = []
    seen: set[str] = set()
    for item in read_articles(specs, settings, client=client, stdin=stdin, overrides=overrides):
        if isinstance(item, InputError):
            errors.append(item)
        elif item.id not in seen:
            seen.add(item.id)
            articles.append(item)
    return articles, errors


def group_into_stories(store: Store, articles: Sequence[Article] | None = None,
                       settings: Settings = DEFAULT) -> list[Assignment]:
    """Assign stored articles that have no story yet, in date order, and save the stories.

    ``articles=None`` takes every stored article without a story, so what a killed run left
    ungrouped is grouped by the next run (or ``newsprism stories --regroup``). Articles are embedded
    outside any lock, then grouped in chunks of ``story_group_chunk``, each read, grouped and saved in
    one write transaction (concurrent writers wait their turn and see each other's stories).
    """
    todo = store.ungrouped_articles() if articles is None else store.without_story(articles)
    todo.sort(key=lambda a: (a.published or "9999", a.id))
    out: list[Assignment] = []
    step = max(1, settings.story_group_chunk)
    for i in range(0, len(todo), step):
        part = todo[i:i + step]
        out += store.group_locked([a.id for a in part], _grouping(part, story_features(part, settings), settings))
    return out


def _grouping(part: Sequence[Article], f: StoryFeatures, settings: Settings
              ) -> Callable[[list[StoryState], set[str]], tuple[StoryGrouper, list[Assignment]]]:
    """The grouping step run under the store's write lock, over the stories as they are then."""
    def decide(states: list[StoryState], still: set[str]) -> tuple[StoryGrouper, list[Assignment]]:
        grouper = StoryGrouper(settings)
        grouper.load(states)
        added = [grouper.add(a.id, f.vectors[i], f.names[i], day_of(a.published), a.title, terms=f.terms[i],
                             stated=f.stated[i]) for i, a in enumerate(part) if a.id in still]
        return grouper, [Assignment(a.article_id, grouper.resolve(a.story_id), a.score, a.reason, a.new)
                         for a in added]
    return decide


def analyze_cached(store: Store, articles: Sequence[Article], settings: Settings = DEFAULT) -> list[AnalyzedArticle]:
    """Stored analyses where the cache key matches; the rest analysed (each under the per-article time
    budget: one that runs past it is recorded as a ``timeout`` failure and left out) and saved."""
    key = analysis_key(settings)
    cached = {a.id: store.get_analysis(a.id, key) for a in articles}
    for article in [a for a in articles if cached[a.id] is None]:
        try:
            with time_budget(settings.article_time_budget, article.source, "analysis"):
                analyzed = analyze_many([article], settings)[0]
        except InputError as exc:
            store.add_failure(exc)
            continue
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
                    on_error: Callable[[InputError], None] | None = None,
                    overrides: Overrides | None = None) -> Comparison:
    """Read, analyse and compare; inputs that cannot be read are reported and left out."""
    articles, errors = load_many(specs, settings, overrides=overrides)
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


# -- the web app's compare jobs, story and outlet pages, search ---------------------------------


@dataclass(frozen=True)
class CompareInput:
    """One item of a compare job: pasted text, a URL (fetched by the SSRF-safe client) or an uploaded
    file's bytes, with the outlet and date the user gave (which win over what is read from the page)."""

    kind: str  # text | url | file
    value: str = ""
    data: bytes = b""
    name: str = ""
    outlet: str | None = None
    published: str | None = None

    def describe(self) -> dict[str, object]:
        """What a job records of its input (never the text itself: only its kind, name and size)."""
        shown = self.value if self.kind == "url" else self.name or f"pasted text ({len(self.value):,} characters)"
        return {"kind": self.kind, "source": shown, "outlet": self.outlet, "published": self.published,
                "bytes": len(self.data) or len(self.value.encode("utf-8"))}


def read_compare_input(item: CompareInput, settings: Settings = DEFAULT, client: httpx.Client | None = None,
                       index: int = 1) -> Article:
    """The cleaned article of one compare item (raises its InputError)."""
    if item.kind == "url":
        article = load_one(item.value, settings, client=client)
    else:
        source = item.name or f"<text {index}>"
        data = item.data if item.kind == "file" else item.value.encode("utf-8")
        if len(data) > settings.max_bytes:
            raise TooLarge(f"over the {settings.max_bytes:,}-byte limit (setting max_bytes)", source=source)
        docs = list(read_bytes_as(data, source, settings, name=item.name, client=client))
        if not docs:
            raise EmptyInput("the input holds no article", source=source)
        first = docs[0]
        if isinstance(first, InputError):
            raise first
        with time_budget(settings.article_time_budget, source):
            article = extract(replace(first, outlet=item.outlet or first.outlet,
                                      published=item.published or first.published), settings)
    return replace(article, outlet=item.outlet or article.outlet, published=item.published or article.published)


def compare_inputs(items: Sequence[CompareInput], settings: Settings = DEFAULT,
                   progress: Callable[[int, str], None] | None = None,
                   client: httpx.Client | None = None) -> Comparison:
    """Read, analyse (one article at a time, reporting progress) and compare the items of a compare job;
    items that cannot be read are left out and listed in the comparison's errors."""
    articles: list[Article] = []
    errors: list[InputError] = []
    step = 0
    for i, item in enumerate(items, 1):
        step += 1
        if progress:
            progress(step, f"reading item {i} of {len(items)}")
        try:
            article = read_compare_input(item, settings, client, i)
        except InputError as exc:
            errors.append(exc)
            continue
        if article.id not in {a.id for a in articles}:
            articles.append(article)
    errors += _too_large(articles, settings)
    kept = [a for a in articles if len(a.text) <= settings.max_analysis_chars]
    if len(kept) < 2:
        why = "; ".join(e.one_line() for e in errors)
        raise InputError(f"compare needs at least two readable articles, got {len(kept)}" + (f" ({why})" if why else ""),
                         reason="too_few_articles")
    analyzed = []
    for i, article in enumerate(kept, 1):
        step += 1
        if progress:
            progress(step, f"analysing article {i} of {len(kept)} ({article.label})")
        analyzed.append(analyze_many([article], settings)[0])
    if progress:
        progress(step, "comparing")
    return replace(compare_analyzed(analyzed, settings), errors=tuple(errors))


def story_overview(store: Store, story_id: str, settings: Settings = DEFAULT) -> dict[str, object] | None:
    """The story page's sections from the stored comparison (None when none is stored yet)."""
    found = store.resolve_story_id(story_id)
    stored = store.get_comparison(found)
    if stored is None:
        return None
    data = json.loads(stored["data"])
    view = views.story_overview(data, settings.web_matrix_facts)
    view.update({"story": found, "title": store.story_title(found), "at": stored["at"],
                 "stale": stored["members"] != store.story_members_key(found)})
    return view


def outlet_profile(store: Store, outlet: str) -> dict[str, object]:
    """An outlet across every stored comparison of a story it covered (raises NotFound for an unknown outlet)."""
    if outlet not in {row["outlet"] for row in store.outlets()}:
        raise NotFound(f"no outlet {outlet!r} in the store", source=store.path)
    rows = [{"story_id": r["story_id"], "title": r["title"], "data": json.loads(r["data"])}
            for r in store.comparisons_with_outlet(outlet)]
    return views.outlet_profile(outlet, rows)
