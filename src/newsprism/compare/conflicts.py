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
- ``conflict``: anything else.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from dataclasses import replace

from .. import nlp
from ..lexicons import people_nouns, report_verbs
from ..records import AnalyzedArticle, Quantity
from ..settings import DEFAULT
from ..stages.quantities import is_count, ranges_compatible

UPDATE_CUES = re.compile(r"\b(?:rose|risen|rising|rises|climbed|climbs|has climbed|increased|jumped|revised|"
                         r"so far|latest|updated|now stands|reached|grew)\b", re.IGNORECASE)
VAGUE_MEASURES = ("people counted", "people be")  # too generic to say two figures count the same thing




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


def _mid(q: Quantity) -> float:
    if q.low is None or q.high is None:
        return 0.0
    return (q.low + q.high) / 2


def _sentence(analyzed: AnalyzedArticle, i: int) -> str:
    for s in analyzed.sentences:
        if s.i == i:
            return s.text
    return ""


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


# who can give a figure, besides a name: a person by role, a body, a document that states it (written for
# newsprism, general English; with people_nouns.tsv and the agentive endings of AGENT)
SOURCE_NOUNS = frozenset("""police officials official authorities authority government ministry minister department
agency agencies office council committee commission court army military navy coastguard service services survey
surveys poll polls study report reports statement statements data figures numbers count tally tallies estimate
estimates census records record release tweet website media press newspaper paper network station channel company
firm group organisation organization union party parliament assembly congress senate cabinet administration
presidency embassy team staff management board institute institution university hospital hospitals centre center
observatory bureau prosecutors prosecution judge judges spokesman spokeswoman spokesperson head chief director
secretary mayor governor president premier king queen expert experts witness witnesses resident residents source
sources people family families organisers organizers employee employees staffer worker workers rescuer rescuers
officer officers leader leaders lawyer lawyers analyst analysts activist activists general generals""".split())
AGENT = re.compile(r"(?:ist|ian|man|men|woman|women|person|people|ee|ees|er|ers|or|ors)$")
# verbs by which a source gives a figure, besides the verbs of saying and reporting
GIVING = frozenset("show put tally measure estimate give confirm".split())
_SPEAKER_PREPS = ("of", "for", "from", "at")


_docs: dict[str, Any] = {}


def _prime(sentences: Sequence[str]) -> None:
    """Parse the sentences not yet parsed, in one batch, without NER."""
    todo = [t for t in dict.fromkeys(sentences) if t not in _docs]
    if len(_docs) > 4096:
        _docs.clear()
    for text, doc in zip(todo, nlp.parse(todo, batch_size=64, disable=("ner",)), strict=True):
        _docs[text] = doc


def _parsed(sentence: str) -> Any:
    if sentence not in _docs:
        _prime([sentence])
    return _docs[sentence]


def _names_who(token: Any) -> bool:
    """A speaker phrase's head names who gives a figure: a name, a noun for a person or a body, a document that
    states it ("a former employee", "the Department", "a statement", "surveys"); not "injuries"."""
    lemma = token.lemma_.lower()
    return token.pos_ == "PROPN" or token.lower_ in SOURCE_NOUNS or lemma in SOURCE_NOUNS or \
        lemma in people_nouns() or (token.pos_ == "NOUN" and bool(AGENT.search(token.lower_)))


def _speaker_head(token: Any) -> Any:
    """The head of the speaker phrase a name lies in: up from a compound to its noun and from the object of
    "of"/"for"/"from"/"at" to the noun it qualifies ("Pablo Escobar" in "a former employee of Pablo Escobar" is
    the employee's; "Health" in "the Catalan Department of Health" the department's)."""
    while True:
        if token.dep_ in ("compound", "poss") and token.head.pos_ in ("NOUN", "PROPN") and token.head is not token:
            token = token.head
        elif token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in _SPEAKER_PREPS \
                and token.head.head.pos_ in ("NOUN", "PROPN"):
            token = token.head.head
        else:
            return token


def _phrase(doc: Any, head: Any) -> str:
    """The speaker phrase stated in full: from its first word to its head, with the "of"/"for"/"from"/"at"
    phrases after it (not a relative clause or a participle: "…, which has pressed ahead …")."""
    end = head.i
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in _SPEAKER_PREPS:
            end = max(end, c.right_edge.i)
        elif c.dep_ in ("compound", "flat"):
            end = max(end, c.right_edge.i)
    start = head.left_edge.i
    while start < head.i and doc[start].is_punct:
        start += 1
    text = str(doc[start:end + 1].text).strip(" ,;:")
    return text[0].lower() + text[1:] if doc[start].pos_ == "DET" else text


