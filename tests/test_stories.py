"""Stories: the gold set, the seeds grouped among other events, merges and the time window."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.evaluate import group_gold_stories
from newsprism.settings import Settings
from newsprism.stories import StoryGrouper, bcubed

from .conftest import DATA

pytestmark = pytest.mark.slow
GOLD = DATA / "gold" / "stories" / "articles.jsonl"


def test_stories_gold_bcubed_floor():
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    events = {r["event"] for r in rows}
    assert len(events) >= 12 and all(sum(r["event"] == e for r in rows) >= 3 for e in events)
    p, r, f1, predicted = group_gold_stories(GOLD)
    assert f1 >= 0.9, (p, r, f1)
    # near misses stay apart: same town, same week, different events
    by_id = {row["id"]: row for row in rows}
    summit = {predicted[i] for i, row in by_id.items() if row["event"] == "halden-summit"}
    clashes = {predicted[i] for i, row in by_id.items() if row["event"] == "halden-clashes"}
    assert not summit & clashes


def test_stories_ingest_seeds_with_other_events(tmp_path, seeds):
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()][:9]
    feed = tmp_path / "others.jsonl"
    feed.write_text("\n".join(json.dumps({"title": r["title"], "maintext": r["text"], "date_publish": r["date"],
                                          "url": f"http://example.test/{r['id']}", "source_domain": r["source"]})
                              for r in rows), encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", "--db", db, str(seeds[0]), str(seeds[1]), str(feed)])
    assert result.exit_code == 0, result.stderr
    listed = json.loads(runner.invoke(app, ["stories", "--db", db, "--json"]).stdout)
    seed_story = [s for s in listed if any(a["source"].endswith(("000_c399c7057a43875d.txt",
                                                                 "001_c89a09e2af61da74.txt")) for a in s["articles"])]
    assert len(seed_story) == 1 and len(seed_story[0]["articles"]) == 2
    assert seed_story[0]["outlets"] == 2
    others = [s for s in listed if s is not seed_story[0]]
    assert len(others) == 3 and all(len(s["articles"]) == 3 for s in others)
    for s in listed:
        assert s["first_seen"] is not None and all(a["reason"] for a in s["articles"])
    compared = runner.invoke(app, ["compare", "--db", db, "--story", seed_story[0]["id"], "--json"])
    assert compared.exit_code == 0, compared.stderr
    assert {a["outlet"] for a in json.loads(compared.stdout)["articles"]} == {"Orinoco Tribune", None}
    again = runner.invoke(app, ["ingest", "--db", db, str(seeds[0]), str(feed)])
    assert "duplicates 10" in again.stdout
    assert json.loads(runner.invoke(app, ["stories", "--db", db, "--json"]).stdout) == listed


def _unit(v):  # type: ignore[no-untyped-def]
    v = np.asarray(v, dtype="float32")
    return v / np.linalg.norm(v)


def test_stories_window_and_merge():
    s = Settings(story_window_days=3, story_join_min=0.6, story_merge_min=0.75)
    g = StoryGrouper(s, dim=4)
    a = g.add("a", _unit([1, 0, 0, 0]), {"x"}, 100)
    b = g.add("b", _unit([1, 0.05, 0, 0]), {"x"}, 101)
    assert b.story_id == a.story_id and "joined" in b.reason
    late = g.add("c", _unit([1, 0.05, 0, 0]), {"x"}, 130)  # same topic, a month later: a new story
    assert late.new and "window" in late.reason
    # two stories that drift together are merged
    p = g.add("p", _unit([0, 1, 0, 0]), set(), 200)
    q = g.add("q", _unit([0, 0.6, 0.8, 0]), set(), 200)
    assert q.new  # cosine 0.6 with p: not enough to join
    for n in range(3):  # articles between the two pull q's centroid towards p until they are one story
        g.add(f"r{n}", _unit([0, 0.8, 0.6, 0]), set(), 200)
    assert g.resolve(p.story_id) == g.resolve(q.story_id)


def test_stories_bcubed():
    gold = {"1": "a", "2": "a", "3": "b"}
    assert bcubed(gold, {"1": "x", "2": "x", "3": "y"}) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed(gold, {"1": "x", "2": "x", "3": "x"})
    assert p < 1.0 and r == 1.0
