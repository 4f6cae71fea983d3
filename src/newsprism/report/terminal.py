"""Terminal reports with rich: one article, or a comparison (coverage matrix first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from ..records import AnalyzedArticle
from .text import comparison_sections, coverage_rows, short

if TYPE_CHECKING:  # pragma: no cover
    from ..records import Comparison

STYLE = {"corroborated": "green", "unique": "cyan", "conflict": "bold red", "matched": "yellow"}


def print_article(analyzed: AnalyzedArticle, console: Console) -> None:
    a = analyzed.article
    console.rule(a.heading, style="bold")
    console.print(f"outlet: {a.outlet or '-'} · published: {a.published or '-'} · author: {a.author or '-'} · "
                  f"id: {a.id}", markup=False)
    console.print(f"{len(a.text.split())} words · {len(analyzed.sentences)} sentences · "
                  f"{len(a.removed)} boilerplate lines removed", markup=False)
    for r in a.removed:
        console.print(f"  removed ({r.reason}): {short(r.text, 90)}", style="dim", markup=False)
    if analyzed.entities:
        table = Table("entity", "type", "mentions", title="Who and what")
        for e in sorted(analyzed.entities, key=lambda e: -len(e.mentions))[:15]:
            table.add_row(e.name, e.type, str(len(e.mentions)))
        console.print(table)
    if analyzed.quotes:
        table = Table("kind", "speaker", "cue", "via", "quote", title="Quotes")
        for q in analyzed.quotes:
            table.add_row(q.kind, q.speaker or "—", q.cue or "", q.via or "", short(q.text, 100))
        console.print(table)
    cues = [f for f in analyzed.framing if f.cue != "set_aside"]
    if cues:
        table = Table("cue", "words", "reason", title="Framing cues")
        for f in cues:
            table.add_row(f.cue, f.text, f.reason)
        console.print(table)
    aside = [f for f in analyzed.framing if f.cue == "set_aside"]
    if aside:
        table = Table("words", "why set aside", title="Set aside (flagged by the word tagger, judged not framing; no cue)")
        for f in aside:
            table.add_row(f.text, f.reason)
        console.print(table)
    for issue in analyzed.issues:
        console.print(f"[red]issue[/red] {issue.kind}: “{issue.text}” — {issue.reason}", markup=True,
                      highlight=False)


def print_comparison(c: "Comparison", console: Console) -> None:
    labels = [c.label(a.id) for a in c.articles]
    for n, lab in enumerate(labels, 1):
        console.print(f"[{n}] {lab}", markup=False, highlight=False)
    table = Table("fact", "status", *[str(n) for n in range(1, len(labels) + 1)], "statement",
                  title="Coverage (shared and conflicting facts; unique ones are listed below)")
    table.columns[0].min_width = 4
    table.columns[1].min_width = 12
    table.columns[-1].no_wrap = True
    table.columns[-1].overflow = "ellipsis"
    for (fid, status, row), f in zip(coverage_rows(c), [f for f in c.facts if f.support], strict=True):
        if status == "unique":
            continue
        table.add_row(fid, f"[{STYLE[status]}]{status}[/]", *["●" if x else "·" for x in row],
                      short(f.statement, 90))
    console.print(table)
    for title, lines in comparison_sections(c)[1:]:
        console.rule(title)
        for line in lines:
            console.print(line, markup=False, highlight=False)
