"""Clean text that was already flattened from a page (one paragraph per line).

Three passes over the lines:

1. metadata the text states (``meta.py``): near the top a store stamp, datelines, stamps,
   bylines and their affiliation line; at the end wire credits, reporting credits and
   copyright lines. They leave the body; their values become outlet, published, author
   and credits, each with the rule that read it.
2. the learned line model (``lines.py``, trained on real pages) gives every line a
   probability of being page chrome; lines at or above the model's threshold are dropped;
3. the named rules (``rules.py``) still decide alone for the categories where they beat
   the model on the extraction dev split, and a "Related posts" heading takes the
   headline-shaped lines under it.

Before them, mojibake is repaired (ftfy) and hard-wrapped lines are joined into their
paragraphs (a line ending without sentence punctuation followed by one starting in lower
case; in a text wrapped throughout, every line the next word would not have fitted on), so
that the model sees paragraphs and a quote stays with its speaker.

Every dropped line is kept in ``removed`` with its category, score and the features that
decided. The first line becomes the title when it reads as a headline; a site name,
breadcrumb or menu line above it is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import ftfy

from ..records import Paragraph, Removed
from ..settings import DEFAULT, Settings
from .lines import LineVerdict, load_model
from .meta import (BYLINE, OUTLET_DATELINE as DATELINE, MetaRead, parse_stamp, read_affiliation, read_tail_line, read_top_line,
                   read_update_stamp)
from ..text.words import words
from .rules import _TERMINAL, FEATURES, Feature, LineScore, is_heading, is_headline, score_line

__all__ = ["Cleaned", "clean_text", "words", "score_line", "is_headline", "is_heading", "FEATURES", "LineScore",
           "DATELINE", "BYLINE"]


@dataclass
class Cleaned:
    text: str
    paragraphs: list[Paragraph]
    removed: list[Removed]
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    credits: list[str] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)  # field → the rule that read it
    decisions: list[str | None] = field(default_factory=list)  # per non-blank input line: why it was dropped, or None
    joined: int = 0  # hard-wrapped input lines joined to the line before them


# Which date wins when several are stated: a labelled publication stamp first, "Updated" last.
_DATE_PRIORITY = {"published_stamp": 0, "posted_stamp": 0, "added_stamp": 0, "first published_stamp": 0,
                  "created_stamp": 0, "dated_stamp": 0, "date_stamp_labelled": 0, "outlet_date_dateline": 1,
                  "store_stamp": 1, "city_date_agency_dateline": 1, "date_stamp_by_byline": 2, "date_stamp": 3,
                  "last updated_stamp": 4, "updated_stamp": 4}
_OUTLET_PRIORITY = {"outlet_date_dateline": 0, "city_agency_dateline": 0, "city_date_agency_dateline": 0,
                    "wire_line": 1, "byline_affiliation": 1, "by_byline": 2, "name_line_byline": 2, "wire_suffix": 3,
                    "copyright_line": 4}


class _Meta:
    """Collects what the metadata readers found and decides which value of each field wins."""

    def __init__(self, top_end: int) -> None:
        self.top_end = top_end
        self.dates: list[tuple[int, int, str, str]] = []    # (priority, line, value, rule)
        self.outlets: list[tuple[int, int, str, str]] = []
        self.authors: list[tuple[int, str, str]] = []
        self.credits: list[str] = []
        self.byline_at: list[int] = []

    def add(self, hit: MetaRead, i: int) -> None:
        if hit.reason == "byline":
            self.byline_at.append(i)
        for name, value in hit.values:
            if not value:
                continue
            if name == "published":
                self.dates.append((_DATE_PRIORITY.get(hit.rule, 3), i, value, hit.rule))
            elif name == "outlet":
                self.outlets.append((_OUTLET_PRIORITY.get(hit.rule, 1), i, value, hit.rule))
            elif name == "author":
                self.authors.append((i, value, hit.rule))
            elif name == "credit" and value not in self.credits:
                self.credits.append(value)
                if hit.rule in ("wire_line", "by_byline", "name_line_byline") and i < self.top_end:
                    self.outlets.append((_OUTLET_PRIORITY.get(hit.rule, 1), i, value, hit.rule))

    def settle(self, out: Cleaned) -> None:
        dates = []
        for prio, i, value, rule in self.dates:
            if rule == "date_stamp" and any(abs(i - b) <= 1 for b in self.byline_at):
                prio, rule = _DATE_PRIORITY["date_stamp_by_byline"], "date_stamp_by_byline"
            dates.append((prio, i, value, rule))
        if dates and out.published is None:
            _p, _i, out.published, out.rules["published"] = min(dates)
        if self.outlets and out.outlet is None:
            _p, _i, out.outlet, out.rules["outlet"] = min(self.outlets)
        if self.authors and out.author is None:
            _i, out.author, out.rules["author"] = self.authors[0]
        out.credits = list(self.credits)


_SENTENCE_END = re.compile(r"[.!?…]['’”\")]*\s*$")


def _introduces_quote(lines: list[str], i: int) -> bool:
    """The line ends with a colon and the next one opens a quotation: it names the speaker ("Johan Ekberg,
    Arden Herald:"), which the line model alone never drops."""
    return lines[i].rstrip().endswith(":") and i + 1 < len(lines) and lines[i + 1][:1] in "“\"‘'«"


def _ends_sentence(line: str) -> bool:
    """The line ends a sentence (a table's cell bars after it do not count)."""
    return _SENTENCE_END.search(line.rstrip(" |")) is not None


_CODE = re.compile(r"\bfunction\s*\(|\bjQuery\s*\(|\bdocument\.\w|\bwindow\.\w|\bvar\s+\w+\s*=|\}\s*\)\s*;|"
                   r"^\s*\"\)\s*;|\$\(\s*[\"'#.]")
_CODE_CHARS = frozenset("{}();=<>$")


def is_code(line: str, settings: Settings = DEFAULT) -> bool:
    """Script or player code that leaked into the text (``jQuery(document).ready(...)``), not prose."""
    if not _CODE.search(line):
        return False
    return sum(ch in _CODE_CHARS for ch in line) / max(len(line), 1) >= settings.code_char_share


def _model_category(line: str) -> tuple[str, tuple[str, ...]]:
    """The category a line the model dropped is filed under, from the named rules that fire on it."""
    scored = score_line(line, 0.5)
    if scored is not None:
        return scored.category, scored.features
    if parse_stamp(line) if len(line) <= 60 else False:
        return "timestamp", ("date_only",)
    if len(words(line)) <= 6:
        return "navigation", ("short_fragment",)
    return "page_chrome", ()


def _echoes_title(line: str, title: str) -> bool:
    """The headline again under itself, alone or glued to a breadcrumb or to itself ("News World <title>")."""
    low, t = line.lower(), title.lower()
    return low == t or (len(t) >= 10 and t in low and len(low) <= 2 * len(t) + 20)


def _meta_removed(hit: MetaRead) -> Removed:
    return Removed(text=hit.removed, reason=hit.reason,
                   features=(f"rule:{hit.rule}",) + tuple(f"{k}={v}" for k, v in hit.values))


_LOST_QUOTE = re.compile(r"(?<=\S)â€(?=\s|$)")
_DAGGER_QUOTE = re.compile(r"(?<=\S)†(?=[^\s†])")


def _dagger_quote(m: re.Match[str]) -> str:
    """"†" glued between two words, closing a “ opened before it on the same line, is "” ": the mojibake
    "â€\x9d" of "”" whose invisible last byte became the no-break space after it ("â€\xa0", re-read as UTF-8,
    is "†"). A footnote dagger ("Smith†") is left: it closes no open quotation."""
    line = m.string[m.string.rfind("\n", 0, m.start()) + 1:m.start()]
    return "” " if line.rfind("“") > line.rfind("”") else m.group(0)


def repair_text(raw: str) -> str:
    """Mojibake repaired with ftfy ("â€œ" → "“", "donâ€™t" → "don’t"); curly quotes and line breaks are kept
    as they are. A closing quote whose invisible last byte was lost in a copy ("â€" at a word's end, the
    remains of "â€\x9d") becomes "”"; one whose last byte became a no-break space ("†" glued to the next word
    inside an open quotation) becomes "” "."""
    if raw.isascii() and "&" not in raw:
        return raw
    fixed = ftfy.fix_text(raw, uncurl_quotes=False, fix_line_breaks=False)
    return _DAGGER_QUOTE.sub(_dagger_quote, _LOST_QUOTE.sub("”", fixed))


def _continues(prev: str, nxt: str, settings: Settings) -> bool:
    """``nxt`` goes on the sentence of ``prev``: a line of some words without sentence punctuation at its end
    followed by a line that starts in lower case (a hard wrap, or a quote cut from its "said")."""
    return (nxt[:1].isalpha() and nxt[:1].islower() and not _TERMINAL.search(prev)
            and len(words(prev)) >= settings.hard_wrap_min_words)


def join_wrapped(raw_lines: list[str], settings: Settings = DEFAULT) -> tuple[list[str], list[tuple[int, ...]]]:
    """Lines (blank ones included) → paragraphs and, for each, the indices of the non-blank lines it joins.

    Joined: every lower-case continuation (``_continues``); in a text that is hard-wrapped throughout (at
    least ``hard_wrap_min_share`` of its line pairs, and ``hard_wrap_min_breaks``, are such continuations)
    also every line whose next line's first word would not have fitted on it (the wrap width is the
    longest line that a continuation follows): a short line there ends its paragraph. A blank line
    always ends one.
    """
    items: list[tuple[str, bool]] = []  # (line, a blank line before it)
    blank = False
    for line in raw_lines:
        if not line:
            blank = True
            continue
        items.append((line, blank))
        blank = False
    n = len(items)
    cont = [i + 1 < n and not items[i + 1][1] and _continues(items[i][0], items[i + 1][0], settings)
            for i in range(n)]
    breaks = sum(cont)
    wrapped = breaks >= settings.hard_wrap_min_breaks and breaks >= settings.hard_wrap_min_share * max(n - 1, 1)
    width = max((len(items[i][0]) for i in range(n) if cont[i]), default=0) if wrapped else 0
    out: list[str] = []
    origins: list[tuple[int, ...]] = []
    for i, (line, blank_before) in enumerate(items):
        prev = items[i - 1][0] if i else ""
        join = i > 0 and (cont[i - 1] or (wrapped and not blank_before
                                          and len(prev) + 1 + len(line.split()[0]) > width))
        if join:
            glue = "" if prev.endswith("-") and not prev.endswith(" -") and line[:1].islower() else " "
            out[-1] += glue + line
            origins[-1] += (i,)
        else:
            out.append(line)
            origins.append((i,))
    return out, origins


def _lead_chrome(lines: list[str], verdicts: list[LineVerdict], settings: Settings) -> Removed | None:
    """The first line when it is page chrome above the headline on the second line: a breadcrumb glued to
    the headline ("News World <headline>"), a line the named rules score as chrome (a menu), or a line the
    model scores as chrome more surely than the headline under it (a site name, a promo bar)."""
    if len(lines) < 3:
        return None
    first, second = lines[0], lines[1]
    if not is_headline(second, settings.headline_max_words) or read_top_line(second) is not None:
        return None
    if read_top_line(first, names=False, settings=settings) is not None:
        return None
    if len(first) > len(second) and first.lower().endswith(second.lower()):
        return Removed(text=first, reason="navigation", features=("breadcrumb_before_title",))
    scored = score_line(first, 0.0, settings)
    if scored is not None and scored.score >= settings.boilerplate_threshold:
        return Removed(text=first, reason=scored.category, score=scored.score,
                       features=("above_headline",) + scored.features)
    v0, v1 = verdicts[0], verdicts[1]
    if (v0.probability >= settings.boilerplate_model_min and v1.probability < v0.probability
            and first.lower() not in second.lower()):  # a headline doubled under itself is still the headline
        category, rule_features = _model_category(first)
        return Removed(text=first, reason=category, score=v0.probability,
                       features=("model:boilerplate_lr", "above_headline") + rule_features + v0.top_features)
    return None


def _find_title(lines: list[str], title: str | None, settings: Settings, first: int = 0) -> tuple[str | None, int]:
    """The headline (given, or line ``first`` when it reads as one) and the index of the first body line."""
    if (title is None and is_headline(lines[first], settings.headline_max_words) and len(lines) > first + 1
            and read_top_line(lines[first]) is None):
        first_score = score_line(lines[first], 0.0, settings)
        if first_score is None or first_score.score < settings.boilerplate_threshold:
            return lines[first], first + 1
    elif title is not None and lines[first].strip().lower() == title.strip().lower():
        return title, first + 1
    return title, first


def _boilerplate(line: str, position: float, verdict: LineVerdict, kept_rules: list[tuple[str, Feature]],
                 kept_categories: frozenset[str], in_related: bool, settings: Settings) -> Removed | None:
    """Why a line is page chrome (leaked code, a kept named rule, the model, a related-links list), or None."""
    if is_code(line, settings):
        return Removed(text=line, reason="embedded_code", features=("code_syntax",))
    n_words = len(words(line))
    rule = next(((cat, r) for cat, r in kept_rules if r.pattern.search(line)), None)
    if rule is not None and n_words <= settings.boilerplate_max_words:
        scored = score_line(line, position, settings)
        return Removed(text=line, reason=rule[0], score=scored.score if scored else None,
                       features=(f"rule:{rule[1].name}",) + (scored.features if scored else ()))
    scored = score_line(line, min(position, 0.5), settings)  # as chosen on dev: no page-tail bonus
    if scored is not None and scored.category in kept_categories and scored.score >= settings.boilerplate_threshold:
        return Removed(text=line, reason=scored.category, score=scored.score,
                       features=(f"rule_category:{scored.category}",) + scored.features)
    sentence = _ends_sentence(line)
    prose = n_words >= settings.model_prose_words and sentence
    # a line that reads as a sentence needs a surer model to be dropped than a bare label or link
    needed = (settings.boilerplate_model_sentence_min if sentence and n_words >= settings.sentence_min_words
              else settings.boilerplate_model_min)
    if verdict.probability >= needed and n_words <= settings.boilerplate_max_words and not prose:
        category, rule_features = _model_category(line)
        if in_related and category in ("page_chrome", "navigation"):
            category, rule_features = "related_links", ("under_related_heading",)
        return Removed(text=line, reason=category, score=verdict.probability,
                       features=("model:boilerplate_lr",) + rule_features + verdict.top_features)
    if in_related and (is_headline(line, settings.related_headline_max_words) or (
            not _TERMINAL.search(line) and len(words(line)) <= settings.related_headline_max_words)):
        return Removed(text=line, reason="related_links", features=("under_related_heading", "headline_shape"))
    return None


def _read_meta(line: str, top: bool, tail: bool, prose_seen: bool, after_byline: bool,
               settings: Settings) -> MetaRead | None:
    """Metadata a line states: near the top datelines, stamps and bylines; at the end credits; anywhere a
    live-blog update stamp in front of a paragraph."""
    hit = None
    if top:
        hit = read_top_line(line, names=not prose_seen, settings=settings) or (
            read_affiliation(line) if after_byline else None)
    if hit is None:
        hit = read_update_stamp(line)
    if hit is None and tail:
        hit = read_tail_line(line)
    return hit


def clean_text(raw: str, settings: Settings = DEFAULT, title: str | None = None) -> Cleaned:
    """Flattened page text → body text, title, stated metadata and the removed lines.

    ``title`` is a title already known (from HTML metadata): it is not searched for again,
    and a first line equal to it is not repeated. ``decisions`` has one entry per non-blank
    input line (a joined paragraph's decision is given to each of its lines).
    """
    lines, origins, n_input, residue = _prepare(raw, settings)
    removed: list[Removed] = []
    out = Cleaned(text="", paragraphs=[], removed=removed, decisions=[None] * n_input,
                  joined=n_input - len(residue) - len(lines))
    out.decisions[:] = [None if k not in residue else "markup_residue" for k in range(n_input)]
    removed.extend(Removed(text=line, reason="markup_residue", features=("no_text_once_repaired",))
                   for line in residue.values())
    if not lines:
        return out

    def mark(i: int, reason: str | None) -> None:
        for k in origins[i]:
            out.decisions[k] = reason

    meta = _Meta(settings.meta_top_lines + 1)
    if _strip_store_stamp(lines, meta, out):
        mark(0, "timestamp")
        origins.pop(0)
    if not lines:
        return out
    model = load_model()
    verdicts = model.predict(lines)
    lead = _lead_chrome(lines, verdicts, settings) if title is None else None
    if lead is not None:
        removed.append(lead)
        mark(0, lead.reason)
    title, start = _find_title(lines, title, settings, 0 if lead is None else 1)
    out.title = title
    total = len(lines)
    kept_names = set(model.info.get("rule_features", ()))
    kept_rules = [(cat, r) for cat, rules in FEATURES.items() for r in rules if r.name in kept_names]
    kept_categories = frozenset(model.info.get("rule_categories", ()))
    meta.top_end = top_end = start + settings.meta_top_lines
    tail_start = max(total - settings.meta_tail_lines, start + 1)
    body: list[tuple[int, str]] = []
    model_drops: list[tuple[int, str, Removed]] = []  # sentences the line model alone dropped
    dropped_chrome = [False] * total  # lines dropped as page chrome (not as metadata or a repeated title)
    in_related = after_byline = False
    prose_seen = False  # a paragraph of prose was kept: no line of bare names below it is a byline
    for i in range(start, total):
        line = lines[i]
        if title is not None and i <= start + 3 and _echoes_title(line, title):
            mark(i, "repeated_title")  # the headline repeated under itself
            continue
        hit = _read_meta(line, i < top_end, i >= tail_start, prose_seen, after_byline, settings)
        after_byline = hit is not None and hit.reason == "byline"
        if hit is not None:
            meta.add(hit, i)
            removed.append(_meta_removed(hit))
            if not hit.rest:
                mark(i, hit.reason)
                continue
            line = hit.rest
            if hit.reason == "dateline":  # what follows a dateline is the first paragraph
                body.append((i, line))
                continue
        verdict = verdicts[i] if not _introduces_quote(lines, i) else LineVerdict(0.0, ("introduces_quote",))
        dropped = _boilerplate(line, i / max(total - 1, 1), verdict, kept_rules, kept_categories, in_related, settings)
        if dropped is not None:
            removed.append(dropped)
            mark(i, dropped.reason)
            dropped_chrome[i] = True
            in_related = dropped.reason == "related_links"
            if dropped.features[:1] == ("model:boilerplate_lr",) and _ends_sentence(line):
                model_drops.append((i, line, dropped))
            continue
        in_related = False
        body.append((i, line))
        prose_seen = prose_seen or len(words(line)) >= settings.prose_min_words
    body = _drop_runs(body, lines, verdicts, dropped_chrome, settings, removed, model_drops, mark)
    credits = {i for i, reason in enumerate(_reasons(out.decisions, origins)) if reason == "photo_credit"}
    body = _drop_captions(body, lines, credits, settings, removed, mark)
    if sum(len(words(line)) for _, line in body) < settings.min_words:
        _give_back(body, model_drops, removed, mark)
    meta.settle(out)
    _assemble(out, title, [line for _, line in body])
    return out


def _prepare(raw: str, settings: Settings) -> tuple[list[str], list[tuple[int, ...]], int, dict[int, str]]:
    """Lines repaired (``repair_text``) and joined where hard-wrapped (``join_wrapped``): the lines, for each the
    indices of the non-blank input lines it holds, how many non-blank input lines there are, and those that
    repair leaves without text ("&nbsp;", a byte-order mark) with their index."""
    fixed: list[str] = []  # repaired lines; blank where the input line is blank or holds no text once repaired
    ids: list[int] = []    # for each non-blank repaired line, its index among the non-blank input lines
    residue: dict[int, str] = {}
    for line in (" ".join(x.split()) for x in raw.split("\n")):
        if not line:
            fixed.append("")
            continue
        repaired = " ".join(repair_text(line).split())
        fixed.append(repaired)
        if repaired:
            ids.append(len(ids) + len(residue))
        else:
            residue[len(ids) + len(residue)] = line
    lines, joined_from = join_wrapped(fixed, settings)
    return lines, [tuple(ids[j] for j in o) for o in joined_from], len(ids) + len(residue), residue


def _drop_runs(body: list[tuple[int, str]], lines: list[str], verdicts: list[LineVerdict], dropped: list[bool],
               settings: Settings, removed: list[Removed], model_drops: list[tuple[int, str, Removed]],
               mark: Callable[[int, str | None], None]) -> list[tuple[int, str]]:
    """Kept lines inside a run of chrome: the lines before and after were dropped as chrome, and the model
    leans to chrome (``boilerplate_run_min``); promo blurbs between "Watch
    Now" buttons, a caption between credits. Prose (``model_prose_words``) is never dropped this way."""
    total = len(lines)
    kept: list[tuple[int, str]] = []
    for i, line in body:
        n_words = len(words(line))
        if (0 < i < total - 1 and dropped[i - 1] and dropped[i + 1]
                and verdicts[i].probability >= settings.boilerplate_run_min
                and not (n_words >= settings.model_prose_words and _ends_sentence(line))
                and n_words <= settings.boilerplate_max_words):
            category, rule_features = _model_category(line)
            gone = Removed(text=line, reason=category, score=verdicts[i].probability,
                           features=("model:boilerplate_lr", "in_chrome_run") + rule_features + verdicts[i].top_features)
            removed.append(gone)
            mark(i, category)
            dropped[i] = True
            if _ends_sentence(line):
                model_drops.append((i, line, gone))
            continue
        kept.append((i, line))
    return kept


def _reasons(decisions: list[str | None], origins: list[tuple[int, ...]]) -> list[str | None]:
    """The decision of each (joined) line."""
    return [decisions[o[0]] for o in origins]


def _line_key(line: str) -> str:
    return " ".join(words(line)).lower().translate(_QUOTES)


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _drop_captions(body: list[tuple[int, str]], lines: list[str], credits: set[int], settings: Settings,
                   removed: list[Removed], mark: Callable[[int, str | None], None]) -> list[tuple[int, str]]:
    """Photo captions told by their credit line: a kept line beside a dropped photo credit that repeats it
    ("<caption>" then "<caption> Credit: AFP/Getty Images"), or that the page prints twice (a slideshow's
    caption before and after its credit; every copy goes)."""
    if not credits:
        return body
    keys = [_line_key(line) for line in lines]
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    captions: dict[str, str] = {}  # key → the feature that found it
    for i, _line in body:
        k = keys[i]
        if len(k.split()) < settings.caption_min_words or len(k.split()) > settings.boilerplate_max_words:
            continue
        beside = [j for j in (i - 1, i + 1) if j in credits]
        if any(len(keys[j]) > len(k) and k in keys[j] for j in beside):
            captions[k] = "caption_echoed_in_credit"
        elif beside and counts[k] > 1:
            captions.setdefault(k, "caption_repeated_beside_credit")
    if not captions:
        return body
    kept: list[tuple[int, str]] = []
    for i, line in body:
        feature = captions.get(keys[i])
        if feature is None:
            kept.append((i, line))
            continue
        removed.append(Removed(text=line, reason="photo_credit", features=(feature,)))
        mark(i, "photo_credit")
    return kept


def _give_back(body: list[tuple[int, str]], model_drops: list[tuple[int, str, Removed]], removed: list[Removed],
               mark: Callable[[int, str | None], None]) -> None:
    """The model alone would leave no article: text that is mostly sentences is not a page's chrome (a short
    article as written, a test text); the sentences only the model dropped go back into the body."""
    for i, line, dropped in model_drops:
        removed.remove(dropped)
        mark(i, None)
        body.append((i, line))
    body.sort()


def _strip_store_stamp(lines: list[str], meta: _Meta, out: Cleaned) -> bool:
    """Remove the store's ` date YYYY-MM-DD` stamp from the first line (it gives the date); True when the
    whole first line went."""
    stamp = read_top_line(lines[0], first=True)
    if stamp is None or stamp.rule != "store_stamp":
        return False
    meta.add(stamp, 0)
    out.removed.append(_meta_removed(stamp))
    if stamp.rest:
        lines[0] = stamp.rest
        return False
    lines.pop(0)
    return True


def _assemble(out: Cleaned, title: str | None, body: list[str]) -> None:
    """The cleaned text: title first (kind "title"), then body paragraphs (subheadings kept as "heading")."""
    parts: list[tuple[str, str]] = []
    if title:
        parts.append((" ".join(title.split()), "title"))
    for n, line in enumerate(body):
        nxt = body[n + 1] if n + 1 < len(body) else None
        kind = "heading" if nxt is not None and is_heading(line) and len(words(nxt)) > len(words(line)) else "body"
        parts.append((line, kind))
    text_parts: list[str] = []
    offset = 0
    for line, kind in parts:
        if text_parts:
            offset += 2
        out.paragraphs.append(Paragraph(start=offset, end=offset + len(line), kind=kind))
        text_parts.append(line)
        offset += len(line)
    out.text = "\n\n".join(text_parts)
