"""Parquet: one article per row, with the columns a JSONL line has (title, maintext/text, url, date …)."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

import pyarrow.parquet as pq

from ..errors import InputError, MalformedInput, Unreadable
from ..records import RawDocument
from .jsonl import record_to_document


def parquet_rows(path: str) -> int:
    """Rows in a Parquet file (from its footer; nothing else is read)."""
    return int(pq.ParquetFile(path).metadata.num_rows)


def read_parquet(path: str, start: int = 0, stop: int | None = None) -> Iterator[RawDocument | InputError]:
    """Documents from rows ``start`` to ``stop`` (end exclusive) of a Parquet file."""
    try:
        table = pq.read_table(path)
    except (OSError, ValueError) as exc:
        yield Unreadable(f"not a readable Parquet file ({type(exc).__name__})", source=path)
        return
    stop = table.num_rows if stop is None else min(stop, table.num_rows)
    for n, row in enumerate(table.slice(start, max(stop - start, 0)).to_pylist(), start=start):
        where = f"{path}:{n}"
        if not isinstance(row, dict):
            yield MalformedInput(f"row {n} is not a record", source=where)
            continue
        plain = {k: v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for k, v in row.items()}
        yield record_to_document(plain, where, f"row {n}")
