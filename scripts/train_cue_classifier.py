"""Train the cue classifier shipped in src/newsprism/models/cue_classifier.json (issue 14, session 7).

The word tagger (BABE) and the topic gate (BASIL's sparse lexical-bias spans) let through vivid concrete
description ("floodlit", "cornfield", "grabs"), words of someone's reported speech and legal senses. This model
decides, for each word the framing stage could flag as loaded (tagger ≥ 0.7), whether a reader would agree it is
the outlet's own framing choice. Labels: ``scripts/data/cue_labels.json``, every candidate word of the BASIL
training events (``train_bias_words.basil_split``; held-out events never labelled), 30 Dragnet crime and disaster
reports and (session 8) 32 Dragnet science, technology, business and sport reports, labelled by hand in context
(scripts/train_cue_labels.py lists them).

Features (``newsprism.stages.framing.cue_features``): the topic gate's (tagger logit, uses in the article,
background spread, Zipf, the BABE evaluative-word logit), the sentence bias score, part of speech, dependency role,
graded ("very X", comparative), inside reported speech, modifier of a people noun, and ``label_logit``: a logistic
regression over the word's static MiniLM vector fitted on the same labels (what makes a word one of judgement
rather than of concrete description, learned from the labels; out-of-fold by event while the classifier is fitted),
and ``context_logit``: the same kind of regression over the word read in its sentence (``framing.context_vectors``;
session 11: the fine-tuned bias model's last hidden states, the mean over the word's pieces beside the sentence's
pooled vector, from the run that scores the sentence in the analysis, so it costs no encoder run of its own; session
10 read a second model, all-MiniLM, and did not fit the speed budget), which tells "a stark contrast" from "the
habitable zone" and a physical description from a judgement where the word alone cannot; also out-of-fold by event.
The classifier with it is fitted on the words inside the bias model's 64-token window; the words past it are judged
by the same features without it (``without_context`` in the file, fitted on every labelled word), and the
cross-validated figures score each word by the model it would get. ``--without-context`` leaves it out (the figures
of before); ``--word-only`` fits it on the word's vector alone.

Model: standardised logistic regression, classes balanced; C of both models chosen by 5-fold cross-validation
grouped by BASIL event (ROC AUC, average precision). Threshold: ``--threshold`` (chosen on news-dev with
benchmarks/framing_real.py: annotated cues found against cues emitted); the held-out BASIL events are only scored.

    PYTHONPATH=src .venv/bin/python scripts/train_cue_classifier.py [--threshold 0.5] [--out PATH] [--before-session9]
        [--without-context] [--word-only] [--without-session10] [--with-session12] [--with-session14] [--type-prior]

``--type-prior`` (session 15, frame18) adds the word's own hand labels as a feature (``framing.type_prior_features``:
the smoothed log-odds that the labels call the same word a framing choice, and how often it was labelled; out of fold
by group while fitted, so a word's own label never counts for itself); the shipped file then carries the per-word
counts ([framing choices, labels]; no text).

``--without-session10`` leaves out label11's rows (TOPIC_DRAGNET_3, session 10); with ``--without-context`` it
reproduces main's classifier of session 10 (fitted before those rows existed).

``--with-session12`` adds frame15's page-signal science rows (session 12, ``TOPIC_PAGESIGNAL_12``) and
``--with-session14`` frame17's page-signal and PolNeAR train rows (session 14, ``session14_articles``), each group on
folds of its own so the older rows keep theirs; both measured and not shipped (README, framing session 14: at the
threshold news-dev then needs, the model adds description cues on pages nobody labelled). Rows left out are scored
once by the fitted model at the end (the shipped model's figures on the new rows).

``--before-session9`` leaves out the second labellers' rows (TOPIC_DRAGNET_2, session 9; TOPIC_DRAGNET_3, session 10)
for the before figures; the outer folds keep the older rows on the same folds either way (``outer_folds``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from train_cue_labels import (LABELS, TOPIC_DRAGNET_2, TOPIC_DRAGNET_3, TOPIC_PAGESIGNAL_12, articles,  # noqa: E402
                              candidates, dragnet_articles, pagesignal_articles, session14_articles, topic_articles)

from newsprism import nlp  # noqa: E402
from newsprism.stages.framing import context_vectors, cue_features, gate_features, type_prior_features  # noqa: E402

TARGET = ROOT / "src" / "newsprism" / "models" / "cue_classifier.json"
OLD_GATE = ROOT / "src" / "newsprism" / "models" / "cue_gate.json"
GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
MEANING_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
FOLDS = 5


def labelled_rows() -> tuple[list[dict[str, Any]], np.ndarray]:
    labels = {(a, s): y for a, s, _, y in json.loads(LABELS.read_text(encoding="utf-8"))["labels"]}
    rows = [r for r in candidates(articles("train") + dragnet_articles() + topic_articles() + pagesignal_articles()
                                  + session14_articles()) if (r["article"], r["start"]) in labels]
    missing = len(labels) - len(rows)
    if missing:
        print(f"warning: {missing} labelled words are no longer candidates")
    old = json.loads(OLD_GATE.read_text(encoding="utf-8"))
    for r in rows:  # the topic gate of before (models/cue_gate.json) on the same words, for comparison
        f = gate_features(r["tok"], r["p"], r["counts"])
        r["old_gate"] = old["intercept"] + sum(w * f[k] for k, w in old["weights"].items())
    return rows, np.array([labels[(r["article"], r["start"])] for r in rows])


def outer_folds(groups: np.ndarray, later: np.ndarray, folds: int = FOLDS, newest: np.ndarray | None = None,
                session14: np.ndarray | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """Grouped folds in which the rows labelled before session 9 keep the folds they had alone (GroupKFold over their
    groups) and the later rows (``later``) are spread over the same folds by a GroupKFold of their own, so that CV
    figures before and after the new labels compare on the same held-out groups; ``newest`` (session 12's rows, only
    with ``--with-session12``) is a third such part and ``session14`` (session 14's rows) a fourth, so the older rows
    keep their folds with or without them."""
    fold = np.zeros(len(groups), dtype=int)
    new = np.zeros(len(groups), dtype=bool) if newest is None else newest
    s14 = np.zeros(len(groups), dtype=bool) if session14 is None else session14
    for part in (np.flatnonzero(~later & ~new & ~s14), np.flatnonzero(later & ~new & ~s14), np.flatnonzero(new & ~s14),
                 np.flatnonzero(s14)):
        if len(part):
            for k, (_, te) in enumerate(GroupKFold(folds).split(part, groups=groups[part])):
                fold[part[te]] = k
    return [(np.flatnonzero(fold != k), np.flatnonzero(fold == k)) for k in range(folds)]


def fit_meaning(v: np.ndarray, y: np.ndarray, c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(v, y)


def oof_meaning(v: np.ndarray, y: np.ndarray, groups: np.ndarray, c: float, folds: int = FOLDS) -> np.ndarray:
    out = np.zeros(len(y))
    for tr, te in GroupKFold(folds).split(v, y, groups):
        out[te] = fit_meaning(v[tr], y[tr], c).decision_function(v[te])
    return out


def babe_meaning() -> tuple[LogisticRegression, float]:
    """BABE's training word types (scripts/train_evaluative_words.py's labels) over MiniLM word vectors; C by ROC AUC
    on the dev sentences' unseen types."""
    from sklearn.metrics import roc_auc_score as auc
    from train_bias_words import load_babe, split
    from train_evaluative_words import word_types

    texts, marked, labels = load_babe()
    tr, _, fit, dev = split(labels)
    fit_types, dev_types = word_types(texts, marked, fit), word_types(texts, marked, dev)
    fw = sorted(fit_types)
    dw = sorted(w for w in dev_types if w not in fit_types)
    xf, xd = nlp.embed(fw), nlp.embed(dw)
    yf, yd = np.array([fit_types[w] for w in fw]), np.array([dev_types[w] for w in dw])
    best = max(MEANING_GRID, key=lambda c: auc(yd, fit_meaning(xf, yf, c).decision_function(xd)))
    print(f"BABE meaning model: C {best}, dev AUC on unseen word types "
          f"{auc(yd, fit_meaning(xf, yf, best).decision_function(xd)):.3f}")
    all_types = word_types(texts, marked, tr)
    words = sorted(all_types)
    return fit_meaning(nlp.embed(words), np.array([all_types[w] for w in words]), best), best


