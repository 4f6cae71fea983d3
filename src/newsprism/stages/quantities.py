"""Claims → measured facts (:class:`~newsprism.records.Quantity`): each number with what it measures.

For every number the claims stage found (digits, number words, money, percentages) and for vague
amounts ("tens of thousands of tents", "dozens of employees") and vote splits ("a 6-3 decision"):

- **range** from the wording: an exact figure covers its rounding ("40" → 38–42, capped by
  ``round_tolerance``), "about" ± ``about_tolerance``, "nearly" down to ``nearly_tolerance`` below,
  "more than / at least" up to ``open_margin`` above (a reported count, not an open bound);
- **measure**: the counted noun and what happens to it, from the nearest cue word in the number's
  clause (people killed / injured / missing / displaced / arrested, magnitude, depth vs distance vs
  length, duration, age, money by what it pays for, share of what, vote);
- **place** ("deaths in Morelos"), **event** (``this``, or the year / "earlier" marking another event:
  "the 2012 quake killed 81"; "last year", "a year ago", "last May" counted back from the article's date),
  **as-of** date (a date in the sentence near the article date, else the
  article date) and **source** ("according to USGS", "police said", the quote's speaker).

Why not quantulum3 or number-parser: the numbers are already read by the claims stage from the
spaCy parse (qualifier, counted noun, governing verb, dates resolved against the article date); what
was missing is the *measure*, *event*, *time* and *source* of each figure, which those parsers do not
give. dateparser is not needed either: the claims stage resolves the dates a sentence holds, and the few
relative spans back ("a year ago", "18 months ago", "last May") are counted here from the article's date.
The stage reads the article, its sentences, entities, quotes and claims; the parse only to check who each
figure is given to (:mod:`stages.value_sources`), so that compare parses nothing for it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..records import Article, Claim, Entity, Quantity, Quote, Sentence, Value
from ..settings import DEFAULT, Settings
from .base import StageContext
from .sources import AGENTIVE, is_person_noun
from .value_sources import checked_source

QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("nearly", r"nearly|almost|close to|just under|just shy of|approaching|nears|approaches"),
    ("more_than", r"more than|well over|just over|over|upwards of|in excess of|above|greater than|exceeding|tops|"
                  r"passes|exceeds"),
    ("at_least", r"at least|no fewer than|no less than|a minimum of"),
    ("less_than", r"less than|fewer than|under|below"),
    ("up_to", r"up to|as many as|at most|a maximum of"),
    ("about", r"about|around|some|roughly|approximately|an estimated|estimated|circa|more likely around"),
)
_QUAL = re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{p})" for name, p in QUALIFIERS) + r")\s*(?:the\s+|an?\s+)?(?:[$€£]|USD|US\$|EUR|GBP)?\s*$",
                   re.IGNORECASE)
VAGUE = {"tens of thousands": (20_000.0, 99_999.0), "hundreds of thousands": (200_000.0, 999_999.0),
         "thousands": (2_000.0, 9_999.0), "hundreds": (200.0, 999.0), "dozens": (24.0, 99.0),
         "scores": (40.0, 99.0), "several": (3.0, 9.0)}
_VAGUE = re.compile(r"\b(tens of thousands|hundreds of thousands|thousands|hundreds|dozens|scores)(?:\s+of\s+"
                    r"(?:\w+\s+){0,2}?(?!(?:other|more|additional|further|such)\b)(?P<noun>[a-z]+)|(?=\s+(?!of\b)[a-z]+))|\b(several)\s+(?P<noun2>people|protesters|others|children|"
                    r"adults|officers|policemen|police officers)\b", re.IGNORECASE)
_VOTE = re.compile(r"(?<![\d-])\b(?P<a>\d{1,2})\s?[-–]\s?(?P<b>\d{1,2})\b(?![-\d])(?=[^.;]{0,40}?\b(?:decision|vote|ruling|verdict|"
                   r"majority|split|for|against|in favou?r)\b)|(?<=\bvoted )(?P<c>\d{1,3})\s?[-–]\s?(?P<d>\d{1,3})\b")
_A_UNIT = re.compile(r"(?P<q>\b(?:nearly|almost|more than|greater than|over|about|just under|less than) )?"
                     r"\ba (?:(?P<q2>nearly|almost|roughly|about) )?(?P<u>mile|kilomet(?:er|re)|km)(?=[-\s.,]|$)",
                     re.IGNORECASE)
_YEAR_OLD = re.compile(r"^[-\s]?years?[-\s]old\b", re.IGNORECASE)
_MAGNITUDE = re.compile(r"magnitude(?:[- ]of)?\s*$|^\s*[-\s]?magnitude\b|^\s*on the richter", re.IGNORECASE)

# unit words right after a number: (canonical unit, dimension, factor to the dimension's base unit)
UNITS: dict[str, tuple[str, str, float]] = {
    "km": ("km", "length", 1.0), "kilometer": ("km", "length", 1.0), "kilometre": ("km", "length", 1.0),
    "mile": ("km", "length", 1.609), "mi": ("km", "length", 1.609), "feet": ("km", "length", 0.0003048),
    "foot": ("km", "length", 0.0003048), "ft": ("km", "length", 0.0003048), "meter": ("km", "length", 0.001),
    "metre": ("km", "length", 0.001), "m": ("km", "length", 0.001),
    "light-year": ("light-year", "space", 1.0), "light year": ("light-year", "space", 1.0),
    "second": ("minute", "time", 1 / 60), "minute": ("minute", "time", 1.0), "hour": ("minute", "time", 60.0),
    "day": ("minute", "time", 1440.0), "week": ("minute", "time", 10080.0), "month": ("minute", "time", 43830.0),
    "year": ("minute", "time", 525960.0), "decade": ("minute", "time", 5259600.0),
    "ton": ("t", "weight", 1.0), "tonne": ("t", "weight", 1.0), "t": ("t", "weight", 1.0),
    # a dose or a mass written with its figure ("10mg", "5 kg"): the unit is part of the measure (review22: "10mg"
    # read as a count of doses against "two doses")
    "kg": ("t", "weight", 0.001), "kilogram": ("t", "weight", 0.001), "mg": ("t", "weight", 1e-9),
    "milligram": ("t", "weight", 1e-9),
}
_UNIT = re.compile(r"^\s?[-\s]?(?P<u>km|kilomet(?:er|re)s?|miles?|mi|feet|foot|ft|met(?:er|re)s?|m|light[- ]years?|"
                   r"seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|tons?|tonnes?|t|kg|kilograms?|mg|milligrams?)\b",
                   re.IGNORECASE)

PEOPLE = {"people", "person", "protester", "demonstrator", "marcher", "participant", "child", "children", "adult",
          "student", "pupil", "resident", "civilian", "victim", "body", "employee", "worker", "officer", "police",
          "soldier", "citizen", "passenger", "inhabitant", "death", "fatality", "casualty", "villager", "man",
          "woman", "men", "women", "tourist", "prisoner", "guard", "official", "family", "patient", "kid", "user",
          "voter", "catalan", "member", "staff", "employees", "others", "other"}
THINGS = {"building", "home", "house", "tent", "car", "vehicle", "school", "bridge", "road", "seat", "planet", "page",
          "document", "station", "hospital", "shelter", "room", "tunnel", "ton", "tonne", "share", "unit", "indictment"}
DURATION_OF = {"meet": "talks", "last": "talks", "talk": "talks", "meeting": "talks", "negotiation": "talks",
               "negotiate": "talks", "standoff": "dispute", "dispute": "dispute", "conflict": "dispute",
               "crisis": "dispute", "row": "dispute"}
LIGHT_VERBS = {"be", "have", "include", "say", "make", "get", "take", "give", "see", "find", "become", "call"}
# people nouns the lexicons lack: kin and groups counted in news ("two siblings", "seven crew members")
PERSON_GROUPS = {"sibling", "parent", "kid", "crew", "migrant", "refugee", "troop", "hostage", "pilgrim", "baby",
                 "infant", "teen", "youth", "toddler", "relative", "friend", "neighbour", "neighbor", "survivor",
                 "attendee", "spectator", "fan", "customer", "pedestrian", "motorist", "nurse", "suspect", "inmate",
                 "detainee", "evacuee", "militant", "rebel", "insurgent", "monk", "nun", "priest", "cousin", "sister",
                 "brother", "grandchild", "classmate", "colleague", "agent", "troops", "personnel", "crewmember"}
CHILDREN = {"child", "children", "student", "pupil", "kid"}
# what happens to the people counted: the nearest of these cue words in the number's clause
PEOPLE_CUES: tuple[tuple[str, str], ...] = (
    ("killed", r"kill\w*|die[ds]?|dying|dead|deaths?|toll|bodies|fatalit\w+|fatal|perish\w*|drown\w*|lost their lives"),
    ("injured", r"injur\w*|hurt|wounded"),
    ("missing", r"missing|unaccounted"),
    ("hospitalised", r"hospitali[sz]ed|hospitali[sz]ations?|in hospital"),
    ("displaced", r"evacuat\w*|displaced|homeless|fled|flee\w*|forc\w+|driven|from their homes|shelters?"),
    ("arrested", r"arrest\w*|detain\w*"),
    ("in the crowd", r"march(?:ed|ing|es)?|join(?:ed|s|ing)?|took part|take part|participated|turn(?:ed)? out|rallied|"
                     r"crowded|thronged|on the streets"),
    ("questioned", r"questioned|questioning|interrogat\w*"),  # not "questions", "questionnaire"
)
LENGTH_CUES: tuple[tuple[str, str], ...] = (
    ("depth", r"deep|depth|beneath|below|down"),
    ("distance", r"away|from|epicent\w*|distance|off|southeast|southwest|northeast|northwest|north|south|east|west"),
    ("length", r"long|length|stretch\w*|bore|tunnel|walked"),
)
MONEY_CUES = r"fee|cost|costs|price|fortune|fine|salary|revenue|bail|reward|budget|loan|profit|bounty"
EVENT_NOUNS = r"quake|earthquake|tremor|vote|referendum|election|sinking|protests?|rally|disaster|attack|offer|escape|" \
              r"announcement|ruling|deal|talks|capture|crisis|storm|flood|war"
_EARLIER = re.compile(r"\b(?:earlier|previous|prior|last|first|another)\s+(?:[a-z]+\s+)?(?:" + EVENT_NOUNS + r")\b|"
                      r"\bago\b|"
                      r"\blast (?:year|month)\b|\b(?:announcement|discovery) (?:made )?(?:last|in) \w+|"
                      r"\b\w+ (?:days|weeks|months) (?:earlier|before)\b", re.IGNORECASE)
_SOURCE_AFTER = re.compile(r"\baccording to (?:the )?(?P<s>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of))*|"
                           r"police|organi[sz]ers|officials|authorities|state media)", re.UNICODE)
_SOURCE_SAID = re.compile(r"(?P<s>\b[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*|\bpolice|\borgani[sz]ers|\bofficials|"
                          r"\bauthorities|\bstate media)(?:'s? \w+)?\s+(?:said|says|estimated|reported|put|counted|"
                          r"tallied|confirmed|announced|claimed|measured|measures|gave|gives|estimates|puts)\b")
_SITE = re.compile(r"\b(?:at|in|inside) (the (?:[\w'’-]+ ){0,3}?(?:school|building|prison|hospital|church|factory|mine|"
                   r"stadium|site|plant|complex|camp|market))\b")
# "Morelos was hardest hit with 42 deaths", "Puebla, a town southeast of the capital, saw 11 deaths", "Guerrero (6)"
_PLACE_BEFORE = re.compile(r"\s*(?:state\s*)?(?:\(\s*|(?:,[^,;.\d]{0,60},\s*)?(?:was (?:the )?hardest[- ]hit,? with|saw|"
                           r"recorded|reported|had|counted|registered|suffered|confirmed|lost)\s+(?:\w+\s+){0,2}?)")
_CLAUSE_BREAK = re.compile(r";|\s[—–]\s|, (?:while|but|which|whereas|compared with|and(?! \w+ing\b))\b|"
                           r"(?:(?<=\d[MmBbKk])|(?<=[a-z]{3}))\.\s+(?=[A-Z])")  # the last: a sentence the splitter missed


_AGE_AFTER_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*,\s(?P<n>[1-9]\d),\s")
# "three-story", "eight-judge", "half-built": a number inside a compound adjective counts nothing
_COMPOUND = re.compile(r"^-(?!(?:year|month|week|day|hour|minute|second|mile|km|kilomet|met(?:er|re)|foot|feet|"
                       r"magnitude|light|point|percent|member)\w*)[a-z]", re.IGNORECASE)
# a figure the sentence itself says was replaced: "revised the toll downward from 248", "a previous toll"
_SUPERSEDED = re.compile(r"(?:\b(?:revised|raised|lowered|cut|corrected|down|up|downward|upward)\b[^.;,\d]{0,40}"
                         r"\bfrom|\bprevious (?:toll|count|figure|estimate)\b[^.;\d]{0,60})\s*(?:about |some |more |a )?$",
                         re.IGNORECASE)


# "shut down only 313 of the 2,200 polling stations": a share of a stated whole
_SHARE_OF = re.compile(r"\b(?P<n>\d[\d,]*)\s+of\s+(?:the\s+|its\s+|all\s+)?(?P<m>\d[\d,]*)\s+(?P<noun>[a-z]+)")
_OPEN = re.compile(r"\b(?:open|opened|operating|working)\b", re.IGNORECASE)
_SHUT = re.compile(r"\b(?:shut|closed|close|blocked|sealed)\b", re.IGNORECASE)


def _share(m: re.Match[str], text: str) -> tuple[float, tuple[float, float], tuple[str, str | None, str]] | None:
    """(percent, range, measure) of "N of the M things", read as the share that is open where the sentence
    says the N were shut ("313 of the 2,200 polling stations" shut → 85.8 % open), so that it meets "73 % of
    polling stations were open"; None for a share of nothing said to be open or shut."""
    n, whole = float(m.group("n").replace(",", "")), float(m.group("m").replace(",", ""))
    if whole <= 0 or n > whole:
        return None
    lo, hi = _clause(text, m.start(), m.end())
    clause = text[lo:hi]
    shut, open_ = _SHUT.search(clause), _OPEN.search(clause)
    if not (shut or open_):
        return None
    low, high = 100 * (n - 0.5) / whole, 100 * (n + 0.5) / whole
    pct = 100 * n / whole
    if shut and not open_:
        pct, low, high = 100 - pct, 100 - high, 100 - low
    noun = m.group("noun") + compound_head(m.group("noun"), text[m.end():])
    return pct, (low, high), (f"percent {noun.lower()} open", None,
                              f"{m.group('n')} of {m.group('m')} {noun} "
                              f"{'shut: the rest open' if shut and not open_ else 'open'}")


