"""Markdown report of a comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .text import comparison_sections, coverage_rows, short

if TYPE_CHECKING:  # pragma: no cover
    from ..records import Comparison


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(c: "Comparison") -> str:
    out = ["# newsprism comparison", ""]
    labels = [c.label(a.id) for a in c.articles]
    out += ["## Coverage", "", "| fact | status | " + " | ".join(_cell(x) for x in labels) + " | statement |",
            "|---|---|" + "---|" * len(labels) + "---|"]
    facts = [f for f in c.facts if f.support]
    for (fid, status, row), f in zip(coverage_rows(c), facts, strict=True):
        out.append(f"| {fid} | {status} | " + " | ".join("●" if x else "" for x in row)
                   + f" | {_cell(short(f.statement, 100))} |")
    out.append("")
    for title, lines in comparison_sections(c):
        out += [f"## {title}", ""]
        for line in lines:
            indent = line.startswith("    ")
            out.append(("  - " if indent else "- ") + _cell(line.strip()))
        out.append("")
    return "\n".join(out)
