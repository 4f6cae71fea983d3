"""Terms of art are no framing (issue 14, session 15, frame18: the independent reader took quote marks round a
term of art for a scare quote and a named term for a loaded word): texts the tests write."""

from __future__ import annotations

import pytest

from newsprism import nlp
from newsprism.records import Article, Paragraph
from newsprism.stages import analyze_many
from newsprism.stages.framing import named_term

pytestmark = pytest.mark.slow

TEXTS = {
    # quoted words that modify the noun after the closing mark: the name of a kind of thing
    "policy": "Regulators gave the airlines one year to bring in a “one-person, one-fare” policy for disabled travellers.",
    "scale": "Participants rated the course 4.87 on a 5-point “willingness to recommend” scale after the last session.",
    # a quoted compound of three nouns: a technical term
    "lane": "Sleeping drivers can be awakened by “lane departure systems” that sound alerts or vibrate the seats.",
    # marks round figures and a conjunction only (a stray pair): no words of content
    "figures": "More fundamentally, there’s nothing magical about “80″ and “20.” The more general rule holds for every firm.",
    # quoted words someone heard: their words
    "heard": "Nolan grew up fascinated by military history, but heard “no, no, no” every time he tried to enlist in "
             "the army.",
    # the writer's own distance stays a scare quote: a phrase used, one word before a noun
    "writer": "The reforms were a “great success” for the region, and the city council approved them on Monday.",
    "reform": "The senators pushed the “reform” package through the chamber late on Friday night without a debate.",
    "coinage": "The new law brings back the “death squads” of the old regime, and the city is afraid once again.",
}


@pytest.fixture(scope="module")
def scare() -> dict[str, list[str]]:
    arts = [Article(id=k, source=k, text=t, title="Story", outlet=k, paragraphs=(Paragraph(start=0, end=len(t)),))
            for k, t in TEXTS.items()]
    return {a.article.id: [f.text for f in a.framing if f.cue == "scare_quote"] for a in analyze_many(arts)}


def test_quoted_words_naming_a_kind_are_no_scare_quote(scare: dict[str, list[str]]) -> None:
    assert scare["policy"] == []
    assert scare["scale"] == []
    assert scare["lane"] == []


def test_marks_round_no_word_of_content_are_no_scare_quote(scare: dict[str, list[str]]) -> None:
    assert scare["figures"] == []


def test_words_someone_heard_are_no_scare_quote(scare: dict[str, list[str]]) -> None:
    assert scare["heard"] == []


def test_the_writers_distance_stays_a_scare_quote(scare: dict[str, list[str]]) -> None:
    assert scare["writer"] == ["“great success”"]
    assert scare["reform"] == ["“reform”"]  # one word before a noun: the writer's distance, kept
    assert scare["coinage"] == ["“death squads”"]  # a two-word coinage used, not a term naming a kind


def _token(text: str, word: str) -> object:
    doc = nlp.parse([text])[0]
    return next(t for t in doc if t.text == word)


def test_a_word_a_participle_names_is_a_term() -> None:
    tok = _token("There is a ring around the shadow; that is an optical effect called heiligenschein, the team said.",
                 "heiligenschein")
    reason = named_term(tok)
    assert reason is not None and "called" in reason
    tok = _token("They found a class of planets known as scorchers, which circle their stars in a few days.", "scorchers")
    assert named_term(tok) is not None


def test_a_speakers_naming_is_not_a_term() -> None:
    # the verb has a speaker: their verdict (reported judgement), not a name the sentence gives
    tok = _token("The opposition called the plan reckless on Monday.", "reckless")
    assert named_term(tok) is None
    tok = _token("The doctors who signed the letter called Oz a quack and a fraud.", "quack")
    assert named_term(tok) is None  # "called Oz a quack": a name put on someone, not a term
    tok = _token("The minister gave a reckless speech on Monday.", "reckless")
    assert named_term(tok) is None


