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

from ..records import content_id
from ..settings import DEFAULT, Settings
from ..store import EXPORT_SQL, Store
from ..stories import GraphGrouping, TokenSets, group_graph, story_text
from .core import EMBEDDING_DIM, SCHEMAS, TABLES, rows_of, table_files, to_tables

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


EPOCH_ORDINAL = 719163  # dt.date(1970, 1, 1).toordinal(): Arrow dates count days from 1970, day_of from year 1
COLUMNS = ["article_id", "published", "title", "story_vector", "story_names", "story_terms", "story_dates"]


def vectors_of(column: pa.ChunkedArray | pa.Array, dim: int = EMBEDDING_DIM, dtype: str = "float32") -> Any:
    """A list<float32> column as an (n, dim) matrix (float16 halves the memory of a large build)."""
    arr = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    return np.asarray(arr.flatten().to_numpy(zero_copy_only=False), dtype="float32").reshape(-1, dim).astype(dtype)


def _days(strings: pa.Array) -> Any:
    """ISO date strings (any time part ignored) as day ordinals, -1 where missing or unreadable."""
    if len(strings) == 0:
        return np.zeros(0, dtype="int64")
    head = pc.utf8_slice_codeunits(strings.cast(pa.string()), 0, 10)
    parsed = pc.strptime(head, format="%Y-%m-%d", unit="s", error_is_null=True).cast(pa.date32()).cast(pa.int32())
    return np.asarray(parsed.fill_null(-1 - EPOCH_ORDINAL).to_numpy(zero_copy_only=False), dtype="int64") + EPOCH_ORDINAL


def _latest(lists: pa.Array) -> Any:
    """The latest date of each list<string> row as a day ordinal, -1 when it has none."""
    out = np.full(len(lists), -1, dtype="int64")
    if len(lists):
        days = _days(pc.list_flatten(lists))
        parents = np.asarray(pc.list_parent_indices(lists).to_numpy(zero_copy_only=False), dtype="int64")
        np.maximum.at(out, parents, days)
    return out


def token_sets(lists: pa.Array, names: bool = False) -> TokenSets:
    """A list<string> column as :class:`TokenSets` (dictionary-encoded, no per-row Python)."""
    lengths = np.asarray(pc.list_value_length(lists).fill_null(0).to_numpy(zero_copy_only=False), dtype="int64")
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype("int64")
    flat = pc.list_flatten(lists)
    encoded = pc.dictionary_encode(flat)
    ids = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype="int64")
    weights = np.ones(len(ids), dtype="float32")
    if names and len(flat):
        weights = np.where(np.asarray(pc.match_substring(flat, " ").fill_null(False).to_numpy(
            zero_copy_only=False), dtype=bool), 1.0, 0.5).astype("float32")
    return TokenSets(indptr, ids, weights)


def _combined(table: pa.Table, name: str) -> pa.Array:
    col = table[name]
    return col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col


def _prepared(table: pa.Table) -> tuple[pa.Table, Any]:
    """An articles table's rows with a story vector (of the model's size: others are left out), less the vector
    column, and the vectors as float16."""
    table = table.filter(pc.fill_null(pc.equal(pc.list_value_length(table["story_vector"]), EMBEDDING_DIM), False))
    for name in COLUMNS:
        if name not in table.column_names:
            table = table.append_column(name, pa.nulls(table.num_rows, SCHEMAS["articles"].field(name).type))
    vectors = (vectors_of(table["story_vector"], dtype="float16") if table.num_rows
               else np.zeros((0, EMBEDDING_DIM), dtype="float16"))
    return table.drop_columns(["story_vector"]), vectors


def group_table(table: pa.Table, settings: Settings = DEFAULT) -> pa.Table:
    """Group the rows of an articles table (article_id, published, story_vector, story_names, story_terms,
    story_dates) with :func:`newsprism.stories.group_graph`; returns the stories table (one row per article
    with a story vector: its story, score, whether it starts the story, and the reason)."""
    rest, vectors = _prepared(table)
    return _group(rest, vectors, settings)


def _group(table: pa.Table, vectors: Any, settings: Settings) -> pa.Table:
    ids = _combined(table, "article_id")
    days = _days(_combined(table, "published"))
    stated = _latest(_combined(table, "story_dates"))
    names = token_sets(_combined(table, "story_names"), names=True)
    terms = token_sets(_combined(table, "story_terms"))
    del table  # what the grouping needs is copied out
    return stories_table(ids, group_graph(vectors, days, stated, names, terms, settings), settings)


def stories_table(ids: pa.Array, g: GraphGrouping, settings: Settings = DEFAULT) -> pa.Table:
    n = len(ids)
    if n == 0:
        return STORIES_SCHEMA.empty_table()
    id_list = ids.to_pylist()
    heads = np.unique(g.story)
    story_ids = np.empty(n, dtype=object)
    story_ids[heads] = [f"s-{content_id(str(id_list[i]))[:10]}" for i in heads.tolist()]
    new = g.story == np.arange(n)
    reasons = [g.reason(i, id_list, settings) if not is_new or g.partner[i] >= 0
               else "first article of its story (no neighbour scored story_link_min or more)"
               for i, is_new in enumerate(new.tolist())]
    return pa.table({"article_id": ids.cast(pa.string()), "story_id": pa.array(story_ids[g.story], pa.string()),
                     "score": pa.array(np.where(g.partner >= 0, g.score, 1.0).astype("float64")),
                     "new": pa.array(new), "reason": pa.array(reasons, pa.string())}, schema=STORIES_SCHEMA)


def build_stories(out_dir: str | Path, settings: Settings = DEFAULT) -> StoriesSummary:
    """Group a batch output folder's articles into stories and write DIR/stories.parquet. Shards are read
    one at a time and their vectors kept as float16, so memory stays near 0.8 KB per article plus the index."""
    started = time.perf_counter()
    parts, vectors = [], []
    for f in table_files(out_dir, "articles"):
        rest, v = _prepared(pq.read_table(f, columns=COLUMNS))
        parts.append(rest)
        vectors.append(v)
    if parts:
        table = pa.concat_tables(parts)
        matrix = np.concatenate(vectors) if len(vectors) > 1 else vectors[0]
    else:
        table, matrix = pa.schema([SCHEMAS["articles"].field(c) for c in COLUMNS if c != "story_vector"]
                                  ).empty_table(), np.zeros((0, EMBEDDING_DIM), dtype="float16")
    del parts, vectors
    stories = _group(table, matrix, settings)
    del table, matrix
    path = Path(out_dir) / "stories.parquet"
    tmp = path.with_name(f".tmp-{path.name}")
    pq.write_table(stories, tmp)
    tmp.replace(path)
    count = pc.count_distinct(stories["story_id"]).as_py() if stories.num_rows else 0
    return StoriesSummary(stories.num_rows, count, time.perf_counter() - started, str(path))


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
