"""Build src/newsprism/models/speaker_chooser.json: a logistic model that scores who spoke a quote.

Data: PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018), ``train`` split only (840 articles; where several
annotators did one article, the first annotator by id, as in benchmarks/attribution.py). Each article is
analysed with the quote rules alone (``speaker_model=False``). For every direct or partial quote that covers
at least half of a gold attribution's content (the best such attribution) with a gold source, the candidates
of ``newsprism.stages.speakers.candidates`` are labelled: a candidate is right when one of its tokens lies
inside the gold source span, or, for a named or nominal source, when its name matches the source by head word
(``evaluate_attribution.same_speaker``). Quotes with no right candidate are left out; a quote that no gold attribution holds (less than a tenth
of it inside gold content: titles, nicknames, scare quotes) gives every candidate the label 0, so the model
learns to leave such quotes without a speaker.
The model is scikit-learn's LogisticRegression (C chosen by 5-fold cross-validated log loss on train); the
margin and minimum the stage applies (settings ``speaker_model_margin``, ``speaker_model_min``) are chosen on
dev with benchmarks/attribution.py.

    PYTHONPATH=src python scripts/train_speaker_chooser.py [--limit N]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from attribution import article_from_text, load_polnear, parse_cached  # noqa: E402  (the loader lives in the benchmark)

from newsprism.evaluate_attribution import FOUND_COVERAGE, coverage, same_speaker  # noqa: E402
from newsprism.settings import DEFAULT  # noqa: E402
from newsprism.stages import DEFAULT_STAGES  # noqa: E402
from newsprism.stages.base import run_stages  # noqa: E402
from newsprism.stages.quotes import speaker_functions  # noqa: E402
from newsprism.stages.speakers import MODEL_PATH, candidates  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("sentences", "coref", "entities", "quotes")
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
NOT_ATTRIBUTED_MAX = 0.1  # share of a quote inside gold content below which no gold attribution holds it


def examples(split: str, limit: int | None) -> tuple[list[dict[str, float]], list[int], list[int]]:
    """Feature dicts, labels and a group id (the quote) per candidate."""
    items = load_polnear(split, limit)
    docs = parse_cached([t for _, t, _ in items])
    settings = dataclasses.replace(DEFAULT, speaker_model=False)
    stages = [s for s in DEFAULT_STAGES if s.name in STAGES]
    feats: list[dict[str, float]] = []
    labels: list[int] = []
    groups: list[int] = []
    group = 0
    for (name, text, golds), doc in zip(items, docs, strict=True):
        article = article_from_text(name, text)
        try:
            values = run_stages(stages, article, doc, settings)
        except RecursionError:
            continue
        speaker_of, type_at = speaker_functions(values["resolver"])
        sentences = values["sentences"]
        quotes = sorted(values["quotes"], key=lambda q: q.start)
        quoted = [(q.start, q.end) for q in quotes if q.kind != "reported"]  # as the stage sees them
        previous = None
        for q in quotes:
            if q.kind not in ("direct", "partial"):
                continue
            best = max(golds, key=lambda g: coverage(g.content, [(q.start, q.end)], text), default=None)
            prev, previous = previous, (q if q.speaker else previous)
            inside = coverage([(q.start, q.end)], [sp for g in golds for sp in g.content], text)
            if inside < NOT_ATTRIBUTED_MAX:
                # a quote no gold attribution holds (a title, a nickname, a scare quote): nobody is its speaker
                cands = candidates(doc, q, sentences, quoted, prev, speaker_of, type_at)
                feats.extend(c.features for c in cands)
                labels.extend(0 for _ in cands)
                groups.extend(group for _ in cands)
                group += 1
                continue
            if best is None or not best.source or coverage(best.content, [(q.start, q.end)], text) < FOUND_COVERAGE:
                continue
            src_text = " ".join(text[s:e] for s, e in best.source)
            src_chars = {i for s, e in best.source for i in range(s, e)}
            cands = candidates(doc, q, sentences, quoted, prev, speaker_of, type_at)
            marks = [int(any(doc[i].idx in src_chars for i in c.tokens) or same_speaker(c.name, src_text))
                     for c in cands]
            if not any(marks):
                continue
            for c, y in zip(cands, marks, strict=True):
                feats.append(c.features)
                labels.append(y)
                groups.append(group)
            group += 1
    return feats, labels, groups


def main(argv: list[str] | None = None) -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_score

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N train articles (while iterating)")
    args = ap.parse_args(argv)
    feats, labels, groups = examples("train", args.limit)
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform(feats)
    print(f"{len(set(groups))} quotes, {len(labels)} candidates ({sum(labels)} right), {x.shape[1]} features")
    best_c, best_loss = C_GRID[0], float("inf")
    for c in C_GRID:
        loss = -cross_val_score(LogisticRegression(C=c, max_iter=2000), x, labels, groups=groups,
                                cv=GroupKFold(n_splits=5), scoring="neg_log_loss").mean()
        print(f"  C={c}: cross-validated log loss {loss:.4f}")
        if loss < best_loss:
            best_c, best_loss = c, loss
    model = LogisticRegression(C=best_c, max_iter=2000).fit(x, labels)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)}
    out = {
        "model": "logistic regression over speaker candidates of a quote (stages/speakers.py features)",
        "trained_on": "PolNeAR v1.0.0 (Newell, Margolin & Ruths 2018), split train, first annotator per article",
        "split": "train",
        "articles": args.limit or 840,
        "quotes": len(set(groups)),
        "candidates": len(labels),
        "C": best_c,
        "cv_log_loss": round(best_loss, 4),
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items(), key=lambda kv: -abs(kv[1]))),
    }
    path = ROOT / "src" / "newsprism" / MODEL_PATH
    path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"C={best_c} → {path} ({path.stat().st_size / 1024:.1f} KB)")
    for k, w in list(out["weights"].items())[:12]:
        print(f"  {k:28s} {w:+.3f}")


if __name__ == "__main__":
    main()
