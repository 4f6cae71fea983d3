"""Sentences → claims, with their normalised numbers and dates, entities and who asserts them.

Numbers: digits with separators ("8,000", "3.1 million"), number words ("ten", "two
hundred"), money ("$227 billion", "40 million crowns"), percentages, with a qualifier
("more than 30 pages" → more_than, "upwards of 10,000" → at_least, "some 1,500" → about)
and the unit they count (the noun they modify: pages, civilians, residents). Dates: absolute
("May 16", "March 4, 2026", "1962") and relative ("last Friday", "on Tuesday", "yesterday")
resolved against the article's date when it is known.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any, Sequence

from ..lexicons import SPEECH_VERBS
from ..records import Claim, Entity, Quote, Sentence, Value
from ..settings import DEFAULT, Settings
from .base import StageContext

SMALL = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
         "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
         "dozen": 12, "a dozen": 12, "half": 0.5}
SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
         "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
QUALIFIERS = [
    (r"more than|over|upwards of|in excess of|above|greater than", "more_than"),
    (r"at least|no fewer than|no less than|a minimum of", "at_least"),
    (r"less than|fewer than|under|below", "less_than"),
    (r"up to|as many as|at most|a maximum of", "up_to"),
    (r"about|around|some|roughly|approximately|nearly|almost|close to|an estimated|estimated", "about"),
]
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "dollars": "USD", "dollar": "USD", "euros": "EUR",
              "euro": "EUR", "pounds": "GBP", "yuan": "CNY", "roubles": "RUB", "rubles": "RUB", "crowns": "crowns"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUM_WORD = "|".join(sorted((re.escape(k) for k in list(SMALL) + list(SCALE) if len(k) > 1), key=len, reverse=True))
NUMBER = re.compile(
    r"(?P<cur>[$€£¥])?\s?(?<![\w.])(?P<num>\d{1,3}(?:[,\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<exp>[eE][+-]?\d+\b|\s?\^\s?[+-]?\d+)?"
    r"(?:\s?(?P<scale>hundred|thousand|million|billion|trillion|bn|m|k)\b)?"
    r"|(?P<words>\b(?:(?:" + _NUM_WORD + r")(?:[\s-]+(?:and\s+)?)?)+\b)",
    re.IGNORECASE,
)
_QUAL = re.compile(r"(?:" + "|".join(f"(?P<q{i}>\\b(?:{p}))" for i, (p, _) in enumerate(QUALIFIERS)) + r")\s*$",
                   re.IGNORECASE)


def digits_to_number(num: str, exp: str | None, max_digits: int) -> float | None:
    """"8,000" → 8000.0, "1e308" → 1e308, "10^3" → 1000.0; None when it is no finite quantity (more
    significant digits than ``max_digits``, or a value beyond float range: "10^1000", 309 digits)."""
    digits = re.sub(r"[,\u202f ]", "", num)
    if len(digits.replace(".", "").lstrip("0")) > max_digits:
        return None
    try:
        value = float(digits)
        if exp:
            power = int(re.sub(r"[\s^eE]", "", exp))
            value = value * 10.0 ** power if exp.lstrip()[0] in "eE" else value ** power
    except (OverflowError, ValueError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None


def words_to_number(text: str) -> float | None:
    """"two hundred" → 200, "ten" → 10, "3.1 million" handled elsewhere; None when not a number."""
    total = 0.0
    current = 0.0
    seen = False
    for w in re.split(r"[\s-]+", text.lower().strip()):
        if w in ("and", ""):
            continue
        if w in SMALL:
            current += SMALL[w]
            seen = True
        elif w in SCALE and w not in ("k", "m", "bn"):
            current = (current or 1) * SCALE[w]
            if SCALE[w] >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def find_values(text: str, offset: int, doc_span: Any, published: str | None,
                max_digits: int = 15) -> list[Value]:
    """Numbers and dates in one sentence (offsets into the article text); only finite values."""
    values: list[Value] = []
    taken: list[tuple[int, int]] = []
    # dates first (the model's DATE entities), so "May 16" is not read as the number 16
    for ent in doc_span.ents:
        if ent.label_ == "DATE":
            resolved = resolve_date(ent.text, published, future=bool(FUTURE.search(text)))
            if resolved is not None:
                values.append(Value(kind="date", value=resolved, text=ent.text, start=ent.start_char,
                                    end=ent.end_char))
                taken.append((ent.start_char, ent.end_char))
    for m in NUMBER.finditer(text):
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        start, end = offset + m.start() + lead, offset + m.end()
        if any(a <= start < b for a, b in taken) or not m.group(0).strip():
            continue
        raw = m.group(0).strip()
        if m.group("words"):
            words = m.group("words").strip()
            if words.lower() in ("a", "an", "half", "one"):
                continue  # "a visit", "one of the priorities": articles, not counts
            value = words_to_number(words)
            if value is None:
                continue
        else:
            num = digits_to_number(m.group("num"), m.group("exp"), max_digits)
            scale = (m.group("scale") or "").lower()
            value = num * SCALE.get(scale, 1) if num is not None else math.inf
            if not math.isfinite(value):
                continue  # not a quantity anyone measured
            # a year on its own is a date, not a count
            if not scale and not m.group("cur") and not m.group("exp") and re.fullmatch(r"(19|20)\d\d", m.group("num")):
                values.append(Value(kind="date", value=m.group("num"), text=raw, start=start, end=end))
                continue
        end_rel = m.end()
        after = text[end_rel:end_rel + 40]
        before = text[max(0, m.start() - 30):m.start()]
        kind = "number"
        unit = _unit(doc_span, start, end)
        cur = m.group("cur")
        cur_word = re.match(r"\s*(dollars?|euros?|pounds|yuan|roubles|rubles|crowns)\b", after, re.I)
        if cur or cur_word:
            kind = "money"
            unit = CURRENCIES.get(cur or cur_word.group(1).lower(), unit)  # type: ignore[union-attr]
        elif re.match(r"\s*(%|per ?cent|percent)", after, re.I):
            kind = "percent"
            unit = "percent"
        qm = _QUAL.search(before)
        qualifier = None
        if qm:
            qualifier = next(QUALIFIERS[i][1] for i in range(len(QUALIFIERS)) if qm.group(f"q{i}"))
        values.append(Value(kind=kind, value=value, text=raw, start=start, end=end, unit=unit, qualifier=qualifier,
                            predicate=_predicate(doc_span, start, end)))
    return sorted(values, key=lambda v: v.start)


def _predicate(doc_span: Any, start: int, end: int) -> str | None:
    """The verb a number's phrase hangs from: "forced" in "1,800 people were forced from their homes"."""
    toks = [t for t in doc_span if start <= t.idx < end]
    if not toks:
        return None
    node = toks[-1]
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "aux":
            return str(node.lemma_).lower()
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _unit(doc_span: Any, start: int, end: int) -> str | None:
    """The noun a number counts: its head noun (nummod), else the next noun."""
    toks = [t for t in doc_span if start <= t.idx < end]
    if not toks:
        return None
    last = toks[-1]
    head = last.head
    if last.dep_ in ("nummod", "quantmod", "compound") and head.pos_ == "NOUN" and head.i not in {t.i for t in toks}:
        return str(head.lemma_).lower()
    for t in doc_span:
        if t.i > last.i and t.pos_ == "NOUN":
            return t.lemma_.lower() if t.i - last.i <= 3 else None
    return None


