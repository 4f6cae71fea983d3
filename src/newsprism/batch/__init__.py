"""Batch analysis at scale: shards of JSONL / WARC / Parquet / files → Parquet tables, on a local process pool
or on Ray Data, resumable through a manifest; stories grouped from the tables; the store exported to Parquet.

    from newsprism.batch import run_batch, build_stories, read_table
    summary = run_batch(["corpus.jsonl"], "out/", engine="local", workers=2)
    read_table("out/", "quotes").to_pandas()
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

from ..errors import ConfigError
from ..settings import DEFAULT, Settings
from .core import (MANIFEST, SCHEMAS, TABLES, BatchSummary, OutputDir, Progress, Shard, pending, plan_shards,
                   process_shard, read_table)
from .local import run_local
from .stories import build_stories, export_store

ENGINES = ("local", "ray")

__all__ = ["ENGINES", "MANIFEST", "SCHEMAS", "TABLES", "BatchSummary", "OutputDir", "Shard", "build_stories",
           "export_store", "pending", "plan_shards", "process_shard", "read_table", "run_batch"]


def run_batch(inputs: Sequence[str], out_dir: str | Path, engine: str = "local", workers: int = 1,
              address: str | None = None, settings: Settings = DEFAULT,
              on_shard: Progress | None = None) -> BatchSummary:
    """Analyse every shard of the inputs not yet in DIR's manifest and write its tables under DIR."""
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    out = OutputDir(out_dir, settings)
    todo, skipped = pending(plan_shards(inputs, settings), out)
    threads = max(1, (os.cpu_count() or 1) // max(1, workers))
    if not todo:
        summary = BatchSummary(peak_rss_mb={})
    elif engine == "local":
        summary = run_local(todo, out, settings, workers, on_shard, threads)
    else:
        from . import ray_engine  # noqa: PLC0415 - Ray is heavy to import; only this engine needs it

        summary = ray_engine.run_ray(todo, out, settings, workers, address, on_shard, threads)
    summary.skipped_shards = skipped
    return summary
