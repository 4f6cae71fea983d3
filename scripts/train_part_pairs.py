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
        tfp.write_candidates(sample, args.out)
        return
    tfp.train(pairs, labels, MODEL, list(PART_FEATURES),
              data="BASIL 2010 cross-outlet candidate pairs the pair verifier refuses, labelled by hand "
                   "(labelled_by: recall15, an LLM helper): 1 when a part of each states the same fact")


if __name__ == "__main__":
    main()