FUTURE = re.compile(r"\b(will|expected to|plans? to|is to|are to|due to|scheduled|next)\b", re.I)


def resolve_date(text: str, published: str | None, future: bool = False) -> str | None:
    """A date phrase → ``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY``); relative dates need the article's date."""
    low = text.lower().strip()
    low = re.sub(r"^(on|this|the)\s+", "", low)
    base = dt.date.fromisoformat(published) if published else None
    if low in ("today", "this morning", "tonight", "this evening") and base:
        return base.isoformat()
    if low == "yesterday" and base:
        return (base - dt.timedelta(days=1)).isoformat()
    if low == "tomorrow" and base:
        return (base + dt.timedelta(days=1)).isoformat()
    m = re.fullmatch(r"(last|next)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", low)
    if m and base:
        target = WEEKDAYS.index(m.group(2))
        if m.group(1) == "next" or (future and m.group(1) is None):
            delta = (target - base.weekday()) % 7 or 7
            return (base + dt.timedelta(days=delta)).isoformat()
        delta = (base.weekday() - target) % 7
        if m.group(1) == "last" and delta == 0:
            delta = 7
        return (base - dt.timedelta(days=delta)).isoformat()
    if low in ("last year",) and base:
        return str(base.year - 1)
    if low in ("this year",) and base:
        return str(base.year)
    m = re.fullmatch(r"((?:19|20)\d\d)", low)
    if m:
        return m.group(1)
    if re.fullmatch(r"\d{1,3}", low):
        return None  # a bare "71" ("71 in Morelos state") is a count the tagger took for a date, not a year
    from dateutil import parser

    cleaned = re.sub(r"^(thursday|monday|tuesday|wednesday|friday|saturday|sunday),?\s+", "", low)
    cleaned = re.sub(r"\b(of|last year|this year)\b", "", cleaned).strip(" ,")
    if not re.search(r"\d", cleaned):
        return None
    try:
        default = dt.datetime(base.year if base else 1900, 1, 1)
        parsed = parser.parse(cleaned, default=default, fuzzy=False)
    except (ValueError, OverflowError):
        return None
    has_year = bool(re.search(r"\b(19|20)\d\d\b", cleaned))
    if not has_year and base is None:
        return str(parsed.strftime("--%m-%d"))
    return str(parsed.date().isoformat())


