"""A neutral account from a Comparison: every sentence cites its articles.

Corroborated facts are stated with citations; single-source claims are attributed
("According to <outlet>, …"); conflicts are stated as conflicts, each value with its source
and date. Sentences are taken from the articles (the plainest rendering: outlet's own voice
before a quote, the shortest), never generated, so nothing is said that no article said.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .compare import Comparison

MAX_UNIQUE_PER_ARTICLE = 3  # single-source claims per article in the synthesis (the report lists all)


def _label(comparison: "Comparison", article_id: str) -> str:
    for a in comparison.articles:
        if a.id == article_id:
            art = a.article
            date = f", {art.published}" if art.published else ""
            return f"{art.outlet or art.title or art.source}{date}"
    return article_id


def _sentence(text: str) -> str:
    text = text.strip()
    return text if re.search(r"[.!?…”\"’]$", text) else text + "."


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if text and text[:2] != text[:2].upper() else text


def synthesise(comparison: "Comparison") -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    corroborated = [f for f in comparison.facts if f.status == "corroborated"]
    for f in sorted(corroborated, key=lambda f: -len(f.articles())):
        out.append({"text": _sentence(f.statement), "citations": f.articles(), "fact": f.id,
                    "kind": "corroborated"})
    for f in comparison.facts:
        if f.status != "conflict" or not f.conflict:
            continue
        parts = [f"{value} ({_label(comparison, aid)})" for aid, value in f.conflict["values"].items()]
        topic = f.statement
        out.append({"text": f"Reports differ: {'; '.join(parts)}. " + _sentence(f"({f.conflict['reason']})"),
                    "citations": list(f.conflict["values"]), "fact": f.id, "kind": "conflict", "about": topic})
    per_article: dict[str, int] = {}
    for f in comparison.facts:
        if f.status != "unique":
            continue
        aid = f.articles()[0]
        if per_article.get(aid, 0) >= MAX_UNIQUE_PER_ARTICLE:
            continue
        claim = f.claims[0] if f.claims else None
        if claim is not None and claim.quote:
            continue  # quotes are shown with their speakers in the report, not restated here
        per_article[aid] = per_article.get(aid, 0) + 1
        out.append({"text": f"According to {_label(comparison, aid)}, {_lower_first(_sentence(f.statement))}",
                    "citations": [aid], "fact": f.id, "kind": "unique"})
    return out
