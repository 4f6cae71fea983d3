"""Train the boilerplate line model shipped in src/newsprism/models/boilerplate_lr.json.

Data: ../shared/corpus/extraction/ (Dragnet, 1,381 pages, and Google News page-signal, 621
pages), each page with its gold main text (Dragnet's reader comments, which its gold appends
after a marker line, are not main text here). Every page is flattened the way scrapers do it
(``flatten_html``: one line per visible block) and each line is labelled content when it
belongs to the gold text, boilerplate otherwise. Pages are split into train/dev by a
fixed seed (80/20). Fit on train, choose on dev (the regularisation C and the probability
threshold), report on dev; the dev figures are written beside the weights.

    .venv/bin/python scripts/train_boilerplate.py            # rebuild the model
    .venv/bin/python scripts/train_boilerplate.py --limit 300  # a quick run on fewer pages
    .venv/bin/python scripts/train_boilerplate.py --rules-only # re-select the named rules only

The named rules of ``rules.py`` that still decide alone are chosen on the development data
(the extraction dev split pooled with news-dev; see ``select_rules``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

import lxml.html
import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsprism.extract.html import flatten_html  # noqa: E402
from newsprism.extract.lines import (  # noqa: E402
    CONTEXT_NAMES, context_features, document_features, feature_index, load_model,
)
from newsprism.extract.rules import FEATURES, score_line, words  # noqa: E402
from newsprism.settings import DEFAULT  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "extraction"
NEWS_DEV = ROOT.parent / "shared" / "corpus" / "news-dev"
TARGET = ROOT / "src" / "newsprism" / "models" / "boilerplate_lr.json"
SEED = 20240517
DEV_SHARE = 0.2
HASH_BITS = 16
MIN_GOLD_COVERAGE = 0.5   # pages whose flattened lines cover less of the gold text are skipped (bad parse)
_COMMENTS_MARKER = "!@#$%^&*()  COMMENTS"
_SEL = re.compile(r"\bx-nc-sel[12]\b")


def read_gz(path: Path) -> str:
    raw = gzip.open(path).read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def norm(text: str) -> str:
    return " ".join(words(text.lower()))


def gold_lines(kind: str, gold: str) -> list[str]:
    """The gold main text as lines: Dragnet gives text; page-signal marks elements in the page's HTML."""
    if kind == "dragnet":
        # The Dragnet gold appends the page's reader comments after a marker line; they are not main text.
        gold = gold.split(_COMMENTS_MARKER)[0]
        return [line for line in (" ".join(x.split()) for x in gold.split("\n")) if line]
    tree = lxml.html.fromstring(gold)
    for bad in tree.xpath("//script|//style|//noscript|//head"):
        if bad.getparent() is not None:
            bad.drop_tree()
    out: list[str] = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or not _SEL.search(el.get("class", "")):
            continue
        anc = el.getparent()
        if any(_SEL.search(a.get("class", "")) for a in el.iterancestors() if isinstance(a.tag, str)):
            continue  # the outermost marked element carries the text
        del anc
        out.extend(flatten_html(lxml.html.tostring(el, encoding="unicode")))
    return out


def label_page(lines: list[str], gold: list[str]) -> tuple[list[int], float]:
    """1 = boilerplate, 0 = main text; and the share of gold words the main-text lines cover."""
    gold_set = {norm(g) for g in gold}
    blob = " " + " ".join(norm(g) for g in gold) + " "
    labels = []
    covered = 0
    for line in lines:
        n = norm(line)
        body = bool(n) and (n in gold_set or (len(n.split()) >= 4 and f" {n} " in blob))
        labels.append(0 if body else 1)
        covered += len(n.split()) if body else 0
    gold_words = max(len(blob.split()), 1)
    return labels, covered / gold_words


def page_files(limit: int | None = None) -> list[tuple[str, Path, Path]]:
    """(name, page, gold) for every page of both sources, sorted by name."""
    out = []
    for kind in ("dragnet", "page-signal"):
        files = sorted((CORPUS / kind / "input").glob("*.html.gz"))
        for path in files[:limit] if limit else files:
            out.append((f"{kind}/{path.name}", path,
                        CORPUS / kind / "GoldStandard" / path.name.replace(".html.gz", ".txt.gz")))
    return out


