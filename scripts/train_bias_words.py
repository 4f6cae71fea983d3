"""Train the word-level bias tagger shipped in src/newsprism/models/bias_words.json.

Data: BABE (Spinde et al. 2021, ../shared/corpus/babe/final_labels_SG2.xlsx): 3,674 news sentences,
each with the words its annotators marked as biased. A token is positive when it lies inside one of its
sentence's marked words (hyphenated words such as "anti-police" mark all their parts).

Split: by sentence, the same stratified 80/20 split (seed 13) as scripts/train_bias.py uses for the sentence
model (the sheet and babe-sentences.csv hold the same sentences in the same order), so no held-out sentence
is ever seen by either model. Within the 80 %, a further 80/20 split (seed 13) is the dev set on which the
regularisation and the decision threshold are chosen; the final model is refitted on the whole 80 % and scored
once on the held-out 20 %.

BASIL (optional, ``--basil-weights``): the 2010–2014 expert lexical-bias spans (Fan et al. 2019) on full
articles. Split by event (``basil_split``: sorted event ids alternate train / held out; every fifth training
event is dev); a token inside a lexical-bias span in the outlet's voice is positive, every other word of the
article outside quotes negative. BASIL weight, C and threshold are then chosen on the mean of BABE-dev and
BASIL-dev word F1. The BASIL word F1 on the held-out events is printed and stored.

Features per token (newsprism's ``bias_word_features``): the word, its lemma, suffix, POS, tag and dependency,
its neighbours' POS and the lemma of its head, word frequency (wordfreq Zipf), its spread and burstiness over
background news (models/word_spread.json, scripts/build_word_spread.py), the sentence bias model's score
for its sentence (out-of-fold on the training sentences), and the published lexicons as features, not verdicts: VADER valence, Pattern/TextBlob polarity and subjectivity, NRC emotions. Model: L2
logistic regression (scikit-learn), shipped as JSON (feature → weight, pruned of near-zero weights).

Printed and stored with the weights: word-level precision/recall/F1 on the held-out split, for the tagger and
for the lexicon approach it replaces (``lexicon_reason``: BABE word list, VADER, Pattern, NRC as verdicts;
note that its BABE word list was built from all of BABE, held-out sentences included, which favours it).

    PYTHONPATH=src .venv/bin/python scripts/train_bias_words.py [--out PATH] [--basil-weights 0,1] [--c-grid 0.25,0.5]
        [--vectors none|tensor|static]
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
from newsprism.settings import DEFAULT  # noqa: E402
from newsprism.stages import bias_words  # noqa: E402
from newsprism.stages.bias_words import bias_word_features, is_candidate, lexicon_reason  # noqa: E402
from newsprism.stages.framing import bias_model, sentence_bias_scores  # noqa: E402

SOURCE = ROOT.parent / "shared" / "corpus" / "babe" / "final_labels_SG2.xlsx"
TARGET = ROOT / "src" / "newsprism" / "models" / "bias_words.json"
SEED = 13
MIN_FEATURE_COUNT = 2        # a word/lemma/suffix feature seen in fewer training tokens is dropped
MIN_WEIGHT = 0.01            # weights smaller than this (absolute) are not shipped
C_GRID = (0.1, 0.25, 0.5, 1.0, 2.0)
# Weight of a BASIL token relative to a BABE token (classes balanced within each source; 0: BABE only). The
# default is BABE only: the grid --basil-weights 0,0.5,1,2,4 --c-grid 0.25,0.5 chose weight 0 on dev (every
# BASIL weight lowered both dev F1s; README, issue 14), so the shipped model is BABE's alone.
BASIL_WEIGHTS = (0.0,)
# The token's vector as features (bias_words.VECTOR_FAMILIES, --vectors none|tensor|static). Tried for issue 14
# (the tagger learned "rare => biased" and flags rare words of description): the parser's tensor scored BABE-dev
# word F1 0.463 (C 0.5) against 0.464 without (C 0.25), held-out 0.483 vs 0.482, and found no more news-dev
# cues per emitted cue; dev chose none, so the shipped tagger has no vector features.
VECTORS = ""


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


BASIL = ROOT.parent / "shared" / "corpus" / "basil"


def basil_split(events: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """BASIL split by event (the triplet uuid), fixed before any result was seen: the sorted event ids
    alternate, even positions train and odd positions held out; every fifth training event (positions 0, 5, …
    of the sorted training events) is the dev slice on which the source weight, C and threshold are chosen.
    Returns (training events, held-out events, dev events ⊂ training events)."""
    ids = sorted(set(events))
    train, held = ids[0::2], ids[1::2]
    return train, held, train[0::5]


def load_basil() -> list[tuple[str, str, list[tuple[int, int]], list[tuple[int, int]]]]:
    """BASIL articles with phrase annotations, cleaned as the benchmark cleans them: (event, text, lexical-bias
    spans in the outlet's voice, stretches to leave out: quoted words and lexical-bias spans inside quotes)."""
    from newsprism.evaluate import basil_annotated

    out = []
    for event, article, phrases in basil_annotated(BASIL):
        text = article.text
        lex, skip = [], []
        for p in phrases:
            phrase = p["txt"].strip("“”\" ")
            pos = text.find(phrase) if p["bias"] == "lex" and phrase else -1
            if pos >= 0:
                (lex if p["quote"] == "no" else skip).append((pos, pos + len(phrase)))
        skip += [(m.start(), m.end()) for m in re.finditer(r"“[^”\n]*”|\"[^\"\n]*\"", text)]
        out.append((event, text, lex, skip))
    return out


def basil_rows(articles: list[tuple[str, str, list[tuple[int, int]], list[tuple[int, int]]]]
               ) -> list[list[tuple[dict[str, float], int, Any]]]:
    """Per article, (features, gold, token) for every candidate token outside quotes: inside a lexical-bias
    span (outlet's voice) = 1, any other word of the article = 0. The sentence score is the shipped sentence
    model's (trained on BABE only), as the framing stage computes it."""
    docs = nlp.parse([a[1] for a in articles], batch_size=16)
    out = []
    for (_, _, lex, skip), doc in zip(articles, docs, strict=True):
        sents = list(doc.sents)
        scores = sentence_bias_scores([s.text for s in sents])
        rows = []
        for sent, score in zip(sents, scores, strict=True):
            for tok in sent:
                if not is_candidate(tok) or any(a <= tok.idx < b for a, b in skip):
                    continue
                rows.append((bias_word_features(tok, float(score), VECTORS), int(any(a <= tok.idx < b for a, b in lex)), tok))
        out.append(rows)
    return out


def split(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Indices: train (80 %), held-out test (20 %), and inside train a fit / dev split."""
    idx = np.arange(len(labels))
    tr, te = train_test_split(idx, test_size=0.2, random_state=SEED, stratify=labels)
    fit, dev = train_test_split(tr, test_size=0.2, random_state=SEED, stratify=labels[tr])
    return tr, te, fit, dev


def sentence_scores(texts: list[str], labels: np.ndarray, tr: np.ndarray, te: np.ndarray) -> np.ndarray:
    """The sentence bias model's probability per sentence, as the tagger sees it at run time: held-out
    sentences scored by a model fitted on the training sentences, training sentences out-of-fold (5 folds)."""
    if DEFAULT.bias_encoder == nlp.FINETUNED:  # the fine-tuned model: its out-of-fold scores from its trainer
        return finetuned_scores(texts, tr, te)
    x = nlp.embed(texts)
    c = float(bias_model()["C"])
    out = np.zeros(len(texts))
    out[tr] = cross_val_predict(LogisticRegression(C=c, max_iter=2000), x[tr], labels[tr], cv=5,
                                method="predict_proba")[:, 1]
    out[te] = LogisticRegression(C=c, max_iter=2000).fit(x[tr], labels[tr]).predict_proba(x[te])[:, 1]
    return out


def finetuned_scores(texts: list[str], tr: np.ndarray, te: np.ndarray) -> np.ndarray:
    """The fine-tuned sentence model's scores: held-out sentences by the shipped model (trained on training
    sentences only), training sentences out-of-fold (written by scripts/train_bias_encoder.py --oof F 3)."""
    out = np.full(len(texts), np.nan)
    for path in sorted((nlp.cache_dir() / "bias-encoder-ft").glob("bias-oof-*of3.npz")):
        part = np.load(path)
        out[part["rows"]] = part["probs"]
    if np.isnan(out[tr]).any():
        raise SystemExit("out-of-fold sentence scores missing: run scripts/train_bias_encoder.py --layers 3 "
                         "--epochs 4 --lr 1e-4 --oof F 3 for F in 0 1 2")
    out[te] = nlp.bias_scores([texts[i] for i in te])
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
        out.append((bias_word_features(tok, score, VECTORS), gold, tok))
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


def balanced(y: np.ndarray) -> np.ndarray:
    """Per-token weights that balance the classes within one source (scikit-learn's "balanced" rule)."""
    pos = max(int(y.sum()), 1)
    neg = max(len(y) - pos, 1)
    return np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * neg))


