"""A story's articles → Comparison: facts (corroborated / unique / conflict), omissions,
quote variants, sources, framing contrasts and a neutral synthesis (OUTPUT.md)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from rapidfuzz import fuzz

from .align import align, value_conflicts
from .analyze import analyze_many
from .entities import link_across
from .errors import InputError, NotFound
from .records import COMPARISON_SCHEMA, Alignment, AnalyzedArticle, Claim, Quote
from .settings import DEFAULT, Settings

MIN_CLAIM_WORDS = 5  # shorter sentences ("Two people are still missing.") still count; fragments do not


@dataclass
class Fact:
    id: str
    status: str
    statement: str
    support: list[dict[str, Any]]
    conflict: dict[str, Any] | None = None
    reason: str = ""
    claims: list[Claim] = field(default_factory=list)

    def articles(self) -> list[str]:
        return list(dict.fromkeys(s["article"] for s in self.support))

    def to_output(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "statement": self.statement, "support": self.support,
                "conflict": self.conflict, "reason": self.reason}


@dataclass
class Comparison:
    articles: list[AnalyzedArticle]
    facts: list[Fact]
    omissions: dict[str, list[str]]
    quotes: list[dict[str, Any]]
    sources: dict[str, list[dict[str, Any]]]
    framing: dict[str, dict[str, Any]]
    synthesis: list[dict[str, Any]]
    alignments: list[Alignment]
    errors: list[InputError] = field(default_factory=list)

    def label(self, article_id: str) -> str:
        for a in self.articles:
            if a.id == article_id:
                return a.article.label
        return article_id

    def to_output(self) -> dict[str, Any]:
        return {
            "schema": COMPARISON_SCHEMA,
            "articles": [{"id": a.id, "source": a.article.source, "title": a.article.title,
                          "outlet": a.article.outlet, "published": a.article.published} for a in self.articles],
            "facts": [f.to_output() for f in self.facts],
            "omissions": self.omissions,
            "quotes": self.quotes,
            "sources": self.sources,
            "framing": self.framing,
            "synthesis": self.synthesis,
            "alignments": [al.to_dict() for al in self.alignments],
            "issues": {a.id: [i.to_dict() for i in a.issues] for a in self.articles},
        }


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def _support(claim: Claim) -> dict[str, Any]:
    return {"article": claim.article, "sentence": claim.sentence, "start": claim.start, "end": claim.end,
            "text": claim.text}


def fact_claims(analyzed: AnalyzedArticle) -> list[Claim]:
    """The claims that can be facts: body sentences, not headlines or subheadings."""
    return [c for c in analyzed.claims if not c.heading and len(c.text.split()) >= MIN_CLAIM_WORDS]


def build_facts(analyzed: Sequence[AnalyzedArticle], alignments: Sequence[Alignment],
                settings: Settings) -> list[Fact]:
    claims = {c.id: c for a in analyzed for c in fact_claims(a)}
    uf = _UnionFind()
    for cid in claims:
        uf.find(cid)
    conflict_edges: list[Alignment] = []
    for al in alignments:
        if al.a not in claims or al.b not in claims:
            continue
        strong = al.relation in ("same_fact", "conflict") or al.scores.get("mutual_best")
        if al.relation in ("same_fact", "paraphrase", "conflict") and strong:
            uf.union(al.a, al.b)
        if al.relation == "conflict":
            conflict_edges.append(al)
    groups: dict[str, list[Claim]] = defaultdict(list)
    for cid, claim in claims.items():
        groups[uf.find(cid)].append(claim)
    order = {a.id: i for i, a in enumerate(analyzed)}
    facts: list[Fact] = []
    for members in groups.values():
        members.sort(key=lambda c: (order[c.article], c.sentence))
        facts.append(_make_fact(members, conflict_edges, claims))
    facts.sort(key=lambda f: (-len(f.articles()), order[f.support[0]["article"]], f.support[0]["sentence"]))
    for n, f in enumerate(facts, start=1):
        f.id = f"f{n}"
    return facts


def _make_fact(members: list[Claim], conflict_edges: Sequence[Alignment], claims: dict[str, Claim]) -> Fact:
    ids = {c.id for c in members}
    articles = list(dict.fromkeys(c.article for c in members))
    edges = [al for al in conflict_edges if al.a in ids and al.b in ids]
    # the plainest rendering: a whole sentence or what was said (not an attribution), the outlet's own
    # voice before a quote, then the shortest of at least a few words
    statement = min(members, key=lambda c: (c.part == "attribution", c.quote, len(c.text.split()) < 6,
                                            len(c.text))).text
    support = [_support(c) for c in members]
    if edges:
        values: dict[str, str] = {}
        reasons = []
        for al in edges:
            for vc in value_conflicts(claims[al.a], claims[al.b]):
                values.setdefault(claims[al.a].article, vc.a.text)
                values.setdefault(claims[al.b].article, vc.b.text)
                reasons.append(vc.reason)
        # articles in the fact that agree with one side keep their own value too
        for c in members:
            if c.article not in values:
                for v in c.values:
                    if v.kind in ("number", "money", "percent"):
                        values[c.article] = v.text
                        break
        return Fact(id="", status="conflict", statement=statement, support=support, claims=members,
                    conflict={"kind": "number", "values": values, "reason": "; ".join(dict.fromkeys(reasons))},
                    reason=edges[0].reason)
    if len(articles) >= 2:
        return Fact(id="", status="corroborated", statement=statement, support=support, claims=members,
                    reason=f"reported by {len(articles)} articles")
    return Fact(id="", status="unique", statement=statement, support=support, claims=members,
                reason="reported by one article only")


def _norm_quote(text: str) -> str:
    return re.sub(r"[^\w\s]", "", text.lower()).strip()


def quote_variants(analyzed: Sequence[AnalyzedArticle], settings: Settings) -> tuple[list[dict[str, Any]],
                                                                                       list[dict[str, Any]]]:
    """The same utterance as each article renders it; and one utterance given to different speakers."""
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
            if q.speaker is None or q.kind == "scare":
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


def framing_summary(analyzed: Sequence[AnalyzedArticle]) -> dict[str, dict[str, Any]]:
    from .framing import summarise

    return {a.id: summarise(a) for a in analyzed}


def add_naming_cues(analyzed: list[AnalyzedArticle]) -> list[AnalyzedArticle]:
    """Naming choices need the other articles: each phrase that names a referent differently from
    another article becomes a ``naming`` cue in its article's framing, with the contrast as reason."""
    from dataclasses import replace as _replace

    from .framing import naming_contrasts
    from .records import FramingCue

    contrasts = naming_contrasts(analyzed)
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
        out.append(_replace(a, framing=tuple(sorted(a.framing + tuple(new), key=lambda f: (f.start, f.cue)))))
    return out


