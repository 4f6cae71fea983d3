"""Engine-agnostic batch core: shards, the per-shard function, table schemas, the output folder.

A *shard* is a slice of the inputs (lines of a JSONL file, rows of a Parquet file, one WARC file, or
a group of plain files) named by a stable id. :func:`process_shard` reads, cleans and analyses one
shard and returns one Arrow table per output table; every input that could not be read, cleaned or
analysed becomes a row of ``failures`` instead. :class:`OutputDir` writes a shard's tables under
temporary names, renames them into place and only then records the shard in ``manifest.jsonl``, so a
killed run loses at most the shards in flight and a rerun skips the shards already recorded.
Engines (``local.py``, ``ray_engine.py``) only decide where :func:`process_shard` runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import resource
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import pyarrow as pa
import pyarrow.parquet as pq
import torch

from .. import nlp
from ..errors import InputError, NewsprismError, TooLarge
from ..extract import extract
from ..pipeline import time_budget
from ..records import AnalyzedArticle, Article
from ..settings import DEFAULT, Settings
from ..sources import expand_specs, iter_documents
from ..sources.jsonl import read_jsonl
from ..sources.parquet import parquet_rows, read_parquet
from ..sources.warc import read_warc
from ..stages import analysis_key, analyze_many
from ..stories import story_features, story_text

MANIFEST = "manifest.jsonl"
EMBEDDING_DIM = 384

# ----------------------------------------------------------------------------------------------- schemas

_STR = pa.string()
_INT = pa.int64()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", _STR), ("shard", _STR), ("source", _STR), ("url", _STR), ("title", _STR),
        ("outlet", _STR), ("author", _STR), ("published", _STR), ("language", _STR), ("text", _STR),
        ("n_sentences", _INT), ("n_entities", _INT), ("n_quotes", _INT), ("n_claims", _INT),
        ("n_framing", _INT), ("n_issues", _INT), ("story_text", _STR),
        ("story_vector", pa.list_(pa.float32())), ("story_names", pa.list_(_STR)),
        ("story_terms", pa.list_(_STR)), ("story_dates", pa.list_(_STR)),
    ]),
    "entities": pa.schema([
        ("article_id", _STR), ("entity_id", _STR), ("name", _STR), ("type", _STR), ("mentions", _INT),
        ("first_start", _INT), ("first_end", _INT), ("roles", pa.list_(_STR)),
    ]),
    "quotes": pa.schema([
        ("article_id", _STR), ("i", _INT), ("text", _STR), ("start", _INT), ("end", _INT), ("speaker", _STR),
        ("speaker_id", _STR), ("cue", _STR), ("kind", _STR), ("via", _STR), ("rule", _STR), ("sentence", _INT),
    ]),
    "claims": pa.schema([
        ("article_id", _STR), ("claim_id", _STR), ("sentence", _INT), ("start", _INT), ("end", _INT),
        ("text", _STR), ("part", _STR), ("quote", pa.bool_()), ("heading", pa.bool_()), ("asserted_by", _STR),
        ("asserted_by_name", _STR), ("entities", pa.list_(_STR)), ("values_json", _STR),
    ]),
    "framing": pa.schema([
        ("article_id", _STR), ("start", _INT), ("end", _INT), ("text", _STR), ("cue", _STR), ("grade", _STR),
        ("target", _STR), ("speaker", _STR), ("reason", _STR),
    ]),
    "issues": pa.schema([
        ("article_id", _STR), ("kind", _STR), ("start", _INT), ("end", _INT), ("text", _STR), ("reason", _STR),
    ]),
    "failures": pa.schema([
        ("shard", _STR), ("source", _STR), ("code", _STR), ("reason", _STR), ("message", _STR),
        ("article_id", _STR),
    ]),
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)

# ----------------------------------------------------------------------------------------------- shards


@dataclass(frozen=True)
class Shard:
    """A slice of the inputs: ``kind`` jsonl/parquet (rows start..stop of ``paths[0]``), warc, or files."""

    kind: str
    paths: tuple[str, ...]
    start: int = 0
    stop: int = 0

    @property
    def id(self) -> str:
        basis = json.dumps([self.kind, self.paths, self.start, self.stop])
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]

    def describe(self) -> str:
        if self.kind in ("jsonl", "parquet"):
            return f"{self.paths[0]}[{self.start}:{self.stop}]"
        return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} (+{len(self.paths) - 1} files)"


def _jsonl_lines(path: str) -> int:
    with open(path, "rb") as fh:
        return sum(1 for _ in fh)


def plan_shards(inputs: Sequence[str], settings: Settings = DEFAULT) -> list[Shard]:
    """Split the inputs into shards of about ``batch_shard_size`` articles (stable ids, input order)."""
    size = max(1, settings.batch_shard_size)
    shards: list[Shard] = []
    loose: list[str] = []

    def flush() -> None:
        for i in range(0, len(loose), size):
            shards.append(Shard("files", tuple(loose[i:i + size])))
        loose.clear()

    for path in expand_specs(inputs):
        lower = path.lower()
        if lower.endswith((".jsonl", ".ndjson")) and os.path.isfile(path):
            kind, rows = "jsonl", _jsonl_lines(path)
        elif lower.endswith(".parquet") and os.path.isfile(path):
            try:
                kind, rows = "parquet", parquet_rows(path)
            except (OSError, ValueError):
                kind, rows = "parquet", 1  # one shard; reading it records the failure
        elif lower.endswith((".warc", ".warc.gz", ".arc.gz")):
            flush()
            shards.append(Shard("warc", (path,)))
            continue
        else:
            loose.append(path)
            continue
        flush()
        shards.extend(Shard(kind, (path,), i, min(i + size, rows)) for i in range(0, max(rows, 1), size))
    flush()
    return shards


def read_shard(shard: Shard, settings: Settings = DEFAULT) -> Iterator[Any]:
    """The RawDocuments (or InputErrors) of one shard."""
    if shard.kind == "jsonl":
        path = shard.paths[0]
        with open(path, "rb") as fh:
            lines = [line for n, line in enumerate(fh) if shard.start <= n < shard.stop]
        text = b"".join(lines).decode("utf-8", errors="replace")
        yield from read_jsonl(text, path, first_line=shard.start + 1)
    elif shard.kind == "parquet":
        yield from read_parquet(shard.paths[0], shard.start, shard.stop)
    elif shard.kind == "warc":
        yield from read_warc(shard.paths[0], settings)
    else:
        yield from iter_documents(list(shard.paths), settings)


# ----------------------------------------------------------------------------------------------- per shard


def load_models(threads: int = 1) -> None:
    """Load the models once in this process (engines call it when a worker or actor starts).

    ``threads``: torch and ONNX Runtime threads of this process; one per worker keeps a pool from
    oversubscribing cores.
    """
    torch.set_num_threads(max(1, threads))
    nlp.set_threads(threads)
    nlp.spacy_pipeline()
    nlp.embed(["warm up"])


def peak_rss_mb() -> float:
    """This process's peak resident memory (MB, from getrusage)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _failure(shard: str, error: NewsprismError | Exception, source: str | None = None) -> dict[str, Any]:
    if isinstance(error, NewsprismError):
        return {"shard": shard, "source": error.source or source or "", "code": error.code, "reason": error.reason,
                "message": " ".join(error.message.split()), "article_id": error.article_id}
    return {"shard": shard, "source": source or "", "code": "NP999", "reason": "internal",
            "message": f"{type(error).__name__}: {' '.join(str(error).split())}", "article_id": None}


