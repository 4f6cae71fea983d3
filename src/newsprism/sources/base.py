"""Shared helpers for readers: bounded reads, binary sniffing, decoding."""

from __future__ import annotations

import os
import re
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import BinaryInput, EmptyInput, TooLarge, Unreadable
from ..settings import DEFAULT, Settings

_UNICODE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                 (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")  # bytes that were not valid UTF-8, as surrogateescape keeps them
_NON_ASCII = re.compile("[^\x00-\x7f]")
# Magic numbers of common binary formats that can slip past a control-byte count.
_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b",
          b"BZh", b"\xfd7zXZ", b"RIFF", b"OggS", b"ID3")


def read_file_bytes(path: str | Path, settings: Settings = DEFAULT) -> bytes:
    """Read at most ``max_bytes`` of a file; larger files raise TooLarge without being read whole."""
    source = str(path)
    try:
        size = os.path.getsize(path)
        if size > settings.max_bytes:
            raise TooLarge(f"{size:,} bytes is over the {settings.max_bytes:,}-byte limit (setting max_bytes)",
                           source=source)
        with open(path, "rb") as fh:
            data = fh.read(settings.max_bytes + 1)
    except TooLarge:
        raise
    except IsADirectoryError:
        raise Unreadable("is a directory", source=source) from None
    except FileNotFoundError:
        raise Unreadable("no such file", source=source) from None
    except PermissionError:
        raise Unreadable("permission denied", source=source) from None
    except OSError as exc:
        raise Unreadable(f"cannot be read: {exc.strerror or exc}", source=source) from None
    if len(data) > settings.max_bytes:
        raise TooLarge(f"over the {settings.max_bytes:,}-byte limit (setting max_bytes)", source=source)
    return data


def looks_binary(data: bytes, settings: Settings = DEFAULT) -> bool:
    """True for data that is not text: a known binary magic number, NUL bytes, or many control bytes."""
    head = data[:8192]
    if head.startswith(_MAGIC):
        return True
    if b"\x00" in head:
        # UTF-16/32 text has NULs too: let the decoder try it when there is a BOM.
        return not head.startswith(tuple(bom for bom, _ in _UNICODE_BOMS))
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control / len(head) > settings.binary_control_ratio


def _repair_run(match: re.Match[str]) -> str:
    """One run of bytes that were not UTF-8: a truncated UTF-8 sequence → U+FFFD; else each byte as cp1252."""
    raw = bytes(ord(ch) - 0xDC00 for ch in match.group())
    if len(raw) > 1 and 0xC2 <= raw[0] <= 0xF4 and all(0x80 <= b <= 0xBF for b in raw[1:]):
        return "\ufffd"
    return "".join(bytes([b]).decode("cp1252", errors="replace") for b in raw)


def _mostly_utf8(data: bytes, settings: Settings) -> str | None:
    """The text as UTF-8 with each invalid sequence repaired on its own, when most of its non-ASCII
    sequences are valid UTF-8 (one stray latin-1 byte must not turn a whole article into mojibake)."""
    text = data.decode("utf-8", errors="surrogateescape")
    bad = sum(len(m.group()) for m in _ESCAPED_RUN.finditer(text))
    good = len(_NON_ASCII.findall(text)) - bad
    if good <= 0 or good / (good + bad) < settings.utf8_min_valid_share:
        return None
    return _ESCAPED_RUN.sub(_repair_run, text)


def decode(data: bytes, source: str, settings: Settings = DEFAULT) -> str:
    """Bytes → text: UTF-16/32 by their BOM (a missing last byte becomes U+FFFD); UTF-8 when valid, or
    mostly valid (bad sequences repaired one by one); else the encoding charset-normalizer detects."""
    if not data.strip():
        raise EmptyInput("the input is empty", source=source)
    if looks_binary(data, settings):
        raise BinaryInput("the input is binary, not text or HTML", source=source)
    text: str | None = None
    for bom, codec in _UNICODE_BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            break
    if text is None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _mostly_utf8(data.removeprefix(b"\xef\xbb\xbf"), settings)
    if text is None:
        best = from_bytes(data).best()
        if best is None:
            raise BinaryInput("no text encoding fits the input", source=source) from None
        text = str(best)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput("the input is empty", source=source)
    return text


def sniff_kind(text: str, name: str = "") -> str:
    """Guess ``html``, ``feed`` or ``text`` from the start of a document and its name."""
    lower_name = name.lower()
    if lower_name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower_name.endswith((".rss", ".atom")):
        return "feed"
    head = text[:2048].lstrip().lower()
    if head.startswith("<?xml") or head.startswith("<rss") or head.startswith("<feed"):
        if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
            return "feed"
        if "<html" in head:
            return "html"
        return "feed" if lower_name.endswith(".xml") else "html"
    if head.startswith("<!doctype html") or head.startswith("<html") or (
        head.startswith("<") and ("<body" in text[:20000].lower() or "<p" in text[:20000].lower())
    ):
        return "html"
    return "text"
