"""SQLite store: named migrations, articles keyed by content id, failures as data.

Every write is its own transaction, committed before the next input is read, so a batch
killed at any point leaves the database holding exactly what was committed before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
from pathlib import Path
from collections import Counter
from typing import Any, Callable, Iterator, Sequence

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
    ("0006_comparisons", """
        CREATE TABLE comparisons (
            story_id TEXT PRIMARY KEY,
            members TEXT NOT NULL,
            version TEXT NOT NULL,
            data TEXT NOT NULL,
            html TEXT NOT NULL,
            at TEXT NOT NULL
        );
    """),
    ("0007_webapp", """
        CREATE VIRTUAL TABLE search_fts USING fts5(
            kind UNINDEXED, article_id UNINDEXED, speaker, text, tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO search_fts (kind, article_id, speaker, text)
            SELECT 'article', id, NULL, COALESCE(title, '') || char(10) || text FROM articles WHERE status = 'ok';
        INSERT INTO search_fts (kind, article_id, speaker, text)
            SELECT 'quote', a.article_id, json_extract(q.value, '$.speaker'), json_extract(q.value, '$.text')
            FROM analyses a, json_each(a.data, '$.quotes') q;
        CREATE TRIGGER articles_search AFTER INSERT ON articles WHEN NEW.status = 'ok' BEGIN
            INSERT INTO search_fts (kind, article_id, speaker, text)
            VALUES ('article', NEW.id, NULL, COALESCE(NEW.title, '') || char(10) || NEW.text);
        END;
        CREATE TRIGGER analyses_search AFTER INSERT ON analyses BEGIN
            DELETE FROM search_fts WHERE kind = 'quote' AND article_id = NEW.article_id;
            INSERT INTO search_fts (kind, article_id, speaker, text)
            SELECT 'quote', NEW.article_id, json_extract(q.value, '$.speaker'), json_extract(q.value, '$.text')
            FROM json_each(NEW.data, '$.quotes') q;
        END;
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            done INTEGER NOT NULL DEFAULT 0,
            total INTEGER NOT NULL DEFAULT 0,
            inputs TEXT NOT NULL,
            data TEXT,
            html TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        ALTER TABLE feeds ADD COLUMN watched INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE feeds ADD COLUMN added_at TEXT;
    """),
)
# An id given by a user: the whole id, or a prefix of at least 8 hex digits (a story id keeps its "s-").
_ID_PREFIX = re.compile(r"(s-)?[0-9a-f]{8,}")


def _statements(sql: str) -> list[str]:
    """A migration's statements (a trigger's body keeps its inner semicolons)."""
    out: list[str] = []
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                out.append(pending.strip())
            pending = ""
    return out


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
                for statement in _statements(sql):
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

    def _resolve_id(self, table: str, given: str, what: str) -> str:
        """The stored id ``given`` names: the id itself, or the one id a prefix of ≥ 8 hex digits starts.
        No LIKE: ``%`` and ``_`` are characters like any other, and short or ambiguous prefixes are refused."""
        if self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (given,)).fetchone() is not None:
            return given
        if _ID_PREFIX.fullmatch(given):
            rows = self.db.execute(f"SELECT id FROM {table} WHERE id >= ? AND id < ? LIMIT 2",
                                   (given, given + "g")).fetchall()  # ids are hex: every match sorts below "g"
            if len(rows) == 1:
                return str(rows[0][0])
            if len(rows) > 1:
                raise NotFound(f"{what} id prefix {given!r} is ambiguous; give more of it", source=self.path)
        raise NotFound(f"no {what} {given!r} in the store", source=self.path)

    def resolve_article_id(self, article_id: str) -> str:
        return self._resolve_id("articles", article_id, "article")

    def get_article(self, article_id: str) -> Article:
        found = self._resolve_id("articles", article_id, "article")
        row = self.db.execute("SELECT data FROM articles WHERE id = ?", (found,)).fetchone()
        return Article.from_dict(json.loads(row["data"]))

    def articles(self, status: str | None = "ok") -> Iterator[Article]:
        sql = "SELECT data FROM articles" + (" WHERE status = ?" if status else "") + " ORDER BY rowid"
        for row in self.db.execute(sql, (status,) if status else ()):
            yield Article.from_dict(json.loads(row["data"]))

    def list_rows(self, limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT a.id, a.source, a.title, a.outlet, a.published, a.status, a.reason, s.story_id"
            " FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id ORDER BY a.rowid LIMIT ? OFFSET ?",
            (limit, offset))
        return [dict(r) for r in rows]

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT * FROM failures ORDER BY id")]

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # -- analyses -------------------------------------------------------------------------
    def save_analysis(self, analyzed: AnalyzedArticle, version: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO analyses VALUES (?,?,?,?)",
                            (analyzed.id, version, json.dumps(analyzed.to_output(), ensure_ascii=False, allow_nan=False), _now()))

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

    def ungrouped_articles(self) -> list[Article]:
        """Every stored ok article that no story holds (a killed ingest leaves some), oldest first."""
        rows = self.db.execute("SELECT a.data FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id "
                               "WHERE sa.article_id IS NULL AND a.status = 'ok' ORDER BY a.rowid")
        return [Article.from_dict(json.loads(r["data"])) for r in rows]

    def group_locked(self, article_ids: Sequence[str],
                     decide: Callable[[list[StoryState], set[str]], tuple[StoryGrouper, list[Assignment]]]
                     ) -> list[Assignment]:
        """Group articles under the write lock: one BEGIN IMMEDIATE transaction reads the stories as they
        are now (another writer may have added some), lets ``decide`` group the given articles that are
        still without a story, and saves the result, so concurrent writers are serialised and a grouping
        is either saved whole or not at all."""
        try:
            with self.transaction():
                marks = ",".join("?" * len(article_ids))
                grouped = {r[0] for r in self.db.execute(
                    f"SELECT article_id FROM story_articles WHERE article_id IN ({marks})", tuple(article_ids))}
                todo = {i for i in article_ids if i not in grouped}
                if not todo:
                    return []
                grouper, assignments = decide(self.story_states(), todo)
                self._save_stories(grouper, assignments)
                return assignments
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot save stories: {exc}", source=self.path) from None

    def save_stories(self, grouper: StoryGrouper, assignments: Sequence[Assignment]) -> None:
        """Save the stories a grouping run changed and its assignments, in one transaction."""
        with self.transaction():
            self._save_stories(grouper, assignments)

    def _save_stories(self, grouper: StoryGrouper, assignments: Sequence[Assignment]) -> None:
        now = _now()
        changed = [grouper.stories[grouper.by_id[i]] for i in sorted(grouper.changed)]
        for st in changed:
            first = dt.date.fromordinal(st.first).isoformat() if st.first else None
            last = dt.date.fromordinal(st.last).isoformat() if st.last else None
            self.db.execute(
                "INSERT INTO stories (id, title, first_seen, last_seen, merged_into, centroid, n, names) "
                "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET title=excluded.title, "
                "first_seen=excluded.first_seen, last_seen=excluded.last_seen, merged_into=excluded.merged_into, "
                "centroid=excluded.centroid, names=excluded.names",
                (st.id, st.title, first, last, st.merged_into,
                 np.asarray(st.vector_sum, dtype="float32").tobytes(), 0,
                 json.dumps(_join_names(st))))
        for a in assignments:
            self.db.execute("INSERT OR REPLACE INTO story_articles (article_id, story_id, score, reason, at) "
                            "VALUES (?,?,?,?,?)", (a.article_id, a.story_id, a.score, a.reason, now))
        # articles of merged stories follow their story
        for st in changed:
            if st.merged_into:
                self.db.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?",
                                (grouper.resolve(st.id), st.id))
        # a story's count is its members, counted in the same transaction (never kept by hand)
        for st in changed:
            self.db.execute("UPDATE stories SET n = (SELECT COUNT(*) FROM story_articles WHERE story_id = ?) "
                            "WHERE id = ?", (st.id, st.id))

    def story_counts(self) -> list[tuple[str, int, int]]:
        """(story id, stored count, members) for every story not merged away: a consistency check."""
        rows = self.db.execute("SELECT s.id, s.n, (SELECT COUNT(*) FROM story_articles sa WHERE sa.story_id = s.id) "
                               "FROM stories s WHERE s.merged_into IS NULL ORDER BY s.id")
        return [(r[0], int(r[1]), int(r[2])) for r in rows]

    def story_article_ids(self, story_id: str) -> list[str]:
        """The articles of a story (its id, or a prefix of ≥ 8 hex digits); [] when there is no such story."""
        try:
            found = self._resolve_id("stories", story_id, "story")
        except NotFound:
            return []
        rows = self.db.execute("SELECT sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                               "WHERE sa.story_id = ? ORDER BY a.published, a.rowid", (found,))
        return [r[0] for r in rows]

    def resolve_story_id(self, story_id: str) -> str:
        return self._resolve_id("stories", story_id, "story")

    def count_stories(self) -> int:
        return int(self.db.execute("SELECT COUNT(DISTINCT story_id) FROM story_articles").fetchone()[0])

    def list_stories(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Stories that hold articles, newest first, with their articles (two queries for a whole page)."""
        stories = [dict(r) for r in self.db.execute(
            "SELECT id, title, first_seen, last_seen FROM stories s WHERE merged_into IS NULL AND EXISTS "
            "(SELECT 1 FROM story_articles sa WHERE sa.story_id = s.id) ORDER BY last_seen DESC, id "
            "LIMIT ? OFFSET ?", (-1 if limit is None else limit, offset))]
        by_story: dict[str, list[dict[str, Any]]] = {st["id"]: [] for st in stories}
        ids = list(by_story)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for r in self.db.execute(
                    "SELECT sa.story_id, a.id, a.source, a.title, a.outlet, a.published, sa.score, sa.reason "
                    "FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN "
                    f"({','.join('?' * len(chunk))}) ORDER BY a.published, a.rowid", tuple(chunk)):
                row = dict(r)
                by_story[row.pop("story_id")].append(row)
        out = []
        for st in stories:
            arts = by_story[st["id"]]
            outlets = {a["outlet"] or a["source"] for a in arts}
            out.append({"id": st["id"], "title": st["title"], "first_seen": st["first_seen"],
                        "last_seen": st["last_seen"], "outlets": len(outlets), "articles": arts})
        return out

    # -- stored comparisons (served by the web app; computed by its background job) ---------
    def story_members_key(self, story_id: str) -> str:
        """A digest of a story's current members: a stored comparison with another key is out of date."""
        ids = sorted(self.story_article_ids(story_id))
        return hashlib.sha256(" ".join(ids).encode()).hexdigest()[:16]

    def save_comparison(self, story_id: str, members: str, version: str, data: dict[str, Any], html: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO comparisons VALUES (?,?,?,?,?,?)",
                            (story_id, members, version, json.dumps(data, ensure_ascii=False, allow_nan=False),
                             html, _now()))

    def get_comparison(self, story_id: str) -> dict[str, Any] | None:
        """The stored comparison of a story: {members, version, data (JSON text), html, at}, or None."""
        row = self.db.execute("SELECT members, version, data, html, at FROM comparisons WHERE story_id = ?",
                              (story_id,)).fetchone()
        return None if row is None else dict(row)

    def get_analysis_json(self, article_id: str, version: str) -> str | None:
        """A stored analysis as its JSON text (served as is)."""
        row = self.db.execute("SELECT data FROM analyses WHERE article_id = ? AND version = ?",
                              (article_id, version)).fetchone()
        return None if row is None else str(row["data"])


    # -- search (FTS5 over article text and quotes; filled by triggers) ------------------------
    def search(self, query: str, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
               story: str | None = None, kind: str | None = None, limit: int = 50,
               offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """Articles and quotes matching every word of ``query`` (words are quoted: no FTS syntax from users),
        best first, with a snippet whose matches sit between \x02 and \x03; filters by outlet, published
        date range, story and kind (article | quote). Returns (total, rows)."""
        terms = [t for t in re.findall(r"\w+", query) if t]
        if not terms:
            return 0, []
        match = " ".join('"' + t.replace('"', '') + '"' for t in terms[:32])
        where = ["search_fts MATCH ?"]
        args: list[Any] = [match]
        if outlet:
            where.append("a.outlet = ?")
            args.append(outlet)
        if since:
            where.append("a.published >= ?")
            args.append(since)
        if until:
            where.append("a.published <= ?")
            args.append(until + "\uffff")
        if story:
            where.append("sa.story_id = ?")
            args.append(story)
        if kind in ("article", "quote"):
            where.append("f.kind = ?")
            args.append(kind)
        base = (" FROM search_fts f JOIN articles a ON a.id = f.article_id "
                "LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE " + " AND ".join(where))
        total = int(self.db.execute("SELECT COUNT(*)" + base, args).fetchone()[0])
        rows = self.db.execute(
            "SELECT f.kind, f.article_id, f.speaker, snippet(search_fts, 3, char(2), char(3), '…', 24) AS snippet, "
            "a.title, a.outlet, a.published, a.source, sa.story_id" + base + " ORDER BY rank LIMIT ? OFFSET ?",
            [*args, limit, offset])
        return total, [dict(r) for r in rows]

    def outlets(self) -> list[dict[str, Any]]:
        """Every named outlet with its count of stored articles and stories."""
        rows = self.db.execute(
            "SELECT a.outlet AS outlet, COUNT(*) AS articles, COUNT(DISTINCT sa.story_id) AS stories FROM articles a "
            "LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE a.outlet IS NOT NULL AND a.status = 'ok' "
            "GROUP BY a.outlet ORDER BY COUNT(*) DESC, a.outlet")
        return [dict(r) for r in rows]

    def comparisons_with_outlet(self, outlet: str) -> list[dict[str, Any]]:
        """The stored comparisons (story id, title, data as JSON text) of stories with an article by ``outlet``."""
        rows = self.db.execute(
            "SELECT c.story_id, s.title, c.data FROM comparisons c JOIN stories s ON s.id = c.story_id "
            "WHERE EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
            "WHERE sa.story_id = c.story_id AND a.outlet = ?) ORDER BY s.last_seen DESC, c.story_id", (outlet,))
        return [dict(r) for r in rows]

    def story_title(self, story_id: str) -> str | None:
        row = self.db.execute("SELECT title FROM stories WHERE id = ?", (story_id,)).fetchone()
        return None if row is None else row["title"]

    # -- jobs (the web app's compare jobs: status, progress and the result's permanent link) ---
    def create_job(self, job_id: str, kind: str, inputs: list[dict[str, Any]], total: int) -> None:
        now = _now()
        with self.transaction():
            self.db.execute("INSERT INTO jobs (id, kind, status, detail, done, total, inputs, created_at, updated_at) "
                            "VALUES (?,?,?,?,?,?,?,?,?)", (job_id, kind, "queued", "waiting for the worker", 0, total,
                                                          json.dumps(inputs, ensure_ascii=False), now, now))

    def update_job(self, job_id: str, status: str, detail: str, done: int | None = None) -> None:
        with self.transaction():
            self.db.execute("UPDATE jobs SET status = ?, detail = ?, done = COALESCE(?, done), updated_at = ? "
                            "WHERE id = ?", (status, detail, done, _now(), job_id))

    def finish_job(self, job_id: str, data: dict[str, Any], html: str, detail: str) -> None:
        with self.transaction():
            self.db.execute("UPDATE jobs SET status = 'done', detail = ?, done = total, data = ?, html = ?, "
                            "updated_at = ? WHERE id = ?",
                            (detail, json.dumps(data, ensure_ascii=False, allow_nan=False), html, _now(), job_id))

    def get_job(self, job_id: str) -> dict[str, Any] | None:
        """A job: its status and inputs (``data`` and ``html`` only once done), or None."""
        row = self.db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["inputs"] = json.loads(out["inputs"])
        return out

    def list_jobs(self, limit: int = 50) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT id, kind, status, detail, done, total, created_at, updated_at FROM jobs "
                               "ORDER BY created_at DESC, id LIMIT ?", (limit,))
        return [dict(r) for r in rows]

    def interrupt_jobs(self) -> int:
        """Jobs left queued or running by a server that stopped are marked failed (their inputs are gone)."""
        with self.transaction():
            cur = self.db.execute("UPDATE jobs SET status = 'failed', detail = 'interrupted: the server stopped "
                                  "before it finished; submit it again', updated_at = ? "
                                  "WHERE status IN ('queued', 'running')", (_now(),))
            return int(cur.rowcount)

    # -- watched feeds (added and removed from the web app; polled by ``newsprism watch``) -----
    def watch_feed(self, url: str) -> None:
        with self.transaction():
            self.db.execute("INSERT INTO feeds (url, watched, added_at) VALUES (?, 1, ?) "
                            "ON CONFLICT(url) DO UPDATE SET watched = 1", (url, _now()))

    def unwatch_feed(self, url: str) -> bool:
        with self.transaction():
            cur = self.db.execute("UPDATE feeds SET watched = 0 WHERE url = ? AND watched = 1", (url,))
            return cur.rowcount == 1

    def watched_feeds(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT url FROM feeds WHERE watched = 1 ORDER BY added_at, url")]

    def feed_report(self) -> list[dict[str, Any]]:
        """Every known feed with what watch found (entries), stored (an article) and skipped (no article),
        its error count, last error and last poll."""
        rows = self.db.execute(
            "SELECT f.url, f.watched, f.added_at, f.last_polled, f.errors, f.last_error, "
            "(SELECT COUNT(*) FROM feed_entries e WHERE e.feed = f.url) AS found, "
            "(SELECT COUNT(*) FROM feed_entries e WHERE e.feed = f.url AND e.article_id IS NOT NULL) AS stored, "
            "(SELECT COUNT(*) FROM feed_entries e WHERE e.feed = f.url AND e.article_id IS NULL) AS skipped "
            "FROM feeds f ORDER BY f.watched DESC, f.url")
        return [dict(r) for r in rows]

    def recent_failures(self, limit: int = 50) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT * FROM failures ORDER BY id DESC LIMIT ?", (limit,))]

class _Tx:
    """BEGIN IMMEDIATE … COMMIT, rolled back on error; SQLite errors (a full disk, a locked or corrupt
    file) become StoreError (NP301), whichever write hit them."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot write to the database: {exc}") from None
        return self.db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
                return
            except sqlite3.DatabaseError as commit_error:
                exc = commit_error
        try:
            self.db.execute("ROLLBACK")
        except sqlite3.DatabaseError:
            pass  # SQLite may have rolled back already (a full disk does)
        if isinstance(exc, sqlite3.DatabaseError):
            raise StoreError(f"cannot write to the database: {exc}") from None
