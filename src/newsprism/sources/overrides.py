"""Metadata the user knows: keyword overrides and ``NAME.meta.json`` sidecars.

What the user states wins over what the page states: ``apply_overrides`` sets the fields
of a RawDocument that extraction then keeps (title, outlet, published, url, author).
A sidecar beside a file (``story.txt`` → ``story.meta.json`` or ``story.txt.meta.json``)
holds the same fields as a JSON object.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from ..errors import MalformedInput
from ..records import RawDocument

SIDECAR_SUFFIX = ".meta.json"
FIELDS = ("title", "outlet", "published", "url", "author")
_ALIASES = {"date": "published", "date_publish": "published", "source": "outlet", "site_name": "outlet",
            "source_domain": "outlet", "authors": "author", "headline": "title"}


def _parse_published(value: str, source: str) -> str:
    """The date as given; extraction reads it (``parse_date``) and refuses one that is not a full date."""
    return " ".join(str(value).split())


def apply_overrides(doc: RawDocument, *, outlet: str | None = None, published: str | None = None,
                    url: str | None = None, title: str | None = None, author: str | None = None) -> RawDocument:
    """The document with the fields the user gave set (None leaves a field as it is)."""
    given: dict[str, Any] = {}
    for name, value in (("outlet", outlet), ("url", url), ("title", title), ("author", author)):
        if value is not None and str(value).strip():
            given[name] = " ".join(str(value).split())
    if published is not None and str(published).strip():
        given["published"] = _parse_published(published, doc.source)
    return dataclasses.replace(doc, **given) if given else doc


def sidecar_path(path: str | Path) -> Path | None:
    """The sidecar of a file, when one exists beside it."""
    p = Path(path)
    for candidate in (p.with_name(p.stem + SIDECAR_SUFFIX), p.with_name(p.name + SIDECAR_SUFFIX)):
        if candidate.is_file() and candidate != p:
            return candidate
    return None


def is_sidecar(path: str | Path) -> bool:
    return str(path).lower().endswith(SIDECAR_SUFFIX)


def read_sidecar(path: str | Path) -> dict[str, str]:
    """The metadata a sidecar holds (unknown keys ignored); MalformedInput when it is not a JSON object."""
    source = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise MalformedInput(f"the sidecar cannot be read: {exc}", source=source) from None
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"the sidecar is not JSON ({exc.msg})", source=source) from None
    if not isinstance(data, dict):
        raise MalformedInput("the sidecar is not a JSON object", source=source)
    out: dict[str, str] = {}
    for key, value in data.items():
        name = _ALIASES.get(key, key)
        if name in FIELDS and value and name not in out:
            out[name] = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return out


def with_sidecar(doc: RawDocument, path: str | Path) -> RawDocument:
    """The document with the metadata of the sidecar beside ``path``, when there is one."""
    side = sidecar_path(path)
    if side is None:
        return doc
    return apply_overrides(doc, **read_sidecar(side))
