"""What the web app's story and outlet pages show, built from stored comparisons (the JSON contract of
OUTPUT.md, ``newsprism.comparison/2``; version 1's conflicts, ``values`` as {article: value}, are still
read). Pure functions of dictionaries: no I/O, no analysis.

``story_overview`` gives the coverage matrix (facts × outlets), the conflicts as per-measure tables
with each outlet's as-of date and source sentence, the timeline of the disputed figures, quotes
grouped by speaker with each outlet's wording, who each outlet lets speak and the cited synthesis.
``outlet_profile`` gathers, across every stored story an outlet covered, the facts it alone reports,
the corroborated facts it leaves out (claim-level blind spots), whom it quotes, the framing cues that
set it apart from the other outlets on the same stories, and its internal errors; each figure keeps
its examples (story, fact, sentence) so a page can link to them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import PurePath
from typing import Any, Mapping, Sequence

LEFT_OUT = "left out of the synthesis: "  # how a corroborated fact's reason says why the synthesis does not state it

STATUS_RANK = {"conflict": 0, "corroborated": 1, "unique": 2, "matched": 3}
_NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100}
CHART_WIDTH = 640
CHART_HEIGHT = 220
CHART_PAD = 40


def outlet_of(article: Mapping[str, Any]) -> str:
    """The name an article is filed under: its outlet, else its file or URL name (never empty)."""
    outlet = article.get("outlet")
    if outlet:
        return str(outlet)
    source = str(article.get("source") or article.get("id") or "?")
    return PurePath(source.split("?")[0]).stem or source


def conflict_rows(conflict: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """A conflict's values as rows {article, value, as_of, source, start, end, text}: version 2 lists
    them; version 1 gave {article id: value}."""
    values = (conflict or {}).get("values") or []
    if isinstance(values, Mapping):
        return [{"article": aid, "value": value} for aid, value in values.items()]
    return [dict(v) for v in values]


def anchor(fact: str, article: str) -> str:
    """The HTML id of a fact's sentence in one article (what a synthesis citation scrolls to)."""
    return f"ev-{fact}-{article}"


def _number(value: Any) -> float | None:
    text = str(value).strip().lower()
    if text in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[text])
    if _NUMBER.match(text):
        return float(text.replace(",", ""))
    return None


