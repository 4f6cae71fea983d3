"""Naming phrases: how an article names an event or situation, and how it describes the named actors.

- ``event``: noun phrases that name an event or situation tied to a place, group or organisation ("the
  Ukrainian conflict", "Russia's invasion", "the incident at the Calder Dam", "a banned referendum on
  independence from Madrid");
- ``group``: the words an article puts on a group of people it names with a common noun ("defiant voters");
- ``actor``: the words an article puts on a named person, group or organisation: an apposition ("Netanyahu,
  a consistent opponent of a deal"; "her friend, Choi Soon-sil"), a common noun or adjective before the name
  ("Tehran's archfoe Israel", "the paramilitary Civil Guard"), a role phrase that refers to it ("the drug lord");
- ``record``: a superlative set in history ("Mexico's biggest quake in a century"), ``word`` the superlative;
- ``personal``: an institution named as a person's ("Zuckerberg's Facebook"), ``word`` the person's name;
- ``label``: a definite or demonstrative noun phrase with no name whose head the article uses there first ("the
  crackdown", "this plebiscite"), the head being the choice (the comparison weighs it, ``compare.framing``).

Each phrase carries its most charged word other than the name and the word-level bias tagger's probability for
it; the comparison contrasts how the articles name the same referent (``compare.framing``).
"""

from __future__ import annotations

from typing import Any, Sequence

from ..lexicons import SPEECH_VERBS, people_nouns
from ..records import NamingPhrase
from ..text.names import slug
from .base import StageContext
from .bias_words import score_token
from .framing import _hyphen_piece

DESCRIPTOR_POS = ("ADJ", "NOUN", "VERB", "ADV")
ACTOR_TYPES = ("PERSON", "ORG", "NORP", "GPE", "FAC")
MAX_DESCRIPTOR = 8  # tokens of an apposition kept ("a consistent opponent of a deal which …" → up to "deal")


def _charged(tokens: Sequence[Any], skip: set[int]) -> tuple[str | None, float | None]:
    """(the most charged descriptive word, the tagger's probability) among ``tokens``: content words that are no
    name, number or stop word (sentence context left out: the phrase is judged on its own words)."""
    best: tuple[str | None, float | None] = (None, None)
    for t in tokens:
        if t.i in skip or t.pos_ not in DESCRIPTOR_POS or t.ent_type_ or t.is_stop or not t.is_alpha or len(t) < 3:
            continue
        if _hyphen_piece(t):
            continue  # "bomb" in "bomb-sniffing", "called" in "so-called": no word of the article on its own
        if t.pos_ == "ADV" and t.head.tag_ == "VBN":
            continue  # how a participle came about ("democratically elected", "densely populated"): description
        p = score_token(t, None).probability
        if best[1] is None or p > best[1]:
            best = (t.text, p)
    return best


