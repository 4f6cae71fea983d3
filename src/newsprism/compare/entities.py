"""One referent, one id, across the articles of a comparison."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..records import AnalyzedArticle, Entity
from ..text.names import is_acronym_of



def person_name(name: str) -> str:
    """A person's name without the words a headline or caption glued to it: an acronym or a word in capitals after
    the name ("Glenn Beck CPAC" → "Glenn Beck"; "VIDEO"), or a number; a roman numeral stays ("John Smith III")."""
    words = name.split()
    keep = [w for k, w in enumerate(words)
            if k == 0 or not ((w.isupper() and len(w.strip(".")) >= 3 and w.isalpha() and not set(w) <= set("IVXLC"))
                              or any(ch.isdigit() for ch in w))]
    return " ".join(keep) if keep else name


def link_across(analyzed: Sequence[AnalyzedArticle]) -> list[AnalyzedArticle]:
    """Give one referent one id and one (fullest) name across the articles of a comparison."""
    names: dict[str, tuple[str, str]] = {}  # entity id → (type, name)
    for a in analyzed:
        for e in a.entities:
            names.setdefault(e.id, (e.type, person_name(e.name) if e.type == "PERSON" else e.name))
    # fullest names first; a shorter name joins a longer one that contains it
    canonical: dict[str, str] = {}
    order = sorted(names, key=lambda i: -len(names[i][1].split()))
    kept: list[str] = []
    for eid in order:
        etype, name = names[eid]
        target = None
        for other in kept:
            otype, oname = names[other]
            if otype != etype and not ({otype, etype} <= {"GPE", "LOC"} or {otype, etype} <= {"ORG", "FAC"}):
                continue
            if oname.lower() == name.lower():
                target = other
                break
            if etype == "PERSON" and set(name.lower().split()) < set(oname.lower().split()):
                target = other
                break
            if etype in ("ORG", "FAC", "GPE") and is_acronym_of(name, oname):
                target = other
                break
        if target is None:
            kept.append(eid)
            canonical[eid] = eid
        else:
            canonical[eid] = canonical[target]
    out: list[AnalyzedArticle] = []
    for a in analyzed:
        merged: dict[str, Entity] = {}
        for e in a.entities:
            cid = canonical[e.id]
            ctype, cname = names[cid]
            if cid in merged:
                prev = merged[cid]
                merged[cid] = replace(prev, mentions=tuple(sorted(prev.mentions + e.mentions, key=lambda m: m.start)),
                                      roles=tuple(sorted(set(prev.roles) | set(e.roles))))
            else:
                merged[cid] = replace(e, id=cid, name=cname, type=ctype)
        quotes = tuple(replace(q, speaker_id=canonical[q.speaker_id], speaker=names[canonical[q.speaker_id]][1])
                       if q.speaker_id is not None and q.speaker_id in canonical else q for q in a.quotes)
        framing = tuple(replace(f, target=canonical.get(f.target, f.target)) if f.target else f for f in a.framing)
        claims = tuple(replace(c, entities=tuple(dict.fromkeys(canonical.get(x, x) for x in c.entities)),
                               asserted_by=canonical.get(c.asserted_by, c.asserted_by) if c.asserted_by else None,
                               asserted_by_name=(names[canonical[c.asserted_by]][1] if c.asserted_by in canonical
                                                 else c.asserted_by_name))
                       for c in a.claims)
        naming = tuple(replace(n, anchors=tuple(sorted({canonical.get(x, x) for x in n.anchors}))) for n in a.naming)
        out.append(replace(a, entities=tuple(merged.values()), quotes=quotes, framing=framing, claims=claims,
                           naming=naming))
    return out
