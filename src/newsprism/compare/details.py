"""Does a cited span state every detail a statement asserts? A structured check on the statement's parse.

The span check (``span_check``) scores how much of a statement a span says; it passes a span that says the event and
leaves out one detail ("impeached in December" for "impeached last December 9", "her longtime confidante" for "her
confidante and adviser", an unconditional quote for "… if Guzman is not recaptured"). ``statement_details`` reads the
statement's details from its spaCy parse (named entities, dependency labels, part-of-speech tags):

- **figure**: a number (digits or words, with its "million"/"thousand") not part of a date, normalised to its value
  ("80 million" = 80000000, "two" = 2); a vague count ("thousands", "dozens") as its word;
- **date**: a month (any spelling: "Dec.", "December"), the day number beside it, a four-digit year, a weekday;
- **time**: a time of day ("night", "morning", "10 p.m.");
- **name**: a named person, organisation, place or group (the NER's PERSON, ORG, GPE, LOC, NORP, FAC, EVENT);
- **role**: the title or description attached to a person (an apposition, the attribute of "X is …", a title
  before the name: "acting Chief Justice", "confidante and adviser");
- **condition**: an "if"/"unless" clause;
- **modality**: an obligation ("must", "required to", "has to") or an expectation / possibility ("expected to",
  "may", "might", "could", "likely");
- **negation**: a negated predicate ("did not", "never");
- **clause**: a "which"/"who" clause set off by a comma (what it says of its noun: half its content words).

``detail_missing`` looks each one up in the span and the sentence it lies in, with these equivalences: a number
written in words or digits, with or without "million"; a month by its first three letters; a person named by the
span through any part of the name (a surname) once the span's article writes the whole name; a group or place by
the first four letters of its name ("Spanish" / "Spain", "Mexican" / "Mexico"); a role word by its first five
letters ("advised" / "adviser"); an obligation by any obligation word, an expectation by any word of expectation,
possibility or future; a negation by any negation word. It returns which detail is missing and why (the first one),
or None when the span holds them all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from .. import nlp
from ..stages.claims import words_to_number


@dataclass(frozen=True)
class Detail:
    kind: str  # figure | date | time | name | role | condition | modality | negation
    text: str  # the statement's words that carry it
    want: tuple[str, ...]  # what the span must hold (normalised), all of them; see ``_held``


UNITS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mln": 1e6, "bn": 1e9, "m": 1e6}
VAGUE = {"hundreds", "thousands", "millions", "billions", "dozens", "scores", "tens", "dozen"}
NUMBER = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)*)(?:\s*(thousand|million|billion|trillion|mln|bn|m)\b)?"
                    r"|\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|"
                    r"six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:\s+(thousand|million|billion))?"
                    r"\b", re.IGNORECASE)
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?=\W|$)", re.IGNORECASE)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PART_OF_DAY = {"morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "night",
               "overnight": "night", "tonight": "night", "midnight": "midnight", "noon": "noon", "midday": "noon",
               "dawn": "dawn", "dusk": "dusk"}
NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
TITLE_SKIP = {"mr", "mrs", "ms", "dr", "the", "of", "and", "'s", "’s", "rookie", "president", "judge", "justice",
              "coach", "minister", "prime", "chief", "acting", "former", "senator", "sen.", "gov.", "governor", "rep.",
              "general", "gen.", "manager"}  # a title inside a person's name is the role's to check
US = {"u.s.", "us", "united states", "america", "american", "americans", "u.s"}
OBLIGATION = {"must", "required", "require", "requires", "obliged", "obligated", "mandatory", "mandated", "have to",
              "has to", "had to", "need to", "needs to", "shall", "constitution"}
EXPECTATION = {"may", "might", "could", "expected", "expect", "expects", "likely", "possibly", "probably", "would",
               "will", "set to", "plan", "plans", "planned", "scheduled", "due to", "should", "going to", "can",
               "predicted", "forecast", "anticipated", "potential", "possible"}
NEGATION = re.compile(r"\b(?:not|cannot|no|never|none|nobody|nothing|neither|nor|without|denied|denies|deny|refused|"
                      r"rejected|failed)\b|n[’']t\b", re.IGNORECASE)
CONDITION = re.compile(r"\b(?:if|unless|provided|as long as|only when|in case|otherwise)\b", re.IGNORECASE)


def _value(number: str, unit: str | None) -> float | None:
    """The value a number phrase writes ("80", "million" → 80000000; "twenty-one" → 21), None when unreadable."""
    n = number.lower().replace(",", "")
    try:
        v = float(n)
    except ValueError:
        words = words_to_number(n)  # the claims stage's reading of number words ("twenty-one")
        if words is None:
            return None
        v = words
    return v * UNITS.get((unit or "").lower(), 1.0)


FRACTION = re.compile(r"\b(?:(one|a|two|three)[\s-])?(half|third|thirds|quarter|quarters|fifth|fifths)\b", re.IGNORECASE)
PARTS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}


def _fractions(text: str) -> set[float]:
    """Fractions written in words ("one-third" = 0.333, "two-thirds", "half")."""
    out = set()
    for m in FRACTION.finditer(text):
        n = {"two": 2, "three": 3}.get((m.group(1) or "").lower(), 1)
        out.add(round(n / PARTS[m.group(2).lower()], 6))
    return out


def values_in(text: str) -> set[float]:
    """Every value a text writes as a number, digits or words ("77 million", "twenty", "5.3 million", "one-third")."""
    out: set[float] = _fractions(text)
    for m in NUMBER.finditer(text):
        v = _value(m.group(1) or m.group(3), m.group(2) or m.group(4))
        if v is not None:
            out.add(round(v, 6))
    return out


def _date_tokens(doc: Any) -> set[int]:
    return {t.i for e in doc.ents if e.label_ in ("DATE", "TIME") for t in e}


def _figures(doc: Any) -> list[Detail]:
    """Numbers outside dates and times ("80 million", "two"), and vague counts ("thousands of people")."""
    out: list[Detail] = []
    dated = _date_tokens(doc)
    text = doc.text
    for m in NUMBER.finditer(text):
        tok = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if tok is None or any(t.i in dated for t in tok) or \
                any(t.ent_type_ in (*NAME_LABELS, "PRODUCT", "WORK_OF_ART", "LAW", "ORDINAL") for t in tok):
            continue  # a date's day, a name's number ("Windows 7"), an ordinal
        v = _value(m.group(1) or m.group(3), m.group(2) or m.group(4))
        if v is None or (m.group(3) and m.group(3).lower() == "one" and not m.group(4)):
            continue  # "one of the …": a pronoun more often than a count
        out.append(Detail("figure", m.group(0), (f"#{round(v, 6)}",)))
    for m in FRACTION.finditer(text):
        if m.group(1) or m.group(2).lower() != "half":  # "one-third of its work force"; not "the second half"
            out.extend(Detail("figure", m.group(0), (f"#{v}",)) for v in _fractions(m.group(0)))
    for t in doc:
        if t.lower_ in VAGUE and t.i not in dated and t.pos_ == "NOUN":
            out.append(Detail("figure", t.text, (t.lower_.rstrip("s"),)))
    return out


def _dates(doc: Any) -> list[Detail]:
    """A month with the day beside it, a year, a weekday (from the NER's DATE entities); a time of day (TIME
    entities and part-of-day words)."""
    out: list[Detail] = []
    for e in doc.ents:
        if e.label_ not in ("DATE", "TIME") or re.fullmatch(r"\d{4}-\d\d-\d\d", e.text.strip()):
            continue  # not a date the sentence tells: a page's stamp run into it
        want: list[str] = []
        for m in MONTH.finditer(e.text):
            if e.text[m.start():m.end()].lower() == "may" and e.text[m.start()].islower():
                continue
            want.append(f"@{m.group(1).lower()}")
        if want:
            want += [f"#{float(d)}" for d in re.findall(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", e.text)
                     if 1 <= int(d) <= 31]
        want += [f"#{float(y)}" for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", e.text)]
        want += [w.lower() for w in re.findall(r"\w+", e.text) if w.lower() in WEEKDAYS]
        if want and not re.search(r"\bdecades?\b", e.text, re.IGNORECASE):
            out.append(Detail("date", e.text, tuple(dict.fromkeys(want))))
        parts = [PART_OF_DAY[w.lower()] for w in re.findall(r"\w+", e.text) if w.lower() in PART_OF_DAY]
        clock = re.findall(r"\b(\d{1,2})(?::\d\d)?\s*([ap])\.?m\b", e.text, re.IGNORECASE)
        if parts or clock:
            out.append(Detail("time", e.text, tuple([f"~{p}" for p in parts] +
                                                    [f"%{int(h)}{ap.lower()}" for h, ap in clock])))
    named = {t.i for e in doc.ents for t in e}
    for t in doc:  # "on Saturday night": "night" the NER may leave outside its entity
        if t.lower_ in PART_OF_DAY and t.i not in named:
            out.append(Detail("time", t.text, (f"~{PART_OF_DAY[t.lower_]}",)))
    return out


def _name_words(span: Any) -> tuple[str, ...]:
    """The words of a name as written, lowercase, possessive cut ("Choi Soon-sil's" → "choi", "soon-sil")."""
    words = (w.lower().removesuffix("’s").removesuffix("'s").strip(",;:()\"“”‘’'") for w in span.text.split())
    return tuple(w for w in words if w and w not in TITLE_SKIP and any(ch.isalpha() for ch in w))


def _names(doc: Any) -> list[Detail]:
    out = []
    for e in doc.ents:
        if e.label_ in NAME_LABELS and (words := _name_words(e)):
            # a place that qualifies a noun ("Mexico's agency", "the Mexican president") is read as a people is
            label = "NORP" if e.label_ in ("GPE", "LOC") and e.root.dep_ in ("poss", "compound", "amod") else e.label_
            out.append(Detail("name", e.text, tuple(f"{label}:{w}" for w in words)))
    return out


def _roles(doc: Any) -> list[Detail]:
    """The title or description attached to a named person: the attribute of "<person> is …" (and what is
    conjoined with it), an apposition, the words before the name inside its noun phrase ("acting Chief Justice")."""
    out: list[Detail] = []
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    for e in people:
        root = e.root
        phrases: list[Any] = []
        phrases += [c for c in root.children if c.dep_ == "appos"]
        phrases += [c for c in root.children if c.dep_ in ("compound", "amod") and c.i < e.start]
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            phrases += [c for c in root.head.children if c.dep_ == "attr"]
        for kind in ("role", "title"):  # what the statement says the person is; a title it names them with
            words: list[str] = []
            for p in phrases:
                if (p.dep_ in ("compound", "amod")) != (kind == "title"):
                    continue
                sub = [p] if kind == "title" else [
                    t for t in p.subtree if t.dep_ not in ("relcl", "acl", "prep", "pobj") and not
                    any(a.dep_ in ("relcl", "acl", "prep") and a.i != p.i for a in t.ancestors if a in p.subtree)]
                words += [t.lower_ for t in sub if t.pos_ in ("NOUN", "ADJ", "PROPN") and t.lower_ not in STOP_WORDS
                          and not t.ent_type_ and t.is_alpha]
            if words:
                out.append(Detail(kind, e.text + ": " + " ".join(words),
                                  tuple(f"={w[:5]}" for w in dict.fromkeys(words))))
    return out


def _conditions(doc: Any) -> list[Detail]:
    out = []
    for t in doc:
        if t.lower_ in ("if", "unless") and t.dep_ == "mark":
            clause = t.head
            words = [w.lower_[:5] for w in clause.subtree if w.is_alpha and w.lower_ not in STOP_WORDS and w.i != t.i]
            text = doc[clause.left_edge.i:clause.right_edge.i + 1].text
            out.append(Detail("condition", text, ("?cond", *(f"={w}" for w in words))))
    return out


def _relative_clauses(doc: Any) -> list[Detail]:
    """A "which"/"who" clause set off by a comma ("Obama, who has long promised to reach out to historic enemies"): what
    it says of its noun is a detail of its own."""
    out = []
    for t in doc:
        if t.dep_ != "relcl":
            continue
        sub = list(t.subtree)
        if not any(w.lower_ in ("which", "who", "whom", "whose") for w in sub[:2]) or sub[0].i == 0 \
                or doc[sub[0].i - 1].text != ",":
            continue
        words = [w.lower_[:5] for w in sub if w.is_alpha and w.lower_ not in STOP_WORDS]
        if len(words) >= 2:
            out.append(Detail("clause", doc[sub[0].i:sub[-1].i + 1].text, tuple(f"={w}" for w in words)))
    return out


def _modality(doc: Any) -> list[Detail]:
    text = f" {doc.text.lower()} "
    out = []
    obligation = sorted(w for w in OBLIGATION if w != "constitution" and re.search(rf"\b{w}\b", text))
    if obligation:
        out.append(Detail("modality", obligation[0], ("!oblig",)))
    expected = sorted(w for w in EXPECTATION - {"would", "will", "can", "should", "plan", "plans", "planned"}
                      if re.search(rf"\b{w}\b", text))
    if expected and not obligation:
        out.append(Detail("modality", expected[0], ("!expect",)))
    return out


FUTURE = re.compile(r"\b(?:will|would|shall|plans?\s+to|planned|planning|expected|expects?|set\s+to|going\s+to|"
                    r"may|might|could|proposed|intends?\s+to|to\s+be\s+\w+ed)\b", re.IGNORECASE)


def _done(doc: Any) -> list[Detail]:
    """A statement that tells a count as done ("has laid off 325 employees", "cut 2,000 jobs") where a span may tell
    it as to come ("will shed about 325 employees"): its main verb in the past with a figure, no modal or
    expectation word in it."""
    roots = [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    if not roots or FUTURE.search(doc.text) or any(t.tag_ == "MD" for t in doc) or \
            not any(t.like_num for t in roots[0].subtree):
        return []
    root = roots[0]
    reported = [c for c in root.children if c.dep_ == "ccomp"]
    root = reported[0] if reported else root  # "…, the company announced": what it announced
    if root.lemma_ in ("say", "tell", "report", "add", "state", "announce", "be", "have"):
        return []  # what someone said, a state: the tense tells when it was said, not whether it happened
    if root.tag_ == "VBD" or (root.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in root.children)):
        return [Detail("modality", f"{root.text} (done)", ("!done",))]
    return []


def _to_come(span: str) -> str | None:
    """The words by which a span's main verb tells a count as to come ("will shed … 325", "plans to cut 2,000"): a
    modal or an intention verb governing the main verb, a figure in what it governs; None when it tells none."""
    for root in (t for t in nlp.parse_cached([span])[0] if t.dep_ == "ROOT"):
        if not any(t.like_num for t in root.subtree):
            continue
        modal = [c for c in root.children if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ != "can"]
        if modal:
            return f"{modal[0].text} {root.text}"
        if root.lemma_ in ("plan", "expect", "intend", "propose", "schedule", "aim") and \
                any(c.dep_ == "xcomp" for c in root.children):
            return root.text
    return None


def _negation(doc: Any) -> list[Detail]:
    neg = [t for t in doc if t.dep_ == "neg" or (t.lower_ in ("never", "no") and t.dep_ in ("neg", "det", "advmod"))]
    return [Detail("negation", f"{neg[0].text} {neg[0].head.text}", ("!neg",))] if neg else []


@lru_cache(maxsize=4096)
def _details(statement: str) -> tuple[Detail, ...]:
    doc = nlp.parse_cached([statement])[0]
    return tuple([*_figures(doc), *_dates(doc), *_names(doc), *_roles(doc), *_conditions(doc), *_relative_clauses(doc), *_modality(doc), *_done(doc),
                  *_negation(doc)])


def statement_details(statement: str) -> list[Detail]:
    """The details ``statement`` asserts (see the module's docstring)."""
    return list(_details(statement))


def _words5(text: str) -> set[str]:
    return {w.lower()[:5] for w in re.findall(r"[\w’'-]+", text)} | \
        {p.lower()[:5] for w in re.findall(r"[\w’'-]+", text) for p in w.split("-")}


def _fold(text: str) -> str:
    """Lowercase without accents ("Peña" / "Pena")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))


PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)


def _name_held(tag: str, item: str, detail: Detail, where: str, article: str) -> bool:
    """Does ``where`` name one word ``item`` of a named participant (its NER label ``tag``)?"""
    low = _fold(where)
    if item in US or item in ("u.s", "united", "states") and detail.text.lower() in US:
        return any(re.search(rf"(?<!\w){re.escape(u)}(?!\w)", low) for u in US)
    if tag in ("NORP", "GPE", "LOC"):  # "Mexican" / "Mexico"; a demonym by its first three letters
        stem = re.escape(item[:4 if tag != 'NORP' else 3])
        # a people, or a place that only qualifies a noun ("Mexico's civil defence agency"), the span's article
        # names is the span's setting; a place where something happens ("in Vienna") must be the span's own
        return bool(re.search(rf"\b{stem}", low) or tag == "NORP" and re.search(rf"\b{stem}", _fold(article)))
    if re.search(rf"(?<![\w-]){re.escape(_fold(item))}(?![\w-])", low):
        return True
    if tag == "ORG":  # an organisation named through a word of its name ("Newcastle" for "Newcastle United")
        return any(len(w) >= 4 and re.search(rf"(?<![\w-]){re.escape(_fold(w))}(?![\w-])", low)
                   for w in (x.split(":", 1)[1] for x in detail.want))
    if tag == "PERSON":  # through part of the name ("Guzman" for "Joaquin Guzman"), or a pronoun ("her"), where
        # the span's article writes the whole name
        whole = [w.split(":", 1)[1] for w in detail.want]
        said = [w for w in whole if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low)]
        named = all(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", _fold(article)) for w in whole)
        return named and (bool(said) or bool(PRONOUN.search(where)))
    return False


def _held(want: str, detail: Detail, where: str, article: str) -> bool:
    """Does the text ``where`` (the span and its sentence) hold one wanted item of a detail?"""
    low = _fold(where)
    tag, _, item = want.partition(":")
    if tag in NAME_LABELS:
        return _name_held(tag, item, detail, where, article)
    if want.startswith("#"):
        return float(want[1:]) in values_in(where)
    if want.startswith("@"):
        return any(m.group(1).lower() == want[1:] for m in MONTH.finditer(where))
    if want.startswith("~"):
        part = want[1:]
        return any(PART_OF_DAY[w] == part for w in re.findall(r"[a-z]+", low) if w in PART_OF_DAY)
    if want.startswith("%"):
        return bool(re.search(rf"\b{want[1:-1]}(?::\d\d)?\s*{want[-1]}\.?m\b", low))
    if want == "?cond":
        return bool(CONDITION.search(where))
    if want == "!oblig":
        return any(re.search(rf"\b{w}\b", low) for w in OBLIGATION)
    if want == "!expect":
        return any(re.search(rf"\b{w}\b", low) for w in EXPECTATION)
    if want == "!neg":
        return bool(NEGATION.search(where))
    if want.startswith("="):  # a word by its first five letters, or nearly so ("Minster" for "Minister")
        stems = _words5(where)
        return want[1:] in stems or len(want) > 5 and any(fuzz.ratio(want[1:], w) >= 80 for w in stems if len(w) == 5)
    return want in low  # a weekday, a vague count's word


def detail_missing(statement: str, span: str, sentence: str = "", article: str = "") -> str | None:
    """Which detail of ``statement`` neither ``span`` nor its ``sentence`` holds, and why ("date “last December 9”:
    no 9"), or None when they hold every one. ``article`` is the span's article text (a person the span names by
    surname once the article writes the whole name). A span that writes the statement word for word holds it."""
    where = f"{span} {sentence}" if sentence and span not in sentence else (sentence or span)
    if statement.strip().rstrip(".") in where:
        return None
    for d in _details(statement):
        if d.want == ("!done",):  # the span's own main verb tells the count as to come
            if (why := _to_come(span)) is not None:
                return f"modality “{d.text}”: the span tells it as to come (“{why}”)"
            continue
        if d.kind == "condition":
            held = _held("?cond", d, where, article) and \
                sum(_held(w, d, where, article) for w in d.want[1:]) >= 0.5 * max(1, len(d.want) - 1)
            if not held:
                return f"condition “{d.text}”: not stated by the span"
            continue
        if d.kind == "clause":  # half its content words, as a condition's
            if sum(_held(w, d, where, article) for w in d.want) < 0.5 * len(d.want):
                return f"clause “{d.text}”: not stated by the span"
            continue
        if d.kind in ("role", "title"):
            lacking = [w[1:] for w in d.want if not _held(w, d, where, article)]
            if lacking:
                return f"{d.kind} “{d.text}”: the span does not write “{lacking[0]}…”"
            continue
        lacking = [w for w in d.want if not _held(w, d, where, article)]
        if lacking:
            return f"{d.kind} “{d.text}”: the span does not state it ({_plain(lacking[0])})"
    return None


def _plain(want: str) -> str:
    if want.startswith("#"):
        v = float(want[1:])
        return f"no {int(v) if v.is_integer() else v}"
    if want[:1] in "@~%=!?":
        return f"no {want[1:]}"
    return f"no {want.split(':', 1)[-1]}"


def details_missing(rows: Sequence[tuple[str, str, str, str]]) -> list[str | None]:
    """``detail_missing`` of each (statement, span, sentence, article text); the statements parsed in one batch."""
    statements = list(dict.fromkeys(r[0] for r in rows))
    if statements:
        nlp.parse_cached(statements)  # one batch; ``_details`` then finds each parse kept
    return [detail_missing(*r) for r in rows]


CUT_DEPS = ("appos", "relcl", "advcl", "npadvmod", "prep")


def detail_cuts(statement: str) -> list[tuple[str, str]]:
    """The statement without one clause or modifier that carries a detail (``statement_details``): a time adverbial
    ("on Saturday night", "last December 9"), an apposition ("Park's confidante and adviser"), an "if"/"unless"
    clause, a "which"/"who" clause. Each as (the shorter statement, what was cut); the caller checks the shorter one
    is a well-formed statement every span holds."""
    doc = nlp.parse_cached([statement])[0]
    timed = _date_tokens(doc)
    placed = {t.i for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC") for t in e}
    counted = {t.i for t in doc if t.like_num and t.i not in timed}
    out: list[tuple[str, str]] = []
    described = {c.i for c in doc if c.dep_ in ("attr", "appos")}
    for t in doc:
        # a role's extra word: "and adviser" of "confidante and adviser", "impeached" of "the impeached former
        # President"
        if t.head.i in described and t.i != t.head.i and (
                t.dep_ == "conj" or (t.dep_ == "amod" and t.i < t.head.i)):
            sub = list(t.subtree)
            lo = sub[0].i - (1 if t.dep_ == "conj" and sub[0].i > 0 and doc[sub[0].i - 1].dep_ == "cc" else 0)
            a, b = doc[lo].idx, sub[-1].idx + len(sub[-1].text)
            cut = re.sub(r"\s{2,}", " ", f"{statement[:a].rstrip()} {statement[b:].lstrip()}").strip()
            out.append((cut, statement[a:b]))
            continue
        if t.dep_ not in CUT_DEPS or t.head.i == t.i:
            continue
        sub = list(t.subtree)
        ids = {w.i for w in sub}
        if t.dep_ == "prep" and not (ids & (timed | placed | counted)):
            continue  # a prepositional phrase is cut only when it says when, where or how many
        if t.dep_ == "prep" and t.head.pos_ == "ADJ":
            continue  # an adjective's complement is its argument ("similar to Earth's size"), not a modifier
        if t.dep_ == "npadvmod" and t.i not in timed:
            continue
        if t.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            continue
        if t.dep_ == "relcl" and not any(w.lower_ in ("which", "who", "whom", "whose") for w in sub[:2]):
            continue
        lo, hi = sub[0].i, sub[-1].i + 1
        # the commas around it go with it; a comma after an opening clause too
        if lo > 0 and doc[lo - 1].text in (",", "—", "–"):
            lo -= 1
        elif hi < len(doc) and doc[hi].text == "," and t.dep_ == "advcl":
            hi += 1
        if hi < len(doc) and doc[hi].text == "," and lo > 0 and doc[lo].text == ",":
            hi += 1
        a = doc[lo].idx
        b = doc[hi - 1].idx + len(doc[hi - 1].text)
        cut = f"{statement[:a].rstrip()} {statement[b:].lstrip()}"
        cut = re.sub(r"\(\s*\)|\[\s*\]", "", cut)  # a parenthesis emptied by the cut goes with it
        cut = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s{2,}", " ", cut)).strip(" ,")
        if cut and cut != statement and len(cut.split()) >= 4 and not incomplete(cut):
            out.append((cut[0].upper() + cut[1:], statement[a:b].strip(" ,")))
    return list(dict.fromkeys(out))


def cuts_up_to_two(statement: str) -> list[tuple[str, str]]:
    """The statement without one, or two, of the modifiers ``detail_cuts`` offers, as (shorter text, what the last
    cut took), each pair once."""
    cuts = detail_cuts(statement)
    cuts += [twice for cut, _ in cuts for twice in detail_cuts(cut)]
    return list(dict.fromkeys(cuts))


CLOSED_ENDS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART"})


def incomplete(text: str) -> bool:
    """Does the (cut) text stop before its phrase ends? Its last word is a determiner, preposition, conjunction or
    auxiliary ("… would buy the", "… praised the old and"), or an article's noun is missing ("… through a specially
    built": the parse hangs "a" on the participle)."""
    doc = nlp.parse_cached([text])[0]
    words = [t for t in doc if not t.is_punct]
    if not words:
        return True
    if words[-1].pos_ in CLOSED_ENDS or words[-1].lower_ in ("a", "an", "the"):
        return True
    return any(t.dep_ == "det" and t.lower_ in ("a", "an", "the") and t.head.pos_ in ("VERB", "ADJ", "ADV")
               for t in doc)


# kinds a span is dropped for when no shorter statement every span states is found: the statement's figure,
# condition, modality or negation is not the span's. A day, a time, a role or a name the span leaves out only
# narrows the statement (dropping for them too cost 10 of news-dev's 59 shared facts found: a pronoun, a role for the
# person, a date said in another sentence).
DROP_KINDS = frozenset({"figure", "role", "condition", "modality", "negation"})


def dropped_for(why: str) -> bool:
    """Does ``detail_missing``'s reason name a kind a span is not cited for (``DROP_KINDS``)?"""
    return why.split(" ", 1)[0] in DROP_KINDS
