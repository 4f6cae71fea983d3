"""The web app: every HTML page has a JSON twin; article text is escaped."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsprism.pipeline import analyze_cached, ingest
from newsprism.store import Store
from newsprism.web.app import create_app, prepare_story

pytestmark = pytest.mark.slow

HOSTILE = ("Harbour Board <script>alert(1)</script> Names New Chair\n\n"
           "The harbour board named Lena Holt as its new chair on Monday, officials said, after a vote that "
           "split the board's members. <img src=x onerror=alert(2)> She takes over in June.")


@pytest.fixture(scope="module")
def client(tmp_path_factory, seeds):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("web")
    bad = folder / "hostile.txt"
    bad.write_text(HOSTILE, encoding="utf-8")
    db = folder / "web.db"
    with Store(db) as store:
        ingest([str(seeds[0]), str(seeds[1]), str(bad)], store, assign_stories=True)
        analyze_cached(store, list(store.articles()))  # analysed at ingest: pages serve what is stored
        for story in store.list_stories():
            if len(story["articles"]) > 1:
                prepare_story(store, story["id"])
    return TestClient(create_app(str(db)), base_url="http://127.0.0.1")


def test_web_pages_have_json_twins(client):
    stories = client.get("/api/stories").json()
    assert any(len(s["articles"]) == 2 for s in stories)
    assert client.get("/").status_code == 200
    articles = client.get("/api/articles").json()
    assert len(articles) == 3
    page = client.get("/articles").text
    assert all((a["title"] or "")[:20].replace("<", "&lt;") in page for a in articles if a["title"])


def test_web_article_and_story(client):
    seed_story = next(s for s in client.get("/api/stories").json() if len(s["articles"]) == 2)
    data = client.get(f"/api/stories/{seed_story['id']}").json()
    assert data["schema"] == "newsprism.comparison/2" and data["facts"]
    assert "article" in client.get(f"/stories/{seed_story['id']}").text
    aid = seed_story["articles"][0]["id"]
    art = client.get(f"/api/articles/{aid}").json()
    assert art["schema"] == "newsprism.article/1" and art["quotes"]
    assert client.get(f"/articles/{aid}").status_code == 200
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/stories/nope").status_code == 404


def test_web_escapes_article_text(client):
    hostile = next(a for a in client.get("/api/articles").json() if "Harbour" in (a["title"] or ""))
    html = client.get(f"/articles/{hostile['id']}").text + client.get("/articles").text
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_web_ids_match_exactly_or_by_a_long_hex_prefix(client):
    story = next(s for s in client.get("/api/stories").json() if len(s["articles"]) == 2)
    aid = story["articles"][0]["id"]
    for bad in ("%25", "_", "%25%25", aid[:4], "s-%25", "s-_", story["id"][:5]):
        assert client.get(f"/api/stories/{bad}").status_code == 404, bad
        assert client.get(f"/api/articles/{bad}").status_code == 404, bad
    assert client.get(f"/api/articles/{aid[:8]}").json()["id"] == aid
    assert client.get(f"/api/stories/{story['id'][:10]}").status_code == 200


def test_web_security_headers_on_every_page(client):
    story = next(s for s in client.get("/api/stories").json() if len(s["articles"]) == 2)
    paths = ["/", "/articles", "/api/stories", "/api/articles", f"/stories/{story['id']}",
             f"/api/stories/{story['id']}", f"/articles/{story['articles'][0]['id']}", "/nope", "/api/docs"]
    for path in paths:
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "http" not in csp and "frame-ancestors 'none'" in csp and "default-src 'none'" in csp, path
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["referrer-policy"] == "no-referrer"
    assert client.get("/api/docs").status_code == 404  # the docs page loaded scripts from a CDN: disabled
    assert "'sha256-" in client.get(f"/stories/{story['id']}").headers["content-security-policy"]


def test_web_trusted_hosts(client):
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_web_lists_are_paged(tmp_path):
    from newsprism.settings import Settings

    db = tmp_path / "paged.db"
    for n in range(5):
        (tmp_path / f"a{n}.txt").write_text(f"Ferry Report Number {n}\n\n" + " ".join(
            f"The ferry operator said on day {n} that crossing {k} ran late." for k in range(6)), encoding="utf-8")
    with Store(db) as store:
        ingest([str(tmp_path / f"a{n}.txt") for n in range(5)], store)
    paged = TestClient(create_app(str(db), Settings(web_page_size=2)), base_url="http://127.0.0.1")
    first = paged.get("/api/articles")
    assert len(first.json()) == 2 and first.headers["x-total-count"] == "5" and "page=2" in first.headers["link"]
    assert len(paged.get("/api/articles?page=3").json()) == 1
    assert "page=2" in paged.get("/articles").text


def test_web_requests_never_analyse(tmp_path, seeds):
    """A page whose analysis is not stored answers 202 at once and a background job prepares it."""
    import time

    db = tmp_path / "fresh.db"
    with Store(db) as store:
        ingest([str(seeds[0]), str(seeds[1])], store, assign_stories=True)
        story = store.list_stories()[0]
    fresh = TestClient(create_app(str(db)), base_url="http://127.0.0.1")
    first = fresh.get(f"/api/stories/{story['id']}")
    assert first.status_code == 202 and first.json()["status"] in ("queued", "running")
    assert fresh.get(f"/stories/{story['id']}").status_code == 202
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if all(j["status"] in ("done", "failed") for j in fresh.get("/api/jobs").json()):
            break
        time.sleep(0.5)
    ready = fresh.get(f"/api/stories/{story['id']}")
    assert ready.status_code == 200 and ready.json()["schema"] == "newsprism.comparison/2"
    aid = story["articles"][0]["id"]
    assert fresh.get(f"/api/articles/{aid}").status_code == 200  # the story's job analysed its articles


def test_web_serve_stops_promptly_on_sigterm(tmp_path, seeds):
    """SIGTERM while a page that needs an analysis is being requested: the server still stops promptly."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import threading
    import time
    import urllib.request

    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest([str(seeds[0])], store)  # stored, never analysed
        aid = store.list_rows(1)[0]["id"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.Popen([sys.executable, "-m", "newsprism.cli", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def get(path: str, timeout: float) -> int:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as r:
            return int(r.status)

    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                assert get("/api/stories", 2) == 200
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.3)
        threading.Thread(target=lambda: get(f"/articles/{aid}", 120), daemon=True).start()
        time.sleep(1.0)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) is not None
    finally:
        if proc.poll() is None:
            proc.kill()