TYPE_ALPHA = 1.0  # pseudo-labels at the base rate that pull a word's own label rate towards it (--type-prior)


def type_counts(words: np.ndarray, y: np.ndarray, fit: np.ndarray) -> dict[str, list[int]]:
    """word → [framing choices, labels] over the rows ``fit``."""
    out: dict[str, list[int]] = {}
    for i in fit:
        c = out.setdefault(str(words[i]), [0, 0])
        c[0] += int(y[i])
        c[1] += 1
    return out


def type_features(words: np.ndarray, y: np.ndarray, fit: np.ndarray, apply: np.ndarray) -> np.ndarray:
    """(type_logit, type_seen) of the rows ``apply`` from the labels of the rows ``fit``, as the stage computes them
    (``framing.type_prior_features``)."""
    prior = {"base_rate": float(y[fit].mean()), "alpha": TYPE_ALPHA, "words": type_counts(words, y, fit)}
    return np.array([type_prior_features(str(words[i]), prior) for i in apply]).reshape(len(apply), 2)


def oof_type(words: np.ndarray, y: np.ndarray, groups: np.ndarray, rows: np.ndarray, folds: int) -> np.ndarray:
    """``type_features`` of ``rows`` out of fold by group (a word's own label never counts for itself)."""
    out = np.zeros((len(rows), 2))
    for tr, te in GroupKFold(folds).split(rows, groups=groups[rows]):
        out[te] = type_features(words, y, rows[tr], rows[te])
    return out


