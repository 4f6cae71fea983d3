"""Screenshots of the web app's story, compare and outlet pages (for review; not committed).

    PYTHONPATH=src python scripts/screenshots.py OUT_DIR [--store DIR]

Builds the browser tests' store from ../shared/corpus/news-dev (tests/web_store.py; kept in --store
to reuse), serves the app on 127.0.0.1 in a thread, runs one compare job on two texts written here,
and saves full-page PNGs with Debian's chromium (Playwright)."""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
TEXTS = (("Plain Post", "Council Approves Budget\n\nThe city council approved the budget on Monday, officials said. "
                        "\u201cWe kept every library open,\u201d Mayor Rosa Lind said. The budget totals 12 million crowns."),
         ("Other Herald", "Budget Passes After Long Debate\n\nThe city council approved the budget on Monday. "
                          "\u201cWe kept every library open,\u201d said Mayor Rosa Lind. The budget totals 14 million "
                          "crowns, and opposition members voted against it."))


def main() -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from newsprism.web.app import create_app
    from tests.web_store import build_store

    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--store", type=Path, default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    folder = args.store or Path(tempfile.mkdtemp(prefix="newsprism-shots-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = str(build_store(folder))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        stories = json.loads(page.request.get(f"{base}/api/stories").text())
        story = max(stories, key=lambda s: len(s["articles"]))
        page.goto(f"{base}/stories/{story['id']}/overview")
        page.screenshot(path=str(args.out / "story.png"), full_page=True)
        overview = json.loads(page.request.get(f"{base}/api/stories/{story['id']}/overview").text())
        outlet = max(overview["outlets"], key=lambda o: sum(r["cells"][o["n"] - 1]["state"] == "absent"
                                                             for r in overview["matrix"] if r["status"] == "corroborated"))
        page.goto(f"{base}/outlets/{outlet['label']}")
        page.screenshot(path=str(args.out / "outlet.png"), full_page=True)
        page.goto(f"{base}/compare")
        for n, (outlet_name, text) in enumerate(TEXTS, 1):
            page.fill(f"textarea[name=text{n}]", text)
            page.fill(f"input[name=outlet{n}]", outlet_name)
        page.screenshot(path=str(args.out / "compare-form.png"), full_page=True)
        page.click("#compare-form button[type=submit]")
        page.wait_for_url("**/jobs/*")
        page.screenshot(path=str(args.out / "compare-job.png"), full_page=True)
        job = page.url.rsplit("/", 1)[1]
        while json.loads(page.request.get(f"{base}/api/jobs/{job}").text())["status"] in ("queued", "running"):
            time.sleep(1)
        page.goto(f"{base}/compare/{job}")
        page.screenshot(path=str(args.out / "compare-result.png"), full_page=True)
        page.goto(f"{base}/search?q=killed&kind=quote")
        page.screenshot(path=str(args.out / "search.png"), full_page=True)
        browser.close()
    server.should_exit = True
    print("\n".join(str(p) for p in sorted(args.out.glob("*.png"))))


if __name__ == "__main__":
    main()
