"""Batch inputs made from BASIL (read at run time from ../shared/corpus; nothing is copied into the repo).

``basil_records`` yields the 150 BASIL articles as news-please style records; ``variant_records`` makes more
by recombining BASIL paragraphs within one event (same title family and date, a different mix of
paragraphs), so a benchmark can run thousands of realistic articles through the batch path.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any, Iterator


def basil_records(folder: str | Path) -> list[dict[str, Any]]:
    out = []
    for f in sorted(Path(folder).glob("*/*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        out.append({"title": d["title"], "maintext": "\n\n".join(" ".join(p) for p in d["body-paragraphs"]),
                    "date_publish": d.get("date"), "source_domain": d.get("source"),
                    "url": f"basil://{f.stem}", "event": d["triplet-uuid"]})
    return out


def variant_records(records: list[dict[str, Any]], n: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """``n`` new articles: each takes an event's title and date and a random mix of its paragraphs."""
    rng = random.Random(seed)
    events: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        events.setdefault(r["event"], []).append(r)
    keys = sorted(events)
    for i in range(n):
        group = events[keys[i % len(keys)]]
        paragraphs = [p for r in group for p in r["maintext"].split("\n\n")]
        k = max(3, min(len(paragraphs), rng.randint(6, 14)))
        picked = sorted(rng.sample(range(len(paragraphs)), min(k, len(paragraphs))))
        base = rng.choice(group)
        yield {"title": base["title"], "maintext": "\n\n".join(paragraphs[j] for j in picked),
               "date_publish": base["date_publish"], "source_domain": f"variant-{i % 17}.example",
               "url": f"variant://{i}", "event": base["event"]}


def write_jsonl(records: Iterator[dict[str, Any]] | list[dict[str, Any]], path: str | Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    return n
