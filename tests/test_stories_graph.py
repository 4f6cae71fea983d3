"""Stories at scale (``stories build``): the pair graph, its IVF path and the Parquet reader; no models."""

from __future__ import annotations

import json

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.batch import SCHEMAS, build_stories
from newsprism.batch.core import MANIFEST
from newsprism.settings import Settings
from newsprism.stories import TokenSets, bcubed, group_graph

DIM = 16


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype("float32")


def _events(n_events: int, per: int, seed: int = 1, dim: int = DIM) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = _unit(rng.normal(size=(n_events, dim)))
    event = np.repeat(np.arange(n_events), per)
    vectors = _unit(0.93 * centres[event] + 0.37 * _unit(rng.normal(size=(len(event), dim))))
    return vectors, event


def _none(n: int) -> TokenSets:
    return TokenSets.from_sets([set() for _ in range(n)])


def test_graph_links_close_articles_and_keeps_windows_and_stated_dates_apart():
    v, event = _events(3, 4)
    n = len(v)
    days = np.full(n, 1000)
    days[event == 1] = 1030  # event 1 a month later
    stated = np.full(n, -1)
    g = group_graph(v, days, stated, _none(n), _none(n), Settings())
    assert len(set(g.story.tolist())) == 3
    assert bcubed({str(i): str(e) for i, e in enumerate(event)}, {str(i): str(s) for i, s in enumerate(g.story)})[2] == 1.0
    # each story is named after its earliest article and every article has a reason with its numbers
    assert all(g.story[i] <= i for i in range(n))
    ids = [f"a{i}" for i in range(n)]
    assert g.reason(1, ids).startswith("linked to a") and "cosine" in g.reason(1, ids)
    # the same vectors a month apart never link: the window
    twin = np.concatenate([v[:4], v[:4]])
    apart = group_graph(twin, np.array([1000] * 4 + [1040] * 4), np.full(8, -1), _none(8), _none(8), Settings())
    assert set(apart.story[:4]) != set(apart.story[4:])
    # undated, the texts' stated dates a year apart cost story_date_conflict_penalty: they stay apart ...
    stated2 = np.array([737000] * 4 + [737365] * 4)
    kept = group_graph(twin, np.full(8, -1), stated2, _none(8), _none(8), Settings())
    assert set(kept.story[:4]).isdisjoint(set(kept.story[4:]))
    # ... and without them they are one story
    assert len(set(group_graph(twin, np.full(8, -1), np.full(8, -1), _none(8), _none(8), Settings()).story)) == 1


def test_graph_shared_names_and_terms_add_to_the_score():
    rng = np.random.default_rng(5)
    base = _unit(rng.normal(size=DIM))
    other = _unit(base + 1.2 * _unit(rng.normal(size=DIM)))
    cos = float(base @ other)
    v = np.stack([base, other])
    s = Settings(story_link_min=0.8 * cos + 0.05)
    apart = group_graph(v, np.full(2, -1), np.full(2, -1), _none(2), _none(2), s)
    assert apart.story[1] != apart.story[0] and apart.partner[1] == -1
    names = TokenSets.from_sets([{"kim jong un", "hanoi"}, {"kim jong un", "hanoi"}], names=True)
    assert names.shared(np.array([0]), np.array([1])).tolist() == [1.5]  # full name 1 + single word 0.5
    terms = TokenSets.from_sets([{"metropole", "yongbyon"}, {"metropole", "yongbyon"}])
    joined = group_graph(v, np.full(2, -1), np.full(2, -1), names, terms, s)
    assert joined.story[1] == joined.story[0] and joined.partner[1] == 0
    assert abs(joined.names[1] - 1.5) < 1e-6 and joined.terms[1] == 2.0


def test_graph_ivf_path_and_rare_token_blocking_match_the_exact_path():
    v, event = _events(300, 4, seed=2, dim=64)
    n = len(v)
    terms = TokenSets.from_sets([{f"t{e}"} for e in event])
    gold = {str(i): str(e) for i, e in enumerate(event)}
    exact = group_graph(v, np.full(n, -1), np.full(n, -1), _none(n), terms, Settings(story_link_min=0.6))
    ivf = group_graph(v.astype("float16"), np.full(n, -1), np.full(n, -1), _none(n), terms,
                      Settings(story_link_min=0.6, story_exact_max=100, story_ann_dims=16, story_ivf_nprobe=2))
    f_exact = bcubed(gold, {str(i): str(s) for i, s in enumerate(exact.story)})[2]
    f_ivf = bcubed(gold, {str(i): str(s) for i, s in enumerate(ivf.story)})[2]
    assert f_exact > 0.95 and f_ivf > 0.95, (f_exact, f_ivf)
    assert group_graph(np.zeros((0, DIM), dtype="float32"), [], [], _none(0), _none(0)).story.shape == (0,)


def test_build_stories_reads_parquet_batch_output(tmp_path):
    v, event = _events(2, 3, seed=3, dim=384)
    rows = []
    for i, e in enumerate(event):
        rows.append({"article_id": f"a{i}", "shard": "s1", "title": f"t{i}",
                     "published": ["2020-03-01T10:00:00", "2020-03-02", "not a date"][i % 3],
                     "story_vector": v[i].tolist(), "story_names": [f"name {e}"], "story_terms": [f"term{e}"],
                     "story_dates": ["2020-03-01"] if e == 0 else []})
    far = _unit(np.ones(384)).tolist()  # the same story vector published three months apart: two stories
    rows += [{"article_id": f"far{i}", "shard": "s1", "published": day, "story_vector": far}
             for i, day in enumerate(["2020-03-01", "2020-06-01"])]
    rows.append({"article_id": "no-vector", "shard": "s1", "story_vector": None})
    rows.append({"article_id": "short-vector", "shard": "s1", "story_vector": [0.5, 0.5]})  # damaged: left out
    table = pa.Table.from_pylist(rows, schema=SCHEMAS["articles"])
    (tmp_path / "articles").mkdir()
    pq.write_table(table, tmp_path / "articles" / "s1.parquet")
    pq.write_table(table, tmp_path / "articles" / "s2.parquet")  # not in the manifest: not read
    (tmp_path / MANIFEST).write_text(json.dumps({"shard": "s1"}) + "\n", encoding="utf-8")
    summary = build_stories(tmp_path)
    stories = pq.read_table(summary.path).to_pylist()
    assert summary.articles == 8 and summary.stories == 4 and len(stories) == 8
    by_id = {r["article_id"]: r for r in stories}
    assert {by_id[f"a{i}"]["story_id"] for i in range(3)}.isdisjoint({by_id[f"a{i}"]["story_id"] for i in range(3, 6)})
    assert sum(r["new"] for r in stories) == 4 and all(r["reason"] for r in stories)
    assert all(r["story_id"].startswith("s-") for r in stories)
    assert by_id["far0"]["story_id"] != by_id["far1"]["story_id"]
