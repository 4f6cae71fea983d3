"""Clean text that was already flattened from a page (one paragraph per line).

A line classifier with named features drops what pages leave behind: comment forms,
"Related posts" lists and the headlines under them, cookie and consent notices,
newsletter prompts, share and app-download bars, photo credits, print links. Each
feature is a pattern with a weight; a line whose best category scores at least the
``boilerplate_threshold`` setting is removed, and kept in ``removed`` with its reason,
score and the features that fired. The first line becomes the title when it reads as a
headline; a dateline gives outlet and date; a byline gives the author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Pattern

from ..records import Paragraph, Removed
from ..settings import DEFAULT, Settings
from .meta import parse_date


@dataclass(frozen=True)
class Feature:
    name: str
    pattern: Pattern[str]
    weight: float


def _f(name: str, pattern: str, weight: float) -> Feature:
    return Feature(name, re.compile(pattern, re.IGNORECASE), weight)


# Features per category. Strong phrases (weight >= 1) decide alone; weak cues need company
# (another cue, a short line, a place at the end of the page).
FEATURES: dict[str, tuple[Feature, ...]] = {
    "comment_form": (
        _f("leave_reply", r"^\s*(leave|post|add|write) (a|your) (reply|comment|response)\b", 1.0),
        _f("email_not_published", r"\bemail (address )?(will|won['’]t|shall) not be (published|shared|displayed)", 1.0),
        _f("required_fields", r"\brequired fields are marked\b", 1.0),
        _f("save_my_name", r"\bsave my name\b.*\b(email|browser)\b", 1.0),
        _f("notify_me", r"^\s*notify me of (new|follow-up) (comments|posts)", 1.0),
        _f("comments_closed", r"^\s*comments? (are|is) closed\b", 1.0),
        _f("cancel_reply", r"^\s*cancel reply\s*$", 1.0),
        _f("comment_count", r"^\s*\d+\s+comments?\s*$", 1.0),
        _f("login_to_comment", r"\b(log ?in|sign ?in|register) to (post a )?comment\b", 1.0),
        _f("comment_word", r"\bcomments?\b", 0.4),
        _f("form_field", r"^\s*(name|email|website|comment)\s*\*?\s*$", 0.8),
    ),
    "related_links": (
        _f("related_heading", r"^\s*(related( posts| articles| stories| news| content| coverage)?|"
                              r"read (more|also|next)|also read|see also|more (stories|news|from [\w .]+)|"
                              r"you (may|might) (also )?like|recommended( for you| stories)?|trending( now)?|"
                              r"most (read|popular|viewed)|top stories|latest (news|stories)|"
                              r"further reading|don['’]t miss)\s*:?\s*$", 1.0),
        _f("read_more_prefix", r"^\s*(read (more|also)|also read|see also|related)\s*:\s*\S", 1.0),
    ),
    "cookie_notice": (
        _f("cookie_word", r"\bcookies?\b", 0.5),
        _f("this_site_uses", r"\b(this|our) (web)?site uses\b", 0.5),
        _f("consent", r"\b(consent|gdpr|opt[- ]?out|opt[- ]?in)\b", 0.5),
        _f("accept_button", r"\b(accept( all)?|i agree|got it|ok,? i understand|manage (preferences|settings))\b", 0.3),
        _f("privacy_policy", r"\bprivacy (policy|settings|notice)\b", 0.4),
        _f("assume_ok", r"\bwe(['’]ll)? assume (this is ok|you['’]re ok|you are ok)", 0.6),
        _f("continue_using", r"\bby continuing to (use|browse)\b", 0.6),
    ),
    "newsletter": (
        _f("subscribe", r"\b(subscribe|sign up|signup)\b", 0.5),
        _f("newsletter_word", r"\bnewsletters?\b", 0.5),
        _f("inbox", r"\b(to|in) your inbox\b|\bdelivered (straight |directly )?to you\b", 0.5),
        _f("enter_email", r"\benter your (e-?mail|email address)\b", 0.6),
    ),
    "share_bar": (
        _f("share_tokens", r"^\s*((share|tweet|pin|email|print|copy link|facebook|twitter|x|whatsapp|telegram|"
                           r"linkedin|reddit|pinterest|messenger|flipboard|on|this|article|the|via)[\s,|:/·•-]*){2,}$", 1.0),
        _f("share_this", r"^\s*share (this|on)\b", 0.8),
        _f("follow_us", r"^\s*follow us on\b", 0.8),
    ),
    "app_download": (
        _f("download_app", r"\bdownload (our|the)\b.*\bapp\b", 0.8),
        _f("app_stores", r"\b(app store|google play|play store)\b", 0.6),
    ),
    "photo_credit": (
        _f("photo_label", r"^\s*(\(?(photo|image|picture|file photo|video)( credit)?s?\s*[:/]|photo by\b|credit:)", 1.0),
        _f("agency_credit", r"(\(|/|\|)\s*(getty images|reuters|ap photo|afp|epa|shutterstock|xinhua)\s*\)?\s*$", 1.0),
    ),
    "print_link": (
        _f("print_this", r"^\s*print( this)?( article| page| story)?\s*$|\bprinter[- ]friendly\b", 1.25),
    ),
    "advertisement": (
        _f("ad_label", r"^\s*(advertisement|sponsored( content)?|scroll to continue( with content)?|ad)\s*$", 1.0),
    ),
    "tags": (
        _f("tags_label", r"^\s*(tags|filed under|topics)\s*:\s*\S", 1.0),
    ),
}

# Bonuses that make weak cues decisive.
SHORT_LINE_WORDS = 15      # a line of at most this many words is "short"
SHORT_LINE_BONUS = 0.25    # short lines are more often page furniture than prose
TAIL_BONUS = 0.25          # lines in the last ``tail_fraction`` of the page likewise
EXCLAMATION_BONUS = 0.1    # imperative prompts ("please opt-out!") end with "!"

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
DATELINE = re.compile(
    rf"^\s*(?P<outlet>[A-Z][\w&.'’ -]{{1,60}}?)\s*[,(|]\s*(?P<date>{_DATE})\s*\)?\s*(?:[—–-]+|:)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
BYLINE = re.compile(r"^\s*(?i:by)\s+(?P<author>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
                    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*)\s*(?:[,|—–-].{0,60})?$")
_TERMINAL = re.compile(r"[.!?…:;]['’”\")]*\s*$")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class LineScore:
    category: str
    score: float
    features: tuple[str, ...]


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def score_line(line: str, position: float, settings: Settings = DEFAULT) -> LineScore | None:
    """The best boilerplate category for a line, its score and the features that fired."""
    n_words = len(words(line))
    if n_words > settings.boilerplate_max_words:
        return None
    best: LineScore | None = None
    for category, features in FEATURES.items():
        fired = [f for f in features if f.pattern.search(line)]
        if not fired:
            continue
        score = sum(f.weight for f in fired)
        names = [f.name for f in fired]
        if n_words <= SHORT_LINE_WORDS:
            score += SHORT_LINE_BONUS
            names.append("short_line")
        if position >= 1.0 - settings.tail_fraction:
            score += TAIL_BONUS
            names.append("page_tail")
        if line.rstrip().endswith("!"):
            score += EXCLAMATION_BONUS
            names.append("exclamation")
        if best is None or score > best.score:
            best = LineScore(category, round(score, 3), tuple(names))
    return best


def is_headline(line: str, max_words: int) -> bool:
    """A line that reads as a headline: short, no sentence-final stop, starts with a capital or digit."""
    stripped = line.strip()
    n = len(words(stripped))
    if not (2 <= n <= max_words):
        return False
    if stripped.endswith((".", ";", ",", ":")) and not stripped.endswith("..."):
        return False
    first = stripped.lstrip("“\"‘'(")[:1]
    return first.isupper() or first.isdigit()


def is_heading(line: str) -> bool:
    """A subheading inside the body: short, no terminal punctuation."""
    stripped = line.strip()
    n = len(words(stripped))
    return 1 <= n <= 14 and not _TERMINAL.search(stripped.rstrip("”\"’'")) and not stripped.endswith((",",))


@dataclass
class Cleaned:
    text: str
    paragraphs: list[Paragraph]
    removed: list[Removed]
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None


def clean_text(raw: str, settings: Settings = DEFAULT, title: str | None = None) -> Cleaned:
    """Flattened page text → body text, title, dateline metadata and the removed lines.

    ``title`` is a title already known (from HTML metadata): it is not searched for again,
    and a first line equal to it is not repeated.
    """
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    lines = [line for line in lines if line]
    removed: list[Removed] = []
    out = Cleaned(text="", paragraphs=[], removed=removed)
    if not lines:
        return out
    body: list[str] = []
    start = 0
    if title is None and is_headline(lines[0], settings.headline_max_words) and len(lines) > 1:
        first_score = score_line(lines[0], 0.0, settings)
        if first_score is None or first_score.score < settings.boilerplate_threshold:
            title = lines[0]
            start = 1
    elif title is not None and lines[0].strip().lower() == title.strip().lower():
        start = 1
    out.title = title
    total = len(lines)
    in_related = False
    i = start
    while i < total:
        line = lines[i]
        position = i / max(total - 1, 1)
        # Metadata lines near the top: a dateline or a byline.
        if i <= start + 3 and not body:
            m = DATELINE.match(line)
            if m and parse_date(m.group("date")) and len(words(m.group("outlet"))) <= 8:
                out.outlet = out.outlet or m.group("outlet").strip()
                out.published = out.published or parse_date(m.group("date"))
                rest = m.group("rest").strip()
                removed.append(Removed(text=line[: len(line) - len(rest)].strip() if rest else line,
                                       reason="dateline", score=None, features=("dateline_pattern",)))
                if rest:
                    body.append(rest)
                i += 1
                continue
            b = BYLINE.match(line)
            if b and len(words(line)) <= 14:
                out.author = out.author or b.group("author").strip()
                removed.append(Removed(text=line, reason="byline", features=("byline_pattern",)))
                i += 1
                continue
        scored = score_line(line, position, settings)
        if scored and scored.score >= settings.boilerplate_threshold:
            removed.append(Removed(text=line, reason=scored.category, score=scored.score, features=scored.features))
            in_related = scored.category == "related_links"
            i += 1
            continue
        if in_related and (is_headline(line, settings.related_headline_max_words) or (
                not _TERMINAL.search(line) and len(words(line)) <= settings.related_headline_max_words)):
            removed.append(Removed(text=line, reason="related_links", score=None,
                                   features=("under_related_heading", "headline_shape")))
            i += 1
            continue
        in_related = False
        body.append(line)
        i += 1
    # Assemble: title first (kind "title"), then body paragraphs (subheadings kept as "heading").
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
    return out
