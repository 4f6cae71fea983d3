"""Train the word-level bias tagger shipped in src/newsprism/models/bias_words.json.

Data: BABE (Spinde et al. 2021, ../shared/corpus/babe/final_labels_SG2.xlsx): 3,674 news sentences,
each with the words its annotators marked as biased. A token is positive when it lies inside one of its
sentence's marked words (hyphenated words such as "anti-police" mark all their parts).

Split: by sentence, the same stratified 80/20 split (seed 13) as scripts/train_bias.py uses for the sentence
model (the sheet and babe-sentences.csv hold the same sentences in the same order), so no held-out sentence
is ever seen by either model. Within the 80 %, a further 80/20 split (seed 13) is the dev set on which the
regularisation and the decision threshold are chosen; the final model is refitted on the whole 80 % and scored
once on the held-out 20 %.

Features per token (newsprism's ``bias_word_features``): the word, its lemma, suffix, POS, tag and dependency,
its neighbours' POS and the lemma of its head, word frequency (wordfreq Zipf), its spread and burstiness over
background news (models/word_spread.json, scripts/build_word_spread.py), the sentence bias model's score
for its sentence (out-of-fold on the training sentences), and the published lexicons as features, not verdicts: VADER valence, Pattern/TextBlob polarity and subjectivity, NRC emotions. Model: L2
logistic regression (scikit-learn), shipped as JSON (feature → weight, pruned of near-zero weights).

Printed and stored with the weights: word-level precision/recall/F1 on the held-out split, for the tagger and
for the lexicon approach it replaces (``lexicon_reason``: BABE word list, VADER, Pattern, NRC as verdicts;
note that its BABE word list was built from all of BABE, held-out sentences included, which favours it).

    PYTHONPATH=src .venv/bin/python scripts/train_bias_words.py
"""

from __future__ import annotations

import ast
import json
import re
import sys
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import openpyxl
from collections import Counter
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict, train_test_split

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsprism import nlp  # noqa: E402
from newsprism.stages import bias_words  # noqa: E402
from newsprism.stages.bias_words import bias_word_features, is_candidate, lexicon_reason  # noqa: E402
from newsprism.stages.framing import bias_model  # noqa: E402

SOURCE = ROOT.parent / "shared" / "corpus" / "babe" / "final_labels_SG2.xlsx"
TARGET = ROOT / "src" / "newsprism" / "models" / "bias_words.json"
SEED = 13
MIN_FEATURE_COUNT = 2        # a word/lemma/suffix feature seen in fewer training tokens is dropped
MIN_WEIGHT = 0.01            # weights smaller than this (absolute) are not shipped
C_GRID = (0.1, 0.25, 0.5, 1.0, 2.0)


def load_babe() -> tuple[list[str], list[list[str]], np.ndarray]:
    wb = openpyxl.load_workbook(SOURCE, read_only=True)
    rows = list(wb.active.iter_rows(values_only=True))
    head = rows[0]
    ti, li, wi = head.index("text"), head.index("label_bias"), head.index("biased_words")
    texts, words, labels = [], [], []
    for r in rows[1:]:
        if r[li] not in ("Biased", "Non-biased") or not (r[ti] or "").strip():
            continue  # one sentence has no agreement
        texts.append(str(r[ti]).strip())
        words.append([str(w).strip("\"'“”") for w in ast.literal_eval(r[wi] or "[]")])
        labels.append(int(r[li] == "Biased"))
    return texts, words, np.array(labels)


