"""Fetch a URL with httpx: timeout, size cap, bounded redirects, content type checked,
private addresses refused unless the ``allow_private_urls`` setting is on."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

import httpx

from ..errors import FetchFailed, TooLarge
from ..records import RawDocument
from ..settings import DEFAULT, Settings

ACCEPTED_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "auto",
    "text/xml": "auto",
}


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def _check_host(url: str, settings: Settings) -> None:
    if settings.allow_private_urls:
        return
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise FetchFailed(f"cannot resolve host {host!r}: {exc.strerror}", source=url) from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
            raise FetchFailed(f"refusing private address {address} (setting allow_private_urls)",
                              source=url, reason="private_address")


def fetch(url: str, settings: Settings = DEFAULT, client: httpx.Client | None = None,
          headers: dict[str, str] | None = None) -> tuple[RawDocument, httpx.Response]:
    """Fetch one URL; returns the document and the response (for ETag/Last-Modified)."""
    _check_host(url, settings)
    own = client is None
    if client is None:
        client = httpx.Client(
            follow_redirects=True, max_redirects=settings.max_redirects,
            timeout=httpx.Timeout(settings.fetch_timeout),
            headers={"User-Agent": settings.user_agent},
            event_hooks={"request": [lambda req: _check_host(str(req.url), settings)]},
        )
    try:
        with client.stream("GET", url, headers=headers or {}) as response:
            if response.status_code == 304:
                return RawDocument(source=url, data=b"", url=url), response
            if response.status_code >= 400:
                raise FetchFailed(f"HTTP {response.status_code} {response.reason_phrase}", source=url,
                                  reason="http_error")
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and ctype not in ACCEPTED_TYPES:
                raise FetchFailed(f"content type {ctype!r} is not an article or feed", source=url,
                                  reason="bad_content_type")
            declared = int(response.headers.get("content-length") or 0)
            if declared > settings.max_bytes:
                raise TooLarge(f"{declared:,} bytes is over the {settings.max_bytes:,}-byte limit", source=url)
            chunks: list[bytes] = []
            total = 0
            for chunk in response.iter_bytes():
                total += len(chunk)
                if total > settings.max_bytes:
                    raise TooLarge(f"over the {settings.max_bytes:,}-byte limit (setting max_bytes)", source=url)
                chunks.append(chunk)
            data = b"".join(chunks)
            kind = ACCEPTED_TYPES.get(ctype, "auto")
            return RawDocument(source=url, data=data, kind=kind, url=str(response.url),
                               content_type=ctype or None), response
    except httpx.TimeoutException:
        raise FetchFailed(f"timed out after {settings.fetch_timeout:g} s", source=url, reason="timeout") from None
    except httpx.TooManyRedirects:
        raise FetchFailed(f"more than {settings.max_redirects} redirects", source=url,
                          reason="too_many_redirects") from None
    except httpx.HTTPError as exc:
        raise FetchFailed(f"{type(exc).__name__}: {exc}", source=url) from None
    finally:
        if own:
            client.close()