def claims_stage(ctx: StageContext) -> tuple[Claim, ...]:
    sentences: tuple[Sentence, ...] = ctx.values["sentences"]
    entities: tuple[Entity, ...] = ctx.values["entities"]
    quotes: tuple[Quote, ...] = ctx.values["quotes"]
    return tuple(build_claims(ctx.article, sentences, entities, quotes, ctx.doc, ctx.settings))




def build_claims(article: Any, sentences: Sequence[Sentence], entities: Sequence[Entity],
                 quotes: Sequence[Quote], doc: Any, settings: Settings = DEFAULT) -> list[Claim]:
    """One claim per sentence; a sentence of reported speech ("X told Y that …") gives two: what was
    said (``content``, asserted by the speaker) and who said it, when and where (``attribution``)."""
    kinds = [(p.start, p.end, p.kind) for p in article.paragraphs]
    person_chars = {pos for e in entities if e.type == "PERSON" for m in e.mentions for pos in range(m.start, m.end)}
    entity_chars = {pos for e in entities for m in e.mentions for pos in range(m.start, m.end)}
    claims: list[Claim] = []
    doc_ents = list(doc.ents)
    for s in sentences:
        kind = next((k for a, b, k in kinds if a <= s.start < b), "body")
        speaker = _asserted_by(s, quotes)
        pieces: list[tuple[str, int, int, str]] = [("", s.start, s.end, "sentence")]
        if speaker is not None and speaker.kind in ("reported", "finding", "decision") and s.start <= speaker.start and speaker.end <= s.end:
            rest = [(s.start, speaker.start), (speaker.end, s.end)]
            rest_text = " … ".join(article.text[a:b].strip(" ,.") for a, b in rest if article.text[a:b].strip(" ,."))
            pieces = [(":c", speaker.start, speaker.end, "content")]
            rest_span = [t for t in (doc.char_span(s.start, s.end, alignment_mode="expand") or [])
                         if not speaker.start <= t.idx < speaker.end]
            if len(content_terms(rest_span, entity_chars)) >= settings.attribution_min_terms:
                pieces.append((":a", s.start, s.end, "attribution"))
        # the noun phrases describing named referents, over the whole sentence (an attribution's "the head of the
        # agency, X, said" too), given to the sentence's first claim
        sent_phrases = phrase_spans(doc.char_span(s.start, s.end, alignment_mode="expand"), s.start, s.end,
                                    article.text, [e for e in doc_ents if s.start <= e.start_char < s.end])
        sent_marked = marked_spans(doc.char_span(s.start, s.end, alignment_mode="expand"), s.start, s.end,
                                   article.text)
        for suffix, start, end, part in pieces:
            text = article.text[start:end] if part != "attribution" else rest_text
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            if part == "attribution":
                tokens = [t for t in span if not (speaker.start <= t.idx < speaker.end)]  # type: ignore[union-attr]
            else:
                tokens = list(span)
            ents = [e.id for e in entities
                    if e.type in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")
                    and any(t.idx == m.start or m.start <= t.idx < m.end for m in e.mentions for t in tokens)]
            asserted = speaker if part != "attribution" else None
            claims.append(Claim(
                id=f"{article.id}:{s.i}{suffix}", article=article.id, sentence=s.i, start=start, end=end,
                text=text, values=tuple(v for v in find_values(article.text[start:end], start, span, article.published,
                                                                  settings.max_number_digits)
                                        if part != "attribution" or not (speaker.start <= v.start < speaker.end)),  # type: ignore[union-attr]
                entities=tuple(dict.fromkeys(ents)), asserted_by=asserted.speaker_id if asserted else None,
                asserted_by_name=asserted.speaker if asserted else None,
                quote=bool(asserted and asserted.kind in ("direct", "partial")),
                heading=kind in ("title", "heading"), terms=content_terms(tokens, person_chars), part=part,
                clauses=clause_spans(span, start, end, text=article.text) if part != "attribution" else (),
                phrases=() if claims and claims[-1].sentence == s.i else sent_phrases,
                marked=() if claims and claims[-1].sentence == s.i else sent_marked,
            ))
    return claims