def compound_head(word: str, rest: str) -> str:
    """The plural head noun after a modifier ("polling" + " stations"), as the text continues it, or ""."""
    if word.lower().endswith("s"):
        return ""
    m = re.match(r"\s+([a-z]{3,}s)\b", rest)
    return m.group(0) if m and m.group(1) not in NOT_PLURAL_NOUNS and not m.group(1).endswith("ss") else ""


# odds ("a one-in-three chance", "1 in 3"), a time of day ("1:40 p.m."), an ordinal ("5th amendment"), a code or designation ("501(c)(3)",
# "501 c3,4,5"): a number that counts nothing
_NUM_WORD = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|an?"
# "a one-in-three chance", "1 in 3", "one in five Americans", "2-in-3 odds": odds or a share, not two counts
_ODDS = re.compile(r"\b(?P<n>" + _NUM_WORD + r")(?:-in-|\s+in\s+)(?P<m>(?!(?:1[89]|20)\d\d\b)(?:" + _NUM_WORD + r"|a hundred|"
                   r"a thousand|a million))\b(?P<odds>[-\s]+(?:chances?|odds|shot|likelihood|probability)\b)?", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"^(?::\d\d)?\s?(?:[ap]\.m\.|[ap]m\b)|^:\d\d\b", re.IGNORECASE)
# "Article 1, Section 2", "section 3 of DOMA", "Title IX", "Proposition 8", "Flight 370", "Park 51": a name or
# the number of a provision, never a count
_DESIGNATION_BEFORE = re.compile(r"(?:\b(?:[Aa]rticle|[Ss]ection|[Tt]itle|[Cc]hapter|[Cc]lause|[Pp]roposition|[Pp]rop\.|"
                                 r"[Ff]light|[Rr]oute|[Ii]nterstate|[Pp]recinct|[Pp]aragraph)|\bPark)\s+$")
# "an AK-47 assault weapon", "F-16 jets", "the G-8": capitalised letters joined by a hyphen to the digits name a
# thing; the digits count nothing (review20: "AK-47" read as 47 people killed)
_MODEL_BEFORE = re.compile(r"\b[A-Z][A-Za-z]{0,5}-$")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
_CODE_AFTER = re.compile(r"^\s?\(?[a-z]\)?\(?\d|^\([a-z]\)")
_CODE_BEFORE = re.compile(r"[A-Za-z]\(?\d+\)?(?:\s?,\s?\d+)*\s?,\s?$")


def counts_nothing(text: str, start: int, end: int) -> str | None:
    """Why a number counts nothing, or None: odds ("one-in-three chance", "1 in 3"), a time of day ("1:40 p.m.",
    "5am"), a name or designation ("Article 1", "section 3", "9/11"), an ordinal ("5th"), a code ("501(c)(3)",
    "501 c3,4,5")."""
    before, after = text[max(0, start - 20):start], text[end:end + 20]
    for m in _ODDS.finditer(text, max(0, start - 20), min(len(text), end + 40)):
        if m.start() <= start < m.end() and (m.group("odds") or m.group("n").lower() in ("1", "one", "a", "an")):
            return "odds (“N in M”)"
    if _CLOCK_AFTER.match(after) or re.search(r"\d:$", before):
        return "a time of day (“1:40 p.m.”, “5am”)"
    if _DESIGNATION_BEFORE.search(before) or re.match(r"^/\d", after) or re.search(r"\d/$", before):
        return "a name or designation (“Article 1”, “section 3”, “9/11”)"
    if _MODEL_BEFORE.search(before):
        return "a digit inside a name (“AK-47”, “F-16”)"
    if _ORDINAL_AFTER.match(after):
        return "an ordinal (“5th”)"
    if (tally := _tally(text, start, end)) is not None:
        return tally
    if _CODE_AFTER.match(after) or _CODE_BEFORE.search(before):
        return "a code (“501(c)(3)”)"
    return None


