"""Facts of a comparison: aligned claims grouped into corroborated, unique and conflicting facts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any, Sequence

from ..records import Alignment, AnalyzedArticle, Claim, Fact
from ..settings import DEFAULT, Settings
from ..similarity import value_conflicts

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


def _support(claim: Claim, text: str) -> dict[str, Any]:
    """Where the claim stands in its article; ``text`` is exactly ``article.text[start:end]``."""
    return {"article": claim.article, "sentence": claim.sentence, "start": claim.start, "end": claim.end,
            "text": text[claim.start:claim.end]}


def fact_claims(analyzed: AnalyzedArticle, settings: Settings = DEFAULT) -> list[Claim]:
    """The claims that can be facts: body sentences, not headlines or subheadings."""
    return [c for c in analyzed.claims if not c.heading and len(c.text.split()) >= settings.min_claim_words]


def build_facts(analyzed: Sequence[AnalyzedArticle], alignments: Sequence[Alignment],
                settings: Settings) -> list[Fact]:
    claims = {c.id: c for a in analyzed for c in fact_claims(a, settings)}
    texts = {a.id: a.article.text for a in analyzed}
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
        facts.append(_make_fact(members, conflict_edges, claims, settings, texts))
    facts.sort(key=lambda f: (-len(f.articles()), order[f.support[0]["article"]], f.support[0]["sentence"]))
    return [replace(f, id=f"f{n}") for n, f in enumerate(facts, start=1)]


def _make_fact(members: list[Claim], conflict_edges: Sequence[Alignment], claims: dict[str, Claim],
               settings: Settings, texts: dict[str, str]) -> Fact:
    ids = {c.id for c in members}
    articles = list(dict.fromkeys(c.article for c in members))
    edges = [al for al in conflict_edges if al.a in ids and al.b in ids]
    # the plainest rendering: a whole sentence or what was said (not an attribution), the outlet's own
    # voice before a quote, then the shortest of at least a few words
    statement = min(members, key=lambda c: (c.part == "attribution", c.quote, len(c.text.split()) < 6,
                                            len(c.text))).text
    support = tuple(_support(c, texts[c.article]) for c in members)
    if edges:
        values: dict[str, str] = {}
        reasons = []
        for al in edges:
            for vc in value_conflicts(claims[al.a], claims[al.b], settings):
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
        return Fact(id="", status="conflict", statement=statement, support=support, claims=tuple(members),
                    conflict={"kind": "number", "values": values, "reason": "; ".join(dict.fromkeys(reasons))},
                    reason=edges[0].reason)
    if len(articles) >= 2:
        return Fact(id="", status="corroborated", statement=statement, support=support, claims=tuple(members),
                    reason=f"reported by {len(articles)} articles")
    return Fact(id="", status="unique", statement=statement, support=support, claims=tuple(members),
                reason="reported by one article only")
