"""JSONL: one article per line, as news-please writes it (title, maintext/text, url,
date_publish/date, source_domain/source, authors)."""

from __future__ import annotations

import json
from typing import Any, Iterator

from ..errors import InputError, MalformedInput
from ..records import RawDocument


def _first(obj: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        value = obj.get(key)
        if value:
            return value
    return None


def read_jsonl(text: str, source: str, first_line: int = 1) -> Iterator[RawDocument | InputError]:
    """Documents from JSONL text; ``first_line`` numbers the first line (a shard of a larger file)."""
    for n, line in enumerate(text.splitlines(), start=first_line):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield MalformedInput(f"line {n} is not JSON ({exc.msg})", source=where)
            continue
        if not isinstance(obj, dict):
            yield MalformedInput(f"line {n} is not a JSON object", source=where)
            continue
        yield record_to_document(obj, where, f"line {n}")


def record_to_document(obj: dict[str, Any], where: str, what: str = "record") -> RawDocument | InputError:
    """One news-please style record (a JSONL line or a Parquet row) as a RawDocument."""
    body = _first(obj, "maintext", "text", "body", "content")
    html = _first(obj, "html", "raw_html")
    if not body and not html:
        return MalformedInput(f"{what} has no text", source=where)
    authors = _first(obj, "authors", "author")
    if isinstance(authors, list):
        authors = ", ".join(str(a) for a in authors if a) or None
    published = _first(obj, "date_publish", "date", "published")
    title = _first(obj, "title")
    doc_source = _first(obj, "url") or where
    data = (body or html)
    kind = "text" if body else "html"
    if kind == "text" and title:
        data = f"{title}\n\n{body}"
    return RawDocument(source=str(doc_source), data=str(data).encode("utf-8"), kind=kind,
                       url=_first(obj, "url"), title=title,
                       outlet=_first(obj, "source_domain", "source", "outlet", "site_name"),
                       author=authors, published=str(published)[:10] if published else None)
