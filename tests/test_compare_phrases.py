"""The phrase pass (issue 13): a fact two outlets state as a noun phrase inside otherwise different sentences (a
role in apposition to a name, a title before it, a name qualifying a noun) is a corroborated fact cited by the
phrase spans; two descriptions of one referent that share no word, a phrase about another referent, and another
figure of the same measure give none. Texts written here."""

from __future__ import annotations

from newsprism.compare import compare_analyzed
from newsprism.nlp import parse
from newsprism.settings import DEFAULT
from newsprism.stages import analyze_many
from newsprism.stages.claims import phrase_spans

from .conftest import story_articles


def _phrases(text: str) -> list[str]:
    doc = parse([text])[0]
    return [text[a:b] for a, b, _, _ in phrase_spans(doc[:], 0, len(text))]


def test_phrase_spans_of_a_sentence() -> None:
    text = ("The head of the regional water authority, Maria Delgado, said on Monday that the town of Orsk "
            "would get new pumps.")
    assert "The head of the regional water authority, Maria Delgado" in _phrases(text)
    text = "Rescuers searched the Brenner tunnel after the fire, officials said."
    assert "the Brenner tunnel" in _phrases(text)


def test_phrase_spans_leave_out_what_is_no_description() -> None:
    # "Delgado's resignation" is about the resignation, not what Delgado is
    assert not any("resignation" in p for p in _phrases("Delgado's resignation surprised the council on Monday."))
    # a coordination of referents ends the phrase before the second one
    assert all("and her" not in p for p in _phrases(
        "Water minister Maria Delgado and her deputies visited the dam at Orsk on Monday."))


def _facts(story: dict[str, tuple[str, str]]) -> list[tuple[set[str], list[str]]]:
    """The phrase pass's facts (without the clause pass, which may find an apposition as a clause of its own)."""
    c = compare_analyzed(analyze_many(story_articles(story)), DEFAULT.replace(parse_clauses=False))
    return [({s["article"] for s in f.support}, [s["text"] for s in f.support])
            for f in c.facts if f.status == "corroborated" and "phrase pass" in f.reason]


ROLE = {
    "North Ledger": ("2022-05-10", """Dam fails in Orsk

Farmers lost their harvest on Monday, the head of the regional water authority, Maria Delgado, told reporters at the dam.

Schools in the valley stayed closed on Tuesday."""),
    "Valley Post": ("2022-05-10", """Orsk dam collapses

Engineers were still inspecting the spillway when the head of the regional water authority, Maria Delgado, ordered the villages evacuated.

Police closed the bridge over the river for the rest of the week."""),
}


def test_one_role_of_one_named_person_in_two_articles_is_a_fact() -> None:
    facts = _facts(ROLE)
    assert any(len(arts) == 2 and all("water authority" in t and "Maria Delgado" in t for t in texts)
               for arts, texts in facts), facts


OTHER = {
    "North Ledger": ("2022-05-10", """Dam fails in Orsk

Farmers lost their harvest on Monday, the head of the regional water authority, Maria Delgado, told reporters at the dam.

Schools in the valley stayed closed on Tuesday."""),
    "Valley Post": ("2022-05-10", """Orsk dam collapses

Engineers were still inspecting the spillway when the mayor of Orsk, Peter Hahn, ordered the villages evacuated.

Police closed the bridge over the river for the rest of the week."""),
}


def test_another_referent_with_a_similar_role_is_no_fact() -> None:
    assert _facts(OTHER) == []


NOWORD = {
    "North Ledger": ("2022-05-10", """Dam fails in Orsk

Farmers lost their harvest on Monday, the head of the regional water authority, Maria Delgado, told reporters at the dam.

Schools in the valley stayed closed on Tuesday."""),
    "Valley Post": ("2022-05-10", """Orsk dam collapses

Engineers were still inspecting the spillway when Maria Delgado, a former teacher, ordered the villages evacuated.

Police closed the bridge over the river for the rest of the week."""),
}


def test_two_descriptions_of_one_person_sharing_no_word_are_no_fact() -> None:
    assert _facts(NOWORD) == []


def test_without_the_phrase_pass_the_role_is_no_fact() -> None:
    c = compare_analyzed(analyze_many(story_articles(ROLE)), DEFAULT.replace(parse_clauses=False, phrase_pass=False))
    assert not [f for f in c.facts if f.status == "corroborated"], [f.statement for f in c.facts]


def test_phrase_spans_roles_before_a_name_and_hyphens() -> None:
    phrases = _phrases("The influence Delgado's deputy and adviser Peter Hahn had over the council grew last year.")
    assert any(p.endswith("deputy and adviser Peter Hahn") for p in phrases), phrases
    # a phrase is never cut inside a hyphenated word ("Orsk Water co-founder")
    assert not any(p.endswith(" co") for p in _phrases("Orsk Water co-founder Peter Hahn resigned on Monday."))


AGE = {
    "North Ledger": ("2022-05-10", """Dam fails in Orsk

Farmers lost their harvest on Monday, the 40-year-old mayor of Orsk, Peter Hahn, told reporters at the dam.

Schools in the valley stayed closed on Tuesday."""),
    "Valley Post": ("2022-05-10", """Orsk dam collapses

Engineers were still inspecting the spillway when the 52-year-old mayor of Orsk, Peter Hahn, ordered the villages evacuated.

Police closed the bridge over the river for the rest of the week."""),
}


def test_another_figure_of_the_same_measure_in_a_phrase_is_no_fact() -> None:
    assert _facts(AGE) == []
