"""JSONL: one article per line, as news-please writes it (title, maintext/text, url,
date_publish/date, source_domain/source, authors).

A bad line (not JSON, nested too deep, a field of the wrong type, NaN where text belongs) becomes one
MalformedInput with its line number; the lines after it are still read.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from ..errors import InputError, MalformedInput
from ..records import RawDocument

_TEXT_FIELDS = ("maintext", "text", "body", "content")
_HTML_FIELDS = ("html", "raw_html")


class _BadLine(ValueError):
    """A field of one line has the wrong type."""


def _clean(value: str) -> str:
    """A JSON string made storable: a lone surrogate (``"\\ud800"``) becomes U+FFFD."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _first(obj: dict[str, Any], *keys: str) -> tuple[str, Any] | None:
    for key in keys:
        value = obj.get(key)
        if value:
            return key, value
    return None


def _text(obj: dict[str, Any], *keys: str) -> str | None:
    """The first non-empty field among ``keys``, which must be a string (a number is read as its digits)."""
    found = _first(obj, *keys)
    if found is None:
        return None
    key, value = found
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _BadLine(f"field {key!r} should be a string, not {type(value).__name__}"
                       + (" (NaN/Infinity)" if isinstance(value, float) else ""))
    return _clean(str(value)) or None


def _authors(obj: dict[str, Any]) -> str | None:
    found = _first(obj, "authors", "author")
    if found is None:
        return None
    key, value = found
    if isinstance(value, list):
        if not all(isinstance(a, str) for a in value):
            raise _BadLine(f"field {key!r} should be a string or a list of strings")
        return _clean(", ".join(a for a in value if a)) or None
    return _text(obj, key)


def _document(obj: dict[str, Any], where: str) -> RawDocument:
    body = _text(obj, *_TEXT_FIELDS)
    html = _text(obj, *_HTML_FIELDS)
    if not body and not html:
        raise _BadLine("no text (maintext, text, body, content, html or raw_html)")
    title = _text(obj, "title")
    url = _text(obj, "url")
    published = _text(obj, "date_publish", "date", "published")
    outlet = _text(obj, "source_domain", "source", "outlet", "site_name")
    author = _authors(obj)
    if body:
        data, kind = (f"{title}\n\n{body}" if title else body), "text"
    else:
        data, kind = html or "", "html"
    return RawDocument(source=url or where, data=data.encode("utf-8"), kind=kind, url=url, title=title,
                       outlet=outlet, author=author, published=published[:10] if published else None)


def record_to_document(obj: dict[str, Any], where: str, what: str = "record") -> RawDocument | InputError:
    """One news-please style record (a JSONL line or a Parquet row) as a RawDocument, or why it is not one."""
    try:
        return _document(obj, where)
    except _BadLine as exc:
        return MalformedInput(f"{what}: {exc}", source=where)


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
        except ValueError as exc:  # e.g. an integer longer than Python's digit limit
            yield MalformedInput(f"line {n} is not readable JSON ({exc})", source=where)
            continue
        except RecursionError:
            yield MalformedInput(f"line {n} is nested too deeply to read", source=where)
            continue
        if not isinstance(obj, dict):
            yield MalformedInput(f"line {n} is not a JSON object", source=where)
            continue
        try:
            yield _document(obj, where)
        except _BadLine as exc:
            yield MalformedInput(f"line {n}: {exc}", source=where)
