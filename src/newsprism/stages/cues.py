"""Verbs that attribute words to someone, and the words they attribute: a cue table learned from PolNeAR.

A verb is read in one *frame*, from the dependents it has: ``ccomp`` ("said that …"), ``xcomp``
("urged Congress to act"), ``dobj`` ("accused Clinton of lying", "announced plans"), ``prep``
``prep_about`` ("spoke about the deal", one frame per preposition), ``fronted`` ("The plan will fail, he said.") or ``none``. The table (``models/attribution_cues.json``, built by
``scripts/train_attribution_cues.py`` from PolNeAR train) holds, per lemma and frame, how often the
verb was annotated as an attribution cue and how often it occurred; a verb with a particle is its own entry
(``cue_lemma``: "point out" apart from "point"). A verb is a cue when the
smoothed rate reaches ``reported_cue_min``; the reason carries the lemma, frame, rate and count.

The attributed content is the verb's complements to its right (the clause, the object and its
prepositional phrases), without a trailing clause after a comma that is the writer's, not the
speaker's: "…, which …", "…, even though …", "…, saying …", "… – despite …".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

FRAMES = ("ccomp", "xcomp", "dobj", "prep_<preposition>", "fronted", "none")
COMPLEMENTS = {"ccomp", "xcomp", "dobj", "dative", "prep", "oprd", "attr", "acomp"}
WRITER_CLAUSE_MARKS = {"though", "although", "while", "whereas", "because", "as", "since", "even"}
WRITER_PREPOSITIONS = {"despite", "amid"}  # "…, despite launching an incursion": the writer's aside
MODEL_PATH = "models/attribution_cues.json"


def cue_lemma(verb: "Token") -> str:
    """The verb's lemma with its particle, as the cue table keys it: "point out" is a verb of saying, "point"
    ("astronomers pointed a telescope at …") is not; "speak out", "lash out", "hit back" likewise."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt" and c.i > verb.i), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {prt}" if prt else lemma


def frame(verb: "Token") -> str:
    """The frame a verb is used in, from its dependents (see the module docstring)."""
    deps = {c.dep_ for c in verb.children if c.i > verb.i or c.dep_ == "ccomp"}
    if "ccomp" in deps:
        return "ccomp"
    if "xcomp" in deps:
        return "xcomp"
    if deps & {"dobj", "dative"}:
        return "dobj"
    for c in verb.children:
        if c.dep_ == "prep" and c.i > verb.i and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return f"prep_{c.lower_}"  # "called on …", "spoke about …": the preposition matters
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        return "fronted"  # "The plan will fail, he said."
    return "none"


def _trim(first: "Token", last: "Token", head: "Token") -> "Token":
    """Cut a trailing writer's clause after a comma off the content ending at ``last``."""
    doc = head.doc
    for c in head.children:
        if c.i <= head.i or c.left_edge.i <= first.i:
            continue
        before = doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
        if before is None or before.text not in (",", "—", "–", ";"):
            continue
        writer = (c.dep_ in ("advcl", "acl") and (c.tag_ == "VBG" or any(
            m.dep_ == "mark" and m.lower_ in WRITER_CLAUSE_MARKS for m in c.children))) or \
            (c.dep_ == "relcl" and c.left_edge.lower_ == "which") or \
            (c.dep_ == "advmod" and c.lower_ == "even") or (c.dep_ == "prep" and c.lower_ in WRITER_PREPOSITIONS)
        if writer and c.left_edge.i - 2 >= first.i:
            last = min(last, doc[c.left_edge.i - 2], key=lambda t: t.i)
    return last


def content_bounds(verb: "Token", how: str) -> "tuple[Token, Token] | None":
    """First and last token of what the verb attributes, or None when it has no content."""
    doc = verb.doc
    if how == "ccomp":
        comp = next(c for c in verb.children if c.dep_ == "ccomp")
        first, last = comp.left_edge, comp.right_edge
        if first.dep_ == "mark" and first.lower_ in ("that", "whether", "if") and first.i < last.i:
            first = doc[first.i + 1]
        last = _trim(first, last, comp)
    elif how == "fronted":
        first = verb.head.left_edge
        if verb.left_edge.i - 1 <= first.i:
            return None
        last = doc[verb.left_edge.i - 1]
    else:
        kids = [c for c in verb.children if c.i > verb.i and c.dep_ in COMPLEMENTS
                and not (c.dep_ == "prep" and c.lower_ in WRITER_PREPOSITIONS)]
        if not kids:
            return None
        first, last = kids[0].left_edge, max((k.right_edge for k in kids), key=lambda t: t.i)
        for k in kids:
            last = _trim(first, last, k)
    while last.i > first.i and (last.is_punct or last.is_space) and last.text not in ("”", '"', "’"):
        last = doc[last.i - 1]
    while first.i < last.i and (first.is_punct or first.is_space) and first.text not in ("“", '"', "‘"):
        first = doc[first.i + 1]
    return first, last


@dataclass(frozen=True)
class CueRate:
    rate: float  # smoothed share of occurrences annotated as a cue: (cue + 1) / (seen + 2)
    cue: int  # occurrences annotated as an attribution cue in the training data
    seen: int  # occurrences in the training data


@lru_cache(maxsize=1)
def cue_table() -> dict[str, Any]:
    """The learned table as shipped: metadata and ``cues`` (lemma → frame → [cue, seen])."""
    data: dict[str, Any] = json.loads(resources.files("newsprism").joinpath(MODEL_PATH).read_text(encoding="utf-8"))
    return data


def cue_rate(lemma: str, how: str) -> CueRate | None:
    """How often this verb in this frame attributed words in the training data (None: never seen)."""
    row = cue_table()["cues"].get(lemma.lower(), {}).get(how)
    if row is None:
        return None
    cue, seen = int(row[0]), int(row[1])
    return CueRate((cue + 1) / (seen + 2), cue, seen)
