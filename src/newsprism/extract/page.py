"""Outlet, headline and date of a saved web page, from the evidence a reader would use.

Each value comes with the rule that read it:

- **headline**: the longest run of the ``<title>``'s parts (split at " - ", " | ", " :: ", ": ",
  "_" …) or the ``og:title`` that the page also prints as a line of its own (``title_visible``);
  else the longest printed line the title starts or ends with (``title_prefix``: a title run on
  into a section or a script); else ``og:title`` or the one ``<h1>`` (``og_title``, ``h1``).
  A line of section words only ("News", "Breaking News", "Sport: Rugby") is never the headline. A title part
  the page marks as its own name (``site_tag_evidence``: og:site_name, a host of the page spelling it, a
  copyright line or logo text naming it, the same tag on other titles the page prints; each a score with its
  reason, a tag at ``_SITE_TAG_MIN``) is no part of the headline (``title_visible_site_tag_cut``); a title that
  names only the site gives way to the heading printed nearest above the main text (``heading_before_text``) or
  the element the markup marks as the headline (``marked_headline``).
- **outlet**: ``og:site_name`` (``og_site_name``; the first part of "The Star-Ledger - NJ.com",
  a domain where it is a URL); JSON-LD ``publisher`` when it names no company form (Inc, Ltd,
  LLC …: the publisher, not the outlet); the title's site part, what is left of the title
  around the headline (``title_site``: "… | Guardian Unlimited", "oHERALDo :: …", "… - World
  Soccer News", a domain in a tagline: "… at silicon.com"; of several parts the one the page's evidence
  backs, a web-edition word cut where the host spells the rest); the logo's alt text where a host of the
  page spells it (``logo_alt``: "Welcome to TMCnet.com", "SI.com"). Weak evidence, taken only after
  what the text states: a copyright line's holder when it is no company form and no wire
  (``copyright_holder``), the canonical URL's host written as is (``url_domain``).
  Never a tagline (over ``_SITE_MAX_WORDS`` words without a domain) nor a section name.
- **published**: the date printed within a few lines below the headline, in the page's own
  form and timezone (``printed_by_headline``: "Posted: Wednesday Jan 9, 2008", "28/12/2007",
  "Thu Jan 17, 2008 5:51pm IST"); else a date field of the page's own (``meta_date``:
  article:published_time, originalpublicationdate, publishdate …), its day as written (no
  conversion to UTC).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import lxml.html

from .dates import NUMERIC, PageDates, page_dates, read_numeric
from .meta import parse_date, parse_stamp
from .rules import score_line

_SEP = re.compile(r"\s+[|\-–—:»«•>~/]\s+|\s*(?:::|\|)\s*|(?<=\w)_(?=\w)|(?<=[a-z\d'’)])\s*[:»](?=\s)|"
                  r"(?<=\w)-\s+|\s+-(?=\w)|(?<=[a-z])-(?=[A-Z])|\s*\((?=[A-Z][\w .'-]{2,40}\)\s*$)|\)\s*$")
_SECTION_WORDS = frozenset((
    "news", "breaking", "latest", "home", "homepage", "sport", "sports", "world", "uk", "us", "u.s.", "local", "national",
    "general", "business", "entertainment", "technology", "tech", "politics", "opinion", "story", "stories", "top",
    "more", "features", "feature", "photos", "photo", "video", "videos", "blog", "blogs", "section", "front", "page",
    "online", "international", "science", "health", "money", "talkback", "comments", "and", "&", "the", "of", "in",
    "gossip", "rugby", "football", "soccer", "cricket", "golf", "tennis", "space", "travel", "services", "industry",
    "by", "article", "articles", "headlines", "main", "index", "add", "your", "comment", "post", "a", "news:",
    "edition", "today", "daily", "weekly", "region", "regional", "state", "metro", "city", "nation", "life",
    "lifestyle", "arts", "culture", "music", "film", "movies", "tv", "celebrity", "markets", "finance", "economy",
    "it", "pro", "english", "newsflash", "wire", "elections", "election", "reader", "center", "marketplace", "jobs",
    "search", "navigation", "menu", "sign", "log", "login", "welcome", "to", "site", "website", "official",
))
_COMPANY = re.compile(r"\b(?:inc|incorporated|llc|llp|lp|ltd|limited|plc|corp|corporation|co|company|companies|group|"
                      r"ventures|holdings|communications|enterprises|bhd|pty|gmbh|s\.?a|ag|networks?)\b\.?\s*$", re.I)
_WIRES = re.compile(r"^(?:the\s+)?(?:associated press|ap|reuters|afp|agence france[- ]presse|press association|pa|"
                    r"upi|dpa|xinhua|bloomberg|aap|pti|ians|ani|efe|kyodo|yonhap)$", re.I)
_DOMAIN = re.compile(r"(?<![\w@.-])((?:[a-z\d-]+\.)+(?:com|net|org|co\.uk|co\.za|com\.au|co\.nz|ie|in|ca|de|fr|info|biz|tv|"
                     r"us|uk|au|za|my|sg|ph|pk)\b)", re.I)
_SITE_MAX_WORDS = 7
_DATE_IN_LINE = re.compile(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2}|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+(?:19|20)\d{2})\b",
    re.I)
_AFTER_HEADLINE = 8   # lines below the headline searched for its printed date
_BEFORE_HEADLINE = 1  # and above it (a stamp set over the headline)
_ABOVE_HEADLINE = 12  # a date printed further above counts only beside the page's own date field (a day early at most)
_META_DATES = ("article:published_time", "originalpublicationdate", "publishdate", "publish_date", "pubdate",
               "dc.date.issued", "dcterms.created", "date_created", "doc_date", "article_date_original",
               "datepublished", "sailthru.date")  # a bare "date" field is often the day the page was served
_JSONLD_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"]{2,80})"')


@dataclass(frozen=True)
class PageMeta:
    """What the page's markup says: each value with the rule that read it (None where nothing did)."""

    title: str | None = None
    title_rule: str | None = None
    outlet: str | None = None
    outlet_rule: str | None = None
    weak_outlet: str | None = None  # copyright holder or URL host: used only when nothing else names the outlet
    weak_outlet_rule: str | None = None
    weak_outlet_hosted: bool = False  # the weak outlet is a copyright holder the page's own host spells
    published: str | None = None
    published_rule: str | None = None
    published_sure: bool = True  # False: a numeric date that reads two ways and the page says not which
    dates: PageDates | None = None  # the page's date evidence (``dates.page_dates``)


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w$%&]+", " ", text.lower()).split())


