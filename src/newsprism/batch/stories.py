"""Stories from batch tables (``newsprism stories build DIR``) and the SQLite store as Parquet (``export``)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..settings import DEFAULT, Settings
from ..store import EXPORT_SQL, Store
from ..stories import Assignment, StoryGrouper, day_of, story_text
from .core import EMBEDDING_DIM, TABLES, read_table, rows_of, to_tables

STORIES_SCHEMA = pa.schema([("article_id", pa.string()), ("story_id", pa.string()), ("score", pa.float64()),
                            ("new", pa.bool_()), ("reason", pa.string())])


@dataclass
class StoriesSummary:
    articles: int
    stories: int
    seconds: float
    path: str

    def as_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "stories": self.stories, "seconds": round(self.seconds, 2),
                "path": self.path}


def vectors_of(column: pa.ChunkedArray | pa.Array, dim: int = EMBEDDING_DIM) -> Any:
    """A list<float32> column as an (n, dim) float32 matrix (zero-copy where Arrow allows)."""
    arr = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    return np.asarray(arr.flatten().to_numpy(zero_copy_only=False), dtype="float32").reshape(-1, dim)


def group_table(table: pa.Table, settings: Settings = DEFAULT) -> list[Assignment]:
    """Group the rows of an articles table (article_id, published, title, story_vector, story_names, story_terms,
    story_dates), in date order, with the same grouper the store uses; merged stories resolved."""
    table = table.filter(pc.is_valid(table["story_vector"]))
    n = table.num_rows
    cols = table.column_names

    data = {name: table[name].to_pylist() if name in cols else [None] * n
            for name in ("article_id", "published", "title", "story_names", "story_terms", "story_dates")}
    ids, published, titles = data["article_id"], data["published"], data["title"]
    names, terms, stated = data["story_names"], data["story_terms"], data["story_dates"]
    vectors = vectors_of(table["story_vector"]) if n else np.zeros((0, EMBEDDING_DIM), dtype="float32")
    del table  # the vectors are copied out; the Arrow table need not stay in memory
    order = sorted(range(n), key=lambda i: (published[i] or "9999", ids[i]))
    grouper = StoryGrouper(settings, dim=vectors.shape[1])
    out = []
    for i in order:
        days = {d for d in map(day_of, stated[i] or ()) if d is not None}
        out.append(grouper.add(str(ids[i]), vectors[i], set(names[i] or ()), day_of(published[i]), titles[i],
                               terms=set(terms[i] or ()), stated=days))
    return [Assignment(a.article_id, grouper.resolve(a.story_id), a.score, a.reason, a.new) for a in out]


def build_stories(out_dir: str | Path, settings: Settings = DEFAULT) -> StoriesSummary:
    """Group a batch output folder's articles into stories and write DIR/stories.parquet."""
    started = time.perf_counter()
    table = read_table(out_dir, "articles").select(["article_id", "published", "title", "story_vector",
                                                    "story_names", "story_terms", "story_dates"])
    assignments = group_table(table, settings)
    path = Path(out_dir) / "stories.parquet"
    write_assignments(assignments, path)
    return StoriesSummary(len(assignments), len({a.story_id for a in assignments}),
                          time.perf_counter() - started, str(path))


def write_assignments(assignments: list[Assignment], path: Path) -> None:
    rows = [{"article_id": a.article_id, "story_id": a.story_id, "score": float(a.score), "new": a.new,
             "reason": a.reason} for a in assignments]
    tmp = path.with_name(f".tmp-{path.name}")
    pq.write_table(pa.Table.from_pylist(rows, schema=STORIES_SCHEMA), tmp)
    tmp.replace(path)


def export_store(store: Store, out_dir: str | Path) -> dict[str, int]:
    """The store as Parquet files in DIR: the batch tables (from stored analyses; no story vectors) and the
    store's own tables (store_articles, store_failures, store_stories, store_story_articles). Returns rows per file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    seen: set[str] = set()
    for version, analyzed in store.analyses():
        if analyzed.id in seen:
            continue
        seen.add(analyzed.id)
        for name, part in rows_of(analyzed, f"store:{version}", None, set(), story_text(analyzed.article)).items():
            rows[name].extend(part)
    rows["failures"] = [{"shard": "store", "source": f["source"], "code": f["code"], "reason": f["reason"],
                         "message": f["message"], "article_id": None} for f in store.export_rows("store_failures")]
    counts: dict[str, int] = {}
    for name, table in to_tables(rows).items():
        pq.write_table(table, out / f"{name}.parquet")
        counts[name] = table.num_rows
    for name in EXPORT_SQL:
        plain = store.export_rows(name)
        table = pa.Table.from_pylist(plain) if plain else pa.table({})
        pq.write_table(table, out / f"{name}.parquet")
        counts[name] = len(plain)
    return counts
