"""The cue classifier's CV folds keep the older labels on the folds they had alone (scripts/train_cue_classifier.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from train_cue_classifier import outer_folds  # noqa: E402


def _fold_of(folds: list[tuple[np.ndarray, np.ndarray]], n: int) -> np.ndarray:
    out = np.full(n, -1)
    for k, (_, te) in enumerate(folds):
        out[te] = k
    return out


def test_older_rows_keep_their_folds_when_later_rows_are_added() -> None:
    old_groups = np.array([f"g{i % 9}" for i in range(60)])
    new_groups = np.array([f"n{i % 7}" for i in range(25)])
    alone = _fold_of(outer_folds(old_groups, np.zeros(60, dtype=bool)), 60)
    groups = np.concatenate([old_groups, new_groups])
    later = np.concatenate([np.zeros(60, dtype=bool), np.ones(25, dtype=bool)])
    both = _fold_of(outer_folds(groups, later), 85)
    assert (both[:60] == alone).all()
    assert (both >= 0).all() and set(both[60:]) == set(range(5))
    for g in set(groups):  # a group is never split across folds
        assert len(set(both[groups == g])) == 1


def test_session12_rows_are_a_third_part_and_the_others_keep_their_folds() -> None:
    groups = np.array([f"g{i % 9}" for i in range(60)] + [f"n{i % 7}" for i in range(25)])
    later = np.concatenate([np.zeros(60, dtype=bool), np.ones(25, dtype=bool)])
    before = _fold_of(outer_folds(groups, later), 85)
    groups12 = np.concatenate([groups, np.array([f"p{i % 5}" for i in range(37)])])  # larger groups than the others
    later12 = np.concatenate([later, np.zeros(37, dtype=bool)])
    newest = np.concatenate([np.zeros(85, dtype=bool), np.ones(37, dtype=bool)])
    after = _fold_of(outer_folds(groups12, later12, newest=newest), 122)
    assert (after[:85] == before).all()
    assert set(after[85:]) == set(range(5))
    # in the oldest part instead, these larger groups would move the older rows' folds
    assert not (_fold_of(outer_folds(groups12, later12), 122)[:85] == before).all()
    for g in set(groups12):  # a group is never split across folds
        assert len(set(after[groups12 == g])) == 1
