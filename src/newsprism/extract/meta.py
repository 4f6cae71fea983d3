"""Metadata: dates to ``YYYY-MM-DD``, language detection, and what a text states about itself.

Datelines ("KUNMING, Aug. 3 (Xinhua) --", "DENVER (AP) —", "Orinoco Tribune, May 17, 2024 —"),
stamps ("Updated: June 12, 2018", "Thursday, Jun 29, 2023 - 02:13 PM"; dates read by dateparser
with day, month and year required), bylines ("By …", "Reporting by …", "Editor: …", a line of
names under the headline), wire credits at the end ("mkg/hc (Reuters, AFP, dpa, AP)") and
copyright lines. Each reader returns the values, the rule that read them and the part of the
line that leaves the body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..settings import DEFAULT, Settings
from ..text.words import zipf

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str | None) -> str | None:
    """A date string in any common form → ``YYYY-MM-DD``; None when it is not a full date."""
    if not value:
        return None
    value = value.strip()
    m = _ISO.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    from dateutil import parser

    try:
        # Two different defaults: a date that lacks its day or year comes out differently.
        a = parser.parse(value, fuzzy=False, default=dt.datetime(1900, 1, 1))
        b = parser.parse(value, fuzzy=False, default=dt.datetime(1904, 2, 2))
    except (ValueError, OverflowError):
        return None
    if a.date() != b.date():
        return None
    return str(a.date().isoformat())


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, settings: Settings = DEFAULT) -> tuple[str, float]:
    """ISO 639-1 code and probability (py3langid); short texts are assumed English."""
    sample = text[:5000]
    if len(sample.strip()) < settings.min_language_chars:
        return "en", 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


# --------------------------------------------------------------------------- metadata stated in the text
#
# Each reader looks at one line and says what it read (field, value), which rule read it,
# which part of the line leaves the body and what stays. Absent stays absent: nothing here
# guesses a value that the line does not state.

WIRES = ("Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse", "Xinhua", "UPI", "ANI", "PTI", "IANS",
         "dpa", "DPA", "EFE", "Bloomberg", "Anadolu Agency", "Anadolu", "TASS", "RIA Novosti", "Sputnik", "Kyodo",
         "Yonhap", "AAP", "CNA", "Bernama", "KUNA", "WAM", "IRNA", "APA", "Interfax", "ANSA", "Europa Press",
         "JTA", "RTHK", "The New York Times News Service", "Washington Post News Service", "NBC News", "CNN")
_WIRE_ALT = "|".join(re.escape(w) for w in sorted(WIRES, key=len, reverse=True))
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DASH = r"(?:--|[-—–:])"
# "KUNMING, Aug. 3 (Xinhua) --", "DENVER (AP) —", "Seoul (AsiaNews) -", "(JTA) —", "MEXICO CITY, Sept. 30 (Xinhua) --"
AGENCY_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){{0,3}}(?:,\s*[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){{0,2}})?)?"
    rf"(?:,?\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?))?\s*"
    rf"\((?P<agency>[A-Z][\w.&'’]*(?:\s[A-Z][\w.&'’]*){{0,3}})\)\s*{_DASH}+\s*(?P<rest>\S.*)$", re.IGNORECASE)
# "LONDON — Reuters —", "WASHINGTON (Reuters) -" is above; "— Reuters" or "REUTERS" alone on a line
WIRE_LINE = re.compile(rf"^\s*[—–-]?\s*(?P<agency>{_WIRE_ALT})(?:\s+[A-Z]{{3,}})?\s*$", re.IGNORECASE)
# "... about 21,000 in total.(ANI)": the wire credited at the end of the last paragraph
WIRE_SUFFIX = re.compile(rf"^(?P<rest>.*[.!?”\"'’])\s*\((?P<agency>{_WIRE_ALT})\)\s*$")
# "Orinoco Tribune, May 17, 2024 —"
OUTLET_DATELINE = re.compile(
    rf"^\s*(?P<outlet>[A-Z][\w&.'’ -]{{1,60}}?)\s*[,(|]\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\s*\)?\s*(?:[—–-]+|:)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# " date 2017-09-20 ..." added in front of stored copies by the store that kept them
STORE_STAMP = re.compile(r"^\s*date (?P<date>\d{4}-\d{2}-\d{2})\b\s*(?P<rest>.*)$")
# "Updated: June 12, 2018", "Published: Wed 15 Jul 2015, 10:58 PM", "Posted on September 20, 2017, at 6:34 a.m. ET"
STAMP = re.compile(r"^\s*(?:(?P<label>last updated|updated|first published|published|posted|added|created|date|"
                   r"dated)\b\s*(?:on|at)?\s*:?\s*)?(?P<date>.*\b(?:19|20)\d{2}\b.*)$", re.IGNORECASE)
_TABLE_BARS = re.compile(r"^[\s|]*\|\s*|\s*\|[\s|]*$")
_WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_TOKEN = r"[A-Z][a-zà-ÿ'’.]+(?:-[A-Z]?[a-zà-ÿ'’]+)*"
_NAME = rf"{_TOKEN}(?:\s+(?:[A-Z]\.|{_TOKEN}|(?:de|van|von|da|al|el|bin)\s)){{0,3}}"
_NAMES = rf"{_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_NAME})*"
# "By Ed Adamczyk – UPI", "By Rose Troup Buchanan and Sarah Blaskey", "BY JANE DOE, Staff Writer"
BYLINE = re.compile(rf"^\s*(?i:by)\s+(?P<author>{_NAMES}|[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){{1,3}})"
                    r"\s*(?:(?:[,|—–-]|\s(?:for|in)\s)\s*(?P<org>.{0,60}))?$")
# "Reporting by Dave Graham; Editing by Simon Gardner", "(Additional reporting by ...)"
CREDIT_LINE = re.compile(r"^\s*\(?\s*(?P<what>(?:additional )?reporting|writing|editing|compiled|produced|"
                         r"written|translated)\s+by\s+(?P<names>[^;)]+)(?P<more>[^)]*)\)?\s*\.?\s*$", re.IGNORECASE)
EDITOR_LINE = re.compile(r"^\s*(?P<role>editor|edited by|reporter|author|written by|source)\s*:\s*(?P<names>[^;|]{2,80})$",
                         re.IGNORECASE)
# "mkg/hc (Reuters, AFP, dpa, AP)": initials of the editors, then the wires used
WIRE_CREDITS = re.compile(r"^\s*[a-z]{1,5}(?:/[a-z]{1,5})*\s*\((?P<wires>[^)]{2,80})\)\s*$")
COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<holder>[^.|]{2,80}?)?"
                       r"\s*\.?\s*(?:\|\s*)?(?:all rights reserved\.?)?\s*$", re.IGNORECASE)
_AFFILIATION = re.compile(r"^\s*(?:special (?:to|for) (?P<paper>.{2,40})|(?:staff|senior|chief) (?:writer|reporter|correspondent)"
                          r".{0,30}|[A-Z][\w ]{0,30} correspondent)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class MetaRead:
    """What one line states: the values read, the rule that read them, and what leaves the body."""

    rule: str
    reason: str                        # the reason the removed part is filed under: dateline, timestamp, byline ...
    values: tuple[tuple[str, str], ...]  # (field, value): outlet, published, author, credit
    removed: str                       # the part of the line that leaves the body
    rest: str                          # what stays in the body ("" when the whole line goes)


_STAMP_PARSER: Any = None


def parse_stamp(text: str) -> str | None:
    """A stamp's date (day, month and year all stated) → ``YYYY-MM-DD`` (dateparser, English, strict)."""
    global _STAMP_PARSER
    if not _YEAR.search(text) or len(text) > 80:
        return None
    if _STAMP_PARSER is None:
        from dateparser.date import DateDataParser

        _STAMP_PARSER = DateDataParser(languages=["en"], settings={
            "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DATES_FROM": "past"})
    cleaned = re.sub(r"\b(?:at|on|ET|EST|EDT|GMT|UTC|BST|HKT|IST|PT|PST|PDT|CET|CEST)\b|[|•]", " ", text)
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned)
    cleaned = re.sub(r",(\d{4})\b", r", \1", cleaned)
    cleaned = " ".join(cleaned.replace(" - ", " ").split()).strip(" ,.-")
    try:
        found = _STAMP_PARSER.get_date_data(cleaned).date_obj
    except (ValueError, OverflowError, TypeError):
        return None
    return found.date().isoformat() if found is not None else None


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,\s*and\s+|,|\s+and\s+|&)\s*", names)
    return [p.strip() for p in parts if p.strip()]