def is_section(text: str) -> bool:
    """A line of section or navigation words only ("News", "UK Latest", "Sport: Rugby: News24" is not)."""
    toks = _key(re.sub(r"\bU\.S\.", "US", text)).split()
    return not toks or all(t in _SECTION_WORDS for t in toks)


def _segments(title: str) -> list[tuple[int, int]]:
    """(start, end) of the title's parts between separators."""
    bounds = [(m.start(), m.end()) for m in _SEP.finditer(title)]
    cuts, start = [], 0
    for s, e in bounds:
        if title[start:s].strip():
            cuts.append((start, s))
        start = e
    if title[start:].strip():
        cuts.append((start, len(title)))
    return cuts


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" -–—|:»«•_~/>")


@dataclass(frozen=True)
class SiteEvidence:
    """What the page says about its own name: og:site_name, its hosts (the URL, the canonical link, the host
    most of its links point to), its copyright lines and logo texts, and its printed lines (where other
    titles carry the same tag: "Other post | Bad Astronomy")."""

    site_name: str = ""
    hosts: tuple[str, ...] = ()
    owner_lines: tuple[str, ...] = ()  # copyright lines and logo alt texts, as keys
    lines: tuple[str, ...] = ()
    logos: tuple[str, ...] = ()  # alt texts of the logo (an image linking home, or named logo/masthead)

    line_keys: tuple[str, ...] = ()  # ``_key`` of each line where the caller has them (else computed once)

    @cached_property
    def keys(self) -> tuple[str, ...]:
        return self.line_keys if len(self.line_keys) == len(self.lines) else tuple(_key(ln) for ln in self.lines)

    @cached_property
    def short_lines(self) -> tuple[tuple[str, str], ...]:
        """(lower-cased line, key) of each printed line under 200 characters: computed once per page."""
        return tuple((line.lower(), key) for line, key in zip(self.lines, self.keys, strict=True) if len(line) < 200)

    @cached_property
    def key_counts(self) -> Counter[str]:
        return Counter(self.keys)


