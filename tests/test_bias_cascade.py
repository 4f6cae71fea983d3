"""The sentence bias cascade (issue 12): a static-vector estimate everywhere, MiniLM where it could matter."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.stages.bias_cascade import cascade_scores, logit, near_threshold


def test_cascade_near_threshold_is_a_band_in_standard_errors() -> None:
    z = np.array([logit(0.85) - 1.0, logit(0.85) - 0.2, logit(0.85) + 0.3, logit(0.85) + 2.0, -3.0])
    assert near_threshold(z, 0.5, 1.5, (0.85,)) == [False, True, True, False, False]
    assert near_threshold(z, 0.5, 1.5, (0.5, 0.85))[-1] is False
    assert near_threshold(z, 0.5, 0.0, (0.85,)) == [False] * 5  # no band: MiniLM never runs


def test_cascade_int8_step_rescores_only_scores_near_a_decision() -> None:
    from newsprism.settings import DEFAULT
    from newsprism.stages.bias_cascade import _estimator, int8_error_sd, needs_float
    from newsprism.stages.framing import bias_model

    se = int8_error_sd()
    assert 0 < se < _estimator()[2]  # int8 vectors estimate the float model's score far better than static ones
    model = bias_model("minilm")
    w, b = np.asarray(model["coef"]), float(model["intercept"])
    cut = logit(DEFAULT.bias_score_min)
    # vectors along w whose int8 logits lie at, just inside, just outside and far from the cue threshold
    at = [cut, cut + 0.9 * DEFAULT.bias_cascade_band * se, cut - 1.2 * DEFAULT.bias_cascade_band * se, cut - 8.0]
    vectors = np.array([(z - b) * w / (w @ w) for z in at])
    assert needs_float(vectors, [[]] * len(at), DEFAULT) == [True, True, False, False]


def test_cascade_asks_minilm_only_for_the_rows_it_sends() -> None:
    static = np.zeros((4, 384), dtype="float32")
    asked: list[list[int]] = []

    def minilm(rows: list[int]) -> np.ndarray:
        asked.append(rows)
        return np.zeros((len(rows), 384), dtype="float32")

    scores, sent = cascade_scores(static, minilm, band=0.0, thresholds=(0.85,), also=[False, True, False, True])
    assert sent == [False, True, False, True] and asked == [[1, 3]]
    assert scores[0] == scores[2] != scores[1]  # estimate for 0 and 2, the MiniLM model's score for 1 and 3


@pytest.mark.slow
def test_cascade_keeps_the_full_models_verdicts_outside_the_band(example_articles, seed_articles) -> None:  # type: ignore[no-untyped-def]
    from newsprism import nlp
    from newsprism.settings import DEFAULT
    from newsprism.stages import analyze_many
    from newsprism.stages.bias_cascade import bias_estimate, full_scores

    settings = DEFAULT.replace(bias_score_min=0.85)  # the logistic model's cue threshold, the cascade's bands' basis
    articles = [*example_articles, *seed_articles]
    texts = list(dict.fromkeys(s.text for a in analyze_many(articles, DEFAULT.replace(bias_encoder="static"))
                               for s in a.sentences))
    logits, se = bias_estimate(nlp.embed(texts, nlp.STATIC))
    full = np.array(full_scores(nlp.embed(texts, "onnx")))
    outside = ~np.array(near_threshold(logits, se, DEFAULT.bias_cascade_band, (settings.bias_score_min,)))
    assert outside.sum() > len(texts) / 2  # the cascade does skip MiniLM for most sentences
    estimate = 1 / (1 + np.exp(-logits))
    same = (estimate[outside] >= settings.bias_score_min) == (full[outside] >= settings.bias_score_min)
    assert same.all(), f"{int((~same).sum())} of {int(outside.sum())} verdicts outside the band differ"

    # and the cues it emits: the same loaded words and biased sentences as MiniLM on every sentence
    def cues(settings):  # type: ignore[no-untyped-def]
        return {(a.id, c.start, c.end, c.cue) for a in analyze_many(articles, settings) for c in a.framing
                if c.cue in ("loaded", "biased_sentence")}

    cascade, minilm = cues(settings.replace(bias_encoder="cascade")), cues(settings.replace(bias_encoder="minilm"))
    assert minilm and cascade == minilm


@pytest.mark.slow
def test_similarity_matrices_equal_the_pairwise_scores(analyzed_examples) -> None:  # type: ignore[no-untyped-def]
    from newsprism import similarity as sim
    from newsprism.settings import DEFAULT

    claims = [c for a in analyzed_examples for c in a.claims]
    half = len(claims) // 2
    left, right = claims[:half], claims[half:]
    idf, tidf, tdf = sim.entity_idf(claims), sim.term_idf(claims), sim.term_df(claims)
    pairs = {
        "entity": (sim.entity_overlap_matrix(left, right, idf), lambda a, b: sim.entity_overlap(a, b, idf)),
        "term": (sim.term_overlap_matrix(left, right, tidf, DEFAULT), lambda a, b: sim.term_overlap(a, b, tidf)),
        "anchor": (sim.anchor_overlap_matrix(left, right, tdf), lambda a, b: sim.anchor_overlap(a, b, tdf)),
        "number": (sim.number_overlap_matrix(left, right, DEFAULT), lambda a, b: sim.number_overlap(a, b)),
    }
    for name, (matrix, pairwise) in pairs.items():
        expected = np.array([[pairwise(a, b) for b in right] for a in left])
        assert matrix.shape == (len(left), len(right))
        assert np.allclose(matrix, expected, atol=1e-12), name
    assert pairs["term"][0].max() > 0 and pairs["entity"][0].max() > 0  # the examples share words and names


@pytest.mark.slow
def test_cascade_runs_its_encoder_on_the_sentences_it_sends(example_articles, seed_articles,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism import nlp
    from newsprism.settings import DEFAULT
    from newsprism.stages import analyze_many

    calls: list[tuple[str, list[str]]] = []
    real = nlp._encode

    def counting(texts: list[str], encoder: str):  # type: ignore[no-untyped-def]
        calls.append((encoder, list(texts)))
        return real(texts, encoder)

    monkeypatch.setattr(nlp, "_encode", counting)
    articles = [*example_articles, *seed_articles]
    for cascade_encoder in ("onnx-int8", "onnx"):
        nlp._cache.clear()
        calls.clear()
        analyzed = analyze_many(articles, DEFAULT.replace(bias_encoder="cascade", bias_cascade_encoder=cascade_encoder,
                                                        encoder="onnx"))
        sentences = {s.text for a in analyzed for s in a.sentences}
        int8 = {t for e, ts in calls if e == "onnx-int8" for t in ts}
        if cascade_encoder == "onnx-int8":
            assert int8 and int8 <= sentences  # only sentences the cascade sends, never claims
            assert len(int8) < len(sentences)
        else:
            assert not int8
