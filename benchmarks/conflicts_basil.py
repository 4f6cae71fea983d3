"""Number conflicts and internal number checks on real coverage nobody tuned them on: BASIL 2010–2014.

Every BASIL event (a triplet uuid: Fox News, The New York Times, HuffPost) is analysed and compared; each
reported number conflict (a fact of status ``conflict`` of kind ``number``: its measure, label and
values; speaker disagreements are not scored here) and each internal
number-check flag is written out with a key that survives re-runs (event, measure, each value's article and
character offsets), and scored against hand labels where they exist
(``benchmarks/results/conflicts_basil_labels.json``: per item ``verdict`` right / wrong, a ``class`` for a
wrong one, a short ``note``; labelled by an LLM-based helper session reading every value in its sentence).
An item reported now that the labels do not cover is printed as unlabelled (to be read).

    PYTHONPATH=src .venv/bin/python benchmarks/conflicts_basil.py [--cache DIR] [--dump FILE] [--show]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from newsprism.compare import compare_analyzed
from newsprism.extract import extract
from newsprism.records import AnalyzedArticle, RawDocument
from newsprism.stages import analysis_key, analyze_many

BASIL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "basil"
LABELS = Path(__file__).resolve().parent / "results" / "conflicts_basil_labels.json"
OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}


def events() -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = defaultdict(list)
    for f in sorted((BASIL / "articles").glob("*/*.json")):
        out[json.loads(f.read_text(encoding="utf-8"))["triplet-uuid"]].append(f)
    return dict(out)


def load_event(files: list[Path], cache: Path | None) -> list[AnalyzedArticle]:
    """Read (title + body paragraphs, as the other BASIL benchmarks do; date and outlet from the record, as a
    feed would give them) and analyse one event's articles with every default stage."""
    key = analysis_key().replace(":", "_")
    path = cache / f"{key}_{files[0].stem.rsplit('_', 1)[0]}.json" if cache else None
    if path and path.exists():
        data = json.loads(path.read_text())
        return [AnalyzedArticle.from_output(data[f.name]) for f in files]
    from dataclasses import replace
    articles = []
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(p) for p in d["body-paragraphs"])
        a = extract(RawDocument(source=f"{f.parent.name}/{f.name}", data=f"{d['title']}\n\n{body}".encode(), kind="text"))
        articles.append(replace(a, published=a.published or d.get("date"),
                                outlet=a.outlet or OUTLETS.get(str(d.get("source", "")).lower(), d.get("source"))))
    analyzed = analyze_many(articles)
    if path:
        path.write_text(json.dumps({f.name: a.to_output() for f, a in zip(files, analyzed, strict=True)}))
    return analyzed


def sentence_of(text: str, start: int, end: int) -> str:
    a = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    b = min(x for x in (text.find(". ", end), text.find("\n", end), len(text)) if x >= 0)
    return text[a:b + 1].strip()


def items(event: str, analyzed: list[AnalyzedArticle]) -> list[dict[str, Any]]:
    """Every reported conflict and internal flag of one event, keyed by offsets (no article text kept
    beyond the figure's own words)."""
    comparison = compare_analyzed(analyzed)
    name = {a.id: Path(a.article.source).name for a in analyzed}
    text = {a.id: a.article.text for a in analyzed}
    out = []
    for fact in comparison.facts:
        if fact.status != "conflict" or not fact.conflict or fact.conflict.get("kind") != "number":
            continue
        c = fact.conflict
        values = [{"article": name[v["article"]], "start": v["start"], "end": v["end"],
                   "text": text[v["article"]][v["start"]:v["end"]], "as_of": v.get("as_of"), "source": v.get("source"),
                   "sentence": sentence_of(text[v["article"]], v["start"], v["end"])}
                  for v in c.get("values", [])]
        key = f"conflict|{event}|{c.get('measure')}|" + ";".join(sorted(f"{v['article']}@{v['start']}" for v in values))
        out.append({"key": key, "kind": "conflict", "event": event, "measure": c.get("measure"),
                    "label": c.get("label"), "reason": c.get("reason"), "values": values})
    for a in analyzed:
        for issue in a.issues:
            if not issue.kind.startswith("number") and "number" not in issue.kind:
                continue
            key = f"check|{event}|{issue.kind}|{name[a.id]}@{issue.start}-{issue.end}"
            out.append({"key": key, "kind": "check", "event": event, "issue": issue.kind,
                        "article": name[a.id], "start": issue.start, "end": issue.end, "reason": issue.reason,
                        "sentence": sentence_of(a.article.text, issue.start, issue.end)})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None, help="directory to keep analyses in between runs")
    ap.add_argument("--dump", type=Path, default=None, help="write every reported item (with its sentences) here")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--limit", type=int, default=0, help="only the first N events (0: all)")
    ap.add_argument("--show", action="store_true", help="print every reported item")
    args = ap.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    found: list[dict[str, Any]] = []
    evs = events()
    chosen = list(evs.items())[: args.limit or None]
    for event, files in chosen:
        found.extend(items(event, load_event(files, args.cache)))
    seconds = time.perf_counter() - started
    if args.dump:
        args.dump.write_text(json.dumps(found, indent=1, ensure_ascii=False))
    labels = {r["key"]: r for r in json.loads(args.labels.read_text())["items"]} if args.labels.exists() else {}
    print(f"BASIL: {sum(len(f) for _, f in chosen)} articles in {len(chosen)} events · {seconds:.0f} s")
    for kind in ("conflict", "check"):
        mine = [r for r in found if r["kind"] == kind]
        verdicts = Counter(labels[r["key"]]["verdict"] if r["key"] in labels else "unlabelled" for r in mine)
        classes = Counter(labels[r["key"]].get("class") for r in mine
                          if r["key"] in labels and labels[r["key"]]["verdict"] == "wrong")
        print(f"{kind}s reported: {len(mine)} · right {verdicts['right']}, wrong {verdicts['wrong']}, "
              f"unlabelled {verdicts['unlabelled']}"
              + (" · wrong by class: " + "; ".join(f"{c} {n}" for c, n in classes.most_common()) if classes else ""))
        if kind == "conflict":
            print("  labels: " + ", ".join(f"{lab} {n}" for lab, n in Counter(r["label"] for r in mine).most_common()))
    gone = [k for k in labels if k not in {r["key"] for r in found}]
    if gone:
        was = Counter(labels[k]["verdict"] for k in gone)
        print(f"labelled items no longer reported: {len(gone)} (right {was['right']}, wrong {was['wrong']})")
    for r in found:
        if args.show or r["key"] not in labels:
            print(("UNLABELLED " if r["key"] not in labels else f"{labels[r['key']]['verdict'].upper()} ") + r["key"])


if __name__ == "__main__":
    main()
