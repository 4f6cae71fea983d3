"""Recall of framing cues (issue 14, session 8): graded verbs of saying whose speaker the parse hides (a verb
coordinated with an earlier one shares its subject; "media", lemmatised "medium"; "the edition of" a paper),
adverbs of the writer's doubt ("likely", "probably", "perhaps"), and a feeling an article alone puts on a group
named by its name. Texts the tests write."""

from __future__ import annotations

import re

import pytest

from newsprism import nlp
from newsprism.compare.framing import add_naming_cues
from newsprism.records import AnalyzedArticle, Article, Entity, Mention, Paragraph
from newsprism.settings import DEFAULT
from newsprism.stages import analyze
from newsprism.stages.framing import _can_speak, _subject
from newsprism.stages.naming import naming_phrases


def _written(body: str) -> Article:
    return Article(id="t", source="t", text=body, title="A Story", paragraphs=(Paragraph(start=0, end=len(body)),))


def _verbs(body: str) -> dict[str, str | None]:
    return {f.text: f.grade for f in analyze(_written(body)).framing if f.cue == "attribution_verb"}


def _token(text: str, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in nlp.parse([text])[0] if t.text == word)


def test_a_coordinated_verb_without_its_own_subject_shares_the_first_verb_s() -> None:
    text = "The plan was praised by the union but branded a trap by the mayor of the town."
    assert _subject(_token(text, "branded")).text == "plan"
    text = "The plan was praised by the union. The mayor of the town branded it a trap."
    assert _subject(_token(text, "branded")).text == "mayor"
    # a verb of its own clause keeps its own subject, and a first verb has no earlier one to borrow from
    assert _subject(_token("Rain fell and the farmers cheered.", "cheered")).text == "farmers"


@pytest.mark.slow
def test_a_graded_verb_coordinated_with_a_passive_is_an_attribution_with_its_agent() -> None:
    assert _verbs("The deal was hailed by the union but branded a mistake by the mayor.").get("branded") == "undermining"
    # no agent, no speaker: "was branded" alone says nothing of who spoke
    assert "branded" not in _verbs("The deal was hailed by the union and was branded a mistake.")


def test_a_noun_whose_lemma_hides_a_speaking_noun_or_that_belongs_to_a_speaker_can_speak() -> None:
    assert _can_speak(_token("State media blamed the floods on the neighbours.", "media"))
    assert _can_speak(_token("The weekend edition of the Morning Herald dismissed the march.", "edition"))
    # a thing that belongs to no speaker cannot speak
    assert not _can_speak(_token("The roof of the barn dismissed the rain.", "roof"))


@pytest.mark.slow
def test_media_and_a_paper_s_edition_dismissing_or_blaming_are_graded_attributions() -> None:
    verbs = _verbs("Pro-government media blamed foreign agents for the strike on Monday. The weekend edition "
                   "of the Morning Herald dismissed the strike as a stunt.")
    assert verbs.get("blamed") == "undermining" and verbs.get("dismissed") == "undermining"


@pytest.mark.slow
def test_adverbs_of_doubt_are_hedges_but_a_forecast_the_sentence_states_is_not() -> None:
    a = analyze(_written("The gang likely paid the guards before the break. The warden was probably told. "
                         "Perhaps the tunnel took a year. More arrests are likely to follow, and a likely "
                         "successor is the deputy."))
    hedges = sorted(((f.text, f.start) for f in a.framing if f.cue == "hedge"), key=lambda h: h[1])
    assert [h for h, _ in hedges] == ["likely", "probably", "Perhaps"]
    assert hedges[0][1] == a.article.text.index("likely paid")


def _article(aid: str, text: str, group: str) -> AnalyzedArticle:
    doc = nlp.parse([text])[0]
    mentions = tuple(Mention(start=m.start(), end=m.end(), text=group) for m in re.finditer(group, text))
    entity = Entity(id=f"group:{group.lower()}", name=group, type="NORP", mentions=mentions)
    art = Article(id=aid, source=aid, text=text, title=aid, outlet=aid, paragraphs=(Paragraph(start=0, end=len(text)),))
    return AnalyzedArticle(article=art, entities=(entity,), naming=tuple(naming_phrases([entity], doc)))


def test_a_feeling_one_article_alone_puts_on_a_named_group_is_a_naming_cue() -> None:
    story = [_article("blog", "Cheerful Norwegians danced in the streets of Oslo after the vote.", "Norwegians"),
             _article("wire", "Norwegians danced in the streets of Oslo after the vote.", "Norwegians"),
             _article("daily", "Many Norwegians gathered in Oslo after the vote.", "Norwegians")]
    cues = [f for f in add_naming_cues(story, DEFAULT)[0].framing if f.cue == "naming"]
    assert [f.text for f in cues] == ["Cheerful Norwegians"] and "a feeling put on the group" in cues[0].reason
    # the same feeling in every article is the story's, not a choice
    same = [_article(a, "Cheerful Norwegians danced in the streets of Oslo after the vote.", "Norwegians")
            for a in ("blog", "wire", "daily")]
    assert not [f for a in add_naming_cues(same, DEFAULT) for f in a.framing if f.cue == "naming"]
