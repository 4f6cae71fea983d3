"""Group up to 1,000,000 articles from Parquet: ``newsprism stories build`` on generated batch output.

Articles are generated as the batch's articles table holds them (a story vector, names, event terms and a
date per article; the model's cost is measured in benchmarks/batch.py): events over two years, each a
direction in the 384-d embedding space that shares a component with one of ``events / 100`` topics (two
events of one topic: cosine about 0.3); an article is its event's direction plus noise, its share of the
event drawn so that two articles of one event have a cosine of 0.6 to 0.95, median about 0.78 (real
coverage: news-dev same-event pairs 10th/50th/90th percentile 0.57/0.75/0.86, BASIL 0.69/0.81/0.87), dated
within a few days of its event, with names drawn from the event's cast and terms from its key terms. They
are written as Parquet shards with a manifest, like ``newsprism batch`` output, then grouped by
:func:`newsprism.batch.build_stories` (which reads the Parquet shard by shard, links candidate pairs found
by faiss and rare-token blocking, and writes stories.parquet). Targets on the 2-core machine: 1,000,000
articles in under 10 minutes and under 8 GB.

    python benchmarks/stories_scale.py --articles 1000000 --events 250000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from _util import peak_rss_mb

from newsprism.batch import SCHEMAS, build_stories
from newsprism.batch.core import MANIFEST, TABLES
from newsprism.settings import Settings
from newsprism.stages import analysis_key
from newsprism.stories import bcubed

DIM = 384
CHUNK = 100_000
START = dt.date(2023, 1, 1).toordinal()


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype("float32")


def write_articles(out: Path, n_articles: int, n_events: int, seed: int = 3) -> np.ndarray:
    """Write generated articles as batch output under ``out``; returns each article's event."""
    rng = np.random.default_rng(seed)
    topics = _unit(rng.normal(size=(max(1, n_events // 100), DIM)).astype("float32"))
    centres = _unit(rng.normal(size=(n_events, DIM)).astype("float32"))
    centres = _unit(np.sqrt(0.3) * topics[rng.integers(0, len(topics), size=n_events)] + np.sqrt(0.7) * centres)
    event_days = rng.integers(0, 730, size=n_events)
    events = rng.integers(0, n_events, size=n_articles)
    schema = SCHEMAS["articles"]
    key = analysis_key(Settings())
    for name in TABLES:
        (out / name).mkdir(parents=True, exist_ok=True)
    with open(out / MANIFEST, "w", encoding="utf-8") as manifest:
        for c, lo in enumerate(range(0, n_articles, CHUNK)):
            ev = events[lo:lo + CHUNK]
            noise = _unit(rng.normal(size=(len(ev), DIM)).astype("float32"))
            share = np.sqrt(rng.uniform(0.6, 0.95, size=(len(ev), 1))).astype("float32")  # cosine to the event
            vectors = _unit(share * centres[ev] + np.sqrt(1 - share ** 2) * noise)
            days = event_days[ev] + rng.integers(0, 4, size=len(ev))
            cast = rng.integers(0, 4, size=(len(ev), 2))
            terms = rng.integers(0, 8, size=(len(ev), 3))
            columns = {
                "article_id": [f"a{lo + i}" for i in range(len(ev))],
                "shard": [f"gen{c}"] * len(ev),
                "published": [dt.date.fromordinal(START + int(d)).isoformat() for d in days],
                "story_vector": pa.FixedSizeListArray.from_arrays(pa.array(vectors.reshape(-1)), DIM).cast(
                    pa.list_(pa.float32())),
                "story_names": [[f"name{e}-{a}", f"place{e % 500}"] for e, (a, _b) in zip(ev, cast, strict=True)],
                "story_terms": [[f"term{e}-{t}" for t in ts] for e, ts in zip(ev, terms, strict=True)],
                "story_dates": [[] for _ in range(len(ev))],
            }
            arrays = [columns[f.name] if f.name in columns else pa.nulls(len(ev), f.type) for f in schema]
            table = pa.Table.from_arrays([pa.array(a, type=f.type) if not isinstance(a, pa.Array) else a
                                          for a, f in zip(arrays, schema, strict=True)], schema=schema)
            sid = f"gen{c:04d}"
            pq.write_table(table, out / "articles" / f"{sid}.parquet")
            manifest.write(json.dumps({"shard": sid, "analysis_key": key, "rows": {"articles": len(ev)}}) + "\n")
    return events


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=250_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        started = time.perf_counter()
        events = write_articles(out, args.articles, args.events)
        size = sum(f.stat().st_size for f in (out / "articles").glob("*.parquet"))
        print(f"wrote {args.articles:,} articles ({args.events:,} events) as Parquet, {size / 1e6:,.0f} MB, "
              f"in {time.perf_counter() - started:.1f} s · peak memory {peak_rss_mb():,.0f} MB")
        cpu = time.process_time()
        summary = build_stories(out)
        cpu = time.process_time() - cpu
        stories = pq.read_table(summary.path, columns=["article_id", "story_id"])
        predicted = dict(zip(stories["article_id"].to_pylist(), stories["story_id"].to_pylist(), strict=True))
        gold = {f"a{i}": str(e) for i, e in enumerate(events)}
        p, r, f1 = bcubed(gold, predicted)
        print(f"stories build: {summary.articles:,} articles into {summary.stories:,} stories in "
              f"{summary.seconds:.1f} s ({summary.articles / summary.seconds:,.0f} articles/s, Parquet read and "
              f"stories.parquet write included) · peak memory {peak_rss_mb():,.0f} MB · "
              f"B-cubed P {p:.3f} R {r:.3f} F1 {f1:.3f}")
        print(f"stories build CPU time {cpu:.1f} s (all threads; wall {summary.seconds:.1f} s) · load average "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
