"""What a number conflict's figures measure, read on the parse of each figure's sentence.

A conflict's measure names the kind of figure ("length", "children killed") but not the thing measured: "Reports
differ on length" leaves the reader to guess that it is a tunnel's length, and deaths at one school read as the
quake's toll (review22c). Each value's sentence is parsed and the figure's subject read from it:

- for a size, sum or weight, the noun the figure modifies or measures: "a 1.5-km tunnel", "a tunnel 1.5 km long",
  "the tunnel was 1.5 km long" (the subject of the copula), "the length of the tunnel", "4 tons of earth";
- for a count of people or things, the place scope of the clause: "died at the school", "found … among the ruin
  of the school" (a common noun, or a name with one: "Colegio Enrique Rebsamen, an elementary school").

A pronoun ("its length") names nothing. The line names a subject only when every value that names one names the
same head noun and at least half of the values name it; values that name another thing carry it with their figure,
and when no subject is shared the line says that the reports do not say what the figure is of.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .. import nlp
from ..stages.quantities import is_count

# nouns that name the measure, not the measured thing: "its length is …", "construction costs of $50M"
MEASURE_NOUNS = frozenset({"length", "width", "height", "depth", "distance", "weight", "cost", "price", "size",
                           "value", "total", "amount", "sum", "figure", "number", "toll", "count", "tally",
                           "population", "area", "volume", "mass", "duration", "span", "lifespan", "worth",
                           "magnitude", "rate", "percent", "percentage", "share", "estimate"})
# adjectives that measure what they modify or predicate: "1.5 km long", "30ft deep"
MEASURING = frozenset({"long", "deep", "high", "wide", "tall", "thick", "heavy", "old", "big", "large"})
PEOPLE = frozenset({"people", "person", "resident", "inhabitant", "citizen", "soul"})
ACTIVITY = ("tion", "ment", "ing", "ance", "ence")  # nouns of doing, not things: "construction costs"
MEASURING_VERBS = frozenset({"cost", "weigh", "measure", "stretch", "span", "total"})
SCOPE_PREPS = frozenset({"at", "in", "inside", "among", "within"})
# modifiers that lead from a figure to the word it belongs to
UPWARD = frozenset({"nummod", "quantmod", "compound", "amod", "npadvmod", "nmod", "advmod", "det", "punct",
                    "hmod", "nn", "appos"})


@dataclass(frozen=True)
class Subject:
    key: str  # the head noun's lemma: what two values must share
    phrase: str  # as the line prints it ("the tunnel", "the Enrique Rebsamen school")
    prep: str = "of"  # "of" for a measured thing, "at"/"in" for a count's scope


def _span_tokens(doc: Any, start: int, end: int) -> list[Any]:
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]


def _phrase(noun: Any, skip: frozenset[int] = frozenset()) -> str:
    """The noun with its compounds and names ("the Enrique Rebsamen school"; not the figure's own "mile" in "the
    1-mile bore"), "the" for a common noun said with a determiner, bare for one said without ("earth")."""
    mods: list[Any] = []
    todo = [noun]
    while todo:
        for t in todo.pop().children:
            if t.dep_ in ("compound", "nmod") and t.i < noun.i and t.i not in skip and t.pos_ in ("NOUN", "PROPN"):
                mods.append(t)
                todo.append(t)
    words = [t.text for t in sorted(mods + [noun], key=lambda t: t.i)]
    if noun.pos_ == "PROPN":
        return " ".join(words)
    det = any(t.dep_ in ("det", "poss") for t in noun.children)
    return ("the " if det else "") + " ".join(words)


def _thing(noun: Any, skip: frozenset[int] = frozenset()) -> Subject | None:
    """The noun as a subject: a measure word gives way to what it is of ("the length of the tunnel"), the counted
    people to what they are of ("a country of 77 million people"); a pronoun or a measure word of nothing ("its
    length", "construction costs") names nothing."""
    seen = 0
    while noun is not None and seen < 4:
        seen += 1
        if noun.pos_ == "PRON":
            return None
        if noun.lemma_.lower() in PEOPLE and noun.dep_ == "pobj" and noun.head.lower_ == "of":
            noun = noun.head.head
            continue
        if noun.lemma_.lower() in MEASURE_NOUNS:
            of = [g for k in noun.children if k.dep_ == "prep" and k.lower_ == "of" for g in k.children
                  if g.dep_ == "pobj"]
            # "the tunnel cost" read as one noun: the thing, not an activity ("construction costs")
            thing = [k for k in noun.children if k.dep_ == "compound" and k.pos_ == "NOUN" and k.i not in skip
                     and not k.lower_.endswith(ACTIVITY)]
            noun = of[0] if of else thing[0] if thing else None
            continue
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        return Subject(noun.lemma_.lower(), _phrase(noun, skip))
    return None


def _measured(fig: list[Any]) -> Subject | None:
    """The thing a size, sum or weight is of, walking up from the figure: "a 1-mile bore" → bore, "a tunnel
    1.5 km long" → tunnel, "the tunnel was 1.5 km long" → tunnel, "4 tons of earth" → earth."""
    inside = {t.i for t in fig}
    skip = frozenset(inside)
    tok = next((t for t in fig if t.head.i not in inside or t.head is t), fig[-1])
    # "4 tons of earth": the unit's own "of" names the stuff
    for t in fig:
        for k in t.children:
            if k.dep_ == "prep" and k.lower_ == "of" and k.i not in inside:
                pobj = [g for g in k.children if g.dep_ == "pobj"]
                if pobj:
                    return _thing(pobj[0], skip)
    for _ in range(6):
        head = tok.head
        if head is tok:
            return None
        if tok.dep_ == "pobj" and head.dep_ == "prep":  # "greater than a mile", "costs of around $50M"
            tok = head.head
            if tok.pos_ in ("NOUN", "PROPN"):
                return _thing(tok, skip)
            continue
        if tok.dep_ in ("dobj", "npadvmod", "attr") and head.lemma_ in MEASURING_VERBS:
            subj = [k for k in head.children if k.dep_ in ("nsubj", "nsubjpass")]  # "the tunnel cost $1 million"
            return _thing(subj[0], skip) if subj else None
        if tok.dep_ in ("acomp", "attr") or (tok.pos_ == "ADJ" and tok.dep_ not in ("amod",)
                                              and tok.lower_ in MEASURING and tok.dep_ != "amod"):
            subj = [k for k in head.children if k.dep_ in ("nsubj", "nsubjpass")]
            return _thing(subj[0], skip) if subj else None
        if tok.dep_ in UPWARD or tok.pos_ == "NUM" or tok.lower_ in MEASURING:
            if tok.lower_ in MEASURING and tok.dep_ not in ("amod", "acomp"):
                # "a tunnel more than 1.5 km (1 mile) long", "long" parsed as an adverb: the noun before the figure
                before = tok.doc[fig[0].i - 1] if fig[0].i > 0 else None
                return _thing(before, skip) if before is not None and before.pos_ == "NOUN" else None
            tok = head
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in inside:
                return _thing(tok, skip)
            continue
        if tok.dep_ in ("dobj", "nsubj", "nsubjpass"):
            return None  # "walked nearly a mile": a distance covered, no thing named
        return None
    return None


def _holders(fig: list[Any]) -> list[Any]:
    """The words a count's place may hang on: the figure, the counted noun, what it is a part or a conjunct of
    ("children and four adults", "25 people, including 21 children", "the death of 25 people"), its predicate."""
    inside = {t.i for t in fig}
    tok = next((t for t in fig if t.head.i not in inside or t.head is t), fig[-1])
    holders = [tok]
    if tok.pos_ == "NUM" and tok.head.pos_ in ("NOUN", "PROPN"):
        holders.append(tok.head)  # "19 children": the counted noun
    for _ in range(4):
        last = holders[-1]
        if last.dep_ == "conj":
            holders.append(last.head)
        elif last.dep_ == "pobj" and last.head.lower_ in ("including", "among") and last.head.head is not last.head:
            holders.append(last.head.head)
        elif last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.head.pos_ == "NOUN":
            holders.append(last.head.head)
    if holders[-1].dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        holders.append(holders[-1].head)
    return holders


def _place(prep: Any, g: Any) -> Subject | None:
    """The place a scope preposition's object names: a common noun ("at the school"; "among the ruin of the
    school": the ruin's "of"), or a name with one ("at Colegio Enrique Rebsamen, an elementary school")."""
    place = g
    if place.pos_ == "NOUN" and place.lemma_.lower() in {"ruin", "ruins", "rubble", "wreckage", "site"}:
        of = [p for q in place.children if q.dep_ == "prep" and q.lower_ == "of" for p in q.children
              if p.dep_ == "pobj"]
        place = of[0] if of else place
    if place.pos_ == "PROPN":  # a town's or state's name is the conflict's own place
        common = [a for a in place.children if a.dep_ == "appos" and a.pos_ == "NOUN"]
        return Subject(common[0].lemma_.lower(), _phrase(place), "at") if common else None
    if place.pos_ == "NOUN" and place.lemma_.lower() not in MEASURE_NOUNS:
        return Subject(place.lemma_.lower(), _phrase(place), "at" if prep.lower_ in ("at", "among") else prep.lower_)
    return None


def _scope(fig: list[Any]) -> Subject | None:
    """The place a count is counted at: "21 children died at the school", "found 22 dead children among the ruin
    of the Enrique Rebsamen school"."""
    for h in _holders(fig):
        for k in h.children:
            if k.dep_ != "prep" or k.lower_ not in SCOPE_PREPS:
                continue
            for g in k.children:
                found = _place(k, g) if g.dep_ == "pobj" else None
                if found is not None:
                    return found
    return None


def value_subjects(measure: str, values: Sequence[Mapping[str, Any]],
                   offsets: Sequence[int | None]) -> list[Subject | None]:
    """Each value's subject (None: its sentence names none); ``offsets`` are where each figure starts in its
    value's sentence text (None: found by searching the text for the figure)."""
    texts = [str(v.get("text") or "") for v in values]
    docs = nlp.parse_cached(texts, batch_size=16, disable=("ner",)) if any(texts) else []
    count = is_count(measure.split(" (")[0])
    out: list[Subject | None] = []
    for v, text, at, doc in zip(values, texts, offsets, docs, strict=False):
        figure = str(v.get("value") or "").strip()
        start = at if at is not None and text[at:at + len(figure)].lower() == figure.lower() \
            else text.lower().find(figure.lower())
        if not figure or start < 0:
            out.append(None)
            continue
        fig = _span_tokens(doc, start, start + len(figure))
        if not fig:
            out.append(None)
            continue
        out.append(_scope(fig) if count else _measured(fig))
    return out


def shared_subject(measure: str, subjects: Sequence[Subject | None]) -> tuple[Subject | None, str]:
    """(the subject the line names, how): ``named`` — the head noun most values name, at least two and at least
    half of them, with no other noun named as often (values naming another thing carry theirs with their figure);
    ``measure`` — the measure's own name says it ("duration of dispute"); ``unshared`` — values name things but
    not one thing; ``none`` — no value's sentence names what the figure is of."""
    words = {w.rstrip("s") for w in measure.lower().replace("(", " ").replace(":", " ").split()}
    named = [s for s in subjects if s is not None and s.key.rstrip("s") not in words]
    if len(named) < len([s for s in subjects if s is not None]):
        return None, "measure"
    if not named:
        return None, "none"
    counts = Counter(s.key for s in named).most_common(2)
    key, n = counts[0]
    if 2 * n < len(subjects) or n < 2 or (len(counts) > 1 and counts[1][1] == n):
        return None, "unshared"
    best = max((s for s in named if s.key == key), key=lambda s: (len(s.phrase.split()), s.phrase.startswith("the ")))
    return best, "named"
