"""Dump the comparison JSON of the speed benchmark's inputs and of news-dev, to check that a speed-up keeps the output.

Writes ``speed{2,3,4}.json`` (``speed.py``'s ``compare_warm`` articles, analysed in this process) and, unless
``--no-real``, ``real_<event>.json`` (``compare_real.py``'s stories, with its settings) into OUT. Run it on both
trees with the same ``PYTHONHASHSEED`` (the reasons list shared words from a set, so the order of tied words
follows the hash seed) and diff the folders:

    PYTHONHASHSEED=0 PYTHONPATH=src .venv/bin/python benchmarks/compare_dump.py /tmp/after [--cache DIR]
    diff -r /tmp/before /tmp/after && echo identical
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from _util import warm_batch

import compare_real
from newsprism.compare import compare_analyzed
from newsprism.records import Article, Comparison
from newsprism.settings import DEFAULT
from newsprism.stages import analyze_many


def batch(seed: int) -> list[Article]:
    """The articles of ``speed.py``'s ``compare_warm`` for one seed."""
    return warm_batch(seed)


def write(path: Path, comparison: Comparison) -> None:
    path.write_text(json.dumps(comparison.to_output(), ensure_ascii=False, indent=1), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--no-real", action="store_true", help="only the speed benchmark's inputs")
    ap.add_argument("--cache", type=Path, default=None, help="directory to keep news-dev analyses in between runs")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    analyze_many(batch(1))  # warm, as the benchmark does
    for seed in (2, 3, 4):
        analyzed = analyze_many(batch(seed))
        start = time.perf_counter()
        comparison = compare_analyzed(analyzed, DEFAULT)
        print(f"speed seed {seed}: compare {time.perf_counter() - start:.2f} s")
        write(args.out / f"speed{seed}.json", comparison)
    if args.no_real:
        return
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    gold = json.loads((compare_real.CORPUS / "GOLD.json").read_text())
    settings = DEFAULT.replace(check_corroboration=True)
    for name, files in gold["stories"].items():
        if len(files) > 1:  # as compare_real: a decoy alone is not compared
            write(args.out / f"real_{name}.json",
                  compare_analyzed(compare_real.load_story(files, gold, args.cache), settings))


if __name__ == "__main__":
    main()
