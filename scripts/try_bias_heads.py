"""Experiment (issue #14, session 11): can what sits on top of the shipped sentence bias model's three fine-tuned
transformer layers — the pooling, the head, the decision threshold — lift BABE sentence macro-F1, with the layers'
weights unchanged (the word tagger reads their token states)?

Features (one sentence per ONNX run, int8 weights per channel, exactly as the analysis runs the shipped model):
the shipped logit, and for each hidden state of the model (the frozen word-piece embeddings = layer 0, and the
three fine-tuned layers) the masked mean, the masked max and the [CLS] vector. Written to the cache
(``bias-heads-features.npz``) for the training part only; the held-out split is read only by ``--score`` (once).

Rules, fixed before any figure was computed (this docstring is committed first):

1. Every head is a logistic regression on standardised features, fitted on the **fit** rows (80 % of the training
   part; the rows the layers were fine-tuned on, so their states are in-sample there — train loss 0.39 after
   the chosen epoch, not memorised), C chosen by 5-fold stratified CV inside fit (grid 0.001…1, log-loss); dev
   (the other 20 %, 588 sentences, out of sample for the layers) scores it at the 0.5 threshold, once per
   candidate. Candidates: ``mean3`` (the shipped head's input, refitted), ``mean3+max3``, ``mean123``,
   ``meanmax123``, ``all`` (mean, max, CLS of layers 0-3), each also with the shipped logit as one more feature
   (``+logit``).
2. Threshold on the shipped logit: the dev macro-F1 at every threshold 0.30…0.70 (step 0.01) is printed, but a
   threshold is taken only through repeated 5-fold CV inside dev (chosen on four folds, scored on the fifth,
   20 repeats), as scripts/try_bias_stack.py did; a stacker (logistic, the shipped logit + one head's logit,
   fitted inside dev by the same CV) likewise.
3. The shipped model's dev figure through the same int8 export is the baseline (0.7704 in
   bias_encoder_shipped.json). A candidate replaces it only if its dev macro-F1 beats the baseline by at least
   0.010 **and** the paired bootstrap (2,000 resamples of the dev sentences) puts the gain's 2.5 % quantile above
   0. Among several, the highest dev figure. If none qualifies, nothing ships and held-out is not scored.
4. ``--score NAME`` scores one candidate on the 735 held-out sentences, once, and writes the figures.

Amendment 1 (committed after the first five heads' dev figures, before any figure of it): ``--tokens N``: the
shipped layers and head unchanged, the sentence cut at N word pieces at run time instead of 64 (6.8 % of BABE's
sentences are longer than 64, 0.2 % longer than 96): dev macro-F1 at 0.5 for N = 96 and 128, rule 3 as above.

    PYTHONPATH=src .venv/bin/python scripts/try_bias_heads.py            (features, then the dev figures)
    PYTHONPATH=src .venv/bin/python scripts/try_bias_heads.py --score NAME   (held-out, once)
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from train_bias_encoder import load, splits  # noqa: E402

from newsprism import nlp  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "bias_heads_dev.json"
LAYERS = 4  # hidden states: embeddings + 3 layers
KINDS = ("mean", "max", "cls")
SETS: dict[str, list[tuple[int, str]]] = {
    "mean3": [(3, "mean")],
    "mean3+max3": [(3, "mean"), (3, "max")],
    "mean123": [(1, "mean"), (2, "mean"), (3, "mean")],
    "meanmax123": [(layer, k) for layer in (1, 2, 3) for k in ("mean", "max")],
    "all": [(layer, k) for layer in range(LAYERS) for k in KINDS],
}
C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)


def export_states(target: Path) -> Path:
    """The shipped model as an int8 ONNX graph with two outputs: the logit and pooled states [batch, 4, 3, 384]."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    if target.exists():
        return target
    model, tokenizer, meta = nlp.bias_model_torch()

    class States(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            out = self.inner.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids,
                                  output_hidden_states=True)
            m = attention_mask.unsqueeze(-1).to(out.last_hidden_state.dtype)
            pooled = []
            for h in out.hidden_states:
                mean = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
                mx = (h - (1 - m) * 1e4).max(1).values
                pooled.append(torch.stack([mean, mx, h[:, 0]], 1))
            last = out.last_hidden_state
            z = self.inner.head(torch.nn.functional.normalize((last * m).sum(1) / m.sum(1).clamp(min=1.0), dim=-1))
            return z.squeeze(-1), torch.stack(pooled, 1)

    module = States().eval()
    t = tokenizer(["an example", "a second, longer example sentence"], padding=True, return_tensors="pt")
    full = target.with_suffix(".float.onnx")
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(module, (t["input_ids"], t["attention_mask"], t["token_type_ids"]), str(full),
                          input_names=list(nlp.ONNX_INPUTS), output_names=["logit", "states"],
                          dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in nlp.ONNX_INPUTS},
                                        "logit": {0: "batch"}, "states": {0: "batch"}},
                          opset_version=17, dynamo=False)
    quantize_dynamic(str(full), str(target), weight_type=QuantType.QInt8,
                     per_channel=bool(meta.get("int8_per_channel", True)))
    full.unlink()
    return target