def _analyse(articles: list[Article], settings: Settings, shard: str,
             failures: list[dict[str, Any]]) -> list[AnalyzedArticle]:
    """All at once (within ``article_time_budget`` per article); when that fails or runs out of time, one by
    one, each under its own budget, so one bad or endless article costs only its own row."""
    try:
        with time_budget(settings.article_time_budget * len(articles), shard, "analysis"):
            return analyze_many(articles, settings)
    except Exception:  # noqa: BLE001 - retried per article below, where the failure is recorded
        out = []
        for article in articles:
            try:
                with time_budget(settings.article_time_budget, article.source, "analysis"):
                    out.extend(analyze_many([article], settings))
            except Exception as exc:  # noqa: BLE001 - recorded as a failure row
                failures.append(_failure(shard, exc, article.source) | {"article_id": article.id})
        return out


def rows_of(analyzed: AnalyzedArticle, shard: str, vector: Sequence[float] | None, names: set[str],
            lead: str, terms: set[str] = frozenset(),  # type: ignore[assignment]
            stated: set[int] = frozenset()) -> dict[str, list[dict[str, Any]]]:  # type: ignore[assignment]
    """The table rows of one analysed article."""
    a, aid = analyzed.article, analyzed.id
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    out["articles"].append({
        "article_id": aid, "shard": shard, "source": a.source, "url": a.url, "title": a.title, "outlet": a.outlet,
        "author": a.author, "published": a.published, "language": a.language, "text": a.text,
        "n_sentences": len(analyzed.sentences), "n_entities": len(analyzed.entities),
        "n_quotes": len(analyzed.quotes), "n_claims": len(analyzed.claims), "n_framing": len(analyzed.framing),
        "n_issues": len(analyzed.issues), "story_text": lead, "story_vector": None if vector is None else [float(x) for x in vector],
        "story_names": sorted(names), "story_terms": sorted(terms),
        "story_dates": [dt.date.fromordinal(d).isoformat() for d in sorted(stated)]})
    for e in analyzed.entities:
        first = e.mentions[0] if e.mentions else None
        out["entities"].append({"article_id": aid, "entity_id": e.id, "name": e.name, "type": e.type,
                                "mentions": len(e.mentions), "first_start": first.start if first else None,
                                "first_end": first.end if first else None, "roles": list(e.roles)})
    for i, q in enumerate(analyzed.quotes):
        out["quotes"].append({"article_id": aid, "i": i, "text": q.text, "start": q.start, "end": q.end,
                              "speaker": q.speaker, "speaker_id": q.speaker_id, "cue": q.cue, "kind": q.kind,
                              "via": q.via, "rule": q.rule, "sentence": q.sentence})
    for c in analyzed.claims:
        out["claims"].append({"article_id": aid, "claim_id": c.id, "sentence": c.sentence, "start": c.start,
                              "end": c.end, "text": c.text, "part": c.part, "quote": c.quote, "heading": c.heading,
                              "asserted_by": c.asserted_by, "asserted_by_name": c.asserted_by_name,
                              "entities": list(c.entities),
                              "values_json": json.dumps([v.to_dict() for v in c.values], ensure_ascii=False)})
    for f in analyzed.framing:
        out["framing"].append({"article_id": aid, "start": f.start, "end": f.end, "text": f.text, "cue": f.cue,
                               "grade": f.grade, "target": f.target, "speaker": f.speaker, "reason": f.reason})
    for s in analyzed.issues:
        out["issues"].append({"article_id": aid, "kind": s.kind, "start": s.start, "end": s.end, "text": s.text,
                              "reason": s.reason})
    return out


