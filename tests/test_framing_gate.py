"""The learned topic gate of loaded words (issue 14, round 6): a word the tagger flags is set aside when it is
common or the article repeats it (it describes the subject), kept when it is used once and rare. Texts the
tests write."""

from __future__ import annotations

import pytest

from newsprism import nlp
from newsprism.records import Article, Paragraph
from newsprism.settings import DEFAULT
from newsprism.stages import analyze
from newsprism.stages.framing import (SET_ASIDE, cue_classifier, evaluative_logit, framing_cues, gate_features,
                                      legal_classifier, topic_gate, word_counts)


def _doc(text: str):  # type: ignore[no-untyped-def]
    return nlp.parse([text])[0]


def test_word_counts_count_lemmas_and_leave_names_out() -> None:
    doc = _doc("A powerful quake hit Arden. The quake was powerful; quakes shook Arden again.")
    counts = word_counts(doc)
    assert counts["quake"] == 3 and counts["powerful"] == 2
    assert "arden" not in counts


def test_gate_features_see_repetition_and_commonness() -> None:
    doc = _doc("A powerful quake hit the town. The powerful quake was felt far away, a powerful shock. "
               "The cowardly officials fled.")
    counts = word_counts(doc)
    powerful = next(t for t in doc if t.lower_ == "powerful")
    cowardly = next(t for t in doc if t.lower_ == "cowardly")
    fp, fc = gate_features(powerful, 0.9, counts), gate_features(cowardly, 0.9, counts)
    assert fp["logit"] == pytest.approx(fc["logit"])
    assert fp["count"] > fc["count"] and fp["zipf"] > fc["zipf"]


def test_gate_sets_aside_a_repeated_common_word_and_keeps_a_rare_word_used_once() -> None:
    model = cue_classifier()  # the cue classifier that replaced the topic gate (session 7)
    assert {"logit", "count", "spread", "zipf", "sem", "babe_logit", "label_logit"} <= set(model["weights"])
    # learned direction: repetition in the article lowers the gate
    assert model["weights"]["count"] < 0
    doc = _doc("A powerful quake hit the town. The powerful quake was felt far away, a powerful shock. "
               "The cowardly officials fled.")
    counts = word_counts(doc)
    powerful = next(t for t in doc if t.lower_ == "powerful")
    cowardly = next(t for t in doc if t.lower_ == "cowardly")
    keep_p, g_p, why = topic_gate(powerful, 0.85, counts)
    keep_c, g_c, _ = topic_gate(cowardly, 0.85, counts)
    assert keep_c and g_c > g_p + 0.3
    assert "used 3× in the article" in why
    # repetition alone sets the common word aside (session 7: with the evaluative-meaning feature the gate keeps
    # "powerful" used 3× at tagger p 0.85, gate p 0.37 against 0.30, and sets it aside from 5 uses)
    more = counts.copy()
    more["powerful"] = 5
    keep_5, g_5, _ = topic_gate(powerful, 0.85, more)
    assert g_5 < g_p and not keep_5


@pytest.mark.slow
def test_the_stage_reports_the_gate_and_drops_what_it_sets_aside() -> None:
    body = ("A powerful earthquake struck the coast of Arden on Monday. The powerful earthquake toppled walls, and "
            "a powerful aftershock followed at noon. Cowardly officials fled the town hall while residents dug "
            "through the rubble, and the deranged mayor blamed the victims.")
    # the cue classifier's gate alone: with cue_present_precision_min (session 16) the stage also holds back what it
    # keeps at a score the hand labels call mostly description ("deranged mayor" scores 0.46; test_framing_presentation)
    a = analyze(Article(id="t", source="t", text=body, title="Quake", outlet="t",
                        paragraphs=(Paragraph(start=0, end=len(body)),)), DEFAULT.replace(cue_present_precision_min=0))
    loaded = {f.loaded_word.lower(): f for f in a.framing if f.loaded_word}  # a word, or the phrase built on it
    assert "powerful" not in loaded, loaded
    assert loaded, "a judging word used once is still loaded"
    assert all("cue classifier p=" in f.reason for f in loaded.values())


def test_the_evaluative_word_model_reads_judgement_from_meaning() -> None:
    """Learned from BABE's word types: words of judgement score above words of description, also unseen ones."""
    # the cue classifier learned that a judging meaning keeps a word (its two meaning models' weights)
    # (session 10: with the word read in its sentence, context_logit, the static hand-label model's weight fell to
    # about zero; the BABE one and the contextual one carry the meaning)
    assert cue_classifier()["weights"]["babe_logit"] > 0 and cue_classifier()["weights"]["context_logit"] > 0
    judging = [evaluative_logit(w) for w in ("cowardly", "shameful", "despicable")]
    describing = [evaluative_logit(w) for w in ("tunnel", "cornfield", "auditorium")]
    assert min(judging) > max(describing)


def _cues(text: str):  # type: ignore[no-untyped-def]
    doc = _doc(text)
    return framing_cues(text, doc, [], None, list(doc.sents), [0.9] * len(list(doc.sents)))


