"""RawDocument → Article: decode, pick the main text, clean it, find metadata and language."""

from __future__ import annotations

import re

from ..errors import MalformedInput, NoContent, NotEnglish, TooLarge
from ..records import Article, RawDocument, Removed, content_id
from ..settings import DEFAULT, Settings
from ..sources.base import decode, sniff_kind
from .html import extract_html
from .meta import detect_language, parse_date
from .text import Cleaned, clean_text, words

__all__ = ["extract", "clean_text"]

_UNBROKEN = re.compile(r"\S+")


def extract(doc: RawDocument, settings: Settings = DEFAULT) -> Article:
    """Clean one document. Raises an InputError subclass when it holds no usable English article."""
    text = decode(doc.data, doc.source, settings)
    kind = doc.kind if doc.kind in ("text", "html") else sniff_kind(text, doc.source)
    outlet = author = published = url = None
    removed: list[Removed] = []
    if kind == "html":
        page = extract_html(text, url=doc.url, settings=settings, source=doc.source)
        if page is None:
            raise NoContent("the page holds no article text (only scripts, navigation or markup)",
                            source=doc.source)
        cleaned: Cleaned = clean_text(page.text, settings, title=doc.title or page.title)
        removed.extend(page.removed)
        outlet, author, published, url = page.outlet, page.author, page.published, page.url
    else:
        cleaned = clean_text(text, settings, title=doc.title)
    removed.extend(cleaned.removed)
    _check_size(cleaned.text, doc.source, settings)
    n_words = len(words(cleaned.text))
    if n_words < settings.min_words:
        raise NoContent(f"only {n_words} words of article text (setting min_words={settings.min_words})",
                        source=doc.source)
    body = "\n\n".join(cleaned.text[p.start:p.end] for p in cleaned.paragraphs if p.kind != "title")
    language, prob = detect_language(body or cleaned.text, settings)
    if language != "en" and prob >= settings.english_min_share:
        raise NotEnglish(f"the article is in {language!r} (p={prob:.2f}); newsprism analyses English",
                         source=doc.source)
    given_date = parse_date(doc.published)
    if doc.published and given_date is None:
        raise MalformedInput(f"the published date {doc.published!r} is not a full date (use YYYY-MM-DD)",
                             source=doc.source)
    values = {"outlet": (doc.outlet, cleaned.outlet, outlet), "author": (doc.author, cleaned.author, author),
              "published": (given_date, cleaned.published, published), "title": (doc.title, cleaned.title, None),
              "url": (doc.url, None, url)}
    chosen: dict[str, str | None] = {}
    rules: list[str] = []
    for name, (given, stated, from_html) in values.items():
        for value, rule in ((given, "given"), (stated, cleaned.rules.get(name, "headline")),
                            (from_html, "html_metadata")):
            if value:
                chosen[name] = value
                rules.append(f"{name}={rule}")
                break
        else:
            chosen[name] = None
    return Article(
        id=content_id(cleaned.text),
        source=doc.source,
        text=cleaned.text,
        title=cleaned.title,
        outlet=chosen["outlet"],
        author=chosen["author"],
        published=chosen["published"],
        language="en",
        url=chosen["url"],
        removed=tuple(removed),
        paragraphs=tuple(cleaned.paragraphs),
        credits=tuple(cleaned.credits),
        metadata_rules=tuple(rules),
    )


def _check_size(text: str, source: str, settings: Settings) -> None:
    """Fail at ingest what analysis would refuse or stall on, so nothing stored is unanalysable."""
    if len(text) > settings.max_analysis_chars:
        raise TooLarge(f"{len(text):,} characters of text is over the {settings.max_analysis_chars:,} that are "
                       "analysed (setting max_analysis_chars)", source=source)
    longest = max((m.end() - m.start() for m in _UNBROKEN.finditer(text)), default=0)
    if longest > settings.max_token_chars:
        raise TooLarge(f"a run of {longest:,} characters without a space is over the {settings.max_token_chars:,} "
                       "limit (setting max_token_chars)", source=source)
