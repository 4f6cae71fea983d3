"""Terminal reports with rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from ..records import AnalyzedArticle

if TYPE_CHECKING:  # pragma: no cover
    from ..compare import Comparison


def print_article(analyzed: AnalyzedArticle, console: Console) -> None:
    a = analyzed.article
    console.rule(a.title or a.source, style="bold")
    console.print(f"outlet: {a.outlet or '-'} · published: {a.published or '-'} · author: {a.author or '-'} · "
                  f"id: {a.id}", markup=False)
    console.print(f"{len(a.text.split())} words · {len(analyzed.sentences)} sentences · "
                  f"{len(a.removed)} boilerplate lines removed", markup=False)
    for r in a.removed:
        console.print(f"  removed ({r.reason}): {r.text[:90]}", style="dim", markup=False)
    if analyzed.entities:
        table = Table("entity", "type", "mentions", title="Who and what")
        for e in sorted(analyzed.entities, key=lambda e: -len(e.mentions))[:15]:
            table.add_row(e.name, e.type, str(len(e.mentions)))
        console.print(table)
    if analyzed.quotes:
        table = Table("kind", "speaker", "cue", "quote", title="Quotes")
        for q in analyzed.quotes:
            table.add_row(q.kind, q.speaker or "?", q.cue or "", q.text[:100])
        console.print(table)
    if analyzed.framing:
        table = Table("cue", "words", "reason", title="Framing cues")
        for f in analyzed.framing:
            table.add_row(f.cue, f.text, f.reason)
        console.print(table)
    for issue in analyzed.issues:
        console.print(f"[red]issue[/red] {issue.kind}: “{issue.text}” — {issue.reason}")


def print_comparison(comparison: "Comparison", console: Console) -> None:
    from .text import comparison_sections

    for title, lines in comparison_sections(comparison):
        console.rule(title)
        for line in lines:
            console.print(line, markup=False)
