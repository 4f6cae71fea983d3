"""The neutral synthesis on real coverage nobody tuned it on: BASIL 2010–2014, 12 held-out events.

The events are ``random.Random(1717).sample`` of 12 from the held-out half of
``scripts/train_bias_words.py::basil_split`` (every BASIL event has some pair-verifier labels, so none is free of
them; the synthesis rules were never built on BASIL). Each event's three articles are analysed and compared as
``benchmarks/conflicts_basil.py`` does; every synthesis sentence is keyed by event, its citations and its first
twelve words, and scored against hand labels (``benchmarks/results/synthesis_basil_labels.json``: ``verdict`` right /
wrong / undecided, a ``class`` and a short ``note``; labelled by an LLM-based helper session reading every sentence
against its cited spans and searching the uncited articles). A sentence the labels do not cover is printed as
unlabelled (to be read).

    PYTHONPATH=src .venv/bin/python benchmarks/synthesis_basil.py [--cache DIR] [--show] [--fresh]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from conflicts_basil import events, load_event  # noqa: E402
from train_bias_words import basil_split  # noqa: E402

from newsprism.compare import compare_analyzed  # noqa: E402

LABELS = Path(__file__).resolve().parent / "results" / "synthesis_basil_labels.json"
TRAIN_LABELS = Path(__file__).resolve().parent / "results" / "synthesis_basil_train_labels.json"
SETS = ("held", "fresh", "train-dev", "train-test")


def chosen(fresh: bool | str = False) -> list[str]:
    """The 12 events of the first reading; with ``fresh``, the 6 read after the first fixes (``Random(1717)`` sample
    of the 13 held-out events left). ``"train-dev"`` / ``"train-test"``: session 13's split of the BASIL *training*
    half (never used to build or score the synthesis before): a ``Random(1818)`` shuffle of the sorted training
    events, the first 14 to read, label and fix on, the next 6 read once at the end (the last 5 unused)."""
    train, held, _ = basil_split(list(events()))
    if fresh in ("train-dev", "train-test"):
        ids = sorted(train)
        random.Random(1818).shuffle(ids)
        return ids[:14] if fresh == "train-dev" else ids[14:20]
    fresh = fresh in (True, "fresh")
    first = random.Random(1717).sample(sorted(held), 12)
    if not fresh:
        return first
    return random.Random(1717).sample([e for e in sorted(held) if e not in first], 6)


def key(event: str, citations: list[str], text: str) -> str:
    return f"{event}|{','.join(sorted(citations))}|{' '.join(text.removesuffix(' …').split()[:12])}"


def sentences(cache: Path | None, fresh: bool | str = False) -> list[dict[str, Any]]:
    evs = events()
    out = []
    for e in chosen(fresh):
        analyzed = load_event(evs[e], cache)
        c = compare_analyzed(analyzed)
        name = {a.id: Path(a.article.source).stem.replace(e, "") for a in analyzed}
        for s in c.synthesis:
            cites = [name[x] for x in s["citations"]]
            out.append({"key": key(e, cites, s["text"]), "event": e, "kind": s["kind"], "text": s["text"],
                        "fact": s.get("fact"), "citations": cites})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None, help="directory to keep analyses in between runs")
    ap.add_argument("--labels", type=Path, default=None,
                    help=f"labels file (default {LABELS.name}; {TRAIN_LABELS.name} for the train sets)")
    ap.add_argument("--set", choices=SETS, default=None, help="which events (default held; --fresh = fresh)")
    ap.add_argument("--show", action="store_true", help="print every sentence with its verdict")
    ap.add_argument("--fresh", action="store_true", help="the 6 events read after the first fixes instead of the 12")
    ap.add_argument("--dump", type=Path, default=None, help="write every sentence (key, event, fact, citations) here")
    args = ap.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    which = args.set or ("fresh" if args.fresh else "held")
    labels_path = args.labels or (TRAIN_LABELS if which.startswith("train") else LABELS)
    found = sentences(args.cache, which)
    events_in = set(chosen(which))
    labels = {key(r["event"], r["citations"], r["sentence"]): r for r in (json.loads(labels_path.read_text())["items"] if labels_path.exists() else [])
              if r["event"] in events_in}
    verdicts = Counter(labels[r["key"]]["verdict"] if r["key"] in labels else "unlabelled" for r in found)
    classes = Counter(labels[r["key"]]["class"] for r in found
                      if r["key"] in labels and labels[r["key"]]["verdict"] == "wrong")
    print(f"BASIL synthesis: {len(found)} sentences in {len(events_in)} events · {time.perf_counter() - started:.0f} s")
    print(f"right {verdicts['right']}, wrong {verdicts['wrong']}, undecided {verdicts['undecided']}, "
          f"unlabelled {verdicts['unlabelled']}"
          + (" · wrong by class: " + "; ".join(f"{c} {n}" for c, n in classes.most_common()) if classes else ""))
    gone = Counter(r["verdict"] for k, r in labels.items() if k not in {f["key"] for f in found})
    if gone:
        print("labelled sentences no longer stated: " + ", ".join(f"{v} {n}" for v, n in gone.most_common()))
    for r in found:
        if args.show or r["key"] not in labels:
            print(("UNLABELLED " if r["key"] not in labels else f"{labels[r['key']]['verdict'].upper()} ")
                  + f"[{r['event'][:8]} {r['fact']} {','.join(r['citations'])}] " + r["text"])
    if args.dump:
        args.dump.write_text(json.dumps(found, indent=1))


if __name__ == "__main__":
    main()