_SITE_TAG_MIN = 1.0  # evidence a title part must reach to be read as the site's tag, not the headline's


def _host_labels(host: str) -> list[str]:
    """The name parts of a host: "cbsnews" of "www.cbsnews.com", "sportbox" of "sportbox.tv", and a long
    subdomain besides ("worldsoccer" of "worldsoccer.globalsportsmedia.com")."""
    parts = [re.sub(r"[^a-z0-9]", "", p) for p in host.lower().split(".") if p]
    while len(parts) > 1 and (len(parts[-1]) <= 3 or parts[-1] in ("info", "news")):
        parts.pop()
    if not parts:
        return []
    return [parts[-1], *(p for p in parts[:-1] if len(p) >= 7)]


def _host_names(name: str, host: str) -> bool:
    """A host spells the name ("TMCnet.com" on tmcnet.com), or the name is a domain whose name part is one of the
    host's parts ("SI.com" on sports.si.cnn.com)."""
    if any(_spells(re.sub(r"[^a-z0-9]", "", name.lower()), label) for label in _host_labels(host)):
        return True
    dom = _DOMAIN.fullmatch(name.strip())
    return bool(dom) and name.lower().split(".")[0] in host.lower().split(".")[:-1]


def _spells(letters: str, name: str) -> bool:
    """A title part's letters hold a name's or are held by it ("The Star Online" ~ thestar, "EuroNewsEuroNews"
    ~ euronews), the part no more than 12 letters longer."""
    if len(name) < 4 or len(letters) < 3 or len(letters) > len(name) + 12:
        return False
    bare = re.sub(r"^the", "", letters)
    return name in letters or (len(bare) >= 4 and (bare in name or name in bare)) or letters in name


def site_tag_evidence(part: str, ev: SiteEvidence, title: str = "") -> tuple[float, tuple[str, ...]]:
    """How strongly the page marks ``part`` (a piece of its title) as its own name, with the reasons:
    the og:site_name, a host's name spelled by its letters ("CBS News" ~ cbsnews.com), a copyright line or
    logo text naming it (1.0 each); the same tag set off on another title the page prints (1.0 for two or
    more, 0.5 for one); printed on its own in three or more places (0.5)."""
    key = _key(part)
    if not key or len(key.split()) > _SITE_MAX_WORDS + 3:
        return 0.0, ()
    score = 0.0
    why: list[str] = []
    site = _key(ev.site_name)
    if site and (key == site or (len(key) >= 4 and (f" {key} " in f" {site} " or f" {site} " in f" {key} "))):
        score, why = score + 1.0, [*why, "og_site_name"]
    full = re.sub(r"[^a-z0-9]", "", part.lower())
    for host in ev.hosts:
        if any(_spells(full, label) for label in _host_labels(host)):
            score, why = score + 1.0, [*why, f"host:{host}"]
            break
    if len(key) >= 3 and any(f" {key} " in f" {owner} " or len(owner.split()) <= 5 and _spells(full, owner.replace(" ", ""))
                             for owner in ev.owner_lines):
        score, why = score + 1.0, [*why, "copyright_or_logo"]
    tag = re.compile(r"(?:^|[|\-–—:»•~/]|::)\s*" + re.escape(part.strip()) + r"\s*$|^\s*" + re.escape(part.strip())
                     + r"\s*(?:[|\-–—:»•~/]|::)", re.I)
    tkey, low = _key(title), part.strip().lower()
    others = sum(1 for line, lkey in ev.short_lines if low in line and lkey != tkey and lkey != key and tag.search(line))
    if others:
        score, why = score + (1.0 if others >= 2 else 0.5), [*why, f"tag_on_{others}_other_titles"]
    alone = ev.key_counts[key]
    if alone >= 3:
        score, why = score + 0.5, [*why, f"printed_alone_{alone}x"]
    return score, tuple(why)


