"""The HTML report in headless Chromium (Debian's chromium, driven by Playwright): side-by-side
columns, a click on a fact highlights it in every article, and no script from an article runs."""

from __future__ import annotations

import shutil

import pytest

from newsprism.stages import analyze_many
from newsprism.compare import compare_analyzed
from newsprism.report import html

from .conftest import make_article

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

HOSTILE = ("Council Votes On Budget <script>window.__pwned = 1</script>\n\n"
           "The city council approved the budget on Monday <img src=x onerror=\"window.__pwned=2\">, officials said. "
           "“We kept every library open,” said Mayor Rosa Lind. <b onclick=alert(1)>Click</b> "
           "The budget totals 12 million crowns. Council members debated the spending plan for more than four "
           "hours before the final vote, and the finance committee will publish the full figures next week.")
PLAIN = ("Budget Approved By Council\n\nThe city council approved the budget on Monday, officials said. "
         "“We kept every library open,” Mayor Rosa Lind said. The budget totals 12 million crowns, "
         "and opposition members voted against it.")


@pytest.fixture(scope="module")
def page(tmp_path_factory):  # type: ignore[no-untyped-def]
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    comparison = compare_analyzed(analyze_many([make_article(HOSTILE, "Hostile Times"), make_article(PLAIN, "Plain Post")]))
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(html.render(comparison), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        pg = browser.new_page()
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.goto(path.as_uri())
        yield pg, comparison, dialogs
        browser.close()


def test_report_browser_side_by_side(page):
    pg, comparison, _ = page
    columns = pg.locator("article.article")
    assert columns.count() == 2
    boxes = [columns.nth(i).bounding_box() for i in range(2)]
    assert boxes[0]["x"] < boxes[1]["x"] and abs(boxes[0]["y"] - boxes[1]["y"]) < 5  # side by side


def test_report_browser_click_highlights_in_both(page):
    pg, comparison, _ = page
    shared = next(f for f in comparison.facts if f.status == "corroborated")
    pg.locator(f'.facts li[data-fact="{shared.id}"]').click()
    highlighted = pg.locator("article.article .hl")
    assert highlighted.count() >= 2
    owners = {highlighted.nth(i).evaluate("el => el.closest('article').dataset.article")
              for i in range(highlighted.count())}
    assert owners == {a.id for a in comparison.articles}


def test_report_browser_article_scripts_do_not_run(page):
    pg, _, dialogs = page
    assert pg.evaluate("window.__pwned === undefined")
    assert not dialogs
    text = pg.locator("article.article").first.inner_text()
    assert "<script>" in text or "<img" in text  # shown as text, not markup
    pg.locator("article.article").first.locator("p").nth(1).click()
    assert not dialogs
