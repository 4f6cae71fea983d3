"""Build src/newsprism/models/cue_meaning_table.npz: the cue classifier's two meaning logits for common words.

The framing stage scores each candidate loaded word with two logistic regressions over the word's MiniLM
vector (``stages.framing.meaning_logits``; the models are in ``models/cue_classifier.json``, fitted by
scripts/train_cue_classifier.py). Encoding the words of every article costs ~0.1× the spaCy parse on the
main thread, so the logits of the 60,000 most frequent English words (wordfreq's list, alphabetic, three
letters or more) are computed once here, with the default encoder, and shipped; a word outside the table is
encoded as before. The table records the classifier file's SHA-256 and the encoder: the stage ignores it when
either differs (rebuild it after retraining the classifier).

    PYTHONPATH=src .venv/bin/python scripts/build_meaning_table.py
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import numpy as np
import wordfreq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.settings import DEFAULT  # noqa: E402
from newsprism.stages import framing  # noqa: E402

TOP_N = 60000


def main() -> None:
    words = [w for w in wordfreq.top_n_list("en", TOP_N) if w.isalpha() and len(w) >= 3]
    start = time.perf_counter()
    logits = framing.encoded_meaning_logits(words)
    table = np.array([logits[w] for w in words], dtype="float32")
    model = ROOT / "src" / "newsprism" / "models" / "cue_classifier.json"
    out = ROOT / "src" / "newsprism" / framing.MEANING_TABLE
    np.savez_compressed(out, words=np.array(words), logits=table,
                        classifier_sha256=np.array(hashlib.sha256(model.read_bytes()).hexdigest()),
                        encoder=np.array(DEFAULT.encoder))
    print(f"{len(words)} words in {time.perf_counter() - start:.1f} s → {out} ({out.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