def _is_site(part: str, ev: SiteEvidence, title: str) -> bool:
    return site_tag_evidence(part, ev, title)[0] >= _SITE_TAG_MIN


_HEADING_MAX_GAP = 20  # a heading this many lines at most above the main text's first paragraph


def _heading_before_text(headings: list[str], lines: list[str], text_start: int | None, ev: SiteEvidence,
                         title: str) -> str | None:
    """The heading (h1–h4, or an element whose class or id says headline/title) printed nearest above the
    main text's first paragraph: the headline of a page whose title names only the site or a section."""
    if text_start is None:
        return None
    keys = {_key(h) for h in headings if 3 <= len(h.split()) <= 25 and not is_section(h)}
    for i in range(text_start, max(-1, text_start - _HEADING_MAX_GAP), -1):
        line = lines[i]
        if _key(line) in keys and not _is_site(line, ev, title) and not _DATE_IN_LINE.search(line):
            return _clean(line)
    return None


def _headline(title: str, og_title: str | None, visible: dict[str, int], h1: list[str],
              printed: dict[str, str], ev: SiteEvidence = SiteEvidence(), headings: list[str] | None = None,
              lines: list[str] | None = None, text_start: int | None = None) -> tuple[str | None, str | None]:
    segs = _segments(title) if title else []
    tags = [_is_site(_clean(title[s:e]), ev, title) for s, e in segs]
    best: str | None = None
    for i in range(len(segs)):
        for j in range(i, len(segs)):
            if any(tags[i:j + 1]):
                continue  # a run holding the site's own tag ("… | Bad Astronomy", "BBC News - …") is no headline
            run = _clean(title[segs[i][0]:segs[j][1]])
            if len(run.split()) >= 2 and _key(run) in visible and not is_section(run) and (best is None or len(run) > len(best)):
                best = run
    if og_title and _key(og_title) in visible and not is_section(og_title) and not _is_site(og_title, ev, title) \
            and (best is None or len(og_title) > len(best)):
        best = _clean(og_title)
    if best:
        return best, "title_visible_site_tag_cut" if any(tags) else "title_visible"
    heading = _heading_before_text(headings or [], lines or [], text_start, ev, title) if any(tags) else None
    if heading:
        return heading, "heading_before_text"
    if title:
        tkey = _key(title)
        found = [line for line in visible if len(line.split()) >= 3 and (tkey.startswith(line + " ") or tkey.endswith(" " + line))
                 and not is_section(line) and not _is_site(printed[line], ev, title)]
        if found:
            return _clean(printed[max(found, key=len)]), "title_prefix"
    if og_title and not is_section(og_title) and not _is_site(og_title, ev, title):
        return _clean(og_title), "og_title"
    real = [h for h in h1 if not is_section(h) and len(h.split()) >= 3 and not _is_site(h, ev, title)]
    if len(real) == 1:
        return _clean(real[0]), "h1"
    heading = _heading_before_text(headings or [], lines or [], text_start, ev, title)
    if heading:
        return heading, "heading_before_text"
    return None, None


def _site_part(part: str) -> str | None:
    """An outlet name in a part of the title or og:site_name: a domain in a tagline, or a short non-section name."""
    part = _clean(re.sub(r"^(?:welcome to|home of)\s+", "", part.strip(), flags=re.I))
    bracketed = re.match(r"^\(([^()]{2,40})\)", part)  # "(The Korea Times)" glued to the headline
    part = bracketed.group(1).strip() if bracketed else part
    if not part or re.search(r"[;{}=<>\"]", part):  # script or markup run into the title
        return None
    dom = _DOMAIN.search(part)
    if dom and (len(part.split()) > 1 or part.lower().startswith(("http", "www."))):
        return dom.group(1)
    if is_section(part) or len(part.split()) > _SITE_MAX_WORDS or re.search(r"\d{1,2}/\d{1,2}/\d{2,4}", part):
        return None
    return part