def to_tables(rows: dict[str, list[dict[str, Any]]]) -> dict[str, pa.Table]:
    return {name: pa.Table.from_pylist(rows.get(name, []), schema=SCHEMAS[name]) for name in TABLES}


def process_shard(shard: Shard, settings: Settings = DEFAULT) -> dict[str, pa.Table]:
    """Read → extract → analyse one shard; one Arrow table per output table (failures as rows)."""
    sid = shard.id
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    articles: list[Article] = []
    seen: set[str] = set()
    for item in read_shard(shard, settings):
        if isinstance(item, InputError):
            rows["failures"].append(_failure(sid, item))
            continue
        try:
            with time_budget(settings.article_time_budget, item.source):
                article = extract(item, settings)
        except InputError as exc:  # a page over its time budget fails here as timeout
            rows["failures"].append(_failure(sid, exc, item.source))
            continue
        except Exception as exc:  # noqa: BLE001 - a cleaner bug costs one row, not the shard
            rows["failures"].append(_failure(sid, exc, item.source))
            continue
        if article.id in seen:
            rows["failures"].append(_failure(sid, InputError("same text as an earlier article of this shard",
                                                             source=article.source, reason="duplicate",
                                                             article_id=article.id)))
            continue
        if len(article.text) > settings.max_analysis_chars:
            rows["failures"].append(_failure(sid, TooLarge(
                f"{len(article.text):,} characters of text is over the {settings.max_analysis_chars:,} that are "
                "analysed (setting max_analysis_chars)", source=article.source, article_id=article.id)))
            continue
        seen.add(article.id)
        articles.append(article)
    analyzed = _analyse(articles, settings, sid, rows["failures"]) if articles else []
    if analyzed:
        f = story_features([a.article for a in analyzed], settings)
        for i, a in enumerate(analyzed):
            part = rows_of(a, sid, f.vectors[i], f.names[i], story_text(a.article), f.terms[i], f.stated[i])
            for name, table_rows in part.items():
                rows[name].extend(table_rows)
    return to_tables(rows)


