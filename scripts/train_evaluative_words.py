"""Train src/newsprism/models/evaluative_words.json: is a word, by its meaning, one of judgement (issue 14)?

The word tagger knows the words BABE's annotated sentences contain; on real articles most of its wrong cues are
rare words of description it never saw ("semiconstructed", "penitentiaries", "cornfield"). This model judges a
word *type* by its meaning alone: a logistic regression over the word's static MiniLM vector
(``nlp.static_embed``), labelled by BABE: a content word marked biased in at least one sentence is evaluative,
one that occurs only unmarked is not. Its logit is a feature of the topic gate
(``newsprism.stages.framing.gate_features``; refit the gate with scripts/train_cue_gate.py after this).

Split: BABE's sentence split of scripts/train_bias_words.py. Fitted on the word types of the fit part of the
training sentences; C chosen on the dev part's word types *not* in the fit part (unseen words: the case the model
is for), by ROC AUC; refitted on all training sentences' types; the held-out 20 % of sentences are not read.

    PYTHONPATH=src .venv/bin/python scripts/train_evaluative_words.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from train_bias_words import load_babe, split  # noqa: E402

from newsprism import nlp  # noqa: E402
from newsprism.text.words import zipf  # noqa: E402

TARGET = ROOT / "src" / "newsprism" / "models" / "evaluative_words.json"
WORD = re.compile(r"[^\W\d_]{3,}")
COMMON_ZIPF = 6.0  # function words and the most common words ("the", "said") are left out
GRID = (0.1, 0.3, 1.0, 3.0, 10.0)


def word_types(texts: list[str], marked: list[list[str]], idx: np.ndarray) -> dict[str, int]:
    """Lower-cased content word types of the sentences ``idx`` → 1 when annotators marked it biased once."""
    out: dict[str, int] = {}
    for i in idx:
        biased = {w.lower() for m in marked[i] for w in WORD.findall(m)}
        for m in WORD.finditer(texts[i]):
            w = m.group(0)
            if w[0].isupper() and m.start() > 0:
                continue  # a name
            low = w.lower()
            if zipf(low) >= COMMON_ZIPF:
                continue
            out[low] = max(out.get(low, 0), int(low in biased))
    return out


def main() -> None:
    texts, marked, labels = load_babe()
    tr, _, fit, dev = split(labels)
    t_fit, t_dev = word_types(texts, marked, fit), word_types(texts, marked, dev)
    unseen = [w for w in t_dev if w not in t_fit]
    xf, yf = nlp.static_embed(list(t_fit)), np.array(list(t_fit.values()))
    xd, yd = nlp.static_embed(unseen), np.array([t_dev[w] for w in unseen])
    aucs = {}
    for c in GRID:
        m = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(xf, yf)
        aucs[c] = roc_auc_score(yd, m.predict_proba(xd)[:, 1])
        print(f"C {c}: dev words unseen in fit ({len(unseen)}, {yd.mean():.0%} evaluative) ROC AUC {aucs[c]:.3f}")
    best = max(aucs, key=lambda c: aucs[c])
    t_all = word_types(texts, marked, tr)
    model = LogisticRegression(C=best, max_iter=3000, class_weight="balanced").fit(
        nlp.static_embed(list(t_all)), np.array(list(t_all.values())))
    TARGET.write_text(json.dumps({
        "model": "logistic regression over a word's static MiniLM vector (nlp.static_embed): evaluative (marked "
                 "biased by BABE's annotators in at least one sentence) or not",
        "trained_on": f"BABE training sentences' content word types ({len(t_all)}; held-out sentences not read)",
        "C": best, "dev_auc_unseen_words": round(aucs[best], 4),
        "intercept": round(float(model.intercept_[0]), 5),
        "coef": [round(float(c), 5) for c in model.coef_[0]]}, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"C {best} → {TARGET}")


if __name__ == "__main__":
    main()
