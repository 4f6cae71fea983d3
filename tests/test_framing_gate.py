"""The learned topic gate of loaded words (issue 14, round 6): a word the tagger flags is set aside when it is
common or the article repeats it (it describes the subject), kept when it is used once and rare. Texts the
tests write."""

from __future__ import annotations

import pytest

from newsprism import nlp
from newsprism.records import Article, Paragraph
from newsprism.stages import analyze
from newsprism.stages.framing import cue_gate, gate_features, topic_gate, word_counts


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
    model = cue_gate()
    assert set(model["weights"]) == {"logit", "count", "spread", "zipf"} and 0 < model["threshold"] < 1
    # learned direction: repetition in the article lowers the gate
    assert model["weights"]["count"] < 0
    doc = _doc("A powerful quake hit the town. The powerful quake was felt far away, a powerful shock. "
               "The cowardly officials fled.")
    counts = word_counts(doc)
    powerful = next(t for t in doc if t.lower_ == "powerful")
    cowardly = next(t for t in doc if t.lower_ == "cowardly")
    keep_p, g_p, why = topic_gate(powerful, 0.85, counts)
    keep_c, g_c, _ = topic_gate(cowardly, 0.85, counts)
    assert not keep_p and keep_c and g_c > g_p
    assert "used 3× in the article" in why


@pytest.mark.slow
def test_the_stage_reports_the_gate_and_drops_what_it_sets_aside() -> None:
    body = ("A powerful earthquake struck the coast of Arden on Monday. The powerful earthquake toppled walls, and "
            "a powerful aftershock followed at noon. Cowardly officials fled the town hall while residents dug "
            "through the rubble, and the deranged mayor blamed the victims.")
    a = analyze(Article(id="t", source="t", text=body, title="Quake", outlet="t",
                        paragraphs=(Paragraph(start=0, end=len(body)),)))
    loaded = {f.text.lower(): f for f in a.framing if f.cue == "loaded"}
    assert "powerful" not in loaded, loaded
    assert loaded, "a judging word used once is still loaded"
    assert all("topic gate p=" in f.reason for f in loaded.values())
