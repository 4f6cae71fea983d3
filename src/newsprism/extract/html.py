"""HTML → main text and metadata with trafilatura (JSON-LD and meta tags included).

What the page had besides its article is listed in ``removed``: each visible block that
did not make it into the main text, with the reason the text classifier gives it, or
the page region it sat in (navigation, footer, aside, form).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

import lxml.html
import trafilatura

from ..errors import TooLarge
from ..records import Removed
from ..settings import DEFAULT, Settings
from .dates import NUMERIC, PageDates, read_numeric
from .meta import BYLINE, parse_date, read_tail_line, read_top_line
from .page import PageMeta, read_page_meta
from .rules import score_line

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # failures are reported as our own errors

_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "button", "label", "figcaption",
           "span", "div", "td", "dt", "dd", "small", "blockquote", "section", "header", "footer")
_REGIONS = {"nav": "navigation", "footer": "footer", "aside": "aside", "form": "comment_form",
            "header": "page_header"}
_REGION_HINTS = re.compile(r"(cookie|consent|gdpr)|(newsletter|subscribe)|(share|social)|(related|recommend)|"
                           r"(comment)|(nav|menu|breadcrumb)|(footer)|(advert|promo|sponsor)", re.I)
_HINT_REASON = ("cookie_notice", "newsletter", "share_bar", "related_links", "comment_form", "navigation",
                "footer", "advertisement")


@dataclass
class HtmlExtract:
    text: str
    title: str | None
    outlet: str | None
    published: str | None
    author: str | None
    url: str | None
    removed: list[Removed]
    page: PageMeta = PageMeta()  # what the markup says (headline, outlet, date), each with its rule
    fallback: str | None = None  # how the text was found when trafilatura found none
    published_sure: bool = True  # False: a numeric date that reads two ways and the page says not which
    published_rule: str | None = None  # "dateline_day": the story's dateline day replaced the markup's date


def _region(el: lxml.html.HtmlElement) -> str | None:
    """The reason implied by where a block sits: its enclosing nav/footer/aside/form, or class/id hints."""
    node: lxml.html.HtmlElement | None = el
    while node is not None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _REGIONS:
            return _REGIONS[tag]
        hint = f"{node.get('class', '')} {node.get('id', '')} {node.get('role', '')}"
        m = _REGION_HINTS.search(hint)
        if m:
            return _HINT_REASON[m.lastindex - 1] if m.lastindex else None
        node = node.getparent()
    return None


_KEPT_NGRAM = 3  # a block counts as kept text when every word trigram of it (or the whole, if shorter) is kept


def _ngrams(words: list[str]) -> set[str]:
    n = min(_KEPT_NGRAM, len(words))
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def _kept_index(kept: str) -> set[str]:
    """Every word 1-, 2- and 3-gram of the kept text: a linear-time stand-in for ``block in kept``
    (a substring test per block made pages with many blocks quadratic)."""
    words = kept.split()
    index: set[str] = set()
    for n in range(1, _KEPT_NGRAM + 1):
        index.update(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
    return index


def _dropped_blocks(html: str, kept: str, settings: Settings) -> list[Removed]:
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    for bad in tree.xpath("//script|//style|//noscript|//template|//svg|//head"):
        bad.drop_tree()
    kept_index = _kept_index(kept)
    seen: set[str] = set()
    removed: list[Removed] = []
    for el in tree.iter(*_BLOCKS):
        # Leaf-ish blocks only: skip elements that contain other blocks with text of their own.
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS and (c.text_content() or "").strip() for c in el):
            if (el.text or "").strip() == "":
                continue
        text = " ".join(el.text_content().split())
        if not text or text in seen or _ngrams(text.split()) <= kept_index:
            continue
        seen.add(text)
        if BYLINE.match(text):
            removed.append(Removed(text=text, reason="byline", features=("byline_pattern",)))
            continue
        scored = score_line(text, 1.0, settings)
        if scored and scored.score >= settings.boilerplate_threshold:
            removed.append(Removed(text=text, reason=scored.category, score=scored.score, features=scored.features))
            continue
        region = _region(el)
        removed.append(Removed(text=text, reason=region or "page_chrome", score=None,
                               features=(f"region:{region}",) if region else ("not_main_text",)))
    return removed


_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_META_DATE = re.compile(r'<meta[^>]+(?:property|name)=["\'](?:article:published_time|date|pubdate|dc\.date)["\'][^>]*'
                        r'content=["\']([^"\']+)["\']', re.I)


def _fallback_date(html: str) -> str | None:
    """JSON-LD datePublished or a published-time meta tag, taken as written (no plausibility window)."""
    for pattern in (_JSONLD_DATE, _META_DATE):
        m = pattern.search(html)
        if m and parse_date(m.group(1)):
            return parse_date(m.group(1))
    return None


_TITLE_OPEN = re.compile(r"<title\b[^>]*>", re.I)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.I)
_HEAD_END = re.compile(r"</head\s*>|<body\b", re.I)


def close_title(html: str) -> str:
    """A ``<title>`` left open (a page saved with its head cut: "…</titavaScript" src=…") is closed
    at the end of its first line or at the next tag: left open, the parser reads the whole page
    as the title and finds no text."""
    m = _TITLE_OPEN.search(html)
    if m is None:
        return html
    close = _TITLE_CLOSE.search(html, m.end())
    head_end = _HEAD_END.search(html, m.end())
    if close is not None and (head_end is None or close.start() < head_end.start()):
        return html
    stop = re.compile(r"[\n<]").search(html, m.end())
    cut = stop.start() if stop else len(html)
    return html[:cut] + "</title>" + html[cut:]


def _own_text(el: lxml.html.HtmlElement) -> str:
    """The text an element holds itself: its text and its inline children's, not its block children's."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag.lower() not in _FLAT_BLOCKS:
            parts.append(child.text_content() or "")
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split())