def _is_wire(name: str) -> str | None:
    for wire in WIRES:
        if name.strip().lower() == wire.lower():
            return wire
    return None


def _name_only(line: str, settings: Settings) -> list[str] | None:
    """A line that holds only people's names ("Bart Jansen, and Greg Toppo"), with wires allowed among them."""
    if len(line) > 80 or _TERMINAL_CHARS.search(line):
        return None
    parts = _split_names(line)
    names = []
    for part in parts:
        if _is_wire(part):
            continue
        toks = part.split()
        if not 2 <= len(toks) <= 4 or not all(re.fullmatch(rf"{_TOKEN}|[A-Z]\.", t) for t in toks):
            return None
        if zipf(toks[-1].lower()) >= settings.common_surname_zipf or any(t.lower() in _NOT_NAMES for t in toks):
            return None
        names.append(part)
    return names or None


_TERMINAL_CHARS = re.compile(r"[.!?:;\"“”]\s*$|\d")
_NOT_NAMES = frozenset(("news", "world", "the", "of", "and", "in", "on", "new", "latest", "more", "top", "live"))


def read_top_line(line: str, *, first: bool = False, names: bool = True,
                  settings: Settings = DEFAULT) -> MetaRead | None:
    """Metadata a line near the top of an article states: store stamp, dateline, stamp, byline, wire.

    ``names`` allows a line of bare names to be read as a byline (only above the first paragraph of prose).
    """
    m = STORE_STAMP.match(line) if first else None
    if m and parse_date(m["date"]):
        return MetaRead("store_stamp", "timestamp", (("published", parse_date(m["date"]) or ""),),
                        line[: m.start("rest")].strip(), m["rest"].strip())
    m = AGENCY_DATELINE.match(line)
    if m and len(m["agency"].split()) <= 4 and not m["agency"].isdigit():
        values: list[tuple[str, str]] = [("outlet", m["agency"].strip())]
        date = m["date"]
        if date and _YEAR.search(date) and parse_stamp(date):
            values.append(("published", parse_stamp(date) or ""))
        return MetaRead("city_agency_dateline" if not date else "city_date_agency_dateline", "dateline",
                        tuple(values), line[: m.start("rest")].strip(), m["rest"].strip())
    n_words = len(line.split())
    if n_words <= 14:
        # a stamp in a layout table's cell keeps the cell's bars ("| Last Updated: Sunday, 13 January 2008 |")
        m = STAMP.match(_TABLE_BARS.sub("", line))
        if m:
            date = parse_stamp(m["date"])
            if date:
                rule = f"{m['label'].lower()}_stamp" if m["label"] else "date_stamp"
                return MetaRead(rule, "timestamp", (("published", date),), line, "")
    m = OUTLET_DATELINE.match(line)
    if m and parse_date(m["date"]) and len(m["outlet"].split()) <= 8 and not _WEEKDAY.match(m["outlet"]):
        rest = m["rest"].strip()
        return MetaRead("outlet_date_dateline", "dateline",
                        (("outlet", m["outlet"].strip()), ("published", parse_date(m["date"]) or "")),
                        line[: len(line) - len(rest)].strip() if rest else line, rest)
    m = BYLINE.match(line)
    if m and n_words <= 16:
        values = [("author", ", ".join(_split_names(m["author"])))]
        org = (m["org"] or "").strip()
        wire = _is_wire(org)
        if wire:
            values.append(("credit", wire))
        return MetaRead("by_byline", "byline", tuple(values), line, "")
    m = WIRE_LINE.match(line)
    if m:
        wire = _is_wire(m["agency"]) or m["agency"]
        return MetaRead("wire_line", "credit", (("credit", wire),), line, "")
    m = EDITOR_LINE.match(line)
    if m:
        return MetaRead("role_byline", "byline", (("credit", f"{m['role'].strip().capitalize()}: {m['names'].strip()}"),),
                        line, "")
    found = _name_only(line, settings) if names else None
    if found is not None:
        values = [("author", ", ".join(found))]
        values.extend(("credit", w) for w in (_is_wire(p) for p in _split_names(line)) if w)
        return MetaRead("name_line_byline", "byline", tuple(values), line, "")
    return None


