"""Outlet, date and headline read from saved web pages nobody tuned on, against hand labels.

Labels (ids and values only, no page text): ``scripts/data/page_metadata_labels.json`` (a
``random.Random(20)`` sample of news pages of ../shared/corpus/extraction, split into a ``fit``
half the rules were chosen on and a ``report`` half read once) and
``scripts/data/page_metadata_dev29.json`` (the 29 pages review20 read: the development set).
Both were labelled by an LLM-based engineer (see ``labelled_by``).

    .venv/bin/python benchmarks/page_metadata.py --split fit|report|dev29|all [--show]

Strict reading: an outlet is right when it is the labelled name or one of its accepted variants
(case, "The", punctuation and a trailing ".com" aside); a missing value is wrong where the label
has one, and a value is wrong where the label says the page states none; a date is right only
when it is the labelled day; a headline only when its words are the label's (or the page's own
shorter variant). A page refused whole counts wrong on all three.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsprism.errors import InputError  # noqa: E402
from newsprism.extract import extract  # noqa: E402
from newsprism.records import RawDocument  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "extraction"
DATA = ROOT / "scripts" / "data"


def _norm(value: str) -> str:
    value = value.lower().strip()
    value = re.sub(r"^(the|www\.)\s*", "", value)
    value = re.sub(r"\.(com|co\.uk|net|org)$", "", value)
    return re.sub(r"[^a-z0-9]", "", value)


def _same(pred: str | None, names: list[str]) -> bool:
    if not pred:
        return False
    return _norm(pred) in {_norm(n) for n in names if n}


def labels(split: str) -> list[dict[str, object]]:
    pages: list[dict[str, object]] = []
    for name in ("page_metadata_labels.json", "page_metadata_dev29.json"):
        pages.extend(json.loads((DATA / name).read_text(encoding="utf-8"))["pages"])
    return [p for p in pages if split == "all" or p["split"] == split]


def read_page(page_id: str) -> tuple[str | None, str | None, str | None, str]:
    kind, name = page_id.split("/")
    html = gzip.open(CORPUS / kind / "input" / f"{name}.html.gz").read()
    try:
        art = extract(RawDocument(source=page_id, data=html, kind="html"))
    except InputError as err:
        return None, None, None, f"refused: {type(err).__name__}"
    return art.outlet, art.published, art.title, ""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="report", choices=("fit", "report", "dev29", "all"))
    ap.add_argument("--show", action="store_true", help="print every wrong value")
    args = ap.parse_args()
    pages = labels(args.split)
    right = {"outlet": 0, "date": 0, "headline": 0}
    refused = 0
    for page in pages:
        outlet, date, title, note = read_page(str(page["id"]))
        refused += bool(note)
        gold_outlet = page["outlet"]
        ok = {
            "outlet": (outlet is None) if gold_outlet is None else _same(outlet, [str(gold_outlet), *page["outlet_also"]]),  # type: ignore[misc]
            "date": date == page["date"],
            "headline": _same(title, [str(page["headline"]), *page["headline_also"]]),  # type: ignore[misc]
        }
        for field, good in ok.items():
            right[field] += good
        if args.show and not all(ok.values()):
            got = {"outlet": outlet, "date": date, "headline": title}
            gold = {"outlet": gold_outlet, "date": page["date"], "headline": page["headline"]}
            wrong = "; ".join(f"{f} {got[f]!r} (label {gold[f]!r})" for f, g in ok.items() if not g)
            print(f"  {page['id']}: {note + '; ' if note else ''}{wrong}")
    n = len(pages)
    print(f"page metadata, split {args.split} ({n} pages, {refused} refused whole): "
          + ", ".join(f"{f} {right[f]}/{n} ({right[f] / max(n, 1):.0%})" for f in right))


if __name__ == "__main__":
    main()