def _gives(head: Any) -> bool:
    """The phrase gives something: the subject of a verb of saying, reporting or giving a figure, or the object
    of "according to"."""
    verbs = report_verbs() | GIVING
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in verbs:
        return True
    return bool(head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according")


def _reporter(doc: Any, at: int) -> Any | None:
    """The subject of the nearest verb of saying or reporting above the figure at character ``at`` on the parse
    ("regional health officials announced … that the number … had risen from more than 460 …"), or None."""
    token = next((t for t in doc if t.idx <= at < t.idx + max(len(t.text), 1)), None)
    verbs = report_verbs() | GIVING
    seen = 0
    while token is not None and seen < 40:
        seen += 1
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in verbs:
            # the active subject only ("800 people are reported injured" names no one who reports)
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                head = _speaker_head(subject)
                return head if subject.pos_ != "PRON" and _names_who(head) else None
        if token.head is token:
            return None
        token = token.head
    return None


def value_source(q: Quantity, a: AnalyzedArticle) -> str | None:
    """Who a figure is given to, stated in full, or None: a value's source is a person, agency, body or outlet
    (or a document of one), never a noun like "injuries" ("injuries also reported"). Checked on the parse of the
    figure's sentence where the quantities stage names a source: the subject of the verb of saying or reporting
    above the figure; else the stage's name, taken to the head of its speaker phrase ("a former employee of
    Pablo Escobar", not "Pablo Escobar"; "the Catalan Department of Health", not "Health") when that phrase
    names who and gives something (the subject of a verb of saying, the object of "according to"). A speaker
    the sentence does not name (a quotation's, named in another sentence) is kept when it is named in full.
    """
    if not q.source:
        return None
    sentence = next((s for s in a.sentences if s.i == q.sentence), None)
    if sentence is None:
        return q.source
    text = sentence.text
    doc = _parsed(text)
    reporter = _reporter(doc, q.start - sentence.start)
    if reporter is not None:
        return _phrase(doc, reporter)
    found = [m.start() for m in re.finditer(re.escape(q.source), text)]
    if not found:  # a quotation's speaker named in another sentence: a name, or a noun for who gives it
        last = q.source.split()[-1].lower()
        who = last in SOURCE_NOUNS or last in people_nouns() or bool(AGENT.search(last))
        return q.source if q.source[:1].isupper() or who else None
    at = min(found, key=lambda i: abs(i - (q.start - sentence.start)))
    tokens = [t for t in doc if at <= t.idx < at + len(q.source)]
    if not tokens:
        return None
    root = next((t for t in tokens if t.head is t or not at <= t.head.idx < at + len(q.source)), tokens[-1])
    head = _speaker_head(root)
    if not _names_who(head) or not _gives(head):
        return None
    return _phrase(doc, head)


def same_source(a: str, b: str) -> bool:
    """Whether two source names are one source: "Enrique Pena Nieto" and "Mexican President Enrique Pena
    Nieto", "Organisers" and "organizers"."""
    x, y = (re.sub(r"[^a-z ]", "", n.lower().replace("organiz", "organis")).split() for n in (a, b))
    if not x or not y:
        return False
    short, long_ = sorted((x, y), key=len)
    return long_[-len(short):] == short


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
                            f"{' in ' + a.place if a.place else ''} (ranges {a.low:g}–{a.high:g} and "
                            f"{b.low:g}–{b.high:g})")
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
    return _label(pairs, texts) if pairs else None


def find_conflicts(analyzed: Sequence[AnalyzedArticle]) -> list[dict[str, Any]]:
    """One conflict per measure (of one event and place) on which articles give incompatible figures."""
    texts = {(a.id, s.i): s.text for a in analyzed for s in a.sentences}
    by_id = {a.id: a for a in analyzed}
    main = story_place(analyzed)
    groups: dict[tuple[str, str, str], list[Quantity]] = defaultdict(list)
    for a in analyzed:
        for q in a.quantities:
            if q.measure in VAGUE_MEASURES:
                continue
            groups[place_key(q, main)].append(q)
    compared = {key: group for key, group in groups.items() if len({q.article for q in group}) >= 2}
    # the sources of the figures of a measure on which articles disagree, checked on their sentences' parse
    # (one batch)
    sourced = [q for key, group in compared.items() if key[0] == "vote" or any(
        x.article != y.article and not compatible(x, y) for i, x in enumerate(group) for y in group[i + 1:])
        for q in group if q.source]
    _prime([texts[(q.article, q.sentence)] for q in sourced if (q.article, q.sentence) in texts])
    fixed = {id(q): replace(q, source=value_source(q, by_id[q.article])) for q in sourced}
    out: list[dict[str, Any]] = []
    for key, group in compared.items():
        group = [fixed.get(id(q), q) for q in group]
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
