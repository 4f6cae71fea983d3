"""Batch analysis through both engines: articles/s, peak memory per worker, identical tables.

Inputs: the 150 BASIL articles (read from ../shared/corpus at run time) plus generated variants (BASIL
paragraphs of one event recombined), written to a temporary JSONL file. The same file goes through
``newsprism batch`` on the local process pool and on a local Ray cluster (CPU only, no dashboard, a
200 MB object store) with the same number of workers; the two output folders are then compared table
by table. Full analysis is slow on a loaded 2-core machine: ``--n`` sets how many articles run.

    python benchmarks/batch.py --n 2000 --workers 2
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _util import peak_rss_mb

from newsprism.batch import read_table, run_batch
from newsprism.batch.core import compare_outputs
from newsprism.batch.corpus import basil_records, variant_records, write_jsonl
from newsprism.settings import Settings

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000, help="articles (150 BASIL, the rest generated)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shard-size", type=int, default=32)
    parser.add_argument("--engines", default="local,ray")
    args = parser.parse_args()
    base = basil_records(CORPUS / "basil" / "articles")
    records = base[:args.n] + list(variant_records(base, max(0, args.n - len(base))))
    settings = Settings(batch_shard_size=args.shard_size)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        n = write_jsonl(records, src)
        print(f"{n} articles ({min(n, len(base))} BASIL, {max(0, n - len(base))} generated), "
              f"{args.workers} workers, shards of {args.shard_size}")
        outs = {}
        for engine in args.engines.split(","):
            outs[engine] = Path(tmp) / engine
            firsts: list[float] = []
            started = time.perf_counter()

            def on_shard(row: dict[str, object], firsts: list[float] = firsts) -> None:
                firsts.append(time.perf_counter())

            summary = run_batch([str(src)], outs[engine], engine=engine, workers=args.workers, settings=settings,
                                on_shard=on_shard)
            total = time.perf_counter() - started
            articles = read_table(outs[engine], "articles").num_rows
            first_rows = read_table(outs[engine], "articles").num_rows / max(len(firsts), 1)
            steady = ((articles - first_rows) / (firsts[-1] - firsts[0])) if len(firsts) > 1 else 0.0
            workers = ", ".join(f"{v:.0f}" for v in sorted((summary.peak_rss_mb or {}).values()))
            print(f"{engine:5s}: {articles} articles, {summary.failures} failures in {total:.1f} s · "
                  f"{articles / total:.2f} articles/s overall (start-up and model loading included) · "
                  f"{steady:.2f} articles/s after the first shard · peak memory per worker {workers} MB")
        if len(outs) == 2:
            diffs = compare_outputs(*outs.values())
            print("tables identical on both engines" if not diffs else f"tables differ: {diffs}")
    print(f"driver peak memory {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
