"""Number conflicts per measure: figures of the same measure of the same event that cannot all be true.

Two figures are compared only when they share a measure, a place and an event
(:meth:`Quantity.key`): depth is never compared with distance, this quake's toll never with an
earlier quake's, a count never with a year. They conflict when the ranges their wording allows do
not overlap ("nearly 400" covers 360–400; "at least 175" does not reach 381). Each conflict is one
table per measure — every article's value, as-of date, source and span — with a label:

- ``sources differ``: every disagreeing pair is given by two different named sources
  (organisers vs police, China's agency vs USGS);
- ``updated``: the larger figure is the later one (as-of dates) or is worded as a rise
  ("rose to", "has climbed to", "so far"), as counts of the dead and injured rise over days;
- ``estimates differ``: an amount or measurement (money, length, duration, weight — not a count) where one
  figure is a bound the other meets ("at least $1 million" and "around $50 million" can both be true: the
  estimates differ, nothing is contradicted; :func:`bound_met`), given by no two different named sources;
- ``conflict``: anything else.

How a qualifier is read: "nearly 400" covers 360–400, "about 48" ± ``about_tolerance``; "at least 175 dead"
is a *count* reported so far (175 up to ``open_margin`` more, as news use it: a far larger count is another
count, an update or a disagreement), while "at least $1 million" or "more than 12 years" is a *bound* on an
amount: it disagrees only with a figure below it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from ..records import AnalyzedArticle, Quantity, Sentence
from ..settings import DEFAULT
from ..stages.quantities import LIGHT_VERBS, counts_people, is_count, ranges_compatible

UPDATE_CUES = re.compile(r"\b(?:rose|risen|rising|rises|climbed|climbs|has climbed|increased|jumped|revised|"
                         r"so far|latest|updated|now stands|reached|grew)\b", re.IGNORECASE)
VAGUE_MEASURES = ("people counted", "people be")  # too generic to say two figures count the same thing


def too_vague(measure: str) -> bool:
    """A count whose only predicate is a light verb or none ("people be", "people have", "district have",
    "dollar counted", "people ’"): "we have 50 members in tough races" and "32 districts" say nothing of one thing
    counted twice."""
    who, _, what = measure.partition(" ")
    if measure in VAGUE_MEASURES or (is_count(measure) and " " not in what and who != "" and
                                     (what in LIGHT_VERBS or what == "counted" or not re.search(r"[a-z]", what))):
        return True
    # a duration or a share whose only predicate is a light verb, with no noun of what lasted or what it is a share
    # of ("duration of be": "six years earlier" and "a long eight months"; "percent be": an unemployment rate and a
    # state's share of white residents) says nothing of one thing measured twice (session 13, PolNeAR)
    return bool(re.fullmatch(r"(?:duration of|percent|share of)\s+(?:" + "|".join(sorted(LIGHT_VERBS)) + r")", measure))


# a share with no noun of what it is a share of: the holder is the sentence's subject ("won 3 percent", "won 19
# percent among conservatives"): two such figures conflict only when their sentences name the same someone
HOLDER_SHARE = re.compile(r"percent\s+[a-z]+")


def _holders_shared(a: Quantity, b: Quantity, by_id: dict[str, AnalyzedArticle]) -> bool:
    def named(q: Quantity) -> set[str]:
        art = by_id[q.article]
        sent = _sentence_at(art, q.sentence)
        if sent is None:
            return set()
        return {e.id for e in art.entities for m in e.mentions if sent.start <= m.start < sent.end}
    return bool(named(a) & named(b))


def _owners(q: Quantity, by_id: dict[str, AnalyzedArticle]) -> set[str]:
    """The people and organisations a figure's sentence names, less the one it is attributed to."""
    art = by_id[q.article]
    sent = _sentence_at(art, q.sentence)
    if sent is None:
        return set()
    source = named_source(q)
    return {e.id for e in art.entities if e.type in ("PERSON", "ORG")
            and not (source and same_source(source, e.name))
            and any(sent.start <= m.start < sent.end for m in e.mentions)}


