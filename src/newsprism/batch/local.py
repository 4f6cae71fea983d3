"""The local engine: a process pool on this machine (spawned workers, models loaded once per worker)."""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Sequence

from ..settings import DEFAULT, Settings
from .core import BatchSummary, OutputDir, Progress, Shard, ShardResult, load_models, peak_rss_mb, process_shard

_SETTINGS: Settings = DEFAULT


def _init_worker(settings: Settings, threads: int) -> None:
    global _SETTINGS
    _SETTINGS = settings
    load_models(threads)


def _run(shard: Shard) -> ShardResult:
    tables = process_shard(shard, _SETTINGS)
    return ShardResult(shard.id, tables, f"pid-{os.getpid()}", peak_rss_mb())


def run_local(shards: Sequence[Shard], out: OutputDir, settings: Settings = DEFAULT, workers: int = 1,
              on_shard: Progress | None = None, threads: int = 1) -> BatchSummary:
    """Analyse the shards on ``workers`` processes; the parent writes each shard as it completes."""
    summary = BatchSummary(peak_rss_mb={})
    started = time.perf_counter()
    by_id = {s.id: s for s in shards}
    queue = list(shards)
    if workers <= 0:  # in this process, one shard after another (debugging; no pool, no spawn)
        for shard in shards:
            _record(out, shard, ShardResult(shard.id, process_shard(shard, settings), f"pid-{os.getpid()}",
                                            peak_rss_mb()), summary, started, on_shard)
        return summary
    limit = max(1, workers) * max(1, settings.batch_in_flight)
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=ctx, initializer=_init_worker,
                             initargs=(settings, threads)) as pool:
        running: set[Future[ShardResult]] = set()
        while queue or running:
            while queue and len(running) < limit:  # backpressure: a bounded number of shards in flight
                running.add(pool.submit(_run, queue.pop(0)))
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for fut in finished:
                result = fut.result()
                _record(out, by_id[result.shard_id], result, summary, started, on_shard)
    summary.seconds = time.perf_counter() - started
    return summary


def _record(out: OutputDir, shard: Shard, result: ShardResult, summary: BatchSummary, started: float,
            on_shard: Progress | None) -> None:
    """Write a finished shard and count it."""
    row = out.write(shard, result)
    summary.shards += 1
    summary.articles += result.articles
    summary.failures += result.failures
    if summary.peak_rss_mb is not None:
        summary.peak_rss_mb[result.worker] = max(summary.peak_rss_mb.get(result.worker, 0.0), result.peak_rss_mb)
    summary.seconds = time.perf_counter() - started
    if on_shard:
        on_shard(row | {"articles_per_s": summary.rate, "articles": summary.articles})
