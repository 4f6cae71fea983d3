"""RSS/Atom feeds (feedparser): each entry becomes a document from its own content
when that holds the article, else from its link."""

from __future__ import annotations

import time
from typing import Any, Callable, Iterator

import feedparser

from ..errors import InputError, MalformedInput
from ..records import RawDocument
from ..settings import DEFAULT, Settings

# An entry whose content has at least this many words is read as the article itself.
ENTRY_MIN_WORDS = 50


def _date(entry: feedparser.FeedParserDict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return time.strftime("%Y-%m-%d", parsed)
    return None


def entry_key(entry: feedparser.FeedParserDict) -> str:
    """What identifies an entry across polls: its id, else its link, else its title."""
    return str(entry.get("id") or entry.get("link") or entry.get("title") or "")


def parse_feed(data: bytes, source: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        detail = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "no entries")()
        raise MalformedInput(f"not a readable RSS/Atom feed ({detail})", source=source)
    return parsed


def read_feed(data: bytes, source: str, settings: Settings = DEFAULT,
              fetch_link: Callable[[str], RawDocument] | None = None,
              entries: list[Any] | None = None) -> Iterator[RawDocument | InputError]:
    parsed = parse_feed(data, source)
    outlet = parsed.feed.get("title") or None
    for entry in entries if entries is not None else parsed.entries:
        link = entry.get("link")
        html = ""
        if entry.get("content"):
            html = max((c.get("value", "") for c in entry.content), key=len)
        if len(html.split()) < ENTRY_MIN_WORDS and len(entry.get("summary", "").split()) >= ENTRY_MIN_WORDS:
            html = entry.summary
        meta = dict(title=entry.get("title") or None, outlet=outlet, author=entry.get("author") or None,
                    published=_date(entry), url=link)
        if len(html.split()) >= ENTRY_MIN_WORDS:
            page = f"<html><body><article>{html}</article></body></html>"  # a fragment → a page
            yield RawDocument(source=link or f"{source}#{entry_key(entry)}", data=page.encode("utf-8"),
                              kind="html", **meta)
        elif link and fetch_link is not None:
            try:
                doc = fetch_link(link)
            except InputError as exc:
                yield exc
                continue
            yield RawDocument(source=doc.source, data=doc.data, kind=doc.kind, content_type=doc.content_type,
                              **{k: v for k, v in meta.items() if k != "url"}, url=doc.url)
        else:
            yield MalformedInput("feed entry has neither article content nor a link",
                                 source=f"{source}#{entry_key(entry)}")
