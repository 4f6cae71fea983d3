"""Number conflicts on real coverage: one news-dev event scored by benchmarks/compare_real.py's strict scorer.

The Puebla earthquake (6 outlets) holds most of news-dev's number conflicts: a national toll rising over
days, tolls per state and at a school, an earlier quake's toll. Floors sit a little below the figures
measured when issue 13's conflict part closed (9 right of 9 reported, 0 look-alikes); lowering one is an
explicit, reviewed change. The article text is read from ../shared/corpus at run time.
"""

from __future__ import annotations

import json
import sys

import pytest

from .conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import compare_real  # noqa: E402  (the benchmark holds the loader and the strict scorer)

from newsprism.compare import compare_analyzed  # noqa: E402

pytestmark = pytest.mark.slow

NEWS_DEV = CORPUS / "news-dev"
EVENT = "2017-09-mexico-puebla-earthquake"


@pytest.mark.skipif(not (NEWS_DEV / "GOLD.json").exists(), reason="news-dev is not in ../shared/corpus")
def test_conflicts_puebla_strict_floors():
    gold = json.loads((NEWS_DEV / "GOLD.json").read_text())
    files = gold["stories"][EVENT]
    report: dict = {"conflicts": [], "lookalikes": [], "gold_conflicts": 0, "gold_conflicts_found": 0,
                    "missed_conflicts": [], "shared": 0, "shared_found": 0,
                    "corroborated": {"correct": 0, "wrong": 0, "unchecked": 0}, "corroborated_rows": [],
                    "synthesis": {"correct": 0, "wrong": 0, "unchecked": 0}, "synthesis_rows": [],
                    "number_issues": []}
    compare_real.score_story(compare_analyzed(compare_real.load_story(files, gold, None)), files, gold, report)
    right = sum(r["correct"] for r in report["conflicts"])
    assert right >= 7, [r["problems"] for r in report["conflicts"] if not r["correct"]]
    assert right >= 0.8 * len(report["conflicts"])
    assert not report["lookalikes"]  # the earlier quake's toll, the revised 248, "three-story": never reported
    assert report["gold_conflicts_found"] >= 7