def story_overview(data: Mapping[str, Any], matrix_facts: int = 60) -> dict[str, Any]:
    """The story page's sections from one stored comparison."""
    articles = list(data.get("articles", []))
    outlets = [{"id": a["id"], "n": i + 1, "label": outlet_of(a), "title": a.get("title"),
                "published": a.get("published"), "source": a.get("source")} for i, a in enumerate(articles)]
    by_id = {o["id"]: o for o in outlets}
    facts = sorted(data.get("facts", []), key=lambda f: (STATUS_RANK.get(f["status"], 3), _fact_no(f["id"])))

    matrix = []
    for f in facts[:matrix_facts]:
        supporters = {s["article"] for s in f.get("support", [])}
        disputed = {r["article"] for r in conflict_rows(f.get("conflict"))}
        cells = []
        for o in outlets:
            state = ("conflict" if o["id"] in disputed else f["status"] if o["id"] in supporters else "absent")
            cells.append({"article": o["id"], "state": state,
                          "anchor": anchor(f["id"], o["id"]) if o["id"] in supporters else None})
        matrix.append({"id": f["id"], "status": f["status"], "statement": f["statement"], "reason": f.get("reason", ""),
                       "cells": cells})

    conflicts = []
    for f in facts:
        conflict = f.get("conflict")
        if not conflict:
            continue
        rows = []
        for row in conflict_rows(conflict):
            aid, value = row["article"], row["value"]
            o = by_id.get(aid, {"label": aid, "published": None, "n": 0})
            own = [s for s in f.get("support", []) if s["article"] == aid]
            s = next((x for x in own if re.search(rf"(?<!\w){re.escape(str(value))}(?!\w)", x["text"])),
                     own[0] if own else None)  # the sentence that states this outlet's figure
            rows.append({"article": aid, "n": o["n"], "label": o["label"], "value": value,
                         "as_of": row.get("as_of") or o.get("published") or "undated", "source": row.get("source"),
                         "sentence": row.get("text") or (s["text"] if s else None),
                         "anchor": anchor(f["id"], aid) if s else None})
        rows.sort(key=lambda r: (r["as_of"] == "undated", r["as_of"], r["n"]))
        measures = ([{"measure": conflict["measure"], "reason": conflict.get("reason", ""), "rows": rows}]
                    if conflict.get("measure") else per_measure(str(conflict.get("reason", "")), rows))
        conflicts.append({"id": f["id"], "kind": conflict.get("kind"), "reason": conflict.get("reason", ""),
                          "label": conflict.get("label"), "statement": f["statement"], "rows": rows,
                          "measures": measures})

    evidence = []
    for f in facts:
        rows = [{"article": s["article"], "n": by_id.get(s["article"], {}).get("n", 0),
                 "label": by_id.get(s["article"], {}).get("label", s["article"]), "text": s["text"],
                 "anchor": anchor(f["id"], s["article"])} for s in f.get("support", [])]
        rows = list({r["anchor"]: r for r in reversed(rows)}.values())[::-1]  # one row per article (its first)
        evidence.append({"id": f["id"], "status": f["status"], "statement": f["statement"], "rows": rows})

    synthesis = [{"text": s["text"], "kind": s.get("kind"), "fact": s.get("fact"),
                  "citations": [{"article": a, "n": by_id.get(a, {}).get("n", 0),
                                 "label": by_id.get(a, {}).get("label", a),
                                 "anchor": anchor(str(s.get("fact")), a)} for a in s.get("citations", [])]}
                 for s in data.get("synthesis", [])]

    # an empty synthesis (no corroborated sentence) says why each corroborated fact was left out
    unstated = [] if any(x["kind"] in ("corroborated", "attributed") for x in synthesis) else [
        {"id": f["id"], "statement": f["statement"], "why": str(f.get("reason", "")).split(LEFT_OUT, 1)[1]}
        for f in facts if f["status"] == "corroborated" and LEFT_OUT in str(f.get("reason", ""))]

    return {"outlets": outlets, "matrix": matrix, "facts_total": len(facts), "unstated": unstated,
            "counts": dict(Counter(f["status"] for f in facts)),
            "conflicts": conflicts, "timeline": timeline(conflicts, outlets),
            "quotes": quotes_by_speaker(data, by_id), "speakers": who_speaks(data, outlets),
            "synthesis": synthesis, "evidence": evidence}


_MEASURE = re.compile(r"same measure \((?P<unit>[^)]*)\), different (?:numbers|dates|values): (?P<values>[^;]+)")