def _largest_block(tree: lxml.html.HtmlElement) -> str:
    """The lines of the block holding the most words of prose (readability's idea: each paragraph of 12+
    words ending a sentence counts for its parent, half for the grandparent): the fallback when
    trafilatura finds nothing. One pass over the tree, then the chosen block flattened to its lines."""
    for bad in tree.xpath(_INVISIBLE):
        if bad.getparent() is not None:
            bad.drop_tree()
    score: dict[lxml.html.HtmlElement, float] = {}
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        own = _own_text(el)
        n = len(own.split())
        if n < 12 or not re.search(r"[.!?\"”’]\s*$", own):
            continue
        holder = el if el.tag.lower() in ("div", "td", "article", "section", "main", "body") else el.getparent()
        for weight, node in ((1.0, holder), (0.5, holder.getparent() if holder is not None else None)):
            if node is not None:
                score[node] = score.get(node, 0.0) + weight * n
    if not score:
        return ""
    best = max(score, key=lambda node: score[node])
    lines = flatten_html(lxml.html.tostring(best, encoding="unicode"))
    return "\n".join(line for line in lines if len(line.split()) >= 12)


_PROSE_CELL_WORDS = 20  # a table row with a cell this long is page layout holding prose, not a data table
_CELL = re.compile(r"(?<!\\)\|")


def split_layout_rows(text: str) -> str:
    """A table row of the extracted text ("| | Headline Byline … | Top \\| Back |") whose table lays out the page
    (a cell holds 20 words of prose or more) is cut into its cells, one line each, empty cells dropped: the
    headline, the byline, the navigation and the story stop sharing one line, so the cleaner can keep or drop
    each. A row of short cells (a data table: "| Putts per GIR | 1.755 | T26 |") stays as it is."""
    out: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped.startswith("|") or stripped.count("|") < 2:
            out.append(line)
            continue
        cells = [" ".join(c.replace("\\|", "|").split()) for c in _CELL.split(stripped)]
        cells = [c for c in cells if c]
        if any(len(c.split()) >= _PROSE_CELL_WORDS for c in cells):
            out.extend(cells)
        else:
            out.append(line)
    return "\n".join(out)


