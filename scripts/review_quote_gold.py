"""Print the differences between the quote extractor and the self-built regression gold
(tests/data/gold/quotes.json), and with --add write the differences listed as reviewed into it.

The gold was built by reviewing this extractor's output, so it guards against regressions; accuracy
is measured on PolNeAR and news-dev (benchmarks/attribution.py). When the extractor changes on
purpose, run this, read every difference against the article, and add only the items judged right:

    PYTHONPATH=src python scripts/review_quote_gold.py                # show differences
    PYTHONPATH=src python scripts/review_quote_gold.py --add 'START:SOURCE-SUFFIX' ...   # accept items
    PYTHONPATH=src python scripts/review_quote_gold.py --drop 'START:SOURCE-SUFFIX' ...  # remove gold items
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from newsprism.evaluate import _norm, iou, load_gold
from newsprism.pipeline import load_one
from newsprism.stages import analyze_many

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold" / "quotes.json"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--add", nargs="*", default=[], help="predicted items to add, as START:SOURCE-SUFFIX")
    ap.add_argument("--drop", nargs="*", default=[], help="gold items to remove, as START:SOURCE-SUFFIX")
    args = ap.parse_args()
    gold = load_gold(GOLD)
    docs = gold["documents"]
    analysed = analyze_many([load_one(str(ROOT / d["source"])) for d in docs])
    for doc, a in zip(docs, analysed, strict=True):
        text = a.article.text
        name = doc["source"].rsplit("/", 1)[-1]
        for p in a.quotes:
            same = [g for g in doc["quotes"] if iou((g["start"], g["end"]), (p.start, p.end)) >= 0.5
                    and _norm(g["speaker"]) == _norm(p.speaker)]
            if same:
                continue
            print(f"NEW  {p.start}:{name} {p.kind} {p.speaker!r} [{p.rule}] {p.text[:100]!r}")
            if f"{p.start}:{name}" in args.add:
                item = {"start": p.start, "end": p.end, "speaker": p.speaker, "kind": p.kind, "via": p.via}
                if doc["source"].startswith("../shared/"):  # real article text is never copied into the repo
                    item["sha"] = hashlib.sha256(p.text.encode("utf-8")).hexdigest()[:12]
                    item["words"] = len(p.text.split())
                else:
                    item["text"] = p.text
                doc["quotes"].append(item)
        for g in list(doc["quotes"]):
            if not any(iou((g["start"], g["end"]), (p.start, p.end)) >= 0.5 and _norm(g["speaker"]) == _norm(p.speaker)
                       for p in a.quotes):
                print(f"GONE {g['start']}:{name} {g['kind']} {g['speaker']!r} {text[g['start']:g['end']][:100]!r}")
                if f"{g['start']}:{name}" in args.drop:
                    doc["quotes"].remove(g)
        doc["quotes"].sort(key=lambda g: g["start"])
    if args.add or args.drop:
        GOLD.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