def dev_names(names: list[str]) -> set[str]:
    """The dev split: a fixed-seed shuffle of all page names, first ``DEV_SHARE`` of them."""
    order = sorted(names)
    random.Random(SEED).shuffle(order)
    return set(order[: int(len(order) * DEV_SHARE)])


def load_pages(files: list[tuple[str, Path, Path]]) -> list[tuple[str, list[str], list[int]]]:
    """Flatten and label pages; pages without gold or whose lines cover too little of it are skipped."""
    pages = []
    skipped = 0
    for name, path, gold_path in files:
        if not gold_path.exists():
            skipped += 1
            continue
        lines = flatten_html(read_gz(path))
        labels, coverage = label_page(lines, gold_lines(name.split("/")[0], read_gz(gold_path)))
        if not lines or coverage < MIN_GOLD_COVERAGE:
            skipped += 1
            continue
        pages.append((name, lines, labels))
    print(f"{len(pages)} pages kept, {skipped} skipped (no gold or gold coverage < {MIN_GOLD_COVERAGE})")
    return pages


def split(pages: list[tuple[str, list[str], list[int]]], dev: set[str]) -> tuple[list[int], list[int]]:
    return ([i for i, p in enumerate(pages) if p[0] not in dev], [i for i, p in enumerate(pages) if p[0] in dev])


_CACHE: dict[int, sparse.csr_matrix] = {}


def page_matrix(lines: list[str]) -> sparse.csr_matrix:
    rows, cols, vals = [], [], []
    r = 0
    for f in document_features(lines):
        slots: dict[int, float] = {}
        for name, value in zip(f.names, f.values, strict=True):
            k = feature_index(name, HASH_BITS)
            slots[k] = slots.get(k, 0.0) + value
        for k, v in slots.items():
            rows.append(r)
            cols.append(k)
            vals.append(v)
        r += 1
    return sparse.csr_matrix((vals, (rows, cols)), shape=(r, 1 << HASH_BITS))


def matrix(pages: list[tuple[str, list[str], list[int]]], idx: list[int]) -> tuple[sparse.csr_matrix, np.ndarray, list[int]]:
    y: list[int] = []
    sizes: list[int] = []
    for p in idx:
        if p not in _CACHE:
            _CACHE[p] = page_matrix(pages[p][1])
        y.extend(pages[p][2])
        sizes.append(len(pages[p][1]))
    return sparse.vstack([_CACHE[p] for p in idx]).tocsr(), np.asarray(y), sizes


def context_matrix(logits: np.ndarray, sizes: list[int]) -> np.ndarray:
    out = []
    start = 0
    for n in sizes:
        z = list(logits[start:start + n])
        out.extend(context_features(z, i) for i in range(n))
        start += n
    return np.asarray(out)


def prf(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    f1 = 2 * p * r / max(p + r, 1e-9)
    f05 = 1.25 * p * r / max(0.25 * p + r, 1e-9)
    body_lost = fp / max(int((y == 0).sum()), 1)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "f05": round(f05, 4),
            "body_lines_lost": round(body_lost, 4)}


def news_dev_lines(model: Any) -> tuple[list[str], np.ndarray, np.ndarray]:
    """news-dev (the other development set: real scraped text, boilerplate lines annotated in GOLD.json):
    its lines, their labels and the model's verdicts."""
    gold = json.loads((NEWS_DEV / "GOLD.json").read_text(encoding="utf-8"))
    lines_all: list[str] = []
    labels: list[int] = []
    dropped: list[bool] = []
    for rel, boiler in sorted(gold["boilerplate"].items()):
        lines = [" ".join(x.split()) for x in (NEWS_DEV / rel).read_text(encoding="utf-8").split("\n")]
        lines = [x for x in lines if x]
        marked = {" ".join(b.split()) for b in boiler}
        lines_all.extend(lines)
        labels.extend(1 if x in marked else 0 for x in lines)
        dropped.extend(v.probability >= model.threshold for v in model.predict(lines))
    return lines_all, np.asarray(labels), np.asarray(dropped)


