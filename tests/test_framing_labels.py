"""Framing cues that measure the outlet, not the topic (issue 14, round 4): ideological labels as epithets,
the background-news spread of a word as a tagger feature, one cue per phrase. Texts the tests write."""

from __future__ import annotations

import pytest

from newsprism.records import Article, Paragraph
from newsprism.stages import analyze
from newsprism.stages.bias_words import spread_features, word_spread
from newsprism.stages.framing import _Cues


def _written(text: str) -> Article:
    title, body = text.split("\n\n", 1)
    return Article(id="t", source="t", text=body, title=title, outlet="t", paragraphs=(Paragraph(start=0, end=len(body)),))


@pytest.mark.slow
def test_ideological_labels_on_people_are_epithets_in_the_outlets_voice_only() -> None:
    a = analyze(_written("Vote in Spain\n\nThe count rose to 760, and conservative Spanish Prime Minister Mariano "
                         "Rajoy said there had been no vote. Hardline clerics in Tehran opposed the plan, while "
                         "the pro-Beijing camp in Hong Kong backed it. A moderate earthquake shook the town. "
                         "Liberal use of water was allowed. Conservatives in the town welcomed the plan, but the regime "
                         "in the north rejected it. “The radical mayor is wrong,” said Ana Kell."))
    labels = {f.text: f.reason for f in a.framing if f.cue == "epithet" and "ideological label" in f.reason}
    assert "conservative Spanish Prime Minister Mariano Rajoy" in labels, labels
    assert "Hardline clerics" in labels and "pro-Beijing camp" in labels, labels
    assert "a PERSON name" in labels["conservative Spanish Prime Minister Mariano Rajoy"]
    # a label on a thing is not an epithet, and a speaker's label inside their quotation is theirs
    assert not any("earthquake" in t or "Liberal" in t or "radical" in t for t in labels), labels
    # a bare label noun is an epithet when the word itself judges ("the regime"), not for a group's ordinary
    # name ("Conservatives")
    assert "regime" in labels and "Conservatives" not in labels, labels


def test_topic_words_are_bursty_in_background_news_and_slant_words_are_not() -> None:
    n, table = word_spread()
    assert n > 1000 and table
    # a word every court story repeats vs a word of slant used once here and there
    topic, slant = spread_features("court", "court", "NOUN"), spread_features("notorious", "notorious", "ADJ")
    assert topic["adapt"] > 2 * slant["adapt"], (topic, slant)
    assert spread_features("zzqxjv", "zzqxjv", "NOUN") == {"unseen": 1.0, "unseen_NOUN": 1.0}


def test_a_phrase_with_two_loaded_words_is_one_cue() -> None:
    found = _Cues("a staggering blow to the state")
    for word in ("staggering", "blow"):
        found.add(2, 16, "evaluative", f"built on “{word}”")
    found.add(2, 12, "loaded", "p=0.9")
    found.add(2, 12, "loaded", "p=0.9")
    assert [c.cue for c in found.cues] == ["evaluative", "loaded"]


def test_evaluative_phrases_are_adjective_plus_noun_not_a_noun_classifying_a_noun() -> None:
    from newsprism import nlp
    from newsprism.stages.framing import _phrases

    doc = nlp.parse(["The tsunami alert was lifted after a staggering blow to the court system."])[0]
    by_word = {t.text: _phrases(t, None) for t in doc}
    assert [p[0] for p in by_word["staggering"]] == ["evaluative"]
    assert doc.text[by_word["staggering"][0][1]:by_word["staggering"][0][2]] == "staggering blow"
    assert by_word["tsunami"] == [] and by_word["court"] == [], (by_word["tsunami"], by_word["court"])


def test_a_piece_of_a_hyphenated_word_is_not_a_loaded_word_candidate() -> None:
    from newsprism import nlp
    from newsprism.stages.framing import is_loaded_candidate

    doc = nlp.parse(["Powerful hard-liners in the capital fumed - loudly - about the brutal crackdown."])[0]
    pieces = {t.text: is_loaded_candidate(t) for t in doc}
    assert pieces["liners"] is False, pieces
    # a word beside a spaced dash is still a word, and an ordinary adjective stays a candidate
    assert pieces["brutal"] is True and pieces["loudly"] is True, pieces
