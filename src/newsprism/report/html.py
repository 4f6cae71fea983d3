"""One standalone HTML file: articles side by side, facts coloured by status, a click on a fact
highlights its sentence in every article. No network: CSS, JS and the SVG chart are inline.
Everything from an article goes through Jinja2's autoescaping; nothing from an article is put
inside the script."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..records import URL_SCHEME, short_source

if TYPE_CHECKING:  # pragma: no cover
    from ..records import Comparison

TEMPLATES = Path(__file__).parent / "templates"
STATUS_ORDER = {"conflict": 0, "corroborated": 1, "unique": 2, "matched": 3}


def _env() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"]),
                       trim_blocks=True, lstrip_blocks=True)


def anchor_id(article_id: str, start: int) -> str:
    """The HTML id of the marked span that starts at ``start`` in an article (citations link to it)."""
    return f"s-{article_id}-{start}"


def segments(text: str, start: int, end: int, marks: list[tuple[int, int, str, str]],
             article_id: str = "") -> list[dict[str, Any]]:
    """Split text[start:end] into plain and marked pieces (marks: start, end, fact ids, status)."""
    out: list[dict[str, Any]] = []
    pos = start
    for m_start, m_end, facts, status in sorted(marks):
        if m_end <= pos or m_start >= end:
            continue
        m_start = max(m_start, pos)
        m_end = min(m_end, end)
        if m_start > pos:
            out.append({"text": text[pos:m_start]})
        out.append({"text": text[m_start:m_end], "facts": facts, "status": status,
                    "anchor": anchor_id(article_id, m_start)})
        pos = m_end
    if pos < end:
        out.append({"text": text[pos:end]})
    return out


def article_view(c: "Comparison", index: int) -> dict[str, Any]:
    a = c.articles[index]
    marks: dict[tuple[int, int], dict[str, Any]] = {}
    for f in c.facts:
        for s in f.support:
            if s["article"] != a.id:
                continue
            key = (s["start"], s["end"])
            entry = marks.setdefault(key, {"facts": [], "status": f.status})
            entry["facts"].append(f.id)
            if STATUS_ORDER[f.status] < STATUS_ORDER[entry["status"]]:
                entry["status"] = f.status
    flat = [(k[0], k[1], " ".join(v["facts"]), v["status"]) for k, v in marks.items()]
    # overlapping spans (a claim's content inside its sentence): keep the longest first, drop nested ones
    flat.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, str, str]] = []
    for m in flat:
        if kept and m[0] < kept[-1][1]:
            continue
        kept.append(m)
    paragraphs = []
    for p in a.article.paragraphs:
        paragraphs.append({"kind": p.kind, "segments": segments(a.article.text, p.start, p.end, kept, a.id)})
    return {"id": a.id, "n": index + 1, "label": c.label(a.id), "title": a.article.title,
            "heading": a.article.heading, "source": _where(a.article.url, a.article.source), "published": a.article.published, "author": a.article.author,
            "paragraphs": paragraphs, "issues": [i.to_dict() for i in a.issues],
            "framing": c.framing.get(a.id, {}), "sources": c.sources.get(a.id, []),
            "marks": [(m[0], m[1]) for m in kept]}


def _where(url: str | None, source: str) -> str:
    """Where an article was read from, as a report shows it: its web address, else its file's name (a local path
    says nothing about the article and must not leak into what a user publishes)."""
    if url:
        return url
    return source if URL_SCHEME.match(source or "") else short_source(source)


def coverage_chart(c: "Comparison") -> list[dict[str, Any]]:
    rows = []
    for a in c.articles:
        counts = {s: sum(1 for f in c.facts if f.status == s and a.id in f.articles())
                  for s in ("corroborated", "conflict", "unique")}
        rows.append({"label": c.label(a.id), **counts, "total": sum(counts.values())})
    return rows


def render(c: "Comparison") -> str:
    views = [article_view(c, i) for i in range(len(c.articles))]
    marks = {v["id"]: v["marks"] for v in views}

    def anchor(article_id: str, start: int) -> str:
        """The marked span holding ``start`` (a value inside its sentence), else the article."""
        for m_start, m_end in marks.get(article_id, []):
            if m_start <= start < m_end:
                return anchor_id(article_id, m_start)
        return f"article-{article_id}"

    def citations(item: dict[str, Any]) -> list[dict[str, str]]:
        """One link per cited article, to its supporting span."""
        spans = {sp["article"]: sp for sp in reversed(item.get("spans", []))}
        return [{"article": aid, "href": anchor(aid, spans[aid]["start"]) if aid in spans else f"article-{aid}"}
                for aid in item["citations"]]

    numbers = {a.id: n + 1 for n, a in enumerate(c.articles)}
    labels = {a.id: c.label(a.id) for a in c.articles}
    facts = sorted([f for f in c.facts if f.support], key=lambda f: (STATUS_ORDER[f.status], int(f.id[1:])))
    chart = coverage_chart(c)
    return _env().get_template("comparison.html.j2").render(
        c=c, articles=views, facts=facts, numbers=numbers, anchor=anchor, citations=citations,
        labels=labels, chart=chart, chart_max=max([r["total"] for r in chart] + [1]),
        speaker_conflicts=[f for f in c.facts if f.status == "conflict" and not f.support],
    )