# where a sentence divides into clauses that can each state a fact on their own: a semicolon, a dash, a
# colon, or a comma before a conjunction or a clause-opening word ("…, and the network will grant …")
CLAUSE_BREAK = re.compile(r";\s+|\s+[—–]\s+|\s--\s|:\s+(?=[A-Za-z“\"])|,\s+(?=(?:and|but|while|whereas|although|"
                          r"after|before|as|which|who|where|when|making|leaving|adding|bringing|including|"
                          r"according to)\b)")


def punctuation_clauses(text: str, start: int, min_words: int) -> list[tuple[int, int]]:
    """Clause pieces of one claim (offsets into the article); none when the claim is one clause."""
    cuts = [0] + [m.end() for m in CLAUSE_BREAK.finditer(text)] + [len(text) + 1]
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = text[a:b - 1] if b <= len(text) else text[a:]
        stripped = piece.strip(" ,;:—–-")
        if not stripped:
            continue
        lead = piece.find(stripped)
        pieces.append((start + a + lead, start + a + lead + len(stripped)))
    # a clause that is most of its sentence adds nothing to align (and would split the sentence's best match)
    good = [(a, b) for a, b in pieces if len(text[a - start:b - start].split()) >= min_words
            and b - a < 0.75 * len(text.strip())]
    return good if len(pieces) >= 2 else []



# dependents whose subtree can state a fact of its own inside a longer sentence: a subordinate, complement,
# relative, participial or loosely joined clause, an apposition ("Luis Felipe Puente, the head of …")
CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "parataxis", "acl", "appos"}
EDGE_JUNK = " ,;:—–-\"“”'’()"
EDGE_WORDS = re.compile(r"^(?:and|but|or|so|yet)\s+|\s+(?:and|but|or)$", re.IGNORECASE)
MAX_CLAUSES = 8
DANGLING = {"ADP", "DET", "AUX", "CCONJ", "SCONJ", "PART", "PRON", "ADV"}  # a clause cut before its object