# ----------------------------------------------------------------------------------------------- transport


def tables_to_bytes(tables: dict[str, pa.Table]) -> bytes:
    """The tables of one shard as one Arrow IPC stream per table, framed with their lengths."""
    out = io.BytesIO()
    for name in TABLES:
        sink = io.BytesIO()
        with pa.ipc.new_stream(sink, SCHEMAS[name]) as writer:
            writer.write_table(tables[name])
        data = sink.getvalue()
        out.write(len(data).to_bytes(8, "little"))
        out.write(data)
    return out.getvalue()


def tables_from_bytes(data: bytes) -> dict[str, pa.Table]:
    tables: dict[str, pa.Table] = {}
    pos = 0
    for name in TABLES:
        size = int.from_bytes(data[pos:pos + 8], "little")
        pos += 8
        tables[name] = pa.ipc.open_stream(data[pos:pos + size]).read_all()
        pos += size
    return tables


@dataclass
class ShardResult:
    """What a worker hands back: the shard, its tables and the worker's peak memory."""

    shard_id: str
    tables: dict[str, pa.Table]
    worker: str
    peak_rss_mb: float

    @property
    def articles(self) -> int:
        return int(self.tables["articles"].num_rows)

    @property
    def failures(self) -> int:
        return int(self.tables["failures"].num_rows)


# ----------------------------------------------------------------------------------------------- output