_LONG_PARAGRAPH_WORDS = 60  # a text line this long is checked for paragraphs the page itself breaks
_SHORT_LINE_SHARE = 0.6  # a printed line under this share of the longest is a heading, byline or date line
_BREAK_BEFORE = re.compile(r"[.!?\"”’)]$")


def keep_paragraphs(text: str, lines: list[str]) -> str:
    """A long line of the extracted text that the page prints as several lines (paragraphs set apart by
    ``<br>`` or by ``<p>`` inside a ``<font>``, a layout table's cell holding headline, byline and story, which
    the extractor ran together) is cut where the page's own lines begin, when those lines cover most of it:
    at the end of a sentence; or after a printed line that is short beside the others and ends no sentence,
    before a line that opens with a capital, a digit or a quote mark (a headline, a byline, a date line: a
    hard-wrapped paragraph breaks at the width, mid-sentence, and is not cut)."""
    out: list[str] = []
    for para in text.split("\n"):
        flat = " ".join(para.split())
        if len(flat.split()) < _LONG_PARAGRAPH_WORDS:
            out.append(para)
            continue
        found: list[tuple[int, str]] = []
        pos = 0
        for line in lines:
            if len(line) < 20 or len(line) >= len(flat):
                continue
            at = flat.find(line, pos)
            if at < 0:
                continue
            found.append((at, line))
            pos = at + len(line)
        covered = sum(len(line) for _, line in found)
        width = max((len(line) for _, line in found), default=0)
        cuts = [0]
        for i, (at, line) in enumerate(found):
            if at == 0:
                continue
            if _BREAK_BEFORE.search(flat[:at].rstrip()):
                cuts.append(at)
                continue
            if i == 0:
                continue
            prev_at, prev = found[i - 1]
            if (not flat[prev_at + len(prev):at].strip() and len(prev) < _SHORT_LINE_SHARE * width
                    and re.match(r"[A-Z0-9\"“‘'(]", line)):
                cuts.append(at)
        if len(cuts) > 1 and covered >= 0.8 * len(flat):
            bounds = [*cuts, len(flat)]
            out.extend(flat[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if flat[a:b].strip())
        else:
            out.append(para)
    return "\n".join(out)


def drop_page_chrome(text: str, lines: list[str], settings: Settings) -> tuple[str, list[Removed]]:
    """Lines of the extracted text that the line model, scoring them where they sit on the whole page
    (its training setting: neighbours, place, repeats), calls chrome at ``page_chrome_min``: a related
    headline, a widget label, a market-data notice that the extractor kept among the prose."""
    if settings.page_chrome_min >= 1.0 or not lines:
        return text, []
    from .lines import load_model
    from .text import _ends_sentence

    paras = [" ".join(p.lstrip("-•* ").split()) for p in text.split("\n")]
    candidates = {p for p in paras if p and not (len(p.split()) >= settings.model_prose_words and _ends_sentence(p))}
    if not candidates.intersection(" ".join(line.split()) for line in lines):
        return text, []  # every line of the text is prose or printed nowhere else: nothing to score
    model = load_model()
    verdicts = model.predict(lines)
    chrome = {" ".join(line.split()): v for line, v in zip(lines, verdicts, strict=True)
              if v.probability >= settings.page_chrome_min}
    kept, removed = [], []
    for para in text.split("\n"):
        flat = " ".join(para.lstrip("-•* ").split())
        verdict = chrome.get(flat)
        prose = len(flat.split()) >= settings.model_prose_words and _ends_sentence(flat)
        states = read_top_line(flat, names=False, settings=settings) or read_tail_line(flat)
        if verdict is None or prose or states is not None:  # a stamp or byline goes to the metadata readers
            kept.append(para)
            continue
        removed.append(Removed(text=flat, reason="page_chrome", score=round(verdict.probability, 3),
                               features=("model:boilerplate_lr", "page_context") + verdict.top_features))
    return "\n".join(kept), removed


_LINK_WORDS_MIN = 3  # a link text this long counts as a headline of another page
_LINK_RUN_MIN = 2    # linked lines in a run before the run is a list of other pages' headlines


def _link_texts(tree: lxml.html.HtmlElement) -> set[str]:
    texts = (a.text_content().split() for a in tree.iter("a"))
    return {" ".join(words) for words in texts if len(words) >= _LINK_WORDS_MIN}


def drop_link_lists(text: str, links: set[str]) -> tuple[str, list[Removed]]:
    """A run of lines of the extracted text each of which is the whole text of a link on the page (another
    page's headline) or a teaser cut short with an ellipsis, with the list items between them ("- A worldwide
    shortage of …"), is a related-stories list the extractor kept inside the article: dropped where it holds
    two such lines or more, at least half its lines, one of them a link's whole text. A body paragraph is
    seldom one link's whole text; a single linked line (the headline linking to itself) is kept."""
    if not links:
        return text, []
    paras = text.split("\n")
    flat = [" ".join(p.split()) for p in paras]
    bare = [re.sub(r"^[-•*]\s+", "", f).strip(" |") for f in flat]
    # a teaser cut short ("… an eighth Harry Potter movie. According to...") marks a list as much as a link
    marked = [bool(b) and (b in links or b.endswith(("...", "…"))) for b in bare]
    listed = [f.startswith(("- ", "• ", "* ")) for f in flat]
    drop: set[int] = set()
    i = 0
    while i < len(paras):
        if not marked[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(paras) and (marked[j + 1] or (listed[j + 1] and listed[i])) and flat[j + 1]:
            j += 1
        run = range(i, j + 1)
        n_marked = sum(marked[k] for k in run)
        if n_marked >= _LINK_RUN_MIN and 2 * n_marked >= len(run) and any(bare[k] in links for k in run):
            drop.update(run)
        i = j + 1
    kept_words = sum(len(flat[k].split()) for k in range(len(paras)) if k not in drop)
    if not drop or kept_words < 0.3 * sum(len(f.split()) for f in flat):
        return text, []
    removed = [Removed(text=flat[k], reason="related_links", score=None, features=("link_list", "whole_link_text"
                                                                                   if bare[k] in links else "teaser_in_list"))
               for k in sorted(drop) if flat[k]]
    return "\n".join(p for k, p in enumerate(paras) if k not in drop), removed


def extract_html(html: str, url: str | None = None, settings: Settings = DEFAULT,
                 source: str | None = None) -> HtmlExtract | None:
    """Main text and metadata; None when the page holds no article text.

    Raises TooLarge before parsing a page with more tags than ``max_html_tags`` (a million ``<p>``
    would hold the parser and the extractor for minutes).
    """
    tags = html.count("<")
    if tags > settings.max_html_tags:
        raise TooLarge(f"the page has {tags:,} tags, over the {settings.max_html_tags:,} limit "
                       "(setting max_html_tags)", source=source or url)
    html = close_title(html)
    doc = None
    # Dates come from markup only (meta tags, JSON-LD, <time>, the URL): htmldate's "extensive search"
    # reads body prose, where "A 2024 engineering review" would become published=2024-01-01.
    date_params = {"original_date": True, "extensive_search": False, "max_date": dt.date.today().isoformat()}
    for recall in (False, True):  # a second, recall-first pass for pages the precise pass rejects
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, deduplicate=False, favor_recall=recall, date_extraction_params=date_params,
        )
        if doc is not None:
            break
    get = (lambda k, d=None: None) if doc is None else (
        doc.get if isinstance(doc, dict) else (lambda k, d=None: getattr(doc, k, d)))
    text = get("text") or ""
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        tree = None
    fallback = None
    if not text.strip() and tree is not None:
        text, fallback = _largest_block(lxml.html.fromstring(html)), "largest_text_block"  # a copy: it drops the head
    if not text.strip():
        return None
    lines = flatten_html(html)
    text = keep_paragraphs(split_layout_rows(text), lines)
    text, chrome = drop_page_chrome(text, lines, settings)
    if tree is not None:
        text, listed = drop_link_lists(text, _link_texts(tree))
        chrome += listed
    if not text.strip():
        return None
    page = read_page_meta(tree, lines, url, text) if tree is not None else PageMeta()
    published, sure, published_rule = page.published, page.published_sure, None
    if not published:
        published, sure = _reordered(parse_date(get("date")), lines, page.dates)
        markup = published or _fallback_date(html)
        published = _dateline_day(text, markup)
        published_rule = "dateline_day" if published != markup else None
    return HtmlExtract(
        text=text,
        title=page.title or (get("title") or None),
        outlet=page.outlet,
        published=published,
        author=(get("author") or None),
        url=(get("url") or url),
        removed=chrome + _dropped_blocks(html, text, settings),
        page=page,
        fallback=fallback,
        published_sure=sure,
        published_rule=published_rule,
    )


_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "GOLD COAST (Australia), December 30:", "NEW DELHI, Jan 2:": a place in capitals, the day without its year
_DATELINE_DAY = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,40}(?:\s*\([A-Z][A-Za-z .]{1,30}\))?,\s*"
                           r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\s*(?::|--|[—–-])")
