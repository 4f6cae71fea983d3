"""The web app under load, loopback only and bounded in time.

Builds (or reuses) a store of 2,000 articles — BASIL and PolNeAR articles read from ../shared/corpus
at run time, topped up with generated ones — groups them into stories, prepares a few multi-outlet
stories (analysis + comparison stored, as `newsprism stories --prepare` does), starts `newsprism serve`
on 127.0.0.1, starts an ingest of more articles into the same store, and drives the index, a story
page, an article page and a story's JSON twin with concurrent clients. Prints requests/s, p50/p99
latency and errors per page. Nothing here is asserted; the issue's target is ≥ 200 requests/s for the
story and article pages, p99 < 500 ms, 0 errors.

    python benchmarks/web_load.py [--db PATH] [--seconds 8] [--workers 8]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _util import fake_article

import httpx

from newsprism.pipeline import ingest
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.web.app import prepare_story

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
N_ARTICLES = 2000
N_PREPARED = 3
DEADLINE_S = 1500  # the whole benchmark stops here, whatever it is doing


def _corpus_rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted((CORPUS / "basil" / "articles").glob("*/*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p) if isinstance(p, list) else str(p) for p in d.get("body-paragraphs") or []]
        rows.append({"title": d["title"], "maintext": "\n\n".join(paragraphs), "date_publish": d.get("date"),
                     "url": f"http://basil.test/{path.stem}", "source_domain": d.get("source")})
    for path in sorted((CORPUS / "polnear").glob("*/text/*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        rows.append({"title": title.strip(), "maintext": body.strip(), "url": f"http://polnear.test/{path.stem}"})
    return rows


def _generated(n: int, seed: int, prefix: str) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        title, paragraphs = fake_article(rng)
        out.append({"title": f"{title} ({prefix} {i})", "maintext": "\n\n".join(paragraphs),
                    "date_publish": f"2026-0{1 + i % 9}-1{i % 9}", "url": f"http://{prefix}.test/{i}",
                    "source_domain": f"{prefix}-{i % 7}.example"})
    return out


def _write_jsonl(path: Path, rows: list[dict[str, str]]) -> str:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return str(path)


def build_store(db: Path, work: Path) -> list[str]:
    """The store (2,000 articles, grouped) and the ids of the stories prepared for serving."""
    with Store(db) as store:
        if store.count() < N_ARTICLES:
            rows = _corpus_rows()[:N_ARTICLES]
            rows += _generated(N_ARTICLES - len(rows), 7, "gen")
            t = time.perf_counter()
            summary = ingest([_write_jsonl(work / "base.jsonl", rows)], store, assign_stories=True)
            print(f"store: ingested and grouped {summary.stored} articles in {time.perf_counter() - t:.0f} s "
                  f"({summary.duplicates} duplicates, {sum(summary.skipped.values())} skipped)")
        stories = [s for s in store.list_stories() if len({a["outlet"] for a in s["articles"]}) >= 2
                   and 2 <= len(s["articles"]) <= 4]
        chosen = [s["id"] for s in stories[:N_PREPARED]]
        t = time.perf_counter()
        for sid in chosen:
            if store.get_comparison(sid) is None:
                prepare_story(store, sid, Settings())
        print(f"store: {store.count()} articles, {store.count_stories()} stories; {len(chosen)} stories prepared "
              f"in {time.perf_counter() - t:.0f} s")
        return chosen


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_up(base: str, proc: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        try:
            if httpx.get(f"{base}/api/stories", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("the server did not come up")


def drive(base: str, path: str, seconds: float, workers: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        mine: list[float] = []
        bad = 0
        with httpx.Client(base_url=base, timeout=10) as http:
            while time.monotonic() < stop:
                t = time.perf_counter()
                try:
                    r = http.get(path)
                    r.read()
                    if r.status_code != 200:
                        bad += 1
                except httpx.HTTPError:
                    bad += 1
                mine.append(time.perf_counter() - t)
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client) for _ in range(workers)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    latencies.sort()
    n = len(latencies)
    return {"requests": n, "rps": n / elapsed, "p50_ms": 1000 * latencies[n // 2] if n else 0.0,
            "p99_ms": 1000 * latencies[min(n - 1, int(n * 0.99))] if n else 0.0, "errors": errors[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "newsprism-web-load-base.db"),
                        help="the base store (built on the first run, reused after; never written by the load run)")
    parser.add_argument("--seconds", type=float, default=8.0, help="seconds of load per page")
    parser.add_argument("--workers", type=int, default=8, help="concurrent clients")
    args = parser.parse_args()
    signal.alarm(DEADLINE_S)  # bounded: SIGALRM ends the run (and the finally below its children)
    work = Path(tempfile.mkdtemp(prefix="newsprism-web-load-"))
    stories = build_store(Path(args.db), work)
    if not stories:
        raise SystemExit("no multi-outlet story to serve")
    run_db = str(work / "run.db")  # a copy: the live ingest writes there, so every run starts from the same store
    with sqlite3.connect(args.db) as source, sqlite3.connect(run_db) as copy:
        source.backup(copy)
    with Store(run_db) as store:
        article = store.story_article_ids(stories[0])[0]
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    server = subprocess.Popen([sys.executable, "-m", "newsprism.cli", "serve", "--db", run_db, "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    extra = _write_jsonl(work / "extra.jsonl", _generated(400, int(time.time()), "live"))
    ingesting = subprocess.Popen([sys.executable, "-m", "newsprism.cli", "ingest", "--db", run_db, extra],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_up(base, server)
        pages = [("index", "/"), ("story", f"/stories/{stories[0]}"), ("article", f"/articles/{article}"),
                 ("story JSON twin", f"/api/stories/{stories[0]}")]
        print(f"load: {args.workers} clients, {args.seconds:g} s per page, loopback, an ingest of 400 articles "
              "running alongside")
        for name, path in pages:
            r = drive(base, path, args.seconds, args.workers)
            running = "yes" if ingesting.poll() is None else "finished"
            print(f"{name:16s} {r['requests']:6.0f} requests · {r['rps']:7.1f} req/s · p50 {r['p50_ms']:6.1f} ms · "
                  f"p99 {r['p99_ms']:6.1f} ms · errors {r['errors']:.0f} · ingest {running}")
        stale = httpx.get(f"{base}/stories/{stories[0]}", timeout=10).headers.get("x-newsprism-stale")
        print(f"story page served from the stored comparison (stale while its story changed: {bool(stale)})")
    finally:
        for proc in (ingesting, server):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