def _owners_differ(a: Quantity, b: Quantity, by_id: dict[str, AnalyzedArticle]) -> bool:
    """Whether two counts of things' sentences each name people or organisations, none of them shared: they belong
    to different owners ("Taylor, ninth in the league with 1,202 yards rushing" is a player's season; "The Jaguars
    rushed for 224 yards" is the team's one game: review22) and are not one thing measured twice. A toll or a crowd
    is told with whoever reports or suffers it, not whose it is; a sum, a length or a share keeps to its measure and
    its sources (two speakers' estimates of one cost: ``sources differ``)."""
    if not is_count(a.measure) or _of_people(a) or _of_people(b):
        return False
    x, y = _owners(a, by_id), _owners(b, by_id)
    return bool(x) and bool(y) and not x & y


def _of_people(q: Quantity) -> bool:
    """A figure that counts people (or names no counted noun)."""
    return q.noun is None or counts_people(q.noun, q.noun)


def story_place(analyzed: Sequence[AnalyzedArticle]) -> str | None:
    """The place most articles name, a headline counting twice (ties: the shortest name, a country before its
    cities): a figure "in Mexico" is the story's own total, not a narrower place."""
    counts: Counter[str] = Counter()
    for a in analyzed:
        counts.update({e.name for e in a.entities if e.type == "GPE"})
        titles = [p for p in a.article.paragraphs if p.kind == "title"]
        counts.update({e.name for e in a.entities if e.type == "GPE"
                       and any(p.start <= m.start < p.end for p in titles for m in e.mentions)})
    if not counts:
        return None
    return min(counts, key=lambda name: (-counts[name], len(name)))


def place_key(q: Quantity, main: str | None) -> tuple[str, str, str]:
    """(measure, place, event) with the story's own place read as no place and "State of Morelos" as
    "Morelos" ("State of Mexico" stays: Mexico alone is the country)."""
    measure, place, event = q.key()
    if place.startswith("state of ") and not (main and place[len("state of "):] == main.lower()):
        place = place[len("state of "):]
    return measure, "" if main and place == main.lower() else place, event


def compatible(a: Quantity, b: Quantity, max_ratio: float = DEFAULT.same_thing_max_ratio) -> bool:
    """Whether two figures of one measure can both be true (their ranges overlap; votes: same split).
    Figures more than ``max_ratio`` apart are not read as one thing measured twice (43 million
    light-years to one star, 40 to another) and are not compared."""
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value
    if a.low is None or a.high is None or b.low is None or b.high is None:
        return True
    small, big = sorted((abs(float(a.value)) or 1e-9, abs(float(b.value)) or 1e-9))
    if big / small > max_ratio:
        return True
    return ranges_compatible(a, b)


OPEN_FLOOR = ("at_least", "more_than")  # "at least $1 million": this or more
OPEN_CEILING = ("up_to", "less_than")  # "up to 50 years": this or less


def bound_met(a: Quantity, b: Quantity) -> str | None:
    """Why two figures whose ranges do not overlap can both hold, or None: one is a floor ("at least $1
    million", "more than 12 years") or a ceiling ("up to 50") of an amount or measurement that the other
    figure meets ("around $50 million" is at least $1 million). A count ("at least 273 people killed") is
    the count so far, not a bound: a far larger count of the same measure is another count."""
    if is_count(a.measure) or isinstance(a.value, str) or isinstance(b.value, str):
        return None
    if a.low is None or a.high is None or b.low is None or b.high is None:
        return None
    ranges = {id(a): (a.low, a.high), id(b): (b.low, b.high)}
    for x, y in ((a, b), (b, a)):
        (x_low, x_high), (y_low, y_high) = ranges[id(x)], ranges[id(y)]
        if x.qualifier in OPEN_FLOOR and y_low >= x_low and (y_high > x_low or x.qualifier == "at_least"):
            return (f"“{x.text.strip()}” is a floor that “{y.text.strip()}” meets: both can hold "
                    f"(the estimates differ {_fold(x, y)})")
        if x.qualifier in OPEN_CEILING and y_high <= x_high and (y_low < x_high or x.qualifier == "up_to"):
            return (f"“{x.text.strip()}” is a ceiling that “{y.text.strip()}” stays under: both can hold "
                    f"(the estimates differ {_fold(x, y)})")
    return None