class OutputDir:
    """DIR/<table>/<shard>.parquet plus DIR/manifest.jsonl (one line per shard written)."""

    def __init__(self, path: str | Path, settings: Settings = DEFAULT) -> None:
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            (self.path / name).mkdir(exist_ok=True)
        self.key = analysis_key(settings)

    @property
    def manifest(self) -> Path:
        return self.path / MANIFEST

    def done(self) -> dict[str, dict[str, Any]]:
        """Shards recorded in the manifest with this analysis key (a torn last line is ignored)."""
        out: dict[str, dict[str, Any]] = {}
        if not self.manifest.exists():
            return out
        for line in self.manifest.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            if row.get("analysis_key") == self.key:
                out[row["shard"]] = row
        return out

    def write(self, shard: Shard, result: ShardResult) -> dict[str, Any]:
        """Write the shard's tables under temporary names, rename them into place, then record the shard."""
        sid = shard.id
        temps = []
        for name in TABLES:
            tmp = self.path / name / f".tmp-{sid}.parquet"
            pq.write_table(result.tables[name], tmp)
            temps.append((tmp, self.path / name / f"{sid}.parquet"))
        for tmp, final in temps:
            os.replace(tmp, final)
        row = {"shard": sid, "input": shard.describe(), "kind": shard.kind, "analysis_key": self.key,
               "rows": {name: int(result.tables[name].num_rows) for name in TABLES},
               "worker": result.worker, "peak_rss_mb": round(result.peak_rss_mb, 1)}
        with open(self.manifest, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(row) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        return row


def table_files(path: str | Path, name: str) -> list[Path]:
    """The Parquet files of one table of a batch output folder: shards of the manifest only, in shard-id order."""
    recorded = []
    manifest = Path(path) / MANIFEST
    if manifest.exists():
        for line in manifest.read_text(encoding="utf-8").splitlines():
            try:
                recorded.append(json.loads(line)["shard"])
            except (json.JSONDecodeError, KeyError, TypeError):
                continue
    return [f for f in (Path(path) / name / f"{sid}.parquet" for sid in sorted(set(recorded))) if f.exists()]


def read_table(path: str | Path, name: str, columns: list[str] | None = None) -> pa.Table:
    """One table of a batch output folder (or only some of its ``columns``), shards of the manifest only, in
    shard-id order."""
    files = table_files(path, name)
    schema = SCHEMAS[name] if columns is None else pa.schema([SCHEMAS[name].field(c) for c in columns])
    parts = [pq.read_table(f, columns=columns) for f in files]
    if not parts:
        return schema.empty_table()
    return pa.concat_tables(parts)


@dataclass
class BatchSummary:
    shards: int = 0
    skipped_shards: int = 0
    articles: int = 0
    failures: int = 0
    seconds: float = 0.0
    peak_rss_mb: dict[str, float] | None = None

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"shards": self.shards, "skipped_shards": self.skipped_shards, "articles": self.articles,
                "failures": self.failures, "seconds": round(self.seconds, 2),
                "articles_per_s": round(self.rate, 2), "peak_rss_mb_per_worker": self.peak_rss_mb or {}}


Progress = Callable[[dict[str, Any]], None]


def pending(shards: Iterable[Shard], out: OutputDir) -> tuple[list[Shard], int]:
    """Shards not yet in the manifest, and how many were skipped."""
    done = out.done()
    shards = list(shards)
    todo = [s for s in shards if s.id not in done]
    seen: set[str] = set()
    unique = []
    for s in todo:
        if s.id not in seen:
            seen.add(s.id)
            unique.append(s)
    return unique, sum(1 for s in shards if s.id in done)


def compare_outputs(a: str | Path, b: str | Path, tolerance: float = 1e-5) -> dict[str, str]:
    """Differences between two batch output folders, table by table (empty: the same tables).

    Rows are compared in shard order; ``story_vector`` within ``tolerance`` (float noise), the rest exactly.
    """
    diffs: dict[str, str] = {}
    for name in TABLES:
        ta, tb = read_table(a, name), read_table(b, name)
        if ta.num_rows != tb.num_rows:
            diffs[name] = f"{ta.num_rows} rows vs {tb.num_rows}"
            continue
        plain = [c for c in ta.column_names if c != "story_vector"]
        if not ta.select(plain).equals(tb.select(plain)):
            diffs[name] = "different values"
            continue
        if name == "articles" and ta.num_rows:
            va = [v for v in ta["story_vector"].to_pylist()]
            vb = [v for v in tb["story_vector"].to_pylist()]
            worst = max((abs(x - y) for ra, rb in zip(va, vb, strict=True) for x, y in zip(ra or [], rb or [], strict=True)), default=0.0)
            if worst > tolerance:
                diffs[name] = f"story vectors differ by up to {worst:.2g}"
    return diffs
