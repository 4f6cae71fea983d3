"""The newsroom web app in headless Chromium (Debian's chromium, driven by Playwright) over a store
built from ../shared/corpus/news-dev (tests/web_store.py): compare two pasted texts and open the result,
the story page's matrix and conflict table, an outlet page's blind spot, search finding a quote, and a
hostile article that executes nothing anywhere it is shown."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from .web_store import HOSTILE, NEWS_DEV, corpus_files

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
# Two short texts written for this test (not corpus text); the second carries markup that must not run.
PASTED = ("Council Approves Budget\n\nThe city council approved the budget on Monday, officials said. "
          "\u201cWe kept every library open,\u201d Mayor Rosa Lind said. The budget totals 12 million crowns.",
          "Budget Passes <script>window.__pwned = 3</script>\n\nThe city council approved the budget on Monday "
          "<img src=x onerror=\"window.__pwned = 4\">. \u201cWe kept every library open,\u201d said Mayor Rosa Lind. "
          "The budget totals 14 million crowns, and opposition members voted against it.")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    import uvicorn

    from newsprism.web.app import create_app

    from .web_store import build_store

    # NEWSPRISM_WEB_TEST_STORE: a folder to keep the built store in between runs (the build analyses articles)
    keep = os.environ.get("NEWSPRISM_WEB_TEST_STORE")
    db = str(build_store(Path(keep) if keep else tmp_path_factory.mktemp("webapp")))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", db
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server: tuple[str, str]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    pg = browser.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    pg.close()


def _json(page: Any, url: str) -> Any:
    return json.loads(page.request.get(url).text())


def _earthquake(page: Any, base: str) -> dict[str, Any]:
    stories = _json(page, f"{base}/api/stories")
    story = max(stories, key=lambda s: sum(a["outlet"] in {"sanangelonow-upi", "thenews-pk", "einnews"} for a in s["articles"]))
    return _json(page, f"{base}/api/stories/{story['id']}/overview")  # type: ignore[no-any-return]


def test_browser_compare_two_pasted_texts(server: tuple[str, str], page: Any) -> None:
    base, _ = server
    page.goto(f"{base}/compare")
    page.fill("textarea[name=text1]", PASTED[0])
    page.fill("input[name=outlet1]", "Plain Post")
    page.fill("textarea[name=text2]", PASTED[1])
    page.fill("input[name=outlet2]", "Hostile Herald")
    page.fill("input[name=published2]", "2024-05-17")
    page.click("#compare-form button[type=submit]")
    page.wait_for_url(re.compile(r"/jobs/[0-9a-f]{16}$"), timeout=30_000)
    job = page.url.rsplit("/", 1)[1]
    deadline = time.monotonic() + 240
    while _json(page, f"{base}/api/jobs/{job}")["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(1)
    page.goto(f"{base}/jobs/{job}")
    assert page.locator("#job-status").get_attribute("data-status") == "done", page.locator("#job-status").inner_text()
    page.click("#result-link")
    assert page.url.endswith(f"/compare/{job}")
    assert page.locator("article.article").count() == 2  # the report's side-by-side columns
    for section in ("#facts", "#conflicts", "#quotes", "#synthesis"):
        assert page.locator(section).count() == 1, section
    labels = page.locator("article.article h3").all_inner_texts()
    assert any("Plain Post" in t for t in labels) and any("Hostile Herald" in t for t in labels)
    data = _json(page, f"{base}/api/compare/{job}")
    assert data["schema"] == "newsprism.comparison/2" and any(f["status"] == "conflict" for f in data["facts"])
    assert page.evaluate("window.__pwned === undefined") and not page.dialogs
    page.locator("article.article p").nth(1).click()
    assert page.evaluate("window.__pwned === undefined") and not page.dialogs


def test_browser_story_page_matrix_and_conflict_table(server: tuple[str, str], page: Any) -> None:
    base, _ = server
    data = _earthquake(page, base)
    page.goto(f"{base}/stories/{data['story']}/overview")
    cells = page.locator("#heatmap rect.cell")
    assert cells.count() == len(data["matrix"]) * len(data["outlets"]) > 0
    states = {cells.nth(i).get_attribute("data-state") for i in range(cells.count())}
    assert {"corroborated", "unique", "absent"} <= states
    assert data["conflicts"], "the earthquake story should hold a figure conflict"
    table = page.locator("#conflicts table.conflict-table").first
    rows = table.locator("tr")
    assert rows.count() >= 3  # header and two outlets
    header = rows.first.inner_text().lower()
    assert "figure" in header and "as of" in header and "source sentence" in header
    first = data["conflicts"][0]["measures"][0]["rows"][0]
    assert str(first["value"]) in rows.nth(1).inner_text()
    # a synthesis citation scrolls to its sentence (the :target), no script involved
    cite = page.locator("#synthesis a.cite").first
    target = cite.get_attribute("href")
    cite.click()
    assert page.evaluate("location.hash") == target
    assert page.locator(f"#evidence li{target}").count() == 1


def test_browser_outlet_page_lists_a_blind_spot(server: tuple[str, str], page: Any) -> None:
    base, _ = server
    data = _earthquake(page, base)
    labels = [o["label"] for o in data["outlets"]]
    missing = [(row, labels[i]) for row in data["matrix"] if row["status"] == "corroborated"
               for i, cell in enumerate(row["cells"]) if cell["state"] == "absent"
               # a blind spot of the outlet: none of its articles (an outlet may file two) states the fact
               and all(c["state"] == "absent" for j, c in enumerate(row["cells"]) if labels[j] == labels[i])]
    assert missing, "a three-outlet story with partly shared facts leaves one outlet out of one"
    row, outlet = missing[0]
    page.goto(f"{base}/outlets")
    page.click(f"text={outlet}")
    spots = page.locator("#blind-spots li.blind-spot")
    assert spots.count() >= 1
    assert any(row["statement"][:60] in t for t in spots.all_inner_texts())
    spots.first.locator("a").click()  # the example opens the story at the fact's sentence
    assert "/overview#ev-" in page.url


def test_browser_search_finds_a_quote(server: tuple[str, str], page: Any) -> None:
    base, _ = server
    gold = json.loads((NEWS_DEV / "GOLD.json").read_text(encoding="utf-8"))["quotes"]
    chosen = {f"{p.parent.name}/{p.name}": outlet for outlet, p in corpus_files()}
    found = 0
    for key, quotes in gold.items():
        if key not in chosen:
            continue
        for q in [q for q in quotes if q.get("kind") == "direct"][:2]:
            words = sorted(re.findall(r"[A-Za-z]{5,}", q["text"]), key=len, reverse=True)[:3]
            page.goto(f"{base}/search")
            page.fill("#search-form input[name=q]", " ".join(words))
            page.select_option("#search-form select[name=kind]", "quote")
            page.click("#search-form button[type=submit]")
            hits = page.locator("ol.results li.result.quote")
            if any(chosen[key] in t for t in hits.all_inner_texts()):
                found += 1
    assert found >= 1, "no gold direct quote of the stored articles was found as a quote"


def test_browser_hostile_article_executes_nothing(server: tuple[str, str], page: Any) -> None:
    base, _ = server
    page.goto(f"{base}/search?q=harbour+chair")
    assert page.locator("ol.results li").count() >= 1
    assert "<script>" in page.locator("ol.results").inner_text() or "<img" in page.locator("ol.results").inner_text()
    page.goto(f"{base}/outlets/Hostile%20Times")
    stories = _json(page, f"{base}/api/stories")
    hostile = next(s for s in stories if any(a["outlet"] == "Hostile Times" for a in s["articles"]))
    for path in ("/", "/search?q=harbour&kind=quote", f"/articles/{hostile['articles'][0]['id']}", "/outlets"):
        page.goto(base + path)
        page.mouse.click(5, 5)
        assert page.evaluate("window.__pwned === undefined"), path
    assert not page.dialogs
    assert "window.__pwned" in HOSTILE  # the article did carry the script
