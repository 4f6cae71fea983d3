"""Who said what on data the project did not build: PolNeAR dev and news-dev (benchmarks/attribution.py).

Floors sit a little below the figures measured when issue 11 closed (see the README); lowering one is
an explicit, reviewed change.
"""

from __future__ import annotations

import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import attribution  # noqa: E402  (the benchmark holds the PolNeAR and news-dev loaders)

pytestmark = pytest.mark.slow

POLNEAR = ROOT.parent / "shared" / "corpus" / "polnear" / "dev"


@pytest.mark.skipif(not POLNEAR.exists(), reason="PolNeAR is not in ../shared/corpus")
def test_attribution_polnear_dev_floors():
    f = attribution.score_polnear("dev", None)
    assert f["direct_recall"] >= 0.96, f
    assert f["named"] >= 0.93, f
    assert f["pronoun"] >= 0.79, f
    assert f["speech_recall"] >= 0.79, f
    assert f["reported_precision"] >= 0.88 and f["precision"] >= 0.92, f


def test_attribution_news_dev_floors():
    f = attribution.score_news_dev()
    assert f["recall"] >= 0.77 and f["speaker"] >= 0.90, f  # measured 0.917 (144/157)
