"""Models load only when a command needs them; the encoders agree; the vectors stage shares one encoding."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("torch", "transformers", "sentence_transformers", "spacy", "onnxruntime")

PROBE = """
import sys
sys.argv = ["newsprism", *sys.argv[1:]]
from newsprism.cli import main
try:
    main()
except SystemExit:
    pass
print("LOADED=" + ",".join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


def _loaded_after(args: list[str], tmp_path: Path) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NEWSPRISM_DB": str(tmp_path / "light.db")}
    proc = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args], capture_output=True,
                          text=True, env=env, timeout=120)
    line = [x for x in proc.stderr.splitlines() if x.startswith("LOADED=")]
    assert line, proc.stderr[-2000:]
    return [m for m in line[-1].removeprefix("LOADED=").split(",") if m]


@pytest.mark.parametrize("args", [["--help"], ["settings"], ["list"], ["stories"]])
def test_nlp_light_commands_load_no_model(args: list[str], tmp_path: Path) -> None:
    assert _loaded_after(args, tmp_path) == []


def test_nlp_import_newsprism_is_lazy() -> None:
    code = ("import sys, newsprism; assert newsprism.Settings().encoder; "
            "print(','.join(m for m in ('torch', 'spacy', 'numpy', 'pandas') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == ""


def test_nlp_lazy_names_resolve() -> None:
    import newsprism

    assert newsprism.Settings is newsprism.settings.Settings
    assert issubclass(newsprism.TooLarge, newsprism.NewsprismError)
    with pytest.raises(AttributeError):
        newsprism.no_such_name  # noqa: B018


def test_nlp_unit_table_groups_measures_without_the_encoder() -> None:
    from newsprism import similarity

    table = similarity.unit_table()
    assert len(table) > 1000
    for unit in ("people", "resident", "civilian", "page", "dollar"):
        assert unit in table
    near = float(table["resident"] @ table["people"])
    far = float(table["resident"] @ table["page"])
    assert near > far


@pytest.mark.slow
def test_nlp_onnx_encoder_matches_torch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism import nlp

    texts = ["Some 1,500 people fled the town on Friday.", "The council will meet again next week.", "warm"]
    reference = nlp.embed(texts, "torch")
    fast = nlp.embed(texts, "onnx")
    assert fast.shape == reference.shape == (3, nlp.EMBEDDING_DIM)
    assert (fast * reference).sum(axis=1).min() > 0.9999
    with pytest.raises(nlp.SettingError):
        nlp.embed(["x"], "no-such-encoder")


@pytest.mark.slow
def test_nlp_vectors_stage_shares_one_encoding(seed_articles, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from newsprism import nlp
    from newsprism.stages import analyze_many

    calls: list[int] = []
    real = nlp._encode

    def counting(texts: list[str], encoder: str):  # type: ignore[no-untyped-def]
        calls.append(len(texts))
        return real(texts, encoder)

    from newsprism.settings import DEFAULT

    nlp._cache.clear()
    monkeypatch.setattr(nlp, "_encode", counting)
    analyzed = analyze_many(list(seed_articles), DEFAULT.replace(bias_encoder="minilm"))
    # both articles' sentences in one encoder call; framing and checks encode nothing again (later calls
    # can only be a unit noun missing from the shipped table, one word each)
    sentences = {s.text for a in analyzed for s in a.sentences}
    assert calls and calls[0] >= len(sentences)
    assert all(n == 1 for n in calls[1:])


@pytest.mark.slow
def test_nlp_static_bias_vectors_leave_the_transformer_to_number_claims(seed_articles,  # type: ignore[no-untyped-def]
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism import nlp
    from newsprism.settings import DEFAULT
    from newsprism.stages import analyze_many

    calls: list[tuple[str, int]] = []
    real = nlp._encode

    def counting(texts: list[str], encoder: str):  # type: ignore[no-untyped-def]
        calls.append((encoder, len(texts)))
        return real(texts, encoder)

    nlp._cache.clear()
    monkeypatch.setattr(nlp, "_encode", counting)
    analyzed = analyze_many(list(seed_articles), DEFAULT.replace(bias_encoder="static"))
    sentences = {s.text for a in analyzed for s in a.sentences}
    static = sum(n for e, n in calls if e == nlp.STATIC)
    minilm = sum(n for e, n in calls if e != nlp.STATIC)
    assert static >= len(sentences)
    assert minilm < len(sentences) / 2  # only claims the checks compare go through MiniLM
    for a in analyzed:
        for cue in a.framing:
            if cue.cue == "biased_sentence":
                assert "bias score" in cue.reason


@pytest.mark.slow
def test_nlp_analyze_loads_only_spacy_and_onnxruntime(tmp_path: Path) -> None:
    from newsprism import nlp

    nlp.export_onnx("onnx")  # made once per machine (at install, or here)
    nlp.export_onnx("onnx-int8")
    article = tmp_path / "one.txt"
    article.write_text("Council Approves New Bridge\n\nThe council approved a new bridge on Monday. About 1,200 "
                       "residents attended, officials said.\n\nThe mayor said it would open next year.\n",
                       encoding="utf-8")
    nlp.static_table()
    nlp.export_bias_encoder()  # the fine-tuned bias model applied to the installed weights (install, or here)
    loaded = _loaded_after(["analyze", str(article), "--json"], tmp_path)
    assert "spacy" in loaded and "onnxruntime" in loaded  # it did analyse, the bias model in ONNX Runtime
    assert not {"torch", "transformers", "sentence_transformers"} & set(loaded)
    # MiniLM over every sentence loads ONNX Runtime, still without torch
    loaded = _loaded_after(["analyze", str(article), "--json", "--set", "bias_encoder=minilm"], tmp_path)
    assert "spacy" in loaded and "onnxruntime" in loaded
    assert not {"torch", "transformers", "sentence_transformers"} & set(loaded)


def test_nlp_bias_delta_round_trip(tmp_path: Path) -> None:
    import numpy as np

    from newsprism import nlp

    rng = np.random.default_rng(0)
    state = {"layer.weight": rng.normal(size=(8, 16)).astype("float32"),
             "layer.bias": rng.normal(size=8).astype("float32"), "head.weight": rng.normal(size=(1, 16))}
    target = tmp_path / "delta.npz"
    nlp.save_bias_delta(state, {"layers": 1, "max_tokens": 32}, target)
    back, meta = nlp.load_bias_delta(target)
    assert meta == {"layers": 1, "max_tokens": 32}
    assert set(back) == set(state)
    step = np.abs(state["layer.weight"]).max(axis=1, keepdims=True) / 127  # int8 rows: half a step of error
    assert (np.abs(back["layer.weight"] - state["layer.weight"]) <= step * 0.51 + 1e-3).all()
    assert np.abs(back["layer.bias"] - state["layer.bias"]).max() < 1e-2  # float16
    assert back["layer.weight"].dtype == np.float32


def test_nlp_bias_model_missing_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism import nlp
    from newsprism.errors import ModelMissing

    monkeypatch.setattr(nlp, "BIAS_MODEL_FILE", "no_such_bias_model.npz")
    with pytest.raises(ModelMissing) as err:
        nlp.export_bias_encoder()
    assert "no_such_bias_model.npz" in str(err.value) and "\n" not in str(err.value)


def test_nlp_shipped_bias_delta_scores_as_the_torch_model() -> None:
    """The shipped delta, applied to the installed MiniLM and run as int8 ONNX (what the analysis runs), gives
    the torch model's score; a sentence loaded with slant scores above a plain one."""
    import torch

    from newsprism import nlp

    texts = ["The reckless senator's disastrous scheme betrays hardworking families once again.",
             "The city council met on Tuesday to review the budget for next year."]
    fast = nlp.bias_scores(texts)
    model, tokenizer, meta = nlp.bias_model_torch()
    t = tokenizer(texts, padding=True, truncation=True, max_length=int(meta["max_tokens"]), return_tensors="pt")
    with torch.no_grad():
        reference = torch.sigmoid(model(t["input_ids"], t["attention_mask"], t["token_type_ids"])).numpy()
    assert abs(fast - reference).max() < 0.03
    assert fast[0] > fast[1]



def test_nlp_bias_ensemble_averages_its_members_logits(tmp_path: Path) -> None:
    """A seed ensemble's delta (``members.{i}.`` tensors) gives the mean of its members' logits: two copies of one
    model whose second head is shifted by +1 score 0.5 above the model alone; a float16 delta keeps its weights."""
    import numpy as np
    import torch

    from newsprism import nlp

    state, meta = nlp.load_bias_delta()
    if int(meta.get("members", 1)) > 1:  # the shipped model may itself be an ensemble: take its first member
        state = {n[len("members.0."):]: v for n, v in state.items() if n.startswith("members.0.")}
    one = {**meta, "members": 1}
    nlp.save_bias_delta(state, one, tmp_path / "one.npz", int8_rows=False)
    shifted = {n: (v + 1.0 if n == "head.bias" else v) for n, v in state.items()}
    pair = {**{f"members.0.{n}": v for n, v in state.items()}, **{f"members.1.{n}": v for n, v in shifted.items()}}
    nlp.save_bias_delta(pair, {**meta, "members": 2}, tmp_path / "pair.npz", int8_rows=False)
    back, _ = nlp.load_bias_delta(tmp_path / "one.npz")
    name = next(n for n, v in state.items() if v.ndim == 2 and v.shape[0] > 1)
    assert np.abs(back[name] - state[name]).max() <= np.abs(state[name]).max() / 1000  # float16, not int8 rows
    texts = ["The reckless senator's disastrous scheme betrays hardworking families once again.",
             "The city council met on Tuesday to review the budget for next year."]
    logits = []
    for source in ("one.npz", "pair.npz"):
        model, tokenizer, _ = nlp.bias_model_torch(tmp_path / source)
        t = tokenizer(texts, padding=True, return_tensors="pt")
        with torch.no_grad():
            logits.append(model(t["input_ids"], t["attention_mask"], t["token_type_ids"]).numpy())
    assert np.allclose(logits[1] - logits[0], 0.5, atol=2e-3)  # the head bias is float16

@pytest.mark.slow
def test_nlp_finetuned_bias_model_scores_every_sentence_on_a_second_thread(  # type: ignore[no-untyped-def]
        example_articles, seed_articles, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from newsprism import nlp
    from newsprism.settings import DEFAULT
    from newsprism.stages import analyze_many

    encoded: list[int] = []
    scored: list[tuple[str, int]] = []
    real_encode, real_scores = nlp._encode, nlp.bias_scores

    def counting_encode(texts: list[str], encoder: str):  # type: ignore[no-untyped-def]
        encoded.append(len(texts))
        return real_encode(texts, encoder)

    def counting_scores(texts, keep=True):  # type: ignore[no-untyped-def]
        scored.append((threading.current_thread().name, len(texts)))
        return real_scores(texts, keep=keep)

    monkeypatch.setattr(nlp, "_encode", counting_encode)
    monkeypatch.setattr(nlp, "bias_scores", counting_scores)
    articles = [*example_articles, *seed_articles]
    nlp._cache.clear()
    settings = DEFAULT.replace(bias_encoder="finetuned", bias_pipeline=True, bias_pipeline_chunk=2)
    piped = analyze_many(articles, settings)
    sentences = {s.text for a in piped for s in a.sentences}
    assert sum(encoded) < len(sentences) / 2  # MiniLM only for the claims the checks compare
    assert len([n for name, n in scored if name.startswith("newsprism-bias")]) >= 2  # one call per parse step
    assert sum(n for name, n in scored if name.startswith("newsprism-bias")) >= len(sentences)
    serial = analyze_many(articles, settings.replace(bias_pipeline=False))

    def cues(analyzed):  # type: ignore[no-untyped-def]
        return [(c.start, c.end, c.cue, c.reason) for a in analyzed for c in a.framing]
    assert cues(piped) == cues(serial)  # one sentence per run: the same scores however the sentences are grouped
    # the cue follows the model's score of each sentence (a low threshold, so that some are flagged)
    low = settings.replace(bias_score_min=0.5)
    flagged = {(a.id, c.start) for a in analyze_many(articles, low) for c in a.framing if c.cue == "biased_sentence"}
    every = [(a.id, s) for a in piped for s in a.sentences]
    scores = real_scores([s.text for _, s in every])
    assert flagged and flagged == {(i, s.start) for (i, s), p in zip(every, scores, strict=True) if p >= 0.5}