def clause_spans(span: Any, start: int, end: int, min_words: int = 4, text: str | None = None
                 ) -> tuple[tuple[int, int], ...]:
    """Clause spans of one sentence from its parse (article offsets): the subtree of each coordinated verb,
    subordinate, complement, relative, participial or loose clause, apposition (with the noun it describes) and
    "with …" phrase holding a verb ("with an additional million joining every day"), and what is left of the
    sentence before or after it; each at least ``min_words`` words and shorter than the sentence."""
    if span is None or end - start < 20:
        return ()
    raw: list[tuple[int, int]] = []
    for t in span:
        if t.dep_ in CLAUSE_DEPS or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")):
            left, right = t.left_edge, t.right_edge
            if t.dep_ in ("appos", "relcl", "acl"):
                left = t.head.left_edge  # the noun it describes and what the clause says of it: one fact
        elif t.dep_ == "pobj" and t.head.lower_ == "with" and any(c.pos_ == "VERB" for c in t.subtree):
            left, right = t.head, t.right_edge
        else:
            continue
        a, b = max(start, left.idx), min(end, right.idx + len(right.text))
        raw.append((a, b))
        if a - start > 15 and end - b < 3:
            raw.append((start, a))  # the main clause before it
        elif a - start < 3 and end - b > 15:
            raw.append((b, end))  # the main clause after it
    text = span.doc.text if text is None else text  # Doc.text joins every token: read it once per article
    out: set[tuple[int, int]] = set()
    for a, b in raw:
        piece = text[a:b]
        trimmed = EDGE_WORDS.sub("", piece.strip(EDGE_JUNK)).strip(EDGE_JUNK)
        if not trimmed:
            continue
        a2 = a + piece.find(trimmed)
        b2 = a2 + len(trimmed)
        cut = span.doc.char_span(a2, b2, alignment_mode="contract")
        if cut is None or not len(cut) or cut[-1].pos_ in DANGLING:
            continue  # "… escaped from the prison through", "The star, an ultra-cool dwarf, has": cut mid-phrase
        if len(trimmed.split()) >= min_words and b2 - a2 < 0.85 * (end - start):
            out.add((a2, b2))
    return tuple(sorted(out, key=lambda ab: (ab[0], -ab[1])))[:MAX_CLAUSES]


# a named referent whose noun phrase also says what it is: an apposition ("Enric Millo, the most senior Spanish
# official in the region"), a title or role before the name ("her longtime confidante Choi Soon-sil", "Mexico's
# Security Commissioner Monte Alejandro Rubido") or a name that qualifies a common noun ("the Altiplano prison")
PHRASE_ENTS = {"PERSON", "ORG", "FAC", "LOC", "EVENT", "WORK_OF_ART", "PRODUCT"}  # places and peoples: too general
PHRASE_MAX_WORDS = 16
MAX_PHRASES = 6


