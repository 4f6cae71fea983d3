"""Store: migrations, idempotent ingest, failures as data, consistency after SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from newsprism.errors import EmptyInput
from newsprism.pipeline import ingest
from newsprism.store import MIGRATIONS, Store

BODY = ("Council workers began clearing the flooded underpass on Monday morning, the city said, after two days "
        "of heavy rain left cars stranded and shops closed along the riverside road. Engineers will inspect "
        "the drains this week.")


def test_store_migrations_are_named_and_recorded(tmp_path):
    path = tmp_path / "n.db"
    with Store(path) as store:
        assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
    with Store(path) as store:  # re-opening applies nothing twice
        assert store.applied_migrations() == [name for name, _ in MIGRATIONS]


def test_store_reingest_is_a_noop(tmp_path, seeds):
    with Store(":memory:") as store:
        first = ingest([str(s) for s in seeds], store)
        again = ingest([str(s) for s in seeds], store)
        assert (first.stored, first.duplicates) == (2, 0)
        assert (again.stored, again.duplicates) == (0, 2)
        assert store.count() == 2
        stored = {a.id: a for a in store.articles()}
        assert {a.outlet for a in stored.values()} == {"Orinoco Tribune", None}


def test_store_failures_are_recorded_and_batch_goes_on(tmp_path, seeds):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with Store(":memory:") as store:
        summary = ingest([str(empty), str(seeds[0]), str(tmp_path / "missing.txt")], store)
        assert summary.stored == 1
        assert dict(summary.skipped) == {"empty": 1, "unreadable": 1}
        rows = store.failures()
        assert [(r["code"], r["reason"]) for r in rows] == [(EmptyInput.code, "empty"), ("NP106", "unreadable")]


def test_store_sigkill_leaves_database_consistent(tmp_path):
    corpus = tmp_path / "batch"
    corpus.mkdir()
    n_files = 1500
    for n in range(n_files):
        (corpus / f"{n:05d}.txt").write_text(f"Underpass Flood Update Number {n}\n\n{BODY} Bulletin {n}.", encoding="utf-8")
    db = tmp_path / "kill.db"
    proc = subprocess.Popen([sys.executable, "-m", "newsprism.cli", "ingest", "--db", str(db), str(corpus)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    count = 0
    while time.time() < deadline:
        time.sleep(0.05)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=5) as conn:
                    count = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if count >= 50:
                break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert count >= 50, "the batch never got going"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = conn.execute("SELECT id, data FROM articles").fetchall()
    assert len(rows) >= count and len(rows) < n_files  # killed halfway, kept what was committed
    for ident, data in rows:
        assert json.loads(data)["id"] == ident  # every committed row is whole
    conn.close()
    with Store(db) as store:  # a second run completes the batch without duplicating anything
        summary = ingest([str(corpus)], store)
        assert summary.duplicates == len(rows)
        assert store.count() == n_files