def split(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Indices: train (80 %), held-out test (20 %), and inside train a fit / dev split."""
    idx = np.arange(len(labels))
    tr, te = train_test_split(idx, test_size=0.2, random_state=SEED, stratify=labels)
    fit, dev = train_test_split(tr, test_size=0.2, random_state=SEED, stratify=labels[tr])
    return tr, te, fit, dev


def sentence_scores(texts: list[str], labels: np.ndarray, tr: np.ndarray, te: np.ndarray) -> np.ndarray:
    """The sentence bias model's probability per sentence, as the tagger sees it at run time: held-out
    sentences scored by a model fitted on the training sentences, training sentences out-of-fold (5 folds)."""
    x = nlp.embed(texts)
    c = float(bias_model()["C"])
    out = np.zeros(len(texts))
    out[tr] = cross_val_predict(LogisticRegression(C=c, max_iter=2000), x[tr], labels[tr], cv=5,
                                method="predict_proba")[:, 1]
    out[te] = LogisticRegression(C=c, max_iter=2000).fit(x[tr], labels[tr]).predict_proba(x[te])[:, 1]
    return out


def token_rows(doc: Any, marked: Sequence[str], score: float | None) -> list[tuple[dict[str, float], int, Any]]:
    """(features, gold label, token) for every candidate token of one sentence."""
    spans = []
    for w in marked:
        if not w:
            continue
        for m in re.finditer(r"(?<![\w])" + re.escape(w) + r"(?![\w])", doc.text, re.IGNORECASE):
            spans.append((m.start(), m.end()))
    out = []
    for tok in doc:
        if not is_candidate(tok):
            continue
        gold = int(any(a <= tok.idx < b for a, b in spans))
        out.append((bias_word_features(tok, score), gold, tok))
    return out


def train_only_babe_words(texts: list[str], marked: list[list[str]], ids: np.ndarray) -> dict[str, int]:
    """The shipped BABE word list rebuilt (same rule as scripts/build_babe_lexicon.py) from the training
    sentences only, for a fair lexicon baseline on the held-out sentences."""
    counts: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for i in ids:
        uses.update(set(re.findall(r"[a-z][a-z'-]+", texts[i].lower())))
        for w in {w.lower().strip() for w in marked[i]}:
            if w and len(w) > 2 and " " not in w:
                counts[w] += 1
    return {w: n for w, n in counts.items() if n >= 2 and n / max(uses[w], n) >= 0.25}


def prf(gold: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    tp = int(((gold == 1) & (pred == 1)).sum())
    p = tp / max(int(pred.sum()), 1)
    r = tp / max(int(gold.sum()), 1)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / max(p + r, 1e-9), 4),
            "tp": tp, "predicted": int(pred.sum()), "gold": int(gold.sum())}


def prune(vec: DictVectorizer, rows: list[dict[str, float]]) -> DictVectorizer:
    counts: dict[str, int] = {}
    for r in rows:
        for k in r:
            counts[k] = counts.get(k, 0) + 1
    keep = [k for k, n in counts.items() if n >= MIN_FEATURE_COUNT]
    v = DictVectorizer()
    v.fit([{k: 1.0 for k in keep}])
    return v


def main() -> None:
    t0 = time.time()
    texts, marked, labels = load_babe()
    docs = nlp.parse(texts, batch_size=64)
    print(f"parsed {len(docs)} BABE sentences in {time.time() - t0:.0f} s")
    tr, te, fit, dev = split(labels)
    scores = sentence_scores(texts, labels, tr, te)
    per_sentence = [token_rows(d, m, float(p)) for d, m, p in zip(docs, marked, scores, strict=True)]

    def gather(ids: np.ndarray) -> tuple[list[dict[str, float]], np.ndarray, list[Any]]:
        rows = [r for i in ids for r in per_sentence[i]]
        return [r[0] for r in rows], np.array([r[1] for r in rows]), [r[2] for r in rows]

    f_fit, y_fit, _ = gather(fit)
    f_dev, y_dev, _ = gather(dev)
    best: tuple[float, float, float] | None = None
    vec = prune(DictVectorizer(), f_fit)
    x_fit, x_dev = vec.transform(f_fit), vec.transform(f_dev)
    for c in C_GRID:
        model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x_fit, y_fit)
        p = model.predict_proba(x_dev)[:, 1]
        for th in np.arange(0.3, 0.96, 0.025):
            f1 = prf(y_dev, (p >= th).astype(int))["f1"]
            if best is None or f1 > best[0]:
                best = (f1, c, float(th))
    assert best is not None
    dev_f1, c, threshold = best
    print(f"dev: best C={c} threshold={threshold:.3f} word F1 {dev_f1:.3f}")
    f_tr, y_tr, _ = gather(tr)
    f_te, y_te, toks_te = gather(te)
    vec = prune(DictVectorizer(), f_tr)
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(vec.transform(f_tr), y_tr)
    p_te = model.predict_proba(vec.transform(f_te))[:, 1]
    tagger = prf(y_te, (p_te >= threshold).astype(int))
    lexicon = prf(y_te, np.array([int(lexicon_reason(t) is not None) for t in toks_te]))
    shipped = bias_words.babe_words
    fair_words = train_only_babe_words(texts, marked, tr)
    bias_words.babe_words = lambda: fair_words  # type: ignore[assignment]
    lexicon_fair = prf(y_te, np.array([int(lexicon_reason(t) is not None) for t in toks_te]))
    bias_words.babe_words = shipped  # type: ignore[assignment]
    print(f"held-out words: lexicon approach, BABE list from training sentences only P "
          f"{lexicon_fair['precision']:.3f} R {lexicon_fair['recall']:.3f} F1 {lexicon_fair['f1']:.3f}")
    print(f"held-out words: tagger P {tagger['precision']:.3f} R {tagger['recall']:.3f} F1 {tagger['f1']:.3f} "
          f"({tagger['gold']} biased tokens in {len(te)} sentences)")
    print(f"held-out words: lexicon approach P {lexicon['precision']:.3f} R {lexicon['recall']:.3f} "
          f"F1 {lexicon['f1']:.3f}")
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) >= MIN_WEIGHT}
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps({
        "model": "logistic regression over token features (word, lemma, suffix, POS, dependency, context, "
                 "wordfreq Zipf, background-news spread and burstiness, VADER / Pattern / NRC lexicon values)",
        "trained_on": "BABE final_labels_SG2.xlsx (Spinde et al. 2021): annotated biased words; split by sentence, "
                      "stratified 80/20, seed 13 (same as bias_lr.json); C and threshold chosen on a 20 % dev "
                      "part of the training sentences",
        "C": c, "threshold": round(threshold, 4), "n_train_sentences": int(len(tr)),
        "n_test_sentences": int(len(te)), "held_out": tagger, "held_out_lexicon_approach": lexicon,
        "held_out_lexicon_approach_train_only_babe_list": lexicon_fair,
        "intercept": round(float(model.intercept_[0]), 4), "weights": dict(sorted(weights.items())),
    }, separators=(",", ":")), encoding="utf-8")
    print(f"{len(weights)} weights → {TARGET} ({TARGET.stat().st_size / 1e6:.2f} MB) in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