def naming_phrases(entities: Sequence[Any], doc: Any) -> list[NamingPhrase]:
    """The event phrases and actor descriptions of one article (people are no anchor of an event phrase)."""

    anchors: dict[int, str] = {}
    for e in entities:
        if e.type == "PERSON":
            continue
        for m in e.mentions:
            for pos in range(m.start, m.end):
                anchors[pos] = e.id
    out = []
    groups: list[Any] = []
    text = doc.text  # built once: Doc.text joins every token, so reading it per chunk was quadratic
    first: dict[str, int] = {}  # each noun lemma's first token, for labels (read once: linear)
    for t in doc:
        if t.pos_ == "NOUN":
            first.setdefault(t.lemma_.lower(), t.i)
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.pos_ == "NOUN" and head.tag_ in ("NN", "NNS") and not head.ent_type_ and not head.is_stop \
                and head.is_alpha and len(head) > 2 and not any(t.idx in anchors or t.pos_ == "PROPN" for t in chunk):
            groups.append(chunk)  # a thing named without a name: a group of people, if its noun says so
        if head.pos_ != "NOUN" or head.ent_type_ or head.tag_ in ("NNS", "NNPS"):
            continue
        if (head.dep_ == "compound" and head.head.pos_ == "PROPN") or any(
                c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == chunk.end + 1 for c in head.children) or (
                chunk.end < len(doc) and doc[chunk.end].pos_ == "PROPN" and doc[chunk.end].dep_ == "compound"
                and doc[chunk.end].head.dep_ == "appos" and doc[chunk.end].head.head.i == head.i):
            continue  # "Mexico's most notorious drug [lord Joaquin Guzman]": a description of a name (an actor's)
        tokens = list(chunk) + [t for c in head.children if c.dep_ == "prep" for t in c.subtree][:6]
        while len(tokens) > len(chunk) and tokens[-1].pos_ in ("ADP", "DET", "PUNCT", "CCONJ") and tokens[-1].text \
                not in ('"', "”", "’", "'", ")"):
            tokens.pop()  # "the bold escape by El Chapo from": no dangling word at the end
        ids = {anchors[t.idx] for t in tokens if t.idx in anchors and t.i != head.i}
        # names the model did not tag ("the Calder Dam disaster"): a run of proper nouns is an anchor too
        propn = [t.lower_ for t in tokens if t.pos_ == "PROPN" and t.idx not in anchors and t.i != head.i]
        if propn:
            ids.add("name:" + slug(" ".join(propn)))
        if ids:
            end = max(t.idx + len(t) for t in tokens)
            word, score = _charged([t for t in chunk if t.i < head.i], set())
            out.append(NamingPhrase(start=chunk.start_char, end=end, text=text[chunk.start_char:end],
                                    head=head.lemma_.lower(), anchors=tuple(sorted(ids)), word=word,
                                    score=None if score is None else round(score, 3)))
        elif (label := _label(chunk, anchors, text, first)) is not None:
            out.append(label)
    return (out + actor_descriptions(entities, doc) + _groups(groups, doc) + record_phrases(doc)
            + personalised(entities, doc))


LABEL_DETERMINERS = frozenset({"the", "this", "that"})


def _label(chunk: Any, anchors: dict[int, str], text: str, first: dict[str, int]) -> NamingPhrase | None:
    """A definite or demonstrative noun phrase with no name in it whose head noun the article uses here for the
    first time ("the crackdown", "this plebiscite"): the article's label for something it presents as known (the
    story's event, a measure, an act), not introduced with a name; ``word`` is left empty (the head is the choice,
    judged in the comparison against the other articles' words), ``score`` is the tagger's probability for the
    head. Time words ("this week", "the year") are no label."""
    head = chunk.root
    det = chunk[0]
    if det.dep_ != "det" or det.lower_ not in LABEL_DETERMINERS or head.lemma_.lower() in TIME_SPANS \
            or not head.is_alpha or head.is_stop or len(head) < 4:
        return None
    if any(t.idx in anchors or t.pos_ == "PROPN" or t.ent_type_ or t.like_num for t in chunk):
        return None
    lemma = head.lemma_.lower()
    if first.get(lemma, head.i) < head.i:
        return None  # used before: the article's own word for it by now, no new label
    return NamingPhrase(start=chunk.start_char, end=chunk.end_char, text=text[chunk.start_char:chunk.end_char],
                        head=lemma, kind="label", score=round(score_token(head, None).probability, 3))


TIME_SPANS = frozenset({"century", "generation", "decade", "year", "history", "memory", "time", "record"})
TIME_ADVERBS = frozenset({"ever", "yet"})
RECORD_WINDOW = 8  # tokens after the superlative in which its time frame is looked for


