"""Build src/newsprism/models/word_spread.json: how each word spreads over a background of news documents.

A word of the story's topic ("penitentiary", "tsunami", "plebiscite") is *bursty*: once a document uses it,
it tends to use it again, and few documents use it at all. A word of slant ("notorious", "slammed",
"radical") turns up once here and once there, in documents on every subject. Church & Gale (1995) measure
this as *adaptation*, P(a word occurs at least twice in a document | it occurs at all); document frequency
measures the spread. Both are features of the word-level bias tagger (``bias_word_features``), learned on
BABE, so the tagger can tell a rare word of the topic from a rare word of slant.

Background documents (no labels are used, only text): PolNeAR train + dev (US political news, 924
articles) and the gold main texts of the Dragnet and page-signal extraction sets (news and blogs on every
subject, about 2,000 pages). BASIL and news-dev, on which the framing cues are measured, are left out.
Only counts per word are shipped (lower-cased words in at least MIN_DF documents), never text.

    PYTHONPATH=src .venv/bin/python scripts/build_word_spread.py
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
TARGET = ROOT / "src" / "newsprism" / "models" / "word_spread.json"
MIN_DF = 3          # words in fewer documents are not shipped (the tagger reads them as unseen)
MIN_WORDS = 150     # shorter documents (captions, empty pages) are skipped
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
TAG = re.compile(r"<[^>]+>")


def documents() -> list[str]:
    docs = []
    for split in ("train", "dev"):
        docs += [p.read_text(encoding="utf-8", errors="replace")
                 for p in sorted((CORPUS / "polnear" / split / "text").glob("*.txt"))]
    for p in sorted((CORPUS / "extraction" / "dragnet" / "GoldStandard").glob("*.txt.gz")):
        docs.append(gzip.open(p, "rt", encoding="utf-8", errors="replace").read())
    for p in sorted((CORPUS / "extraction" / "page-signal" / "GoldStandard").glob("*.txt.gz")):
        raw = gzip.open(p, "rt", encoding="utf-8", errors="replace").read()
        # the gold is HTML with the main text marked by x-nc-sel classes: keep the marked elements' text
        marked = re.findall(r"<(\w+)[^>]*x-nc-sel[^>]*>(.*?)</\1>", raw, re.S)
        docs.append(html.unescape(TAG.sub(" ", " ".join(m[1] for m in marked))))
    return [d for d in docs if len(d.split()) >= MIN_WORDS]


def main() -> None:
    docs = documents()
    df1: Counter[str] = Counter()
    df2: Counter[str] = Counter()
    for d in docs:
        counts = Counter(w.lower().replace("’", "'") for w in WORD.findall(d))
        for w, n in counts.items():
            df1[w] += 1
            if n >= 2:
                df2[w] += 1
    table = {w: [n, df2[w]] for w, n in sorted(df1.items()) if n >= MIN_DF}
    TARGET.write_text(json.dumps({"documents": len(docs), "min_df": MIN_DF,
                                  "source": "PolNeAR train+dev texts, Dragnet and page-signal gold main texts "
                                            "(scripts/build_word_spread.py)",
                                  "columns": ["documents using it", "documents using it twice or more"],
                                  "words": table}, separators=(",", ":")), encoding="utf-8")
    print(f"{len(docs)} documents, {len(table)} words → {TARGET} ({TARGET.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
