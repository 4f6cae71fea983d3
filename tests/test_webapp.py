"""The newsroom web app without models: search (FTS5 kept by triggers), jobs and watched feeds in the
store; the story and outlet views on a comparison written here; the write token, cross-site refusal
and the compare form's caps; article text escaped in search results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsprism.compare.views import outlet_profile, story_overview
from newsprism.records import AnalyzedArticle, Quote
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.web.app import create_app

from .conftest import make_article

TEXTS = {
    "North Daily": "Bridge Reopens After Repairs\n\nThe river bridge reopened on Friday after eight months of repairs, "
                   "the city said. Traffic will be limited to 30 km/h.",
    "South <b>Post</b>": "Old Bridge Opens Again <script>alert(1)</script>\n\nThe bridge over the river opened again "
                         "on Friday. Engineers found cracks in two pillars last year.",
}


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "w.db"
    with Store(db) as store:
        for outlet, text in TEXTS.items():
            a = make_article(text, outlet)
            store.add_article(a.__class__(**{**a.__dict__, "published": "2024-03-0" + str(len(outlet) % 9 + 1)}))
    return db


def test_search_finds_articles_with_filters_and_no_query_syntax(tmp_path: Path) -> None:
    with Store(_store(tmp_path)) as store:
        total, rows = store.search("bridge friday")
        assert total == 2 and {r["outlet"] for r in rows} == set(TEXTS)
        assert "\x02" in rows[0]["snippet"]  # the matches are marked
        assert store.search("bridge", outlet="North Daily")[0] == 1
        assert store.search("pillars cracks")[1][0]["outlet"] == "South <b>Post</b>"
        assert store.search("bridge", since="2099-01-01")[0] == 0
        for hostile in ('"', "AND OR NOT", "bridge*", "NEAR(a b)", "col:bridge", "-", "'); DROP TABLE articles; --"):
            store.search(hostile)  # never an FTS syntax error
        assert store.count() == 2


def test_search_quotes_follow_the_stored_analysis(tmp_path: Path) -> None:
    db = _store(tmp_path)
    with Store(db) as store:
        article = next(store.articles())
        quote = Quote(text="we will widen the pavement", start=0, end=10, speaker="Ana Berg", speaker_id=None,
                      cue="said", kind="direct")
        store.save_analysis(AnalyzedArticle(article=article, quotes=(quote,)), "v1")
        total, rows = store.search("pavement", kind="quote")
        assert total == 1 and rows[0]["speaker"] == "Ana Berg" and rows[0]["article_id"] == article.id
        assert store.search("berg")[0] == 1  # the speaker is searchable too
        store.save_analysis(AnalyzedArticle(article=article, quotes=()), "v2")  # re-analysed: the quote is gone
        assert store.search("pavement", kind="quote")[0] == 0


def test_jobs_and_watched_feeds(tmp_path: Path) -> None:
    with Store(tmp_path / "j.db") as store:
        store.create_job("ab" * 8, "compare", [{"kind": "text"}], total=4)
        store.update_job("ab" * 8, "running", "analysing", 2)
        assert store.get_job("ab" * 8)["done"] == 2
        assert store.interrupt_jobs() == 1 and store.get_job("ab" * 8)["status"] == "failed"
        store.watch_feed("https://example.org/rss")
        store.feed_row("https://example.org/other")  # polled by a watch run, never watched
        assert store.watched_feeds() == ["https://example.org/rss"]
        assert store.unwatch_feed("https://example.org/rss") and not store.unwatch_feed("https://example.org/rss")
        assert store.watched_feeds() == []


def _comparison() -> dict[str, Any]:
    arts = [{"id": i, "source": f"/x/{i}.txt", "title": None, "outlet": o, "published": d}
            for i, o, d in (("a1", "North", "2024-03-01"), ("a2", "South", "2024-03-02"), ("a3", "East", None))]

    def sup(aid: str, text: str) -> dict[str, Any]:
        return {"article": aid, "sentence": 1, "start": 0, "end": len(text), "text": text}

    facts = [
        {"id": "f1", "status": "corroborated", "statement": "The bridge reopened.",
         "support": [sup("a1", "The bridge reopened."), sup("a2", "The bridge opened again.")], "conflict": None},
        {"id": "f2", "status": "conflict", "statement": "Repairs took months.",
         "support": [sup("a1", "Repairs took 8 months."), sup("a3", "Repairs took 10 months.")],
         "conflict": {"kind": "number", "values": {"a1": "8", "a3": "10"},
                      "reason": "same measure (month), different numbers: 8 vs 10"}},
        {"id": "f3", "status": "unique", "statement": "Cracks in two pillars.",
         "support": [sup("a3", "Cracks in two pillars.")], "conflict": None},
    ]
    return {"schema": "newsprism.comparison/1", "articles": arts, "facts": facts,
            "quotes": [{"speaker": "Ana Berg", "consistent": False,
                        "variants": [{"article": "a1", "text": "we widen it"}, {"article": "a2", "text": "we will widen it"}]}],
            "sources": {"a1": [{"speaker": "Ana Berg", "words": 3, "quotes": 1, "reported": 0}]},
            "framing": {"a1": {"counts": {"loaded": 4.0}, "notable": [{"cue": "loaded", "text": "chaos"}]},
                        "a2": {"counts": {"loaded": 1.0}, "notable": []}},
            "synthesis": [{"text": "The bridge reopened.", "citations": ["a1", "a2"], "fact": "f1"}],
            "issues": {"a1": [], "a2": [], "a3": [{"kind": "number_inconsistency", "text": "10", "reason": "r"}]}}


def test_story_overview_matrix_conflicts_and_timeline() -> None:
    view = story_overview(_comparison())
    states = {row["id"]: [c["state"] for c in row["cells"]] for row in view["matrix"]}
    assert states == {"f1": ["corroborated", "corroborated", "absent"], "f2": ["conflict", "absent", "conflict"],
                      "f3": ["absent", "absent", "unique"]}
    assert [r["id"] for r in view["matrix"]][0] == "f2"  # conflicts first
    table = view["conflicts"][0]["measures"][0]
    assert table["measure"] == "month" and [(r["label"], r["value"], r["as_of"]) for r in table["rows"]] == [
        ("North", "8", "2024-03-01"), ("East", "10", "undated")]
    series = view["timeline"]["series"][0]
    assert [p["value"] for p in series["points"]] == [8.0, 10.0] and series["path"].startswith("M")
    assert view["synthesis"][0]["citations"][1]["anchor"] == "ev-f1-a2"
    assert any(r["anchor"] == "ev-f1-a2" for f in view["evidence"] for r in f["rows"])
    assert view["quotes"][0]["speaker"] == "Ana Berg" and len(view["quotes"][0]["utterances"][0]["variants"]) == 2


def test_outlet_profile_blind_spots_unique_and_framing() -> None:
    comps = [{"story_id": "s-1", "title": "Bridge", "data": _comparison()}]
    east = outlet_profile("East", comps)
    assert [b["fact"] for b in east["blind_spots"]] == ["f1"] and east["blind_spots"][0]["reported_by"] == ["North", "South"]
    assert [u["fact"] for u in east["unique"]] == ["f3"] and east["issues"][0]["kind"] == "number_inconsistency"
    assert east["disputed"][0]["own"] == ["10"]
    north = outlet_profile("North", comps)
    assert north["blind_spots"] == [] and north["speakers"][0]["speaker"] == "Ana Berg"
    assert north["framing"][0] == {"cue": "loaded", "own": 4.0, "others": 1.0, "difference": 3.0}
    assert north["framing_words"][0]["text"] == "chaos"


@pytest.fixture()
def app_db(tmp_path: Path) -> str:
    return str(_store(tmp_path))


def test_web_pages_json_twins_and_escaping(app_db: str) -> None:
    client = TestClient(create_app(app_db), base_url="http://127.0.0.1")
    for html_path, api_path in (("/search?q=bridge", "/api/search?q=bridge"), ("/outlets", "/api/outlets"),
                                ("/feeds", "/api/feeds"), ("/compare", "/api/compare")):
        assert client.get(html_path).status_code == 200 and client.get(api_path).status_code == 200
    assert client.get("/api/search?q=bridge").json()["total"] == 2
    page = client.get("/search?q=pillars").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page and "<mark>" in page
    assert "South <b>Post</b>" not in client.get("/outlets").text
    assert client.get("/outlets/Nobody").status_code == 404
    assert client.get("/jobs/" + "0" * 16).status_code == 404


def test_web_writes_need_the_token_beyond_loopback_and_refuse_cross_site(app_db: str) -> None:
    open_app = TestClient(create_app(app_db), base_url="http://127.0.0.1")
    assert open_app.post("/api/feeds", json={"url": "https://example.org/a"}).status_code == 201
    assert open_app.post("/api/feeds", json={"url": "https://example.org/b"},
                         headers={"origin": "https://evil.example"}).status_code == 403
    assert open_app.post("/api/feeds", json={"url": "https://example.org/b"},
                         headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert open_app.post("/api/feeds", json={"url": "file:///etc/passwd"}).status_code == 422
    guarded = TestClient(create_app(app_db, allowed_hosts=["news.example"], write_token="s3cret"),
                         base_url="http://news.example")
    assert guarded.post("/api/feeds", json={"url": "https://example.org/c"}).status_code == 401
    assert guarded.post("/feeds", data={"url": "https://example.org/c", "token": "wrong"},
                        follow_redirects=False).status_code == 401
    assert guarded.post("/api/compare", json={"items": [{"text": "a"}, {"text": "b"}]}).status_code == 401
    assert guarded.post("/feeds", data={"url": "https://example.org/c", "token": "s3cret"},
                        follow_redirects=False).status_code == 303
    assert guarded.delete("/api/feeds", params={"url": "https://example.org/c"},
                          headers={"x-newsprism-token": "s3cret"}).json()["removed"] is True
    assert 'name="token"' in guarded.get("/compare").text and 'name="token"' not in open_app.get("/compare").text


def test_web_compare_form_caps(app_db: str) -> None:
    client = TestClient(create_app(app_db, Settings(web_upload_max_bytes=1000)), base_url="http://127.0.0.1")
    one = client.post("/api/compare", json={"items": [{"text": "only one"}]})
    assert one.status_code == 422
    many = client.post("/api/compare", json={"items": [{"text": f"text {i}"} for i in range(11)]})
    assert many.status_code == 422
    big = client.post("/compare", files={"text1": (None, "x" * 2000), "text2": (None, "short")}, follow_redirects=False)
    assert big.status_code == 413
    bad_url = client.post("/api/compare", json={"items": [{"url": "ftp://example.org/a"}, {"text": "b"}]})
    assert bad_url.status_code == 422
    bad_date = client.post("/api/compare", json={"items": [{"text": "a", "published": "yesterday"}, {"text": "b"}]})
    assert bad_date.status_code == 422
    with Store(app_db) as store:
        assert store.list_jobs() == []  # nothing refused was queued


def test_compare_job_refuses_private_addresses(tmp_path: Path, http_server) -> None:  # type: ignore[no-untyped-def]
    from newsprism.errors import InputError
    from newsprism.pipeline import CompareInput, compare_inputs

    def page(handler) -> None:  # type: ignore[no-untyped-def]
        handler.send_response(200)
        handler.end_headers()

    base = http_server({"/a": page})
    steps: list[str] = []
    with pytest.raises(InputError) as caught:
        compare_inputs([CompareInput("url", value=f"{base}/a"), CompareInput("url", value="http://10.0.0.1/b")],
                       progress=lambda _n, detail: steps.append(detail))
    assert caught.value.reason == "too_few_articles" and "refus" in caught.value.message.lower()
    assert steps == ["reading item 1 of 2", "reading item 2 of 2"]  # nothing was analysed
