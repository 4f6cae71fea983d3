"""Does a faster sentence encoder keep newsprism's figures? (issue 12)

For each encoder (torch: the sentence-transformers reference; onnx: the ONNX Runtime export, float32;
onnx-int8: the export with int8 weights) prints: story grouping B-cubed on the project's gold stories
and on BASIL (150 articles, 50 events); and, on BASIL events analysed with each encoder, how many
of the reference's biased-sentence cues, internal number errors and claim alignments (same fact,
paraphrase, conflict) stay the same, and the loaded words; and the same for the bias score by static vectors and by
the cascade, and by the fine-tuned bias model (``bias_encoder``: static, cascade, finetuned).
An encoder is kept as the default only where these hold.

    .venv/bin/python benchmarks/encoder_accuracy.py [--events 5]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from _util import peak_rss_mb

from newsprism import nlp
from newsprism.compare import compare_analyzed
from newsprism.evaluate import group_basil, group_gold_stories
from newsprism.extract import extract
from newsprism.records import Article, RawDocument
from newsprism.settings import DEFAULT, Settings
from newsprism.stages import analyze_many

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "corpus" / "basil" / "articles"
GOLD = ROOT / "tests" / "data" / "gold" / "stories" / "articles.jsonl"


def events(n: int) -> list[list[Article]]:
    by_event: dict[str, list[Article]] = defaultdict(list)
    for f in sorted(BASIL.glob("*/*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        if len(by_event) >= n and d["triplet-uuid"] not in by_event:
            continue
        body = "\n\n".join(" ".join(p) for p in d["body-paragraphs"])
        by_event[d["triplet-uuid"]].append(extract(RawDocument(
            source=f.name, data=f"{d['title']}\n\n{body}".encode(), kind="text", published=d.get("date"),
            outlet=d.get("source"))))
    return list(by_event.values())[:n]


def outputs(groups: list[list[Article]], settings: Settings) -> dict[str, set[tuple[str, ...]]]:
    out: dict[str, set[tuple[str, ...]]] = {"biased_sentence": set(), "loaded": set(),
                                             "number_inconsistency": set(), "alignment": set()}
    for group in groups:
        analyzed = analyze_many(group, settings)
        for a in analyzed:
            out["biased_sentence"] |= {(a.id, str(c.start)) for c in a.framing if c.cue == "biased_sentence"}
            out["loaded"] |= {(a.id, str(c.start)) for c in a.framing if c.cue == "loaded"}
            out["number_inconsistency"] |= {(a.id, str(i.start)) for i in a.issues
                                            if i.kind == "number_inconsistency"}
        comparison = compare_analyzed(analyzed, settings)
        out["alignment"] |= {(x.a, x.b, x.relation) for x in comparison.alignments if x.relation != "unrelated"}
    return out


def babe_bias() -> None:
    """The bias score on BABE's held-out sentences (the split of scripts/train_bias.py) as the product runs it:
    MiniLM on every sentence, the cascade (each sentence parsed alone, so the loaded-word check sees its
    tokens), static vectors only; macro F1 at 0.5 (the model's own threshold) and at bias_score_min (the
    cue's), the cascade's MiniLM share; and the loaded words the framing stage emits with each score
    (word-level F1 against BABE's annotated biased words, on the held-out split of train_bias_words.py)."""
    import csv
    import re
    import sys

    import numpy as np
    from sklearn.metrics import f1_score
    from sklearn.model_selection import train_test_split

    from newsprism.stages.bias_cascade import bias_estimate, full_scores, needs_float, needs_minilm, sigmoid
    from newsprism.stages.framing import is_loaded_candidate, loaded_verdict, sentence_bias_scores

    def scored(texts: list[str]) -> dict[str, tuple[np.ndarray, float]]:
        docs = nlp.parse(texts, batch_size=64)
        static = nlp.embed(texts, nlp.STATIC)
        send = needs_minilm(static, [list(d) for d in docs], DEFAULT)
        cascade = sigmoid(bias_estimate(static)[0])
        rows = [i for i, s in enumerate(send) if s]
        quick = nlp.embed([texts[i] for i in rows], DEFAULT.bias_cascade_encoder)
        cascade[rows] = full_scores(quick)
        if DEFAULT.bias_cascade_encoder != DEFAULT.encoder:  # the second step, as stages/vectors.py runs it
            again = [i for i, r in zip(rows, needs_float(quick, [list(docs[i]) for i in rows], DEFAULT),
                                       strict=True) if r]
            cascade[again] = full_scores(nlp.embed([texts[i] for i in again], DEFAULT.encoder))
        return {"minilm": (np.array(full_scores(nlp.embed(texts, DEFAULT.encoder))), 1.0),
                "cascade": (cascade, float(np.mean(send))),
                "static": (np.array(sentence_bias_scores(texts, static, nlp.STATIC)), 0.0),
                "finetuned (int8, every sentence)": (np.asarray(nlp.bias_scores(texts)), 0.0)}

    with open(ROOT.parent / "shared" / "corpus" / "babe" / "babe-sentences.csv", encoding="utf-8") as fh:
        rows = [(r["text"].strip(), int(r["label"])) for r in csv.DictReader(fh)
                if r["text"].strip() and r["label"] in ("0", "1")]
    labels = np.array([y for _, y in rows])
    _, te = train_test_split(np.arange(len(rows)), test_size=0.2, random_state=13, stratify=labels)
    held = [rows[i][0] for i in te]
    for name, (p, share) in scored(held).items():
        f = [f1_score(labels[te], (p >= t).astype(int), average="macro") for t in (0.5, DEFAULT.bias_score_min)]
        print(f"BABE held-out sentences ({len(te)}), bias score by {name}: macro F1 {f[0]:.4f} at 0.5, {f[1]:.4f} "
              f"at {DEFAULT.bias_score_min}; MiniLM on {share:.1%} of sentences", flush=True)
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_bias_words import load_babe, prf, split

    texts, marked, word_labels = load_babe()
    _, te2, _, _ = split(word_labels)
    held2 = [texts[i] for i in te2]
    docs = nlp.parse(held2, batch_size=64)
    for name, (p, _) in scored(held2).items():
        gold, pred = [], []
        for doc, i, score in zip(docs, te2, p, strict=True):
            spans = [(m.start(), m.end()) for w in marked[i] if w
                     for m in re.finditer(r"(?<![\w])" + re.escape(w) + r"(?![\w])", doc.text, re.IGNORECASE)]
            for tok in doc:
                if tok.is_alpha and len(tok.text) > 1:
                    gold.append(int(any(a <= tok.idx < b for a, b in spans)))
                    pred.append(int(is_loaded_candidate(tok) and loaded_verdict(tok, float(score)) is not None))
        s = prf(np.array(gold), np.array(pred))
        print(f"BABE held-out words ({len(te2)} sentences), loaded words with the {name} score: P {s['precision']:.3f} "
              f"R {s['recall']:.3f} F1 {s['f1']:.3f} ({s['predicted']} flagged)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=5)
    ap.add_argument("--configs", default="torch,onnx,onnx-int8,static,cascade,finetuned",
                    help="comma-separated; the first is the reference (stories are grouped for MiniLM encoders only)")
    ap.add_argument("--no-babe", action="store_true", help="skip the BABE bias figures")
    args = ap.parse_args()
    if not args.no_babe:
        babe_bias()
    groups = events(args.events)
    reference: dict[str, set[tuple[str, ...]]] = {}
    known = {e: (e, DEFAULT.replace(encoder=e, bias_encoder="minilm")) for e in nlp.ENCODERS}
    known["static"] = ("onnx + bias_encoder=static", DEFAULT.replace(encoder="onnx", bias_encoder="static"))
    known["cascade"] = ("onnx + bias_encoder=cascade", DEFAULT.replace(encoder="onnx", bias_encoder="cascade"))
    known["finetuned"] = ("onnx + bias_encoder=finetuned", DEFAULT.replace(encoder="onnx", bias_encoder="finetuned"))
    known["cascade-fp32"] = ("onnx + bias_encoder=cascade, bias_cascade_encoder=onnx",
                             DEFAULT.replace(encoder="onnx", bias_encoder="cascade", bias_cascade_encoder="onnx"))
    known["cascade-w0"] = ("onnx + bias_encoder=cascade, bias_cascade_word_band=0",
                           DEFAULT.replace(encoder="onnx", bias_encoder="cascade", bias_cascade_word_band=0.0))
    configs = [known[c] for c in args.configs.split(",")]
    first = configs[0][0]
    for encoder, settings in configs:
        if settings.bias_encoder == "minilm":  # story vectors do not depend on bias_encoder
            gp, gr, gf, _ = group_gold_stories(GOLD, settings)
            bp, br, bf, n = group_basil(BASIL, settings)
            print(f"[{encoder}] stories B-cubed: gold P {gp:.3f} R {gr:.3f} F1 {gf:.3f} · BASIL ({n} articles) "
                  f"P {bp:.3f} R {br:.3f} F1 {bf:.3f}", flush=True)
        got = outputs(groups, settings)
        if not reference:
            reference = got
        parts = []
        for kind, items in got.items():
            same = len(items & reference[kind])
            parts.append(f"{kind} {len(items)} (same as {first} {same}/{len(reference[kind])})")
        print(f"[{encoder}] {sum(len(g) for g in groups)} BASIL articles ({len(groups)} events): " + " · ".join(parts),
              flush=True)
    print(f"peak memory {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
