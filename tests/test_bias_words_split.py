"""The word tagger's BASIL split is by event: no event's articles on both sides (scripts/train_bias_words.py)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "corpus" / "basil"
sys.path.insert(0, str(ROOT / "scripts"))


def _article_events() -> list[tuple[str, str]]:
    """(article stem, event key) of every annotated BASIL article, the key as the trainer takes it."""
    return [(f.stem, f.stem.rsplit("_", 1)[0]) for f in sorted((BASIL / "articles").glob("*/*.json"))
            if (BASIL / "annotations" / f.parent.name / f"{f.stem}_ann.json").exists()]


@pytest.mark.skipif(not BASIL.exists(), reason="BASIL is not in ../shared/corpus")
def test_basil_split_is_by_event_and_fixed() -> None:
    from train_bias_words import basil_split

    pairs = _article_events()
    events = [e for _, e in pairs]
    train, held, dev = basil_split(events)
    assert not set(train) & set(held)
    assert set(train) | set(held) == set(events)
    assert set(dev) <= set(train) and dev
    assert abs(len(train) - len(held)) <= 1
    # the events have several articles each (outlets), so a split by article would put events on both sides
    assert len(set(events)) < len(pairs)
    # the split depends only on the set of events, not on the order they are read in
    shuffled = events[:]
    random.Random(3).shuffle(shuffled)
    assert basil_split(shuffled) == (train, held, dev)


def test_basil_split_on_made_up_events() -> None:
    from train_bias_words import basil_split

    events = [f"ev{i:02d}" for i in range(10) for _ in range(3)]  # 10 events of 3 articles
    train, held, dev = basil_split(events)
    assert train == ["ev00", "ev02", "ev04", "ev06", "ev08"]
    assert held == ["ev01", "ev03", "ev05", "ev07", "ev09"]
    assert dev == ["ev00"]
