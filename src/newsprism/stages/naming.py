"""Naming phrases: noun phrases that name an event or situation tied to a place, group or organisation.

"the Ukrainian conflict", "Russia's invasion", "the incident at the Calder Dam": the comparison
contrasts how articles name the same referent (``compare.framing.naming_contrasts``).
"""

from __future__ import annotations

from typing import Any, Sequence

from ..records import NamingPhrase
from ..text.names import slug
from .base import StageContext


def naming_phrases(entities: Sequence[Any], doc: Any) -> list[NamingPhrase]:
    """Noun phrases that name a place's, group's or organisation's event or situation: "the Ukrainian
    conflict", "Russia's invasion", "the incident at the Calder Dam" (people are left out)."""

    anchors: dict[int, str] = {}
    for e in entities:
        if e.type == "PERSON":
            continue
        for m in e.mentions:
            for pos in range(m.start, m.end):
                anchors[pos] = e.id
    out = []
    text = doc.text  # built once: Doc.text joins every token, so reading it per chunk was quadratic
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.pos_ != "NOUN" or head.ent_type_ or head.tag_ in ("NNS", "NNPS"):
            continue
        tokens = list(chunk) + [t for c in head.children if c.dep_ == "prep" for t in c.subtree][:6]
        ids = {anchors[t.idx] for t in tokens if t.idx in anchors and t.i != head.i}
        # names the model did not tag ("the Calder Dam disaster"): a run of proper nouns is an anchor too
        propn = [t.lower_ for t in tokens if t.pos_ == "PROPN" and t.idx not in anchors and t.i != head.i]
        if propn:
            ids.add("name:" + slug(" ".join(propn)))
        if ids:
            end = max(t.idx + len(t) for t in tokens)
            out.append(NamingPhrase(start=chunk.start_char, end=end, text=text[chunk.start_char:end],
                                    head=head.lemma_.lower(), anchors=tuple(sorted(ids))))
    return out


def naming_stage(ctx: StageContext) -> tuple[NamingPhrase, ...]:
    return tuple(naming_phrases(ctx.values["entities"], ctx.doc))
