"""The cue classifier reads a flagged word in its sentence (issue 14: ``context_logit``, a logistic regression over
the fine-tuned bias model's last hidden states of the word's pieces beside its sentence's pooled vector, from the
run that scores the sentence; session 11). Texts the tests write."""

from __future__ import annotations

import numpy as np

from newsprism import nlp
from newsprism.records import Article, Paragraph
from newsprism.stages import analyze
from newsprism.stages.framing import SET_ASIDE, context_logits, context_vectors, cue_classifier, topic_gate, word_counts


def _doc(text: str):  # type: ignore[no-untyped-def]
    return nlp.parse([text])[0]


def test_the_word_vector_depends_on_its_sentence_and_the_classifier_weighs_it() -> None:
    doc = _doc("The signal was weak and faded after an hour. The government's weak response angered the families.")
    signal, response = [t for t in doc if t.lower_ == "weak"]
    v, inside = context_vectors([signal, response])
    assert v.shape == (2, 2 * nlp.EMBEDDING_DIM) and inside.all()
    assert np.allclose(np.linalg.norm(v[:, :nlp.EMBEDDING_DIM], axis=1), 1, atol=1e-3)
    assert float(v[0, :nlp.EMBEDDING_DIM] @ v[1, :nlp.EMBEDDING_DIM]) < 0.98  # the same word, read differently
    model = cue_classifier()
    assert model["weights"]["context_logit"] > 0 and len(model["context_meaning"]["coef"]) == 2 * nlp.EMBEDDING_DIM
    counts = word_counts(doc)
    logits = context_logits([signal, response])
    keep_s, g_s, why = topic_gate(signal, 0.85, counts, 0.5, context=logits[signal.i])
    keep_r, g_r, _ = topic_gate(response, 0.85, counts, 0.5, context=logits[response.i])
    assert logits[response.i] is not None and logits[signal.i] is not None
    assert logits[response.i] > logits[signal.i] and g_r > g_s
    assert "in its sentence" in why
    # the feature computed on its own (no batch) is the same as in the article's batch
    assert abs(topic_gate(signal, 0.85, counts, 0.5)[1] - g_s) < 1e-5


def test_the_words_are_read_from_the_run_that_scored_the_sentence() -> None:
    """No second encoder run: a sentence the bias model scored is read from the states that run kept, and those
    are the states a fresh run of the sentence alone gives."""
    encoder = nlp.bias_encoder()
    text = "The committee released a damning report on the agency's conduct yesterday."
    nlp.bias_scores([text])
    before = encoder.runs_for_states
    kept, kept_pooled = nlp.bias_word_vectors([text], [[(25, 32)]])
    assert encoder.runs_for_states == before  # read from the scoring run
    fresh_words, fresh = encoder._run([text], 1)[1][text], None
    h = fresh_words[0].astype("float32")
    pieces = [j for j, (a, z) in enumerate(fresh_words[1].offsets) if z > a and a < 32 and z > 25]
    v = h[pieces].mean(axis=0)
    assert np.allclose(kept[0][0], v / np.linalg.norm(v), atol=1e-5)
    assert kept_pooled.shape == (1, nlp.EMBEDDING_DIM) and fresh is None


def test_the_export_is_named_by_its_layout() -> None:
    """An export of the logit alone (sessions before 11, named without the layout) is never read as one with
    the word states: the layout is part of the cached file's name, and the export gives both outputs."""
    path = nlp.bias_encoder_path()
    assert f"-{nlp.BIAS_EXPORT_LAYOUT}-" in path.name
    assert nlp.bias_encoder().outputs == ["logit", "states"]


def test_the_states_kept_are_what_the_feature_reads() -> None:
    """Session 13 (frame16): the bias model's thread keeps the states as the export gives them (float16, one row
    per word piece of the sentence run alone, with the tokenizer's encoding) and copies nothing; the word vectors
    are read from exactly those rows. Kept states replaced by rows the test writes must come back as the word's
    vector and the sentence's pooled vector, without a second run; a sentence scored with ``keep=False`` (a word cut
    out) keeps nothing. Fails if the states are kept in another form, re-run, or read at other pieces."""
    encoder = nlp.bias_encoder()
    text = "The senator's scathing rebuke of the plan drew applause from the gallery."
    cut = "The senator's rebuke of the plan drew applause from the gallery."
    encoder.logits([text])
    encoder.logits([cut], keep=False)
    assert cut not in encoder._states
    states, encoding = encoder._states[text]
    assert encoder.outputs == ["logit", "states"] and str(states.dtype) == "float16"
    assert states.shape == (len(encoding.ids), nlp.EMBEDDING_DIM)
    assert encoding.offsets == encoder.tokenizer.encode(text).offsets  # the pieces of the sentence run alone
    start = text.index("scathing")
    pieces = [j for j, (a, z) in enumerate(encoding.offsets) if z > a and a < start + 8 and z > start]
    assert pieces
    written = np.zeros_like(states)
    written[:, 1] = 1
    written[pieces, 1] = 0
    written[pieces, 0] = 1  # the word's pieces point one way, every other piece another
    encoder._states[text] = (written, encoding)
    try:
        before = encoder.runs_for_states
        words, pooled = encoder.word_vectors([text], [[(start, start + 8)]])
        assert encoder.runs_for_states == before
        assert np.allclose(words[0][0, :2], [1, 0])
        n = len(encoding.ids)
        mean = np.array([len(pieces), n - len(pieces)], dtype="float32") / n
        assert np.allclose(pooled[0, :2], mean / np.linalg.norm(mean), atol=1e-6)
    finally:
        encoder._states.pop(text, None)