# what may follow a score, a record or a tally ("Toronto is 6-7 since …", "a 4-3 win", "won three of four overall"):
# no counted noun (a range counts one: "10-12 people", "three of four people")
_TALLY_AFTER = re.compile(r"\s*(?:[.,;:)!?”\"]|$|(?:since|in|at|on|after|with|and|or|against|to|win|wins|victory|victories|"
                          r"loss|losses|defeat|record|lead|overall|home|road|away|this|last|so|for|but|when|while|before|"
                          r"over|vs\.?|to\s+date|straight)\b)", re.IGNORECASE)
_PAIR_NUMBER = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# the "of" between a tally's two sides ("three of four", "two of their last three")
_TALLY_OF = r"of\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?(?:last\s+|past\s+|first\s+|next\s+)?"


def _tally(text: str, start: int, end: int) -> str | None:
    """A number that is one side of a score, a record or a tally, not a count: "N-M" of small numbers, "N of M"
    ("three of four") or a run ("two straight"), with no counted noun after it."""
    pair_end = None
    if (m := re.match(r"[-–]\d{1,3}\b(?![-–.,]?\d)", text[end:end + 6])) is not None:
        pair_end = end + m.end()
    elif re.search(r"(?<![\d.,])\b\d{1,3}[-–]$", text[max(0, start - 5):start]) and re.fullmatch(r"\d{1,3}", text[start:end]):
        pair_end = end
    if pair_end is not None and _TALLY_AFTER.match(text[pair_end:pair_end + 20]):
        return "one side of a score or record (“6-7”, “a 4-3 win”)"
    if re.match(r"\s*(?:straight|in\s+a\s+row)\b", text[end:end + 12]) \
            and _TALLY_AFTER.match(re.sub(r"^\s*(?:straight|in\s+a\s+row)", "", text[end:end + 30])):
        return "a run of results (“won two straight”)"
    if (m := re.match(rf"\s*{_TALLY_OF}{_PAIR_NUMBER}\b", text[end:end + 40], re.IGNORECASE)) is not None \
            and _TALLY_AFTER.match(text[end + m.end():end + m.end() + 20]):
        return "one side of a tally (“three of four”)"
    if re.search(rf"\b{_PAIR_NUMBER}\s+{_TALLY_OF}$", text[max(0, start - 40):start], re.IGNORECASE) \
            and _TALLY_AFTER.match(text[end:end + 20]):
        return "one side of a tally (“three of four”)"
    return None


def not_a_figure(text: str, start: int, end: int) -> bool:
    """A number that states no figure: inside a compound adjective ("three-story", but "7.1-magnitude" and
    "a 13-year standoff" are figures), a rank ("No. 1"), odds, an ordinal or a code (:func:`counts_nothing`), or a
    figure the sentence says was replaced."""
    end = end - 1 if text[start:end].endswith("-") else end
    if counts_nothing(text, start, end):
        return True
    if re.search(r"\b[Tt]he\s+$", text[max(0, start - 4):start]) and re.fullmatch(r"[a-z]+", text[start:end].strip().lower()) \
            and not _FOUND_AFTER.match(text[end:end + 80]):
        return True  # "the two victims": people named before, not a count ("the three planets found in 2030" is one)
    return bool(_COMPOUND.match(text[end:end + 14]) or re.search(r"\bNo\.\s*$", text[max(0, start - 5):start])
                or _SUPERSEDED.search(text[max(0, start - 90):start]))


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around [start, end): split at semicolons, dashes and contrastive commas."""
    lo, hi = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def _nearest(patterns: Sequence[tuple[str, str]], text: str, start: int, end: int,
             window: int = 12) -> tuple[str, str] | None:
    """The class of the cue word nearest to [start, end) in ``text`` (words after win a tie)."""
    best: tuple[float, str, str] | None = None
    for name, pattern in patterns:
        for m in re.finditer(r"\b(?:" + pattern + r")\b", text, re.IGNORECASE):
            dist: float
            if m.start() >= end:
                dist = len(text[end:m.start()].split())
            elif m.end() <= start:
                dist = len(text[m.end():start].split()) + 0.5
            else:
                continue
            if dist <= window and (best is None or dist < best[0]):
                best = (dist, name, m.group(0).lower())
    return (best[1], best[2]) if best else None


def value_range(value: float, digits: str, qualifier: str, settings: Settings = DEFAULT) -> tuple[float, float]:
    """The range a figure's wording allows: rounding of the last significant digit, then the qualifier."""
    digits = re.sub(r"[^\d.]", "", digits)
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
        scale = value / float(digits) if float(digits or 0) else 1.0
        rounding = step * scale / 2
    elif digits:
        zeros = len(digits) - len(digits.rstrip("0"))
        scale = value / float(digits) if float(digits) else 1.0
        rounding = (10.0 ** zeros) * scale / 2 if zeros else 0.5 * scale
    else:
        rounding = 0.0  # number words: "twenty", "two"
    rounding = min(rounding, abs(value) * settings.round_tolerance) if digits and "." not in digits else rounding
    low, high = value - rounding, value + rounding
    if qualifier == "about":
        return value * (1 - settings.about_tolerance) - rounding, value * (1 + settings.about_tolerance) + rounding
    if qualifier == "nearly":
        return value * (1 - settings.nearly_tolerance), value
    if qualifier in ("more_than", "at_least"):
        return low, value * (1 + settings.open_margin)
    if qualifier in ("less_than", "up_to"):
        return value * (1 - settings.open_margin), high
    return low, high


SOFT_HIGH = ("at_least", "more_than", "about", "vague")  # qualifiers whose upper end is a margin, not the words
SOFT_LOW = ("nearly", "less_than", "up_to", "about", "vague")  # qualifiers whose lower end is a margin