def select_rules(pages: list[tuple[str, list[str], list[int]]], dev: list[int], y_dev: np.ndarray,
                 dropped: np.ndarray, model: Any) -> tuple[list[str], list[str], dict[str, float]]:
    """The named rules that keep deciding alone: those that beat the model on the development data.

    A rule (one named feature of ``rules.py``) is kept unless the model beats it: among the development
    lines the model keeps, the lines it fires on are at least as often boilerplate as main text (and
    it fires on some). The development data
    pools the extraction dev split with news-dev (both are dev sets; their conventions differ on photo
    captions, which the extraction gold often counts as main text and news-dev as page chrome)."""
    nd_lines, nd_y, nd_dropped = news_dev_lines(model)
    dev_lines = [line for p in dev for line in pages[p][1]]
    n_extraction = len(dev_lines)
    dev_lines += nd_lines
    y_all = np.concatenate([y_dev, nd_y])
    keep = ~np.concatenate([dropped, nd_dropped])
    chosen = []
    fired_any = np.zeros(len(dev_lines), dtype=bool)
    for category, rules in FEATURES.items():
        for rule in rules:
            fires = np.array([bool(rule.pattern.search(line)) for line in dev_lines])
            extra = fires & keep
            gain, loss = int((extra & (y_all == 1)).sum()), int((extra & (y_all == 0)).sum())
            verdict = gain > 0 and gain >= loss  # a tie: the model does not beat the rule either
            print(f"  rule {category}/{rule.name}: fires on {int(fires.sum())} dev lines; on lines the model keeps "
                  f"{gain} boilerplate, {loss} main text{' → kept' if verdict else ''}")
            if verdict:
                chosen.append(rule.name)
                fired_any |= fires
    # then whole categories: a line whose named-rule score in one category reaches boilerplate_threshold
    # (several weak cues together: "Download the app" + "Google Play"), where that beats the model too
    categories = []
    scored = [score_line(line, 0.5) for line in dev_lines]  # no page-tail bonus, as in the line features
    for category in FEATURES:
        fires = np.array([sc is not None and sc.category == category and sc.score >= DEFAULT.boilerplate_threshold
                          for sc in scored])
        extra = fires & keep & ~fired_any
        gain, loss = int((extra & (y_all == 1)).sum()), int((extra & (y_all == 0)).sum())
        verdict = gain > 0 and gain >= loss
        print(f"  category {category} (score >= {DEFAULT.boilerplate_threshold}): fires on {int(fires.sum())} dev "
              f"lines; beyond the model and kept rules {gain} boilerplate, {loss} main text{' → kept' if verdict else ''}")
        if verdict:
            categories.append(category)
            fired_any |= fires
    combined = prf(y_dev, (dropped | fired_any[:n_extraction]).astype(int))
    print(f"model + kept rules: extraction dev {combined}")
    return chosen, categories, combined