def _phrase_head(ent: Any) -> Any:
    """The noun a name's descriptive phrase hangs on: the name itself (titles are its compounds), the noun a name
    qualifies ("the Altiplano prison"), or the role a name is in apposition to, through "of" ("The head of the
    agency, Luis Felipe Puente"); None for a possessor ("Park's impeachment" is about something else)."""
    root = ent.root
    if root.dep_ == "poss":
        return None
    head = root
    if root.dep_ in ("compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= ent.end:
        head = root.head
    if head.dep_ == "conj" and head.head.pos_ == "NOUN" and head.head.i < ent.start:
        head = head.head  # roles coordinated before the name: "Park's confidante and adviser Choi Soon-sil"
    elif head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
            head = head.head.head
    return head


def phrase_spans(span: Any, start: int, end: int, text: str | None = None, ents: Sequence[Any] | None = None
                 ) -> tuple[tuple[int, int, int, int], ...]:
    """Noun phrases of one sentence that state a fact about a named referent (article offsets: the phrase's start and
    end, then its referent's name's): the phrase of a
    name with its apposition, its title or role words, or the common noun it qualifies; each with at least one
    content word outside the names, at most ``PHRASE_MAX_WORDS`` words, and shorter than the sentence."""
    if span is None:
        return ()
    doc = span.doc
    whole = doc.text if text is None else text  # the article's text (Doc.text joins every token on each read)
    out: set[tuple[int, int, int, int]] = set()
    ents = list(span.ents) if ents is None else ents  # Doc.ents is rebuilt on each read: pass the sentence's
    # titles are proper nouns to the tagger ("National Security Commissioner"); a person's name is no description
    persons = {t.i for e in ents if e.label_ == "PERSON" for t in e}
    for ent in ents:
        if ent.label_ not in PHRASE_ENTS or whole[ent.end_char:ent.end_char + 1] == "-":
            continue  # a name inside a hyphenated modifier ("Earth-size planets") is not what the phrase is about
        head = _phrase_head(ent)
        if head is None:
            continue
        # the referent's whole name: the entity and the proper nouns after it up to the noun it names
        name_end = ent.end
        while name_end < len(doc) and name_end <= head.i and doc[name_end].pos_ == "PROPN":
            name_end += 1
        # an apposition of the name itself ("Enric Millo, the most senior … official")
        appos = [c for c in head.children if c.dep_ == "appos"]
        left = min([head.left_edge, *[c.left_edge for c in appos]], key=lambda t: t.i)
        right = max([head.right_edge, *[c.right_edge for c in appos]], key=lambda t: t.i)
        # a coordination of referents ("President Obama and Iran's …", "Carrie Lam and her supporters"): the
        # phrase ends before it
        cc = [c for c in head.children if c.dep_ == "cc" and c.i > max(head.i, name_end - 1)]
        if cc:
            right = doc[cc[0].i - 1]
        if head.pos_ == "PROPN" and any(c.dep_ == "cc" for c in head.children if c.i < ent.start):
            continue  # "Mark and Facebook …": the name is one of several
        if right.i - left.i + 1 > PHRASE_MAX_WORDS:
            # too long with its clauses: the noun phrase up to the head and its appositions only
            right = max([head, *[c for c in head.children if c.dep_ in ("compound", "appos", "amod")]],
                        key=lambda t: t.right_edge.i).right_edge
            if right.i - left.i + 1 > PHRASE_MAX_WORDS:
                continue
        words = [t for t in doc[left.i:right.i + 1] if not (ent.start <= t.i < ent.end)]
        descriptor = [t for t in words if t.pos_ in ("NOUN", "ADJ", "PROPN") and not t.is_stop and t.is_alpha
                      and t.i not in persons]
        if not descriptor or any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT",) for t in words):
            continue
        a = max(start, doc[left.i].idx)
        b = min(end, doc[right.i].idx + len(doc[right.i].text))
        piece = whole[a:b]
        trimmed = piece.strip(EDGE_JUNK)
        if not trimmed:
            continue
        a += piece.find(trimmed)
        b = a + len(trimmed)
        if whole[b:b + 1] == "-":
            continue  # cut inside a hyphenated word ("WhatsApp co-founder")
        n0, n1 = doc[ent.start].idx, doc[name_end - 1].idx + len(doc[name_end - 1].text)
        if b - a < 0.85 * (end - start) and a <= n0 and n1 <= b:
            out.add((a, b, n0, n1))
    return tuple(sorted(out))[:MAX_PHRASES]


# what a marked phrase's noun keeps: its own modifiers and prepositional phrases ("the biggest protest by far since
# the 1997 handover"), not a relative clause or an apposition that says more
MARKED_KEEP = {"det", "poss", "case", "amod", "advmod", "compound", "nummod", "prep", "pobj", "quantmod", "nmod", "npadvmod"}
MARKED_MAX = 4


def _marker(t: Any) -> bool:
    """An ordinal ("first", "second") or a superlative ("biggest", "most [famous]") modifying a noun: a grammatical
    class, not a word list."""
    if t.dep_ not in ("amod", "advmod"):
        return False
    if t.tag_ == "RBS":  # "most famous": the superlative of the adjective it modifies
        return bool(t.head.dep_ == "amod" and t.head.head.pos_ == "NOUN")
    return bool(t.head.pos_ == "NOUN" and (t.tag_ == "JJS" or t.ent_type_ == "ORDINAL"))


def marked_spans(span: Any, start: int, end: int, text: str | None = None) -> tuple[tuple[int, int, int, int], ...]:
    """Phrases of one sentence built on an ordinal or a superlative (article offsets of the phrase, then of the
    marker): the noun phrase with its modifiers and prepositional phrases ("the country's first female leader"),
    or, where the noun is the object of a preposition of a verb ("escaped … for the second time"), the verb's
    predicate from the verb to the end of that phrase (what happened for the second time). At most
    ``PHRASE_MAX_WORDS`` words and at least four, shorter than the sentence, at most ``MARKED_MAX``."""
    if span is None:
        return ()
    doc = span.doc
    whole = doc.text if text is None else text
    out: list[tuple[int, int, int, int]] = []
    for t in span:
        if not _marker(t):
            continue
        noun = t.head.head if t.tag_ == "RBS" else t.head
        keep = [c for c in noun.children if c.dep_ in MARKED_KEEP]
        left = min([noun, *[c.left_edge for c in keep if c.i < noun.i]], key=lambda x: x.i)
        right = max([noun, *[c.right_edge for c in keep if c.i > noun.i]], key=lambda x: x.i)
        prep = noun.head if noun.dep_ == "pobj" else None
        if prep is not None and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX") and prep.head.i < prep.i:
            verb = prep.head
            # the predicate: the verb with its auxiliaries and negation, up to the end of the marked phrase
            left = min([verb, *[c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]],
                       key=lambda x: x.i)
        if len(doc[left.i:right.i + 1].text.split()) > PHRASE_MAX_WORDS:  # words, not tokens ("drug-running")
            right = noun
            if len(doc[left.i:right.i + 1].text.split()) > PHRASE_MAX_WORDS:
                continue
        a = max(start, doc[left.i].idx)
        b = min(end, doc[right.i].idx + len(doc[right.i].text))
        piece = whole[a:b]
        trimmed = piece.strip(EDGE_JUNK)
        if not trimmed or len(trimmed.split()) < 4:
            continue  # "the second time" alone says nothing of what happened
        a += piece.find(trimmed)
        b = a + len(trimmed)
        m0 = doc[min(t.i, t.head.i) if t.tag_ == "RBS" else t.i].idx
        m1 = doc[t.head.i].idx + len(doc[t.head.i].text) if t.tag_ == "RBS" else t.idx + len(t.text)
        if b - a < 0.85 * (end - start) and a <= m0 and m1 <= b:
            out.append((a, b, m0, m1))
    return tuple(sorted(set(out)))[:MARKED_MAX]


TERM_POS = {"NOUN", "PROPN", "ADJ", "VERB", "NUM"}


def content_terms(span: Any, skip: set[int] | frozenset[int] = frozenset()) -> tuple[str, ...]:
    """Content lemmas of a sentence: what two renderings of one fact tend to share. People's names
    (``skip``: their character offsets) are left out: who speaks is compared through entities."""
    out = []
    for t in span:
        if t.pos_ not in TERM_POS or t.is_stop or len(t.text) < 2 or t.idx in skip:
            continue
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and lemma in SPEECH_VERBS:
            continue
        out.append(lemma)
    return tuple(sorted(set(out)))


def _asserted_by(sentence: Sentence, quotes: Sequence[Quote]) -> Quote | None:
    """The quote or reported speech that covers most of the sentence, if any."""
    best = None
    best_cover = 0.0
    length = max(sentence.end - sentence.start, 1)
    for q in quotes:
        if q.speaker is None or q.kind == "scare":
            continue
        cover = max(0, min(sentence.end, q.end) - max(sentence.start, q.start)) / length
        if cover > best_cover:
            best, best_cover = q, cover
    return best if best_cover >= 0.4 else None
