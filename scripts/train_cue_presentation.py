"""How precise a loaded-word cue is at its cue-classifier score: src/newsprism/models/cue_presentation.json (issue 14,
session 16, frame19).

The cue classifier (scripts/train_cue_classifier.py) keeps a word the tagger flags at ``loaded_cue_min``; that
threshold was pinned by news-dev's found count, and the hand labels say that just above it most kept words are
description (session 15, frame18). This script estimates, from the same hand labels (scripts/data/cue_labels.json),
the share of framing choices among the candidates the classifier scores near a given score, out of fold, so that
the framing stage presents a loaded-word cue only where that share reaches ``cue_present_precision_min``:

- scores: for the rows the shipped classifier was fitted on (the trainer's default rows), the classifier's own
  configuration (C, meaning models' C, context feature) refitted 5-fold by event (``outer_folds``), each row scored by
  the fold that did not see its event; for the rows it was not fitted on (session 12 and 14 rows), the shipped
  classifier's scores as the stage computes them (held out by construction);
- family: the cue the stage would build on the word (``framing._phrases``): ``word`` (the loaded word alone) or
  ``phrase`` (an evaluative phrase or an epithet);
- per family, an isotonic regression of the label on the score (the framing share as a non-decreasing function of
  the score), stored as its breakpoints; the stage reads the share at a cue's score by linear interpolation.

Also printed: the same estimate with more signals combined (a logistic regression over the classifier's logit, the
family, the tagger's logit and the sentence bias score, out of fold by event), for comparison (README: not better).

    PYTHONPATH=src .venv/bin/python scripts/train_cue_presentation.py [--out PATH]
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
import train_cue_classifier as T  # noqa: E402
from train_cue_labels import TOPIC_PAGESIGNAL_12  # noqa: E402

from newsprism import nlp  # noqa: E402
from newsprism.stages.framing import (_phrases, context_logits, cue_classifier, cue_features, meaning_logits,  # noqa: E402
                                      topic_gate)  # noqa: E402

TARGET = ROOT / "src" / "newsprism" / "models" / "cue_presentation.json"


def family(tok: Any) -> str:
    """``phrase`` when the stage builds an evaluative phrase or epithet on the word, else ``word``."""
    return "phrase" if _phrases(tok, None) else "word"


def oof_scores(rows: list[dict[str, Any]], y: np.ndarray) -> np.ndarray:
    """The shipped classifier's configuration refitted by event fold: each row scored by a model that never saw its
    event (the trainer's loop for the shipped C, its meaning and context models' C)."""
    model = cue_classifier()
    c, label_c, context_c = model["C"], model["label_meaning"]["C"], model["context_meaning"]["C"]
    groups = np.array([r["event"] for r in rows])
    later = np.array([r["article"].removeprefix("dragnet-") in T.TOPIC_DRAGNET_2 + T.TOPIC_DRAGNET_3 for r in rows])
    feats = [cue_features(r["tok"], r["p"], r["counts"], r["sent"], with_meaning=False) for r in rows]
    names = sorted(feats[0])
    x0 = np.array([[f[k] for k in names] for f in feats])
    vecs = nlp.embed([r["tok"].lower_ for r in rows])
    ctx, inside = T.contexts(rows)
    babe, _ = T.babe_meaning()
    b_logit = babe.decision_function(vecs)
    pred = np.zeros(len(y))
    for tr, te in T.outer_folds(groups, later):
        xtr = np.column_stack([x0[tr], b_logit[tr], T.oof_meaning(vecs[tr], y[tr], groups[tr], label_c, T.FOLDS - 1)])
        xte = np.column_stack([x0[te], b_logit[te], T.fit_meaning(vecs[tr], y[tr], label_c).decision_function(vecs[te])])
        pred[te] = T.predict(T.fit_classifier(xtr, y[tr], c), xte)
        tri, tei = tr[inside[tr]], te[inside[te]]
        xtr_c = np.column_stack([xtr[inside[tr]], T.oof_meaning(ctx[tri], y[tri], groups[tri], context_c, T.FOLDS - 1)])
        xte_c = np.column_stack([xte[inside[te]],
                                 T.fit_meaning(ctx[tri], y[tri], context_c).decision_function(ctx[tei])])
        pred[tei] = T.predict(T.fit_classifier(xtr_c, y[tri], c), xte_c)
    return pred


def shipped_scores(rows: list[dict[str, Any]]) -> np.ndarray:
    """The shipped classifier's probability of each row, as the stage computes it (``topic_gate``)."""
    meanings = meaning_logits([r["tok"].lower_ for r in rows])
    by_article: dict[str, list[Any]] = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append(r["tok"])
    contexts = {(a, i): v for a, toks in by_article.items() for i, v in context_logits(toks).items()}
    return np.array([topic_gate(r["tok"], r["p"], r["counts"], r["sent"], meanings[r["tok"].lower_],
                                context=contexts.get((r["article"], r["tok"].i)))[1] for r in rows])


