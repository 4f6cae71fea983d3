"""Quotes across articles: the same utterance as each article renders it, and who each lets speak."""

from __future__ import annotations

import re
from typing import Any, Sequence

from rapidfuzz import fuzz

from ..records import AnalyzedArticle, Quote
from ..settings import Settings
from .verify import NEGATION


def _norm_quote(text: str) -> str:
    return re.sub(r"[^\w\s]", "", text.lower()).strip()


SPEAKER_CONFLICT_WORDS = 6  # an utterance this long is one speaker's, not a slogan or phrase others echo


def _misattributed(q: Quote, r: Quote, kinds: dict[str, str]) -> bool:
    """Two articles give one utterance to two speakers: only for an utterance of ``SPEAKER_CONFLICT_WORDS`` words
    or more in both, in the same words in the same order (a phrase one speaker echoes from another — a slogan,
    "party of Reagan" — or a speaker's retort that quotes the other with a "not" is no misattribution), by two
    speakers read as people or organisations whose names share no word ("Trump Calls", a headline's words read as
    a name, is Trump; "Islamic" is no speaker) (session 13: 5 of 5 speaker conflicts on PolNeAR were wrong)."""
    a, b = _norm_quote(q.text), _norm_quote(r.text)
    if min(len(a.split()), len(b.split())) < SPEAKER_CONFLICT_WORDS:
        return False
    if fuzz.ratio(a, b) / 100 < 0.9 or len(NEGATION.findall(q.text)) != len(NEGATION.findall(r.text)):
        return False
    if any(kinds.get(x or "", "PERSON") not in ("PERSON", "ORG") for x in (q.speaker_id, r.speaker_id)):
        return False
    names = [{w.lower() for w in re.findall(r"[A-Za-z][\w’'-]+", s or "") if len(w) > 2} for s in (q.speaker, r.speaker)]
    return not (names[0] & names[1])


def quote_variants(analyzed: Sequence[AnalyzedArticle], settings: Settings) -> tuple[list[dict[str, Any]],
                                                                                       list[dict[str, Any]]]:
    """The same utterance as each article renders it; and one utterance given to different speakers."""
    kinds = {e.id: e.type for a in analyzed for e in a.entities}
    pool: list[tuple[str, Quote]] = [(a.id, q) for a in analyzed for q in a.quotes
                                     if q.kind in ("direct", "partial") and len(q.text.split()) >= 3]
    used: set[int] = set()
    groups: list[dict[str, Any]] = []
    speaker_conflicts: list[dict[str, Any]] = []
    for i, (aid, q) in enumerate(pool):
        if i in used:
            continue
        members = [(aid, q)]
        for j in range(i + 1, len(pool)):
            bid, r = pool[j]
            if j in used or bid == aid or bid in {m[0] for m in members}:
                continue
            sim = fuzz.token_set_ratio(_norm_quote(q.text), _norm_quote(r.text)) / 100
            if sim < settings.quote_variant_min:
                continue
            if q.speaker_id and r.speaker_id and q.speaker_id != r.speaker_id and sim >= 0.8:
                if _misattributed(q, r, kinds):
                    speaker_conflicts.append({"articles": [aid, bid], "speakers": [q.speaker, r.speaker],
                                              "texts": [q.text, r.text], "similarity": round(sim, 3)})
                continue
            if q.speaker == r.speaker:
                members.append((bid, r))
                used.add(j)
        if len(members) < 2:
            continue
        used.add(i)
        texts = [_norm_quote(m[1].text) for m in members]
        # consistent: every rendering has the same words, or is an excerpt of the longest one
        longest = max(texts, key=len)
        consistent = all(t == longest or t in longest for t in texts)
        groups.append({"speaker": q.speaker, "speaker_id": q.speaker_id,
                       "variants": [{"article": m[0], "text": m[1].text, "start": m[1].start, "end": m[1].end,
                                     "kind": m[1].kind} for m in members],
                       "consistent": consistent})
    return groups, speaker_conflicts


def sources(analyzed: Sequence[AnalyzedArticle]) -> dict[str, list[dict[str, Any]]]:
    """Who each article lets speak: quotes and quoted words per speaker (reported speech counted apart)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for a in analyzed:
        per: dict[str, dict[str, Any]] = {}
        for q in a.quotes:
            if q.speaker is None or q.kind in ("scare", "finding", "decision"):  # no one speaking
                continue
            row = per.setdefault(q.speaker, {"speaker": q.speaker, "speaker_id": q.speaker_id, "quotes": 0,
                                             "words": 0, "reported": 0})
            if q.kind == "reported":
                row["reported"] += 1
            else:
                row["quotes"] += 1
                row["words"] += len(q.text.split())
        out[a.id] = sorted(per.values(), key=lambda r: (-r["words"], -r["reported"], r["speaker"]))
    return out
