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

Every dropped line is kept in ``removed`` with its category, score and the features that
decided. The first line becomes the title when it reads as a headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Paragraph, Removed
from ..settings import DEFAULT, Settings
from .lines import LineVerdict, load_model
from .meta import BYLINE, OUTLET_DATELINE as DATELINE, MetaRead, parse_stamp, read_affiliation, read_tail_line, read_top_line
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
    decisions: list[str | None] = field(default_factory=list)  # per input line: why it was dropped, or None


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


def _find_title(lines: list[str], title: str | None, settings: Settings) -> tuple[str | None, int]:
    """The headline (given, or the first line when it reads as one) and the index of the first body line."""
    if (title is None and is_headline(lines[0], settings.headline_max_words) and len(lines) > 1
            and read_top_line(lines[0]) is None):
        first_score = score_line(lines[0], 0.0, settings)
        if first_score is None or first_score.score < settings.boilerplate_threshold:
            return lines[0], 1
    elif title is not None and lines[0].strip().lower() == title.strip().lower():
        return title, 1
    return title, 0


def _boilerplate(line: str, position: float, verdict: LineVerdict, kept_rules: list[tuple[str, Feature]],
                 in_related: bool, settings: Settings) -> Removed | None:
    """Why a line is page chrome (leaked code, a kept named rule, the model, a related-links list), or None."""
    if is_code(line, settings):
        return Removed(text=line, reason="embedded_code", features=("code_syntax",))
    rule = next(((cat, r) for cat, r in kept_rules if r.pattern.search(line)), None)
    if rule is not None:
        scored = score_line(line, position, settings)
        return Removed(text=line, reason=rule[0], score=scored.score if scored else None,
                       features=(f"rule:{rule[1].name}",) + (scored.features if scored else ()))
    n_words = len(words(line))
    sentence = _SENTENCE_END.search(line) is not None
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
    """Metadata a line states: near the top datelines, stamps and bylines; at the end credits."""
    hit = None
    if top:
        hit = read_top_line(line, names=not prose_seen, settings=settings) or (
            read_affiliation(line) if after_byline else None)
    if hit is None and tail:
        hit = read_tail_line(line)
    return hit


def clean_text(raw: str, settings: Settings = DEFAULT, title: str | None = None) -> Cleaned:
    """Flattened page text → body text, title, stated metadata and the removed lines.

    ``title`` is a title already known (from HTML metadata): it is not searched for again,
    and a first line equal to it is not repeated.
    """
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    lines = [line for line in lines if line]
    removed: list[Removed] = []
    out = Cleaned(text="", paragraphs=[], removed=removed, decisions=[None] * len(lines))
    if not lines:
        return out
    meta = _Meta(settings.meta_top_lines + 1)
    offset = _strip_store_stamp(lines, meta, out)  # input lines before ``lines[0]``
    if not lines:
        return out
    title, start = _find_title(lines, title, settings)
    out.title = title
    total = len(lines)
    model = load_model()
    verdicts = model.predict(lines)
    kept_names = set(model.info.get("rule_features", ()))
    kept_rules = [(cat, r) for cat, rules in FEATURES.items() for r in rules if r.name in kept_names]
    meta.top_end = top_end = start + settings.meta_top_lines
    tail_start = max(total - settings.meta_tail_lines, start + 1)
    body: list[tuple[int, str]] = []
    model_drops: list[tuple[int, str, Removed]] = []  # lines the line model alone dropped
    in_related = after_byline = False
    prose_seen = False  # a paragraph of prose was kept: no line of bare names below it is a byline
    for i in range(start, total):
        line = lines[i]
        if title is not None and i <= start + 3 and _echoes_title(line, title):
            out.decisions[i + offset] = "repeated_title"  # the headline repeated under itself
            continue
        hit = _read_meta(line, i < top_end, i >= tail_start, prose_seen, after_byline, settings)
        after_byline = hit is not None and hit.reason == "byline"
        if hit is not None:
            meta.add(hit, i)
            removed.append(_meta_removed(hit))
            if not hit.rest:
                out.decisions[i + offset] = hit.reason
                continue
            line = hit.rest
            if hit.reason == "dateline":  # what follows a dateline is the first paragraph
                body.append((i, line))
                continue
        dropped = _boilerplate(line, i / max(total - 1, 1), verdicts[i], kept_rules, in_related, settings)
        if dropped is not None:
            removed.append(dropped)
            out.decisions[i + offset] = dropped.reason
            in_related = dropped.reason == "related_links"
            if dropped.features[:1] == ("model:boilerplate_lr",) and _SENTENCE_END.search(line):
                model_drops.append((i, line, dropped))
            continue
        in_related = False
        body.append((i, line))
        prose_seen = prose_seen or len(words(line)) >= settings.prose_min_words
    if sum(len(words(line)) for _, line in body) < settings.min_words:
        # the model alone would leave no article: text that is mostly sentences is not a page's chrome
        # (a short article as written, a test text); give back the sentences only the model dropped
        for i, line, dropped in model_drops:
            removed.remove(dropped)
            out.decisions[i + offset] = None
            body.append((i, line))
        body.sort()
    meta.settle(out)
    _assemble(out, title, [line for _, line in body])
    return out


def _strip_store_stamp(lines: list[str], meta: _Meta, out: Cleaned) -> int:
    """Remove the store's ` date YYYY-MM-DD` stamp from the first line (it gives the date); 1 when the
    whole first line went."""
    stamp = read_top_line(lines[0], first=True)
    if stamp is None or stamp.rule != "store_stamp":
        return 0
    meta.add(stamp, 0)
    out.removed.append(_meta_removed(stamp))
    if stamp.rest:
        lines[0] = stamp.rest
        return 0
    lines.pop(0)
    out.decisions[0] = stamp.reason
    return 1


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
