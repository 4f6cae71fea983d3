"""Checked corroboration: may one sentence count as support for what another says?

On top of the aligner's score (embedding + shared words + entities + numbers), a pair of claims
from two articles corroborates one fact only when structured matching finds nothing against it:

- **speaker**: a quote is aligned only with a quote of the same speaker sharing words of the same utterance
  (at least two content words and ``QUOTE_OVERLAP_MIN`` of the shorter quote's), and reported speech only
  with reported speech of the same speaker (a quote may still state what another outlet reports in its
  own voice or as someone's reported speech: the seeds' "permanent members of the Security Council" is
  Putin's quote in one and Xi's reported speech in the other);
- **event**: a sentence about another event (another year's, "an earlier quake", "escaped once before",
  "the announcement last year") never supports one about this event;
- **numbers**: figures of one measure must be the same figure (``same_figure``: within
  ``corroborate_number_tolerance``; "at least 38" and "hundreds" injured are two facts, not one);
- **polarity**: a negation governs a content word the two share in one claim and not in the other
  ("did not escape" vs "escaped"; a "no" elsewhere in the sentence does not count).

Each refusal carries its reason. Also here: page chrome and credits, which are never facts, and
bare attribution fragments ("X, who visited on Wednesday, said"), which are not facts alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..records import AnalyzedArticle, Claim, Quantity
from ..text.words import title_case
from ..settings import DEFAULT, Settings
from ..similarity import value_conflicts
from .conflicts import compatible

NEGATION = re.compile(r"\b(?:not|no|never|none|denied|denies|deny|neither|nor|without)\b|n[’']t\b", re.IGNORECASE)
# Page chrome and credit lines left in a body (the cleaner removes most; this is the last net). Every pattern
# has the *form* of chrome, not merely its words: news sentences say "a million users sign up every day", "a
# copyright lawsuit", "By noon, the White House …", "By contrast, …", "caught with their hand in the cookie jar"
# (each refused as chrome before session 13).
CHROME = re.compile(
    r"\bview .{0,60}\blarger map\b|\bclick (?:here|to)\b|"
    r"\ball rights reserved\b|\bcopyright\s*(?:©|\(c\)|\d{4})|©|\b(?:photo|image|video|graphic)\s*(?:credit)?\s*:|"
    r"[/(]\s*getty images\b|\bgetty images\s*(?:\)|$)|"
    r"\(ap photo|\bap photo/|\breuters/|\bafp photo\b|\bfile photo\b|^\s*advertisement\b|"
    r"^\s*(?:related|watch|listen|more)\s*:|\bcontributed to this report\b|\breporting by\b|\bediting by\b|"
    r"\bwriting by\b|\bstaff writer\b|\blast updated\b|\bupdated:?\s+\d|"
    r"\barchived article\b|\bbefore you go\b|\byou(?:'d| would) like these\b|\bjquery\b|\bfunction\s*\(|[{}]|"
    r"\bjwplayer\b|\bcan'?t win without\b|^\W*editor[’']?s[’']? note\b|^\W*(?:correction|clarification|update)\s*:|"
    # a byline: "By" and a capitalised name (case-sensitive), not a day, month or time ("By Monday, …")
    r"(?-i:^\s*(?:By|BY|Posted by|Written by)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|Christmas|"
    r"Easter|Election|Then|Now|Contrast|Comparison|Law|Design|Definition|Nightfall|Midnight|Noon|Dawn)\b)"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:$|[,;|–—-]|\s+(?:and|on|in|for|at)\s))|"
    # a comment's or post's byline: "by rglass44 on Aug 9, 2012 2:11 PM"
    r"^\s*(?:posted\s+)?by\s+\S+(?:\s+\S+){0,3}?\s+(?:on|-|–)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+\d|"
    # a call to the reader: opens the line ("Sign up for …", "Subscribe to …", "Read more: …", "Share this")
    # or speaks to the reader ("… our newsletter", "… you can follow us"); "users sign up every day" is news
    r"^\W*(?:please\s+)?(?:read more|subscribe|sign up|follow us|share (?:this|on)|newsletter|cookies?)\b|"
    r"\b(?:our|your)\s+(?:\w+\s+)?(?:newsletters?|cookies?|cookie policy)\b|"
    r"\b(?:read more|subscribe|sign up|follow us|share (?:this|on))\b.{0,40}\b(?:our|your|you|us)\b|"
    r"\b(?:we|this site|this website)\s+uses?\s+cookies\b",
    re.IGNORECASE)
# a photo caption: a name or a noun phrase, then a present-tense verb of what the picture shows (lowercase: "in
# March" is a month, not a march). Verbs of prose left out: "holds" (a lead, that …), "carries" (a penalty).
CAPTION = re.compile(r"^(?P<before>(?:[\w’'.,()-]+\s+){1,12}?)(?-i:(?P<verb>stands|sits|walks|pulls|speaks|looks|gestures|"
                     r"waves|arrives|poses|shouts|chants|march|marches|rests|is (?:held|seen|pictured|shown|carried)|"
                     r"are (?:cordoned|seen|pictured|shown|held|gathered)))\b(?!\s+(?:as|by many|volumes)\b)",
                     re.IGNORECASE)
# before a caption's verb, a word that makes it a noun ("Sunday's march", "the march", "their walks", "made waves"),
# or a pronoun or relative word: a caption names who the picture shows ("the way he speaks" is prose)
NOUN_BEFORE = re.compile(r"(?:[’']s|\b(?:the|a|an|this|that|its|his|her|their|our|my|your|whose|made|make|makes|"
                         r"making|he|she|it|they|we|i|you|who|which))\s+$", re.IGNORECASE)
# a caption shows; it does not quote or report speech
PROSE = re.compile(r"[“”\"]|\b(?:said|says|told)\b", re.IGNORECASE)


def is_headline(text: str) -> bool:
    """Title Case throughout ("Historic Nuclear Deal Reached With Iran"): a headline, not a sentence
    (:func:`newsprism.text.words.title_case`)."""
    return title_case(text)


# where a person stands in the picture; a bare "(R)" is also a US party label ("Gov. Jan Brewer (R) announced"),
# so it counts only beside another position
POSITION = re.compile(r"\((?:C|L|2nd [LR]|centre|center|left|right|C on (?:left|right))\)|\(unpictured\)", re.IGNORECASE)
RIGHT = re.compile(r"\(R\)", re.IGNORECASE)


# a run of three or more all-caps words ("ALTERNATIVE CROP OF …") marks a caption or a credit
CAPS_RUN = re.compile(r"\b[A-Z]{2,}(?:[ \t]+[A-Z]{2,}){2,}\b")  # spaces only: "UN, BRICS, SCO and G20" is a list
# a credit or dateline before the news: "(REUTERS) ", "(AP) — ", "MEXICO CITY (AP) — ", "BARCELONA, Spain — ",
# "[USA]: ", "Beijing: "
LEAD_CREDIT = re.compile(r"^\s*(?:(?:[A-Z][\w.’'-]*\s*){0,3}(?:,\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)?\s*"
                         r"\((?:[A-Z][\w.]*\s?){1,3}\)\s*[—–-]*\s*|[A-Z]{3,}(?:\s+[A-Z]{3,})?,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?\s*[—–-]+\s*|"
                         r"\[[^\]]{1,30}\]\s*:\s*|City:\s+)")


@lru_cache(maxsize=8192)
def is_caption(text: str) -> bool:
    """A photo caption ("Park supporters are cordoned off by police.", "Zarif (C) laughs …",
    "ALTERNATIVE CROP OF …") describes a picture, not news."""
    caps = CAPS_RUN.search(strip_credit(text))
    m = CAPTION.match(text.strip())
    shows = m is not None and not NOUN_BEFORE.search(m.group("before")) \
        and not PROSE.search(re.split(r"[.!?]\s", text.strip(), maxsplit=1)[0])  # its own first sentence
    placed = POSITION.search(text) or len(RIGHT.findall(text)) >= 2
    return bool(shows or placed or (caps and len(caps.group(0)) >= 12))


def strip_credit(text: str) -> str:
    """The sentence without a leading wire credit or dateline ("(REUTERS) Mexican President …" → "Mexican
    President …"): the credit is the page's, not the fact's."""
    stripped = LEAD_CREDIT.sub("", text, count=1)
    return stripped if len(stripped.split()) >= 3 else text
SPEECH_END = r"(?:said|says|told(?:\s+\w+){0,3}|added|stated|explained|according to|declared|noted|wrote)"
# "Minister X, who visited the site on Wednesday, said" — a speaker and an aside, then the verb, nothing said
FRAGMENT = re.compile(r"[,:;]\s*[“\"]?\s*$|\b" + SPEECH_END + r"\s*[,:]\s*[“\"]?\s*$|"
                      r"^[^,]*,\s*(?:who|which|whose|where)\b[^,]*,\s*" + SPEECH_END + r"\s*$|"
                      r"^\s*(?:[A-Z][\w.’'-]*\s+){1,6}" + SPEECH_END + r"\s*$", re.IGNORECASE)
EARLIER = re.compile(r"\b(?:earlier|previous|prior|last|first)\s+(?:quake|earthquake|tremor|vote|referendum|election|"
                     r"offer|protests?|rally|disaster|attack|escape|announcement|ruling|deal|talks|capture)\b|\bago\b|"
                     r"\b(?:once|twice) before\b|\b(?:quake|earthquake|escape|announcement|ruling|vote|attack)s?\s+"
                     r"(?:of\s+)?last (?:year|month|summer|spring|autumn|fall|winter)\b",
                     re.IGNORECASE)


@lru_cache(maxsize=8192)  # pure tests of a text, asked of one sentence many times in a comparison
def is_chrome(text: str) -> bool:
    """Page chrome or a credit line: a map link, a photo credit, 'Reporting by', a byline."""
    return bool(CHROME.search(text))


@lru_cache(maxsize=8192)
def is_fragment(text: str) -> bool:
    """A bare attribution ("Minister X, who visited the site on Wednesday, said") is no fact alone, nor
    is reported speech cut from its speaker ("said he would veto any measure")."""
    stripped = text.strip()
    if re.match(r"(?:said|says|added|told)\b", stripped):
        return True
    return bool(FRAGMENT.search(stripped.rstrip(".").strip()))


WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d[\d.,]*")


def content_stems(text: str) -> list[str]:
    """The content words of a text in order, each cut to a five-letter stem ("unanimous" and "unanimously"
    meet)."""
    return list(_stems(text))


@lru_cache(maxsize=8192)
def _stems(text: str) -> tuple[str, ...]:
    return tuple(w.lower()[:5] for w in WORD.findall(text) if w.lower() not in STOP_WORDS and len(w) >= 2)


QUOTE_OVERLAP_MIN = 0.3  # share of the shorter quote's content words two quotes of one utterance hold in common


QUOTED = re.compile(r"[“\"]([^”\"]{2,80})[”\"]")


def shared_quoted_words(a: Claim, b: Claim) -> set[str]:
    """Words both claims put inside quote marks (“warm”): a borrowed word ties two renderings together."""
    def words(c: Claim) -> set[str]:
        return {w.lower() for q in QUOTED.findall(c.text) for w in re.findall(r"[A-Za-z]{4,}", q)}
    return words(a) & words(b)


# a time given as background ("before his capture last year", "since 2014") dates another thing than the
# claim's own event
BACKGROUND = re.compile(r"\b(?:before|after|since|until|following)\b(?:\s+[\w’'-]+){0,4}\s*$", re.IGNORECASE)


# a relative clause set off by commas inside the claim ("Hands, whose firm bought EMI last year, will announce
# …"): a date inside it describes a participant, not when the claim's event happens
RELATIVE_ASIDE = re.compile(r",\s+(?:who|whose|which)\b[^,;:()\u2014\u2013]*$", re.IGNORECASE)
ASIDE_CLOSED = re.compile(r"[^,;:.!?()\u2014\u2013]{0,60},\s+\S")


COUNT_BEFORE = re.compile(r"\b(?:more than|fewer than|less than|over|under|at least|about|around|nearly|almost|some|"
                          r"up to|roughly|approximately)\s*$", re.IGNORECASE)
COUNT_AFTER = re.compile(r"^\s+(?!(?:and|or|to|in|on|at|by|for|with|from|when|after|before|was|were|is|are|has|had|"
                         r"have|as|of|the|but|while|since|until)\b)[a-z][a-z-]*s\b")


YEAR_BEFORE = re.compile(r"\b(?:in|of|the|since|by|until|during|from|its|their|his|her|a)\s*$", re.IGNORECASE)


def _counted_not_year(text: str, start: int, end: int) -> bool:
    """A four-digit figure after a count qualifier ("more than 2000") or before a plural noun ("2000
    officers") counts something; it is no year."""
    before = text[max(0, start - 25):start]
    if COUNT_BEFORE.search(before):
        return True
    # "in 2009 elections", "the 2012 games": a year before a noun
    return not YEAR_BEFORE.search(before) and bool(COUNT_AFTER.match(text[end:end + 30]))


def claim_event(claim: Claim, year: str | None, text: str | None = None) -> str:
    """``this``, a year other than the article's that the claim names, or ``earlier``. With the article's
    ``text``, a date inside a background phrase ("before his capture last year") does not count."""
    for v in claim.values:
        y = str(v.value)[:4]
        if v.kind == "date" and re.fullmatch(r"(19|20)\d\d", y) and year and y != year \
                and (y in v.text or not re.search(r"\d", v.text)):  # "Guzman, 56," is no year 2056
            if text is not None and BACKGROUND.search(text[max(claim.start, v.start - 60):v.start]):
                continue
            if text is not None and RELATIVE_ASIDE.search(text[max(claim.start, v.start - 80):v.start]) \
                    and ASIDE_CLOSED.match(text[v.end:v.end + 80]):
                continue  # "Hands, whose firm bought EMI last year, announces …": the date describes Hands
            if text is not None and _counted_not_year(text, v.start, v.end):
                continue  # "more than 2000 officers" counts officers; it names no year
            return y
    for m in EARLIER.finditer(claim.text):
        if not BACKGROUND.search(claim.text[max(0, m.start() - 60):m.start()]):
            return "earlier"
    return "this"


NEGATION_SKIP = {"be", "been", "being", "have", "has", "had", "yet", "ever", "even", "to", "a", "an", "the", "all",
                 "only", "just", "fully", "directly", "so", "very", "get", "got"}


def negated_terms(claim: Claim, shared: set[str]) -> set[str]:
    """The shared content word a negation governs in this claim ("did not escape" → escape; "has not
    been found" → found): the first word after the negation cue, past auxiliaries and determiners and
    before any punctuation, when it is one of the ``shared`` words."""
    out = set()
    for m in NEGATION.finditer(claim.text):
        clause = re.split(r"[,;:—–.]", claim.text[m.end():m.end() + 60])[0]  # "not three, but seven"
        words = [w.lower() for w in re.findall(r"[\w’'-]+", clause)]
        head = next((w for w in words if w not in NEGATION_SKIP), None)
        if head:
            out |= {t for t in shared if head.startswith(t[:max(4, len(t) - 2)])}
    return out


def _canonical(q: Quantity) -> float:
    """The figure in the unit of its range: the quantities stage converts the range ("nearly a mile" →
    1.448–1.609 km) but keeps the stated number (1); a number outside its own range is taken at the end of the
    range its qualifier anchors on."""
    v = float(q.value)
    if q.low is None or q.high is None or q.low <= v <= q.high:
        return v
    if q.qualifier in ("nearly", "up_to", "less_than", "at_most"):
        return q.high
    if q.qualifier in ("more_than", "at_least"):
        return q.low
    return (q.low + q.high) / 2


# a figure told at a scale ("80 million", "1.5 billion"): the digits before the scale word
SCALED = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion)\b", re.IGNORECASE)
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def rounding_step(q: Quantity) -> float | None:
    """The precision a figure told at a scale states: the unit of its last significant digit ("80 million": 10
    million; "77 million": 1 million; "1.5 billion": 100 million); None for a figure not told at a scale (a count
    of "20" dead is a count, not a rounding)."""
    m = SCALED.search(q.text)
    if m is None:
        return None
    digits, scale = m.group(1), SCALE[m.group(2).lower()]
    if "." in digits:
        return scale * 10.0 ** -len(digits.split(".")[1])
    return scale * 10.0 ** (len(digits) - len(digits.rstrip("0")))


