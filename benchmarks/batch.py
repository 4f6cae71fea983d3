"""Batch analysis through both engines: articles/s, peak memory per worker, identical tables, Ray's overhead.

Inputs: the 150 BASIL articles (read from ../shared/corpus at run time) plus generated variants (BASIL
paragraphs of one event recombined), written as JSONL parts. The same parts go through ``newsprism batch``
on the local process pool and on a local Ray cluster (CPU only, no dashboard, a 200 MB object store) with
the same number of workers, interleaved: part 1 local then Ray, part 2 Ray then local, and so on, so that
load from other jobs falls on both engines alike and the Ray/local ratio is measured within one run. Each
engine writes one output folder (its manifest grows part by part); at the end the two folders are compared
table by table.

Rates: "steady" counts the articles after each call's first shard over the time after it (model loading
and pool start-up left out; both engines start a fresh pool per part); "overall" includes everything.

Resumable: ``--work DIR`` keeps the parts, both output folders and ``results.jsonl`` (one line per finished
engine call); run the same command again after a kill and it skips the shards and calls already done,
then prints the summary over all of them.

    python benchmarks/batch.py --articles 2000 --workers 2 --work /tmp/nb-batch
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from _util import peak_rss_mb

from newsprism.batch import read_table, run_batch
from newsprism.batch.core import compare_outputs
from newsprism.batch.corpus import basil_records, variant_records, write_jsonl
from newsprism.settings import Settings

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def write_parts(work: Path, articles: int, parts: int) -> list[Path]:
    """The input parts (written once; a rerun with other figures is refused rather than mixed)."""
    meta = work / "inputs.json"
    wanted = {"articles": articles, "parts": parts}
    paths = [work / f"in-{i + 1}.jsonl" for i in range(parts)]
    if meta.exists():
        if json.loads(meta.read_text(encoding="utf-8")) != wanted:
            raise SystemExit(f"{work} holds a run with {meta.read_text(encoding='utf-8')}; use another --work")
        return paths
    base = basil_records(CORPUS / "basil" / "articles")
    if not base:
        raise SystemExit(f"BASIL not found under {CORPUS}; the benchmark reads it at run time")
    records = base[:articles] + list(variant_records(base, max(0, articles - len(base))))
    # spread BASIL and generated articles over the parts alike
    for i, path in enumerate(paths):
        write_jsonl(records[i::parts], path)
    meta.write_text(json.dumps(wanted), encoding="utf-8")
    return paths


def run_call(engine: str, part: Path, out: Path, workers: int, settings: Settings) -> dict[str, Any]:
    times: list[float] = []
    counts: list[int] = []

    def on_shard(row: dict[str, Any]) -> None:
        times.append(time.perf_counter())
        counts.append(int(row.get("articles", 0)))

    started = time.perf_counter()
    summary = run_batch([str(part)], out, engine=engine, workers=workers, settings=settings, on_shard=on_shard)
    total = time.perf_counter() - started
    steady_articles = counts[-1] - counts[0] if len(counts) > 1 else 0
    steady_seconds = times[-1] - times[0] if len(times) > 1 else 0.0
    return {"engine": engine, "part": part.name, "shards": summary.shards, "articles": summary.articles,
            "failures": summary.failures, "seconds": round(total, 2), "steady_articles": steady_articles,
            "steady_seconds": round(steady_seconds, 2), "peak_rss_mb": summary.peak_rss_mb or {}}


def report(results: list[dict[str, Any]], engines: list[str]) -> dict[str, dict[str, float]]:
    rates: dict[str, dict[str, float]] = {}
    for engine in engines:
        mine = [r for r in results if r["engine"] == engine]
        articles = sum(r["articles"] for r in mine)
        seconds = sum(r["seconds"] for r in mine)
        steady_a = sum(r["steady_articles"] for r in mine)
        steady_s = sum(r["steady_seconds"] for r in mine)
        peaks = sorted(v for r in mine for v in r["peak_rss_mb"].values())
        rates[engine] = {"overall": articles / seconds if seconds else 0.0,
                         "steady": steady_a / steady_s if steady_s else 0.0}
        print(f"{engine:5s}: {articles} articles, {sum(r['failures'] for r in mine)} failures in {seconds:.1f} s "
              f"({len(mine)} calls) · {rates[engine]['overall']:.2f} articles/s overall · "
              f"{rates[engine]['steady']:.2f} articles/s steady · peak memory per worker "
              f"{max(peaks) if peaks else 0:.0f} MB (max over {len(peaks)} worker-calls)")
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", "--n", type=int, default=2000, help="articles (150 BASIL, the rest generated)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shard-size", type=int, default=16)
    parser.add_argument("--parts", type=int, default=2, help="interleaved parts (each engine runs each part once)")
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--work", default=None, help="folder kept between runs (resumable); default: a temporary one")
    args = parser.parse_args()
    engines = [e for e in args.engines.split(",") if e]
    settings = Settings(batch_shard_size=args.shard_size)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.work).resolve() if args.work else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        parts = write_parts(work, args.articles, max(1, args.parts))
        log = work / "results.jsonl"
        results = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
        done = {(r["engine"], r["part"]) for r in results}
        print(f"{args.articles} articles ({min(args.articles, 150)} BASIL, {max(0, args.articles - 150)} generated) "
              f"in {len(parts)} parts, {args.workers} workers per engine, shards of {args.shard_size}, work {work}"
              + (f" · resuming: {len(done)} engine calls already done" if done else ""))
        try:
            for i, part in enumerate(parts):
                for engine in (engines if i % 2 == 0 else engines[::-1]):  # interleaved: load hits both alike
                    if (engine, part.name) in done:
                        continue
                    row = run_call(engine, part, work / engine, args.workers, settings)
                    print(f"  {part.name} {engine:5s}: {row['articles']} articles in {row['seconds']:.1f} s "
                          f"({row['steady_articles']} in {row['steady_seconds']:.1f} s after the first shard)",
                          flush=True)
                    with open(log, "a", encoding="utf-8") as fh:
                        fh.write(json.dumps(row) + "\n")
                    results.append(row)
        finally:
            if "ray" in engines:
                from newsprism.batch import ray_engine

                ray_engine.stop_ray()
        print("== summary ==")
        rates = report(results, engines)
        if len(engines) == 2:
            a, b = engines
            if rates[a]["steady"] and rates[b]["steady"]:
                print(f"{b}/{a} throughput: {rates[b]['steady'] / rates[a]['steady']:.2f} steady, "
                      f"{rates[b]['overall'] / max(rates[a]['overall'], 1e-9):.2f} overall (same run, interleaved)")
            diffs = compare_outputs(work / a, work / b)
            rows = read_table(work / a, "articles").num_rows
            print(f"tables identical on both engines ({rows} article rows)" if not diffs else f"tables differ: {diffs}")
        print(f"driver peak memory {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