def ranges_compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two figures' ranges leave room for one true value. Ranges that only touch do not: "12" covers
    11.5-12.5 and "13" 12.5-13.5, "nearly a mile" stops short of a mile and "greater than a mile" starts
    above it; a range that is a single point ("two", "a mile") touching another is compatible with it."""
    if a.low is None or a.high is None or b.low is None or b.high is None:
        return True
    lo, hi = max(a.low, b.low), min(a.high, b.high)
    if lo < hi:
        return True
    if lo > hi:
        return False
    lower, upper = sorted((a, b), key=lambda q: (q.high or 0.0))
    # where the ranges touch, an end that is only a reading of the wording ("at least two" reaches 3,
    # "nearly 400" reaches down to 360) leaves room; an end the words state ("12", "nearly a mile") does not
    soft = lower.qualifier in SOFT_HIGH or upper.qualifier in SOFT_LOW
    return soft or a.low == a.high or b.low == b.high


def _qualifier(before: str) -> str:
    m = _QUAL.search(before)
    if not m:
        return "exact"
    return next(name for name, _ in QUALIFIERS if m.group(name))


def _unit(after: str, kind: str) -> tuple[str, str, float] | None:
    """The unit word right after a number ("12 km", "48 minutes", "a 13-year standoff")."""
    m = _UNIT.match(after)
    if not m or (m.group("u").lower() == "m" and kind != "number"):
        return None  # "$1.5m": a scale, not metres
    word = m.group("u").lower().replace("light year", "light-year")
    return UNITS.get(word) or UNITS.get(word.rstrip("s")) or UNITS.get(word[:-2] if word.endswith("es") else word)


def _measure(kind: str, noun: str | None, verb: str | None, unit: tuple[str, str, float] | None,  # noqa: C901 - one ordered list of rules
             text: str, start: int, end: int, sentence: str = "", preceding: str = "",
             preceding_sentences: str = "") -> tuple[str, str | None, str] | None:
    """(measure, predicate, reason) for a number at [start, end) of a clause ``text``, or None.

    One ordered list of measure rules, each a few lines (hence the noqa: splitting it would hide the order)."""
    before, after = text[:start], text[end:]
    noun = SAME_NOUN.get(noun or "", noun)
    if _MAGNITUDE.search(before[-14:]) or _MAGNITUDE.search(after[:14]):
        return "magnitude", None, "“magnitude” beside the number"
    if unit is None and noun is None and re.fullmatch(r"[2-9]\.\d", text[start:end].strip()) and \
            re.search(r"\bmagnitude\b|\brichter\b", sentence, re.IGNORECASE):
        return "magnitude", None, "a decimal from 2 to 9.9 in a sentence about a magnitude"
    if _YEAR_OLD.match(after) or re.search(r"\baged\s*$", before) or _AGE_AT.search(before) or \
            (re.search(r"[A-Z][a-z]+,\s*$", before) and re.match(r"\s*,", after)):
        return "age", None, "a person's age (“-year-old”, “aged”, “Name, 56,”, “dies at 61”)"
    if kind == "percent" or re.match(r"\s*(?:%|per ?cent)", after, re.IGNORECASE):
        of = re.match(r"\s*(?:%|per ?cent)\s+of\s+(?:the\s+|those\s+|its\s+|all\s+)?(\w+)", after, re.IGNORECASE)
        what = (of.group(1) + compound_head(of.group(1), after[of.end():])).lower() if of else (verb or "")
        state = " open" if of and _OPEN.search(after[:60]) and not _SHUT.search(after[:60]) else \
            " shut" if of and _SHUT.search(after[:60]) else ""
        return f"percent {what}{state}".strip(), verb, "a share (of the noun after “of”, else of what the verb says)"
    if kind == "money":
        # a deal's price, its cash part, its stock part and a fee are different sums: only a sum named by
        # what it pays for (fee, cost, fortune, bail…) is compared
        cue = _nearest([("money", MONEY_CUES)], text, start, end, window=8)
        if cue is None and preceding_sentences:
            # "How much it cost? … One estimate: at least $1 million": the sum answers the question just asked
            asked = re.search(r"\bhow much\b[^?]{0,40}\b(" + MONEY_CUES + r")\b[^?]*\?", preceding_sentences,
                              re.IGNORECASE)
            cue = ("money", asked.group(1).lower()) if asked else None
        if cue is None:
            return None
        word = cue[1].rstrip("s")
        # "a $1 yearly fee" is not "a $1 billion break-up fee": the word before the cue names the sum
        kind_of = re.search(r"([\w-]+)\s+" + re.escape(cue[1]) + r"\b", text[end:], re.IGNORECASE)
        if kind_of and kind_of.group(1).lower() not in ("the", "a", "an", "its", "in", "of", "and", "cash"):
            word = f"{kind_of.group(1).lower()} {word}"
        return f"money: {word}", verb, f"an amount of money (cue “{cue[1]}”)"
    if unit is not None:
        base, dim, _ = unit
        if re.match(r"^\s*[\w-]*\s*(?:\d+\s*\w{1,2}\s*)?(?:by|x|×)\s*\d", after) or re.search(r"\b(?:by|x|×)\s*$", before):
            return None  # a cross-section ("5ft 7in by 2ft 7in"), not one length
        if dim == "length":
            cue = _nearest(LENGTH_CUES, text, start, end, window=8)
            name = cue[0] if cue else "length"
            return name, cue[1] if cue else None, f"a length ({base}) read as {name}" + (
                f" from “{cue[1]}”" if cue else "")
        if dim == "time":
            if _COUNTDOWN.match(after):
                return None  # "with just three weeks left", "two days before the deadline": a countdown, no duration
            compound = re.match(r"^-(?:year|month|week|day|hour|minute)s?(?:-long)?\s+(?:old\s+)?([a-z]+)", after)
            what = compound.group(1) if compound else noun if noun and noun not in UNITS else (verb or "")
            what = DURATION_OF.get(what, what)
            if not what:
                return None  # "two days", "32 years": a time span of nothing named is not compared
            return f"duration of {what}", verb, f"a length of time (of “{what}”)"
        if dim == "space":
            return "distance in space", None, "light-years"
        return f"{noun or 'weight'} ({base})", verb, f"a weight in {base}"
    if re.search(r"\b(?:country|nation|population|city|territory|home to|megapolis)\s+(?:of\s+)?(?:about\s+|some\s+)?$",
                 preceding or before[-40:], re.IGNORECASE):
        return "population", None, "a place's population (“a country of …”)"
    if re.match(r"\s*of (?:the|them|those|these)\b", after):
        # "two of the dead": a part of a count given elsewhere, not the count; but things a verb counts on an
        # occasion of their own ("first spotted two of them in 2016"): the count of that occasion, kept only
        # when the figure's event is a dated other one (build_quantities drops it otherwise)
        at = sentence.find(text)
        said_before = f"{preceding_sentences} {sentence[:at + start] if at >= 0 else before}"
        whole = (noun if noun in THINGS else None) if noun else _antecedent(said_before)
        spotted = _FINDING_VERB.search(before)
        verb = "spot" if spotted else verb  # "was used to first spot two of these": the parse may give "use"
        if whole is None or verb is None or (verb in LIGHT_VERBS and verb not in SAME_VERB):
            return None
        return f"{whole} {SAME_VERB.get(verb, verb)}", verb, PARTITIVE
    if noun is not None and noun not in PEOPLE and noun not in THINGS:
        # "three temperate, Earth-size exoplanets": the parse took an adjective for the counted noun
        head = re.match(r"\s*(?:[\w-]+,?\s+){0,3}?([a-z]{3,})s\b", after)
        if head and SAME_NOUN.get(head.group(1), head.group(1)) in THINGS:
            noun = SAME_NOUN.get(head.group(1), head.group(1))
    if _AMONG.search(before):
        return None  # "19 injuries among the 152 people aboard": the whole a count is drawn from, not that count
    if noun is None or noun in PEOPLE or noun not in THINGS:
        cue = _nearest(PEOPLE_CUES, text, start, end, window=20) if counts_people(noun, after) else None
        if cue and noun is not None and noun not in ("people", "person") and noun not in CHILDREN and noun != "adult" \
                and _conjunct(before, after):
            # "injuring her parents and two siblings": one part of a group the clause counts, not the count (a part
            # that names its own measure, "22 children and four adults", is counted as children and adults)
            return None
        if cue:
            who = "children" if noun in CHILDREN else "adults" if noun == "adult" else "people"
            return f"{who} {cue[0]}", cue[1], f"people counted, “{cue[1]}” nearest the number"
        if noun is None:
            return None
        if noun in ("participant", "marcher", "protester", "demonstrator"):
            return "people in the crowd", verb, f"the crowd (“{noun}”)"
        if noun not in PEOPLE and not is_person_noun(noun) and not AGENTIVE.search(noun):
            # "lay out 19 separate actions", "32 districts": a counted thing by its own noun, never people ("… counted"
            # or a light verb: too vague to compare, :func:`compare.conflicts.too_vague`)
            what = SAME_VERB.get(verb, verb) if verb else "counted"
            return f"{noun} {what}", verb, f"the counted noun “{noun}” (no person) and the verb “{verb or ''}”".strip()
        mod = _modifier(after, noun)
        if mod:  # "683,000 post-paid subscribers" and "202,000 pre-paid subscribers": two measures, not one
            return (f"{mod} people {verb or 'counted'}", verb,
                    f"people (“{mod} {noun}”) {verb or ''}: the counted noun's modifier names what is counted".strip())
        return f"people {verb or 'counted'}", verb, f"people (“{noun}”) {verb or ''}".strip()
    finding = _FINDING_BEFORE.search(before) or _FOUND_AFTER.match(after)
    if finding:
        # "the discovery of three planets", "the announcement last year of three Earth-size planets", "reported
        # a year ago on three planets": the things were found (announced, reported) at that occasion
        return f"{noun} found", "discover", f"a finding of “{noun}”: “{finding.group(0).strip()}” beside the number"
    if verb is None or (verb in LIGHT_VERBS and verb not in SAME_VERB):
        return None  # "three planets", "seven planets are": a count with no event to pin it to is not compared
    return f"{noun} {SAME_VERB.get(verb, verb)}", verb, f"the counted noun “{noun}” and the verb “{verb}”"


# "dead at 61", "dies at 61", "at the age of 61", "at age 61": an age, never a count of the dead
_AGE_AT = re.compile(r"\b(?:(?:die[sd]?|dead|dying|passed away|death)\s+at|at\s+(?:the\s+)?age(?:\s+of)?)\s*$",
                     re.IGNORECASE)
# "19 injuries were reported among the 152 people aboard": the figure after "among" is the whole group
_AMONG = re.compile(r"\bamong\s+(?:the|its|their|all|those)?\s*$", re.IGNORECASE)
# a counted noun that is one conjunct of a coordinated group ("her parents and two siblings", "two siblings and
# their father", "a mother, father, and two other kids"): the clause's count is the whole group's
_CONJUNCT_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?[a-z]+\b(?:\s*,)?\s+(?:and|or)\s+(?:his|her|their|its|the|a|an)\s",
                             re.IGNORECASE)
_CONJUNCT_BEFORE = re.compile(r"\b(?P<w>[a-z]+)(?:\s*,)?\s+(?:and|or)\s+$", re.IGNORECASE)
# words before a counted noun that name no kind of it ("four other family members", "12 more people")
_PLAIN_MODIFIERS = {"other", "more", "additional", "further", "extra", "new", "old", "young", "former", "all", "the",
                    "of", "some", "such", "total", "separate", "different", "individual", "unidentified", "unnamed",
                    "people", "local", "fellow", "innocent", "reported", "confirmed", "known", "about", "roughly",
                    "major", "key", "top", "leading", "main", "big"}


def _conjunct(before: str, after: str) -> bool:
    """Whether the counted people are one conjunct of a coordinated group: a person noun joined by "and"/"or"
    before the figure ("her parents and two siblings"), or a determiner-led noun phrase after it ("two siblings
    and their father"); "4 deaths and 12 injuries" joins two counts, not two parts of one."""
    m = _CONJUNCT_BEFORE.search(before)
    if m:
        word = m.group("w").lower()
        single = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        if single in PERSON_GROUPS or is_person_noun(single) or single in PEOPLE - {"death", "fatality", "casualty",
                                                                                      "body", "others", "other"}:
            return True
    return bool(_CONJUNCT_AFTER.match(after))


def counts_people(noun: str | None, after: str = "") -> bool:
    """Whether a counted noun can be people for a cue of what happens to people ("killed", "injured"): none
    (elided), a person noun, the cue's own noun ("4 arrests", "19 injuries"), or a noun the parse gives that is
    not written right after the figure ("71 in Morelos state": not a count of states); "four handguns" is no one
    (review20: "four handguns" next to "left 12 people dead" read as four people killed)."""
    if noun is None or not re.match(r"\s*(?:(?!(?:in|at|of|on|from|to|for|by)\b)[\w-]+,?\s+){0,2}?" + re.escape(noun[:4]), after,
                                      re.IGNORECASE):
        return True
    if noun in PEOPLE or noun in PERSON_GROUPS or is_person_noun(noun) or AGENTIVE.search(noun) \
            or re.search(r"(?:an|ese|ish)$", noun):  # "Americans", "Chinese", "Britons" by "-an", "-ese"
        return True
    return any(re.fullmatch(pattern, noun, re.IGNORECASE) or re.fullmatch(pattern, noun + "s", re.IGNORECASE)
               for _, pattern in PEOPLE_CUES)


def _modifier(after: str, noun: str | None) -> str | None:
    """The words between a figure and its counted noun that name a kind of it ("post-paid" in "683,000 post-paid
    subscribers", "traditional pre-paid"), or None: plain words ("other", "more", "young") name no kind."""
    if not noun:
        return None
    m = re.match(r"\s*((?:[\w-]+\s+){1,3}?)" + re.escape(noun[:4]), after, re.IGNORECASE)
    if not m:
        return None
    words = [w.lower() for w in m.group(1).split()]
    if any(re.search(r"\d", w) or w in ("and", "or", "to", "-", "–", "of") for w in words):
        return None  # "70 to 80 people", "between 0 and 100 people": a range's other end, no kind of people
    return " ".join(w for w in words if w not in _PLAIN_MODIFIERS) or None


# a span of time still to run: "three weeks left", "two days remaining / to go / before the deadline / until"
_COUNTDOWN = re.compile(r"^\s?[-\s]?[a-z]+\s+(?:left|remaining|to go|away|until|till|before (?:the|a|its|his|her|their) "
                        r"(?:deadline|vote|election|end|start))\b", re.IGNORECASE)


# a time phrase that may sit between a finding's word and its count ("the announcement last year of", "reported a
# year ago on", "the discovery in May of 2030 of")
_WHEN = (r"(?:\s+(?:last|this|earlier this)\s+(?:year|month|week)|\s+(?:a|an|one|two|three|four|five|six|\d{1,2})\s+"
         r"(?:years?|months?)\s+ago|\s+in\s+(?:[A-Z][a-z]+\.?\s+(?:of\s+)?)?(?:19|20)\d\d|\s+on\s+[A-Z][a-z]+day)?")
# things counted and then said found ("the three Earth-like planets discovered last year", "three planets, first
# spotted in 2030"): the count of that finding
_FOUND_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?[a-z]{3,}s,?\s+(?:(?:that|which)\s+)?(?:(?:were|was|had been|have been)\s+)?"
                          r"(?:first\s+)?(?:found|discovered|spotted|detected|identified|announced|reported)\b")