def _fold(x: Quantity, y: Quantity) -> str:
    """How far apart two figures are, by their stated values (by their ranges' middles where a unit was
    converted)."""
    plain = x.unit is None and y.unit is None and isinstance(x.value, float | int) and isinstance(y.value, float | int)
    pair = (float(x.value), float(y.value)) if plain else (_mid(x), _mid(y))
    small, big = sorted((abs(pair[0]) or 1e-9, abs(pair[1]) or 1e-9))
    ratio = big / small
    return f"{ratio:.0f}-fold" if ratio >= 2 else f"by {100 * (ratio - 1):.0f} %"


# a duration is stored in minutes: said in the largest unit it reaches ("11.6–12.4 years", not 6.1e+06 minutes)
TIME_UNITS = (("years", 525960.0), ("months", 43830.0), ("days", 1440.0), ("hours", 60.0), ("minutes", 1.0))


def _range(q: Quantity) -> str:
    """A figure's range as a reason states it, in its unit."""
    low, high = q.low or 0.0, q.high or 0.0
    if q.unit == "minute":
        name, size = next(((n, f) for n, f in TIME_UNITS if high >= f), TIME_UNITS[-1])
        return f"{low / size:.3g}–{high / size:.3g} {name}"
    return f"{low:g}–{high:g}{' ' + q.unit if q.unit else ''}"


def _mid(q: Quantity) -> float:
    if q.low is None or q.high is None:
        return 0.0
    return (q.low + q.high) / 2


def _sentence_at(analyzed: AnalyzedArticle, i: int) -> Sentence | None:
    return next((s for s in analyzed.sentences if s.i == i), None)


def _sentence(analyzed: AnalyzedArticle, i: int) -> str:
    found = _sentence_at(analyzed, i)
    return found.text if found else ""


GENERIC_SOURCES = {"officials", "authorities", "official reports", "multiple reports", "reports", "report", "the report",
                   "a report", "state media", "media", "sources", "the government", "government", "statement",
                   "a statement", "the statement", "witnesses", "it", "they"}


# counts that only grow as they are updated (a march's crowd is counted once; missing people are found)
RISING = ("killed", "injured", "displaced", "arrested", "hospitalised", "evacuated", "affected", "damaged",
          "destroyed")


def named_source(q: Quantity) -> str | None:
    """The source a figure is given to when it names one ("USGS", "police", "organisers"); "officials" and
    "authorities" name no one in particular."""
    if not q.source or q.source.lower().strip() in GENERIC_SOURCES:
        return None
    return q.source


def same_source(a: str, b: str) -> bool:
    """Whether two source names are one source: "Enrique Pena Nieto" and "Mexican President Enrique Pena
    Nieto", "Organisers" and "organizers", "John A. Boehner" and "Speaker John Boehner of Ohio"."""
    x, y = ([w for w in re.sub(r"[^a-z ]", "", n.lower().replace("organiz", "organis")).split() if len(w) > 1]
            for n in (a, b))  # initials left out: "John A. Boehner" is "John Boehner"
    if not x or not y:
        return False
    short, long_ = sorted((x, y), key=len)
    if long_[-len(short):] == short:
        return True
    # a full name inside a longer title ("Speaker John Boehner of Ohio"): two words or more, in order
    return len(short) >= 2 and any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def _rise(lo: Quantity, hi: Quantity, texts: dict[tuple[str, int], str]) -> tuple[str, str]:
    """("evidence" | "against" | "unknown", why) for the larger figure ``hi`` being a later count than ``lo``."""
    if lo.as_of and hi.as_of and lo.as_of < hi.as_of:
        return "evidence", f"{hi.text.strip()} ({hi.as_of}) is later than {lo.text.strip()} ({lo.as_of})"
    cue = UPDATE_CUES.search(texts.get((hi.article, hi.sentence), ""))
    if lo.as_of and hi.as_of and lo.as_of >= hi.as_of:
        return "against", f"{hi.text.strip()} ({hi.as_of}) is not later than {lo.text.strip()} ({lo.as_of})"
    if cue:
        return "evidence", f"{hi.text.strip()} is worded as a rise (“{cue.group(0)}”)"
    return "unknown", ""


