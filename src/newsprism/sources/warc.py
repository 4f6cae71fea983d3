"""WARC files (warcio): each HTML response record is a document.

A file that is not a WARC at all, or one that breaks part-way, yields a MalformedInput (after the
records read before the break); it never raises and never passes silently as "nothing read".
"""

from __future__ import annotations

import logging
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator

from ..errors import InputError, MalformedInput, TooLarge, Unreadable
from ..records import RawDocument
from ..settings import DEFAULT, Settings

logging.getLogger("warcio").setLevel(logging.CRITICAL)
_WARC_START = (b"WARC/", b"\x1f\x8b")  # an uncompressed WARC record starts so; a .warc.gz with gzip magic


def read_warc(path: str, settings: Settings = DEFAULT) -> Iterator[RawDocument | InputError]:
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield Unreadable(f"cannot be read: {exc.strerror or exc}", source=path)
        return
    records = 0
    with fh:
        head = fh.read(8).lstrip(b"\r\n")
        fh.seek(0)
        if not head.startswith(_WARC_START):
            yield MalformedInput("not a WARC file (it does not start with a WARC record)", source=path)
            return
        try:
            for record in ArchiveIterator(fh):
                records += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
                if ctype not in ("text/html", "application/xhtml+xml"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                source = f"{path}#{uri}"
                data = record.content_stream().read(settings.max_bytes + 1)
                if len(data) > settings.max_bytes:
                    yield TooLarge(f"record over the {settings.max_bytes:,}-byte limit", source=source)
                    continue
                yield RawDocument(source=source, data=data, kind="html", url=uri or None,
                                  content_type=ctype)
        except Exception as exc:  # noqa: BLE001 - warcio raises many kinds (and gzip OSErrors) on garbage
            yield MalformedInput(f"not a readable WARC file after {records} records ({type(exc).__name__}: "
                                 f"{' '.join(str(exc).split())[:200]})", source=path)
            return
    if records == 0:
        yield MalformedInput("no WARC records in the file", source=path)
