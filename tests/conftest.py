"""Shared fixtures. Real articles are read from ../shared/corpus (never copied into the repo)."""

from __future__ import annotations

import http.server
import socketserver
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest

from newsprism.records import Entity, Mention

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = CORPUS / "seeds"
SEED_000 = SEEDS / "000_c399c7057a43875d.txt"
SEED_001 = SEEDS / "001_c89a09e2af61da74.txt"
EXAMPLES = ROOT / "examples" / "articles"
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def seeds() -> tuple[Path, Path]:
    assert SEED_000.exists(), f"the shared corpus must sit beside the checkout: {SEEDS}"
    return SEED_000, SEED_001


@pytest.fixture(scope="session")
def seed_articles(seeds):  # type: ignore[no-untyped-def]
    from newsprism.pipeline import load_one

    return load_one(str(seeds[0])), load_one(str(seeds[1]))


@pytest.fixture(scope="session")
def example_articles():  # type: ignore[no-untyped-def]
    from newsprism.pipeline import load_many

    articles, errors = load_many([str(EXAMPLES)])
    assert not errors
    return articles


@pytest.fixture(scope="session")
def analyzed_seeds(seed_articles):  # type: ignore[no-untyped-def]
    from newsprism.stages import analyze_many

    return analyze_many(list(seed_articles))


@pytest.fixture(scope="session")
def analyzed_examples(example_articles):  # type: ignore[no-untyped-def]
    from newsprism.stages import analyze_many

    return analyze_many(list(example_articles))


def make_article(text: str, source: str = "t"):  # type: ignore[no-untyped-def]
    """An Article from text the test writes (first line as title when it reads as one)."""
    from newsprism.extract.text import clean_text
    from newsprism.records import Article, content_id

    c = clean_text(text)
    return Article(id=content_id(c.text) if source != "t" else "t", source=source, text=c.text, title=c.title,
                   outlet=None if source == "t" else source, paragraphs=tuple(c.paragraphs))


def story_articles(story: dict[str, tuple[str, str]]):  # type: ignore[no-untyped-def]
    """Articles of a story the test writes: ``{outlet: (published date, text)}``, each dated and credited."""
    from dataclasses import replace

    return [replace(make_article(text, source=outlet), published=date, outlet=outlet)
            for outlet, (date, text) in story.items()]


Route = Callable[[http.server.BaseHTTPRequestHandler], None]


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture()
def http_server() -> Iterator[Callable[[dict[str, Route]], str]]:
    """Start a loopback HTTP server with the given routes; yields a function returning its base URL."""
    servers: list[_Server] = []

    def start(routes: dict[str, Route]) -> str:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                route = routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_response(404)
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                route(self)

            def log_message(self, *args: object) -> None:
                pass

        server = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def respond(body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200,
            delay: float = 0.0, headers: dict[str, str] | None = None) -> Route:
    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        if delay:
            time.sleep(delay)
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.end_headers()
        try:
            handler.wfile.write(body)
        except BrokenPipeError:
            pass

    return route


class FakeInternet:
    """A resolver stub and a connection map, so tests can play public hosts on loopback.

    ``names`` maps a host name to the addresses it resolves to, one list per lookup (the last list
    repeats): ``{"rebind.test": [["93.184.216.34"], ["127.0.0.1"]]}`` answers a public address once and
    loopback afterwards, as a DNS-rebinding attacker would. ``routes`` maps an (address, port) the client
    connects to onto the loopback (host, port) that really serves it; other non-loopback addresses are
    refused. ``lookups`` and ``connects`` record what happened.
    """

    def __init__(self) -> None:
        self.names: dict[str, list[list[str]]] = {}
        self.routes: dict[tuple[str, int], tuple[str, int]] = {}
        self.lookups: list[str] = []
        self.connects: list[tuple[str, int]] = []


@pytest.fixture()
def fake_internet(monkeypatch: pytest.MonkeyPatch) -> FakeInternet:
    import socket

    net = FakeInternet()
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.create_connection

    def getaddrinfo(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name in net.names:
            net.lookups.append(name)
            answers = net.names[name]
            addresses = answers[min(net.lookups.count(name), len(answers)) - 1]
            return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                     (a, port or 0) if ":" not in a else (a, port or 0, 0, 0)) for a in addresses]
        return real_getaddrinfo(host, port, *args, **kwargs)

    def create_connection(address, *args, **kwargs):  # type: ignore[no-untyped-def]
        host, port = address[0], int(address[1])
        if host in net.names:  # a client that resolves the name itself
            host = getaddrinfo(host, port)[0][4][0]
        net.connects.append((host, port))
        if (host, port) in net.routes:
            return real_connect(net.routes[(host, port)], *args, **kwargs)
        if host in ("127.0.0.1", "::1", "localhost"):
            return real_connect((host, port), *args, **kwargs)
        raise ConnectionRefusedError(f"fake internet: nothing at {host}:{port}")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return net


def entity_of(text: str, name: str, eid: str, etype: str = "GPE") -> Entity:
    """An entity of ``name`` with a mention at each place ``text`` writes it (for tests that build analyses by hand)."""
    mentions = []
    at = text.find(name)
    while at >= 0:
        mentions.append(Mention(start=at, end=at + len(name), text=name))
        at = text.find(name, at + 1)
    return Entity(id=eid, name=name, type=etype, mentions=tuple(mentions))
