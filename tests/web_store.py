"""A small store for the web app's browser tests and the screenshot script, built at run time from
../shared/corpus/news-dev (never copied into the repo): two events (three and two outlets) and one
hostile article, ingested as JSONL with the file's name as the outlet a user would type, grouped
into stories, and the multi-article stories compared (what ``newsprism stories --prepare`` does)."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.pipeline import analyze_cached, ingest
from newsprism.store import Store
from newsprism.web.app import prepare_story

NEWS_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news-dev"
EVENTS = {
    "2017-09-mexico-puebla-earthquake": ("sanangelonow-upi", "thenews-pk", "einnews"),
    "2015-07-el-chapo-prison-escape": ("aol-ap", "eaglenews-reuters"),
}
# Written for the tests (not corpus text): markup that must never run anywhere it is shown.
HOSTILE = ("Harbour Board <script>window.__pwned = 1</script> Names New Chair\n\n"
           "The harbour board named Lena Holt as its new chair on Monday, officials said. "
           "<img src=x onerror=\"window.__pwned = 2\"> \u201cWe will keep the <b onclick=alert(1)>harbour</b> "
           "open at night,\u201d Holt said. The vote split the board 5 to 4. Holt, a former ferry captain, has "
           "worked at the port for twenty years and takes over from a chair who retired in March after a decade.")


def corpus_files() -> list[tuple[str, Path]]:
    return [(outlet, NEWS_DEV / event / f"{outlet}.txt") for event, outlets in EVENTS.items() for outlet in outlets]


def build_store(folder: Path) -> Path:
    """Ingest the chosen news-dev files and the hostile article into ``folder/web.db``; returns its path."""
    db = folder / "web.db"
    if db.exists():  # a store kept from an earlier run (NEWSPRISM_WEB_TEST_STORE)
        return db
    lines = [json.dumps({"text": path.read_text(encoding="utf-8"), "outlet": outlet}) for outlet, path in corpus_files()]
    lines.append(json.dumps({"text": HOSTILE, "outlet": "Hostile Times", "date_publish": "2024-05-16"}))
    feed = folder / "news-dev.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(db) as store:
        ingest([str(feed)], store, assign_stories=True)
        analyze_cached(store, list(store.articles()))  # quotes become searchable
        for story in store.list_stories():
            if len(story["articles"]) > 1:
                prepare_story(store, story["id"])
    return db
