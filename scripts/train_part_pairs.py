"""Build src/newsprism/models/fact_part_pairs.json: the part verifier of checked corroboration
(``newsprism.compare.pairs.PartModel``), asked only about pairs the pair verifier (``fact_pairs.json``) refuses.

The pair verifier learnt "the two units state the same fact": a long sentence that shares one part of itself with
another unit is 0 in its labels, and on news-dev most gold shared facts it misses are such pairs (two long
sentences each stating the tunnel's lighting among other details; "in a unanimous ruling Friday over a corruption
scandal" / "the eight-judge panel unanimously voted to impeach"). The part verifier learns "a part of each unit
states the same fact" (same event, predicate and participants, no figure of one measure different), so that such a
pair joins a fact; the member check (``member_check``) then narrows the fact's statement to what every cited span
states, or leaves the member out.

Data: BASIL (Fan et al., 2019), its first 30 events by path (2010; never news-dev), analysed with every default
stage (kept in ``--cache``, the format of ``train_fact_pairs.py``'s cache; the shipped model was fitted on analyses made
at ``ANALYSIS_VERSION`` 51 — a pair's key is its units' character offsets into the cleaned text, which later analysis
versions leave as they were unless the cleaner changes). Candidates: the checked path's pairs
(``train_fact_pairs.candidates``) that the pair verifier refuses (p < ``pair_min``). Labels
(``scripts/data/basil_part_pairs_labels.json``, keys and labels only, no article text): read by hand by the
session-12 helper recall15 (Claude, an LLM, reading each pair): 1 when a part of each unit states the same fact,
0 otherwise (same topic or shared words, another fact; a figure of one measure different).

    PYTHONPATH=src python scripts/train_part_pairs.py dump [--sample N]   # candidates to label (TSV in /tmp)
    PYTHONPATH=src python scripts/train_part_pairs.py train               # fit, cross-validate, write the model

The model is scikit-learn's LogisticRegression over ``PART_FEATURES`` (standardised, C chosen by 5-fold
cross-validated log loss, folds grouped by event), as the pair verifier: cross-validated AUC 0.733 (the combined
score alone 0.662; the lexical features alone 0.678; a MiniLM cosine between comma-cut pieces instead of
``soft_local`` 0.672; co-occurring content-word pairs within four words added 0.741, not kept). Shipped off
(``part_pair_min`` 1.0): on news-dev it ranks most refused gold pairs below unrelated ones (README, recall15 row).
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_fact_pairs as tfp  # noqa: E402

from newsprism.compare.pairs import PART_FEATURES, load_pair_model, local_features  # noqa: E402
from newsprism.compare.span_check import soft_local  # noqa: E402
from newsprism.records import AnalyzedArticle  # noqa: E402
from newsprism.settings import DEFAULT  # noqa: E402
from newsprism.stages import analyze_many  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "src" / "newsprism" / "models" / "fact_part_pairs.json"
LABELS = ROOT / "scripts" / "data" / "basil_part_pairs_labels.json"
EVENTS = 30


def analysed(cache: Path) -> dict[str, list[AnalyzedArticle]]:
    """BASIL's first ``EVENTS`` events analysed (kept in ``cache`` between runs)."""
    data: dict[str, list[dict[str, Any]]] = pickle.loads(cache.read_bytes()) if cache.exists() else {}
    evs = list(tfp.events().items())[:EVENTS]
    for key, files in evs:
        if key not in data:
            data[key] = [a.to_output() for a in analyze_many(tfp.load(files))]
            cache.write_bytes(pickle.dumps(data))
            print(f"  analysed {key}", file=sys.stderr)
    return {k: [AnalyzedArticle.from_output(x) for x in data[k]] for k, _ in evs}