def with_type(use: bool, xtr: np.ndarray, xte: np.ndarray | None, words: np.ndarray, y: np.ndarray,
              groups: np.ndarray, tr: np.ndarray, te: np.ndarray | None, names: list[str] | None = None
              ) -> tuple[np.ndarray, np.ndarray | None, list[str]]:
    """(xtr, xte, names) with the type features appended when ``use`` (``--type-prior``): out of fold by group for
    the rows fitted on (a word's own label never counts for itself), from all of ``tr`` for ``te``."""
    names = list(names or [])
    if not use:
        return xtr, xte, names
    xtr = np.column_stack([xtr, oof_type(words, y, groups, tr, FOLDS - 1 if te is not None else FOLDS)])
    if te is not None and xte is not None:
        xte = np.column_stack([xte, type_features(words, y, tr, te)])
    return xtr, xte, names + ["type_logit", "type_seen"]


def aside_type(use: bool, xa: np.ndarray, aside_words: Sequence[str], words: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The rows left out of the fit, with the type features from every fitted row when ``use``."""
    if not use:
        return xa
    prior = {"base_rate": float(y.mean()), "alpha": TYPE_ALPHA, "words": type_counts(words, y, np.arange(len(y)))}
    return np.column_stack([xa, [type_prior_features(str(w), prior) for w in aside_words]])


Fitted = tuple[LogisticRegression, np.ndarray, np.ndarray]


def fit_classifier(x: np.ndarray, y: np.ndarray, c: float) -> Fitted:
    """The classifier on standardised features (classes balanced), with the means and scales it was fitted on."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit((x - mu) / sd, y), mu, sd


def predict(fitted: Fitted, x: np.ndarray) -> np.ndarray:
    model, mu, sd = fitted
    return np.asarray(model.predict_proba((x - mu) / sd)[:, 1])


def per_unit(fitted: Fitted, names: list[str]) -> tuple[float, dict[str, float]]:
    """(intercept, weights) per raw unit of each feature, as the stage applies them."""
    model, mu, sd = fitted
    weights = {k: round(float(w / s), 5) for k, w, s in zip(names, model.coef_[0], sd, strict=True)}
    return float(model.intercept_[0] - sum(w * m / s for w, m, s in zip(model.coef_[0], mu, sd, strict=True))), weights


def contexts(rows: list[dict[str, Any]], word_only: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(each word's ``framing.context_vectors`` row, read article by article; whether it is inside the bias model's
    window). ``word_only``: the word's vector without its sentence's (tried: see the README)."""
    by_article: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_article.setdefault(r["article"], []).append(i)
    ctx = np.zeros((len(rows), 2 * nlp.EMBEDDING_DIM))
    inside = np.zeros(len(rows), dtype=bool)
    for idx in by_article.values():
        ctx[idx], inside[idx] = context_vectors([rows[i]["tok"] for i in idx])
    return (ctx[:, :nlp.EMBEDDING_DIM] if word_only else ctx), inside


def main(argv: Sequence[str]) -> None:
    target = Path(argv[argv.index("--out") + 1]) if "--out" in argv else TARGET
    threshold = float(argv[argv.index("--threshold") + 1]) if "--threshold" in argv else 0.5
    rows, y = labelled_rows()
    s12 = np.array([r["article"].removeprefix("pagesignal-") in TOPIC_PAGESIGNAL_12 for r in rows])
    s14 = np.array([r["article"].startswith(("pagesignal-", "polnear-")) for r in rows]) & ~s12
    out = (s12 if "--with-session12" not in argv else np.zeros(len(rows), dtype=bool)) | (
        s14 if "--with-session14" not in argv else np.zeros(len(rows), dtype=bool))
    aside = [r for r, o in zip(rows, out, strict=True) if o]  # left out of the fit, scored by the fitted model at the end
    y_aside = y[out]
    rows, y = [r for r, o in zip(rows, out, strict=True) if not o], y[~out]
    if "--without-session10" in argv:  # the shipped model: fitted before label11's rows (session 10) existed
        keep = np.array([r["article"].removeprefix("dragnet-") not in TOPIC_DRAGNET_3 for r in rows])
        rows, y = [r for r, k in zip(rows, keep, strict=True) if k], y[keep]
    later = np.array([r["article"].removeprefix("dragnet-") in TOPIC_DRAGNET_2 + TOPIC_DRAGNET_3 for r in rows])
    if "--before-session9" in argv:  # the labels of before, on the same folds, for the before → after figures
        rows, y, later = [r for r, n in zip(rows, later, strict=True) if not n], y[~later], later[~later]
    newest = np.array([r["article"].removeprefix("pagesignal-") in TOPIC_PAGESIGNAL_12 for r in rows])
    session14 = np.array([r["article"].startswith(("pagesignal-", "polnear-")) for r in rows]) & ~newest
    groups = np.array([r["event"] for r in rows])
    print(f"{len(y)} labelled candidate words, {int(y.sum())} framing choices, {len(set(groups))} events/articles")
    feats = [cue_features(r["tok"], r["p"], r["counts"], r["sent"], with_meaning=False) for r in rows]
    names = sorted(feats[0])
    x0 = np.array([[f[k] for k in names] for f in feats])
    vecs = nlp.embed([r["tok"].lower_ for r in rows])
    ctx, inside = np.zeros((len(rows), 0)), np.zeros(len(rows), dtype=bool)
    if "--without-context" not in argv:
        ctx, inside = contexts(rows, "--word-only" in argv)
        print(f"{int(inside.sum())} of {len(rows)} words inside the bias model's window "
              f"({int(y[inside].sum())} framing choices); the others are judged without the context feature")
    old = np.array([r["old_gate"] for r in rows])
    print(f"topic gate of before on these words: AUC {roc_auc_score(y, old):.3f} AP {average_precision_score(y, old):.3f}; "
          f"tagger p alone: AUC {roc_auc_score(y, [r['p'] for r in rows]):.3f}")
    use_type = "--type-prior" in argv
    words = np.array([r["tok"].lower_ for r in rows])
    babe, babe_c = babe_meaning()
    b_logit = babe.decision_function(vecs)
    print(f"BABE meaning model on the labels: AUC {roc_auc_score(y, b_logit):.3f}")
    label_c = max(MEANING_GRID, key=lambda c: roc_auc_score(y, oof_meaning(vecs, y, groups, c)))
    print(f"label meaning model C {label_c}: out-of-fold AUC {roc_auc_score(y, oof_meaning(vecs, y, groups, label_c)):.3f}")
    context_c = 0.0
    ins = np.flatnonzero(inside)
    if ctx.shape[1]:
        context_c = max(MEANING_GRID, key=lambda c: roc_auc_score(y[ins], oof_meaning(ctx[ins], y[ins], groups[ins], c)))
        print(f"context meaning model C {context_c}: out-of-fold AUC on the words inside the window "
              f"{roc_auc_score(y[ins], oof_meaning(ctx[ins], y[ins], groups[ins], context_c)):.3f}")

    results = {}
    for c in GRID:
        pred = np.zeros(len(y))
        for tr, te in outer_folds(groups, later, newest=newest, session14=session14):
            inner = oof_meaning(vecs[tr], y[tr], groups[tr], label_c, FOLDS - 1)  # never sees the test fold
            outer = fit_meaning(vecs[tr], y[tr], label_c).decision_function(vecs[te])
            xtr = np.column_stack([x0[tr], b_logit[tr], inner])
            xte = np.column_stack([x0[te], b_logit[te], outer])
            xtr, xte, _ = with_type(use_type, xtr, xte, words, y, groups, tr, te)
            pred[te] = predict(fit_classifier(xtr, y[tr], c), xte)  # without the context (all words)
            if ctx.shape[1]:  # the words inside the window: the classifier with the context feature
                tri, tei = tr[inside[tr]], te[inside[te]]
                ktr, kte = inside[tr], inside[te]
                xtr_c = np.column_stack([xtr[ktr], oof_meaning(ctx[tri], y[tri], groups[tri], context_c, FOLDS - 1)])
                xte_c = np.column_stack([xte[kte], fit_meaning(ctx[tri], y[tri], context_c).decision_function(ctx[tei])])
                pred[tei] = predict(fit_classifier(xtr_c, y[tri], c), xte_c)
        results[c] = (roc_auc_score(y, pred), average_precision_score(y, pred), pred)
        old_ = ~later & ~newest & ~session14
        older = ~newest & ~session14
        print(f"  C {c}: out-of-fold AUC {results[c][0]:.3f} AP {results[c][1]:.3f}; rows of before session 9: "
              f"AUC {roc_auc_score(y[old_], pred[old_]):.3f} AP {average_precision_score(y[old_], pred[old_]):.3f}"
              + (f"; session 9-10 rows: AUC {roc_auc_score(y[later], pred[later]):.3f} "
                 f"AP {average_precision_score(y[later], pred[later]):.3f}" if later.any() else "")
              + (f"; inside the window: AUC {roc_auc_score(y[ins], pred[ins]):.3f} "
                 f"AP {average_precision_score(y[ins], pred[ins]):.3f}" if ctx.shape[1] else "")
              + (f"; rows of before session 12: AUC {roc_auc_score(y[older], pred[older]):.3f} "
                 f"AP {average_precision_score(y[older], pred[older]):.3f}; session 12 rows ({int(newest.sum())}, "
                 f"{int(y[newest].sum())} framing): AUC {roc_auc_score(y[newest], pred[newest]):.3f} "
                 f"AP {average_precision_score(y[newest], pred[newest]):.3f}" if newest.any() else "")
              + (f"; session 14 rows ({int(session14.sum())}, {int(y[session14].sum())} framing): "
                 f"AUC {roc_auc_score(y[session14], pred[session14]):.3f} "
                 f"AP {average_precision_score(y[session14], pred[session14]):.3f}" if session14.any() else ""))
    c, (auc, ap, pred) = max(results.items(), key=lambda kv: kv[1][1])
    for th in (0.3, 0.4, 0.5, 0.6, 0.7):
        keep = pred >= th
        print(f"  out-of-fold at {th}: keeps {int(keep.sum())} of {len(y)}, precision {y[keep].mean():.2f}, "
              f"recall {y[keep].sum() / y.sum():.2f}")
    l_oof = oof_meaning(vecs, y, groups, label_c)
    x = np.column_stack([x0, b_logit, l_oof])
    names_out = names + ["babe_logit", "label_logit"]
    x, names_out = with_type(use_type, x, None, words, y, groups, np.arange(len(y)), None, names_out)[0::2]

    static = fit_classifier(x, y, c)
    static_intercept, static_weights = per_unit(static, names_out)
    intercept, weights = static_intercept, static_weights
    contextual = None
    if ctx.shape[1]:
        xi = np.column_stack([x[ins], oof_meaning(ctx[ins], y[ins], groups[ins], context_c)])
        contextual = fit_classifier(xi, y[ins], c)
        intercept, weights = per_unit(contextual, names_out + ["context_logit"])
    label = fit_meaning(vecs, y, label_c)
    if aside:  # the rows left out (no --with-session12/14), scored once by this model as the stage would score them
        fa = [cue_features(r["tok"], r["p"], r["counts"], r["sent"], with_meaning=False) for r in aside]
        va = nlp.embed([r["tok"].lower_ for r in aside])
        xa = np.column_stack([[[f[k] for k in names] for f in fa], babe.decision_function(va),
                              label.decision_function(va)])
        xa = aside_type(use_type, xa, [r["tok"].lower_ for r in aside], words, y)
        pa = predict(static, xa)
        if contextual is not None:
            ca, ia = contexts(aside, "--word-only" in argv)
            cm = fit_meaning(ctx[ins], y[ins], context_c)
            pa[ia] = predict(contextual, np.column_stack([xa[ia], cm.decision_function(ca[ia])]))
        print(f"rows left out of the fit ({len(aside)}, {int(y_aside.sum())} framing), scored by this model: "
              f"AUC {roc_auc_score(y_aside, pa):.3f} AP {average_precision_score(y_aside, pa):.3f}")

    def pack(m: LogisticRegression, c_: float) -> dict[str, Any]:
        return {"C": c_, "intercept": round(float(m.intercept_[0]), 5), "coef": [round(float(v), 5) for v in m.coef_[0]]}

    target.write_text(json.dumps({
        "model": "logistic regression over cue_features (standardised in training; weights here are per raw unit)",
        "trained_on": f"{len(y)} candidate loaded words of BASIL training events, Dragnet crime, disaster, "
                      f"science, technology, business and sport reports, page-signal Google News pages and PolNeAR "
                      f"train articles ({len(set(groups))} groups), hand labelled (scripts/data/cue_labels.json; "
                      f"{int(y.sum())} framing choices)",
        "C": c, "cv_by_event": {"auc": round(auc, 4), "average_precision": round(ap, 4),
                                "topic_gate_of_before_auc": round(float(roc_auc_score(y, old)), 4)},
        "threshold_used_for_training_report": threshold, "intercept": round(intercept, 5), "weights": weights,
        "babe_meaning": pack(babe, babe_c), "label_meaning": pack(label, label_c),
        **({"type_prior": {"base_rate": round(float(y.mean()), 5), "alpha": TYPE_ALPHA,
                           "words": dict(sorted(type_counts(words, y, np.arange(len(y))).items())),
                           "note": "per word of the hand labels: [framing choices, labels] (framing.type_prior_features)"}}
           if use_type else {}),
        **({"context_meaning": pack(fit_meaning(ctx[ins], y[ins], context_c), context_c),
            "context_from": "the fine-tuned bias model's last hidden states (models/bias_encoder.npz, "
                            "nlp.bias_word_vectors): the word's pieces' mean and the sentence's pooled vector",
            "without_context": {"intercept": round(static_intercept, 5), "weights": static_weights,
                                "note": "for words past the bias model's window; fitted on all labelled words"}}
           if ctx.shape[1] else {}),
    }) + "\n", encoding="utf-8")
    print(f"C {c}: {weights} → {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