def _named_site(part: str, ev: SiteEvidence) -> tuple[str | None, float]:
    """The outlet name a title part gives, with the evidence that the page names itself so; a part of
    section words only ("World Soccer News") counts where the page's host spells its leading words, and a name
    whose leading words the host spells is cut to them where the rest names a web edition ("Berkshire Eagle
    Online" on berkshireeagle.com)."""
    twice = re.fullmatch(r"(\S{3,30})\1", part.strip())
    part = twice.group(1) if twice else part  # a logo's text run into its alt text ("EuroNewsEuroNews")
    evidence = site_tag_evidence(part, ev)[0] if ev.hosts or ev.owner_lines or ev.site_name else 0.0
    words = _clean(part).split()
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if all(_key(w) in _EDITION_WORDS for w in words[n:]) and any(
                re.sub(r"[^a-z0-9]", "", head.lower()) in _host_labels(h) for h in ev.hosts):
            return head, max(evidence, 1.0)  # "Berkshire Eagle Online" on berkshireeagle.com
    site = _site_part(part)
    return (site, evidence) if site else (None, 0.0)


def _best_site(parts: list[str], ev: SiteEvidence) -> str | None:
    """Of the title's parts besides the headline (in the order they are read), the name the page's own
    evidence backs most (its host spells it, a copyright line or logo names it); the first on a tie."""
    best, best_score = None, -1.0
    for part in parts:
        site, score = _named_site(part, ev)
        if site and score > best_score:
            best, best_score = site, score
    return best


def _title_site(title: str, headline: str | None, ev: SiteEvidence = SiteEvidence()) -> str | None:
    """The outlet in what the title holds besides the headline: the part after it (read from the end),
    else the part before it; a domain named in a tagline ("… at silicon.com") first; among several parts
    the one the page's evidence backs ("… | Auto X Pert - Automotive Blog" on autoxpert.info)."""
    if not title:
        return None
    at = title.lower().find(headline.lower()) if headline else -1
    if at >= 0 and headline:
        sides = (title[at + len(headline):], title[:at])
        for side, from_end in zip(sides, (True, False), strict=True):
            dom = _DOMAIN.search(side)
            if dom and len(side.split()) > 1:
                return dom.group(1)
            parts = [_clean(side[s:e]) for s, e in _segments(side)]
            site = _best_site(list(reversed(parts)) if from_end else parts, ev)
            if site:
                return site
        return None
    segs = [_clean(title[s:e]) for s, e in _segments(title)]
    if len(segs) == 1:
        only = segs[0]
        if len(only.split()) <= 5 and all(w[:1].isupper() or w[:1].isdigit() or w in _LOWER_IN_NAMES for w in only.split()) \
                or _DOMAIN.search(only):
            return _site_part(only)
        return None
    head = set(_key(headline or "").split())
    cands = []
    for cand in segs:
        words = set(_key(cand).split())
        if head and len(words & head) * 2 > len(words):
            continue  # the headline in other words (the page prints another form of it)
        cands.append(cand)
    return _best_site(cands, ev)


# words that name a web edition or its genre, not the outlet ("Berkshire Eagle Online", "World Soccer News")
_EDITION_WORDS = frozenset(("online", "news", "newspaper", "web", "website", "site", "digital", "interactive", "com",
                            "newsroom", "headlines"))
_LOWER_IN_NAMES = frozenset(("the", "of", "and", "for", "on", "in", "at"))


def _holder(line: str) -> str | None:
    m = re.match(r"^\W*(?:copyright|\(c\)|©)\s*(?:©|\(c\))?\s*(?:(?:\d{4}|M{1,3}[CDLXVI]*)(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
                 r"(?:by\s+)?(.*)$", line, re.I)  # a year in Roman numerals ("© MMVIII, CBS …") is a year
    if not m:
        return None
    rest = re.split(r"\.\s|[|(]|\ball rights\b|\d{4}", m.group(1), maxsplit=1, flags=re.I)[0]
    rest = _clean(rest.strip(" .,"))
    rest = re.split(r",\s", rest)[0]
    if not rest or len(rest.split()) > 4 or _COMPANY.search(rest) or _WIRES.match(rest) or is_section(rest):
        return None
    if not (re.search(r"[A-Z]", rest) or _DOMAIN.search(rest)):
        return None
    return rest