_DATELINE_DAYS_BEFORE = 45  # a dateline's day this many days or fewer before the markup's date is the story's day


def _dateline_day(text: str, markup: str | None) -> str | None:
    """The markup's date (htmldate's guess or a published-time field), or the day the story's own dateline gives
    where it falls within ``_DATELINE_DAYS_BEFORE`` days before it ("GOLD COAST (Australia), December 30:" on a
    page whose markup says 15 January: 30 December of the year before). The dateline is the story's first line
    (of the first five); its year is the one that puts it on or before the markup's day."""
    if not markup:
        return markup
    day = dt.date.fromisoformat(markup)
    for line in text.splitlines()[:5]:
        m = _DATELINE_DAY.match(line)
        if m is None:
            continue
        month = _MONTH_NAMES.index(m.group(1).lower()) + 1
        for year in (day.year, day.year - 1):
            try:
                stated = dt.date(year, month, int(m.group(2)))
            except ValueError:
                continue
            if 0 < (day - stated).days <= _DATELINE_DAYS_BEFORE:
                return stated.isoformat()
        return markup
    return markup


def _reordered(date: str | None, lines: list[str], dates: PageDates | None) -> tuple[str | None, bool]:
    """The markup's date (htmldate's) read again where the page prints it as a numeric date that reads two ways
    ("Page Last Updated: 11/06/2012" read as 11 June): in the order the page's evidence gives, and not sure where
    it gives none. A date the page prints no such way stays as read."""
    if not date or dates is None:
        return date, True
    day = dt.date.fromisoformat(date)
    if day.day > 12 or day.day == day.month:
        return date, True
    for line in lines:
        for m in NUMERIC.finditer(line):
            if len(m.group(4)) == 4 and int(m.group(4)) == day.year and {int(m.group(1)), int(m.group(3))} == {day.day, day.month}:
                return read_numeric(m, dates.order(m, line))
    return date, True


# Block-level elements: a scraper that flattens a page to text starts a new line at each.
_FLAT_BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul", "option", "select", "button", "title", "center",
))
_INVISIBLE = "//script|//style|//noscript|//template|//svg|//head|//iframe|//object|//embed|//comment()"


def flatten_html(html: str) -> list[str]:
    """A page's visible text the way scrapers store it: one line per visible block, whitespace collapsed."""
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    for bad in tree.xpath(_INVISIBLE):
        if bad.getparent() is not None:
            bad.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _FLAT_BLOCKS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    text = tree.text_content()
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return [line for line in lines if line]
