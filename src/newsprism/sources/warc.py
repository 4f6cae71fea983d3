"""WARC files (warcio): each HTML response record is a document."""

from __future__ import annotations

from typing import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError, MalformedInput, TooLarge
from ..records import RawDocument
from ..settings import DEFAULT, Settings


def read_warc(path: str, settings: Settings = DEFAULT) -> Iterator[RawDocument | InputError]:
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
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
    except ArchiveLoadFailed as exc:
        yield MalformedInput(f"not a readable WARC file ({exc})", source=path)