def rounds_to(a: Quantity, b: Quantity) -> bool:
    """One of two exact figures told at a scale is the other rounded to its precision ("a country of 80 million" /
    "77 million": 77 million rounds to 80 million at 10 million): both may state one fact."""
    if a.qualifier not in (None, "exact", "about") or b.qualifier not in (None, "exact", "about"):
        return False
    steps = [(rounding_step(q), q) for q in (a, b)]
    if any(step is None for step, _ in steps):
        return False
    (sa, qa), (sb, qb) = sorted(steps, key=lambda t: -(t[0] or 0.0))  # the rounder first
    if sa is None or sb is None or sa <= sb:
        return False
    return round(float(qb.value) / sa) * sa == round(float(qa.value) / sa) * sa


def same_figure(a: Quantity, b: Quantity, tolerance: float, rounding: bool = False) -> bool:
    """Two figures of one measure state the same fact: equal splits, or values within ``tolerance`` of each
    other whose ranges overlap (39 and 40 light-years; not 38 and "hundreds" injured); with ``rounding``, also one
    figure told at a scale that the other rounds to (``rounds_to``)."""
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value
    x, y = abs(_canonical(a)) or 1e-9, abs(_canonical(b)) or 1e-9
    if max(x, y) / min(x, y) > 1 + tolerance:
        return False
    return compatible(a, b, max_ratio=1 + tolerance) or (rounding and rounds_to(a, b))