# a live-blog stamp in front of a paragraph anywhere in the text: "Update 8:10 a.m. ET: The spokesman …",
# "UPDATE (10:45 GMT): …", "Updated at 3 p.m.: …", "9:45 a.m. ET: …", "UPDATE: …"
_TIME = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?"
_ZONE = r"(?:\s*\(?\b(?:[A-Z]{1,4}T|UTC|GMT|local(?: time)?)\b\)?)?"
UPDATE_STAMP = re.compile(
    rf"^\s*(?:(?:(?:last\s+)?updated?)\b(?:\s+(?:at|on))?\s*"
    rf"(?:\(?\s*{_TIME}{_ZONE}\s*\)?)?|\(?{_TIME}{_ZONE}\)?)\s*[:—–-]+\s*(?P<rest>\S.*)$", re.IGNORECASE)


def read_update_stamp(line: str) -> MetaRead | None:
    """A live-blog update stamp in front of a paragraph ("Update 8:10 a.m. ET: …"): the stamp leaves the
    body, the paragraph after it stays. A bare time needs a clock time with a.m./p.m. or a time zone ("9:45
    a.m. ET: …"), so "1-0:" or a ratio is no stamp."""
    m = UPDATE_STAMP.match(line)
    if m is None:
        return None
    stamp = line[: m.start("rest")].strip()
    if not re.match(r"\s*\(?(?:last\s+)?updated?", stamp, re.IGNORECASE) and \
            not re.search(r"\d\s*(?:[ap]\.?\s?m\b|[ap]\.?\s?m\.|[A-Z]{1,4}T\b|UTC|GMT)", stamp, re.IGNORECASE):
        return None
    if not re.search(r"\d", stamp) and not stamp.rstrip(" :—–-").lower().startswith(("update", "updated", "last updated")):
        return None
    return MetaRead("update_stamp", "timestamp", (), stamp, m["rest"].strip())