def _label(pairs: list[tuple[Quantity, Quantity]], texts: dict[tuple[str, int], str]) -> tuple[str, str]:
    """(label, reason) for the disagreeing pairs of one measure.

    ``updated``: a count that only grows (of the dead, the injured: ``RISING``) where some larger figure is dated later or worded as a
    rise ("rose to", "so far") and no larger figure is dated the same day as or before a smaller one (two
    outlets' different counts of one day disagree; undated figures cannot be ordered and do not count);
    ``sources differ``: every disagreeing pair is given by two different named sources; else ``conflict``."""
    if is_count(pairs[0][0].measure) and pairs[0][0].measure.endswith(RISING):
        verdicts = []
        for a, b in pairs:
            lo, hi = sorted((a, b), key=_mid)
            verdicts.append(_rise(lo, hi, texts))
        if any(v == "evidence" for v, _ in verdicts) and not any(v == "against" for v, _ in verdicts):
            return "updated", "the count rose over time: " + "; ".join(
                dict.fromkeys(why for v, why in verdicts if v == "evidence"))
    if all(named_source(a) and named_source(b) and not same_source(named_source(a), named_source(b))  # type: ignore[arg-type]
           for a, b in pairs):
        names = sorted({named_source(q) or "" for p in pairs for q in p})
        return "sources differ", "each figure is given by a different named source: " + ", ".join(names)
    a, b = pairs[0]
    if a.low is not None and a.high is not None and b.low is not None and b.high is not None:
        return "conflict", (f"{a.text.strip()} and {b.text.strip()} cannot both hold for {a.measure}"
                            f"{' in ' + a.place if a.place else ''} (ranges {_range(a)} and {_range(b)})")
    return "conflict", f"{a.text.strip()} and {b.text.strip()} differ for {a.measure}"


def _tidy(qs: list[Quantity], by_id: dict[str, AnalyzedArticle], vague: bool = True) -> list[Quantity]:
    """One measure's figures as a table shows them: a headline's figure is left out where its article's body
    gives one of the same measure (the body says who gives it and when), and a vague amount ("hundreds of
    people") where its article gives an exact figure of the same measure."""
    out = []
    for q in qs:
        own = [r for r in qs if r.article == q.article and r is not q]
        if _in_title(by_id[q.article], q) and any(not _in_title(by_id[r.article], r) for r in own):
            continue
        if vague and q.qualifier == "vague" and any(r.qualifier != "vague" for r in own):
            continue
        out.append(q)
    return out


def _parts(key: tuple[str, str, str], group: list[Quantity], texts: dict[tuple[str, int], str],
           by_id: dict[str, AnalyzedArticle]) -> list[tuple[list[Quantity], str]]:
    """The tables one measure's figures make: one, unless the count is not explained as an update and named
    sources disagree, when the sources' figures and the outlets' own are shown apart."""
    whole = _tidy(group, by_id)
    found = _conflict(key, whole, texts, by_id)
    if found and found[0] == "updated":
        return [(whole, "")]
    parts = _split_by_source(_tidy(group, by_id, vague=False))
    if len(parts) < 2:
        return [(whole, "")]
    named = _conflict(key, _tidy(parts[0][0], by_id), texts, by_id)
    if not named or named[0] != "sources differ":
        return [(whole, "")]  # the named sources do not simply stand against each other: one table
    return [(_tidy(qs, by_id), voice) for qs, voice in parts]


def _split_by_source(qs: list[Quantity]) -> list[tuple[list[Quantity], str]]:
    """Where named sources disagree (organisers vs police), their figures form one table and the figures the
    outlets give in their own voice another: each outlet silently adopting one side is its own finding."""
    named = [q for q in qs if named_source(q)]
    disagree = any(not compatible(x, y) and not same_source(named_source(x), named_source(y))  # type: ignore[arg-type]
                   for i, x in enumerate(named) for y in named[i + 1:])
    if not disagree:
        return [(qs, "")]
    return [(named, ""), ([q for q in qs if not named_source(q)], " (in the outlets' own voice)")]