def _host(url: str | None) -> str | None:
    if not url:
        return None
    m = re.match(r"^\s*https?://([^/:?#\s]+)", url, re.I)
    if not m:
        return None
    host = m.group(1).lower()
    return re.sub(r"^(?:www\d?|news|blogs?|online|edition|m)\.(?=[^.]+\.[^.]+)", "", host)


# a photo's caption printed by the headline ("Rebekah Brooks … in London, June 13, 2012. (AP)"): its date is the
# day the picture was taken, not the day the article was published
_CAPTION_CREDIT = re.compile(r"[.!?”\"]\s*\((?:AP|AFP|Reuters|EPA|Getty Images|[A-Z]{2,6}/AP)\)\s*$")


def _caption(line: str) -> bool:
    """A photo's caption or credit line (a credit closing a sentence, or the cleaner's photo-credit rules)."""
    if _CAPTION_CREDIT.search(line):
        return True
    scored = score_line(line, 0.5)
    return scored is not None and scored.category == "photo_credit"


def _read_date(text: str, dates: PageDates | None, line: str = "") -> tuple[str | None, bool]:
    """A date found in a line → ``YYYY-MM-DD`` and whether it is sure: a numeric date that reads two ways
    ("10/01/2008") in the order the page's evidence gives (``dates.PageDates``), not sure where it gives none."""
    m = NUMERIC.fullmatch(text.strip())
    if m is not None and dates is not None:
        date, sure = read_numeric(m, dates.order(m, line))
        if date:
            return date, sure
    return parse_stamp(text) or parse_date(text), True


def printed_date(lines: list[str], at: int, dates: PageDates | None = None) -> str | None:
    """The first full date printed on a short line below the headline at ``lines[at]`` (or just above it), not in a
    photo's caption."""
    return _printed_date(lines, at, dates)[0]


def _printed_date(lines: list[str], at: int, dates: PageDates | None = None) -> tuple[str | None, bool]:
    order = list(range(at + 1, min(len(lines), at + 1 + _AFTER_HEADLINE))) + list(range(at - 1, max(-1, at - 1 - _BEFORE_HEADLINE), -1))
    for i in order:
        line = lines[i]
        if len(line.split()) > 16 or _caption(line):
            continue
        m = _DATE_IN_LINE.search(line)
        if m:
            date, sure = _read_date(m.group(0), dates, line)
            if date:
                return date, sure
    return None, True


def _date_above(lines: list[str], at: int, dates: PageDates | None = None) -> tuple[str | None, bool]:
    for i in range(at - 1, max(-1, at - 1 - _ABOVE_HEADLINE), -1):
        m = _DATE_IN_LINE.search(lines[i]) if len(lines[i].split()) <= 16 and not _caption(lines[i]) else None
        if m:
            date, sure = _read_date(m.group(0), dates, lines[i])
            if date:
                return date, sure
    return None, True


def _meta_date(metas: dict[str, str]) -> str | None:
    for name in _META_DATES:
        value = metas.get(name)
        if value:
            m = re.match(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})", value)
            date = parse_date(f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}") if m else (parse_stamp(value) or parse_date(value))
            if date:
                return date
    return None


def _outlet(tree: lxml.html.HtmlElement, metas: dict[str, str], title: str,
            headline: str | None, ev: SiteEvidence = SiteEvidence()) -> tuple[str | None, str | None]:
    site = metas.get("og:site_name")
    if site:
        first = _clean(re.split(r"\s+[-|–—]\s+", site)[0])
        name = _host(first) if first.lower().startswith("http") else _site_part(first)
        if name:
            return name, "og_site_name"
    for raw in tree.xpath("//script[@type='application/ld+json']/text()"):
        m = _JSONLD_PUBLISHER.search(raw)
        if m and not _COMPANY.search(m.group(1)) and not is_section(m.group(1)):
            try:
                name = json.loads(f'"{m.group(1)}"')
            except ValueError:
                name = m.group(1)
            return _clean(name), "jsonld_publisher"
    name = _title_site(title, headline, ev)
    if name:
        return name, "title_site"
    for alt in ev.logos:  # the logo's text, where a host of the page spells it ("Welcome to TMCnet.com")
        name, _evidence = _named_site(re.sub(r"\s+logo$", "", alt, flags=re.I), ev)
        if name and any(_host_names(name, h) for h in ev.hosts):
            return name, "logo_alt"
    return (None, None)