def refused(cache: Path) -> list[dict[str, Any]]:
    """The candidate pairs the pair verifier refuses, with their part features (kept beside the analyses)."""
    path = cache.with_suffix(".part-pairs-3.pkl")
    if path.exists():
        kept: list[dict[str, Any]] = pickle.loads(path.read_bytes())
        return kept
    model = load_pair_model()
    out = []
    for ev, arts in analysed(cache).items():
        for p in tfp.candidates(ev, arts):
            if model.probability(p["features"]) < DEFAULT.pair_min:
                out.append(p)
    for p, soft in zip(out, soft_local([(p["a"], p["b"]) for p in out]), strict=True):
        p["features"] |= local_features(p["a"], p["b"]) | {"soft_local": soft}
    path.write_bytes(pickle.dumps(out))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=("dump", "train"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/basil_part_analysed.pkl"))
    ap.add_argument("--sample", type=int, default=160)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--out", type=Path, default=Path("/tmp/part_pairs_candidates.tsv"))
    args = ap.parse_args()
    pairs = refused(args.cache)
    print(f"{len(pairs)} refused candidate pairs in {len({p['event'] for p in pairs})} events", file=sys.stderr)
    labels: dict[str, int] = json.loads(LABELS.read_text())["labels"] if LABELS.exists() else {}
    if args.step == "dump":
        # half drawn among pairs with a local overlap (a window mostly held, or a shared word pair), half at random
        rng = random.Random(args.seed)
        pool = [p for p in pairs if p["key"] not in labels]
        local = [p for p in pool if p["features"]["local_cover"] >= 0.6 or p["features"]["shared_bigrams"] > 0]
        first = rng.sample(local, min(args.sample // 2, len(local)))
        rest = [p for p in pool if p not in first]
        sample = first + rng.sample(rest, min(args.sample - len(first), len(rest)))
        with args.out.open("w") as fh:
            for p in sample:
                fh.write(f"{p['key']}\t{p['features']['combined']:.2f}\t{' '.join(p['a'].split())}\t"
                         f"{' '.join(p['b'].split())}\n")
        print(f"wrote {len(sample)} to {args.out}", file=sys.stderr)
        return
    tfp_train(pairs, labels)


def tfp_train(pairs: list[dict[str, Any]], labels: dict[str, int]) -> None:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold, cross_val_predict

    rows = [p for p in pairs if p["key"] in labels]
    X = np.array([[p["features"][f] for f in PART_FEATURES] for p in rows])
    y = np.array([labels[p["key"]] for p in rows])
    groups = [p["event"] for p in rows]
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    cv = GroupKFold(n_splits=5)
    best = None
    for c in tfp.C_GRID:
        prob = cross_val_predict(LogisticRegression(C=c, max_iter=2000), Z, y, cv=cv, groups=groups,
                                 method="predict_proba")[:, 1]
        loss = -float(np.mean(y * np.log(prob + 1e-9) + (1 - y) * np.log(1 - prob + 1e-9)))
        auc = roc_auc_score(y, prob)
        base = roc_auc_score(y, X[:, PART_FEATURES.index("combined")])
        print(f"C={c}: cv log loss {loss:.3f}, AUC {auc:.3f} (combined score alone {base:.3f})")
        if best is None or loss < best[0]:
            best = (loss, c, auc, base)
    assert best is not None
    model = LogisticRegression(C=best[1], max_iter=2000).fit(Z, y)
    for f, w in sorted(zip(PART_FEATURES, model.coef_[0], strict=True), key=lambda kv: -abs(kv[1])):
        print(f"  {f:22s} {w:+.3f}")
    MODEL.write_text(json.dumps({
        "features": list(PART_FEATURES), "mean": [round(float(x), 6) for x in mean],
        "scale": [round(float(x), 6) for x in scale], "coef": [round(float(x), 6) for x in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "meta": {"data": "BASIL 2010 cross-outlet candidate pairs the pair verifier refuses, labelled by hand "
                         "(labelled_by: recall15, an LLM helper): 1 when a part of each states the same fact",
                 "pairs": len(rows), "positive": int(y.sum()), "C": best[1], "cv_log_loss": round(best[0], 4),
                 "cv_auc": round(best[2], 4), "cv_auc_combined_alone": round(best[3], 4)}}, indent=1) + "\n")


if __name__ == "__main__":
    main()
