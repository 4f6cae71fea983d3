"""Plain sections of a comparison, shared by the terminal and Markdown reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Mapping, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from ..records import Comparison

STATUS_MARK = {"corroborated": "✔", "unique": "•", "conflict": "✖"}


def short(text: str, n: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def coverage_rows(c: "Comparison") -> Iterator[tuple[str, str, list[bool]]]:
    ids = [a.id for a in c.articles]
    for f in c.facts:
        if not f.support:
            continue
        arts = set(f.articles())
        yield f.id, f.status, [i in arts for i in ids]


def comparison_sections(c: "Comparison") -> list[tuple[str, list[str]]]:
    labels = {a.id: c.label(a.id) for a in c.articles}
    sections: list[tuple[str, list[str]]] = []
    sections.append(("Articles", [f"[{n}] {labels[a.id]} — {a.article.heading}"
                                  f" ({a.article.published or 'undated'})" for n, a in enumerate(c.articles, 1)]))
    counts = {s: sum(1 for f in c.facts if f.status == s) for s in ("corroborated", "unique", "conflict")}
    sections.append(("Summary", [f"{counts['corroborated']} corroborated · {counts['unique']} unique · "
                                 f"{counts['conflict']} in conflict"]))
    lines = []
    for f in c.facts:
        if f.status == "corroborated":
            who = ", ".join(labels[a] for a in f.articles())
            lines.append(f"{f.id} [{who}] {short(f.statement)}")
    sections.append(("Corroborated", lines or ["none"]))
    lines = []
    for f in c.facts:
        if f.status == "conflict" and f.conflict:
            lines.append(f"{f.id} {f.conflict.get('measure', '')} [{f.conflict.get('label', 'conflict')}] — "
                         f"{f.conflict['reason']}")
            for v in f.conflict["values"]:
                when = f", {v['as_of']}" if v.get("as_of") else ""
                source = f", according to {v['source']}" if v.get("source") else ""
                lines.append(f"    {labels.get(v['article'], v['article'])}: {v['value']}{when}{source}"
                             + (f" — “{short(v['text'], 100)}”" if v.get("text") else ""))
    sections.append(("Conflicts", lines or ["none"]))
    lines = []
    for a in c.articles:
        uniq = [f for f in c.facts if f.status == "unique" and f.articles() == [a.id]]
        lines.append(f"{labels[a.id]} alone reports {len(uniq)}:")
        lines.extend(f"    {f.id} {short(f.statement, 120)}" for f in uniq)
    sections.append(("Unique to one outlet", lines))
    lines = []
    for a in c.articles:
        missing = [fid for fid in c.omissions.get(a.id, [])
                   if any(f.id == fid and f.status != "unique" for f in c.facts)]
        lines.append(f"{labels[a.id]} omits {len(missing)} fact(s) others share: {', '.join(missing) or '—'}")
    sections.append(("Omissions", lines))
    lines = []
    for q in c.quotes:
        mark = "same words" if q["consistent"] else "DIFFERENT WORDING"
        lines.append(f"{q['speaker']} ({mark}):")
        lines.extend(f"    {labels[v['article']]}: “{short(v['text'], 110)}”" for v in q["variants"])
    sections.append(("Quotes rendered by several outlets", lines or ["none"]))
    lines = []
    for a in c.articles:
        speakers = c.sources.get(a.id, [])
        voices = ", ".join(f"{s['speaker']} ({s['words']} quoted words, {s['reported']} reported)"
                           for s in speakers[:6]) or "no one"
        lines.append(f"{labels[a.id]}: {voices}")
    sections.append(("Who speaks", lines))
    lines = []
    for a in c.articles:
        fr = c.framing.get(a.id, {})
        counts_ = ", ".join(f"{k} {v}" for k, v in fr.get("counts", {}).items()) or "none found"
        lines.append(f"{labels[a.id]} (per 1,000 words): {counts_}")
        for item in fr.get("notable", []):  # every cue the counts count (review11f: a counted cue was not listed)
            lines.append(f"    {item['cue']}: “{item['text']}” — {item['reason']}")
    sections.append(("Framing", lines))
    lines = []
    for a in c.articles:
        for i in a.issues:
            lines.append(f"{labels[a.id]}: {i.kind} “{i.text}” — {i.reason}")
    sections.append(("Internal errors", lines or ["none"]))
    lines = []
    for s in c.synthesis:
        cites = ", ".join(f"[{[a.id for a in c.articles].index(x) + 1}]" for x in s["citations"])
        lines.append(f"{s['text']} {cites}")
    lines += unstated_lines(c.synthesis, [(f.id, f.status, f.statement, f.reason) for f in c.facts])
    sections.append(("Neutral synthesis", lines or ["nothing to say"]))
    return sections


LEFT_OUT = "left out of the synthesis: "


def unstated_lines(synthesis: "Sequence[Mapping[str, Any]]", facts: "Sequence[tuple[str, str, str, str]]") -> list[str]:
    """When the synthesis states no corroborated fact though the articles corroborate some, why: each corroborated
    fact (id, status, statement, reason) with the reason it was left out — an empty synthesis is the first thing a
    reader sees, never left unexplained."""
    if any(s.get("kind") in ("corroborated", "attributed") for s in synthesis):
        return []
    left = [(fid, statement, reason.split(LEFT_OUT, 1)[1]) for fid, status, statement, reason in facts
            if status == "corroborated" and LEFT_OUT in (reason or "")]
    if not left:
        return []
    return [f"No corroborated fact is stated: the articles corroborate {len(left)}, each left out —"] + \
        [f"    {fid} “{short(statement, 90)}”: {short(reason, 220)}" for fid, statement, reason in left]