def _weak_outlet(tree: lxml.html.HtmlElement, metas: dict[str, str], lines: list[str],
                 url: str | None) -> tuple[str | None, str | None]:
    for line in [ln for ln in lines if re.search(r"©|\bcopyright\b|\(c\)", ln, re.I)] + [metas.get("copyright", "")]:
        holder = _holder(line) if line else None
        if holder:
            return holder, "copyright_holder"
    for link in tree.xpath("//link[@rel='canonical']/@href"):
        if _host(link):
            return _host(link), "url_domain"
    host = _host(metas.get("og:url")) or _host(url)
    return (host, "url_domain") if host else (None, None)


def _published(lines: list[str], visible: dict[str, int], headline: str | None,
               metas: dict[str, str], dates: PageDates | None = None) -> tuple[str | None, str | None, bool]:
    """The page's date, the rule that read it and whether it is sure (a numeric date the page's evidence orders)."""
    at = visible.get(_key(headline)) if headline is not None else None
    if at is not None:
        printed, sure = _printed_date(lines, at, dates)
        if printed:
            return printed, "printed_by_headline", sure
    published = _meta_date(metas)
    if published is None:
        return None, None, True
    above, sure = _date_above(lines, at, dates) if at is not None else (None, True)
    if above and 0 <= (dt.date.fromisoformat(published) - dt.date.fromisoformat(above)).days <= 1:
        # the page prints the day its own clock says; the field is a timestamp in another timezone
        return above, "printed_above_headline", sure
    return published, "meta_date", True


_HEADING_TAGS = frozenset(("div", "span", "td", "p", "a", "font", "b", "strong", "h1", "h2", "h3"))
_HEADING_HINT = re.compile(r"headline|(?:^|[_\s-])(?:article|story|post|entry|news)?_?title|^title", re.I)


def _headings(tree: lxml.html.HtmlElement) -> tuple[list[str], list[str]]:
    """Texts of the page's headings (h1–h4 and the marked ones), and of those its markup marks as a headline
    or title by class or id ("Article_title", "headline")."""
    out = [" ".join(h.text_content().split()) for h in tree.iter("h1", "h2", "h3", "h4")]
    marked = []
    for el in tree.xpath("//*[contains(translate(concat(@class, ' ', @id), 'HEADLINTE', 'headlinte'), 'headline') or "
                         "contains(translate(concat(@class, ' ', @id), 'TITLE', 'title'), 'title')]"):
        if not isinstance(el.tag, str) or el.tag not in _HEADING_TAGS:
            continue
        hint = f"{el.get('class', '')} {el.get('id', '')}"
        if hint.strip() and _HEADING_HINT.search(hint) and not re.search(r"widget|sub|small|related|bar", hint, re.I):
            marked.append(" ".join(el.text_content().split()))
    return [h for h in out + marked if h], [h for h in marked if h]


