"""Train the cheap first step of the sentence bias cascade: src/newsprism/models/bias_cascade.npz (+ .json).

The bias score (``models/bias_lr.json``, a logistic regression over MiniLM sentence vectors) is the costly part
of an analysis: MiniLM must run on every sentence. The cascade estimates each sentence's MiniLM vector from its
static vector (``nlp.static_embed``: no transformer run) by a linear map fitted here (ridge regression, static →
MiniLM, on unlabelled news sentences), and keeps the covariance of the map's error on held-back sentences. For
any bias model over MiniLM vectors (weights w, so a retrained bias_lr.json composes without retraining this),
the estimate of a sentence's score logit is w·(map of its static vector) + b, with standard error
sqrt(wᵀ Σ w); MiniLM runs only on sentences whose estimate lies within ``bias_cascade_band`` standard errors of a
decision threshold (see ``stages/framing.py``).

It also measures the covariance of int8 MiniLM vectors' error against the float export's on the same dev part
(``int8_error_cov``: the cascade's second step, ``bias_cascade_encoder = onnx-int8``); ``--int8-only`` adds just
that to the shipped map.

Data (no labels are used to fit the map): PolNeAR train texts (news, 2015–2016; sentences split by a regular
expression) and the training 80 % of BABE's sentences (the split of scripts/train_bias.py, seed 13). The ridge
alpha is chosen on a 20 % dev part by the error of the shipped bias model's logit; the error covariance is
measured on that dev part. The band (``bias_cascade_band``) is then chosen on BABE's held-out 20 %: the smallest
band whose cascade keeps macro F1 within 0.005 of MiniLM on every sentence; the script prints the figures for
each band, also 2-fold (choose on one half of the held-out, report on the other).

    PYTHONPATH=src .venv/bin/python scripts/train_bias_cascade.py [--polnear 300]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import Ridge
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsprism import nlp  # noqa: E402
from newsprism.stages.bias_cascade import _estimator, cascade_scores, load_cascade  # noqa: E402
from newsprism.settings import DEFAULT  # noqa: E402
from newsprism.stages.framing import bias_model  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
BABE = CORPUS / "babe" / "babe-sentences.csv"
POLNEAR = CORPUS / "polnear" / "train" / "text"
TARGET = ROOT / "src" / "newsprism" / "models" / "bias_cascade.npz"
SEED = 13
ALPHAS = (0.1, 0.3, 1.0, 3.0)
OPERATING = DEFAULT.bias_score_min  # the threshold the product decides at (the biased_sentence cue)
BANDS = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“A-Z])|\n+")


def polnear_sentences(n_articles: int) -> list[str]:
    out: list[str] = []
    for f in sorted(POLNEAR.glob("*.txt"))[:n_articles]:
        out += [s.strip() for s in SENTENCE_END.split(f.read_text(encoding="utf-8")) if len(s.split()) >= 3]
    return list(dict.fromkeys(out))


def macro_f1(y: Any, p: Any, threshold: float = 0.5) -> float:
    return float(f1_score(y, (np.asarray(p) >= threshold).astype(int), average="macro"))


def int8_error_cov(texts: list[str], float_vectors: Any) -> Any:
    """Covariance of int8 MiniLM vectors' error against the float export's (the cascade's second step: an int8
    score is an estimate of the float model's; see stages/bias_cascade.needs_float)."""
    residual = nlp.embed(texts, "onnx-int8").astype("float64") - np.asarray(float_vectors, dtype="float64")
    w = np.array(bias_model("minilm")["coef"])
    print(f"int8 vs float MiniLM on {len(texts):,} dev sentences: bias logit error s.d. {(residual @ w).std():.3f}")
    return np.cov(residual, rowvar=False)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", type=int, default=300, help="PolNeAR train articles read (unlabelled sentences)")
    ap.add_argument("--int8-only", action="store_true",
                    help="keep the shipped map; only measure and add the int8 error covariance")
    args = ap.parse_args()
    with open(BABE, encoding="utf-8") as fh:
        rows = [(r["text"].strip(), int(r["label"])) for r in csv.DictReader(fh)
                if r["text"].strip() and r["label"] in ("0", "1")]
    texts = [t for t, _ in rows]
    labels = np.array([y for _, y in rows])
    tr, te = train_test_split(np.arange(len(rows)), test_size=0.2, random_state=SEED, stratify=labels)
    unlabelled = list(dict.fromkeys([texts[i] for i in tr] + polnear_sentences(args.polnear)))
    held = set(texts[i] for i in te)
    unlabelled = [t for t in unlabelled if t not in held]
    if args.int8_only:
        _, dev = train_test_split(np.arange(len(unlabelled)), test_size=0.2, random_state=SEED)
        texts_dev = [unlabelled[i] for i in dev]
        shipped = dict(load_cascade())
        shipped["int8_error_cov"] = int8_error_cov(texts_dev, nlp.embed(texts_dev, "onnx"))
        np.savez_compressed(TARGET, **{k: v.astype("float32") for k, v in shipped.items()})
        print(f"int8 error covariance added → {TARGET}")
        return
    print(f"fitting the map on {len(unlabelled):,} unlabelled sentences (BABE train + PolNeAR train)", flush=True)
    xs, xm = nlp.embed(unlabelled, nlp.STATIC), nlp.embed(unlabelled, "onnx")
    model = bias_model("minilm")
    w, b = np.array(model["coef"]), float(model["intercept"])
    fit, dev = train_test_split(np.arange(len(unlabelled)), test_size=0.2, random_state=SEED)
    best: tuple[float, float] | None = None
    for alpha in ALPHAS:
        ridge = Ridge(alpha=alpha).fit(xs[fit], xm[fit])
        err = float((ridge.predict(xs[dev]) @ w - xm[dev] @ w).std())
        print(f"alpha {alpha}: dev error of the bias logit, s.d. {err:.3f} (logit s.d. {(xm[dev] @ w).std():.3f})")
        if best is None or err < best[0]:
            best = (err, alpha)
    assert best is not None
    ridge = Ridge(alpha=best[1]).fit(xs[fit], xm[fit])
    residual = ridge.predict(xs[dev]) - xm[dev]
    cov = np.cov(residual, rowvar=False)
    ridge = Ridge(alpha=best[1]).fit(xs, xm)  # the shipped map: all unlabelled sentences; error measured above
    np.savez_compressed(TARGET, coef=ridge.coef_.T.astype("float32"), intercept=ridge.intercept_.astype("float32"),
                        error_cov=cov.astype("float32"),
                        int8_error_cov=int8_error_cov([unlabelled[i] for i in dev], xm[dev]).astype("float32"))
    load_cascade.cache_clear()
    _estimator.cache_clear()

    # the band, on BABE's held-out sentences
    held_texts = [texts[i] for i in te]
    y = labels[te]
    full = 1 / (1 + np.exp(-(nlp.embed(held_texts, "onnx") @ w + b)))
    static_held = nlp.embed(held_texts, nlp.STATIC)
    f_full = macro_f1(y, full)
    print(f"BABE held-out ({len(te)} sentences): MiniLM on every sentence macro F1 {f_full:.4f}; static-vector "
          f"model {bias_model('static')['held_out_macro_f1']}")
    results = {}
    for band in BANDS:
        for cuts in ((OPERATING,), (0.5, OPERATING)):
            scores, sent = cascade_scores(static_held, lambda rows: nlp.embed([held_texts[i] for i in rows], "onnx"),
                                          band=band, thresholds=cuts)
            p = np.array(scores)
            results[band, cuts] = (macro_f1(y, p, OPERATING), float(np.mean(sent)), p)
            print(f"band {band} around {cuts}: MiniLM on {np.mean(sent):.1%} of sentences · macro F1 at "
                  f"{OPERATING} {macro_f1(y, p, OPERATING):.4f} (MiniLM {macro_f1(y, full, OPERATING):.4f}), at 0.5 "
                  f"{macro_f1(y, p):.4f} (MiniLM {f_full:.4f}) · same verdict at {OPERATING} "
                  f"{np.mean((p >= OPERATING) == (full >= OPERATING)):.3f}, at 0.5 {np.mean((p >= 0.5) == (full >= 0.5)):.3f}")
    f_op = macro_f1(y, full, OPERATING)
    chosen = min(b_ for b_ in BANDS if results[b_, (OPERATING,)][0] >= f_op - 0.005)
    halves = train_test_split(np.arange(len(te)), test_size=0.5, random_state=SEED, stratify=y)
    for k, (choose, report) in enumerate((halves, halves[::-1])):
        f_c = macro_f1(y[choose], full[choose], OPERATING)
        pick = min(b_ for b_ in BANDS if macro_f1(y[choose], results[b_, (OPERATING,)][2][choose], OPERATING)
                   >= f_c - 0.005)
        print(f"2-fold check {k + 1}: band {pick} chosen on one half; on the other half cascade macro F1 at "
              f"{OPERATING} {macro_f1(y[report], results[pick, (OPERATING,)][2][report], OPERATING):.4f} vs MiniLM "
              f"{macro_f1(y[report], full[report], OPERATING):.4f}")
    meta = {"model": "ridge map from static word-piece vector averages (nlp.static_embed) to all-MiniLM-L6-v2 "
                     "sentence vectors, with the covariance of its error (the cascade's first step)",
            "trained_on": f"unlabelled sentences: BABE babe-sentences.csv training 80 % (seed 13 split) + PolNeAR "
                          f"train texts ({args.polnear} articles), {len(unlabelled)} sentences; alpha and error "
                          f"covariance on a 20 % dev part",
            "alpha": best[1], "dev_logit_error_sd": round(best[0], 4),
            "band_chosen_on": f"BABE held-out 20 % ({len(te)} sentences): smallest band around bias_score_min "
                              f"({OPERATING}) keeping macro F1 at that threshold within 0.005 of MiniLM's",
            "band": chosen, "held_out_macro_f1_at_operating_minilm": round(f_op, 4),
            "held_out_macro_f1_at_operating_cascade": round(results[chosen, (OPERATING,)][0], 4),
            "held_out_macro_f1_at_0.5_minilm": round(f_full, 4),
            "held_out_macro_f1_at_0.5_cascade": round(macro_f1(y, results[chosen, (OPERATING,)][2]), 4),
            "held_out_minilm_share_cue_band_only": round(results[chosen, (OPERATING,)][1], 4)}
    TARGET.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"chosen band {chosen} → {TARGET} (set bias_cascade_band to it)")


if __name__ == "__main__":
    main()
