"""The public Python API: read, analyse and compare articles; a store with stories.

    import newsprism
    art = newsprism.read("page.html", outlet="Reuters")       # a path, URL or text file
    art = newsprism.read_text("plain text …", outlet="Reuters", published="2024-05-16")
    an = newsprism.analyze(art)                                 # a list in gives a list out (batched)
    cmp = newsprism.compare(["a.txt", "b.html", art])           # paths, URLs, Articles or AnalyzedArticles
    cmp.to_dict(); cmp.tables()                                 # the JSON contract; pandas DataFrames
    with newsprism.Store("news.db") as store:
        store.ingest(["feed.xml"]); store.stories(); store.compare_story(story_id)

Errors are :class:`newsprism.NewsprismError` subclasses with a stable code.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Sequence, overload

from . import pipeline
from .compare import compare_analyzed
from .errors import InputError
from .extract import extract
from .records import AnalyzedArticle, Article, Comparison, RawDocument
from .settings import DEFAULT, Settings
from .stages import analyze_many
from .store import DEFAULT_DB
from .store import Store as _Store
from .stories import Assignment

__all__ = ["Store", "analyze", "compare", "read", "read_text"]


def _with_metadata(article: Article, *, outlet: str | None, published: str | None, url: str | None,
                   title: str | None) -> Article:
    """The user's metadata wins over what was read from the page; None leaves a field as read."""
    return replace(article, outlet=outlet or article.outlet, published=published or article.published,
                   url=url or article.url, title=title or article.title)


def read(source: str, *, outlet: str | None = None, published: str | None = None, url: str | None = None,
         title: str | None = None, settings: Settings = DEFAULT) -> Article:
    """Read and clean one article from a path, URL or text/HTML file; keyword metadata overrides the page's."""
    article = pipeline.load_one(source, settings)
    return _with_metadata(article, outlet=outlet, published=published, url=url, title=title)


def read_text(text: str, *, outlet: str | None = None, published: str | None = None, url: str | None = None,
              title: str | None = None, source: str = "<text>", settings: Settings = DEFAULT) -> Article:
    """Clean an article given as text (HTML is recognised and extracted)."""
    raw = RawDocument(source=source, data=text.encode("utf-8"), kind="auto", url=url, title=title, outlet=outlet,
                      published=published)
    return _with_metadata(extract(raw, settings), outlet=outlet, published=published, url=url, title=title)


@overload
def analyze(articles: Article | str, *, settings: Settings = ...) -> AnalyzedArticle: ...
@overload
def analyze(articles: list[Article | str] | tuple[Article | str, ...], *,
            settings: Settings = ...) -> list[AnalyzedArticle]: ...


def analyze(articles: Article | str | list[Article | str] | tuple[Article | str, ...], *,
            settings: Settings = DEFAULT) -> AnalyzedArticle | list[AnalyzedArticle]:
    """Analyse one article (an Article, or a path/URL to read) or a list of them (one batch)."""
    if isinstance(articles, (Article, str)):
        return analyze_many([_article(articles, settings)], settings)[0]
    return analyze_many([_article(a, settings) for a in articles], settings)


def compare(items: Sequence[str | Article | AnalyzedArticle], *, settings: Settings = DEFAULT) -> Comparison:
    """Compare two or more articles: paths, URLs, Articles or already analysed articles."""
    ready = [i for i in items if isinstance(i, AnalyzedArticle)]
    if len(ready) == len(items):
        if len(ready) < 2:
            raise InputError(f"compare needs at least two articles, got {len(ready)}", reason="too_few_articles")
        return compare_analyzed(ready, settings)
    analyzed_ids = {a.id for a in ready}
    articles = [i.article if isinstance(i, AnalyzedArticle) else _article(i, settings) for i in items]
    comparison = pipeline.compare_articles(articles, settings)
    if not analyzed_ids:
        return comparison
    # analyses the caller already had are kept as given
    given = {a.id: a for a in ready}
    return compare_analyzed([given.get(a.id, a) for a in comparison.articles], settings)


def _article(item: Article | str, settings: Settings) -> Article:
    return item if isinstance(item, Article) else pipeline.load_one(item, settings)


class Store(_Store):
    """A newsprism SQLite store with the pipeline's operations as methods."""

    def __init__(self, path: str = DEFAULT_DB, *, settings: Settings = DEFAULT) -> None:
        super().__init__(path)
        self.settings = settings

    def ingest(self, sources: Iterable[str], *, group: bool = True) -> pipeline.IngestSummary:
        """Read, clean and store sources (files, globs, folders, URLs, feeds, WARC, JSONL); group new articles."""
        return pipeline.ingest(sources, self, self.settings, assign_stories=group)

    def stories(self) -> list[dict[str, object]]:
        """Stored stories, newest first, with their articles."""
        return self.list_stories()

    def group(self) -> list[Assignment]:
        """Group stored articles that have no story yet."""
        return pipeline.group_into_stories(self, None, self.settings)

    def analyze(self, article_id: str) -> AnalyzedArticle:
        """A stored article's analysis (from the cache when its key matches)."""
        return pipeline.analyze_cached(self, [self.get_article(article_id)], self.settings)[0]

    def compare_story(self, story_id: str) -> Comparison:
        return pipeline.compare_story(self, story_id, self.settings)
