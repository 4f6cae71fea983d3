"""Fit the synthesis' "stands alone" check (``newsprism.compare.standalone``) on hand-labelled candidate statements.

Labels: ``scripts/data/stands_alone_labels.json`` (BASIL training events only: the 5 unused events of session 13's
``Random(1818)`` split and a sample of its 14 train-dev events; keys are article offsets, the text is read from the
corpus; each event's headlines give the story's topic words). Features: :func:`newsprism.compare.standalone.features` on the cached parse. A logistic regression; C and
the threshold are chosen by cross-validation grouped by event (no event in both the fold it is fitted on and the one
it is scored on). The threshold ``refuse_below``, under which a synthesis sentence is left out, is the highest at
which the out-of-fold precision of the refusals is still at least ``--refuse-precision`` (a corroborated fact refused
is lost: refuse only where the cues are clear; the threshold of best accuracy, also printed, refused statements with
no cue at all — the prior of a candidate pool half of which leans on context). The out-of-fold figures are printed. Writes ``src/newsprism/models/stands_alone.json``.

    PYTHONPATH=src .venv/bin/python scripts/train_stands_alone.py [--refuse-precision 0.85] [--dry-run]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from conflicts_basil import events  # noqa: E402

from newsprism.compare.standalone import FEATURES, MODEL_PATH, features, topic_words  # noqa: E402
from newsprism.compare.synthesis import drop_connective  # noqa: E402
from newsprism.extract import extract  # noqa: E402
from newsprism.records import RawDocument  # noqa: E402

LABELS = ROOT / "scripts" / "data" / "stands_alone_labels.json"


def article_texts(files: list[Path]) -> dict[str, str]:
    """Each article's text as ``benchmarks/conflicts_basil.py`` reads it (title + body paragraphs)."""
    out = {}
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(p) for p in d["body-paragraphs"])
        out[f.name] = extract(RawDocument(source=f"{f.parent.name}/{f.name}",
                                          data=f"{d['title']}\n\n{body}".encode(), kind="text")).text
    return out


def load() -> tuple[list[tuple[str, frozenset[str]]], np.ndarray, np.ndarray]:
    items = json.loads(LABELS.read_text())["items"]
    evs = events()
    texts: dict[str, dict[str, str]] = {}
    topics: dict[str, frozenset[str]] = {}
    rows, y, groups = [], [], []
    for it in items:
        if it["event"] not in texts:
            texts[it["event"]] = article_texts(evs[it["event"]])
            topics[it["event"]] = topic_words([t.split("\n", 1)[0] for t in texts[it["event"]].values()])
        t = texts[it["event"]][it["article"]][it["start"]:it["end"]]
        assert " ".join(t.split()[:4]) == it["opening"], (it, t[:60])
        rows.append((drop_connective(" ".join(t.split())), topics[it["event"]]))
        y.append(int(it["stands_alone"]))
        groups.append(it["event"])
    return rows, np.array(y), np.array(groups)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--refuse-precision", type=float, default=0.85,
                    help="out-of-fold share of refused statements that do lean on context, at least")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    texts, y, groups = load()
    X = np.array([features(t, topic) for t, topic in texts])
    print(f"{len(y)} statements, {int(y.sum())} stand alone, {len(set(groups))} events")
    folds = GroupKFold(n_splits=5)
    best = None
    for c in (0.1, 0.3, 1.0, 3.0):
        oof = np.zeros(len(y))
        for tr, te in folds.split(X, y, groups):
            m = LogisticRegression(C=c, fit_intercept=False, max_iter=2000).fit(X[tr], y[tr])
            oof[te] = m.predict_proba(X[te])[:, 1]
        ll = -np.mean(y * np.log(oof + 1e-9) + (1 - y) * np.log(1 - oof + 1e-9))
        print(f"C={c}: out-of-fold log loss {ll:.3f}")
        if best is None or ll < best[0]:
            best = (ll, c, oof)
    assert best is not None
    _, c, oof = best
    grid = [round(float(t), 2) for t in np.arange(0.2, 0.8, 0.01)]
    threshold = max(grid, key=lambda t: (float(((oof >= t) == (y == 1)).mean()), -t))
    refuse = max((t for t in grid if (oof < t).sum() and 1 - y[oof < t].mean() >= args.refuse_precision), default=0.2)
    r = oof < refuse
    print(f"refuse_below {refuse}: out-of-fold refused {int(r.sum())} of {len(y)}, {1 - y[r].mean():.2f} of them lean on "
          f"context, {r[y == 0].mean():.2f} of those that lean on context refused, {int(r[y == 1].sum())} of "
          f"{int(y.sum())} that stand alone refused")
    kept = oof >= threshold
    print(f"chosen C={c}; the threshold of best accuracy would be {threshold}: out-of-fold kept {int(kept.sum())} of {len(y)}, "
          f"precision of kept {y[kept].mean():.2f}, recall of the ones that stand alone {kept[y == 1].mean():.2f}, "
          f"refused that lean on context {(~kept)[y == 0].mean():.2f}, precision of refused {1 - y[~kept].mean():.2f}, "
          f"accuracy {((oof >= threshold) == (y == 1)).mean():.2f}")
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=2000).fit(X, y)
    w = [round(float(v), 4) for v in model.coef_[0]]
    for n, v in sorted(zip(FEATURES, w, strict=True), key=lambda p: p[1]):
        print(f"  {v:+.3f}  {n}")
    if not args.dry_run:
        (ROOT / "src" / "newsprism" / MODEL_PATH).write_text(json.dumps({
            "features": list(FEATURES), "weights": w, "refuse_below": refuse, "C": c,
            "trained_on": f"{len(y)} hand-labelled statements of {len(set(groups))} BASIL training events "
                          f"(scripts/data/stands_alone_labels.json)",
            "cv": f"GroupKFold(5) by event: refuse_below {refuse} refuses {int(r.sum())} of {len(y)}, "
                  f"{1 - y[r].mean():.2f} of them leaning on context, {r[y == 0].mean():.2f} of those that lean on "
                  f"context"}, indent=1) + "\n")


if __name__ == "__main__":
    main()
