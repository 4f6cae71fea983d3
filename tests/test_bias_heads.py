"""scripts/try_bias_heads.py: the pieces its dev figures rest on (feature selection, CV inside dev, bootstrap)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from try_bias_heads import KINDS, LAYERS, bootstrap_gain, cv_inside_dev, design  # noqa: E402


def test_design_takes_the_named_layers_and_poolings_in_order() -> None:
    states = np.zeros((2, LAYERS, len(KINDS), 384), dtype="float32")
    for layer in range(LAYERS):
        for k in range(len(KINDS)):
            states[:, layer, k] = 10 * layer + k  # each (layer, pooling) block holds its own code
    x = design(states, "mean3+max3")
    assert x.shape == (2, 768)
    assert (x[:, :384] == 30).all() and (x[:, 384:] == 31).all()
    x = design(states, "mean3", logit=np.array([1.5, -2.0]))
    assert x.shape == (2, 385) and (x[:, :384] == 30).all() and list(x[:, -1]) == [1.5, -2.0]


def test_cv_inside_dev_scores_out_of_fold_decisions() -> None:
    rng = np.random.default_rng(0)
    y = np.array([0, 1] * 60)
    separable = np.where(y == 1, 2.0, -2.0)[:, None] + rng.normal(0, 0.1, (120, 1))
    assert cv_inside_dev(separable, y, tune=False, stack=False, repeats=2) == 1.0
    assert cv_inside_dev(separable, y, tune=True, stack=True, repeats=2) == 1.0
    noise = rng.normal(0, 1, (120, 1))
    assert cv_inside_dev(noise, y, tune=False, stack=True, repeats=3) < 0.7


def test_bootstrap_gain_of_a_model_against_itself_is_zero_and_of_a_better_one_positive() -> None:
    y = np.array([0, 1] * 50)
    right = y.astype(bool)
    worse = right.copy()
    worse[:20] = ~worse[:20]
    assert bootstrap_gain(y, right, right, n=200) == [0.0, 0.0]
    low, high = bootstrap_gain(y, right, worse, n=200)
    assert 0 < low <= high