def test_legal_allege_is_neutral_but_a_politician_alleging_is_graded() -> None:
    legal = [f for f in _cues("Federal prosecutors allege that the man smuggled cocaine into the country.")
             if f.cue == "attribution_verb"]
    assert legal and legal[0].grade == "neutral" and "legal sense" in legal[0].reason
    other = [f for f in _cues("Senator John Smith alleged that the man smuggled cocaine into the country.")
             if f.cue == "attribution_verb"]
    assert other and other[0].grade == "undermining"
    # the verb "alleged" with its speaker is an attribution, not the hedge "the alleged bribe"
    assert not [f for f in _cues("Senator John Smith alleged that the man lied.") if f.cue == "hedge"]
    assert [f.text for f in _cues("The alleged bribe was paid in cash, the court heard.") if f.cue == "hedge"] == [
        "alleged"]


def test_criminal_before_a_legal_noun_is_a_classifier_not_a_judgement() -> None:
    def word(text: str, w: str):  # type: ignore[no-untyped-def]
        return next(t for t in _doc(text) if t.text == w)

    assert "kind of legal case" in (legal_classifier(word("It led to a criminal prosecution of three bankers.",
                                                          "criminal")) or "")
    assert legal_classifier(word("The bank faces a civil suit over the loans.", "civil")) is not None
    assert legal_classifier(word("The minister called it a criminal waste of public money.", "criminal")) is None
    assert legal_classifier(word("Their criminal behaviour shocked the town.", "criminal")) is None


def test_a_verdict_the_article_reports_is_the_speakers_word_not_the_outlets() -> None:
    reported = _cues("Many cast their ballots in the poll, which the Spanish authorities have declared illegal.")
    assert not [f for f in reported if f.loaded_word == "illegal"]
    aside = [f for f in reported if f.cue == SET_ASIDE and f.text == "illegal"]
    assert aside and "verdict of “authorities”" in aside[0].reason
    own = _cues("Many cast their ballots in the illegal poll, which the Spanish authorities tried to stop.")
    # in the outlet's own voice the word is no one's reported verdict: the cue classifier judges it (session 10:
    # reading "illegal" in its sentence it scores 0.25, under loaded_cue_min, where it kept it before)
    mine = [f for f in own if f.loaded_word == "illegal" or (f.cue == SET_ASIDE and f.text == "illegal")]
    assert mine and all("verdict of" not in f.reason and "cue classifier p=" in f.reason for f in mine)


def test_words_the_gate_sets_aside_are_listed_with_span_reason_and_score() -> None:
    text = ("The rubble lay in the street. Rubble filled the square, rubble blocked the road, the rubble was "
            "cleared by noon and more rubble fell. Deranged officials fled.")
    cues = _cues(text)
    aside = [f for f in cues if f.cue == SET_ASIDE]
    assert aside and "rubble" in {f.text.lower() for f in aside}
    assert all(f.score is not None and f.reason.startswith("not flagged") and text[f.start:f.end] == f.text
               for f in aside)
    assert all("used 5× in the article" in f.reason for f in aside if f.text.lower() == "rubble")
    assert not [f for f in cues if f.cue == "loaded" and f.text.lower() == "rubble"]
    assert [f.text for f in cues if f.loaded_word == "Deranged"]  # once-used judging word kept


def test_the_cue_classifier_sets_aside_concrete_description_and_keeps_judgement() -> None:
    """Session 7: the cue classifier, fitted on hand labels, scores a word of judgement above a word of concrete
    description in the same role, and the stage lists the description as set aside with its score."""
    from newsprism.stages.framing import cue_classifier, cue_features

    text = ("The suspect sat in the cramped courtroom in an orange jumpsuit. The craven officials blamed the "
            "victims.")
    doc = _doc(text)
    counts = word_counts(doc)
    craven = next(t for t in doc if t.lower_ == "craven")
    orange = next(t for t in doc if t.lower_ == "orange")
    keep_c, g_c, why = topic_gate(craven, 0.85, counts, 0.6)
    keep_o, g_o, _ = topic_gate(orange, 0.85, counts, 0.6)
    assert g_c > g_o and keep_c and not keep_o
    assert "cue classifier p=" in why
    feats = cue_features(craven, 0.85, counts, 0.6)
    assert set(cue_classifier()["weights"]) <= set(feats)


def test_reported_speech_is_recognised() -> None:
    from newsprism.stages.framing import reported_by

    doc = _doc("Critics said the plan was reckless.")
    assert reported_by(next(t for t in doc if t.text == "reckless")) == "said"
    doc = _doc("The reckless plan failed.")
    assert reported_by(next(t for t in doc if t.text == "reckless")) is None


def test_gate_reason_names_the_reporting_verb_without_calling_it_reported_speech() -> None:
    # the classifier's "reported" feature fires under any verb of saying or thinking, also one with no one who
    # speaks ("the data suggest"): the reason names the verb and does not say the word is someone's speech
    doc = _doc("The data suggest that the reckless plan failed. The reckless plan failed.")
    counts = word_counts(doc)
    under, plain = [t for t in doc if t.lower_ == "reckless"]
    _, _, why_under = topic_gate(under, 0.85, counts)
    _, _, why_plain = topic_gate(plain, 0.85, counts)
    assert "under the verb of saying or thinking “suggest”" in why_under
    assert "verb of saying" not in why_plain
    assert "reported speech" not in why_under + why_plain
