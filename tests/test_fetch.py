"""The URL fetcher under attack (loopback servers and a resolver stub only): SSRF through redirects,
DNS rebinding, special-purpose ranges, decompression bombs, slow drips, credentials in URLs."""

from __future__ import annotations

import gzip
import http.server
import time
import tracemalloc
import zlib

import pytest

from newsprism.errors import FetchFailed, TooLarge
from newsprism.pipeline import read_articles
from newsprism.settings import Settings
from newsprism.sources.url import address_refusal, fetch, redact_url

from .conftest import FakeInternet, respond

PUBLIC_IP = "93.184.216.34"  # plays a public web server; the fake internet routes it to loopback
LOCAL = Settings(allow_private_urls=True, fetch_timeout=2.0)
PAGE = b"<html><body><article><p>The public page.</p></article></body></html>"
SECRET = b"<html><body><p>internal admin secret</p></body></html>"


def _port(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


def _counting(body: bytes, hits: list[str]):  # type: ignore[no-untyped-def]
    inner = respond(body)

    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        hits.append(handler.headers.get("Host", ""))
        inner(handler)

    return route


def test_fetch_dns_rebinding_connects_to_the_vetted_address(http_server, fake_internet: FakeInternet):
    internal_hits: list[str] = []
    public_hits: list[str] = []
    internal = http_server({"/": _counting(SECRET, internal_hits)})
    public = http_server({"/": _counting(PAGE, public_hits)})
    port = _port(internal)
    # the attacker's name: public when checked, loopback when resolved again for the connection
    fake_internet.names["rebind.test"] = [[PUBLIC_IP], ["127.0.0.1"]]
    fake_internet.routes[(PUBLIC_IP, port)] = ("127.0.0.1", _port(public))
    doc, _ = fetch(f"http://rebind.test:{port}/", Settings(fetch_timeout=2.0))
    assert internal_hits == []  # the loopback service was never reached
    assert doc.data == PAGE and fake_internet.connects == [(PUBLIC_IP, port)]
    assert public_hits == [f"rebind.test:{port}"]  # the original Host header is kept on the pinned connection
    assert fake_internet.lookups == ["rebind.test"]  # resolved once


def test_fetch_redirect_to_loopback_is_refused(http_server, fake_internet: FakeInternet):
    internal_hits: list[str] = []
    internal = http_server({"/secret": _counting(SECRET, internal_hits)})

    def redirect(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", f"{internal}/secret")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    public = http_server({"/r": redirect})
    fake_internet.names["public.test"] = [[PUBLIC_IP]]
    fake_internet.routes[(PUBLIC_IP, 80)] = ("127.0.0.1", _port(public))
    with pytest.raises(FetchFailed) as exc:
        fetch("http://public.test/r", Settings(fetch_timeout=2.0))
    assert exc.value.reason == "private_address" and internal_hits == []
    assert exc.value.source == "http://public.test/r"


@pytest.mark.parametrize("address", ["100.64.0.7", "224.0.0.251", "239.255.255.250", "2002:7f00:1::1",
                                     "64:ff9b::7f00:1", "::ffff:127.0.0.1", "198.18.0.1", "fd00::1", "0.0.0.0"])
def test_fetch_special_purpose_ranges_are_refused(address, fake_internet: FakeInternet):
    fake_internet.names["odd.test"] = [[address]]
    with pytest.raises(FetchFailed) as exc:
        fetch("http://odd.test/", Settings(fetch_timeout=1.0))
    assert exc.value.reason == "private_address", exc.value.one_line()
    assert fake_internet.connects == []


def test_fetch_address_refusal_keeps_public_addresses():
    assert address_refusal(PUBLIC_IP) is None and address_refusal("2606:4700::1111") is None
    assert address_refusal("10.1.2.3") and address_refusal("169.254.169.254") and address_refusal("::1")


def _bomb(decoded_mb: int) -> bytes:
    """``decoded_mb`` MB of zeros, gzipped twice (Content-Encoding: gzip, gzip)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(1_000_000)
    inner = b"".join(packer.compress(zeros) for _ in range(decoded_mb)) + packer.flush()
    return gzip.compress(inner, 9)


def test_fetch_decompression_bomb_is_capped_while_streaming(http_server):
    bomb = _bomb(64)  # 64 MB decoded: the old reader held all of it at once
    assert len(bomb) < 20_000
    base = http_server({"/b": respond(bomb, headers={"Content-Encoding": "gzip, gzip"})})
    settings = LOCAL.replace(max_bytes=1_000_000)
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge):
            fetch(f"{base}/b", settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16_000_000, f"peak {peak:,} bytes while decoding"


def test_fetch_gzip_layers_are_decoded(http_server):
    body = b"<html><body><p>" + b"layered words " * 200 + b"</p></body></html>"
    base = http_server({"/g": respond(gzip.compress(gzip.compress(body)), headers={"Content-Encoding": "gzip, gzip"}),
                        "/d": respond(zlib.compress(body), headers={"Content-Encoding": "deflate"}),
                        "/br": respond(b"xx", headers={"Content-Encoding": "br"})})
    assert fetch(f"{base}/g", LOCAL)[0].data == body
    assert fetch(f"{base}/d", LOCAL)[0].data == body
    with pytest.raises(FetchFailed) as exc:
        fetch(f"{base}/br", LOCAL)
    assert exc.value.reason == "bad_content_encoding"


def _drip(n: int, gap: float):  # type: ignore[no-untyped-def]
    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.send_header("Content-Length", str(n))
        handler.end_headers()
        try:
            for _ in range(n):
                handler.wfile.write(b"x")
                handler.wfile.flush()
                time.sleep(gap)
        except (BrokenPipeError, ConnectionResetError):
            pass

    return route


def test_fetch_total_deadline_stops_a_slow_drip(http_server):
    # each byte arrives well within fetch_timeout; the whole body would take 4 s
    base = http_server({"/drip": _drip(16, 0.25)})
    with pytest.raises(FetchFailed) as exc:
        fetch(f"{base}/drip", LOCAL.replace(fetch_timeout=2.0, fetch_deadline=0.8))
    assert exc.value.reason == "timeout"


def test_fetch_credentials_in_urls_are_used_but_never_shown(http_server):
    seen: list[str] = []

    def page(handler: http.server.BaseHTTPRequestHandler) -> None:
        seen.append(handler.headers.get("Authorization", ""))
        respond(b"<html><body><p>" + b"word " * 40 + b"</p></body></html>")(handler)

    base = http_server({"/p": page})
    url = base.replace("http://", "http://alice:hunter2@")
    items = list(read_articles([f"{url}/p", f"{url}/missing"], LOCAL))
    assert seen and seen[0].startswith("Basic ")  # the credentials were used for the request
    for item in items:
        assert "hunter2" not in repr(item) and "alice" not in repr(item)
    failure = items[-1]
    assert isinstance(failure, FetchFailed) and "hunter2" not in failure.one_line()
    assert redact_url("https://u:p@example.test:8443/a?b=1") == "https://***@example.test:8443/a?b=1"
