"""Latency of the newsroom pages (story overview, outlet, search, feeds, compare form) on the browser
tests' store (tests/web_store.py: news-dev read at run time), in process with Starlette's TestClient
(no network). Prints p50/p90/max milliseconds per page and the store build time; nothing asserted.

    PYTHONPATH=src python benchmarks/web_pages.py [--store DIR] [--n 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    from fastapi.testclient import TestClient

    from newsprism.web.app import create_app
    from tests.web_store import build_store

    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--n", type=int, default=30)
    args = parser.parse_args()
    folder = args.store or Path(tempfile.mkdtemp(prefix="newsprism-pages-"))
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    db = build_store(folder)
    print(f"store ready in {time.perf_counter() - start:.1f} s ({db})")
    client = TestClient(create_app(str(db)), base_url="http://127.0.0.1")
    story = max(client.get("/api/stories").json(), key=lambda s: len(s["articles"]))
    outlet = story["articles"][0]["outlet"]
    pages = {"story overview": f"/stories/{story['id']}/overview",
             "story overview JSON": f"/api/stories/{story['id']}/overview",
             "outlet": f"/outlets/{outlet}", "search": "/search?q=killed+people",
             "search quotes JSON": "/api/search?q=said&kind=quote", "feeds": "/feeds", "compare form": "/compare"}
    print(f"{'page':<22}{'p50 ms':>8}{'p90 ms':>8}{'max ms':>8}  status")
    for name, path in pages.items():
        times = []
        status = 0
        for _ in range(args.n):
            t = time.perf_counter()
            status = client.get(path).status_code
            times.append(1000 * (time.perf_counter() - t))
        times.sort()
        print(f"{name:<22}{statistics.median(times):>8.1f}{times[int(0.9 * (len(times) - 1))]:>8.1f}"
              f"{times[-1]:>8.1f}  {status}")


if __name__ == "__main__":
    main()