# a verb of finding right before the number ("was used to first spot two of these", "discovered three")
_FINDING_VERB = re.compile(r"\b(?:discover|spot|detect|identif|uncover)\w*\s+$|\bf(?:ou|i)nd(?:s|ing)?\s+$")
# a finding told as one before this event's: the past perfect or "previously / already / earlier"
_BEFORE_NOW = re.compile(r"\b(?:had|previously|already|earlier|formerly)\b", re.IGNORECASE)
# a finding named by a noun ("the discovery / detection / announcement / report of N things") or reported on ("the
# team reported a year ago on three planets"): the things counted were found at that occasion
_FINDING_BEFORE = re.compile(r"\b(?:discovery|detection|announcement|report|sighting)" + _WHEN + r"\s+of\s*$|"
                             r"\b(?:reported|reports|report)" + _WHEN + r"\s+on\s*$")


# verbs that say one thing of a counted noun ("discovered three planets", "spotted two of them"): one measure
# ("announced three planets", "reported three planets": their finding made known, the same count)
SAME_VERB = {v: "found" for v in ("discover", "spot", "find", "detect", "identify", "uncover", "observe", "announce",
                                  "report")}
SAME_NOUN = {"world": "planet", "exoplanet": "planet"}  # one counted thing by two names
PARTITIVE = "a part of a set (“two of them”) that a verb counts on a dated occasion of its own"


def _antecedent(before: str) -> str | None:
    """The counted thing "them" stands for: the last plural noun before it that names things counted
    (``THINGS``: "seven planets … two of them")."""
    words: list[str] = re.findall(r"\b([a-z]{3,}s)\b", before.lower())
    for word in reversed(words):
        for single in (word[:-1], word[:-2]):
            name = SAME_NOUN.get(single, single)
            if name in THINGS:
                return name
    return None


def _place(entities: Sequence[Entity], sentence_start: int, text: str, start: int, end: int,
           types: tuple[str, ...] = ("GPE", "LOC")) -> str | None:
    """A place that narrows the figure: "in Morelos" after it, or "Guerrero (6)" / "Puebla saw 11" before."""
    best: tuple[int, str] | None = None
    for e in entities:
        if e.type not in types:
            continue
        for mnt in e.mentions:
            ms, me = mnt.start - sentence_start, mnt.end - sentence_start
            if ms >= end and ms - end <= 45:
                between = text[end:ms]
                if re.search(r"\bin\s+(?:the\s+)?(?:\w+\s+){0,2}$|\bin the state of\s+$", between) and \
                        not re.search(r"[;,.]|\d|\b(?:from|of|to|into|out)\b", between):
                    dist = ms - end
                elif re.fullmatch(r"\s*\(\s*", text[me:start] if me <= start else ""):
                    dist = 0
                else:
                    continue
            elif me <= start and start - me <= 80 and _PLACE_BEFORE.fullmatch(text[me:start]):
                dist = start - me + 5
            else:
                continue
            name = e.name
            if re.search(r"\bstate of\s*$", text[:ms], re.IGNORECASE) or re.match(r"\s+state\b", text[me:]):
                name = f"State of {e.name}" if not e.name.lower().startswith("state of") else e.name
            if best is None or dist < best[0]:
                best = (dist, name)
    if best is None:
        site = _SITE.search(text[end:end + 50])
        return site.group(1).lower() if site and not re.search(r"[;,.]", text[end:end + site.start()]) else None
    return best[1]


_START_POINT = re.compile(r"(?:\bsince|\b(?:began|begun|started|starting|founded|built|opened) in|\bfrom)\s+(?:the\s+)?$",
                          re.IGNORECASE)


