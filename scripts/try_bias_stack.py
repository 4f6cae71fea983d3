"""Experiment (issue #14, session 8): does stacking the fine-tuned sentence bias model with cheap signals lift
BABE sentence macro-F1? Chosen on the dev slice only (588 sentences of train, the split of train_bias_words.py);
the held-out split is never read here.

Per sentence of the dev slice (every feature out-of-sample for it):
- ``ft``: logit of the shipped fine-tuned model through its int8 ONNX export (fitted on the fit rows; dev chose
  only its epoch);
- ``static``: logistic regression over static MiniLM vectors (bias_lr_static.json's C), refitted on the fit rows
  (the shipped one saw the dev slice);
- ``minilm``: the same over full MiniLM vectors (bias_lr.json's C) — for reference: with ``bias_encoder =
  finetuned`` the vectors stage makes no sentence vectors, so this one is not free;
- ``lexmax`` / ``lexsum``: the word tagger's recipe (train_bias_words.py: C 0.25, balanced classes, pruned
  features) refitted on the fit rows without the sentence-score features, the strongest word logit and the sum
  of word probabilities in the sentence; ``*_insample`` the same from the shipped tagger (which saw the dev
  slice's annotated words: shown to measure that leak);
- ``length``: log token count.

A stacker (logistic regression on standardised features, C 1) is scored by 5-fold CV inside the dev slice,
20 repeats, at 0.5 and at a threshold chosen on the training folds; the fine-tuned model alone goes through the
same procedure. Figures to benchmarks/results/bias_stack_dev_cv.json.

    PYTHONPATH=src .venv/bin/python scripts/try_bias_stack.py [--features PATH.npz]   (features: ~15 min at load 10)
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from train_bias_words import balanced, load_babe, prune, split, token_rows  # noqa: E402

from newsprism import nlp  # noqa: E402
from newsprism.stages.bias_words import bias_word_features, is_candidate, tagger  # noqa: E402

MODELS = ROOT / "src" / "newsprism" / "models"
CSV = ROOT.parent / "shared" / "corpus" / "babe" / "babe-sentences.csv"
RESULTS = ROOT / "benchmarks" / "results" / "bias_stack_dev_cv.json"
SETS = (("ft",), ("ft", "static"), ("ft", "minilm"), ("ft", "length"), ("ft", "static", "length"),
        ("ft", "lexmax"), ("ft", "lexsum"), ("ft", "lexmax", "lexsum"), ("ft", "static", "lexsum"),
        ("ft", "lexmax_insample"), ("ft", "lexsum_insample"), ("static",), ("minilm",))


def logit(p: Any) -> Any:
    p = np.clip(np.asarray(p, dtype="float64"), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def features() -> dict[str, Any]:
    texts, marked, labels = load_babe()
    _, _, fit, dev = split(labels)
    with open(CSV, encoding="utf-8") as fh:  # the stripped texts the shipped logistic models were fitted on
        rows = [(r["text"].strip(), int(r["label"])) for r in csv.DictReader(fh)
                if r["text"].strip() and r["label"] in ("0", "1")]
    assert (np.array([y for _, y in rows]) == labels).all()
    stripped = [t for t, _ in rows]
    dev_texts = [texts[i] for i in dev]
    out: dict[str, Any] = {"labels": labels[dev], "ft": logit(nlp.bias_scores(dev_texts))}
    for name, encoder, model_file in (("static", nlp.STATIC, "bias_lr_static.json"), ("minilm", "onnx", "bias_lr.json")):
        c = float(json.loads((MODELS / model_file).read_text(encoding="utf-8"))["C"])
        x_fit = nlp.embed([stripped[i] for i in fit], encoder)
        lr = LogisticRegression(C=c, max_iter=4000).fit(x_fit, labels[fit])
        out[name] = lr.decision_function(nlp.embed(dev_texts, encoder))
    docs = dict(zip(np.concatenate([fit, dev]).tolist(),
                    nlp.parse([texts[i] for i in np.concatenate([fit, dev])], batch_size=64), strict=True))
    per = {i: token_rows(docs[i], marked[i], None) for i in docs}
    feats = [r[0] for i in fit for r in per[i]]
    y = np.array([r[1] for i in fit for r in per[i]])
    vec = prune(DictVectorizer(), feats)
    words = LogisticRegression(C=0.25, max_iter=3000).fit(vec.transform(feats), y, sample_weight=balanced(y))
    shipped = tagger()
    lexmax, lexsum, in_max, in_sum, length = [], [], [], [], []
    for i in dev:
        z = words.decision_function(vec.transform([r[0] for r in per[i]])) if per[i] else np.zeros(0)
        lexmax.append(float(z.max()) if len(z) else -5.0)
        lexsum.append(float((1 / (1 + np.exp(-z))).sum()))
        zin = [shipped["intercept"] + sum(shipped["weights"].get(k, 0.0) * v
                                          for k, v in bias_word_features(t, None).items())
               for t in docs[i] if is_candidate(t)]
        in_max.append(max(zin, default=-5.0))
        in_sum.append(float(sum(1 / (1 + np.exp(-v)) for v in zin)))
        length.append(float(np.log(max(len(docs[i]), 1))))
    out.update(lexmax=np.array(lexmax), lexsum=np.array(lexsum), lexmax_insample=np.array(in_max),
               lexsum_insample=np.array(in_sum), length=np.array(length))
    return out


def cv(f: dict[str, Any], cols: tuple[str, ...], tune: bool, repeats: int = 20) -> tuple[float, float]:
    """Mean and spread over repeats of the dev slice's macro-F1 from out-of-fold stacker probabilities."""
    x, y = np.column_stack([f[c] for c in cols]), f["labels"]
    scores = []
    for r in range(repeats):
        prob, cut = np.zeros(len(y)), np.full(len(y), 0.5)
        for a, b in StratifiedKFold(5, shuffle=True, random_state=r).split(x, y):
            mu, sd = x[a].mean(0), x[a].std(0) + 1e-9
            model = LogisticRegression(C=1.0, max_iter=2000).fit((x[a] - mu) / sd, y[a])
            prob[b] = model.predict_proba((x[b] - mu) / sd)[:, 1]
            if tune:
                pa = model.predict_proba((x[a] - mu) / sd)[:, 1]
                grid = np.arange(0.3, 0.71, 0.01)
                cut[b] = grid[int(np.argmax([f1_score(y[a], pa >= t, average="macro") for t in grid]))]
        scores.append(f1_score(y, prob >= cut, average="macro"))
    return round(float(np.mean(scores)), 4), round(float(np.std(scores)), 4)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", type=Path, help="read (or, if missing, write) the dev features here")
    args = ap.parse_args()
    if args.features is not None and args.features.is_file():
        f = dict(np.load(args.features))
    else:
        f = features()
        if args.features is not None:
            np.savez(args.features, **f)
    out: dict[str, Any] = {"n_dev": int(len(f["labels"])),
                           "ft_alone_at_0.5_no_stacker": round(float(f1_score(f["labels"], f["ft"] >= 0,
                                                                               average="macro")), 4),
                           "cv": {}}
    for cols in SETS:
        out["cv"]["+".join(cols)] = {"at_0.5": cv(f, cols, False), "threshold_from_training_folds": cv(f, cols, True)}
        print("+".join(cols), out["cv"]["+".join(cols)], flush=True)
    RESULTS.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