def compare_analyzed(analyzed: Sequence[AnalyzedArticle], settings: Settings = DEFAULT) -> Comparison:
    from .synthesis import synthesise

    linked = add_naming_cues(link_across(analyzed))
    groups = [fact_claims(a) for a in linked]
    alignments = align(groups, settings)
    facts = build_facts(linked, alignments, settings)
    quotes, speaker_conflicts = quote_variants(linked, settings)
    for sc in speaker_conflicts:
        facts.append(Fact(id=f"f{len(facts) + 1}", status="conflict", statement=sc["texts"][0],
                          support=[], conflict={"kind": "speaker",
                                                "values": dict(zip(sc["articles"], sc["speakers"])),
                                                "reason": f"the same words (similarity {sc['similarity']}) are "
                                                          f"given to different speakers"},
                          reason="one quote, different speakers"))
    omissions: dict[str, list[str]] = {}
    for a in linked:
        omissions[a.id] = [f.id for f in facts if a.id not in f.articles() and f.articles()]
    comparison = Comparison(articles=list(linked), facts=facts, omissions=omissions, quotes=quotes,
                            sources=sources(linked), framing=framing_summary(linked), synthesis=[],
                            alignments=alignments)
    comparison.synthesis = synthesise(comparison)
    return comparison


def compare_sources(specs: Sequence[str], settings: Settings = DEFAULT,
                    on_error: Callable[[InputError], None] | None = None) -> Comparison:
    """Read, analyse and compare; inputs that cannot be read are reported and left out."""
    from .pipeline import load_many

    articles, errors = load_many(specs, settings)
    from .errors import TooLarge

    for a in [a for a in articles if len(a.text) > settings.max_analysis_chars]:
        errors.append(TooLarge(f"{len(a.text):,} characters of text is over the {settings.max_analysis_chars:,} "
                               "that are analysed (setting max_analysis_chars)", source=a.source))
    articles = [a for a in articles if len(a.text) <= settings.max_analysis_chars]
    for e in errors:
        if on_error:
            on_error(e)
    if len(articles) < 2:
        raise InputError(f"compare needs at least two readable articles, got {len(articles)}",
                  source=", ".join(specs) if len(specs) <= 3 else f"{len(specs)} sources", reason="too_few_articles")
    comparison = compare_analyzed(analyze_many(articles, settings), settings)
    comparison.errors = errors
    return comparison


def compare_story(store: Any, story_id: str, settings: Settings = DEFAULT) -> Comparison:
    from .analyze import ANALYSIS_VERSION
    from .stories import story_article_ids

    ids = story_article_ids(store, story_id)
    if not ids:
        raise NotFound(f"no story {story_id!r} in the store", source=store.path)
    articles = [store.get_article(i) for i in ids]
    cached = {i: store.get_analysis(i, ANALYSIS_VERSION) for i in ids}
    todo = [a for a in articles if cached[a.id] is None]
    for analyzed in analyze_many(todo, settings) if todo else []:
        store.save_analysis(analyzed, ANALYSIS_VERSION)
        cached[analyzed.id] = analyzed
    if len(articles) < 2:
        raise InputError(f"story {story_id} has only {len(articles)} article; nothing to compare", source=store.path,
                  reason="too_few_articles")
    return compare_analyzed([cached[a.id] for a in articles], settings)  # type: ignore[misc]
