"""Typed records that flow through the pipeline.

Each record is a frozen dataclass with ``to_dict()`` and ``from_dict()``; the
JSON contract in OUTPUT.md is these dictionaries. Offsets (``start``, ``end``)
index the article's cleaned ``text``, end exclusive.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Mapping, Self, TypeVar, get_args, get_origin, get_type_hints

ARTICLE_SCHEMA = "newsprism.article/1"
COMPARISON_SCHEMA = "newsprism.comparison/2"

T = TypeVar("T", bound="Record")


class Record:
    """Mixin: dict round-trip for frozen dataclasses (tuples of records included)."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            out[f.name] = _plain(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
        hints = get_type_hints(cls)
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name not in data:
                continue
            kwargs[f.name] = _revive(hints[f.name], data[f.name])
        return cls(**kwargs)


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _revive(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    args = [a for a in get_args(hint) if a is not type(None)]
    if origin is tuple and args:
        inner = args[0]
        return tuple(_revive(inner, v) for v in value)
    if origin is None and isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict(value)
    if len(args) == 1 and origin is not dict and origin is not Mapping:
        return _revive(args[0], value)
    return value


def normalise_for_id(text: str) -> str:
    """The text an article id is computed from: NFKC, quotes folded, whitespace collapsed, lowercased."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_QUOTE_FOLD)
    return re.sub(r"\s+", " ", text).strip().lower()


_QUOTE_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def content_id(text: str) -> str:
    """Stable id: same normalised text, same id."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class RawDocument(Record):
    """Bytes and where they came from, before any cleaning."""

    source: str
    data: bytes
    kind: str = "auto"  # auto | text | html
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    content_type: str | None = None

    def to_dict(self) -> dict[str, Any]:  # bytes are not JSON
        out = super().to_dict()
        out["data"] = f"<{len(self.data)} bytes>"
        return out


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True)
class Removed(Record):
    text: str
    reason: str
    score: float | None = None
    features: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paragraph(Record):
    start: int
    end: int
    kind: str = "body"  # body | heading


@dataclass(frozen=True)
class Article(Record):
    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str = "en"
    status: str = "ok"
    reason: str | None = None
    url: str | None = None
    removed: tuple[Removed, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    credits: tuple[str, ...] = ()          # wire, reporting and copyright credits the text states
    metadata_rules: tuple[str, ...] = ()   # "field=rule": what read each metadata value ("given" = the user)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def file_name(self) -> str | None:
        """The name of the file an article was read from, when nothing else names it (no outlet, no web
        address); else None."""
        if self.outlet or any(where and URL_SCHEME.match(where) for where in (self.url, self.source)):
            return None
        name = short_source(self.source) if self.source else ""
        return name if name and not name.startswith("<") and name not in ("-", "stdin") else None

    @property
    def heading(self) -> str:
        """What a report lists an article by: its headline, else the words it begins with (never its file's path:
        a local path says nothing about the article and must not leak into what a user publishes)."""
        if self.title and self.title.strip():
            return " ".join(self.title.split())
        words = " ".join((self.text or "").split())
        if not words:
            return "no headline, no text"
        cut = words if len(words) <= 60 else words[:60].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"  # at a word's end
        return f"no headline; begins “{cut}”"

    @property
    def short_title(self) -> str | None:
        """The headline cut to 40 characters at a word's end (an ellipsis marks the cut; "close to resumi…" named
        no word), or None when there is none."""
        title = " ".join((self.title or "").split())
        if len(title) <= 40:
            return title or None
        cut = title[:40].rsplit(" ", 1)[0] if " " in title[:40] else title[:39]
        return cut.rstrip(" ,;:–—-") + "…"

    @property
    def label(self) -> str:
        """A short human label: the outlet (given, or read from the text by the cleaner); else the web host of its
        URL ("example.org"); else its file's name, set off as a file, with the headline the file holds ("wire-story.txt
        (file: “Dam opens”)", "wire-story.txt (file)" without one: a file name is no outlet's name, and reports, JSON
        and the synthesis must not present it as one); else its title; else its
        source. A truncated headline names no publisher."""
        if self.outlet:
            return self.outlet
        for where in (self.url, self.source):
            if where and URL_SCHEME.match(where):
                return short_source(where)
        if self.file_name:  # with the headline the file holds: a reader can tell the articles apart by it
            return f"{self.file_name} (file: “{self.short_title}”)" if self.short_title else f"{self.file_name} (file)"
        if self.short_title:
            return self.short_title
        return short_source(self.source)



URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]", re.IGNORECASE)


def short_source(source: str) -> str:
    """A source as a reader names it: a URL's host (without "www."), a file's name without its folders
    (a local path says nothing about the outlet and should not leak into reports), anything else as given."""
    m = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#]+)", source, re.IGNORECASE)
    if m:
        host = m.group(1).rsplit("@", 1)[-1].split(":", 1)[0].lower()
        return host[4:] if host.startswith("www.") else host
    name = re.split(r"[\\/]", source.rstrip("/\\"))[-1]
    return name or source