def record_phrases(doc: Any) -> list[NamingPhrase]:
    """Superlatives set in history ("Mexico's biggest quake in a century", "the most lethal earthquake in a
    generation", "the biggest demonstration in years", "its largest acquisition ever"): an evaluative phrase
    that ranks the story's event against all others of a span of time; ``word`` is the superlative."""
    out = []
    for tok in doc:
        if tok.tag_ != "JJS" and not (tok.lower_ == "most" and tok.head.pos_ == "ADJ"):
            continue
        first = tok
        adj = tok if tok.tag_ == "JJS" else tok.head
        noun = adj.head if adj.dep_ == "amod" and adj.head.pos_ == "NOUN" else None
        if noun is None:
            continue
        end = None
        window = doc[noun.i + 1:min(noun.i + 1 + RECORD_WINDOW, len(doc))]
        for k, t in enumerate(window):
            if t.is_punct or t.is_sent_start:
                break
            if t.lower_ in TIME_ADVERBS and k <= 1:
                end = t
                break
            if t.lemma_.lower() in TIME_SPANS and any(w.lower_ in ("in", "on", "of", "since") for w in window[:k]):
                end = t
                break
        if end is None:
            continue
        out.append(NamingPhrase(start=first.idx, end=end.idx + len(end), text=doc.text[first.idx:end.idx + len(end)],
                                head=noun.lemma_.lower(), kind="record", word=doc.text[first.idx:adj.idx + len(adj)],
                                score=round(score_token(adj, None).probability, 3)))
    return out


def _groups(chunks: Sequence[Any], doc: Any) -> list[NamingPhrase]:
    """How the article describes groups of people it names with a common noun ("defiant voters", "the excited
    protesters", "Thrilled astronomers"): a noun of people (``people_nouns``, or a plural that is the subject of a
    verb of saying in the article: "astronomers say") with a modifier; each with its most charged modifier and the tagger's
    probability for it, for the comparison's naming choices."""
    speaking = {t.lemma_.lower() for t in doc if t.dep_ == "nsubj" and t.tag_ == "NNS" and t.head.lemma_ in SPEECH_VERBS}
    people = people_nouns()
    out = []
    for chunk in chunks:
        head = chunk.root
        if head.lemma_.lower() not in people and (head.lemma_.lower() not in speaking or head.tag_ != "NNS"):
            continue
        word, score = _charged([t for t in chunk if t.i < head.i and t.dep_ == "amod"], set())
        if word is None:
            continue
        start = next(t.idx for t in chunk if t.pos_ not in ("DET", "PRON") or t.i == head.i)
        out.append(NamingPhrase(start=start, end=head.idx + len(head), text=doc.text[start:head.idx + len(head)],
                                head=head.lemma_.lower(), kind="group", word=word,
                                score=None if score is None else round(score, 3)))
    return out


