"""The cue classifier reads a flagged word in its sentence (issue 14, session 10: ``context_logit``, a logistic
regression over MiniLM's contextual vector of the word beside its sentence's vector), and the same learned verdict
gates the comparison's naming choices (``naming_cue_min``). Texts and records the tests write."""

from __future__ import annotations

import numpy as np

from newsprism import nlp
from newsprism.compare.framing import naming_choices
from newsprism.records import AnalyzedArticle, Article, Entity, Mention, NamingPhrase, Paragraph
from newsprism.settings import DEFAULT
from newsprism.stages import analyze
from newsprism.stages.framing import SET_ASIDE, context_logits, context_vectors, cue_classifier, topic_gate, word_counts
from newsprism.stages.naming import judged


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


def _naming_story(cue: float | None) -> list[AnalyzedArticle]:
    texts = {"partisan": "The defiant voters of Arden went to the polls on Sunday.",
             "wire": "The voters of Arden went to the polls on Sunday.",
             "daily": "Voters in Arden cast ballots on Sunday."}
    out = []
    for aid, text in texts.items():
        at = text.find("Arden")
        ent = Entity(id="place:arden", name="Arden", type="GPE", mentions=(Mention(start=at, end=at + 5, text="Arden"),))
        naming: tuple[NamingPhrase, ...] = ()
        if aid == "partisan":
            naming = (NamingPhrase(start=4, end=18, text="defiant voters", head="voter", anchors=("place:arden",),
                                   kind="group", word="defiant", score=0.8, cue=cue),)
        art = Article(id=aid, source=aid, text=text, title=aid, outlet=aid,
                      paragraphs=(Paragraph(start=0, end=len(text)),))
        out.append(AnalyzedArticle(article=art, entities=(ent,), naming=naming))
    return out


def test_a_naming_choice_needs_the_cue_classifiers_verdict() -> None:
    kept = naming_choices(_naming_story(DEFAULT.naming_cue_min + 0.1), DEFAULT)
    assert [c["word"] for c in kept] == ["defiant"] and "cue classifier p=" in kept[0]["reason"]
    assert not naming_choices(_naming_story(DEFAULT.naming_cue_min - 0.1), DEFAULT)
    assert [c["word"] for c in naming_choices(_naming_story(None), DEFAULT)] == ["defiant"]  # older analyses


def test_the_naming_stage_scores_a_term_of_the_field_below_a_judging_word() -> None:
    text = "Astronomers watched the exploding star of Arden fade. The defiant voters of Arden went to the polls."
    doc = _doc(text)
    star, voters = text.find("the exploding star"), text.find("The defiant voters")
    phrases = [NamingPhrase(start=star, end=star + 18, text="the exploding star", head="star", kind="event",
                            word="exploding", score=0.9),
               NamingPhrase(start=voters, end=voters + 18, text="The defiant voters", head="voter", kind="group",
                            word="defiant", score=0.7),
               NamingPhrase(start=0, end=11, text="Astronomers", head="astronomer", kind="record", word="Astronomers")]
    out = judged(phrases, doc)
    assert out[2].cue is None  # records and personal names are not judged
    assert out[0].cue is not None and out[1].cue is not None
    # the framing stage's bar for a loaded word refuses the term and keeps the judging word
    assert out[0].cue < DEFAULT.loaded_cue_min <= out[1].cue
