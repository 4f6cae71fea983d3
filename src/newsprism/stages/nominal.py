"""Nominal speakers resolved to the one entity the article ties them to (issue 11, patterns 8 and 11).

A quote whose speaker is a common-noun phrase ("the party", "organisers", "The editorial", "an official
Chinese newspaper", "police reports") keeps that phrase unless the article itself ties its head noun to
exactly one named person or organisation:

- ``title or apposition``: the entity carries the head as a role ("the pro-democracy party Demosistō",
  "Attorney General Ana Ruiz", "NASA, the space agency");
- ``head in name``: the head noun is a word of the entity's own name ("the party" → "Labour Party");
- ``masthead``: a newspaper noun (newspaper, paper, daily, editorial …) and an organisation whose name ends
  in a masthead word (Times, Daily, Post …);
- ``possessive``: "<Entity>'s <head>" or "<head> of/by/from <Entity>" elsewhere ("the Global Times'
  editorial");
- ``verb tie``: an agent noun and the verb it comes from ("organisers" ← "X, which organised the march",
  "organised by X", "X organised");
- a document whose modifier is itself an organisation noun ("police reports") is resolved through it.

A definite phrase ("the …") refers back: only entities named before the quote count; an indefinite one ("an
official newspaper", "organisers") may look anywhere in the article. Only when exactly one entity qualifies is
the speaker replaced; the phrase stays in ``speaker_phrase`` and the reason is appended to the quote's rule
("nominal 'the party' → Demosistō: title or apposition, sentence 3"). Nothing is invented: no tie, or two
entities tied, and the nominal stays.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Sequence

from ..records import Quote
from ..text.names import entity_id, nat_match
from .entities import Cluster, Resolver, Role, role_of_phrase

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

SPEAKING_TYPES = {"PERSON", "ORG", "NORP", "GPE", "FAC"}  # a named thing that can speak for itself
NAME_TYPES = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}  # a phrase with one is not nominal
PUBLICATION_NOUNS = {"newspaper", "paper", "daily", "tabloid", "broadsheet", "editorial", "publication", "weekly",
                     "magazine", "journal", "column", "op-ed", "commentary"}
MASTHEAD_WORDS = {"times", "daily", "post", "news", "herald", "journal", "gazette", "tribune", "telegraph",
                  "guardian", "observer", "chronicle", "mail", "express", "mirror", "standard", "globe", "inquirer",
                  "courier", "examiner", "independent", "monitor", "weekly", "review"}
DOCUMENT_NOUNS = {"editorial", "statement", "report", "column", "article", "commentary", "op-ed", "release",
                  "decision", "ruling", "verdict", "judgment", "judgement", "declaration", "letter", "filing",
                  "memo", "communique", "communiqué", "figure", "estimate", "count", "tally", "data"}
DEFINITE = {"the", "this", "that", "these", "those"}
PRONOUNS = {"he", "she", "they", "we", "i", "it", "you", "who", "which", "that", "this"}


def resolve_nominals(quotes: Sequence[Quote], doc: Any, resolver: Resolver) -> list[Quote]:
    """The quotes with each nominal speaker the article ties to exactly one entity replaced by that entity."""
    return [resolve_nominal(q, doc, resolver) for q in quotes]


def resolve_nominal(q: Quote, doc: Any, resolver: Resolver) -> Quote:
    if not q.speaker or q.speaker_id is not None:
        return q  # no speaker, or already a named entity
    phrase = _locate(doc, q)
    if phrase is None or not _is_nominal(phrase):
        return q
    found = _tied_entity(phrase, doc, resolver, q.start)
    if found is None:
        return q
    cluster, reason = found
    return replace(q, speaker=cluster.name, speaker_id=entity_id(cluster.type, cluster.name), speaker_phrase=q.speaker,
                   rule=f"{q.rule}; nominal '{q.speaker}' → {cluster.name}: {reason}")


def _locate(doc: Any, q: Quote) -> "Span | None":
    """The occurrence of the speaker phrase nearest the quote (within a few hundred characters)."""
    text: str = doc.text
    best: tuple[int, int] | None = None
    at = text.find(q.speaker or "", max(q.start - 400, 0))
    while at != -1 and at < q.end + 400:
        gap = q.start - at if at < q.start else at - q.end
        if best is None or abs(gap) < best[0]:
            best = (abs(gap), at)
        at = text.find(q.speaker or "", at + 1)
    if best is None:
        return None
    span = doc.char_span(best[1], best[1] + len(q.speaker or ""), alignment_mode="expand")
    return span if span is not None and len(span) > 0 else None


def _is_nominal(span: "Span") -> bool:
    """A common-noun phrase: its head a noun, no name in it other than a nationality or place modifier."""
    root = span.root
    if root.pos_ != "NOUN" or root.lower_ in PRONOUNS:
        return False
    return not any(t.ent_type_ in NAME_TYPES or (t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "GPE", "LOC"))
                   for t in span)


def _tied_entity(span: "Span", doc: Any, resolver: Resolver, quote_start: int) -> tuple[Cluster, str] | None:
    root = span.root
    head = root.lemma_.lower()
    definite = any(t.lower_ in DEFINITE or t.dep_ == "poss" for t in span if t.i < root.i)
    limit = quote_start if definite else len(doc.text) + 1
    # a plural ("critics", "his advisers", "organisers") is a group: never one person, and never tied by a role
    # or title a single name carries; only an organisation that names the group or did what it is named for
    plural = root.tag_ in ("NNS", "NNPS")
    ties: dict[int, tuple[Cluster, str, int]] = {}  # cluster index → (cluster, reason, where)

    def add(cluster: Cluster | None, reason: str, where: int) -> None:
        if cluster is None or cluster.type not in SPEAKING_TYPES or (plural and cluster.type == "PERSON"):
            return
        first = min((m.start for m in cluster.mentions if m.start not in resolver.quote_chars), default=None)
        if first is None or first >= limit:
            return
        key = resolver.clusters.index(cluster)
        if key not in ties:
            ties[key] = (cluster, reason, where)

    role = role_of_phrase(span)
    nationality = role.nationality if role is not None else None  # "the Democratic nominee", "the Iraqi minister"
    # "the nation's acting president" ties only to a holder of that qualified title, not to "former President X"
    quals = role.qualifiers if role is not None else Role(head, None, span.text).qualifiers
    heads = {head}
    if head in DOCUMENT_NOUNS:
        # "police reports": the document speaks for the body its modifier names
        mods = [t for t in root.children if t.dep_ in ("compound", "poss", "nmod") and t.pos_ == "NOUN"]
        if mods:
            heads = {mods[-1].lemma_.lower()}
        elif head not in PUBLICATION_NOUNS:
            heads = set()
        _possessive_ties(doc, resolver, head, add)
    for h in heads:
        for c in resolver.clusters:
            where = _first(c)
            if not plural and any(r.head == h and _same_side(r, nationality) and quals <= r.qualifiers
                                  for r in c.roles):
                add(c, "title or apposition", where)
            elif (h in {w.lower().strip(".,’'") for w in c.name.split()} and c.type != "PERSON"
                  and len(c.name.split()) > 1):  # ("State" alone is no name that holds "the state")
                add(c, "head in name", where)
            elif (h in PUBLICATION_NOUNS and c.type in ("ORG", "WORK_OF_ART")
                  and c.name.split()[-1].lower() in MASTHEAD_WORDS):
                add(c, "masthead", where)
        if not plural:
            _title_ties(doc, resolver, h, add, nationality, quals)
        _verb_ties(doc, resolver, h, add)
    if len(ties) != 1:
        return None
    cluster, reason, where = next(iter(ties.values()))
    sent = next((i for i, s in enumerate(doc.sents) if s.start_char <= where < s.end_char), None)
    return cluster, f"{reason}, sentence {sent + 1}" if sent is not None else reason


def _same_side(role: Role, nationality: str | None) -> bool:
    """A title held on another side is not the one the phrase names: "the Democratic nominee" is not the man
    introduced as the Republican nominee (a title with no side stated fits either)."""
    return nationality is None or role.nationality is None or nat_match(role.nationality, nationality)


def _first(c: Cluster) -> int:
    return min((m.start for m in c.mentions), default=0)


def _possessive_ties(doc: Any, resolver: Resolver, head: str, add: Any) -> None:
    """"the Global Times' editorial", "a statement by/from/of the ministry"."""
    for tok in doc:
        if tok.lemma_.lower() != head:
            continue
        for c in tok.children:
            target: "Token | None" = None
            if c.dep_ == "poss":
                target = c
            elif c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
                target = next((g for g in c.children if g.dep_ == "pobj"), None)
            if target is not None:
                add(resolver.cluster_at(target.idx, target.idx + len(target)), f"possessive '{tok.text}'",
                    target.idx)


def _title_ties(doc: Any, resolver: Resolver, head: str, add: Any, nationality: str | None = None,
                quals: frozenset[str] = frozenset()) -> None:
    """"the political party Demosistō", "Demosistō, the party", "the party, Demosistō": the head noun as a
    title before a name or in apposition to it (a title of another side passed over: "Republican nominee
    Donald Trump" is no tie for "the Democratic nominee")."""
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() != head:
            continue
        side = next((c.text.lower() for c in tok.children if c.dep_ in ("amod", "compound")
                     and c.ent_type_ in ("NORP", "GPE")), None)
        if nationality is not None and side is not None and not nat_match(side, nationality):
            continue
        if not quals <= Role(head, None, doc[max(tok.i - 3, tok.sent.start):tok.i + 1].text).qualifiers:
            continue  # "the acting president" is not tied by "President Park"
        partners = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ in ("compound", "appos"):
            partners.append(tok.head)
        for p in partners:
            if p.pos_ != "PROPN" or not p.ent_type_:
                continue  # a name, not another description ("a senior government official")
            reason = "title before name" if tok.dep_ == "compound" else "apposition"
            add(resolver.cluster_at(p.idx, p.idx + len(p)), f"{reason} '{tok.text}'", p.idx)


def _verb_stem(noun: str) -> str | None:
    """"organiser" → "organis", "sponsor" → "spons": an agent noun's verb stem (z spelled s)."""
    noun = noun.replace("z", "s")
    for suffix in ("ers", "ors", "er", "or"):
        if noun.endswith(suffix) and len(noun) - len(suffix) >= 4:
            return noun[:-len(suffix)]
    return None


def _verb_ties(doc: Any, resolver: Resolver, head: str, add: Any) -> None:
    """"X, which organised the march", "the march organised by X", "X organised": the organisers are X."""
    stem = _verb_stem(head)
    if stem is None:
        return
    for tok in doc:
        lemma = tok.lemma_.lower().replace("z", "s")
        if tok.pos_ != "VERB" or not lemma.startswith(stem) or len(lemma) > len(stem) + 2:
            continue
        doers: list["Token"] = []
        for c in tok.children:
            if c.dep_ == "nsubj":
                doers.append(tok.head if c.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" else c)
            elif c.dep_ == "agent":
                doers.extend(g for g in c.children if g.dep_ == "pobj")
        for d in doers:
            add(resolver.cluster_at(d.idx, d.idx + len(d)), f"verb tie '{tok.text}'", d.idx)