def test_a_word_past_the_window_is_judged_without_the_context() -> None:
    filler = " ".join(["the committee met again on the second floor of the old town hall"] * 8)
    doc = _doc(f"After {filler}, the mayor gave a shameful speech.")
    shameful = next(t for t in doc if t.lower_ == "shameful")
    vectors, inside = context_vectors([shameful])
    assert not inside[0] and not vectors[0, :nlp.EMBEDDING_DIM].any()
    assert context_logits([shameful]) == {shameful.i: None}
    keep, g, why = topic_gate(shameful, 0.9, word_counts(doc), 0.5)
    assert "past the bias model's window" in why
    static = cue_classifier()["without_context"]
    assert "context_logit" not in static["weights"] and 0 < g < 1


def test_a_technical_description_is_refused_and_an_evaluative_word_kept() -> None:
    body = ("Astronomers watched the exploding star fade over several weeks. The senator gave a shameful speech "
            "to the crowd.")
    a = analyze(Article(id="t", source="t", text=body, title="Star", outlet="t",
                        paragraphs=(Paragraph(start=0, end=len(body)),)))
    cues = {f.text: f for f in a.framing}
    # the tagger flags "exploding" (p > 0.9): the cue classifier, reading it in its sentence, sets it aside
    assert cues["exploding"].cue == SET_ASIDE and "cue classifier p=" in cues["exploding"].reason
    assert "in its sentence" in cues["exploding"].reason
    assert not any(f.cue in ("loaded", "evaluative") and "exploding" in f.text for f in a.framing)
    assert cues["shameful speech"].cue == "evaluative"


def _framing(body: str, presented_min: float | None = None):  # type: ignore[no-untyped-def]
    """The cues of a written text; ``presented_min``: cue_present_precision_min for the run (0: the cue classifier's
    gate alone, every word it keeps presented)."""
    from newsprism.settings import DEFAULT

    settings = DEFAULT if presented_min is None else DEFAULT.replace(cue_present_precision_min=presented_min)
    return analyze(Article(id="t", source="t", text=body, title="T", outlet="t",
                           paragraphs=(Paragraph(start=0, end=len(body)),)), settings).framing


def _p(reason: str) -> float:
    return float(reason.split("cue classifier p=")[1][:4])


def test_at_the_shipped_operating_point_science_description_is_set_aside_and_judgements_kept() -> None:
    """Session 12 (frame15): loaded_cue_min 0.44, chosen on news-dev. Description of things in science reports that
    the classifier scores between gate12's 0.3 and 0.44 is set aside (it was kept at 0.3), while the same adjective
    used of people's acts, and plain judgements, are kept. Fails if the threshold goes back to 0.3 or the shipped
    model stops telling the two readings apart."""
    from newsprism.settings import DEFAULT

    described = {"faint": "The telescope recorded the faint glow of the dim red star for three nights.",
                 "violent": "A violent storm on the gas giant has raged for centuries, the probe's images show.",
                 "barren": "The rover drilled into the barren crater floor and found traces of clay."}
    for word, body in described.items():
        cue = next(f for f in _framing(body) if word in f.text.split())  # its cue, or the phrase built on it
        assert cue.cue == SET_ASIDE, (word, cue.reason)
        assert DEFAULT.loaded_cue_min > _p(cue.reason) >= 0.3, (word, cue.reason)  # between the two thresholds
    # the classifier's operating point (session 16's presentation rule, off here, holds "faint apology" back: it
    # scores where the hand labels find mostly description; test_framing_presentation)
    judged = _framing("The minister offered only a faint apology for the scandal. The government's brutal crackdown "
                      "crushed the protest.", presented_min=0)
    kept = {f.text: f for f in judged if f.cue in ("loaded", "evaluative")}
    assert "faint apology" in kept and "brutal crackdown" in kept
    assert all(_p(f.reason) >= DEFAULT.loaded_cue_min for f in kept.values() if "cue classifier p=" in f.reason)
