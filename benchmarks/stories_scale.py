"""Group 100,000 articles with the story grouper: wall time, articles/s, peak memory, B-cubed.

Articles are generated as precomputed embeddings (the model's cost is measured in
benchmarks/ingest.py and compare.py; here the grouping itself is measured): 25,000 events over two
years, each a random direction in the 384-d embedding space; an article is its event's direction
plus noise (cosine ≈ 0.75 to it), with a date within a few days of its event and names drawn from the
event's cast. Targets on the 2-core machine: under 5 minutes and under 4 GB."""

from __future__ import annotations

import argparse
import random
import time

import numpy as np
from _util import peak_rss_mb

from newsprism.settings import Settings
from newsprism.stories import StoryGrouper, bcubed


def generate(n_articles: int, n_events: int, dim: int = 384, seed: int = 3):
    rng = np.random.default_rng(seed)
    pyrng = random.Random(seed)
    centres = rng.normal(size=(n_events, dim)).astype("float32")
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    days = rng.integers(0, 730, size=n_events)
    events = rng.integers(0, n_events, size=n_articles)
    noise = rng.normal(size=(n_articles, dim)).astype("float32")
    noise /= np.linalg.norm(noise, axis=1, keepdims=True)
    vectors = 0.8 * centres[events] + 0.6 * noise
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    article_days = days[events] + rng.integers(0, 4, size=n_articles)
    names = [{f"name{e}-{pyrng.randrange(4)}", f"place{e % 500}"} for e in events]
    order = np.argsort(article_days, kind="stable")
    return vectors[order], article_days[order], [names[i] for i in order], events[order]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=25_000)
    args = parser.parse_args()
    vectors, days, names, events = generate(args.articles, args.events)
    grouper = StoryGrouper(Settings())
    start = time.perf_counter()
    predicted = {}
    for i in range(len(vectors)):
        predicted[str(i)] = grouper.add(str(i), vectors[i], names[i], int(days[i])).story_id
    elapsed = time.perf_counter() - start
    predicted = {k: grouper.resolve(v) for k, v in predicted.items()}
    p, r, f1 = bcubed({str(i): str(e) for i, e in enumerate(events)}, predicted)
    print(f"grouped {len(vectors):,} articles into {len(set(predicted.values())):,} stories "
          f"({args.events:,} generated events) in {elapsed:.1f} s · {len(vectors) / elapsed:,.0f} articles/s · "
          f"peak memory {peak_rss_mb():,.0f} MB · B-cubed P {p:.3f} R {r:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