def _site_evidence(tree: lxml.html.HtmlElement, metas: dict[str, str], lines: list[str], url: str | None,
                   keys: list[str]) -> SiteEvidence:
    hosts: list[str] = []
    for cand in [url, metas.get("og:url"), *tree.xpath("//link[@rel='canonical']/@href")]:
        host = _host(cand)
        if host and host not in hosts:
            hosts.append(host)
    counts: dict[str, int] = {}
    for href in tree.xpath("//a/@href[starts-with(., 'http')]"):
        host = _host(href)
        if host:
            counts[host] = counts.get(host, 0) + 1
    if counts:
        top = max(counts, key=lambda h: counts[h])
        if counts[top] >= 3 and top not in hosts:
            hosts.append(top)  # the host most of the page's links point to: its own
    owners = [_key(ln) for ln in lines if re.search(r"©|\bcopyright\b|\(c\)", ln, re.I) and len(ln) < 300 and _key(ln)]
    if metas.get("copyright"):
        owners.append(_key(metas["copyright"]))
    logos: list[str] = []
    for img in tree.iter("img"):
        alt = (img.get("alt") or "").strip()
        parent = img.getparent()
        home = parent is not None and parent.tag == "a" and re.match(r"^(?:/|\./|index\.\w+|https?://[^/]+/?)$",
                                                                       (parent.get("href") or "").strip())
        if alt and (home or re.search(r"logo|masthead|brand", f"{img.get('src', '')} {img.get('class', '')} "
                                                                f"{img.get('id', '')}", re.I)):
            owners.append(_key(alt))
            logos.append(" ".join(alt.split()))
    owners = [o for o in owners if o]
    return SiteEvidence(site_name=metas.get("og:site_name", ""), hosts=tuple(hosts), owner_lines=tuple(owners),
                        lines=tuple(lines), logos=tuple(logos), line_keys=tuple(keys))


def _text_start(lines: list[str], text: str | None) -> int | None:
    """The first line of eight words or more the page prints that the main text holds (its first paragraph, or
    the first line of it where the page breaks it)."""
    if not text:
        return None
    tkey = f" {_key(text)} "
    for i, line in enumerate(lines):
        if len(line.split()) >= 8 and f" {_key(line)} " in tkey:
            return i
    return None


def read_page_meta(tree: lxml.html.HtmlElement, lines: list[str], url: str | None = None,
                   text: str | None = None) -> PageMeta:
    """Headline, outlet and date from a parsed page, its visible lines (``html.flatten_html``) and, where
    known, the main text found on it (whose first paragraph places a headline the title does not hold)."""
    metas: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if key and key not in metas and (m.get("content") or "").strip():
            metas[key] = " ".join((m.get("content") or "").split())
    titles = [" ".join(t.text_content().split()) for t in tree.iter("title")]
    title = next((t for t in titles if t), "")
    h1 = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    visible: dict[str, int] = {}
    printed: dict[str, str] = {}
    prose_after = [max((len(ln.split()) for ln in lines[i + 1:i + 11]), default=0) for i in range(len(lines))]
    keys = [_key(line) for line in lines]
    for i, line in enumerate(lines):
        key = keys[i]
        # a headline printed twice (a "recent posts" list above the story): the place followed by prose
        if key not in visible or prose_after[i] > prose_after[visible[key]]:
            visible[key] = i
            printed[key] = line
    ev = _site_evidence(tree, metas, lines, url, keys)
    headings, marked = _headings(tree)
    headline, headline_rule = _headline(title, metas.get("og:title"), visible, h1, printed, ev, headings,
                                        lines, _text_start(lines, text))
    if headline and headline_rule == "title_visible" and len(_segments(title)) == 1 \
            and site_tag_evidence(headline, ev, title)[0] > 0:
        # a title of one part the page also uses as its own tag, beside an element marked as the headline
        other = [m for m in marked if 3 <= len(m.split()) <= 25 and _key(m) in visible and _key(m) != _key(headline)
                 and not is_section(m) and not _is_site(m, ev, title)]
        if len(other) == 1:
            headline, headline_rule = _clean(other[0]), "marked_headline"

    outlet, outlet_rule = _outlet(tree, metas, title, headline, ev)
    weak, weak_rule = _weak_outlet(tree, metas, lines, url)
    locales = [v for v in (tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
                           metas.get("og:locale"), metas.get("language"), metas.get("content-language"),
                           metas.get("dc.language")) if v]
    dates = page_dates(lines, [p.strip() for v in locales for p in v.split(",")], ev.hosts)
    published, published_rule, published_sure = _published(lines, visible, headline, metas, dates)
    hosted = bool(weak) and weak_rule == "copyright_holder" and any(_host_names(weak or "", h) for h in ev.hosts)
    return PageMeta(title=headline, title_rule=headline_rule, outlet=outlet, outlet_rule=outlet_rule,
                    weak_outlet=weak, weak_outlet_rule=weak_rule, weak_outlet_hosted=hosted, published=published,
                    published_rule=published_rule, published_sure=published_sure, dates=dates)