_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:de|del|la|of)\s+)?[A-Z][\w'’.-]*)*"
# "43 in Puebla", "72 died in the state of Morales", "219 people were killed in densely populated Mexico City"
_PLACE_AFTER = re.compile(r"\s*(?:(?!(?:during|after|before|from|at|on|of|by|for|with|near|outside|to|into|"
                          r"over|under|while|when|as)\b)(?:[a-z]+|[A-Z][a-z]+day)\s+){0,6}?(?:in|inside|across)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?"
                          r"(?:(?P<k>state|province|county|region|municipality|city|town) of\s+)?(?P<p>" + _NAME + r")"
                          r"(?P<st>\s+state\b)?")
# "Guerrero (6)", "The state of Morelos, just south of the capital, was hardest hit with 42 deaths"
_PLACE_BEFORE_TEXT = re.compile(r"(?:\b[Tt]he (?P<k>state|province|county|region|city) of\s+)?(?P<p>" + _NAME + r")"
                                r"(?P<st>\s+state\b)?" + _PLACE_BEFORE.pattern + r"$")
# "the central states of Morelos and Puebla, where 74 and 45 people were killed, respectively"
_RESPECTIVELY = re.compile(r"(?P<k>states? of\s+)?(?P<p1>" + _NAME + r"),?\s+and\s+(?P<p2>" + _NAME + r"),?\s+"
                           r"(?:where|with)\s+(?P<n1>[\d,.]+)\s+and\s+(?P<n2>[\d,.]+)\b[^.;]*\brespectively\b")


# "the number of people killed in airline accidents in the U.S. dropped from 75 in 2006 to 66": the count's subject
# names its place before the figure (review22: 66 U.S. deaths against 965 worldwide)
_NUMBER_OF_IN = re.compile(r"\b(?:number|toll|count|tally|total)\s+of\s+[^,;.\d]{0,60}?\bin\s+(?:the\s+)?"
                           r"(?P<p>" + _NAME + r")\s+(?:[a-z]+\s+){1,2}(?:from\s+[\d,.]+(?:\s+in\s+\d{4})?\s+)?"
                           r"(?:from|to|at)\s+$")


def _state_name(name: str, marked: bool) -> str:
    name = name.rstrip(".")
    return f"State of {name}" if marked and not name.lower().startswith("state of") else name


# the head word of an organisation's name ("Catalan Department of Health", "Civil Protection Agency"): no place
_AGENCY = re.compile(r"\b(?:Department|Ministry|Agency|Office|Service|Institute|Committee|Council|Commission|"
                     r"Authority|Bureau|Survey|Centre|Center|Association|Organi[sz]ation|Administration|Police|"
                     r"Court|Party|Union|University|Hospital|Red Cross|Foundation)\b")


def count_place(text: str, start: int, end: int, not_places: set[str]) -> str | None:
    """The place a count is scoped to by its sentence: "43 in Puebla", "72 died in the state of Morales",
    "Guerrero (6)", "Puebla … saw 11 deaths", "Morelos and Puebla, where 74 and 45 … respectively", or a
    site ("at the school"). Names of people and organisations (``not_places``) are not places."""
    for m in _RESPECTIVELY.finditer(text):
        for n, p in (("n1", "p1"), ("n2", "p2")):
            if m.start(n) <= start < m.end(n):
                return _state_name(m.group(p), bool(m.group("k")))
    subject = _NUMBER_OF_IN.search(text[max(0, start - 160):start])
    if subject and subject.group("p").lower() not in not_places and not _AGENCY.search(subject.group("p")):
        return subject.group("p")
    before = _PLACE_BEFORE_TEXT.search(text[max(0, start - 120):start])
    if before and not before.group("k") and _AGENCY.search(before.group("p")):
        before = None  # "the Catalan Department of Health reported that nearly 900": a source, not a place
    if before and (before.group("k") or before.group("p").lower() not in not_places
                   or not re.search(r"\b(?:reported|counted|confirmed|had)\b", before.group(0))):
        return _state_name(before.group("p"), bool(before.group("k") == "state" or before.group("st")))
    clause_end = min([m.start() for m in re.finditer(r"[,;]|\s[—–]\s", text[end:])] + [len(text) - end]) + end
    after = _PLACE_AFTER.match(text[end:clause_end])
    if after and (after.group("k") or (after.group("p").lower() not in not_places
                                       and not _AGENCY.search(after.group("p")))):
        return _state_name(after.group("p"), bool(after.group("k") == "state" or after.group("st")))
    # a short aside between commas does not end the scope: "25 people, including 21 children, died at the school"
    tail = re.sub(r",[^,;.]{1,40},", lambda m: " " * len(m.group(0)), text[end:end + 90])
    site = _SITE.search(tail)
    return site.group(1).lower() if site and not re.search(r"[;,.]", tail[:site.start()]) else None


def _event_scope(text: str, lo: int, hi: int, start: int) -> tuple[int, int]:
    """The part of a clause that can mark a figure's event: an opening phrase that ends in a comma before a
    capitalised subject ("Before his capture last year, Guzman slipped into a mile-long tunnel") is left out."""
    for m in re.finditer(r",\s+(?=[A-Z][a-z])", text[lo:start]):
        lo_new = lo + m.end()
        if lo_new <= start and not _TIME_OPENING.fullmatch(text[lo:lo + m.start()]):
            lo = lo_new
    return lo, hi


# an opening phrase that only says when the main clause happened ("In 2016, Belgian astronomers found …",
# "Back in May 2016,"): it dates the clause, it is no other event's phrase
_TIME_OPENING = re.compile(r"\s*(?:back\s+)?(?:(?:in|on|during|by)\s+)?(?:(?:early|late|mid-?)\s*)?"
                           r"(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\s*|"
                           r"\s*(?:last|earlier this|this)\s+(?:year|month|week)\s*", re.IGNORECASE)


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_LAST_MONTH = re.compile(r"\blast\s+(January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)\b")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18}
_AGO = re.compile(r"(?<![\w-])(?P<n>" + "|".join(_NUMBER_WORDS) + r"|\d{1,2})\s+(?P<u>years?|months?)\s+ago\b", re.IGNORECASE)


