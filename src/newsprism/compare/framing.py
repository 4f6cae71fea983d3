"""Framing across the articles of a comparison: per-article summaries and naming contrasts."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Any, Sequence

from .. import nlp
from ..lexicons import nrc, vader
from ..records import AnalyzedArticle, FramingCue
from ..settings import DEFAULT, Settings
from ..text.names import nat_match, slug



def summarise(analyzed: AnalyzedArticle) -> dict[str, Any]:
    """Counts per cue per 1,000 words, attribution verbs by grade, and the notable cues."""
    words = max(len(analyzed.article.text.split()), 1)
    counts = Counter(f.cue for f in analyzed.framing)
    grades = Counter(f.grade for f in analyzed.framing if f.cue == "attribution_verb")
    notable = [f.to_dict() for f in analyzed.framing
               if f.cue in ("hedge", "scare_quote", "loaded", "passive_agentless")
               or (f.cue == "attribution_verb" and f.grade != "neutral")]
    return {"counts": {k: round(v * 1000 / words, 2) for k, v in sorted(counts.items())},
            "raw_counts": dict(sorted(counts.items())), "words": words,
            "attribution": dict(sorted(grades.items())), "notable": notable[:30]}


def _place_key(analyzed: Sequence[AnalyzedArticle]) -> dict[str, str]:
    """Map a nationality to its country across the articles ("Ukrainian" → Ukraine) so anchors compare."""


    places = {e.id: e.name for a in analyzed for e in a.entities if e.type in ("GPE", "LOC")}
    out: dict[str, str] = {}
    for a in analyzed:
        for e in a.entities:
            out[e.id] = "name:" + slug(e.name)
            if e.type == "NORP":
                match = next((name for name in places.values() if nat_match(name, e.name)), None)
                if match:
                    out[e.id] = "name:" + slug(match)
    return out


def _negative_noun(lemma: str) -> str | None:
    emotions = nrc().get(lemma, [])
    hits = [e for e in ("anger", "fear", "sadness") if e in emotions]
    if hits:
        return f"NRC: {', '.join(hits)}"
    v = vader().get(lemma)
    if v is not None and v <= -1.5:
        return f"VADER {v:+.1f}"
    return None


def naming_contrasts(analyzed: Sequence[AnalyzedArticle], settings: Settings = DEFAULT) -> list[dict[str, Any]]:
    """Pairs of phrases in different articles that name one event or situation with different nouns,
    at least one of them charged ("disaster" / "incident", "invasion" / "conflict")."""

    place_key = _place_key(analyzed)
    cands: list[dict[str, Any]] = [{"article": a.id, "head": n.head, "start": n.start, "end": n.end, "text": n.text,
              "anchors": sorted({place_key.get(x, x) for x in n.anchors})} for a in analyzed for n in a.naming]
    heads = sorted({c["head"] for c in cands})
    if len(heads) < 2:
        return []
    vecs = dict(zip(heads, nlp.embed(heads), strict=True))
    known = {a.id: {place_key.get(e.id, e.id) for e in a.entities} for a in analyzed}
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for i, x in enumerate(cands):
        for y in cands[i + 1:]:
            if x["article"] == y["article"] or x["head"] == y["head"]:
                continue
            charged = _negative_noun(x["head"]) or _negative_noun(y["head"])
            if charged is None:
                continue
            shared = set(x["anchors"]) & set(y["anchors"])
            cross = set(x["anchors"]) <= known[y["article"]] and set(y["anchors"]) <= known[x["article"]]
            both_charged = _negative_noun(x["head"]) and _negative_noun(y["head"])
            if not shared and not (cross and both_charged):
                continue
            sim = float(vecs[x["head"]] @ vecs[y["head"]])
            if sim < settings.naming_min:
                continue
            key = (x["article"], y["article"], *sorted((x["head"], y["head"])))
            if key in seen:
                continue
            seen.add(key)
            about = ", ".join(sorted(shared or set(x["anchors"]) | set(y["anchors"])))
            out.append({"articles": [x["article"], y["article"]], "texts": [x["text"], y["text"]],
                        "spans": [[x["start"], x["end"]], [y["start"], y["end"]]],
                        "heads": [x["head"], y["head"]], "similarity": round(sim, 3),
                        "reason": f"both about {about}; “{x['head']}” vs “{y['head']}” (head-noun similarity "
                                  f"{sim:.2f}; charged word: {charged})"})
    return out


def framing_summary(analyzed: Sequence[AnalyzedArticle]) -> dict[str, dict[str, Any]]:
    return {a.id: summarise(a) for a in analyzed}


def add_naming_cues(analyzed: Sequence[AnalyzedArticle], settings: Settings = DEFAULT) -> list[AnalyzedArticle]:
    """Naming choices need the other articles: each phrase that names a referent differently from
    another article becomes a ``naming`` cue in its article's framing, with the contrast as reason."""
    contrasts = naming_contrasts(analyzed, settings)
    labels = {a.id: a.article.label for a in analyzed}
    reasons: dict[tuple[str, int, int, str], list[str]] = defaultdict(list)
    for c in contrasts:
        for k in (0, 1):
            aid, other = c["articles"][k], c["articles"][1 - k]
            start, end = c["spans"][k]
            reasons[(aid, start, end, c["texts"][k])].append(
                f"{labels[other]} says “{c['texts'][1 - k]}” ({c['reason']})")
    extra: dict[str, list[FramingCue]] = defaultdict(list)
    for (aid, start, end, text), why in reasons.items():
        extra[aid].append(FramingCue(start=start, end=end, text=text, cue="naming",
                                     reason=f"names it “{text}” where " + "; ".join(why), target=None))
    out = []
    for a in analyzed:
        have = {(f.start, f.cue) for f in a.framing}
        new = [f for f in extra.get(a.id, []) if (f.start, f.cue) not in have]
        out.append(replace(a, framing=tuple(sorted(a.framing + tuple(new), key=lambda f: (f.start, f.cue)))))
    return out