def features(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(shipped logit, pooled states [n, 4, 3, 384]) per text, one text per run (as nlp.BiasEncoder)."""
    path = export_states(nlp.cache_dir() / "bias-heads-states-int8.onnx")
    sess = nlp._session(path, 1)
    tok = nlp._tokenizer(int(nlp.load_bias_delta()[1]["max_tokens"]))
    z = np.zeros(len(texts))
    states = np.zeros((len(texts), LAYERS, len(KINDS), nlp.EMBEDDING_DIM), dtype="float32")
    for i, text in enumerate(texts):
        e = tok.encode(text)
        ids = np.array([e.ids], dtype="int64")
        mask = np.array([e.attention_mask], dtype="int64")
        logit, pooled = sess.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})
        z[i], states[i] = logit[0], pooled[0]
    return z, states


def design(states: np.ndarray, name: str, logit: np.ndarray | None = None) -> np.ndarray:
    cols = [states[:, layer, KINDS.index(k)] for layer, k in SETS[name]]
    if logit is not None:
        cols.append(logit[:, None])
    return np.concatenate(cols, axis=1)


def macro(y: np.ndarray, pred: np.ndarray) -> float:
    return float(f1_score(y, pred.astype(int), average="macro"))


def fit_head(x: np.ndarray, y: np.ndarray) -> tuple[Any, np.ndarray, np.ndarray, float]:
    mu, sd = x.mean(0), x.std(0) + 1e-6
    xs = (x - mu) / sd
    cv = StratifiedKFold(5, shuffle=True, random_state=13)
    scores = {c: float(np.mean(cross_val_score(LogisticRegression(C=c, max_iter=4000), xs, y, cv=cv,
                                               scoring="neg_log_loss"))) for c in C_GRID}
    c = max(scores, key=lambda k: scores[k])
    return LogisticRegression(C=c, max_iter=4000).fit(xs, y), mu, sd, c


def bootstrap_gain(y: np.ndarray, a: np.ndarray, b: np.ndarray, n: int = 2000) -> list[float]:
    rng = np.random.default_rng(0)
    d = []
    for _ in range(n):
        i = rng.integers(0, len(y), len(y))
        d.append(macro(y[i], a[i]) - macro(y[i], b[i]))
    return [round(float(v), 4) for v in np.quantile(d, [0.025, 0.975])]


def cv_inside_dev(x: np.ndarray, y: np.ndarray, tune: bool, stack: bool, repeats: int = 20) -> float:
    """try_bias_stack.py's procedure: macro-F1 of out-of-fold decisions inside dev, mean over repeats."""
    out = []
    for r in range(repeats):
        pred = np.zeros(len(y), dtype=bool)
        for a, b in StratifiedKFold(5, shuffle=True, random_state=r).split(x, y):
            if stack:
                mu, sd = x[a].mean(0), x[a].std(0) + 1e-9
                m = LogisticRegression(C=1.0, max_iter=2000).fit((x[a] - mu) / sd, y[a])
                sa, sb = m.decision_function((x[a] - mu) / sd), m.decision_function((x[b] - mu) / sd)
            else:
                sa, sb = x[a, 0], x[b, 0]
            cut = 0.0
            if tune:
                grid = np.log(np.arange(0.3, 0.71, 0.01) / (1 - np.arange(0.3, 0.71, 0.01)))
                cut = float(grid[int(np.argmax([macro(y[a], sa >= t) for t in grid]))])
            pred[b] = sb >= cut
        out.append(macro(y, pred))
    return round(float(np.mean(out)), 4)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--score", metavar="NAME", help="score this candidate on the held-out split, once")
    ap.add_argument("--tokens", type=int, nargs="+", metavar="N", help="amendment 1: the run-time cut on dev")
    args = ap.parse_args()
    texts, labels = load()
    tr, te, fit, dev = splits(labels)
    if args.tokens:
        tokens(args.tokens, texts, labels, dev)
        return
    cache = nlp.cache_dir() / "bias-heads-features.npz"
    if not cache.exists():
        z, st = features([texts[i] for i in tr])
        np.savez(cache, rows=tr, logit=z, states=st)
    data = np.load(cache)
    pos = {int(r): k for k, r in enumerate(data["rows"])}
    fi, di = np.array([pos[int(i)] for i in fit]), np.array([pos[int(i)] for i in dev])
    z, st = data["logit"], data["states"]
    yf, yd = labels[fit], labels[dev]
    base = z[di] >= 0
    if args.score:
        score(args.score, texts, labels, te, z, st, fi, yf)
        return
    out: dict[str, Any] = {"n_fit": int(len(fit)), "n_dev": int(len(dev)),
                           "baseline_dev_macro_f1": round(macro(yd, base), 4),
                           "baseline_dev_by_threshold": {f"{t:.2f}": round(macro(yd, z[di] >= np.log(t / (1 - t))), 4)
                                                         for t in np.arange(0.30, 0.705, 0.01)},
                           "threshold_cv_inside_dev": {"at_0.5": cv_inside_dev(z[di, None], yd, False, False),
                                                       "tuned": cv_inside_dev(z[di, None], yd, True, False)},
                           "heads": {}}
    print(json.dumps({k: out[k] for k in ("baseline_dev_macro_f1", "threshold_cv_inside_dev")}), flush=True)
    for name in SETS:
        for with_logit in (False, True):
            label = name + ("+logit" if with_logit else "")
            xf = design(st[fi], name, z[fi] if with_logit else None)
            xd = design(st[di], name, z[di] if with_logit else None)
            model, mu, sd, c = fit_head(xf, yf)
            s = model.decision_function((xd - mu) / sd)
            row = {"C": c, "dev_macro_f1": round(macro(yd, s >= 0), 4),
                   "gain_bootstrap_95": bootstrap_gain(yd, s >= 0, base),
                   "fit_macro_f1": round(macro(yf, model.decision_function((xf - mu) / sd) >= 0), 4),
                   "stack_with_logit_cv_inside_dev": cv_inside_dev(np.column_stack([z[di], s]), yd, False, True)}
            out["heads"][label] = row
            print(label, row, flush=True)
    qualified = {k: v for k, v in out["heads"].items()
                 if v["dev_macro_f1"] >= out["baseline_dev_macro_f1"] + 0.010 and v["gain_bootstrap_95"][0] > 0}
    out["chosen"] = max(qualified, key=lambda k: qualified[k]["dev_macro_f1"]) if qualified else None
    RESULTS.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print("chosen:", out["chosen"])


def tokens(cuts: list[int], texts: list[str], labels: np.ndarray, dev: np.ndarray) -> None:
    """Amendment 1: the shipped model's dev figures with the run-time cut at each of ``cuts`` word pieces."""
    path = nlp.export_bias_encoder()
    y = labels[dev]
    dev_texts = [texts[i] for i in dev]
    base = nlp.BiasEncoder(path, 64).logits(dev_texts) >= 0
    out: dict[str, Any] = {"baseline_64": round(macro(y, base), 4)}
    for n in cuts:
        pred = nlp.BiasEncoder(path, n).logits(dev_texts) >= 0
        out[str(n)] = {"dev_macro_f1": round(macro(y, pred), 4), "decisions_changed": int((pred != base).sum()),
                       "gain_bootstrap_95": bootstrap_gain(y, pred, base)}
    result = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    result["run_time_cut"] = out
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out))


def score(name: str, texts: list[str], labels: np.ndarray, te: np.ndarray, z: np.ndarray, st: np.ndarray,
          fi: np.ndarray, yf: np.ndarray) -> None:
    with_logit = name.endswith("+logit")
    base_name = name.removesuffix("+logit")
    model, mu, sd, _ = fit_head(design(st[fi], base_name, z[fi] if with_logit else None), yf)
    zt, stt = features([texts[i] for i in te])
    s = model.decision_function((design(stt, base_name, zt if with_logit else None) - mu) / sd)
    y = labels[te]
    result = json.loads(RESULTS.read_text(encoding="utf-8"))
    result["held_out"] = {"candidate": name, "n": int(len(te)), "macro_f1": round(macro(y, s >= 0), 4),
                          "shipped_macro_f1": round(macro(y, zt >= 0), 4)}
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result["held_out"]))


if __name__ == "__main__":
    main()