# --------------------------------------------------------------------------- analysis


@dataclass(frozen=True)
class Sentence(Record):
    i: int
    start: int
    end: int
    text: str
    problem: str | None = None
    """Why the sentence, lifted out of its article, is no statement a reader could check (on the article's
    parse: no finite main verb with its subject, a bare attribution, a subject that refers back to an earlier
    sentence: "they", "both", "the two", "this"); None when it is one. Set by the sentences stage."""


@dataclass(frozen=True)
class Mention(Record):
    start: int
    end: int
    text: str
    rule: str = "ner"


@dataclass(frozen=True)
class Entity(Record):
    id: str
    name: str
    type: str  # PERSON | ORG | GPE | LOC | NORP | EVENT ...
    mentions: tuple[Mention, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote(Record):
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_id: str | None
    cue: str | None
    kind: str  # direct | partial | reported | finding (data "showed") | decision (a court "confirmed" X) | scare
    via: str | None = None
    rule: str = ""
    sentence: int | None = None
    speaker_phrase: str | None = None  # how the article refers to the speaker when resolved from a nominal


@dataclass(frozen=True)
class FramingCue(Record):
    start: int
    end: int
    text: str
    cue: str
    reason: str
    target: str | None = None
    grade: str | None = None
    speaker: str | None = None
    score: float | None = None  # the model's probability or the log-odds z-score that decided, when one did
    # for an evaluative phrase or epithet built on a loaded word: that word's span [start, end) inside the phrase
    # (the phrase is the one cue of that framing act; the word is not emitted again as ``loaded``)
    word: tuple[int, int] | None = None

    @property
    def loaded_word(self) -> str | None:
        """The loaded word this cue stands for: a ``loaded`` cue's text, or the word a phrase is built on; None for
        other cues."""
        if self.word is not None:
            return self.text[self.word[0] - self.start:self.word[1] - self.start]
        return self.text if self.cue == "loaded" else None


@dataclass(frozen=True)
class NamingPhrase(Record):
    """A noun phrase that names an event or situation through a named thing ("the Ukrainian conflict"), or
    that describes a named actor ("Tehran's archfoe Israel", "Netanyahu, a consistent opponent of a deal")."""

    start: int
    end: int
    text: str
    head: str  # lemma of the head noun
    anchors: tuple[str, ...] = ()  # entity ids, or "name:<slug>" for proper nouns the model did not tag
    # "event": a phrase naming an event or situation; "actor": how the article describes a named actor (an
    # apposition, a noun or adjective before the name, a role phrase that refers to it), anchored on its id;
    # "group": the words put on a group of people named with a common noun ("defiant voters"); "record": a
    # superlative set in history ("the biggest quake in a century"); "personal": an institution named as a
    # person's ("Zuckerberg's Facebook")
    kind: str = "event"
    word: str | None = None  # the phrase's most charged word other than the name (a modifier or descriptor noun)
    score: float | None = None  # the word-level bias tagger's probability for ``word``


@dataclass(frozen=True)
class Issue(Record):
    kind: str
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Value(Record):
    """A normalised number or date found in a claim."""

    kind: str  # number | money | percent | date | count
    value: float | str
    text: str
    start: int
    end: int
    unit: str | None = None
    qualifier: str | None = None  # more_than | less_than | about | at_least | up_to
    predicate: str | None = None  # lemma of the verb the counted noun depends on ("force" in "1,800 people were forced")


@dataclass(frozen=True)
class Quantity(Record):
    """A measured fact: a number with what it counts, the event it belongs to, when it holds and who gives it.

    ``low``/``high`` is the range the wording allows ("nearly 400" → 360–400, "40" → 38–42); ``measure`` is
    the canonical thing measured ("people killed", "magnitude", "depth", "vote"), ``place`` narrows it
    ("deaths in Morelos"); ``event`` is ``this`` or what marks another event ("2012", "earlier");
    ``as_of`` the date the figure holds at; ``source`` who the article attributes it to.
    """

    article: str
    sentence: int
    start: int  # the number phrase (qualifier + number + unit)
    end: int
    text: str
    value: float | str  # str for a vote split ("6-3")
    measure: str
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None  # exact | about | nearly | more_than | at_least | less_than | up_to | vague
    unit: str | None = None
    noun: str | None = None  # the counted noun ("people", "tents")
    predicate: str | None = None  # what happens to it ("killed", "injured", "deep")
    place: str | None = None
    event: str = "this"
    as_of: str | None = None
    source: str | None = None
    claim: str | None = None  # claim id
    reason: str = ""

    def key(self) -> tuple[str, str, str]:
        """What two figures must share to be compared: measure, place and event."""
        return (self.measure, (self.place or "").lower(), self.event)


@dataclass(frozen=True)
class Claim(Record):
    id: str
    article: str
    sentence: int
    start: int
    end: int
    text: str
    values: tuple[Value, ...] = ()
    entities: tuple[str, ...] = ()
    asserted_by: str | None = None  # entity id of the speaker, or None: the outlet itself
    asserted_by_name: str | None = None
    quote: bool = False
    heading: bool = False
    terms: tuple[str, ...] = ()  # content lemmas (nouns, names, adjectives, verbs, numbers) for lexical overlap
    part: str = "sentence"  # sentence | content (what a speaker is reported to say) | attribution (who said it, when)
    # clause spans of the parse (article offsets): coordinated and subordinate clauses, relative and participial
    # clauses, appositions and "with …" phrases that can each state a fact of their own (set by the claims stage)
    clauses: tuple[tuple[int, int], ...] = ()
    # noun phrases of the parse that say what a named referent is: an apposition, a title or role before a name, a
    # name qualifying a common noun; article offsets of the phrase, then of the referent's name (set by the claims
    # stage; the compare's phrase pass)
    phrases: tuple[tuple[int, int, int, int], ...] = ()
    # phrases of the parse built on an ordinal or a superlative ("the country's first female leader", "escaped …
    # for the second time", "the biggest protest since 1997"); article offsets of the phrase, then of its marker
    # word (set by the claims stage; the compare's marked-phrase pass)
    marked: tuple[tuple[int, int, int, int], ...] = ()


@dataclass(frozen=True)
class AnalyzedArticle(Record):
    article: Article
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    framing: tuple[FramingCue, ...] = ()
    issues: tuple[Issue, ...] = ()
    claims: tuple[Claim, ...] = ()
    naming: tuple[NamingPhrase, ...] = ()
    quantities: tuple[Quantity, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id

    def to_dict(self) -> dict[str, Any]:
        """The Article JSON of OUTPUT.md (``newsprism.article/1``)."""
        return self.to_output()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        return cls.from_output(data)

    def to_output(self) -> dict[str, Any]:
        """The Article JSON of OUTPUT.md (``newsprism.article/1``)."""
        a = self.article
        out: dict[str, Any] = {"schema": ARTICLE_SCHEMA}
        out.update({
            "id": a.id, "source": a.source, "url": a.url, "title": a.title, "outlet": a.outlet,
            "author": a.author, "published": a.published, "language": a.language,
            "status": a.status, "reason": a.reason, "text": a.text,
            "credits": list(a.credits), "metadata_rules": list(a.metadata_rules),
            "removed": _plain(a.removed), "paragraphs": _plain(a.paragraphs),
            "sentences": _plain(self.sentences), "entities": _plain(self.entities),
            "quotes": _plain(self.quotes),
            # the framing cues; words the cue classifier set aside are no cue: listed apart, labelled as such
            "framing": _plain(tuple(f for f in self.framing if f.cue != "set_aside")),
            "set_aside": _plain(tuple(f for f in self.framing if f.cue == "set_aside")),
            "issues": _plain(self.issues), "claims": _plain(self.claims), "naming": _plain(self.naming),
            "quantities": _plain(self.quantities),
        })
        return out

    @classmethod
    def from_output(cls, data: Mapping[str, Any]) -> Self:
        article = Article.from_dict(data)
        return cls(
            article=article,
            sentences=tuple(Sentence.from_dict(s) for s in data.get("sentences", [])),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", [])),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", [])),
            framing=tuple(sorted((FramingCue.from_dict(f) for f in [*data.get("framing", []), *data.get("set_aside", [])]),
                                 key=lambda f: (f.start, f.cue))),
            issues=tuple(Issue.from_dict(i) for i in data.get("issues", [])),
            claims=tuple(Claim.from_dict(c) for c in data.get("claims", [])),
            naming=tuple(NamingPhrase.from_dict(n) for n in data.get("naming", [])),
            quantities=tuple(Quantity.from_dict(q) for q in data.get("quantities", [])),
        )


