"""The pipeline facade: read → extract → store, and read → analyze for one-off use.

The CLI and the web app call these functions; they do the I/O around the pure stages.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Iterable

import httpx

from .errors import InputError, NewsprismError
from .extract import extract
from .records import Article
from .settings import DEFAULT, Settings
from .sources import iter_documents
from .store import Store


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
        from .stories import assign_new

        assign_new(store, new_articles, settings)
    return summary


def load_one(spec: str, settings: Settings = DEFAULT, client: httpx.Client | None = None,
             stdin: BinaryIO | None = None) -> Article:
    """The single article a source names; raises its InputError when it cannot be read."""
    import os

    if os.path.isdir(spec):
        from .errors import Unreadable

        raise Unreadable("is a directory; name one article (ingest and compare take directories)", source=spec)
    for item in read_articles([spec], settings, client=client, stdin=stdin):
        if isinstance(item, NewsprismError):
            raise item
        return item
    from .errors import EmptyInput

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