def ago_year(m: re.Match[str], published: str) -> str:
    """The year "a year ago" / "18 months ago" points to, counted back from the article's date."""
    n = _NUMBER_WORDS.get(m.group("n").lower()) or int(m.group("n"))
    base = dt.date.fromisoformat(published[:10])
    months = n * 12 if m.group("u").lower().startswith("year") else n
    return str((base.year * 12 + base.month - 1 - months) // 12)


def _event(text: str, lo: int, hi: int, claim_values: Sequence[Value], year: str | None,  # noqa: C901 - ordered rules
           sentence_start: int, start: int | None = None, dated: bool = True, published: str | None = None) -> str:
    """``this``, or what marks the clause as another event: a year other than the article's ("the 1985
    quake", "in 2014 when a ferry sank"), "last year" and "a year ago" / "18 months ago" counted back from the
    article's date (``published``) when that reaches another year, "earlier", "another quake", "two weeks ago". A
    year that is a start point ("since 1997", "talks began in 2006") or a count ("more than 2000 officers") marks no
    other event; "in May of 2030" is a date, not a count "of 2030"."""
    if start is not None:
        lo, hi = _event_scope(text, lo, hi, start)

    def other_year(y: str, at: int, after: int) -> bool:
        if not dated and y == year and re.search(r"\bin\s+$", text[max(0, at - 4):at]):
            return True  # an undated article's "in 2014 when a ferry sank": its year is only a guess
        return bool(year and y != year and not _START_POINT.search(text[max(0, at - 25):at])
                    and not re.match(r"\s*(?:-|–|to)\s*\d", text[after:])
                    and not re.match(r"\s+(?!years?\b|quake|earthquake)[a-z]+s\b", text[after:])
                    and (not re.search(r"(?:than|about|some|over|nearly|almost|of|[$€£])\s*$", text[max(0, at - 8):at])
                         or bool(_MONTH_OF.search(text[max(0, at - 14):at]))))

    for v in claim_values:
        if v.kind != "date":
            continue
        rel = v.start - sentence_start
        if not lo <= rel < hi:
            continue
        y = str(v.value)[:4]
        if re.fullmatch(r"(19|20)\d\d", y) and other_year(y, rel, v.end - sentence_start):
            return y
    for m in re.finditer(r"\b(?:19|20)\d\d\b", text[lo:hi]):
        if other_year(m.group(0), lo + m.start(), lo + m.end()):
            return m.group(0)
    if year and re.search(r"\blast year\b", text[lo:hi], re.IGNORECASE):
        return str(int(year) - 1)
    # "elected two years ago", "five years ago, six years ago": a figure that is itself a span back stays "earlier"
    spans_back = list(_AGO.finditer(text, lo, hi))
    ago = spans_back[0] if spans_back and not any(start is not None and m.start() <= start < m.end()
                                                  for m in spans_back) else None
    if ago and published and dated:
        when = ago_year(ago, published)
        if when != year:
            return when  # "reported a year ago on three planets" in a 2031 article: the 2030 occasion
    last = _LAST_MONTH.search(text[lo:hi])
    if last and published and dated and year:
        month = _MONTHS.index(last.group(1)[:3].lower()) + 1
        # "last May" in a February article: May of the year before; "last January" in it: earlier this year
        return str(int(year) - 1) if month >= int(published[5:7]) else "earlier"
    if _EARLIER.search(text[lo:hi]):
        return "earlier"
    return "this"


_MONTH_OF = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+of\s+$")  # "May of 2030"
_EVENT_DATE = re.compile(r"(?:['’]s)?\s+(?:[\w.-]+\s+){0,2}?(?:" + EVENT_NOUNS + r")\b", re.IGNORECASE)


def _as_of(claim_values: Sequence[Value], published: str | None, settings: Settings,
           article_text: str = "") -> str | None:
    """The date a figure holds at: a date in its sentence near the article date, else the article date. A
    date that names the event ("the Sept. 19 quake", "Tuesday's earthquake") is when it happened, not when
    the figure was counted."""
    if not published:
        return None
    base = dt.date.fromisoformat(published)
    for v in claim_values:
        if article_text and _EVENT_DATE.match(article_text[v.end:v.end + 40]):
            continue
        if v.kind == "date" and re.fullmatch(r"\d{4}-\d\d-\d\d", str(v.value)):
            d = dt.date.fromisoformat(str(v.value))
            if abs((d - base).days) <= settings.as_of_window_days:
                return d.isoformat()
    return published


def _named_source(text: str, start: int) -> str | None:
    """"according to X" or "X said / measured / estimated" in ``text``: the mention nearest ``start``."""
    found: list[tuple[int, str]] = []
    for pattern in (_SOURCE_AFTER, _SOURCE_SAID):
        for m in pattern.finditer(text):
            name = re.sub(r"^(?:The|the)\s+", "", m.group("s")).strip()
            if not name or name.lower() in ("it", "he", "she", "they", "we", "i"):
                continue
            found.append((abs(m.start() - start), name))
    return min(found)[1] if found else None


def _source(clause: str, clause_start: int, sentence: str, start: int, quotes: Sequence[Quote],
            abs_start: int) -> str | None:
    """Who the article gives the figure to: a source named in the figure's own clause ("…, while the
    CENC measured it at 6.5"), else the speaker of the quote or reported speech around it, else a
    source named elsewhere in the sentence."""
    own = _named_source(clause, start - clause_start)
    if own:
        return own
    for q in quotes:
        if q.speaker and q.kind != "scare" and q.start <= abs_start < q.end:
            return q.speaker
    return _named_source(sentence, start)


# facts of a place, not of an event: never tied to one (a person's age is: "at the age of 32, … in 1983")
STABLE_MEASURES = ("population",)
NOT_COUNTS = ("magnitude", "depth", "distance", "length", "duration", "age", "vote", "percent", "money", "weight",
              "population")


def is_count(measure: str) -> bool:
    """Counts (of the dead, of homes) can be narrowed to a place and rise over days; a magnitude cannot."""
    return not measure.startswith(NOT_COUNTS) and "(" not in measure


def _person(entities: Sequence[Entity], sentence_start: int, start: int, end: int) -> str | None:
    """The person an age belongs to: the name just before ("Jan Koum, 38") or after ("37-year-old Jan Koum")."""
    best: tuple[int, str] | None = None
    for e in entities:
        if e.type != "PERSON":
            continue
        for mnt in e.mentions:
            ms, me = mnt.start - sentence_start, mnt.end - sentence_start
            dist = start - me if me <= start else ms - end if ms >= end else -1
            if 0 <= dist <= 20 and (best is None or dist < best[0]):
                best = (dist, e.name)
    return best[1] if best else None


def build_quantities(article: Article, sentences: Sequence[Sentence], entities: Sequence[Entity],  # noqa: C901 - one ordered list of rules
                     quotes: Sequence[Quote], claims: Sequence[Claim], settings: Settings = DEFAULT,
                     doc: Any = None) -> list[Quantity]:
    """The measured facts of an article's numbers; with the article's parse ``doc``, each figure's source is
    checked on it (:func:`stages.value_sources.checked_source`)."""
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault(c.sentence, []).append(c)
    year = article.published[:4] if article.published else None
    if year is None:  # undated: the latest year the article mentions is its own (earlier years are history)
        years = Counter(str(v.value)[:4] for c in claims for v in c.values if v.kind == "date"
                        and re.fullmatch(r"(19|20)\d\d", str(v.value)[:4]))
        year = max(years) if years else None
    out: list[Quantity] = []
    not_places = {e.name.lower() for e in entities if e.type in ("PERSON", "NORP")}
    for s in sentences:
        cl = by_sentence.get(s.i, [])
        text = article.text[s.start:s.end]
        values: dict[tuple[int, int], Value] = {}
        for c in cl:
            for v in c.values:
                values.setdefault((v.start, v.end), v)
        dates = [v for v in values.values() if v.kind == "date"]
        claim_id = cl[0].id if cl else None
        found: list[tuple[int, int, str, float | str, tuple[float, float] | None, str, str | None,
                          tuple[str, str | None, str] | None, tuple[str, str, float] | None]] = []
        votes: list[tuple[int, int]] = []
        last_noun: tuple[str, int] | None = None
        for m in _SHARE_OF.finditer(text):
            share = _share(m, text)
            if share is not None:
                share_end = m.end() + len(compound_head(m.group("noun"), text[m.end():]))  # "… polling stations"
                votes.append((m.start(), share_end))
                found.append((m.start(), share_end, text[m.start():share_end], share[0], share[1], "exact", None,
                              share[2], None))
        for m in _VOTE.finditer(text):
            a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
            votes.append((m.start(), m.end()))
            found.append((m.start(), m.end(), m.group(0), f"{a}-{b}", None, "exact", None,
                          ("vote", None, "a vote split (“6-3 decision”)"), None))
        for v in sorted(values.values(), key=lambda v: v.start):
            if v.kind not in ("number", "money", "percent") or isinstance(v.value, str):
                continue
            rs, re_ = v.start - s.start, v.end - s.start
            if any(a <= rs < b for a, b in votes):
                continue
            value = float(v.value)
            if not math.isfinite(value) or not_a_figure(text, rs, re_):
                continue
            qualifier = _qualifier(text[max(0, rs - 30):rs])
            kind = "money" if re.search(r"\b(?:USD|US\$|EUR|GBP)\s*$", text[max(0, rs - 6):rs]) else v.kind
            unit = _unit(text[re_:re_ + 20], kind)
            um = _UNIT.match(text[re_:re_ + 20]) if unit else None
            noun = v.unit if v.unit and v.unit not in UNITS and v.unit not in TIME_NOUNS else None
            if noun is None and last_noun and rs - last_noun[1] <= 40:
                noun = last_noun[0]  # "Two adults died and eight are missing": eight adults
            if noun and kind != "money":  # a currency ("USD") is no noun a later figure counts
                last_noun = (noun, re_)
            lo, hi = _clause(text, rs, re_)
            measure = _measure(kind, noun, v.predicate, unit, text[lo:hi], rs - lo, re_ - lo, text,
                               article.text[max(0, v.start - 40):v.start], article.text[max(0, s.start - 300):s.start])
            if noun is None and unit is None and (measure is None or measure[0] in VAGUE_COUNTS):
                measure = _elided(text, rs, re_, found) or measure
            if measure is not None and kind == "money" and v.unit and v.unit not in ("USD", "$"):
                # "$10,000 (€6,800) bail": one sum in two currencies; never compared across currencies (review20)
                measure = (f"{measure[0]} in {v.unit}", measure[1], f"{measure[2]}, in {v.unit}")
            span_end = re_ + (um.end() if um else 0)
            found.append((rs, span_end, text[rs:span_end], value, value_range(value, v.text, qualifier, settings),
                          qualifier, noun, measure, unit))
        for m in _A_UNIT.finditer(text):  # "nearly a mile", "a mile-long tunnel"
            if any(a <= m.start() < b for a, b, *_ in found):
                continue
            qualifier = _qualifier((m.group("q") or m.group("q2") or "") + " " if m.group("q") or m.group("q2")
                                   else text[:m.start()][-30:])
            unit = UNITS[m.group("u").lower().rstrip("s")] if m.group("u").lower() != "km" else UNITS["km"]
            lo, hi = _clause(text, m.start(), m.end())
            measure = _measure("number", None, None, unit, text[lo:hi], m.start() - lo, m.end() - lo)
            # the span as a table quotes it: "nearly mile-long", not "a nearly mile"
            a_start = m.start("q2") if m.group("q2") else m.start()
            a_end = m.end() + (5 if text[m.end():m.end() + 5] == "-long" else 0)
            found.append((a_start, a_end, text[a_start:a_end], 1.0, value_range(1.0, "", qualifier, settings),
                          qualifier, None, measure, unit))
        for m in _AGE_AFTER_NAME.finditer(text):
            if any(a <= m.start("n") < b for a, b, *_ in found):
                continue
            n = float(m.group("n"))
            found.append((m.start("n"), m.end("n"), m.group("n"), n, value_range(n, m.group("n"), "exact", settings),
                          "exact", None, ("age", None, "a person's age (“Name, 56,”)"), None))
        for m in _VAGUE.finditer(text):
            if any(a <= m.start() < b for a, b, *_ in found):
                continue
            word = (m.group(1) or m.group(3)).lower()
            vague_low, vague_high = VAGUE[word]
            raw = (m.group("noun") or m.group("noun2") or "").lower()
            end = m.end()
            # "dozens of prison employees": a singular word before a plural one modifies it; the plural is counted
            nxt = re.match(r"\s+([a-z]{3,}s)\b", text[end:]) if m.group("noun") and not raw.endswith("s") \
                and raw not in ("people", "police") else None
            if nxt and nxt.group(1) not in NOT_PLURAL_NOUNS:
                raw, end = nxt.group(1), end + nxt.end()
            noun = None if not raw else raw if raw in ("people", "police") else \
                raw[:-3] + "y" if raw.endswith("ies") else raw.rstrip("s")
            lo, hi = _clause(text, m.start(), m.end())
            measure = _measure("number", noun, None, None, text[lo:hi], m.start() - lo, end - lo)
            found.append((m.start(), end, text[m.start():end], vague_low, (vague_low, vague_high), "vague", noun, measure,
                          None))
        kept = _without_conversions(text, found)
        contrasted = _contrasted(text, kept)
        for k, (rs, re_, _phrase, fig_value, rng, qualifier, noun, measure, unit) in enumerate(kept):
            if measure is None:
                continue
            name, predicate, reason = measure
            change = _change(text, rs, re_, _clause(text, rs, re_)[1])
            if change is not None:  # "one million more every day": a rise or a rate, never the total itself
                name, reason = f"{name} {change[0]}", f"{reason}; {change[1]}"
            if k in contrasted:  # "six arrests Wednesday, compared to 47 the previous night": one occasion's count each
                name, reason = f"{name} on one occasion", f"{reason}; {contrasted[k]}"
            if _VOTE_SHARE.match(name):
                who = _candidate(entities, s.start, text, rs, re_, doc)
                if who:  # "Brat won with 56 percent of the vote", "Cantor had won with 79 percent": two shares
                    name, reason = f"{name} for {who}", f"{reason}; the share of {who}"
            if name == "age":
                person = _person(entities, s.start, rs, re_)
                if person is None:
                    continue  # an age of no one named is not compared
                name = f"age of {person}"
                unit = None  # years as stated ("37-year-old" is 37, not 37 years in minutes)
                re_ += 4 if text[re_:re_ + 4] == "-old" else 0
            q_low: float | None = rng[0] if rng else None
            q_high: float | None = rng[1] if rng else None
            if unit is not None and name != "age" and q_low is not None and q_high is not None:
                q_low, q_high = q_low * unit[2], q_high * unit[2]
            lo, hi = _clause(text, rs, re_)
            qm = _QUAL.search(text[max(0, rs - 30):rs]) if qualifier not in ("exact", "vague") else None
            start = s.start + (max(0, rs - 30) + qm.start() if qm else rs)
            # a person's age is tied to its time: "at the age of 32, … in 1983" is not the age at this event's time
            event = "this" if name.startswith(STABLE_MEASURES) else _event(text, lo, hi, dates, year, s.start, rs,
                                                                          article.published is not None,
                                                                          article.published)
            if event == "this" and name.endswith(" found") and _BEFORE_NOW.search(text[lo:hi]):
                event = "earlier"  # "had already found three planets": an earlier finding, never this event's count
            if reason == PARTITIVE and event == "this":
                continue  # "two of the planets" of this event: a part of a count given elsewhere
            out.append(Quantity(
                article=article.id, sentence=s.i, start=start, end=s.start + re_,
                text=article.text[start:s.start + re_], value=fig_value, measure=name, low=q_low, high=q_high,
                qualifier=qualifier, unit=unit[0] if unit else None, noun=noun, predicate=predicate,
                place=_place(entities, s.start, text, rs, re_, ("GPE", "LOC", "ORG", "PERSON", "FAC", "PRODUCT"))
                if name == "distance in space" else count_place(text, rs, re_, not_places)
                if is_count(name) and not name.endswith(" found") else None,  # where things were found scopes no count
                event=event, as_of=_as_of(dates, article.published, settings, article.text),
                source=checked_source(_source(text[lo:hi], lo, text, rs, quotes, s.start + rs), doc, s.start,
                                      s.end, start),
                claim=claim_id, reason=reason))
    return out


# "six arrests Wednesday, compared to 47 the previous night", "12 this year versus 30 last year"
_CONTRAST = re.compile(r"\b(?:compared (?:to|with)|versus|vs\.?|as against)\s+(?:about\s+|some\s+|just\s+|only\s+|"
                       r"nearly\s+|more than\s+|at least\s+)?$", re.IGNORECASE)


def _contrasted(text: str, found: Sequence[tuple[Any, ...]]) -> dict[int, str]:
    """The figures of a sentence that it contrasts with another figure of the same measure ("six arrests
    Wednesday, compared to 47 the previous night"): each counts one occasion of a series, neither is the story's
    count (an outlet's "47 arrests overnight" is not contradicted by the six). Index → reason."""
    out: dict[int, str] = {}
    for j, b in enumerate(found):
        cue = _CONTRAST.search(text[max(0, b[0] - 30):b[0]])
        if b[7] is None or cue is None:
            continue
        for i in range(j - 1, -1, -1):
            a = found[i]
            if a[7] is not None and a[7][0] == b[7][0] and a[1] <= b[0] and b[0] - a[1] <= 80 \
                    and not re.search(r"[.;]", text[a[1]:b[0]]):
                why = f"contrasted in its sentence with another occasion's figure (“{cue.group(0).strip()}”)"
                out[i] = out[j] = why
                break
    return out


_VOTE_SHARE = re.compile(r"^percent (?:the )?(?:vote|votes|ballots?)$")


def _candidate(entities: Sequence[Entity], sentence_start: int, text: str, start: int, end: int,
               doc: Any = None) -> str | None:
    """Whose share of the vote a figure is, by surname: the person who is the subject of the verb the figure
    depends on ("Brat unseated the House majority leader with 56 percent of the vote": Brat, not the leader),
    on the parse when there is one; else the first person named before it in its sentence ("Cantor had won …
    with 79 percent of the vote"), else one named right after it ("… of the vote for Brat")."""
    people = [(mnt.start - sentence_start, mnt.end - sentence_start, e.name) for e in entities if e.type == "PERSON"
              for mnt in e.mentions]
    if doc is not None:
        span = doc.char_span(sentence_start + start, sentence_start + end, alignment_mode="expand")
        token = span.root if span is not None else None
        while token is not None and token.pos_ not in ("VERB", "AUX") and token.head is not token:
            token = token.head
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None) if token is not None else None
        if subject is not None:
            at = subject.idx - sentence_start
            named = next((name for ms, me, name in people if ms <= at < me), None)
            if named:
                return named.split()[-1]
    before = [p for p in people if 0 <= p[0] and p[1] <= start]
    if before:
        return min(before)[2].split()[-1]
    after = [p for p in people if p[0] >= end and re.fullmatch(
        r"\s*(?:%|percent|per cent)?\s*of (?:the )?(?:vote|votes|ballots?)\s+for\s+", text[end:p[0]])]
    return min(after)[2].split()[-1] if after else None


