"""Choose the sentence bias model's recipe from cross-validation inside BABE's training part (issue 14, session 9).

The held-out split is never read here. ``scripts/train_bias_encoder.py --layers 3 --epochs 4 --lr 1e-4 --cv 3
--seed S`` (S = 13, 14) scores every training sentence (2,938) after each epoch of the shipped 4-epoch schedule
by a model trained on the other two folds (1,958-1,959 sentences); this script reads those out-of-fold scores.

Rule, fixed before any CV figure was seen (committed with this file):

1. Epoch: E = the epoch (1-4) with the best mean over the seeds of the single-seed out-of-fold macro-F1 at 0.5.
2. Seed ensemble (both seeds' logits averaged) against one model: at epoch E, the ensemble's out-of-fold
   macro-F1 minus the mean single-seed macro-F1, with a paired bootstrap over the 2,938 sentences (2,000 draws,
   seed 0; in each draw the difference to each seed's model, averaged). The ensemble is chosen when the gain is
   >= 0.005 and the bootstrap's 2.5 % quantile is > 0; else one model.
3. What ships: the chosen recipe refitted on the whole training part (fit + dev), the 4-epoch schedule stopped
   after epoch E, seed 13 (and 14 for the ensemble). A single-model refit is the one session 8 already scored on
   held-out (0.7984 int8), so it does not ship again: if rule 2 says "one model", nothing ships.
4. Cue threshold (``bias_score_min``): as ``train_bias_encoder.py --ship`` chooses it on dev, but on the chosen
   recipe's out-of-fold probabilities of all training sentences: the lowest threshold from 0.5 in steps of
   0.005 whose flagged sentences (at least 20) are >= 90 % biased.
5. Precision of the weights (the refitted model's logits through each export against its torch logits on the
   training sentences): the option with the fewest decisions at 0.5 that differ from torch, ties by the lower
   root-mean-square logit error, among: int8 rows in the delta + ONNX int8 per channel (today), float16 delta +
   ONNX int8 per channel, float16 delta + ONNX int8 per tensor. ONNX float32 is printed for reference only
   (about half the speed).

Amendment, written after the CV figures and before any held-out score (second commit of this file): rule 3
assumed the one-model refit would be session 8's (stopped after epoch 3). Rule 1 chose epoch 4, so the seed-13
refit after epoch 4 (the whole 4-epoch schedule) is a model nobody has scored. 3a: when rule 2 says one model and
E is not 3, that refit replaces models/bias_encoder.npz if the out-of-fold gain of epoch E over epoch 3 (mean over
the seeds, paired bootstrap as in rule 2) has its 2.5 % quantile > 0; its held-out macro-F1 is then computed once
and reported whatever it is, and does not decide whether it ships.

Figures go to benchmarks/results/bias_recipe_cv.json.

    PYTHONPATH=src .venv/bin/python scripts/choose_bias_recipe.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsprism import nlp  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "bias_recipe_cv.json"
SEEDS = (13, 14)
FOLDS = 3
MIN_GAIN = 0.005
CUE_PRECISION = 0.90


def logit(p: Any) -> Any:
    p = np.clip(np.asarray(p, dtype="float64"), 1e-7, 1 - 1e-7)
    return np.log(p / (1 - p))


def macro(y: np.ndarray, p: np.ndarray, threshold: float = 0.5) -> float:
    return float(f1_score(y, (p >= threshold).astype(int), average="macro"))


def cue_threshold(y: np.ndarray, p: np.ndarray) -> float:
    for t in np.arange(0.5, 0.99, 0.005):
        flag = p >= t
        if flag.sum() >= 20 and y[flag].mean() >= CUE_PRECISION:
            return float(round(t, 3))
    return 0.99


def main() -> None:
    cache = nlp.cache_dir() / "bias-encoder-ft"
    runs = {s: np.load(cache / f"bias-cv{FOLDS}-seed{s}.npz") for s in SEEDS}
    y = runs[SEEDS[0]]["labels"]
    for s, r in runs.items():
        assert len(r["folds_done"]) == FOLDS, f"seed {s}: folds {r['folds_done']}"
        assert (r["labels"] == y).all() and not np.isnan(r["probs"]).any()
    n_epochs = runs[SEEDS[0]]["probs"].shape[0]
    out: dict[str, Any] = {"n_sentences": int(len(y)), "folds": FOLDS, "seeds": list(SEEDS), "by_epoch": {}}
    for e in range(n_epochs):
        singles = {s: macro(y, runs[s]["probs"][e]) for s in SEEDS}
        ens = 1 / (1 + np.exp(-np.mean([logit(runs[s]["probs"][e]) for s in SEEDS], axis=0)))
        out["by_epoch"][str(e + 1)] = {"single": {str(s): round(v, 4) for s, v in singles.items()},
                                       "single_mean": round(float(np.mean(list(singles.values()))), 4),
                                       "ensemble": round(macro(y, ens), 4)}
    epoch = 1 + max(range(n_epochs), key=lambda e: out["by_epoch"][str(e + 1)]["single_mean"])
    probs = {s: runs[s]["probs"][epoch - 1] for s in SEEDS}
    ens = 1 / (1 + np.exp(-np.mean([logit(p) for p in probs.values()], axis=0)))
    gain = macro(y, ens) - float(np.mean([macro(y, p) for p in probs.values()]))
    rng = np.random.default_rng(0)
    diffs = []
    for _ in range(2000):
        i = rng.integers(0, len(y), len(y))
        diffs.append(macro(y[i], ens[i]) - float(np.mean([macro(y[i], p[i]) for p in probs.values()])))
    low, high = (float(v) for v in np.quantile(diffs, [0.025, 0.975]))
    ensemble = gain >= MIN_GAIN and low > 0
    chosen = ens if ensemble else probs[SEEDS[0]]
    epoch_diffs = []  # rule 3a: epoch E against epoch 3, mean over the seeds
    rng = np.random.default_rng(0)
    for _ in range(2000):
        i = rng.integers(0, len(y), len(y))
        epoch_diffs.append(float(np.mean([macro(y[i], runs[s]["probs"][epoch - 1][i])
                                          - macro(y[i], runs[s]["probs"][2][i]) for s in SEEDS])))
    epoch_gain = float(np.mean([macro(y, runs[s]["probs"][epoch - 1]) - macro(y, runs[s]["probs"][2]) for s in SEEDS]))
    epoch_low, epoch_high = (float(v) for v in np.quantile(epoch_diffs, [0.025, 0.975]))
    refit = not ensemble and epoch != 3 and epoch_low > 0
    out.update({"chosen_epoch": epoch, "ensemble_gain": round(gain, 4),
                "ensemble_gain_bootstrap_95": [round(low, 4), round(high, 4)],
                "epoch_gain_over_3": round(epoch_gain, 4),
                "epoch_gain_over_3_bootstrap_95": [round(epoch_low, 4), round(epoch_high, 4)],
                "decision": "ensemble of seeds 13 and 14" if ensemble else
                            f"one model: the seed-13 refit after epoch {epoch} (rule 3a)" if refit else
                            "one model (nothing new to ship)",
                "cue_threshold_on_oof": cue_threshold(y, chosen)})
    # for reference (no rule reads it): macro-F1 if the decision threshold moved from 0.5, mean over the seeds
    out["single_macro_f1_by_decision_threshold_at_epoch"] = {
        f"{t:.2f}": round(float(np.mean([macro(y, p, t) for p in probs.values()])), 4)
        for t in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)}
    flag = chosen >= out["cue_threshold_on_oof"]
    out["oof_at_cue_precision"] = round(float(y[flag].mean()), 4)
    out["oof_at_cue_recall"] = round(float(flag[y == 1].mean()), 4)
    out["oof_at_cue_flagged_share"] = round(float(flag.mean()), 4)
    if RESULTS.exists():  # keep what train_bias_encoder.py --precision added
        out.update({k: v for k, v in json.loads(RESULTS.read_text(encoding="utf-8")).items() if k == "precision"})
    RESULTS.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
