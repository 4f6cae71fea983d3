"""RawDocument → Article: decode, pick the main text, clean it, find metadata and language."""

from __future__ import annotations

import re

from ..errors import MalformedInput, NoContent, NotEnglish, TooLarge
from ..records import Article, RawDocument, Removed, content_id
from ..settings import DEFAULT, Settings
from ..sources.base import decode, sniff_kind
from .html import HtmlExtract, extract_html
from .meta import detect_language, parse_date
from .text import Cleaned, clean_text, words

__all__ = ["extract", "clean_text"]

_UNBROKEN = re.compile(r"\S+")


def extract(doc: RawDocument, settings: Settings = DEFAULT) -> Article:
    """Clean one document. Raises an InputError subclass when it holds no usable English article."""
    text = decode(doc.data, doc.source, settings)
    kind = doc.kind if doc.kind in ("text", "html") else sniff_kind(text, doc.source)
    outlet = author = published = url = None
    page: HtmlExtract | None = None
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
    stated_rule = {name: cleaned.rules.get(name, "headline") for name in ("outlet", "author", "published", "title")}
    candidates: dict[str, list[tuple[str | None, str]]] = {
        "outlet": [(doc.outlet, "given"), (cleaned.outlet, stated_rule["outlet"]), (outlet, "html_metadata")],
        "author": [(doc.author, "given"), (cleaned.author, stated_rule["author"]), (author, "html_metadata")],
        "published": [(given_date, "given"), (cleaned.published, stated_rule["published"]), (published, "html_metadata")],
        "title": [(doc.title, "given"), (cleaned.title, stated_rule["title"])],
        "url": [(doc.url, "given"), (url, "html_metadata")],
    }
    if page is not None:
        _page_first(candidates, page, cleaned)
    chosen: dict[str, str | None] = {}
    rules: list[str] = []
    for name, options in candidates.items():
        for value, rule in options:
            if value:
                chosen[name] = value
                rules.append(f"{name}={rule}")
                break
        else:
            chosen[name] = None
    if page is not None and not page.published_sure and chosen["published"] == page.published \
            and "published=given" not in rules:
        # a numeric date that reads two ways ("10/01/2008") and the page says not which: kept, marked unsure, so
        # nothing resolves a relative day ("today") from it
        rules.append("published_confidence=low")
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


def _page_first(candidates: dict[str, list[tuple[str | None, str]]], page: HtmlExtract, cleaned: Cleaned) -> None:
    """On a web page the markup's own evidence outranks what the text states: the outlet the page names
    (og:site_name, JSON-LD publisher, the title's site part) before a dateline's wire ("(AP) —" on a
    paper's page) or a copyright line; a copyright holder or the URL's host only when nothing else names
    it; the date printed under the headline before a stamp read in the text."""
    meta = page.page
    stated_outlet = None if cleaned.rules.get("outlet") == "copyright_line" else cleaned.outlet
    copyright_outlet = cleaned.outlet if stated_outlet is None else None
    stated = (stated_outlet, cleaned.rules.get("outlet", ""))
    weak = (meta.weak_outlet, meta.weak_outlet_rule or "html_metadata")
    # a wire story the site publishes under its own name: the site that names itself in its copyright line and
    # its domain ("© 2008 SBR Forum" on sbrforum.com) is the outlet, the dateline's wire ("ST. LOUIS (Ticker) --")
    # stays a credit; a wire named on a page that names no site of its own (a host's reprint) is the outlet
    wire_first = not (meta.weak_outlet_hosted and "dateline" in stated[1])
    candidates["outlet"] = [candidates["outlet"][0], (meta.outlet, meta.outlet_rule or "html_metadata"),
                            *((stated, weak) if wire_first else (weak, stated)),
                            (copyright_outlet, "copyright_line")]
    if meta.published_rule == "printed_by_headline":
        candidates["published"].insert(1, (meta.published, meta.published_rule))
    elif meta.published_rule:
        candidates["published"][2] = (page.published, meta.published_rule)
    elif page.published_rule:
        candidates["published"][2] = (page.published, page.published_rule)
    if cleaned.title and meta.title and cleaned.title == meta.title:
        candidates["title"][1] = (cleaned.title, meta.title_rule or "html_metadata")


def _check_size(text: str, source: str, settings: Settings) -> None:
    """Fail at ingest what analysis would refuse or stall on, so nothing stored is unanalysable."""
    if len(text) > settings.max_analysis_chars:
        raise TooLarge(f"{len(text):,} characters of text is over the {settings.max_analysis_chars:,} that are "
                       "analysed (setting max_analysis_chars)", source=source)
    longest = max((m.end() - m.start() for m in _UNBROKEN.finditer(text)), default=0)
    if longest > settings.max_token_chars:
        raise TooLarge(f"a run of {longest:,} characters without a space is over the {settings.max_token_chars:,} "
                       "limit (setting max_token_chars)", source=source)
