"""Batch: shards, failures as rows, the manifest, both engines giving the same tables, kill and resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet  # noqa: F401 - pa.parquet
import pytest
from typer.testing import CliRunner

from newsprism.batch import OutputDir, pending, plan_shards, process_shard, read_table, run_batch
from newsprism.batch.core import TABLES, ShardResult, compare_outputs, tables_from_bytes, tables_to_bytes
from newsprism.batch.corpus import basil_records, write_jsonl
from newsprism.batch.stories import build_stories
from newsprism.cli import app
from newsprism.settings import Settings

from .conftest import CORPUS, ROOT

BASIL = CORPUS / "basil" / "articles"


def _broken_jsonl(path: Path, n: int) -> None:
    lines = ["{not json", json.dumps([1, 2]), json.dumps({"title": "only a title"})]
    path.write_text("\n".join(lines[i % 3] for i in range(n)) + "\n", encoding="utf-8")


def test_shards_are_stable_slices(tmp_path):
    src = tmp_path / "in.jsonl"
    _broken_jsonl(src, 7)
    (tmp_path / "files").mkdir()
    for i in range(5):
        (tmp_path / "files" / f"{i}.txt").write_text("x", encoding="utf-8")
    s = Settings(batch_shard_size=3)
    shards = plan_shards([str(src), str(tmp_path / "files")], s)
    assert [(sh.kind, sh.start, sh.stop) for sh in shards[:3]] == [("jsonl", 0, 3), ("jsonl", 3, 6), ("jsonl", 6, 7)]
    assert [len(sh.paths) for sh in shards[3:]] == [3, 2]
    assert [sh.id for sh in plan_shards([str(src), str(tmp_path / "files")], s)] == [sh.id for sh in shards]
    assert len({sh.id for sh in shards}) == len(shards)


def test_failures_are_rows_with_their_line(tmp_path):
    src = tmp_path / "in.jsonl"
    _broken_jsonl(src, 5)
    shard = plan_shards([str(src)], Settings(batch_shard_size=2))[1]  # lines 3 and 4
    tables = process_shard(shard)
    fails = tables["failures"].to_pylist()
    assert [f["source"] for f in fails] == [f"{src}:3", f"{src}:4"]
    assert {f["code"] for f in fails} == {"NP120"} and all(f["shard"] == shard.id for f in fails)
    assert tables["articles"].num_rows == 0
    again = tables_from_bytes(tables_to_bytes(tables))
    assert all(again[t].equals(tables[t]) for t in TABLES)


def test_manifest_skips_written_shards_and_ignores_temp_files(tmp_path):
    src = tmp_path / "in.jsonl"
    _broken_jsonl(src, 6)
    s = Settings(batch_shard_size=2)
    out = OutputDir(tmp_path / "out", s)
    shards = plan_shards([str(src)], s)
    first = shards[0]
    out.write(first, ShardResult(first.id, process_shard(first, s), "test", 0.0))
    # a shard killed between writing and recording: its file exists, the manifest does not name it
    orphan = shards[1]
    (tmp_path / "out" / "failures" / f".tmp-{orphan.id}.parquet").write_bytes(b"torn")
    todo, skipped = pending(shards, out)
    assert skipped == 1 and [t.id for t in todo] == [sh.id for sh in shards[1:]]
    assert read_table(tmp_path / "out", "failures").num_rows == 2
    summary = run_batch([str(src)], tmp_path / "out", settings=s, workers=0)  # in process; no models needed
    assert (summary.shards, summary.skipped_shards, summary.failures) == (2, 1, 4)
    sources = read_table(tmp_path / "out", "failures")["source"].to_pylist()
    assert sorted(sources) == sorted(f"{src}:{n}" for n in range(1, 7))


def _basil_jsonl(path: Path, n: int) -> list[str]:
    records = basil_records(BASIL)[:n]
    write_jsonl(records + [{"title": "empty", "maintext": ""}], path)
    return [r["url"] for r in records]


@pytest.mark.slow
def test_local_and_ray_engines_give_the_same_tables(tmp_path):
    src = tmp_path / "in.jsonl"
    urls = _basil_jsonl(src, 4)
    runner = CliRunner()
    outs = {}
    for engine in ("local", "ray"):
        outs[engine] = tmp_path / engine
        result = runner.invoke(app, ["batch", str(src), "--out", str(outs[engine]), "--engine", engine,
                                     "--workers", "1", "--set", "batch_shard_size=2", "--json"])
        assert result.exit_code == 0, result.stderr
        summary = json.loads(result.stdout)
        assert (summary["articles"], summary["failures"]) == (4, 1)
    from newsprism.batch import ray_engine

    ray_engine.stop_ray()
    assert compare_outputs(outs["local"], outs["ray"]) == {}
    articles = read_table(outs["ray"], "articles")
    assert sorted(articles["source"].to_pylist()) == sorted(urls)
    assert read_table(outs["ray"], "quotes").num_rows > 0 and read_table(outs["ray"], "entities").num_rows > 0
    assert len(articles["story_vector"][0].as_py()) == 384
    # a rerun has nothing to do
    again = runner.invoke(app, ["batch", str(src), "--out", str(outs["local"]), "--set", "batch_shard_size=2",
                                "--json"])
    assert json.loads(again.stdout)["shards"] == 0 and json.loads(again.stdout)["skipped_shards"] == 3
    built = build_stories(outs["local"])
    stories = pa.parquet.read_table(built.path)
    assert stories.num_rows == 4 and set(stories["article_id"].to_pylist()) == set(articles["article_id"].to_pylist())


@pytest.mark.slow
def test_killed_run_resumes_without_lost_or_duplicated_rows(tmp_path):
    src = tmp_path / "in.jsonl"
    urls = _basil_jsonl(src, 8)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "newsprism.cli", "batch", str(src), "--out", str(out), "--workers", "1",
           "--set", "batch_shard_size=2", "--set", "batch_in_flight=1"]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen(cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    manifest = out / "manifest.jsonl"
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if manifest.exists() and manifest.read_text(encoding="utf-8").strip():
            break
        time.sleep(0.2)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its worker processes
    proc.wait()
    written = len(manifest.read_text(encoding="utf-8").splitlines())
    assert 1 <= written < 5
    resumed = subprocess.run(cmd + ["--json"], env=env, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout)
    assert summary["skipped_shards"] == written and summary["shards"] == 5 - written
    articles = read_table(out, "articles")
    ids = articles["article_id"].to_pylist()
    assert len(ids) == len(set(ids)) == 8 and sorted(articles["source"].to_pylist()) == sorted(urls)
    assert read_table(out, "failures").num_rows == 1
    for name in ("entities", "quotes", "claims"):
        table = read_table(out, name)
        assert set(table["article_id"].to_pylist()) <= set(ids)
    rows = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    assert len({r["shard"] for r in rows}) == len(rows) == 5


def test_export_writes_the_store_tables(tmp_path, seeds):
    runner = CliRunner()
    db = str(tmp_path / "s.db")
    missing = tmp_path / "missing.txt"
    ingested = runner.invoke(app, ["ingest", "--db", db, "--no-stories", str(seeds[0]), str(missing)])
    assert ingested.exit_code == 0, ingested.stderr
    result = runner.invoke(app, ["export", "--db", db, "--parquet", str(tmp_path / "pq")])
    assert result.exit_code == 0, result.stderr
    stored = pa.parquet.read_table(tmp_path / "pq" / "store_articles.parquet")
    assert stored.num_rows == 1 and stored["source"][0].as_py() == str(seeds[0])
    failures = pa.parquet.read_table(tmp_path / "pq" / "failures.parquet")
    assert failures["source"].to_pylist() == [str(missing)] and failures["code"][0].as_py().startswith("NP")
    assert pa.parquet.read_table(tmp_path / "pq" / "quotes.parquet").num_rows == 0  # nothing analysed yet


def test_batch_slow_page_fails_as_timeout_row_and_the_shard_goes_on(tmp_path):
    """The per-article time budget holds in batch mode too: a page that takes too long is a failure row."""
    from newsprism.batch.core import Shard, process_shard
    from newsprism.settings import Settings

    slow = tmp_path / "a_slow.html"  # under max_html_tags, but far more than the budget to extract
    slow.write_text("<html><body>" + "".join(f"<p>paragraph {i} of many</p>" for i in range(20_000)) + "</body></html>")
    tables = process_shard(Shard(kind="files", paths=(str(slow),)), Settings(article_time_budget=0.05))
    failures = tables["failures"].to_pylist()
    assert [f["reason"] for f in failures] == ["timeout"] and failures[0]["source"] == str(slow)