def per_measure(reason: str, rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A conflict's rows split by the measure its reason names ("same measure (people), different
    numbers: 45 vs 65"): each table holds the outlets whose figure is one of that measure's values.
    A reason that names no measure gives one table of every row."""
    tables = []
    for m in _MEASURE.finditer(reason):
        values = {v.strip() for v in m.group("values").split(" vs ")}
        members = [r for r in rows if str(r["value"]).strip() in values]
        if members:
            tables.append({"measure": m.group("unit"), "reason": m.group(0), "rows": members})
    return tables or [{"measure": "", "reason": reason, "rows": list(rows)}]


def _fact_no(fact_id: str) -> int:
    digits = re.sub(r"\D", "", fact_id)
    return int(digits) if digits else 0


def timeline(conflicts: Sequence[Mapping[str, Any]], outlets: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The disputed figures as chart series: one series per numeric conflict, x the as-of date of each
    outlet's report (the article order when undated), y the figure; SVG coordinates included."""
    dated = all(o.get("published") for o in outlets)
    order = sorted(outlets, key=lambda o: (str(o.get("published") or ""), o["n"])) if dated else list(outlets)
    xs = {o["id"]: i for i, o in enumerate(order)}
    series = []
    for c in conflicts:
        if c.get("kind") != "number":
            continue
        for table in c["measures"]:
            points = [(r, _number(r["value"])) for r in table["rows"]]
            numeric = [(r, v) for r, v in points if v is not None]
            if len(numeric) < 2:
                continue
            series.append({"fact": c["id"], "measure": table["measure"] or table["reason"],
                           "points": [{"article": r["article"], "label": r["label"], "as_of": r["as_of"],
                                       "value": v, "shown": r["value"]} for r, v in numeric]})
    if not series:
        return {"series": [], "axis": [], "dated": dated, "width": CHART_WIDTH, "height": CHART_HEIGHT}
    top = max(p["value"] for s in series for p in s["points"])
    low = min(0.0, min(p["value"] for s in series for p in s["points"]))
    span = (top - low) or 1.0
    step = (CHART_WIDTH - 2 * CHART_PAD) / max(1, len(order) - 1)
    for s in series:
        for p in s["points"]:
            p["x"] = round(CHART_PAD + step * xs.get(p["article"], 0), 1)
            p["y"] = round(CHART_HEIGHT - CHART_PAD - (p["value"] - low) / span * (CHART_HEIGHT - 2 * CHART_PAD), 1)
        s["points"].sort(key=lambda p: p["x"])
        s["path"] = " ".join(f"{'M' if i == 0 else 'L'}{p['x']},{p['y']}" for i, p in enumerate(s["points"]))
    axis = [{"x": round(CHART_PAD + step * i, 1), "label": o.get("published") or f"[{o['n']}]"}
            for i, o in enumerate(order)]
    return {"series": series, "axis": axis, "dated": dated, "width": CHART_WIDTH, "height": CHART_HEIGHT,
            "top": top, "low": low}


def quotes_by_speaker(data: Mapping[str, Any], by_id: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Utterances quoted by several outlets, grouped by speaker, each outlet's wording side by side."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in data.get("quotes", []):
        variants = [{"article": v["article"], "label": by_id.get(v["article"], {}).get("label", v["article"]),
                     "n": by_id.get(v["article"], {}).get("n", 0), "text": v["text"]} for v in q.get("variants", [])]
        grouped[q.get("speaker") or "unattributed"].append({"consistent": q.get("consistent"), "variants": variants})
    return [{"speaker": k, "utterances": v} for k, v in sorted(grouped.items(), key=lambda kv: -len(kv[1]))]


def who_speaks(data: Mapping[str, Any], outlets: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Speakers × outlets: quoted words and reported statements each outlet gives each speaker."""
    sources = data.get("sources", {})
    table: dict[str, dict[str, dict[str, int]]] = defaultdict(dict)
    for o in outlets:
        for row in sources.get(o["id"], []):
            table[row["speaker"]][o["id"]] = {"words": int(row.get("words", 0)), "reported": int(row.get("reported", 0))}
    rows: list[dict[str, Any]] = [{"speaker": sp, "cells": [cells.get(o["id"]) for o in outlets],
             "outlets": len(cells), "words": sum(c["words"] for c in cells.values())}
            for sp, cells in table.items()]
    rows.sort(key=lambda r: (-r["outlets"], -r["words"], r["speaker"]))
    return {"outlets": [o["label"] for o in outlets], "rows": rows}


def _framing_rows(mine: Mapping[str, list[float]], others: Mapping[str, list[float]]) -> list[dict[str, Any]]:
    """Mean cue rate (per 1,000 words) of the outlet's articles against the other outlets' on the same
    stories, largest difference first."""
    rows: list[dict[str, Any]] = []
    for cue in sorted(set(mine) | set(others)):
        own = sum(mine.get(cue, [])) / len(mine[cue]) if mine.get(cue) else 0.0
        rest = sum(others.get(cue, [])) / len(others[cue]) if others.get(cue) else 0.0
        rows.append({"cue": cue, "own": round(own, 2), "others": round(rest, 2), "difference": round(own - rest, 2)})
    rows.sort(key=lambda r: -abs(r["difference"]))
    return rows


def outlet_profile(name: str, comparisons: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Across the stored comparisons (``{story_id, title, data}``) of stories ``name`` covered: its unique
    facts, its blind spots (corroborated facts it leaves out), disputed figures, whom it quotes, the
    framing cues that set it apart from the other outlets on the same stories, and its internal errors."""
    unique: list[dict[str, Any]] = []
    blind: list[dict[str, Any]] = []
    disputed: list[dict[str, Any]] = []
    issues: list[dict[str, Any]] = []
    speakers: dict[str, dict[str, Any]] = {}
    mine_rates: dict[str, list[float]] = defaultdict(list)
    other_rates: dict[str, list[float]] = defaultdict(list)
    mine_words: Counter[tuple[str, str]] = Counter()
    other_words: Counter[tuple[str, str]] = Counter()
    examples_of: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    stories = []
    for comp in comparisons:
        data = comp["data"]
        story = comp["story_id"]
        arts = data.get("articles", [])
        mine = {a["id"] for a in arts if outlet_of(a) == name}
        if not mine:
            continue
        others = {a["id"] for a in arts} - mine
        stories.append({"id": story, "title": comp.get("title"), "articles": len(arts), "own": len(mine)})
        for f in data.get("facts", []):
            support = f.get("support", [])
            supporters = {s["article"] for s in support}
            example = {"story": story, "story_title": comp.get("title"), "fact": f["id"], "statement": f["statement"]}
            if f["status"] == "unique" and supporters and supporters <= mine:
                own = next(s for s in support if s["article"] in mine)
                unique.append({**example, "text": own["text"], "anchor": anchor(f["id"], own["article"])})
            elif f["status"] == "corroborated" and not supporters & mine:
                outlets = sorted({outlet_of(a) for a in arts if a["id"] in supporters})
                first = support[0]
                blind.append({**example, "reported_by": outlets, "text": first["text"],
                              "anchor": anchor(f["id"], first["article"])})
            values = conflict_rows(f.get("conflict"))
            if values and {r["article"] for r in values} & mine:
                disputed.append({**example, "own": [r["value"] for r in values if r["article"] in mine],
                                 "others": [r["value"] for r in values if r["article"] not in mine],
                                 "reason": (f.get("conflict") or {}).get("reason", "")})
        for aid in mine:
            for row in data.get("sources", {}).get(aid, []):
                sp = speakers.setdefault(row["speaker"], {"speaker": row["speaker"], "words": 0, "quotes": 0,
                                                          "reported": 0, "stories": []})
                sp["words"] += int(row.get("words", 0))
                sp["quotes"] += int(row.get("quotes", 0))
                sp["reported"] += int(row.get("reported", 0))
                if story not in sp["stories"]:
                    sp["stories"].append(story)
            for issue in data.get("issues", {}).get(aid, []):
                issues.append({"story": story, "story_title": comp.get("title"), **issue})
        framing = data.get("framing", {})
        for aid in mine | others:
            summary = framing.get(aid, {})
            rates = mine_rates if aid in mine else other_rates
            bag = mine_words if aid in mine else other_words
            for cue, rate in summary.get("counts", {}).items():
                rates[cue].append(float(rate))
            for item in summary.get("notable", []):
                key = (item.get("cue", ""), str(item.get("text", "")).lower())
                bag[key] += 1
                if aid in mine and len(examples_of[key]) < 20:
                    examples_of[key].append({"story": story, "text": item.get("text"), "reason": item.get("reason")})
    framing_rows = _framing_rows(mine_rates, other_rates)
    apart = [{"cue": cue, "text": text, "count": n, "examples": examples_of[(cue, text)]}
             for (cue, text), n in mine_words.most_common() if (cue, text) not in other_words]
    quoted = sorted(speakers.values(), key=lambda s: (-(s["words"] + s["reported"]), s["speaker"]))
    return {"outlet": name, "stories": stories, "unique": unique, "blind_spots": blind, "disputed": disputed,
            "speakers": quoted, "framing": framing_rows, "framing_words": apart, "issues": issues}
