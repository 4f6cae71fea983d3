"""Build src/newsprism/models/attribution_cues.json: per verb lemma and frame, how often PolNeAR
train annotates it as an attribution cue.

Data: PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018), ``train`` split only (840 articles; where
several annotators did one article, the first annotator by id). Every verb token (spaCy POS VERB)
counts as seen; it counts as a cue when it lies inside a gold Cue span. The frame is
``newsprism.stages.cues.frame``; the lemma carries the verb's particle (``cue_lemma``: "point out" is
one entry, "point" another). Entries seen fewer than ``MIN_SEEN`` times or never a cue are left
out (the stage then falls back to the speech-verb lexicon for clausal complements). The threshold
the stage applies (setting ``reported_cue_min``) is chosen on dev with benchmarks/attribution.py.

    PYTHONPATH=src python scripts/train_attribution_cues.py
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from attribution import load_polnear, parse_cached  # noqa: E402  (the PolNeAR loader lives in the benchmark)

from newsprism.stages.cues import FRAMES, MODEL_PATH, cue_lemma, frame  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MIN_SEEN = 2  # occurrences in train below which a lemma/frame pair is not kept


def main() -> None:
    items = load_polnear("train", None)
    docs = parse_cached([text for _, text, _ in items])
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for (_, _, golds), doc in zip(items, docs, strict=True):
        cue_chars = {i for g in golds for s, e in g.cue for i in range(s, e)}
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            row = counts[cue_lemma(tok)][frame(tok)]
            row[1] += 1
            row[0] += int(tok.idx in cue_chars)
    cues = {lemma: {f: row for f, row in sorted(frames.items()) if row[1] >= MIN_SEEN and row[0] > 0}
            for lemma, frames in sorted(counts.items())}
    cues = {lemma: frames for lemma, frames in cues.items() if frames}
    out = {
        "model": "attribution cue rate per verb lemma (with its particle) and frame (counts; the stage smooths (cue+1)/(seen+2))",
        "trained_on": "PolNeAR v1.0.0 (Newell, Margolin & Ruths 2018), split train, 840 articles, "
                      "first annotator per article",
        "split": "train",
        "min_seen": MIN_SEEN,
        "frames": list(FRAMES),
        "cues": cues,
    }
    path = ROOT / "src" / "newsprism" / MODEL_PATH
    path.write_text(json.dumps(out, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(cues)} lemmas, {sum(len(f) for f in cues.values())} lemma/frame pairs → {path} "
          f"({path.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
