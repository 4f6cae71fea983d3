"""Rebuild src/newsprism/lexicons/babe_biased_words.tsv from BABE (../shared/corpus/babe).

BABE (Spinde et al., 2021) marks, for each biased sentence, the words that make it biased.
This keeps each word (lower-cased, stop words dropped) that annotators marked in at least
MIN_COUNT sentences, with that count. Only words are shipped, never sentences.

    .venv/bin/python scripts/build_babe_lexicon.py
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "corpus" / "babe" / "final_labels_SG2.xlsx"
TARGET = ROOT / "src" / "newsprism" / "lexicons" / "babe_biased_words.tsv"
MIN_COUNT = 2      # marked biased in at least this many sentences
MIN_SHARE = 0.25   # … and in at least this share of the BABE sentences that use the word
STOP = {"the", "of", "to", "a", "an", "in", "on", "and", "or", "up", "out", "down", "for", "with", "as", "is", "was",
        "be", "by", "at", "that", "this", "it", "its", "their", "his", "her", "from", "into", "over", "than"}


def main() -> None:
    wb = openpyxl.load_workbook(SOURCE, read_only=True)
    rows = list(wb.active.iter_rows(values_only=True))
    column = rows[0].index("biased_words")
    text_column = rows[0].index("text")
    counts: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for row in rows[1:]:
        uses.update(set(re.findall(r"[a-z][a-z'-]+", str(row[text_column] or "").lower())))
        for word in set(re.findall(r"'([^']+)'", str(row[column] or ""))):
            word = word.lower().strip()
            if word and word not in STOP and len(word) > 2 and " " not in word:
                counts[word] += 1
    kept = sorted((w, n) for w, n in counts.items() if n >= MIN_COUNT and n / max(uses[w], n) >= MIN_SHARE)
    header = ("# Words BABE annotators marked as biased in at least 2 sentences and in at least a quarter of\n"
              "# the BABE sentences that use them (word<TAB>sentences marked).\n"
              "# Source: BABE, Spinde et al. 2021, 'Neural Media Bias Detection Using Distant Supervision With BABE'.\n"
              "# Research data; derived word list only. Rebuild: scripts/build_babe_lexicon.py\n")
    TARGET.write_text(header + "".join(f"{w}\t{n}\n" for w, n in kept), encoding="utf-8")
    print(f"wrote {len(kept)} words to {TARGET}")


if __name__ == "__main__":
    main()