# words that say which way a figure moved: "prices rose 1.3 percent" / "to show a 1.3 percent fall"
UP_WORDS = re.compile(r"\b(?:ris(?:e|es|en|ing)|rose|up|increas(?:e|es|ed|ing)|gain(?:s|ed)?|grew|grow(?:s|n|th)?|"
                      r"higher|jump(?:s|ed)?|climb(?:s|ed)?|rebound(?:s|ed)?|recover(?:s|ed|y)?|surg(?:e|es|ed))\b",
                      re.IGNORECASE)
DOWN_WORDS = re.compile(r"\b(?:fall(?:s|en|ing)?|fell|drop(?:s|ped)?|declin(?:e|es|ed|ing)|down|decreas(?:e|es|ed|ing)|"
                        r"lower|slump(?:s|ed)?|slid(?:e|es)?|shr(?:ank|ink|inks|unk))\b", re.IGNORECASE)
CLAUSE_STOP = re.compile(r"[,;:.!?()\u2014\u2013]|\s-\s")


def change_direction(text: str, q: Quantity) -> str | None:
    """Which way a percentage moved as its sentence tells it ("up", "down"), or None: the nearest change word in the
    two words after the figure ("a 1.3 percent fall"), else in the six words before it in its clause ("went up by
    1.3%", "prices rose 1.3 percent")."""
    if "percent" not in q.measure and (q.unit or "") not in ("%", "percent"):
        return None
    after = CLAUSE_STOP.split(text[q.end:q.end + 40], maxsplit=1)[0].split()[:2]
    before = CLAUSE_STOP.split(text[max(0, q.start - 60):q.start])[-1].split()[-6:]
    for words in (after, before[::-1]):
        for w in words:
            if UP_WORDS.fullmatch(w.strip("\"'’”")):
                return "up"
            if DOWN_WORDS.fullmatch(w.strip("\"'’”")):
                return "down"
    return None