def _in_title(a: AnalyzedArticle, q: Quantity) -> bool:
    return any(p.kind in ("title", "heading") and p.start <= q.start < p.end for p in a.article.paragraphs)


def _conflict(key: tuple[str, str, str], qs: list[Quantity], texts: dict[tuple[str, int], str],
              by_id: dict[str, AnalyzedArticle]) -> tuple[str, str] | None:
    """(label, reason) when the articles' figures of one measure disagree, else None."""
    if len({q.article for q in qs}) < 2:
        return None
    if key[0] == "vote":
        splits = {aid: {q.value for q in qs if q.article == aid} for aid in dict.fromkeys(q.article for q in qs)}
        sets = list(splits.values())
        if all(s == sets[0] for s in sets):
            return None
        return "conflict", "the articles give different vote splits: " + "; ".join(
            f"{by_id[aid].article.label}: {', '.join(sorted(str(v) for v in s))}" for aid, s in splits.items())
    pairs = [(x, y) for i, x in enumerate(qs) for y in qs[i + 1:] if x.article != y.article and not compatible(x, y)]
    if pairs and all(_answered(x, y, qs) or _answered(y, x, qs) for x, y in pairs):
        return None  # every disagreement is with a figure the article itself gives of another thing
    if HOLDER_SHARE.fullmatch(key[0]) and not is_count(key[0]):
        pairs = [(x, y) for x, y in pairs if _holders_shared(x, y, by_id)]
    pairs = [(x, y) for x, y in pairs if not _owners_differ(x, y, by_id)]
    if not pairs:
        return _dated_rise(key, qs)
    hard = [p for p in pairs if bound_met(*p) is None]
    if hard:
        return _label(hard, texts)
    # every disagreement is a bound the other figure meets: estimates that differ, not a contradiction
    why = "; ".join(dict.fromkeys(bound_met(*p) or "" for p in pairs))
    label, reason = _label(pairs, texts)
    if label == "sources differ":
        return label, f"{reason}; {why}"
    return "estimates differ", why


def _answered(x: Quantity, y: Quantity, qs: list[Quantity]) -> bool:
    """Whether ``x``'s article also gives a figure of the measure that agrees with ``y``: an article that gives
    several figures of one measure speaks of several things ("three putts from within 5 feet" and "four or five
    from inside 10 feet"; a year's 965 deaths worldwide and 66 in the U.S.; 199 killed in one crash, 114 in
    another), and the other article's figure is one of them, not a contradiction (review22: 5 of 6 false
    conflicts on unseen pages)."""
    return any(r.article == x.article and r is not x and _agrees(r, y) and not _two_sources(r, x) for r in qs)


def _two_sources(a: Quantity, b: Quantity) -> bool:
    """Whether two figures are given by two different named sources: an article that gives organisers' and
    police's crowd sizes reports the disagreement itself."""
    x, y = named_source(a), named_source(b)
    return bool(x and y and not same_source(x, y))


def _agrees(a: Quantity, b: Quantity) -> bool:
    """Two figures that state the same value (their ranges overlap; a vote: the same split)."""
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value
    if a.low is None or a.high is None or b.low is None or b.high is None:
        return False
    return ranges_compatible(a, b)


def _dated_rise(key: tuple[str, str, str], qs: list[Quantity]) -> tuple[str, str] | None:
    """("updated", why) when a count that only grows (``RISING``) is given as a larger figure in a later-dated
    article, though the two figures' ranges overlap ("at least 3 arrested" on one day, "at least 4" the next: the
    floor of a count so far rose; review20 missed it), and no larger figure is dated the same day as or before a
    smaller one; else None. Only stated figures count (no vague amounts), and only a rise of a whole number or
    more."""
    if not (is_count(key[0]) and key[0].endswith(RISING)):
        return None
    stated = [q for q in qs if q.qualifier != "vague" and not isinstance(q.value, str) and q.as_of]
    rises, against = [], False
    for i, x in enumerate(stated):
        for y in stated[i + 1:]:
            if x.article == y.article or abs(float(x.value) - float(y.value)) < 1:
                continue
            lo, hi = sorted((x, y), key=lambda q: float(q.value))
            if lo.as_of and hi.as_of and lo.as_of < hi.as_of:
                rises.append(f"{hi.text.strip()} ({hi.as_of}) is later than {lo.text.strip()} ({lo.as_of})")
            else:
                against = True
    if rises and not against:
        return "updated", "the count rose over time: " + "; ".join(dict.fromkeys(rises))
    return None


