"""Stories that survive a crash and concurrent writers: every article ends in exactly one story, and
each story's stored count is its members."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism import pipeline
from newsprism.cli import app
from newsprism.errors import MalformedInput, StoreError
from newsprism.settings import Settings
from newsprism.store import Store

from .conftest import DATA

GOLD = DATA / "gold" / "stories" / "articles.jsonl"


def _rows() -> list[dict[str, str]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()][:9]  # 3 events × 3


def _write(path: Path, rows: list[dict[str, str]]) -> str:
    path.write_text("\n".join(json.dumps({"title": r["title"], "maintext": r["text"], "date_publish": r["date"],
                                          "url": f"http://example.test/{r['id']}", "source_domain": r["source"]})
                              for r in rows), encoding="utf-8")
    return str(path)


def _partition(db: str) -> frozenset[frozenset[str]]:
    """The stories as sets of article URLs."""
    con = sqlite3.connect(db)
    groups: dict[str, set[str]] = defaultdict(set)
    for url, story in con.execute("SELECT a.url, sa.story_id FROM story_articles sa JOIN articles a "
                                  "ON a.id = sa.article_id"):
        groups[story].add(url)
    con.close()
    return frozenset(frozenset(g) for g in groups.values())


def _assert_consistent(db: str, rows: list[dict[str, str]], events: bool = True) -> None:
    """Every stored article in exactly one live story; counts = members; (``events``) one story per event."""
    con = sqlite3.connect(db)
    articles = {r[0]: r[1] for r in con.execute("SELECT id, url FROM articles WHERE status = 'ok'")}
    grouped = dict(con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    live = {r[0] for r in con.execute("SELECT id FROM stories WHERE merged_into IS NULL")}
    counts = {r[0]: r[1] for r in con.execute("SELECT id, n FROM stories WHERE merged_into IS NULL")}
    con.close()
    assert len(articles) == len(rows) and set(grouped) == set(articles)  # one row per article: exactly one story
    assert set(grouped.values()) <= live
    members: dict[str, int] = defaultdict(int)
    for story in grouped.values():
        members[story] += 1
    assert {s: counts[s] for s in members} == dict(members)  # stored counts are the members
    if not events:
        return
    event_of = {f"http://example.test/{r['id']}": r["event"] for r in rows}
    stories_of_event: dict[str, set[str]] = defaultdict(set)
    for article, story in grouped.items():
        stories_of_event[event_of[articles[article]]].add(story)
    assert all(len(s) == 1 for s in stories_of_event.values())
    assert len(members) == len(stories_of_event) == 3


@pytest.mark.slow
def test_stories_killed_ingest_is_grouped_by_the_next_run(tmp_path, monkeypatch):
    rows = _rows()
    source = _write(tmp_path / "a.jsonl", rows)
    db = str(tmp_path / "k.db")

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # killed after storing, before grouping

    with monkeypatch.context() as m:
        m.setattr(pipeline, "group_into_stories", killed)
        with Store(db) as store, pytest.raises(KeyboardInterrupt):
            pipeline.ingest([source], store, assign_stories=True)
    with Store(db) as store:
        assert store.count() == 9 and len(store.ungrouped_articles()) == 9
        summary = pipeline.ingest([source], store, assign_stories=True)  # every article a duplicate now
        assert summary.duplicates == 9
    _assert_consistent(db, rows)


@pytest.mark.slow
def test_stories_killed_mid_grouping_resumes_with_regroup(tmp_path, monkeypatch):
    rows = _rows()
    source = _write(tmp_path / "a.jsonl", rows)
    db = str(tmp_path / "m.db")
    real = Store.group_locked
    calls = {"n": 0}

    def dies_on_second_chunk(self: Store, *args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as m:
        m.setattr(Store, "group_locked", dies_on_second_chunk)
        with Store(db) as store, pytest.raises(KeyboardInterrupt):
            pipeline.ingest([source], store, Settings(story_group_chunk=4), assign_stories=True)
    with Store(db) as store:
        left = len(store.ungrouped_articles())
    assert left == 5  # the first chunk of 4 was committed
    result = CliRunner().invoke(app, ["stories", "--db", db, "--regroup", "--json"])
    assert result.exit_code == 0, result.stderr
    assert sum(len(s["articles"]) for s in json.loads(result.stdout)) == 9
    _assert_consistent(db, rows)


@pytest.mark.slow
def test_stories_concurrent_ingests_are_serialised(tmp_path, monkeypatch):
    rows = _rows()
    halves = [_write(tmp_path / "a.jsonl", [r for i, r in enumerate(rows) if i % 3 != 2]),
              _write(tmp_path / "b.jsonl", [r for i, r in enumerate(rows) if i % 3 == 2])]
    db = str(tmp_path / "c.db")
    with Store(db):
        pass  # migrations applied once, before the writers start
    real_embed = pipeline.story_features
    lock = threading.Lock()
    both_embedded = threading.Barrier(2, timeout=300)

    def embed(articles, settings):  # type: ignore[no-untyped-def]
        with lock:  # one model call at a time; then both writers group at the same moment
            out = real_embed(articles, settings)
        both_embedded.wait()
        return out

    monkeypatch.setattr(pipeline, "story_features", embed)
    errors: list[BaseException] = []

    def writer(source: str) -> None:
        try:
            with Store(db) as store:
                pipeline.ingest([source], store, assign_stories=True)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(h,)) for h in halves]
    for t in threads:
        t.start()
    for t in threads:
        t.join(600)
    assert not errors
    _assert_consistent(db, rows, events=False)
    # serialised: the outcome is that of one ingest after the other, in one order or the other
    monkeypatch.setattr(pipeline, "story_features", real_embed)
    orders = []
    for name, order in (("ab", halves), ("ba", halves[::-1])):
        with Store(tmp_path / f"{name}.db") as store:
            for half in order:
                pipeline.ingest([half], store, assign_stories=True)
        orders.append(_partition(str(tmp_path / f"{name}.db")))
    assert _partition(db) in orders


def test_store_full_disk_while_recording_a_failure_is_np301(tmp_path):
    with Store(tmp_path / "full.db") as store:
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError) as exc:
            store.add_failure(MalformedInput("x" * 200_000, source="big.jsonl:1"))
    assert exc.value.code == "NP301" and "full" in exc.value.message


@pytest.mark.slow
def test_stories_sigkilled_ingest_resumes_with_every_article_in_one_story(tmp_path):
    """A real kill (SIGKILL, no clean-up) part-way through an ingest; the next run groups what was left."""
    import os
    import signal
    import subprocess
    import sys
    import time

    rows = [dict(r, id=f"{r['id']}-{k}", text=f"{r['text']} Update {k} of the day.") for k in range(8)
            for r in _rows()]
    source = _write(tmp_path / "many.jsonl", rows)
    db = str(tmp_path / "killed.db")
    proc = subprocess.Popen([sys.executable, "-m", "newsprism.cli", "ingest", "--db", db, source],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=5) as con:
                stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if stored >= len(rows) // 3:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert stored >= len(rows) // 3, "the ingest never got going"
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    result = CliRunner().invoke(app, ["ingest", "--db", db, source])  # the rerun stores the rest and groups all
    assert result.exit_code == 0, result.stderr
    _assert_consistent(db, rows, events=False)
    with Store(db) as store:
        assert not store.ungrouped_articles()