def read_affiliation(line: str) -> MetaRead | None:
    """The line under a byline that names the writer's role or paper ("Special for USA TODAY")."""
    m = _AFFILIATION.match(line)
    if m:
        values: tuple[tuple[str, str], ...] = (("credit", line.strip()),)
        if m["paper"]:
            values += (("outlet", m["paper"].strip()),)
        return MetaRead("byline_affiliation", "byline", values, line, "")
    return None


def read_tail_line(line: str) -> MetaRead | None:
    """Credits a line at the end of an article states: wire credits, reporting credits, copyright."""
    m = WIRE_CREDITS.match(line)
    if m:
        wires = [w.strip() for w in m["wires"].split(",") if w.strip()]
        if wires and all(_is_wire(w) or len(w) <= 6 for w in wires):
            return MetaRead("wire_credits", "credit", tuple(("credit", w) for w in wires), line, "")
    m = CREDIT_LINE.match(line)
    if m and len(line.split()) <= 30:
        return MetaRead("reporting_credits", "credit", (("credit", " ".join(line.strip("() .").split())),), line, "")
    m = WIRE_LINE.match(line)
    if m:
        return MetaRead("wire_line", "credit", (("credit", _is_wire(m["agency"]) or m["agency"]),), line, "")
    m = COPYRIGHT.match(line)
    if m and len(line.split()) <= 20:
        holder = (m["holder"] or "").strip(" ,")
        values: tuple[tuple[str, str], ...] = (("credit", f"© {holder}" if holder else "©"),)
        if holder:
            values += (("outlet", holder),)
        return MetaRead("copyright_line", "copyright", values, line, "")
    m = WIRE_SUFFIX.match(line)
    if m:
        wire = _is_wire(m["agency"]) or m["agency"]
        return MetaRead("wire_suffix", "credit", (("credit", wire), ("outlet", wire)),
                        line[m.end("rest"):].strip(), m["rest"].strip())
    return None
