"""SQLite store: named migrations, articles keyed by content id, failures as data.

Every write is its own transaction, committed before the next input is read, so a batch
killed at any point leaves the database holding exactly what was committed before.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from collections import Counter
from typing import Any, Iterator, Sequence

import numpy as np

from .errors import InputError, NotFound, StoreError
from .records import AnalyzedArticle, Article
from .stories import Assignment, StoryGrouper, StoryState, day_of

DEFAULT_DB = "newsprism.db"

# Named migrations, applied in order, each in a transaction and recorded in `migrations`.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_articles", """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            title TEXT,
            outlet TEXT,
            author TEXT,
            published TEXT,
            language TEXT,
            status TEXT NOT NULL,
            reason TEXT,
            text TEXT NOT NULL,
            data TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE failures (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            message TEXT NOT NULL,
            at TEXT NOT NULL
        );
    """),
    ("0002_analyses", """
        CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            version TEXT NOT NULL,
            data TEXT NOT NULL,
            at TEXT NOT NULL
        );
    """),
    ("0003_stories", """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT,
            first_seen TEXT,
            last_seen TEXT,
            merged_into TEXT,
            centroid BLOB,
            n INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            story_id TEXT NOT NULL REFERENCES stories(id),
            score REAL,
            reason TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX story_articles_story ON story_articles(story_id);
    """),
    ("0004_feeds", """
        CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            last_polled TEXT,
            next_poll REAL NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
        );
        CREATE TABLE feed_entries (
            feed TEXT NOT NULL,
            entry TEXT NOT NULL,
            article_id TEXT,
            at TEXT NOT NULL,
            PRIMARY KEY (feed, entry)
        );
    """),
    ("0005_story_names", """
        ALTER TABLE stories ADD COLUMN names TEXT;
    """),
)


# Store tables as exported to Parquet (``newsprism export --parquet``): plain columns only.
EXPORT_SQL: dict[str, str] = {
    "store_articles": "SELECT id AS article_id, source, url, title, outlet, author, published, language, status, "
                      "reason, text, ingested_at FROM articles ORDER BY rowid",
    "store_failures": "SELECT id, source, code, reason, message, at FROM failures ORDER BY id",
    "store_stories": "SELECT id AS story_id, title, first_seen, last_seen, merged_into, n FROM stories ORDER BY rowid",
    "store_story_articles": "SELECT article_id, story_id, score, reason, at FROM story_articles ORDER BY rowid",
}


# A story's names column also keeps its event terms and stated dates, under these prefixes.
_TERM, _DAY = "#term:", "#day:"
STORED_NAMES = 200  # names and terms kept per stored story (most frequent first)


def _join_names(st: StoryState) -> dict[str, int]:
    out = dict(st.names.most_common(STORED_NAMES))
    out.update({_TERM + t: c for t, c in st.terms.most_common(STORED_NAMES)})
    out.update({f"{_DAY}{d}": 1 for d in sorted(st.stated)})
    return out


def _split_names(data: dict[str, int]) -> tuple[Counter[str], Counter[str], set[int]]:
    names: Counter[str] = Counter()
    terms: Counter[str] = Counter()
    stated: set[int] = set()
    for key, count in data.items():
        if key.startswith(_TERM):
            terms[key[len(_TERM):]] = count
        elif key.startswith(_DAY):
            stated.add(int(key[len(_DAY):]))
        else:
            names[key] = count
    return names, terms, stated


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """A newsprism database. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the database: {exc}", source=self.path) from None

    # -- plumbing -------------------------------------------------------------------------
    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self.transaction():
                for statement in sql.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))

    def transaction(self) -> "_Tx":
        return _Tx(self.db)

    def applied_migrations(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT name FROM migrations ORDER BY name")]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles -------------------------------------------------------------------------
    def add_article(self, article: Article) -> bool:
        """Store an article; False when the same text is already there (a no-op)."""
        data = json.dumps(article.to_dict(), ensure_ascii=False)
        try:
            with self.transaction():
                cur = self.db.execute(
                    "INSERT OR IGNORE INTO articles (id, source, url, title, outlet, author, published, language,"
                    " status, reason, text, data, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (article.id, article.source, article.url, article.title, article.outlet, article.author,
                     article.published, article.language, article.status, article.reason, article.text, data,
                     _now()),
                )
                return cur.rowcount == 1
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot store article: {exc}", source=article.source) from None

    def add_failure(self, error: InputError) -> None:
        with self.transaction():
            self.db.execute("INSERT INTO failures (source, code, reason, message, at) VALUES (?,?,?,?,?)",
                            (error.source or "", error.code, error.reason, error.message, _now()))

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def get_article(self, article_id: str) -> Article:
        row = self.db.execute("SELECT data FROM articles WHERE id = ? OR id LIKE ?",
                              (article_id, f"{article_id}%")).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id!r} in the store", source=self.path)
        return Article.from_dict(json.loads(row["data"]))

    def articles(self, status: str | None = "ok") -> Iterator[Article]:
        sql = "SELECT data FROM articles" + (" WHERE status = ?" if status else "") + " ORDER BY rowid"
        for row in self.db.execute(sql, (status,) if status else ()):
            yield Article.from_dict(json.loads(row["data"]))

    def list_rows(self, limit: int = 1000) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT a.id, a.source, a.title, a.outlet, a.published, a.status, a.reason, s.story_id"
            " FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id ORDER BY a.rowid LIMIT ?",
            (limit,))
        return [dict(r) for r in rows]

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT * FROM failures ORDER BY id")]

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # -- analyses -------------------------------------------------------------------------
    def save_analysis(self, analyzed: AnalyzedArticle, version: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO analyses VALUES (?,?,?,?)",
                            (analyzed.id, version, json.dumps(analyzed.to_output(), ensure_ascii=False), _now()))

    def get_analysis(self, article_id: str, version: str) -> AnalyzedArticle | None:
        row = self.db.execute("SELECT data FROM analyses WHERE article_id = ? AND version = ?",
                              (article_id, version)).fetchone()
        return None if row is None else AnalyzedArticle.from_output(json.loads(row["data"]))

    def analyses(self) -> Iterator[tuple[str, AnalyzedArticle]]:
        """Every stored analysis with its version (for ``newsprism export --parquet``)."""
        for row in self.db.execute("SELECT version, data FROM analyses ORDER BY rowid"):
            yield row["version"], AnalyzedArticle.from_output(json.loads(row["data"]))

    def export_rows(self, table: str) -> list[dict[str, Any]]:
        """The plain columns of a store table (no JSON payloads or blobs), for export to Parquet."""
        sql = EXPORT_SQL.get(table)
        if sql is None:
            raise NotFound(f"no exportable table {table!r}; choose one of {', '.join(EXPORT_SQL)}",
                           source=self.path)
        return [dict(r) for r in self.db.execute(sql)]

    # -- feeds ----------------------------------------------------------------------------
    def feed_row(self, url: str) -> dict[str, Any]:
        """A watched feed's state (created on first use)."""
        row = self.db.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            with self.transaction():
                self.db.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))
            row = self.db.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        return dict(row)

    def entry_seen(self, feed: str, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM feed_entries WHERE feed = ? AND entry = ?",
                               (feed, key)).fetchone() is not None

    def mark_entry(self, feed: str, key: str, article_id: str | None) -> None:
        with self.transaction():
            self.db.execute("INSERT OR IGNORE INTO feed_entries (feed, entry, article_id, at) VALUES (?,?,?,?)",
                            (feed, key, article_id, _now()))

    def record_poll(self, url: str, *, etag: str | None, modified: str | None, next_poll: float, errors: int,
                    error: str | None) -> None:
        self.feed_row(url)
        with self.transaction():
            self.db.execute(
                "UPDATE feeds SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified), "
                "last_polled = ?, next_poll = ?, errors = ?, last_error = ? WHERE url = ?",
                (etag, modified, _now(), next_poll, errors, error, url))

    # -- stories --------------------------------------------------------------------------
    def story_states(self) -> list[StoryState]:
        """Every stored story as the grouper's state (merged-away stories included)."""
        states = []
        for row in self.db.execute("SELECT id, title, first_seen, last_seen, merged_into, centroid, n, names "
                                   "FROM stories ORDER BY rowid"):
            vector = np.frombuffer(row["centroid"], dtype="float32").copy()
            names, terms, stated = _split_names(json.loads(row["names"] or "{}"))
            states.append(StoryState(id=row["id"], vector_sum=vector, n=row["n"], first=day_of(row["first_seen"]),
                                     last=day_of(row["last_seen"]), names=names, title=row["title"],
                                     merged_into=row["merged_into"], terms=terms, stated=stated))
        return states

    def without_story(self, articles: Sequence[Article]) -> list[Article]:
        """The ok articles among these that no story holds yet."""
        return [a for a in articles if a.ok and self.db.execute(
            "SELECT 1 FROM story_articles WHERE article_id = ?", (a.id,)).fetchone() is None]

    def save_stories(self, grouper: StoryGrouper, assignments: Sequence[Assignment]) -> None:
        """Save the stories a grouping run changed and its assignments, in one transaction."""
        now = _now()
        with self.transaction():
            for st in (grouper.stories[grouper.by_id[i]] for i in sorted(grouper.changed)):
                first = dt.date.fromordinal(st.first).isoformat() if st.first else None
                last = dt.date.fromordinal(st.last).isoformat() if st.last else None
                self.db.execute(
                    "INSERT INTO stories (id, title, first_seen, last_seen, merged_into, centroid, n, names) "
                    "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET title=excluded.title, "
                    "first_seen=excluded.first_seen, last_seen=excluded.last_seen, merged_into=excluded.merged_into, "
                    "centroid=excluded.centroid, n=excluded.n, names=excluded.names",
                    (st.id, st.title, first, last, st.merged_into,
                     np.asarray(st.vector_sum, dtype="float32").tobytes(), st.n,
                     json.dumps(_join_names(st))))
            for a in assignments:
                self.db.execute("INSERT OR REPLACE INTO story_articles (article_id, story_id, score, reason, at) "
                                "VALUES (?,?,?,?,?)", (a.article_id, a.story_id, a.score, a.reason, now))
            # articles of merged stories follow their story
            for st in (grouper.stories[grouper.by_id[i]] for i in grouper.changed):
                if st.merged_into:
                    self.db.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?",
                                    (grouper.resolve(st.id), st.id))

    def story_article_ids(self, story_id: str) -> list[str]:
        rows = self.db.execute("SELECT sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                               "WHERE sa.story_id = ? OR sa.story_id LIKE ? ORDER BY a.published, a.rowid",
                               (story_id, f"{story_id}%"))
        return [r[0] for r in rows]

    def list_stories(self) -> list[dict[str, Any]]:
        out = []
        for st in self.db.execute("SELECT id, title, first_seen, last_seen FROM stories WHERE merged_into IS NULL "
                                  "ORDER BY last_seen DESC, id"):
            arts = [dict(r) for r in self.db.execute(
                "SELECT a.id, a.source, a.title, a.outlet, a.published, sa.score, sa.reason FROM story_articles sa "
                "JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY a.published, a.rowid",
                (st["id"],))]
            if not arts:
                continue
            outlets = {a["outlet"] or a["source"] for a in arts}
            out.append({"id": st["id"], "title": st["title"], "first_seen": st["first_seen"],
                        "last_seen": st["last_seen"], "outlets": len(outlets), "articles": arts})
        return out


class _Tx:
    """BEGIN IMMEDIATE … COMMIT, rolled back on error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")
