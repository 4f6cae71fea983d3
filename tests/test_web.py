"""The web app: every HTML page has a JSON twin; article text is escaped."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsprism.pipeline import ingest
from newsprism.store import Store
from newsprism.web.app import create_app

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
    return TestClient(create_app(str(db)))


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
    assert data["schema"] == "newsprism.comparison/1" and data["facts"]
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