def main(argv: Sequence[str]) -> None:
    global VECTORS
    if "--vectors" in argv:
        VECTORS = argv[argv.index("--vectors") + 1].replace("none", "")
    target = Path(argv[argv.index("--out") + 1]) if "--out" in argv else TARGET
    weights_grid = tuple(float(v) for v in argv[argv.index("--basil-weights") + 1].split(",")) \
        if "--basil-weights" in argv else BASIL_WEIGHTS
    c_grid = tuple(float(v) for v in argv[argv.index("--c-grid") + 1].split(",")) if "--c-grid" in argv else C_GRID
    t0 = time.time()
    texts, marked, labels = load_babe()
    docs = nlp.parse(texts, batch_size=64)
    print(f"parsed {len(docs)} BABE sentences in {time.time() - t0:.0f} s")
    tr, te, fit, dev = split(labels)
    scores = sentence_scores(texts, labels, tr, te)
    per_sentence = [token_rows(d, m, float(p)) for d, m, p in zip(docs, marked, scores, strict=True)]
    articles = load_basil()
    b_train, b_held, b_dev = basil_split([a[0] for a in articles])
    assert not set(b_train) & set(b_held)
    per_article = basil_rows(articles)
    print(f"BASIL: {len(articles)} articles, {len(b_train)} training events ({len(b_dev)} of them dev), "
          f"{len(b_held)} held-out events; parsed in {time.time() - t0:.0f} s")

    def gather(ids: np.ndarray) -> tuple[list[dict[str, float]], np.ndarray, list[Any]]:
        rows = [r for i in ids for r in per_sentence[i]]
        return [r[0] for r in rows], np.array([r[1] for r in rows]), [r[2] for r in rows]

    def gather_basil(events: Sequence[str]) -> tuple[list[dict[str, float]], np.ndarray, list[Any]]:
        keep = set(events)
        rows = [r for a, rs in zip(articles, per_article, strict=True) if a[0] in keep for r in rs]
        return [r[0] for r in rows], np.array([r[1] for r in rows], dtype=int), [r[2] for r in rows]

    def fit_model(babe: tuple[list[dict[str, float]], np.ndarray, list[Any]],
                  basil: tuple[list[dict[str, float]], np.ndarray, list[Any]], weight: float, c: float
                  ) -> tuple[DictVectorizer, LogisticRegression]:
        feats = babe[0] + (basil[0] if weight > 0 else [])
        y = np.concatenate([babe[1], basil[1]]) if weight > 0 else babe[1]
        w = np.concatenate([balanced(babe[1]), weight * balanced(basil[1])]) if weight > 0 else balanced(babe[1])
        vec = prune(DictVectorizer(), feats)
        return vec, LogisticRegression(C=c, max_iter=3000).fit(vec.transform(feats), y, sample_weight=w)

    b_fit_events = [e for e in b_train if e not in set(b_dev)]
    babe_fit, babe_dev = gather(fit), gather(dev)
    basil_fit, basil_dev = gather_basil(b_fit_events), gather_basil(b_dev)
    print(f"BASIL tokens: fit {len(basil_fit[1])} ({int(basil_fit[1].sum())} in lexical-bias spans), "
          f"dev {len(basil_dev[1])} ({int(basil_dev[1].sum())})")
    best: tuple[float, float, float, float, float, float] | None = None
    for weight in weights_grid:
        for c in c_grid:
            vec, model = fit_model(babe_fit, basil_fit, weight, c)
            p_babe = model.predict_proba(vec.transform(babe_dev[0]))[:, 1]
            p_basil = model.predict_proba(vec.transform(basil_dev[0]))[:, 1]
            row = None
            for th in np.arange(0.3, 0.96, 0.025):
                f_babe = prf(babe_dev[1], (p_babe >= th).astype(int))["f1"]
                f_basil = prf(basil_dev[1], (p_basil >= th).astype(int))["f1"]
                # both sources count equally in the choice when BASIL is trained on; BABE's alone otherwise
                score = (f_babe + f_basil) / 2 if any(weights_grid) else f_babe
                if row is None or score > row[0]:
                    row = (score, f_babe, f_basil, float(th))
            assert row is not None
            print(f"  BASIL weight {weight} C={c}: dev mean F1 {row[0]:.3f} (BABE {row[1]:.3f}, BASIL {row[2]:.3f}) "
                  f"at threshold {row[3]:.3f}")
            if best is None or row[0] > best[0]:
                best = (row[0], row[1], row[2], row[3], weight, c)
    assert best is not None
    _, dev_babe, dev_basil, threshold, weight, c = best
    print(f"dev: best BASIL weight {weight} C={c} threshold={threshold:.3f}: word F1 BABE {dev_babe:.3f}, "
          f"BASIL {dev_basil:.3f}")
    babe_tr = gather(tr)
    f_te, y_te, toks_te = gather(te)
    vec, model = fit_model(babe_tr, gather_basil(b_train), weight, c)
    p_te = model.predict_proba(vec.transform(f_te))[:, 1]
    tagger = prf(y_te, (p_te >= threshold).astype(int))
    basil_held = gather_basil(b_held)
    basil_tagger = prf(basil_held[1], (model.predict_proba(vec.transform(basil_held[0]))[:, 1] >= threshold
                                       ).astype(int))
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
    print(f"BASIL held-out events, all words outside quotes: tagger P {basil_tagger['precision']:.3f} "
          f"R {basil_tagger['recall']:.3f} F1 {basil_tagger['f1']:.3f} ({basil_tagger['gold']} tokens in spans)")
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) >= MIN_WEIGHT}
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({
        "model": "logistic regression over token features (word, lemma, suffix, POS, dependency, context, "
                 "wordfreq Zipf, background-news spread and burstiness, VADER / Pattern / NRC lexicon values"
                 + (f", the token's {VECTORS} vector)" if VECTORS else ")"),
        "trained_on": "BABE final_labels_SG2.xlsx (Spinde et al. 2021): annotated biased words; split by sentence, "
                      "stratified 80/20, seed 13 (same as bias_lr.json); C and threshold chosen on a 20 % dev "
                      "part of the training sentences" if weight == 0 else
                      "BABE final_labels_SG2.xlsx (Spinde et al. 2021): annotated biased words; split by sentence, "
                      "stratified 80/20, seed 13 (same as bias_lr.json); plus BASIL 2010-2014 (Fan et al. 2019) "
                      "lexical-bias spans in the outlet's voice of the training events (sorted event ids, even "
                      "positions; odd positions held out); classes balanced within each source; BASIL weight, C "
                      "and threshold chosen on a 20 % dev part of the BABE training sentences and every fifth "
                      "BASIL training event (mean of the two word F1s)",
        "vectors": VECTORS or None, "C": c, "basil_weight": weight, "threshold": round(threshold, 4), "n_train_sentences": int(len(tr)),
        "n_test_sentences": int(len(te)), "basil_train_events": len(b_train), "basil_held_out_events": len(b_held),
        "held_out": tagger, "held_out_basil": basil_tagger, "held_out_lexicon_approach": lexicon,
        "held_out_lexicon_approach_train_only_babe_list": lexicon_fair,
        "intercept": round(float(model.intercept_[0]), 4), "weights": dict(sorted(weights.items())),
    }, separators=(",", ":")), encoding="utf-8")
    print(f"{len(weights)} weights → {target} ({target.stat().st_size / 1e6:.2f} MB) in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
