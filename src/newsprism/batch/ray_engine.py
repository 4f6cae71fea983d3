"""The Ray engine: Ray Data ``map_batches`` over shards with an actor pool (models load once per actor).

With no address a local Ray cluster is started on this machine: CPU only, ``num_cpus`` = workers, no
dashboard, a small object store (setting ``batch_object_store_mb``). With ``--address`` the run joins an
existing cluster (``ray start --head`` on one machine, ``ray start --address …`` on the others); every
node needs newsprism and its model packages installed. Ray Data streams the shards (backpressure: at
most ``batch_in_flight`` shards queued per actor), the driver writes each finished shard and records it
in the manifest, exactly as the local engine does.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any, Sequence

import numpy as np
import ray

from ..settings import DEFAULT, Settings
from .core import (BatchSummary, OutputDir, Progress, Shard, ShardResult, load_models, peak_rss_mb, process_shard,
                   tables_from_bytes, tables_to_bytes)

MB = 1024 * 1024


class ShardActor:
    """One Ray actor: loads the models in its constructor, then analyses one shard per call."""

    def __init__(self, settings: Settings, threads: int) -> None:
        self.settings = settings
        load_models(threads)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        ids, payloads, workers, peaks = [], [], [], []
        for kind, paths, start, stop in zip(batch["kind"], batch["paths"], batch["start"], batch["stop"], strict=True):
            shard = Shard(str(kind), tuple(str(p) for p in paths), int(start), int(stop))
            tables = process_shard(shard, self.settings)
            ids.append(shard.id)
            payloads.append(tables_to_bytes(tables))
            workers.append(f"actor-{os.getpid()}")
            peaks.append(peak_rss_mb())
        return {"shard_id": np.array(ids, dtype=object), "payload": np.array(payloads, dtype=object),
                "worker": np.array(workers, dtype=object), "peak_rss_mb": np.array(peaks, dtype="float64")}


def start_ray(address: str | None, workers: int, settings: Settings = DEFAULT) -> None:
    """Join ``address``, or start a small local CPU-only cluster without a dashboard."""
    if ray.is_initialized():
        return
    env = {"env_vars": {"PYTHONPATH": os.environ.get("PYTHONPATH", ""), "TOKENIZERS_PARALLELISM": "false"}}
    if address:
        ray.init(address=address, runtime_env=env, log_to_driver=False, logging_level=logging.ERROR)
        return
    ray.init(num_cpus=max(1, workers), num_gpus=0, include_dashboard=False,
             object_store_memory=settings.batch_object_store_mb * MB, runtime_env=env,
             log_to_driver=False, logging_level=logging.ERROR, configure_logging=True)


def run_ray(shards: Sequence[Shard], out: OutputDir, settings: Settings = DEFAULT, workers: int = 1,
            address: str | None = None, on_shard: Progress | None = None, threads: int = 1) -> BatchSummary:
    """Analyse the shards on a Ray cluster; the driver writes each shard as it arrives."""
    summary = BatchSummary(peak_rss_mb={})
    started = time.perf_counter()
    if not shards:
        return summary
    start_ray(address, workers, settings)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    by_id = {s.id: s for s in shards}
    items = [{"kind": s.kind, "paths": list(s.paths), "start": s.start, "stop": s.stop} for s in shards]
    ds: Any = ray.data.from_items(items, override_num_blocks=len(items))
    ds = ds.map_batches(ShardActor, batch_size=1, batch_format="numpy", num_cpus=1,
                        fn_constructor_kwargs={"settings": settings, "threads": threads},
                        compute=ray.data.ActorPoolStrategy(
                            size=max(1, workers), max_tasks_in_flight_per_actor=max(1, settings.batch_in_flight)))
    for batch in ds.iter_batches(batch_size=1, batch_format="numpy", prefetch_batches=0):
        for sid, payload, worker, peak in zip(batch["shard_id"], batch["payload"], batch["worker"],
                                              batch["peak_rss_mb"], strict=True):
            result = ShardResult(str(sid), tables_from_bytes(bytes(payload)), str(worker), float(peak))
            row = out.write(by_id[result.shard_id], result)
            summary.shards += 1
            summary.articles += result.articles
            summary.failures += result.failures
            assert summary.peak_rss_mb is not None
            summary.peak_rss_mb[result.worker] = max(summary.peak_rss_mb.get(result.worker, 0.0), result.peak_rss_mb)
            summary.seconds = time.perf_counter() - started
            if on_shard:
                on_shard(row | {"articles_per_s": summary.rate, "articles": summary.articles})
    summary.seconds = time.perf_counter() - started
    return summary


def stop_ray() -> None:
    if ray.is_initialized():
        ray.shutdown()
