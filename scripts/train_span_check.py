"""Build src/newsprism/models/span_check.json: the synthesis' check that a span states a statement
(``newsprism.compare.span_check``), used to complete (cite an article whose span states a statement) and to prune
(drop a cited article whose span does not) the synthesis' citations.

Data: the pairs the synthesis meets (``dump``): for every corroborated or attributed synthesis sentence on news-dev's
six events that are not reserved for independent reviewers (never Facebook–WhatsApp or TRAPPIST-1) and on the BASIL
events (Fox News, The New York Times, HuffPost; ``../shared/corpus/basil``), (a) each cited span of another article
than the statement's own, and (b) the three best units (the aligner's combined score, at least 0.2) of every article
it does not cite, with the structured block they meet (``completion_blocked``) if any. Labels
(``scripts/data/span_check_labels.json``: pair keys and labels only, no article text), read by hand by ent11, an
LLM-based engineer (session 10), statement beside span and its sentence: 1 when the span, in its article, states the
statement's fact (same predicate and participants, no contradicting number, entity or polarity; a paraphrase counts;
circumstances such as a day may be missing; for a quotation, the same speaker's words or their report), 0 when it
is the same topic but does not state it (a part, a related fact, another speaker, a weaker or vaguer claim).

    PYTHONPATH=src python scripts/train_span_check.py dump     # pairs with their texts -> /tmp/span_check_pairs.json
    PYTHONPATH=src python scripts/train_span_check.py train    # compare options, fit, choose, report, write
    PYTHONPATH=src python scripts/train_span_check.py abstain  # choose synthesis_abstain_min per statement on dev

The BASIL analyses are read from --basil-cache (a pickle of ``to_output()`` per event; made when missing). The
labels were read on a dump made from session 9's BASIL analyses (ANALYSIS_VERSION 31) and news-dev analysed at 36;
a fresh dump may miss a few keys (counted and printed).

Split by event (sha1 of the event name mod 5): 0 held-out, 1 dev, else train. Options are compared by grouped
cross-validation on train; the chosen one is fitted on train; on dev the completion threshold is the lowest
probability at which precision is at least --min-precision over the pairs the check decides (cited spans and
unblocked candidates), and the pruning threshold the highest at which at least --min-precision of the pairs below it
are 0; held-out precision and recall are reported once, at those thresholds; the train fit is written.
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
from newsprism.compare.span_check import SPAN_FEATURES, span_features
from newsprism.compare.verify import Verifier
from newsprism.records import AnalyzedArticle
from newsprism.settings import DEFAULT

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "src" / "newsprism" / "models" / "span_check.json"
LABELS = ROOT / "scripts" / "data" / "span_check_labels.json"
DUMP = Path("/tmp/span_check_pairs.json")
RESERVED = ("facebook", "trappist")  # news-dev events kept for independent reviewers: never read here


def key(event: str, statement: str, article: str, start: int, end: int) -> str:
    return f"{event}|{hashlib.sha1(statement.encode()).hexdigest()[:10]}|{article[:8]}:{start}-{end}"


def part(event: str) -> str:
    h = int(hashlib.sha1(event.encode()).hexdigest(), 16) % 5
    return "held" if h == 0 else "dev" if h in (1, 2) else "train"


def _grab(event: str, rows: list[dict[str, Any]], real: Any) -> Any:
    def grab(comparison: Any, items: list[dict[str, Any]], settings: Any) -> None:
        real(comparison, items, settings)
        arts = {a.id: a for a in comparison.articles}
        for it in items:
            if syn.BEST not in it or it["kind"] not in ("corroborated", "attributed"):
                continue
            best, text = it[syn.BEST]
            statement = syn.FRAME.sub("", text)
            for sp in it["spans"]:
                if sp["article"] != best.article:
                    a = arts[sp["article"]]
                    rows.append({"key": key(event, statement, sp["article"], sp["start"], sp["end"]), "event": event,
                                 "kind": "cited", "statement": statement,
                                 "span": a.article.text[sp["start"]:sp["end"]], "blocked": None})
        verifier = Verifier(comparison.articles, settings)
        for n, unit in syn.completion_candidates(comparison, items, settings.replace(candidate_min=0.2), top=3):
            best, text = items[n][syn.BEST]
            rows.append({"key": key(event, syn.FRAME.sub("", text), unit.article, unit.start, unit.end),
                         "event": event, "kind": "candidate", "statement": syn.FRAME.sub("", text),
                         "span": syn._holding(comparison, unit),
                         "blocked": syn.completion_blocked(comparison, best, text, unit, settings, verifier)})
    return grab


def dump(news_dev: Path, basil_cache: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT / "scripts"))
    import compare_real  # type: ignore[import-not-found]
    import train_fact_pairs  # type: ignore[import-not-found]

    compare_real.CORPUS = news_dev
    rows: list[dict[str, Any]] = []
    real = syn.complete_citations
    gold = json.loads((news_dev / "GOLD.json").read_text())
    cache = basil_cache.parent / "news-dev"
    cache.mkdir(parents=True, exist_ok=True)
    for files in gold["stories"].values():
        if len(files) < 2 or any(r in files[0] for r in RESERVED):
            continue
        syn.complete_citations = _grab(files[0].split("/")[0], rows, real)  # type: ignore[assignment]
        compare_analyzed(compare_real.load_story(files, gold, cache), DEFAULT)
    data: dict[str, list[dict[str, Any]]] = pickle.loads(basil_cache.read_bytes()) if basil_cache.exists() else {}
    events = train_fact_pairs.events()
    for k in sorted(events):
        if k not in data:
            data[k] = [a.to_output() for a in train_fact_pairs.analyze_many(train_fact_pairs.load(events[k]))]
            basil_cache.write_bytes(pickle.dumps(data))
        syn.complete_citations = _grab(f"basil:{k}", rows, real)  # type: ignore[assignment]
        compare_analyzed([AnalyzedArticle.from_output(x) for x in data[k]], DEFAULT)
    syn.complete_citations = real  # type: ignore[assignment]
    unique = list({r["key"]: r for r in rows}.values())
    DUMP.write_text(json.dumps(unique, indent=1))
    print(f"{len(unique)} pairs -> {DUMP}")


def _pr(y: Any, p: Any, t: float) -> str:
    sel = p >= t
    tp = int((y[sel] == 1).sum())
    return (f"precision {tp}/{int(sel.sum())} = {tp / max(int(sel.sum()), 1):.2f}, "
            f"recall {tp}/{int(y.sum())} = {tp / max(int(y.sum()), 1):.2f}")


def _npv(y: Any, p: Any, t: float) -> str:
    sel = p < t
    tn = int((y[sel] == 0).sum())
    return f"{tn}/{int(sel.sum())} below it labelled 0, {tn}/{int((y == 0).sum())} of the 0s"


def train(min_precision: float) -> None:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
    from sklearn.model_selection import GroupKFold, cross_val_predict
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    rows = {r["key"]: r for r in json.loads(DUMP.read_text())}
    labels: dict[str, int] = json.loads(LABELS.read_text())["labels"]
    keys = sorted(k for k in labels if k in rows)
    print(f"labels: {len(labels)}, {len(keys)} found in the dump ({len(labels) - len(keys)} not)")
    feats = dict(zip(keys, span_features([(rows[k]["statement"], rows[k]["span"]) for k in keys]), strict=True))
    names = list(SPAN_FEATURES)

    def xy(ks: list[str]) -> tuple[Any, Any, Any, Any]:
        return (np.array([[feats[k][f] for f in names] for k in ks]), np.array([labels[k] for k in ks]),
                np.array([rows[k]["event"] for k in ks]),
                np.array([rows[k]["blocked"] is None for k in ks]))  # the pairs the check decides

    split = {p: [k for k in keys if part(rows[k]["event"]) == p] for p in ("train", "dev", "held")}
    for p, ks in split.items():
        _, y, g, d = xy(ks)
        print(f"{p}: {len(ks)} pairs ({int(y.sum())} positive) of {len(set(g))} events; {int(d.sum())} decided by "
              f"the check ({int(y[d].sum())} positive)")
    x, y, g, d = xy(split["train"])
    folds = GroupKFold(n_splits=5)
    options = {f"logistic C={c}": make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=2000))
               for c in (0.1, 0.3, 1.0, 3.0)}
    options.update({f"MLP {h} alpha={a}": make_pipeline(StandardScaler(), MLPClassifier(
        (h,), alpha=a, max_iter=4000, random_state=0)) for h, a in ((8, 0.1), (16, 0.01))})
    print("grouped 5-fold CV on train (AUC / average precision / log loss; on the pairs the check decides: AUC):")
    best, best_ll = "", float("inf")
    for name, model in options.items():
        p = cross_val_predict(model, x, y, groups=g, cv=folds, method="predict_proba")[:, 1]
        ll = float(log_loss(y, p))
        print(f"  {name:20s} {roc_auc_score(y, p):.3f} / {average_precision_score(y, p):.3f} / {ll:.3f}; "
              f"decided {roc_auc_score(y[d], p[d]):.3f}")
        if ll < best_ll:
            best, best_ll = name, ll
    for label, cols in (("MiniLM cosine alone", ["cosine"]), ("word cover alone", ["word_cover"]),
                        ("without the soft coverage", [f for f in names if not f.startswith("soft")])):
        idx = [names.index(c) for c in cols]
        p = cross_val_predict(options["logistic C=1.0"], x[:, idx], y, groups=g, cv=folds, method="predict_proba")[:, 1]
        print(f"  {label:26s} (logistic C=1) {roc_auc_score(y, p):.3f} / {average_precision_score(y, p):.3f}; "
              f"decided {roc_auc_score(y[d], p[d]):.3f}")
    if not best.startswith("logistic"):
        print(f"  best by log loss: {best}; a logistic regression ships (explainable per feature): the best one")
        best = min((n for n in options if n.startswith("logistic")), key=lambda n: float(log_loss(
            y, cross_val_predict(options[n], x, y, groups=g, cv=folds, method="predict_proba")[:, 1])))
    print(f"chosen: {best}")
    model = options[best].fit(x, y)
    xd, yd, _, dd = xy(split["dev"])
    pd_ = model.predict_proba(xd)[:, 1]
    kd = np.array([rows[k]["kind"] for k in split["dev"]])
    # completion decides the unblocked candidates: the lowest threshold holding min_precision there
    cand = dd & (kd == "candidate")
    complete = 0.95
    for t in sorted(set(np.round(pd_[cand], 3))):
        sel = pd_[cand] >= t
        if sel.sum() and yd[cand][sel].mean() >= min_precision:
            complete = float(t)
            break
    # pruning decides the cited spans: the highest threshold below which min_precision of them are wrong
    cited = kd == "cited"
    prune = 0.0
    for t in sorted(set(np.round(pd_[cited], 3)), reverse=True):
        sel = pd_[cited] < t
        if sel.sum() and (yd[cited][sel] == 0).mean() >= min_precision:
            prune = float(t)
            break
    complete = max(complete, prune)  # a span the pruning would drop is never added
    print(f"dev candidates: complete at >= {complete:.3f} ({_pr(yd[cand], pd_[cand], complete)}); dev cited spans: "
          f"prune below {prune:.3f} ({_npv(yd[cited], pd_[cited], prune)})")
    xh, yh, _, dh = xy(split["held"])
    ph = model.predict_proba(xh)[:, 1]
    kinds = np.array([rows[k]["kind"] for k in split["held"]])
    print(f"held-out, the pairs the check decides: at {complete:.3f} {_pr(yh[dh], ph[dh], complete)}; "
          f"prune below {prune:.3f}: {_npv(yh[dh], ph[dh], prune)}")
    for kind in ("cited", "candidate"):
        m = dh & (kinds == kind)
        print(f"  {kind}: {_pr(yh[m], ph[m], complete)}; below {prune:.3f}: {_npv(yh[m], ph[m], prune)}")
    scaler, lr = model.steps[0][1], model.steps[1][1]
    MODEL.write_text(json.dumps({
        "features": names, "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scaler.scale_], "coef": [round(float(v), 6) for v in lr.coef_[0]],
        "intercept": round(float(lr.intercept_[0]), 6),
        "meta": {"data": "hand-labelled statement/span pairs of the synthesis (cited spans and the best units of "
                         "uncited articles): news-dev's six non-reserved events and BASIL; split by event",
                 "labelled_by": "ent11, an LLM-based engineer (session 10)", "pairs_train": len(split["train"]),
                 "model": best, "complete_min_dev": round(complete, 3), "prune_below_dev": round(prune, 3),
                 "held_out": _pr(yh[dh], ph[dh], complete)}}, indent=1) + "\n")
    print(f"wrote {MODEL}")


def abstain(min_faithful: float) -> None:
    """Choose the synthesis' two abstention thresholds per statement on the dev events, report held-out once.

    ``synthesis_abstain_min``: a statement with an unblocked candidate labelled 1 below the completion threshold is
    under-cited; one with a candidate in [t, complete_min) is left out. ``synthesis_cited_predicate_min``: a
    statement citing a span labelled 0 is wrongly cited; one citing a span that writes none of its predicates with
    a span check below t is left out. Chosen together: the pair that leaves out the fewest dev statements while at
    least ``min_faithful`` of the statements kept are neither under-cited nor wrongly cited."""
    from collections import defaultdict

    from newsprism.compare.span_check import predicate_shared, span_checks

    rows = [r for r in json.loads(DUMP.read_text()) if r["key"] in json.loads(LABELS.read_text())["labels"]]
    labels: dict[str, int] = json.loads(LABELS.read_text())["labels"]
    complete = DEFAULT.synthesis_complete_min
    decided = [r for r in rows if r["blocked"] is None or r["kind"] == "cited"]
    pairs = [(r["statement"], r["span"]) for r in decided]
    scores = [p for p, _ in span_checks(pairs)]
    held = predicate_shared(pairs)
    # per statement: (kind, probability, predicate written, label) of each pair
    by: dict[tuple[str, str], list[tuple[str, float, bool, int]]] = defaultdict(list)
    for r, p, q in zip(decided, scores, held, strict=True):
        by[(r["event"], r["statement"])].append((r["kind"], p, q is not None, labels[r["key"]]))
    statements = {(r["event"], r["statement"]) for r in rows}

    def wrong(key: tuple[str, str]) -> bool:
        return any((k == "candidate" and y == 1 and p < complete) or (k == "cited" and y == 0)
                   for k, p, _, y in by.get(key, []))

    def left(key: tuple[str, str], cand: float, cited: float) -> bool:
        return any((k == "candidate" and cand > 0 and cand <= p < complete)
                   or (k == "cited" and not q and p < cited) for k, p, q, _ in by.get(key, []))

    def line(split: str, cand: float, cited: float) -> tuple[str, float, int]:
        keys = [key for key in statements if part(key[0]) == split]
        out = [key for key in keys if left(key, cand, cited)]
        kept = [key for key in keys if key not in out]
        fine = sum(not wrong(key) for key in kept)
        share = fine / max(len(kept), 1)
        return (f"{split}: {len(keys)} statements, {sum(wrong(k) for k in keys)} under-cited or wrongly cited "
                f"({sum(wrong(k) for k in out)} left out), {sum(not wrong(k) for k in out)} others left out; kept "
                f"{len(kept)}, right {fine}/{len(kept)} = {share:.3f}"), share, len(out)

    best: tuple[float, float, int] | None = None
    for cand in (0.0, 0.5, 0.4, 0.3, 0.2, 0.15, 0.1):
        for cited in (0.0, 0.3, 0.5, 0.738, 0.9):
            text, share, n = line("dev", cand, cited)
            print(f"  synthesis_abstain_min {cand}, synthesis_cited_predicate_min {cited}: {text}")
            if share >= min_faithful and (best is None or n < best[2]):
                best = (cand, cited, n)
    if best is None:
        print(f"no pair keeps {min_faithful} of the dev statements right")
        return
    cand, cited, _ = best
    print(f"chosen on dev (fewest statements left out with {min_faithful} of those kept right): "
          f"synthesis_abstain_min {cand}, synthesis_cited_predicate_min {cited}")
    print(f"held-out, once: {line('held', cand, cited)[0]}; neither rule: {line('held', 0.0, 0.0)[0]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("dump", "train", "abstain"))
    ap.add_argument("--news-dev", type=Path, default=ROOT.parent / "shared" / "corpus" / "news-dev")
    ap.add_argument("--basil-cache", type=Path, default=Path("/tmp/span_check_cache/basil.pkl"))
    ap.add_argument("--min-precision", type=float, default=0.9)
    ap.add_argument("--min-faithful", type=float, default=0.95,
                    help="abstain: share of the kept statements that must not be under-cited")
    args = ap.parse_args()
    if args.mode == "dump":
        args.basil_cache.parent.mkdir(parents=True, exist_ok=True)
        dump(args.news_dev, args.basil_cache)
    elif args.mode == "abstain":
        abstain(args.min_faithful)
    else:
        train(args.min_precision)


if __name__ == "__main__":
    main()
