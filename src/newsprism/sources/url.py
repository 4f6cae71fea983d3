"""Fetch a URL safely: the one HTTP client newsprism uses (``ingest URL``, feed links, ``watch``).

What it guards against, and how:

- **SSRF and DNS rebinding.** Every connection, the first one and each redirect hop, goes through
  :class:`PinnedBackend`: it resolves the host once, refuses the connection when any address is not a
  public unicast address (``ipaddress``'s ``is_global``, plus multicast, 6to4, NAT64, Teredo, shared
  address space and the other special-purpose ranges), and then connects to the address it vetted, so the
  name cannot resolve to something else between the check and the connection. The request keeps its
  original URL, so the Host header and TLS SNI/certificate checks use the original name. The
  ``allow_private_urls`` setting turns the refusal off (the pinning stays).
- **Decompression bombs.** The body is read raw and decoded here, layer by layer (``Content-Encoding:
  gzip, gzip``), each layer's output capped at ``max_bytes`` as it streams, never more than one chunk
  in memory per layer beyond what is kept.
- **Slow servers.** ``fetch_timeout`` bounds each connect/read; ``fetch_deadline`` bounds the whole fetch
  (all hops, headers and body): every socket operation's timeout is clamped to the time left.
- **Credentials in URLs** are used for the request but never shown or stored: :func:`redact_url`.
"""

from __future__ import annotations

import contextvars
import ipaddress
import re
import socket
import time
import zlib
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import urlsplit, urlunsplit

import httpcore
import httpx

from ..errors import FetchFailed, InputError, TooLarge, Unreadable
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

# Special-purpose ranges refused on top of what ``is_global`` already excludes (some of these are
# "global" to ipaddress but reach private space through a translator, or are not unicast at all).
_REFUSED_NETWORKS = tuple(ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.88.99.0/24", "198.18.0.0/15", "224.0.0.0/4",
    "240.0.0.0/4", "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23",
    "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "ff00::/8",
))
_CONTENT_ENCODINGS = {"gzip": "gzip", "x-gzip": "gzip", "deflate": "deflate"}
GZIP_MAGIC = b"\x1f\x8b"
_DECODE_CHUNK = 65_536  # bytes of decoded output produced per step of a decoding layer
_USERINFO = re.compile(r"(?<=//)[^/@\s]+@")

# The monotonic time by which the fetch in progress (in this thread / context) must be done.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("newsprism_fetch_deadline", default=None)