# --------------------------------------------------------------------------- comparison



@dataclass(frozen=True)
class Alignment(Record):
    """One scored pair of claims from two articles, with the reason for its class."""

    a: str  # claim id
    b: str
    relation: str  # same_fact | paraphrase | conflict | unrelated
    score: float
    scores: Mapping[str, float] = field(default_factory=dict)
    reason: str = ""


@dataclass(frozen=True)
class Fact(Record):
    """One fact of a comparison: the claims (from one or more articles) that state it, and its status."""

    id: str
    status: str  # corroborated | unique | conflict
    statement: str
    support: tuple[Mapping[str, Any], ...]  # {article, sentence, start, end, text}
    conflict: Mapping[str, Any] | None = None
    reason: str = ""
    claims: tuple[Claim, ...] = ()

    def articles(self) -> list[str]:
        return list(dict.fromkeys(s["article"] for s in self.support))

    def to_dict(self) -> dict[str, Any]:
        """The contract's fact (claims, which the support already points at, left out)."""
        return {"id": self.id, "status": self.status, "statement": self.statement,
                "support": [dict(s) for s in self.support], "conflict": _plain(self.conflict),
                "reason": self.reason}


@dataclass(frozen=True)
class Comparison(Record):
    """What the articles of one story agree on, add, leave out and dispute; ``to_dict()`` is the contract."""

    articles: tuple[AnalyzedArticle, ...]
    facts: tuple[Fact, ...]
    omissions: Mapping[str, list[str]]
    quotes: tuple[Mapping[str, Any], ...]
    sources: Mapping[str, list[dict[str, Any]]]
    framing: Mapping[str, dict[str, Any]]
    synthesis: tuple[Mapping[str, Any], ...]
    alignments: tuple[Alignment, ...]
    errors: tuple[Any, ...] = ()  # InputErrors of sources that could not be read (not part of the contract)

    def label(self, article_id: str) -> str:
        for a in self.articles:
            if a.id == article_id:
                return a.article.label
        return article_id

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": COMPARISON_SCHEMA,
            "articles": [{"id": a.id, "source": a.article.source, "title": a.article.title,
                          "outlet": a.article.outlet, "published": a.article.published} for a in self.articles],
            "facts": [f.to_dict() for f in self.facts],
            "omissions": _plain(self.omissions),
            "quotes": _plain(self.quotes),
            "sources": _plain(self.sources),
            "framing": _plain(self.framing),
            "synthesis": _plain(self.synthesis),
            "alignments": [al.to_dict() for al in self.alignments],
            "issues": {a.id: [i.to_dict() for i in a.issues] for a in self.articles},
        }

    def to_output(self) -> dict[str, Any]:
        """Alias of :meth:`to_dict` kept for callers of version 0.1."""
        return self.to_dict()

    def tables(self) -> dict[str, Any]:
        """The comparison as pandas DataFrames: facts, support, quotes, sources, framing, conflicts."""
        import pandas as pd  # pandas is heavy to import; only this method needs it

        labels = {a.id: a.article.label for a in self.articles}
        facts = [{"fact": f.id, "status": f.status, "statement": f.statement, "articles": len(f.articles()),
                  "reason": f.reason} for f in self.facts]
        support = [{"fact": f.id, "article": s["article"], "outlet": labels.get(s["article"]),
                    "sentence": s["sentence"], "start": s["start"], "end": s["end"], "text": s["text"]}
                   for f in self.facts for s in f.support]
        quotes = [{"article": a.id, "outlet": labels[a.id], "speaker": q.speaker, "speaker_id": q.speaker_id,
                   "kind": q.kind, "cue": q.cue, "via": q.via, "start": q.start, "end": q.end, "text": q.text}
                  for a in self.articles for q in a.quotes]
        sources = [{"article": aid, "outlet": labels.get(aid), **row} for aid, rows in self.sources.items()
                   for row in rows]
        framing = [{"article": a.id, "outlet": labels[a.id], "cue": c.cue, "grade": c.grade, "start": c.start,
                    "end": c.end, "text": c.text, "target": c.target, "reason": c.reason}
                   for a in self.articles for c in a.framing]
        conflicts = [{"fact": f.id, "kind": f.conflict.get("kind"), "measure": f.conflict.get("measure"),
                      "label": f.conflict.get("label"), "article": v["article"], "outlet": labels.get(v["article"]),
                      "value": v["value"], "as_of": v.get("as_of"), "source": v.get("source"), "start": v.get("start"),
                      "end": v.get("end"), "reason": f.conflict.get("reason")}
                     for f in self.facts if f.conflict for v in f.conflict.get("values", [])]
        columns = {
            "facts": ["fact", "status", "statement", "articles", "reason"],
            "support": ["fact", "article", "outlet", "sentence", "start", "end", "text"],
            "quotes": ["article", "outlet", "speaker", "speaker_id", "kind", "cue", "via", "start", "end", "text"],
            "sources": ["article", "outlet", "speaker", "speaker_id", "quotes", "words", "reported"],
            "framing": ["article", "outlet", "cue", "grade", "start", "end", "text", "target", "reason"],
            "conflicts": ["fact", "kind", "measure", "label", "article", "outlet", "value", "as_of", "source", "start",
                          "end", "reason"],
        }
        rows = {"facts": facts, "support": support, "quotes": quotes, "sources": sources, "framing": framing,
                "conflicts": conflicts}
        return {name: pd.DataFrame(rows[name], columns=columns[name]) for name in columns}
