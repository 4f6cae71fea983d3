"""Build src/newsprism/models/citation_pairs.json: the citation model of the synthesis' citation completion
(``newsprism.compare.synthesis.complete_citations``: does a unit of an article a corroborated statement does not
cite state that statement?).

Data: the candidates ``completion_candidates`` gives (each corroborated statement against the three best units, by the
aligner's combined score, of every article it does not cite) on news-dev's six events that are not reserved for
independent reviewers (never Facebook–WhatsApp or TRAPPIST-1) and on BASIL's 2010–2014 events (Fox News, The New
York Times, HuffPost). Only candidates that pass the structured blocks (``completion_blocked``: chrome, captions,
headlines, another figure, missing quoted words, another speaker, another event, polarity) are labelled: the model
decides only those.

Labels (``scripts/data/citation_pairs_labels.json``: pair keys and labels only, no article text), read by hand by the
session-9 synthesis engineer (Claude): 1 when the unit states the statement's fact — its predicate and its
participants (who did what to whom, the figures the same); it may add details; 0 when it states a part, a related
fact, the same topic, or a weaker or vaguer claim.

    PYTHONPATH=src python scripts/train_citation_pairs.py dump --news-dev DIR --basil DIR   # candidates (/tmp JSON)
    PYTHONPATH=src python scripts/train_citation_pairs.py train                             # fit, choose, write

Split: events, never pairs: the dev part (threshold chosen there) is every other event in sorted order, the
held-out part the rest; the model is fitted on the dev part, the threshold chosen on its cross-validated
probabilities, precision and recall reported once on the held-out part, then the model is refitted on all labels
(the threshold kept) and written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from pathlib import Path
from typing import Any

from newsprism.compare import compare_analyzed
from newsprism.compare import synthesis as syn
from newsprism.compare.verify import Verifier
from newsprism.records import AnalyzedArticle
from newsprism.settings import DEFAULT

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "src" / "newsprism" / "models" / "citation_pairs.json"
LABELS = ROOT / "scripts" / "data" / "citation_pairs_labels.json"
DUMP = Path("/tmp/citation_pairs_candidates.json")
RESERVED = ("facebook", "trappist")  # news-dev events kept for independent reviewers: never read here


def key(event: str, statement: str, unit_id: str) -> str:
    return f"{event}|{hashlib.sha1(statement.encode()).hexdigest()[:10]}|{unit_id}"


def _grab(event: str, rows: list[dict[str, Any]]) -> Any:
    def grab(comparison: Any, items: list[dict[str, Any]], settings: Any) -> None:
        verifier = Verifier(comparison.articles, settings)
        for n, unit, feats in syn.completion_candidates(comparison, items, settings):
            best, text = items[n][syn.BEST]
            blocked = syn.completion_blocked(comparison, best, text, unit, settings, verifier)
            rows.append({"key": key(event, text, unit.id), "event": event, "statement": text,
                         "unit": syn._holding(comparison, unit), "features": feats, "blocked": blocked})
    return grab


def dump(news_dev: Path, basil: Path, cache: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT / "scripts"))
    import compare_real  # type: ignore[import-not-found]
    import train_fact_pairs  # type: ignore[import-not-found]

    compare_real.CORPUS = news_dev
    train_fact_pairs.BASIL = basil
    rows: list[dict[str, Any]] = []
    real = syn.complete_citations
    gold = json.loads((news_dev / "GOLD.json").read_text())
    for files in gold["stories"].values():
        if len(files) < 2 or any(r in files[0] for r in RESERVED):
            continue
        event = files[0].split("/")[0]
        syn.complete_citations = _grab(event, rows)  # type: ignore[assignment]
        compare_analyzed(compare_real.load_story(files, gold, cache / "news-dev"), DEFAULT)
    data: dict[str, list[dict[str, Any]]] = pickle.loads((cache / "basil.pkl").read_bytes()) \
        if (cache / "basil.pkl").exists() else {}
    events = train_fact_pairs.events()
    for k in sorted(events):
        if k not in data:
            data[k] = [a.to_output() for a in train_fact_pairs.analyze_many(train_fact_pairs.load(events[k]))]
            (cache / "basil.pkl").write_bytes(pickle.dumps(data))
        syn.complete_citations = _grab(f"basil:{k}", rows)  # type: ignore[assignment]
        compare_analyzed([AnalyzedArticle.from_output(x) for x in data[k]], DEFAULT)
    syn.complete_citations = real  # type: ignore[assignment]
    DUMP.write_text(json.dumps(rows, indent=1))
    print(f"{len(rows)} candidates, {sum(r['blocked'] is None for r in rows)} to label -> {DUMP}")


def _fit(x: Any, y: Any, groups: Any) -> tuple[Any, Any, float]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.model_selection import GroupKFold, cross_val_predict
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    best_c, best_ll = 1.0, float("inf")
    folds = GroupKFold(n_splits=min(5, len(set(groups))))
    for c in (0.03, 0.1, 0.3, 1.0, 3.0):
        p = cross_val_predict(LogisticRegression(C=c, max_iter=1000), scaler.transform(x), y, groups=groups,
                              cv=folds, method="predict_proba")[:, 1]
        ll = float(log_loss(y, p, labels=[0, 1]))
        if ll < best_ll:
            best_c, best_ll = c, ll
    return scaler, LogisticRegression(C=best_c, max_iter=1000).fit(scaler.transform(x), y), best_c


def train(min_precision: float) -> None:
    import numpy as np
    from sklearn.model_selection import GroupKFold, cross_val_predict

    rows = {r["key"]: r for r in json.loads(DUMP.read_text())}
    labels: dict[str, int] = json.loads(LABELS.read_text())["labels"]
    keys = sorted(k for k in labels if k in rows)
    missing = len(labels) - len(keys)
    events = sorted({rows[k]["event"] for k in keys})
    dev_events = set(events[::2])
    names = list(syn.CITATION_FEATURES)

    def xy(ks: list[str]) -> tuple[Any, Any, Any]:
        return (np.array([[rows[k]["features"][f] for f in names] for k in ks]), np.array([labels[k] for k in ks]),
                np.array([rows[k]["event"] for k in ks]))

    dev = [k for k in keys if rows[k]["event"] in dev_events]
    held = [k for k in keys if rows[k]["event"] not in dev_events]
    xd, yd, gd = xy(dev)
    scaler, model, c = _fit(xd, yd, gd)
    from sklearn.linear_model import LogisticRegression
    p_dev = cross_val_predict(LogisticRegression(C=c, max_iter=1000), scaler.transform(xd), yd, groups=gd,
                              cv=GroupKFold(n_splits=min(5, len(set(gd)))), method="predict_proba")[:, 1]
    # the threshold: the lowest that keeps cross-validated precision on the dev part at min_precision
    threshold = 0.9
    for t in sorted(set(np.round(p_dev, 3))):
        sel = p_dev >= t
        if sel.sum() and yd[sel].mean() >= min_precision:
            threshold = float(t)
            break
    xh, yh, _ = xy(held)
    p_held = model.predict_proba(scaler.transform(xh))[:, 1]

    def pr(y: Any, p: Any, t: float) -> str:
        sel = p >= t
        tp = int((y[sel] == 1).sum())
        return (f"precision {tp}/{int(sel.sum())} = {tp / max(int(sel.sum()), 1):.2f}, recall {tp}/{int(y.sum())} = "
                f"{tp / max(int(y.sum()), 1):.2f}")

    print(f"labels: {len(keys)} ({int(sum(labels[k] for k in keys))} positive; {missing} not in the dump); dev "
          f"{len(dev)} pairs of {len(dev_events)} events, held-out {len(held)} of {len(events) - len(dev_events)}")
    print(f"C={c}; threshold {threshold:.3f} (dev, cross-validated: {pr(yd, p_dev, threshold)})")
    print(f"held-out at {threshold:.3f}: {pr(yh, p_held, threshold)}")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        print(f"  held-out at {t}: {pr(yh, p_held, t)}")
    xa, ya, ga = xy(keys)
    scaler, model, c_all = _fit(xa, ya, ga)
    MODEL.write_text(json.dumps({
        "features": names, "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scaler.scale_], "coef": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "meta": {"data": "hand-labelled statement/unit candidates of citation completion: news-dev's six "
                         "non-reserved events and BASIL 2010-2014", "pairs": len(keys),
                 "positive": int(sum(labels[k] for k in keys)), "C": c_all, "threshold_dev": round(threshold, 3),
                 "held_out": pr(yh, p_held, threshold)}}, indent=1) + "\n")
    print(f"wrote {MODEL}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("dump", "train"))
    ap.add_argument("--news-dev", type=Path, default=ROOT.parent / "shared" / "corpus" / "news-dev")
    ap.add_argument("--basil", type=Path, default=ROOT.parent / "shared" / "corpus" / "basil")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/citation_pairs_cache"))
    ap.add_argument("--min-precision", type=float, default=0.9)
    args = ap.parse_args()
    if args.mode == "dump":
        args.cache.mkdir(parents=True, exist_ok=True)
        (args.cache / "news-dev").mkdir(exist_ok=True)
        dump(args.news_dev, args.basil, args.cache)
    else:
        train(args.min_precision)


if __name__ == "__main__":
    main()