EVIDENCE = {
    "poll": "A Bloomberg poll shows that Americans living in richer households have abandoned the party this year.",
    "surveys": "The findings contrasted with other recent surveys which have shown that house prices fell last month.",
    "it": "The study was published on Monday. It shows that young women still earn less than men of the same age.",
    "minister": "The minister revealed that the plan would cost twice as much as the government had said in May.",
    "smith": "Smith highlighted that the company had never paid a dividend in its history, the report said.",
}


def test_a_verb_of_evidence_with_data_as_subject_grades_no_speaker() -> None:
    arts = [Article(id=k, source=k, text=t, title="Story", outlet=k, paragraphs=(Paragraph(start=0, end=len(t)),))
            for k, t in EVIDENCE.items()]
    verbs = {a.article.id: [(f.text, f.grade) for f in a.framing if f.cue == "attribution_verb"]
             for a in analyze_many(arts)}
    assert verbs["poll"] == [] and verbs["surveys"] == [] and verbs["it"] == []  # what data show
    assert verbs["minister"] == [("revealed", "endorsing")]  # a speaker's words, still graded
    assert ("highlighted", "endorsing") in verbs["smith"]


def test_a_verdict_given_in_the_passive_is_the_agents() -> None:
    from newsprism.stages.framing import _reported_judgement

    tok = _token("Mehmet Oz has been called a charlatan by fellow physicians for promoting quack cures.", "charlatan")
    why = _reported_judgement(tok, None)
    assert why is not None and "physicians" in why
    tok = _token("The deal was branded a reckless gamble by the union on Tuesday.", "reckless")
    assert _reported_judgement(tok, None) is not None  # the modifier of the verdict noun, too
    tok = _token("The minister made a reckless gamble on Tuesday.", "reckless")
    assert _reported_judgement(tok, None) is None  # the outlet's own word


def test_a_verdict_given_in_the_passive_is_no_loaded_cue_of_the_outlet() -> None:
    t = ("Mehmet Oz, the television doctor, has been called a charlatan by fellow physicians for promoting quack "
         "cures on his show.")
    a = analyze_many([Article(id="oz", source="oz", text=t, title="Story", outlet="oz",
                              paragraphs=(Paragraph(start=0, end=len(t)),))])[0]
    own = [f.text for f in a.framing if f.cue in ("loaded", "evaluative", "epithet") and f.speaker is None]
    assert "charlatan" not in " ".join(own)
    assert any(f.cue == "set_aside" and f.text == "charlatan" and "verdict" in f.reason for f in a.framing)


def test_the_words_own_labels_as_a_feature() -> None:
    import math

    from newsprism.stages.framing import type_prior_features

    prior = {"base_rate": 0.2, "alpha": 1.0, "words": {"tactic": [0, 9], "brazen": [4, 4]}}
    never, seen = type_prior_features("unlabelled", prior)
    assert math.isclose(never, math.log(0.2 / 0.8)) and seen == 0.0  # a word never labelled: the base rate
    assert type_prior_features("tactic", prior)[0] < never < type_prior_features("brazen", prior)[0]
    assert math.isclose(type_prior_features("tactic", prior)[1], math.log1p(9))


def test_a_word_the_labels_always_call_description_is_set_aside() -> None:
    from newsprism.settings import DEFAULT
    from newsprism.stages.framing import label_veto, label_veto_table

    assert label_veto_table().get("pretty", 0) >= DEFAULT.label_veto_min  # judged again and again, never framing
    why = label_veto("pretty")
    assert why is not None and "never a framing choice" in why
    assert label_veto("pretty", DEFAULT.replace(label_veto_min=0)) is None  # off
    assert label_veto("brazen") is None  # not in the table: the classifier decides
    t = ("If you want to know when the writers' strike is going to end, it is starting to look pretty simple. Either "
         "it will get settled within a week or it will drag on for months.")
    a = analyze_many([Article(id="p", source="p", text=t, title="Story", outlet="p",
                              paragraphs=(Paragraph(start=0, end=len(t)),))])[0]
    assert not any(f.cue == "loaded" and f.text == "pretty" for f in a.framing)
