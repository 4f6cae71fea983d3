"""Readers: turn a source spec (path, glob, URL, feed, WARC, JSONL, ``-``) into RawDocuments.

Failures are yielded, not raised, so a batch carries on past a bad input.
"""

from __future__ import annotations

import glob
import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Mapping

import httpx

from ..errors import InputError, TooLarge, Unreadable
from ..records import RawDocument
from ..settings import DEFAULT, Settings
from .base import decode, read_file_bytes, sniff_kind
from .feed import read_feed
from .jsonl import read_jsonl
from .overrides import FIELDS, apply_overrides, is_sidecar, read_sidecar, with_sidecar
from .parquet import read_parquet
from .url import GZIP_MAGIC, fetch, gunzip, is_url, make_client, redact_url
from .warc import read_warc

Item = RawDocument | InputError

__all__ = ["Item", "iter_documents", "expand_specs", "read_bytes_as", "apply_overrides", "read_sidecar",
           "with_sidecar", "override_target"]


def expand_specs(specs: Iterable[str]) -> Iterator[str]:
    """Paths, globs and directories → individual inputs (URLs and ``-`` pass through)."""
    for spec in specs:
        if spec == "-" or is_url(spec):
            yield spec
        elif any(ch in spec for ch in "*?["):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield spec  # reported as unreadable
            yield from (m for m in matches if os.path.isfile(m) and not is_sidecar(m))
        elif os.path.isdir(spec):
            for root, _dirs, files in sorted(os.walk(spec)):
                for name in sorted(files):
                    if not name.startswith(".") and not is_sidecar(name):
                        yield os.path.join(root, name)
        else:
            yield spec


def read_bytes_as(data: bytes, source: str, settings: Settings = DEFAULT, name: str = "",
                  client: httpx.Client | None = None) -> Iterator[Item]:
    """Documents from bytes whose kind is sniffed: a feed, JSONL, HTML or plain text; gzip-compressed bytes (a
    saved page kept as ``x.html.gz``, on stdin too) are read as what they hold."""
    if data.startswith(GZIP_MAGIC):
        try:
            data = gunzip(data, settings, source)
        except InputError as exc:
            yield exc
            return
        name = (name or source).removesuffix(".gz").removesuffix(".GZ")
    lower = (name or source).lower()
    if lower.endswith((".jsonl", ".ndjson")):
        try:
            text = decode(data, source, settings)
        except InputError as exc:
            yield exc
            return
        yield from read_jsonl(text, source)
        return
    try:
        text = decode(data, source, settings)
    except InputError as exc:
        yield exc
        return
    kind = sniff_kind(text, lower)
    if kind == "feed":
        try:
            yield from read_feed(data, source, settings,
                                 fetch_link=lambda link: fetch(link, settings, client)[0])
        except InputError as exc:
            yield exc
        return
    yield RawDocument(source=source, data=data, kind=kind)


def _read_one(spec: str, settings: Settings, client: httpx.Client | None,
              stdin: BinaryIO | None) -> Iterator[Item]:
    if spec == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(settings.max_bytes + 1)
        if len(data) > settings.max_bytes:
            yield TooLarge(f"over the {settings.max_bytes:,}-byte limit (setting max_bytes)", source="<stdin>")
            return
        yield from read_bytes_as(data, "<stdin>", settings, client=client)
        return
    if is_url(spec):
        shown = redact_url(spec)  # credentials in the URL are used, never echoed or stored
        own = client is None
        http = client if client is not None else make_client(settings)
        try:
            try:
                doc, _response = fetch(spec, settings, http)
            except InputError as exc:
                yield exc
                return
            if doc.kind in ("feed", "auto"):
                yield from read_bytes_as(doc.data, shown, settings, name=shown if doc.kind == "auto" else "x.rss",
                                         client=http)
            else:
                yield doc
        finally:
            if own:
                http.close()
        return
    lower = spec.lower()
    if lower.endswith((".warc", ".warc.gz", ".arc.gz")):
        if not os.path.isfile(spec):
            yield Unreadable("no such file", source=spec)
            return
        yield from read_warc(spec, settings)
        return
    if lower.endswith(".parquet"):
        if not os.path.isfile(spec):
            yield Unreadable("no such file", source=spec)
            return
        yield from read_parquet(spec)
        return
    try:
        data = read_file_bytes(spec, settings)
    except InputError as exc:
        yield exc
        return
    for item in read_bytes_as(data, spec, settings, name=Path(spec).name, client=client):
        if isinstance(item, RawDocument):
            try:
                item = with_sidecar(item, spec)
            except InputError as exc:
                yield exc
                continue
        yield item


def override_target(specs: list[str], overrides: Mapping[str, str | None] | None) -> str | None:
    """The one input user-given metadata applies to: stdin when it is among the inputs, else a single
    file or URL. InputError when metadata is given for several inputs (it would be ambiguous)."""
    if not overrides or not any(v for v in overrides.values()):
        return None
    if "-" in specs:
        return "-"
    expanded = list(expand_specs(specs))
    if len(expanded) == 1:
        return expanded[0]
    raise InputError("--outlet, --published, --url and --title apply to a single file or to stdin (-), "
                     f"not to {len(expanded)} inputs", source=", ".join(specs)[:200], reason="usage")


def iter_documents(specs: Iterable[str], settings: Settings = DEFAULT, client: httpx.Client | None = None,
                   stdin: BinaryIO | None = None,
                   overrides: Mapping[str, str | None] | None = None) -> Iterator[Item]:
    """Every document (or input failure) the specs name, in order.

    ``overrides`` (outlet, published, url, title, author) is metadata the user knows; it applies to
    the single input or to stdin (see ``override_target``) and wins over what the text states.
    """
    specs = list(specs)
    target = override_target(specs, overrides)
    for spec in expand_specs(specs):
        for item in _read_one(spec, settings, client, stdin):
            if target is not None and spec == target and isinstance(item, RawDocument) and overrides:
                item = apply_overrides(item, **{k: v for k, v in overrides.items() if k in FIELDS})
            yield item
