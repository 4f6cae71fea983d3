"""Build src/newsprism/models/source_heads.json: per common-noun lemma, how often PolNeAR train annotates it as
the head of an attribution's source, and how often its cues are verbs of saying.

Data: PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018), ``train`` split only (840 articles; the first
annotator per article, as the benchmark). Rows: every common noun (spaCy POS NOUN) that is the subject of a verb
(``nsubj``/``nsubjpass``) or the object of "according to" counts as *seen*; it counts as a *source* when it lies
inside a gold Source span, and its gold cue counts as *speech* when the cue's verb is a verb of saying
(``newsprism.lexicons.SPEECH_VERBS``). Lemmas seen fewer than ``MIN_SEEN`` times are left out.

Agent model: a logistic regression over each noun's MiniLM vector (``fit_agent_model``), so that a noun train never
saw as a subject ("injuries") gets an estimate from nouns like it.

The quotes stage reads it (``newsprism.stages.sources``): a common noun whose smoothed source rate is below
``speaker_source_min`` (chosen on PolNeAR dev with benchmarks/attribution.py) is no speaker ("injuries also
reported"), and a source whose cues were mostly not speech ("surveys showed", "the data suggest") is emitted as a
*finding* rather than as someone's words.

    PYTHONPATH=src python scripts/train_source_heads.py
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from attribution import load_polnear, parse_cached  # noqa: E402  (the PolNeAR loader lives in the benchmark)

import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from newsprism.lexicons import SPEECH_VERBS  # noqa: E402
from newsprism.similarity import unit_table  # noqa: E402
from newsprism.stages.sources import MODEL_PATH  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MIN_SEEN = 2
AGENT_C = 0.3  # regularisation of the agent model (5-fold log loss by noun printed for 0.03 / 0.1 / 0.3 / 1)


def fit_agent_model(counts: dict[str, list[int]]) -> dict[str, object]:
    """A logistic model of "this noun is a source" over the noun's MiniLM vector (the shipped unit-noun table,
    ``newsprism.similarity.unit_table``), fitted on every subject noun of train in that table, one row per
    occurrence (weights: its source and non-source counts), so that nouns train never saw as a subject
    ("injuries") get a rate from nouns like them. Cross-validated log loss printed against the base rate."""
    table = unit_table()
    lemmas = [w for w, row in counts.items() if w in table and row[0] > 0]
    ids = np.array(list(range(len(lemmas))) * 2)
    x = np.array([table[w] for w in lemmas] * 2)
    y = np.array([1] * len(lemmas) + [0] * len(lemmas))
    w = np.array([counts[m][1] for m in lemmas] + [counts[m][0] - counts[m][1] for m in lemmas], dtype=float)
    keep = w > 0
    x, y, w, ids = x[keep], y[keep], w[keep], ids[keep]
    base = float(np.average(y, weights=w))
    for c in (0.03, 0.1, 0.3, 1.0):
        folds = ids % 5  # by noun: a noun's rows never straddle train and held-out
        loss = 0.0
        for f in range(5):
            m = LogisticRegression(C=c, max_iter=2000).fit(x[folds != f], y[folds != f], sample_weight=w[folds != f])
            p = np.clip(m.predict_proba(x[folds == f])[:, 1], 1e-6, 1 - 1e-6)
            yy, ww = y[folds == f], w[folds == f]
            loss += float(-np.sum(ww * (yy * np.log(p) + (1 - yy) * np.log(1 - p))))
        print(f"agent model C={c}: 5-fold log loss {loss / w.sum():.4f} "
              f"(base rate {base:.3f}: {-(base * np.log(base) + (1 - base) * np.log(1 - base)):.4f})")
    model = LogisticRegression(C=AGENT_C, max_iter=2000).fit(x, y, sample_weight=w)
    return {"model": "logistic regression over the noun's unit-table MiniLM vector (models/unit_vectors.npz)",
            "C": AGENT_C, "nouns": len(lemmas), "coef": [round(float(v), 5) for v in model.coef_[0]],
            "intercept": round(float(model.intercept_[0]), 5)}


def count_heads(items: list[Any], docs: list[Any]) -> dict[str, list[int]]:
    """Per common-noun lemma: [seen as a subject or "according to" object, inside a gold source, of which with a
    speech-verb cue]."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for (_, _, golds), doc in zip(items, docs, strict=True):
        source_of: dict[int, list[tuple[int, int]]] = {}  # char → the cue spans of the sources covering it
        for g in golds:
            for s, e in g.source:
                for i in range(s, e):
                    source_of.setdefault(i, []).extend(g.cue)
        for tok in doc:
            according = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.i > 0 and \
                doc[tok.head.i - 1].lower_ == "according"
            if tok.pos_ != "NOUN" or not (tok.dep_ in ("nsubj", "nsubjpass") or according):
                continue
            row = counts[tok.lemma_.lower()]
            row[0] += 1
            cues = source_of.get(tok.idx)
            if cues is None:
                continue
            row[1] += 1
            lemmas = {t.lemma_.lower() for s, e in cues for t in (doc.char_span(s, e, alignment_mode="expand") or [])}
            row[2] += int(bool(lemmas & SPEECH_VERBS))
    return counts


def main() -> None:
    items = load_polnear("train", None)
    docs = parse_cached([text for _, text, _ in items])
    counts = count_heads(items, docs)
    heads = {lemma: row for lemma, row in sorted(counts.items()) if row[0] >= MIN_SEEN}
    agent = fit_agent_model(counts)
    out = {
        "model": "per common-noun lemma: [seen as a subject or 'according to' object, inside a gold source, "
                 "of which with a speech-verb cue]; the stage smooths (source + 2 p) / (seen + 2) with p from "
                 "agent_model",
        "trained_on": "PolNeAR v1.0.0 (Newell, Margolin & Ruths 2018), split train, 840 articles, "
                      "first annotator per article",
        "split": "train",
        "min_seen": MIN_SEEN,
        "heads": heads,
        "agent_model": agent,
    }
    path = ROOT / "src" / "newsprism" / MODEL_PATH
    path.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(heads)} lemmas → {path} ({path.stat().st_size / 1024:.0f} KB)")
    coef, icpt = np.array(agent["coef"]), float(agent["intercept"])  # type: ignore[arg-type]
    table = unit_table()
    for w in ("injury", "failure", "death", "official", "survey", "court", "witness", "resident"):
        p = 1 / (1 + np.exp(-(table[w] @ coef + icpt))) if w in table else None
        print(f"  {w}: counts {counts.get(w)}, agent model p {p}")


if __name__ == "__main__":
    main()
