"""Build src/newsprism/models/cue_label_veto.json: the words the hand labels judge description in several contexts and
never a framing choice (issue 14, session 15, frame18).

The cue classifier (scripts/train_cue_classifier.py) reads a word through its features and meaning models, which
smooth over word types: "tactic", "pretty", "powerful" (of a quake) are labelled description again and again and
still pass. This table lists, per lower-cased word, how often the labels of ``scripts/data/cue_labels.json`` judged
it (only words never labelled a framing choice, judged at least twice); the framing stage sets such a word aside
when it was judged at least ``label_veto_min`` times. Only words and counts are shipped, no text.

Printed: for each minimum count, the share of labelled candidates not a framing choice among those whose word the
*other* labelled events' labels call description only (grouped 5-fold by event, as the classifier's folds), i.e. how
often the veto is right on an event it did not see.

    PYTHONPATH=src .venv/bin/python scripts/build_label_veto.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from train_cue_classifier import labelled_rows  # noqa: E402

TARGET = ROOT / "src" / "newsprism" / "models" / "cue_label_veto.json"


def main() -> None:
    rows, y = labelled_rows()
    words = np.array([r["tok"].lower_ for r in rows])
    groups = np.array([r["event"] for r in rows])
    pos, n = np.zeros(len(y)), np.zeros(len(y))
    for tr, te in GroupKFold(5).split(words, y, groups):
        cp: Counter[str] = Counter()
        cn: Counter[str] = Counter()
        for i in tr:
            cn[words[i]] += 1
            cp[words[i]] += int(y[i])
        for i in te:
            pos[i], n[i] = cp[words[i]], cn[words[i]]
    for k in (2, 3, 4, 5, 8):
        veto = (n >= k) & (pos == 0)
        print(f"judged {k}+ times elsewhere, never a framing choice: {int(veto.sum())} labelled candidates, "
              f"{1 - y[veto].mean():.3f} not a framing choice")
    judged: Counter[str] = Counter(words.tolist())
    framing: Counter[str] = Counter(words[y == 1].tolist())
    table = {w: c for w, c in sorted(judged.items()) if c >= 2 and framing[w] == 0}
    TARGET.write_text(json.dumps({
        "note": "word -> how often the hand labels (scripts/data/cue_labels.json) judged it, for words judged at least "
                "twice and never a framing choice (scripts/build_label_veto.py); the framing stage sets a word aside "
                "when judged at least label_veto_min times",
        "labels": int(len(y)), "words": table}, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(table)} words -> {TARGET}")


if __name__ == "__main__":
    main()
