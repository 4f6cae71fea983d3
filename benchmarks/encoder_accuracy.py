"""Does a faster sentence encoder keep newsprism's figures? (issue 12)

For each encoder (torch: the sentence-transformers reference; onnx: the ONNX Runtime export, float32;
onnx-int8: the export with int8 weights) prints: story grouping B-cubed on the project's gold stories
and on BASIL (150 articles, 50 events); and, on BASIL events analysed with each encoder, how many
of the reference's biased-sentence cues, internal number errors and claim alignments (same fact,
paraphrase, conflict) stay the same; and the same for the static bias vectors (``bias_encoder``).
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
    out: dict[str, set[tuple[str, ...]]] = {"biased_sentence": set(), "number_inconsistency": set(),
                                             "alignment": set()}
    for group in groups:
        analyzed = analyze_many(group, settings)
        for a in analyzed:
            out["biased_sentence"] |= {(a.id, str(c.start)) for c in a.framing if c.cue == "biased_sentence"}
            out["number_inconsistency"] |= {(a.id, str(i.start)) for i in a.issues
                                            if i.kind == "number_inconsistency"}
        comparison = compare_analyzed(analyzed, settings)
        out["alignment"] |= {(x.a, x.b, x.relation) for x in comparison.alignments if x.relation != "unrelated"}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=5)
    args = ap.parse_args()
    groups = events(args.events)
    reference: dict[str, set[tuple[str, ...]]] = {}
    configs = [(e, DEFAULT.replace(encoder=e, bias_encoder="minilm")) for e in nlp.ENCODERS]
    configs.append(("onnx + bias_encoder=static", DEFAULT.replace(encoder="onnx", bias_encoder="static")))
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
            parts.append(f"{kind} {len(items)} (same as torch {same}/{len(reference[kind])})")
        print(f"[{encoder}] {sum(len(g) for g in groups)} BASIL articles ({len(groups)} events): " + " · ".join(parts),
              flush=True)
    print(f"peak memory {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