def _descriptor_span(doc: Any, mention: Any) -> tuple[Any, str] | None:
    """(the descriptive tokens, their head noun's lemma) a mention of a name carries, or None."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    inside = set(range(span.start, span.end))
    if mention.rule in ("role", "role_ahead"):  # "the drug lord": the whole phrase describes the actor
        return (list(span), root.lemma_.lower()) if root.pos_ == "NOUN" else None
    if mention.rule == "pronoun" or root.pos_ not in ("PROPN", "NOUN"):
        return None
    # the name in apposition to a description: "her friend, Choi Soon-sil", "the drug lord El Chapo"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < span.start:
        h = root.head
        return [t for t in doc[h.left_edge.i:h.i + 1]], h.lemma_.lower()
    # a description in apposition to the name: "Netanyahu, a consistent opponent of a deal" (also where the parser
    # hangs the apposition on an earlier word: the noun phrase right after the name's comma)
    after = [doc[k] for k in range(span.end + 1, min(span.end + 8, len(doc)))
             if span.end < len(doc) and doc[span.end].text == "," and doc[k].dep_ == "appos" and doc[k].pos_ == "NOUN"
             and doc[k].left_edge.i == span.end + 1]
    for c in [c for c in root.children if c.dep_ == "appos"] + after:
        if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > root.i:
            toks: list[Any] = []
            for t in doc[c.left_edge.i:c.right_edge.i + 1]:
                if len(toks) >= MAX_DESCRIPTOR or t.text in (",", ";", "(", ")", "—", "–") or t.dep_ in (
                        "relcl", "acl") or t.tag_ in ("WDT", "WP", "WP$"):
                    break
                toks.append(t)
            return (toks, c.lemma_.lower()) if toks else None
    # common nouns and adjectives before the name: "Tehran's archfoe Israel", "the paramilitary Civil Guard"
    mods = [c for c in root.children if c.i < span.start and c.dep_ in ("amod", "compound", "nmod")
            and c.pos_ in ("ADJ", "NOUN", "VERB") and not c.ent_type_]
    if mods:
        first = min(m.left_edge.i for m in mods)
        return [t for t in doc[first:span.end] if t.i not in inside], mods[-1].lemma_.lower()
    # adjectives right before the name that the parser hung elsewhere ("police and paramilitary Civil Guard"
    # parsed with the adjective as a verb's conjunct): by position, a run of adjectives the name follows
    # (not where the name itself modifies a noun after it, "an undercover FBI employee", "the unenthused Obama
    # daughters", nor an adjective a verb takes as its complement, "make sure Republicans pick")
    run: list[Any] = []
    k = span.start - 1
    while k >= 0 and root.dep_ != "compound" and doc[k].tag_ == "JJ" and not doc[k].ent_type_ and doc[k].is_alpha \
            and doc[k].head.i != root.i and doc[k].dep_ not in ("acomp", "oprd", "xcomp", "ccomp"):
        run.insert(0, doc[k])
        if doc[k].is_sent_start:
            break
        k -= 1
    if run:
        return run, run[-1].lemma_.lower()
    return None


def actor_descriptions(entities: Sequence[Any], doc: Any) -> list[NamingPhrase]:
    """How the article describes each named actor, one phrase per place, with its most charged word."""
    out: list[NamingPhrase] = []
    seen: set[int] = set()
    for e in entities:
        if e.type not in ACTOR_TYPES:
            continue
        for m in e.mentions:
            found = _descriptor_span(doc, m)
            if found is None:
                continue
            toks, head = found
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            name_ids = set(range(span.start, span.end)) if m.rule not in ("role", "role_ahead") else set()
            word, score = _charged(toks, name_ids)
            if word is None or not toks:
                continue
            start = min(toks[0].idx, m.start)
            end = max(toks[-1].idx + len(toks[-1]), m.end)
            if start in seen:
                continue
            seen.add(start)
            out.append(NamingPhrase(start=start, end=end, text=doc.text[start:end], head=head, anchors=(e.id,),
                                    kind="actor", word=word, score=None if score is None else round(score, 3)))
    return out


INSTITUTIONS = ("ORG", "GPE", "NORP", "FAC")


def personalised(entities: Sequence[Any], doc: Any) -> list[NamingPhrase]:
    """An institution or country named as a person's ("Zuckerberg's Facebook", "Putin's Russia"): the
    personalisation of an organisation, anchored on the institution; ``word`` is the person's name."""
    people = {pos for e in entities if e.type == "PERSON" for m in e.mentions for pos in range(m.start, m.end)}
    out = []
    for e in entities:
        if e.type not in INSTITUTIONS:
            continue
        for m in e.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.start < 2:
                continue
            case, owner = doc[span.start - 1], doc[span.start - 2]
            if case.tag_ != "POS" or owner.idx not in people:
                continue
            first = owner
            while first.i > 0 and doc[first.i - 1].idx in people:
                first = doc[first.i - 1]
            out.append(NamingPhrase(start=first.idx, end=m.end, text=doc.text[first.idx:m.end], head=e.name.lower(),
                                    anchors=(e.id,), kind="personal", word=doc.text[first.idx:case.idx]))
    return out


def naming_stage(ctx: StageContext) -> tuple[NamingPhrase, ...]:
    return tuple(naming_phrases(ctx.values["entities"], ctx.doc))