# a figure someone needs, has or would have to reach ("has to win 91 percent of the remaining delegates", "would
# need to win 55 percent … in order to tie"): a requirement under a condition, not a figure reported as fact ("had to
# evacuate 300 people" is what happened: kept)
_REQUIRED = re.compile(r"(?:\b(?:needs?|needed|has|have|would (?:need|have)|will (?:need|have))\s+to\s+(?:[a-z]+\s+){1,3}?|"
                       r"\bmust\s+(?:[a-z]+\s+){1,2}?)(?:(?:at least|more than|nearly|about|over)\s+)?$", re.IGNORECASE)


def _required(q: Quantity, by_id: dict[str, AnalyzedArticle]) -> bool:
    """Whether a figure is a requirement ("has to win 91 percent", "would need to win 55 percent"): two such figures
    under two conditions are not one thing measured twice (PolNeAR, session 14: 91 % to clinch vs 55 % to tie)."""
    text = by_id[q.article].article.text
    return bool(_REQUIRED.search(text[max(0, q.start - 60):q.start]))


def _unnamed_length(q: Quantity) -> bool:
    """A length whose clause names nothing it measures (no "deep", "away", "long"): "some 1,000ft short of the
    runway" and "about two miles before it reached the runway" measure two different stretches (review20)."""
    return q.measure == "length" and q.predicate is None


def find_conflicts(analyzed: Sequence[AnalyzedArticle]) -> list[dict[str, Any]]:
    """One conflict per measure (of one event and place) on which articles give incompatible figures."""
    texts = {(a.id, s.i): s.text for a in analyzed for s in a.sentences}
    by_id = {a.id: a for a in analyzed}
    main = story_place(analyzed)
    groups: dict[tuple[str, str, str], list[Quantity]] = defaultdict(list)
    for a in analyzed:
        for q in a.quantities:
            if too_vague(q.measure) or _unnamed_length(q) or _required(q, by_id):
                continue
            groups[place_key(q, main)].append(q)
    # each value's source was read at analysis time on the parse (stages.value_sources): nothing is parsed here
    compared = {key: group for key, group in groups.items() if len({q.article for q in group}) >= 2}
    out: list[dict[str, Any]] = []
    for key, group in compared.items():
        parts = [(group, "")] if key[0] == "vote" else _parts(key, group, texts, by_id)
        for qs, voice in parts:
            found = _conflict(key, qs, texts, by_id)
            if found is None:
                continue
            label, reason = found
            seen: set[tuple[str, str]] = set()
            values = []
            # a figure an article repeats is shown once, from its body rather than its headline
            shown = sorted(qs, key=lambda q: (_in_title(by_id[q.article], q), q.start))
            keep = []
            for q in shown:
                if (q.article, q.text.strip().lower()) in seen:
                    continue
                seen.add((q.article, q.text.strip().lower()))
                keep.append(q)
            for q in sorted(keep, key=lambda q: (q.as_of or "", [a.id for a in analyzed].index(q.article), q.start)):
                values.append({"article": q.article, "value": q.text, "as_of": q.as_of, "source": q.source,
                               "start": q.start, "end": q.end, "sentence": q.sentence,
                               "text": _sentence(by_id[q.article], q.sentence)})
            measure = key[0] + (f" in {next(q.place for q in qs if q.place)}" if key[1] else "") + \
                (f" ({key[2]} event)" if key[2] != "this" else "") + voice
            out.append({"kind": "number", "measure": measure, "values": values, "label": label, "reason": reason})
    out.sort(key=lambda c: -len({v["article"] for v in c["values"]}))
    return out
