"""Time to compare 5 articles of ~800 words, cold (models loading) and warm, with peak memory.
Target: under 3 s warm on a 2-core machine."""

from __future__ import annotations

import random
import time

from _util import fake_article, peak_rss_mb

from newsprism.stages import analyze_many
from newsprism.compare import compare_analyzed
from newsprism.extract import extract
from newsprism.records import RawDocument


def articles(seed: int) -> list:
    rng = random.Random(seed)
    out = []
    for i in range(5):
        title, paragraphs = fake_article(rng, n_paragraphs=22)
        text = "\n\n".join([title, *paragraphs])
        out.append(extract(RawDocument(source=f"bench{i}.txt", data=text.encode(), kind="text")))
    return out


def run(batch: list) -> float:
    start = time.perf_counter()
    compare_analyzed(analyze_many(batch))
    return time.perf_counter() - start


def main() -> None:
    first = articles(1)
    words = sum(len(a.text.split()) for a in first) / len(first)
    cold = run(first)
    warm = [run(articles(s)) for s in (2, 3, 4)]
    print(f"compare 5 articles (~{words:.0f} words each): cold {cold:.2f} s (models loading) · "
          f"warm {min(warm):.2f}–{max(warm):.2f} s · peak memory {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
