"""Follow feeds: poll politely, ingest new entries, assign them to stories.

Politeness: conditional requests (ETag / Last-Modified, a 304 costs nothing), at most one request
per host every ``interval`` seconds, and exponential backoff for a feed that is down or returns
garbage (``interval · 2^errors``, at most a day). State lives in the store (``feeds`` and
``feed_entries``), each entry committed as it is stored, so the loop can be stopped at any point
and restarted without losing or duplicating anything.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

import httpx
import lxml.etree

from .errors import FetchFailed, InputError, MalformedInput
from .extract import extract
from .records import Article
from .settings import DEFAULT, Settings
from .sources.feed import entry_key, parse_feed, read_feed
from .sources.url import fetch, make_client, redact_url
from .pipeline import group_into_stories, time_budget
from .store import Store



@dataclass
class PollResult:
    feed: str
    status: str  # new | not_modified | error | skipped
    new_articles: list[str] = field(default_factory=list)
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)


def read_feed_list(specs: Iterable[str]) -> list[str]:
    """Feed URLs, expanding OPML files (``outline`` elements with ``xmlUrl``)."""
    out: list[str] = []
    for spec in specs:
        path = Path(spec)
        if path.is_file():
            try:
                tree = lxml.etree.parse(str(path))
            except lxml.etree.XMLSyntaxError as exc:
                raise MalformedInput(f"not a readable OPML file ({exc})", source=spec) from None
            out.extend(str(u) for u in tree.xpath("//outline/@xmlUrl"))
        else:
            out.append(spec)
    return list(dict.fromkeys(out))


class Watcher:
    def __init__(self, store: Store, settings: Settings = DEFAULT, interval: float = 300.0,
                 client: httpx.Client | None = None, clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], None] = time.sleep, log: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.settings = settings
        self.interval = interval
        # the one SSRF-safe client (every hop's address vetted and pinned); tests may pass their own
        self.client = client or make_client(settings)
        self.clock = clock
        self.sleep = sleep
        self.log = log or (lambda line: None)
        self.last_request: dict[str, float] = {}

    # -- state ------------------------------------------------------------------------------
    def _record(self, url: str, *, ok: bool, etag: str | None = None, modified: str | None = None,
                error: str | None = None) -> None:
        errors = 0 if ok else self.store.feed_row(url)["errors"] + 1
        delay = self.interval if ok else min(self.interval * (2 ** errors), self.settings.watch_max_backoff)
        self.store.record_poll(url, etag=etag, modified=modified, next_poll=self.clock() + delay, errors=errors,
                               error=error)

    # -- polling ----------------------------------------------------------------------------
    def _polite(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self.last_request.get(host)
        if last is not None:
            wait = last + self.interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self.last_request[host] = self.clock()

    def poll(self, url: str, force: bool = False) -> PollResult:
        row = self.store.feed_row(url)
        if not force and row["next_poll"] > self.clock():
            return PollResult(url, "skipped")
        headers = {}
        if row["etag"]:
            headers["If-None-Match"] = row["etag"]
        if row["last_modified"]:
            headers["If-Modified-Since"] = row["last_modified"]
        self._polite(url)
        try:
            doc, response = fetch(url, self.settings, self.client, headers=headers)
            if response.status_code == 304:
                self._record(url, ok=True)
                return PollResult(url, "not_modified")
            parsed = parse_feed(doc.data, url)
        except InputError as exc:
            self._record(url, ok=False, error=exc.one_line())
            self.log(exc.one_line())
            return PollResult(url, "error", errors=[exc.one_line()])
        result = PollResult(url, "new")
        fresh = [e for e in parsed.entries if not self.store.entry_seen(url, entry_key(e))]
        for entry in fresh:
            key = entry_key(entry)
            for item in read_feed(doc.data, url, self.settings, fetch_link=self._fetch_link, entries=[entry]):
                if isinstance(item, InputError):
                    result.errors.append(item.one_line())
                    self.log(item.one_line())
                    transient = isinstance(item, FetchFailed) and item.reason in ("timeout", "fetch_failed")
                    if not transient:
                        self.store.mark_entry(url, key, None)
                    continue
                try:
                    with time_budget(self.settings.article_time_budget, item.source):
                        article = extract(item, self.settings)
                except InputError as exc:
                    result.errors.append(exc.one_line())
                    self.log(exc.one_line())
                    self.store.add_failure(exc)
                    self.store.mark_entry(url, key, None)
                    continue
                if self.store.add_article(article):
                    result.new_articles.append(article.id)
                else:
                    result.duplicates += 1
                self.store.mark_entry(url, key, article.id)
        self._record(url, ok=True, etag=response.headers.get("etag"),
                     modified=response.headers.get("last-modified"))
        return result

    def _fetch_link(self, link: str) -> Any:
        self._polite(link)
        return fetch(link, self.settings, self.client)[0]

    def run(self, feeds: list[str], once: bool = False, max_rounds: int | None = None) -> list[PollResult]:
        results: list[PollResult] = []
        rounds = 0
        while True:
            new: list[Article] = []
            for url in feeds:
                r = self.poll(url, force=once)
                results.append(r)
                for aid in r.new_articles:
                    new.append(self.store.get_article(aid))
                if r.status == "new":
                    self.log(f"{redact_url(url)}: {len(r.new_articles)} new, {r.duplicates} already stored, "
                             f"{len(r.errors)} failed")
            if new:
                group_into_stories(self.store, None, self.settings)  # and any a killed run left ungrouped
            rounds += 1
            if once or (max_rounds is not None and rounds >= max_rounds):
                return results
            upcoming = min((self.store.feed_row(u)["next_poll"] for u in feeds), default=self.clock() + self.interval)
            self.sleep(max(0.0, upcoming - self.clock()))


def watch(feeds: list[str], store: Store, settings: Settings = DEFAULT, once: bool = False,
          interval: float = 300.0, log: Callable[[str], None] | None = None) -> list[PollResult]:
    return Watcher(store, settings, interval=interval, log=log).run(read_feed_list(feeds), once=once)