def isotonic(score: np.ndarray, y: np.ndarray) -> list[list[float]]:
    """Breakpoints [score, framing share] of the isotonic fit (non-decreasing in the score)."""
    ir = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(score, y)
    return [[round(float(a), 4), round(float(b), 4)] for a, b in zip(ir.X_thresholds_, ir.y_thresholds_, strict=True)]


def share_at(points: Sequence[Sequence[float]], score: float) -> float:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return float(np.interp(score, xs, ys))


def combined(score: np.ndarray, fam: np.ndarray, rows: list[dict[str, Any]], y: np.ndarray,
             groups: np.ndarray) -> np.ndarray:
    """Out-of-fold framing probability from more signals: the classifier's logit, the family and its interaction, the
    tagger's logit, the sentence bias score (logistic regression, 5-fold by event)."""
    def logit(p: np.ndarray) -> np.ndarray:
        p = np.clip(p, 1e-4, 1 - 1e-4)
        return np.log(p / (1 - p))
    phrase = (fam == "phrase").astype(float)
    x = np.column_stack([logit(score), phrase, phrase * logit(score), logit(np.array([r["p"] for r in rows])),
                         [r["sent"] for r in rows]])
    out = np.zeros(len(y))
    for tr, te in GroupKFold(T.FOLDS).split(x, y, groups):
        mu, sd = x[tr].mean(0), x[tr].std(0) + 1e-9
        out[te] = LogisticRegression(max_iter=2000).fit((x[tr] - mu) / sd, y[tr]).predict_proba((x[te] - mu) / sd)[:, 1]
    return out


def main(argv: Sequence[str]) -> None:
    target = Path(argv[argv.index("--out") + 1]) if "--out" in argv else TARGET
    rows, y = T.labelled_rows()
    newer = np.array([r["article"].removeprefix("pagesignal-") in TOPIC_PAGESIGNAL_12
                      or r["article"].startswith(("pagesignal-", "polnear-")) for r in rows])
    fitted = np.flatnonzero(~newer)
    score = np.zeros(len(y))
    score[fitted] = oof_scores([rows[i] for i in fitted], y[fitted])
    score[newer] = shipped_scores([r for r, n in zip(rows, newer, strict=True) if n])
    fam = np.array([family(r["tok"]) for r in rows])
    groups = np.array([r["event"] for r in rows])
    print(f"{len(y)} labelled candidates ({int(y.sum())} framing choices, base rate {y.mean():.3f}); "
          f"{len(fitted)} scored out of fold by event, {int(newer.sum())} (session 12 and 14 rows) by the shipped "
          f"classifier, which never saw them; out-of-fold AUC {roc_auc_score(y, score):.3f} "
          f"AP {average_precision_score(y, score):.3f}")
    both = combined(score, fam, rows, y, groups)
    print(f"more signals combined (classifier logit, family, tagger logit, sentence score; out of fold): "
          f"AUC {roc_auc_score(y, both):.3f} AP {average_precision_score(y, both):.3f}")
    curves: dict[str, Any] = {}
    for name in ("word", "phrase"):
        m = fam == name
        points = isotonic(score[m], y[m])
        curves[name] = {"rows": int(m.sum()), "framing": int(y[m].sum()), "points": points}
        print(f"{name}: {int(m.sum())} rows, {int(y[m].sum())} framing; share by score: "
              + " ".join(f"{s:.2f}:{share_at(points, s):.2f}" for s in np.arange(0.40, 0.96, 0.04)))
        for t in (0.2, 0.25, 0.3, 0.4, 0.5):
            kept = m & (np.array([share_at(points, s) for s in score]) >= t) & (score >= 0.44)
            first = min((s for s in score[kept]), default=math.nan)
            print(f"  share >= {t}: from score {first:.3f}, keeps {int(kept.sum())} rows, precision "
                  f"{y[kept].mean() if kept.any() else 0:.2f}")
    target.write_text(json.dumps({
        "model": "per cue family (a loaded word alone: word; an evaluative phrase or epithet built on it: phrase), the "
                 "hand labels' framing share as a non-decreasing function of the cue classifier's probability "
                 "(isotonic regression; breakpoints [score, share], read by linear interpolation)",
        "trained_on": f"{len(y)} hand-labelled candidate words (scripts/data/cue_labels.json, {int(y.sum())} framing "
                      f"choices); {len(fitted)} scored out of fold by event with the shipped classifier's "
                      f"configuration, {int(newer.sum())} (never fitted on) by the shipped classifier",
        "base_rate": round(float(y.mean()), 4),
        "out_of_fold": {"auc": round(float(roc_auc_score(y, score)), 4),
                        "average_precision": round(float(average_precision_score(y, score)), 4)},
        "families": curves,
    }, indent=1) + "\n", encoding="utf-8")
    print(f"→ {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
