"""Scare quotes are the writer's distance from words, not a term the sentence mentions or a source's words
(issue 14, session 8): texts the tests write."""

from __future__ import annotations

import pytest

from newsprism.records import Article, Paragraph
from newsprism.settings import DEFAULT, Settings
from newsprism.stages import analyze_many

pytestmark = pytest.mark.slow

TEXTS = {
    "so_called": "Astronomers found three planets orbiting one of the so-called “ultracool” stars in the Milky Way "
                 "on Monday.",
    "compound": "Astronomers found three planets orbiting one of the “ultra-cool dwarf stars” that are common in "
                "the galaxy.",
    "lingo": "The planets “transit” the star, in the lingo of astronomers, blocking some of its light every few days.",
    "according": "The new planets are “potentially habitable worlds”, according to the study published on Wednesday.",
    "study_says": "The study says the new planets are “potentially habitable worlds” with oceans of liquid water.",
    "writer": "The reforms were a “great success” for the region, and the city council approved them on Monday.",
    "single": "The minister insisted the police had behaved “professionally” in carrying out the orders of the judge.",
    "show": "The senator watches “Veep” every week with his family at their home in Texas before the debates.",
}


def _scare(settings: Settings = DEFAULT) -> dict[str, list[str]]:
    arts = [Article(id=k, source=k, text=t, title="Story", outlet=k, paragraphs=(Paragraph(start=0, end=len(t)),))
            for k, t in TEXTS.items()]
    return {a.article.id: [f.text for f in a.framing if f.cue == "scare_quote"]
            for a in analyze_many(arts, settings=settings)}


@pytest.fixture(scope="module")
def scare() -> dict[str, list[str]]:
    return _scare()


def test_term_marked_by_the_sentence_is_no_scare_quote(scare: dict[str, list[str]]) -> None:
    assert scare["so_called"] == []  # the hedge "so-called" is the cue
    assert scare["compound"] == []  # a hyphenated technical compound names a thing
    assert scare["lingo"] == []


def test_words_of_a_study_are_no_scare_quote(scare: dict[str, list[str]]) -> None:
    assert scare["according"] == []
    assert scare["study_says"] == []


def test_the_writers_own_distance_stays_a_scare_quote(scare: dict[str, list[str]]) -> None:
    assert scare["writer"] == ["“great success”"]
    # one word of a speaker's claim, quoted: the writer keeps their distance from it
    assert scare["single"] == ["“professionally”"]


def test_so_called_keeps_its_hedge() -> None:
    t = TEXTS["so_called"]
    a = analyze_many([Article(id="h", source="h", text=t, title="Story", outlet="h",
                              paragraphs=(Paragraph(start=0, end=len(t)),))])[0]
    assert [f.text for f in a.framing if f.cue == "hedge"] == ["so-called"]


def test_a_named_thing_is_no_scare_quote(scare: dict[str, list[str]]) -> None:
    assert scare["show"] == []  # capitalised, not opening the sentence: the title of a show
    assert scare["writer"] == ["“great success”"]  # the writer's own distance stays