Resolver = Callable[[str, int], list[str]]


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def redact_url(url: str) -> str:
    """The URL with any ``user:password@`` replaced by ``***@`` (for messages, records and the store)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return _USERINFO.sub("***@", url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]))


def _scrub(text: str) -> str:
    return _USERINFO.sub("***@", text)


def address_refusal(ip: str) -> str | None:
    """Why newsprism will not connect to this address, or None for a public unicast address."""
    try:
        address = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return f"{ip!r} is not an IP address"
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        inner = address_refusal(str(address.ipv4_mapped))
        return f"{address} maps to {inner}" if inner else None
    for network in _REFUSED_NETWORKS:
        if address.version == network.version and address in network:
            return f"{address} is in the special-purpose range {network}"
    if address.is_multicast:
        return f"{address} is a multicast address"
    if not address.is_global:
        return f"{address} is not a public address (private, loopback, link-local or reserved)"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host``, in its order, without repeats."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _time_left(timeout: float | None, kind: type[Exception] = httpcore.ReadTimeout) -> float | None:
    """``timeout`` clamped to what is left of the current fetch's deadline; raises once it has passed."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise kind("the fetch ran past its total deadline")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every operation waits no longer than the fetch's deadline allows."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _time_left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname,
                                                     _time_left(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class PinnedBackend(httpcore.NetworkBackend):
    """Resolve once, vet every address, connect to a vetted address (never re-resolving the name)."""

    def __init__(self, settings: Settings = DEFAULT, resolver: Resolver | None = None) -> None:
        self.settings = settings
        self.resolver = resolver
        self._inner = httpcore.SyncBackend()

    def vetted_addresses(self, host: str, port: int) -> list[str]:
        resolve = self.resolver or system_resolver
        try:
            addresses = resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchFailed(f"cannot resolve host {host!r}: {getattr(exc, 'strerror', None) or exc}",
                              source=host) from None
        if not addresses:
            raise FetchFailed(f"cannot resolve host {host!r}", source=host)
        if not self.settings.allow_private_urls:
            for address in addresses:
                why = address_refusal(address)
                if why:
                    raise FetchFailed(f"refusing host {host!r}: {why} (setting allow_private_urls)",
                                      source=host, reason="private_address")
        return addresses

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        last: Exception | None = None
        for address in self.vetted_addresses(host, port):
            try:
                stream = self._inner.connect_tcp(address, port, _time_left(timeout, httpcore.ConnectTimeout),
                                                 local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
                continue
            return _DeadlineStream(stream)
        raise last or httpcore.ConnectError(f"no address of {host!r} accepted a connection")

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("newsprism does not fetch over unix sockets")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class PinnedTransport(httpx.HTTPTransport):
    """httpx's transport over a :class:`PinnedBackend` (no proxies: a proxy would resolve names itself)."""

    def __init__(self, settings: Settings = DEFAULT, resolver: Resolver | None = None) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                             network_backend=PinnedBackend(settings, resolver))


def make_client(settings: Settings = DEFAULT, resolver: Resolver | None = None) -> httpx.Client:
    """The HTTP client every fetch in newsprism uses (pass one to reuse connections across fetches)."""
    return httpx.Client(
        transport=PinnedTransport(settings, resolver), trust_env=False,
        follow_redirects=True, max_redirects=settings.max_redirects,
        timeout=httpx.Timeout(settings.fetch_timeout),
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
    )


class _Inflate:
    """One Content-Encoding layer, decoded in bounded steps, its total output capped."""

    def __init__(self, encoding: str, cap: int, source: str) -> None:
        self.encoding = encoding
        self.cap = cap
        self.source = source
        self.wbits = 16 + zlib.MAX_WBITS if encoding == "gzip" else zlib.MAX_WBITS
        self.obj = zlib.decompressobj(self.wbits)
        self.total = 0
        self.started = False

    def _count(self, out: bytes) -> bytes:
        self.total += len(out)
        if self.total > self.cap:
            raise TooLarge(f"the {self.encoding}-encoded body decodes to over the {self.cap:,}-byte limit "
                           "(setting max_bytes)", source=self.source)
        return out

    def feed(self, data: bytes) -> Iterator[bytes]:
        pending = data
        while True:
            try:
                out = self.obj.decompress(pending, _DECODE_CHUNK)
            except zlib.error:
                if self.encoding == "deflate" and not self.started and self.wbits > 0:
                    self.wbits = -zlib.MAX_WBITS  # raw deflate, as some servers send it
                    self.obj = zlib.decompressobj(self.wbits)
                    continue
                raise FetchFailed(f"the {self.encoding}-encoded body is corrupt", source=self.source,
                                  reason="bad_content_encoding") from None
            self.started = True
            if out:
                yield self._count(out)
            if self.obj.eof:
                rest = self.obj.unused_data
                if not rest.strip(b"\x00") or self.encoding != "gzip":
                    return
                self.obj = zlib.decompressobj(self.wbits)  # another gzip member
                pending = rest
                continue
            pending = self.obj.unconsumed_tail
            if not pending and len(out) < _DECODE_CHUNK:
                return

    def flush(self) -> Iterator[bytes]:
        out = self.obj.flush()
        if out:
            yield self._count(out)


def _through(layers: list[_Inflate], chunk: bytes) -> Iterator[bytes]:
    if not layers:
        yield chunk
        return
    for piece in layers[0].feed(chunk):
        yield from _through(layers[1:], piece)


def _flush(layers: list[_Inflate]) -> Iterator[bytes]:
    for i, layer in enumerate(layers):
        for piece in layer.flush():
            yield from _through(layers[i + 1:], piece)


def gunzip(data: bytes, settings: Settings, source: str) -> bytes:
    """A gzip-compressed file's content (a saved page ``x.html.gz``), inflated in bounded steps as a gzip
    response body is: over ``max_bytes`` decoded raises TooLarge before it is all in memory; a corrupt or cut
    stream raises Unreadable."""
    layer = _Inflate("gzip", settings.max_bytes, source)
    try:
        out = b"".join([*layer.feed(data), *layer.flush()])
    except FetchFailed:
        raise Unreadable("the gzip-compressed file is corrupt", source=source) from None
    if not layer.obj.eof:
        raise Unreadable("the gzip-compressed file is cut short", source=source)
    return out


def _decoding_layers(header: str, settings: Settings, source: str) -> list[_Inflate]:
    """The layers to undo, in the order to undo them (the last encoding applied comes off first)."""
    names = [n.strip().lower() for n in header.split(",") if n.strip() and n.strip().lower() != "identity"]
    layers: list[_Inflate] = []
    for name in reversed(names):
        if name not in _CONTENT_ENCODINGS:
            raise FetchFailed(f"content encoding {name!r} is not supported (gzip and deflate are)", source=source,
                              reason="bad_content_encoding")
        layers.append(_Inflate(_CONTENT_ENCODINGS[name], settings.max_bytes, source))
    return layers


def _read_body(response: httpx.Response, settings: Settings, source: str) -> bytes:
    layers = _decoding_layers(response.headers.get("content-encoding", ""), settings, source)
    chunks: list[bytes] = []
    total = 0

    def keep(piece: bytes) -> None:
        nonlocal total
        total += len(piece)
        if total > settings.max_bytes:
            raise TooLarge(f"over the {settings.max_bytes:,}-byte limit (setting max_bytes)", source=source)
        chunks.append(piece)

    for raw in response.iter_raw():
        _time_left(None)
        for piece in _through(layers, raw):
            keep(piece)
    for piece in _flush(layers):
        keep(piece)
    return b"".join(chunks)


def fetch(url: str, settings: Settings = DEFAULT, client: httpx.Client | None = None,
          headers: dict[str, str] | None = None) -> tuple[RawDocument, httpx.Response]:
    """Fetch one URL; returns the document and the response (for ETag/Last-Modified).

    Pass a client from :func:`make_client` to reuse connections; a client built elsewhere loses the
    per-connection address checks (only the deadline and the size caps still apply).
    """
    shown = redact_url(url)
    own = client is None
    http = client if client is not None else make_client(settings)
    token = _DEADLINE.set(time.monotonic() + settings.fetch_deadline)
    try:
        with http.stream("GET", url, headers=headers or {}) as response:
            if response.status_code == 304:
                return RawDocument(source=shown, data=b"", url=shown), response
            if response.status_code >= 400:
                raise FetchFailed(f"HTTP {response.status_code} {response.reason_phrase}", source=shown,
                                  reason="http_error")
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and ctype not in ACCEPTED_TYPES:
                raise FetchFailed(f"content type {ctype!r} is not an article or feed", source=shown,
                                  reason="bad_content_type")
            try:
                declared = int(response.headers.get("content-length") or 0)
            except ValueError:
                declared = 0
            if declared > settings.max_bytes:
                raise TooLarge(f"{declared:,} bytes is over the {settings.max_bytes:,}-byte limit", source=shown)
            data = _read_body(response, settings, shown)
            kind = ACCEPTED_TYPES.get(ctype, "auto")
            return RawDocument(source=shown, data=data, kind=kind, url=redact_url(str(response.url)),
                               content_type=ctype or None), response
    except InputError as exc:
        if exc.source != shown:  # raised for a hop's host: report it against the URL asked for
            raise type(exc)(_scrub(exc.message), source=shown, reason=exc.reason) from None
        raise
    except (httpx.TimeoutException, httpcore.TimeoutException):
        raise FetchFailed(f"timed out (setting fetch_timeout={settings.fetch_timeout:g} s per read, "
                          f"fetch_deadline={settings.fetch_deadline:g} s in all)", source=shown,
                          reason="timeout") from None
    except httpx.TooManyRedirects:
        raise FetchFailed(f"more than {settings.max_redirects} redirects", source=shown,
                          reason="too_many_redirects") from None
    except httpx.HTTPError as exc:
        raise FetchFailed(f"{type(exc).__name__}: {_scrub(str(exc))}", source=shown) from None
    finally:
        _DEADLINE.reset(token)
        if own:
            http.close()