# a figure that counts an addition ("one million more", "another 20", "200 additional troops") or a rate ("…
# every day", "a week", "per year", "daily"): another measure than the total the same noun counts
_ADDED_BEFORE = re.compile(r"\b(?:another|an(?:other)? additional|a further|an extra)\s*$", re.IGNORECASE)
_ADDED_AFTER = re.compile(r"^(?:\s+[\w-]+){0,2}?\s+(?:more|additional|extra|further)\b(?!\s+than\b)", re.IGNORECASE)
_RATE = re.compile(r"\b(?:(?:every|each|a|per)\s+(?:single\s+)?(?:day|week|month|year|hour|minute|second)|"
                   r"daily|weekly|monthly|annually|yearly|hourly)\b(?!\s+(?:after|before|earlier|later|ago)\b)",
                   re.IGNORECASE)


def _change(text: str, start: int, end: int, clause_end: int) -> tuple[str, str] | None:
    """("added" | "per day" …, reason) when the figure at [start, end) of a sentence counts an addition or a rate;
    the rate is read in the figure's clause, at most 40 characters after it."""
    after = text[end:min(clause_end, end + 40)]
    rate = _RATE.search(after)
    if rate is not None:
        word = rate.group(0).lower()
        unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
                "hourly": "hour"}.get(word, word.split()[-1])
        return f"per {unit}", f"a rate (“{rate.group(0)}” after the figure)"
    if _ADDED_BEFORE.search(text[max(0, start - 20):start]) or _ADDED_AFTER.match(after):
        return "added", "an addition (“more”, “another”, “additional” with the figure), not the total"
    return None


NOT_PLURAL_NOUNS = {"was", "has", "does", "goes", "this", "its", "his", "hers", "yes", "plus", "thus", "less", "across",
                    "unless", "always", "perhaps", "whereas", "sometimes"}
TIME_NOUNS = {"morning", "afternoon", "evening", "night", "noon", "midnight", "today", "tonight", "week", "weekend"}
VAGUE_COUNTS = ("people be", "people counted", "people have")
# "…, 71 in Morelos state", "— more than 100 in Mexico City alone", "and 12 in Marren": a count whose noun is
# elided, followed by the place it is scoped to
_ELIDED = re.compile(r"^\s+(?:(?:in|across)\s+(?:the\s+)?(?:(?:state|province|county|region|city) of\s+)?[A-Z]|alone\b)")


def _elided(text: str, start: int, end: int,
            found: Sequence[tuple[Any, ...]]) -> tuple[str, str | None, str] | None:
    """The measure of a count whose counted noun is elided ("94 are known dead in Mexico City, 71 in Morelos
    state"; "the death toll was at 217 — more than 100 in Mexico City"): the measure of the count before it in
    the sentence, when the number is followed by the place it is scoped to and nothing but a comma, a dash,
    "and", "with" or "including" lies between them. A count is never given a measure the sentence does not
    state (no count before it: None)."""
    if not _ELIDED.match(text[end:end + 60]):
        return None
    before = [f for f in found if f[1] <= start and f[7] is not None]
    if not before:
        return None
    prev = max(before, key=lambda f: f[1])
    name, predicate, _ = prev[7]
    if not is_count(name) or name in VAGUE_COUNTS:
        return None
    gap = text[prev[1]:start]
    if len(gap) > 80 or re.search(r"[;.]", gap) or not re.search(r",|\s[—–]\s|\band\b|\bwith\b|\bincluding\b", gap):
        return None
    return name, predicate, f"a count with its noun elided, scoped to a place: the measure of “{prev[2].strip()}” before it"


_CONVERSION_GAP = re.compile(r"^[\w-]*\s*\(\s*(?:(?:about|some|roughly|approximately|nearly|almost|more than|"
                             r"over|just over|just under)\s+)?$", re.IGNORECASE)


def _without_conversions(text: str, found: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The figures of a sentence less those that restate the figure before them in other units, in
    parentheses ("more than 1.5 km (1 mile)", "a mile-long (1.5 kilometer-long) tunnel"): one length told twice,
    not two values to compare. Same dimension, another unit, within a quarter of each other."""
    items = sorted(found, key=lambda f: f[0])
    dropped: set[int] = set()
    for i, a in enumerate(items):
        b = next((j for j in range(i + 1, len(items)) if items[j][0] >= a[1]), None)
        if b is None or a[8] is None or items[b][8] is None:
            continue
        ua, ub = a[8], items[b][8]
        if ua[1] != ub[1] or ua[2] == ub[2] or not _CONVERSION_GAP.match(text[a[1]:items[b][0]]):
            continue
        va, vb = float(a[3]) * ua[2], float(items[b][3]) * ub[2]
        if va > 0 and vb > 0 and max(va, vb) / min(va, vb) <= 1.25:
            dropped.add(b)
    return [f for k, f in enumerate(items) if k not in dropped]


def quantities_stage(ctx: StageContext) -> tuple[Quantity, ...]:
    return tuple(build_quantities(ctx.article, ctx.values["sentences"], ctx.values["entities"],
                                  ctx.values["quotes"], ctx.values["claims"], ctx.settings, ctx.doc))
