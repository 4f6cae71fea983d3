"""The cue classifier reads a flagged word in its sentence (issue 14, session 10: ``context_logit``, a logistic
regression over MiniLM's contextual vector of the word beside its sentence's vector). Texts the tests write."""

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
    v = context_vectors([signal, response])
    assert v.shape == (2, 2 * nlp.EMBEDDING_DIM)
    assert np.allclose(np.linalg.norm(v[:, :nlp.EMBEDDING_DIM], axis=1), 1, atol=1e-4)
    assert float(v[0, :nlp.EMBEDDING_DIM] @ v[1, :nlp.EMBEDDING_DIM]) < 0.98  # the same word, read differently
    model = cue_classifier()
    assert model["weights"]["context_logit"] > 0 and len(model["context_meaning"]["coef"]) == 2 * nlp.EMBEDDING_DIM
    counts = word_counts(doc)
    logits = context_logits([signal, response])
    keep_s, g_s, why = topic_gate(signal, 0.85, counts, 0.5, context=logits[signal.i])
    keep_r, g_r, _ = topic_gate(response, 0.85, counts, 0.5, context=logits[response.i])
    assert logits[response.i] > logits[signal.i] and g_r > g_s
    assert "in its sentence" in why
    # the feature computed on its own (no batch) is the same as in the article's batch
    assert abs(topic_gate(signal, 0.85, counts, 0.5)[1] - g_s) < 1e-5


def test_a_technical_compound_is_refused_and_an_evaluative_phrase_kept() -> None:
    body = ("Astronomers watched the exploding star fade over several weeks. The senator gave a shameful speech "
            "to the crowd.")
    a = analyze(Article(id="t", source="t", text=body, title="Star", outlet="t",
                        paragraphs=(Paragraph(start=0, end=len(body)),)))
    cues = {f.text: f for f in a.framing}
    # the tagger flags "exploding" (p > 0.9): the cue classifier, reading it in its sentence, sets it aside
    assert cues["exploding"].cue == SET_ASIDE and "cue classifier p=" in cues["exploding"].reason
    assert not any(f.cue in ("loaded", "evaluative") and "exploding" in f.text for f in a.framing)
    assert cues["shameful speech"].cue == "evaluative"