def opposite_change(a: Quantity, text_a: str, b: Quantity, text_b: str, tolerance: float) -> str | None:
    """Why two percentages of one value are not one fact: one rose, the other fell ("went up by 1.3% during
    December" / "revised down … to show a 1.3 percent fall" of November); None otherwise."""
    if isinstance(a.value, str) or isinstance(b.value, str):
        return None
    x, y = abs(float(a.value)), abs(float(b.value))
    if not x or max(x, y) / max(min(x, y), 1e-9) > 1 + tolerance:
        return None
    da, db = change_direction(text_a, a), change_direction(text_b, b)
    if da and db and da != db:
        return f"{a.text.strip()} {'rose' if da == 'up' else 'fell'} / {b.text.strip()} " \
               f"{'rose' if db == 'up' else 'fell'}: the figure moves the other way"
    return None


class Verifier:
    """Structured checks over the claims and measured facts of the articles being compared."""

    def __init__(self, analyzed: Sequence[AnalyzedArticle], settings: Settings = DEFAULT) -> None:
        self.settings = settings
        self.quantities: dict[tuple[str, int], list[Quantity]] = {}
        self.years: dict[str, str | None] = {}
        self.texts = {a.id: a.article.text for a in analyzed}
        # the span of what a sentence of reported speech reports (its ``content`` claim): the sentence's
        # ``attribution`` unit states the rest of the sentence, not this
        self.reported: dict[tuple[str, int], tuple[int, int]] = {}
        for a in analyzed:
            self.years[a.id] = a.article.published[:4] if a.article.published else None
            for q in a.quantities:
                self.quantities.setdefault((a.id, q.sentence), []).append(q)
            for c in a.claims:
                if c.part == "content":
                    self.reported[(a.id, c.sentence)] = (c.start, c.end)

    def quantities_of(self, claim: Claim) -> list[Quantity]:
        """The measured figures the claim states: those inside its span; for an attribution unit (its span is
        the whole sentence), those of its sentence outside the reported content ("at least 22 children died,
        officials said, while another 30 are missing": the attribution states the 30, not the 22)."""
        return self._quantities(claim)

    def _quantities(self, claim: Claim) -> list[Quantity]:
        qs = [q for q in self.quantities.get((claim.article, claim.sentence), [])
              if claim.start <= q.start < claim.end]
        if claim.part != "attribution":
            return qs
        lo, hi = self.reported.get((claim.article, claim.sentence), (0, 0))
        return [q for q in qs if not lo <= q.start < hi]

    def conflict_resolved(self, a: Claim, b: Claim) -> str | None:
        """Why the aligner's number conflict between two units (``similarity.value_conflicts``: two raw numbers of
        similar units differ) is none, or None when it stands: every such pair of numbers is measured, as one
        measure of one event, by the quantities stage and is the same figure (``same_figure``, with
        ``figure_rounding``: "98 people dead" / "killed nearly 100 people"; "a country of 77 million" / "80
        million people")."""
        found = value_conflicts(a, b, self.settings)
        if not found:
            return None
        qa, qb = self._quantities(a), self._quantities(b)
        tolerance = self.settings.corroborate_number_tolerance
        said = []
        for c in found:
            xs = [q for q in qa if q.start < c.a.end and c.a.start < q.end]
            ys = [q for q in qb if q.start < c.b.end and c.b.start < q.end]
            pair = next(((x, y) for x in xs for y in ys if x.key() == y.key()
                         and same_figure(x, y, tolerance, self.settings.figure_rounding)), None)
            if pair is None:
                return None
            said.append(f"{pair[0].text.strip()} / {pair[1].text.strip()}: the same {pair[0].measure}")
        return "; ".join(said)

    def refuse(self, a: Claim, b: Claim) -> str | None:
        """Why ``b`` cannot corroborate ``a`` (None when nothing speaks against it)."""
        if a.quote and b.quote:
            # a quote is aligned only with a quote of the same speaker
            if (a.asserted_by or a.asserted_by_name) != (b.asserted_by or b.asserted_by_name):
                return f"quotes of different speakers ({a.asserted_by_name} vs {b.asserted_by_name})"
            # and only with words of the same utterance: one speaker says many things
            sa, sb = set(content_stems(a.text)), set(content_stems(b.text))
            common = len(sa & sb)
            if common < 2 or common < QUOTE_OVERLAP_MIN * min(len(sa), len(sb)):
                return (f"quotes of one speaker with {common} content word(s) in common: not the same utterance "
                        f"(at least 2 and {QUOTE_OVERLAP_MIN:.0%} of the shorter's needed)")
        elif not (a.quote or b.quote) and a.asserted_by and b.asserted_by and a.asserted_by != b.asserted_by:
            return f"reported from different speakers ({a.asserted_by_name} vs {b.asserted_by_name})"
        ea = claim_event(a, self.years.get(a.article), self.texts.get(a.article))
        eb = claim_event(b, self.years.get(b.article), self.texts.get(b.article))
        if ea != eb:
            return f"different events ({ea} vs {eb})"
        tolerance = self.settings.corroborate_number_tolerance
        qa, qb = self._quantities(a), self._quantities(b)
        for xs, ys in ((qa, qb), (qb, qa)):
            for x in xs:
                same_measure = [y for y in ys if y.key() == x.key()]
                if same_measure and not any(same_figure(x, y, tolerance, self.settings.figure_rounding)
                                            for y in same_measure):
                    return f"{x.text} vs {same_measure[0].text}: not the same figure for {x.measure}"
        if self.settings.change_direction:
            for x in qa:
                for y in qb:
                    why = opposite_change(x, self.texts.get(a.article, ""), y, self.texts.get(b.article, ""), tolerance)
                    if why:
                        return why
        money_a = [v for v in a.values if v.kind in ("money", "percent") and not isinstance(v.value, str)]
        money_b = [v for v in b.values if v.kind in ("money", "percent") and not isinstance(v.value, str)]
        if money_a and money_b and not any(abs(float(x.value) - float(y.value)) <= 0.05 * max(abs(float(x.value)), 1.0)
                                           for x in money_a for y in money_b if x.kind == y.kind):
            return (f"different sums ({', '.join(v.text for v in money_a)} vs "
                    f"{', '.join(v.text for v in money_b)})")
        shared = set(a.terms) & set(b.terms)
        na, nb = negated_terms(a, shared), negated_terms(b, shared)
        if na != nb:
            return f"one negates what the other asserts ({', '.join(sorted(na ^ nb))})"
        return None