def rules_only() -> None:
    """Re-select the rules against the shipped model (after editing rules.py) without refitting it."""
    files = page_files()
    dev_set = dev_names([f[0] for f in files])
    pages = load_pages([f for f in files if f[0] in dev_set])
    model = load_model()
    probs = np.array([v.probability for _n, lines, _y in pages for v in model.predict(lines)])
    y_dev = np.array([y for _n, _l, labels in pages for y in labels])
    chosen, categories, combined = select_rules(pages, list(range(len(pages))), y_dev, probs >= model.threshold, model)
    data = json.loads(TARGET.read_text(encoding="utf-8"))
    data["rule_features"], data["rule_categories"], data["dev_with_rules"] = chosen, categories, combined
    TARGET.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"updated the rules in {TARGET}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="pages per source (quick runs)")
    ap.add_argument("--dry-run", action="store_true", help="do not write the model file")
    ap.add_argument("--rules-only", action="store_true", help="only re-select the named rules on dev")
    args = ap.parse_args()
    if args.rules_only:
        rules_only()
        return
    files = page_files(args.limit)
    pages = load_pages(files)
    train, dev = split(pages, dev_names([f[0] for f in files]))
    x_tr, y_tr, s_tr = matrix(pages, train)
    x_dev, y_dev, s_dev = matrix(pages, dev)
    print(f"train {len(train)} pages / {len(y_tr)} lines ({y_tr.mean():.2f} boilerplate); "
          f"dev {len(dev)} pages / {len(y_dev)} lines ({y_dev.mean():.2f} boilerplate)")
    # Line model: C chosen on dev. Its train-set log-odds for the context model come from 2 folds by page.
    best = None
    for c in (0.1, 0.3):
        m = LogisticRegression(C=c, solver="liblinear", max_iter=200).fit(x_tr, y_tr)
        score = prf(y_dev, (m.predict_proba(x_dev)[:, 1] >= 0.5).astype(int))
        print(f"line model C={c}: dev {score}")
        if best is None or score["f1"] > best[0]["f1"]:
            best = (score, c, m)
    assert best is not None
    line_score, c, line_model = best
    half = len(train) // 2
    folds = (train[:half], train[half:])
    oof = []
    for k in (0, 1):
        xa, ya, _ = matrix(pages, folds[1 - k])
        xb, _yb, _ = matrix(pages, folds[k])
        m = LogisticRegression(C=c, solver="liblinear", max_iter=200).fit(xa, ya)
        oof.append(m.decision_function(xb))
    ctx_tr = context_matrix(np.concatenate(oof), s_tr)
    ctx_model = LogisticRegression(C=1.0, max_iter=1000).fit(ctx_tr, y_tr)
    ctx_dev = context_matrix(line_model.decision_function(x_dev), s_dev)
    prob_dev = ctx_model.predict_proba(ctx_dev)[:, 1]
    # The threshold maximises F0.5 on dev: dropping a line of the article costs more than keeping chrome.
    best_t = None
    for t in np.arange(0.30, 0.96, 0.05):
        score = prf(y_dev, (prob_dev >= t).astype(int))
        print(f"  threshold {t:.2f}: {score}")
        if best_t is None or score["f05"] > best_t[0]["f05"]:
            best_t = (score, round(float(t), 2))
    assert best_t is not None
    dev_score, threshold = best_t
    print(f"line + context model, threshold {threshold} (chosen on dev): dev {dev_score}")
    rule_features = ["(run --rules-only after writing the model)"]
    combined = prf(y_dev, (prob_dev >= threshold).astype(int))
    if args.dry_run:
        return
    coef = line_model.coef_[0]
    weights = {str(k): round(float(v), 4) for k, v in enumerate(coef) if abs(v) >= 1e-4}
    TARGET.write_text(json.dumps({
        "model": "boilerplate line model: logistic regression over hashed line/neighbour/position features, "
                 "smoothed by a logistic regression over neighbouring log-odds",
        "data": "../shared/corpus/extraction (Dragnet 2013 + Google News page-signal), pages flattened to lines "
                "by newsprism.extract.html.flatten_html, labelled by membership in the gold main text",
        "split": {"by": "page", "seed": SEED, "dev_share": DEV_SHARE, "train_pages": len(train), "dev_pages": len(dev),
                  "train_lines": int(len(y_tr)), "dev_lines": int(len(y_dev))},
        "label": "1 = boilerplate (line not in the gold main text)",
        "C": c, "threshold": threshold, "dev_line_model": line_score, "dev": dev_score,
        "rule_features": rule_features, "dev_with_rules": combined,
        "hash_bits": HASH_BITS, "intercept": round(float(line_model.intercept_[0]), 4),
        "context_names": list(CONTEXT_NAMES), "threshold_criterion": "F0.5 of boilerplate on dev",
        "context_coef": [round(float(v), 4) for v in ctx_model.coef_[0]],
        "context_intercept": round(float(ctx_model.intercept_[0]), 4),
        "weights": weights,
    }, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {TARGET} ({TARGET.stat().st_size / 1024:.0f} KB, {len(weights)} weights)")
    load_model.cache_clear()
    rules_only()


if __name__ == "__main__":
    main()
