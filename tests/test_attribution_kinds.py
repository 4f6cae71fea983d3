"""Session-6 quote error classes found by an independent reviewer on real news, each on text the tests write:
a span running through a page break, a qualified title resolved to another holder, a non-agent noun made a
speaker, data that "showed" something and a court's act taken as someone's words."""

from __future__ import annotations

import pytest

from newsprism.stages import analyze
from newsprism.stages.entities import Role
from newsprism.stages.quotes import find_spans
from newsprism.stages.sources import is_agent, is_finding_source, source_rate

from .conftest import make_article


def _analyze(text: str):  # type: ignore[no-untyped-def]
    return analyze(make_article(text))


def _with(quotes, fragment):  # type: ignore[no-untyped-def]
    return [q for q in quotes if fragment in q.text]


# --- spans: a quote opened again before it was closed


def test_unclosed_quote_stops_at_a_broken_word_not_at_the_next_quotes_close():
    para = ("“The river will rise by morning, and the road may close. People should leave and take the "
            "bridge to hiVarga said the water came faster than in 2010. “We are ready for it.”")
    spans = find_spans(para, [(0, len(para))])
    first = para[spans[0].start:spans[0].end]
    assert first.endswith("take the bridge to")
    assert "Varga said" not in first
    assert para[spans[1].start:spans[1].end] == "We are ready for it."


def test_unclosed_quote_without_a_broken_word_ends_at_its_last_sentence():
    para = "“The levee held for a week. Then it gave way and the water came in “We lost everything.”"
    spans = find_spans(para, [(0, len(para))])
    assert para[spans[0].start:spans[0].end] == "The levee held for a week."
    assert spans[0].close_at is None
    assert para[spans[1].start:spans[1].end] == "We lost everything."


def test_nested_single_marks_and_a_closed_quote_are_unchanged():
    para = "“She said ‘never again’ and left,” Baker said. “That was the end.”"
    spans = find_spans(para, [(0, len(para))])
    assert [para[s.start:s.end] for s in spans] == ["She said ‘never again’ and left,", "That was the end."]


# --- speaker choice: an acting or former holder is another person


def test_qualified_titles():
    assert Role("president", None, "the nation's acting president").qualifiers == {"acting"}
    assert Role("president", None, "ex-president").qualifiers == {"ex"}
    assert not Role("president", None, "President").qualifiers


@pytest.mark.slow
def test_acting_president_is_not_the_former_president_named_nearby():
    qs = _analyze("Court Removes Leader\n\nThe court removed President Anna Lind on Friday.\n\n"
                  "The nation's acting president is calling for calm and unity as the former President Anna Lind "
                  "packs her bags.").quotes
    calls = _with(qs, "calm and unity")
    assert calls, [q.text for q in qs]
    assert all(q.speaker != "Anna Lind" for q in calls)


# --- speakers must be agents (learned from PolNeAR sources)


def test_source_table_separates_agents_from_events():
    assert not is_agent("injury") and not is_agent("death")
    for noun in ("official", "spokesman", "poll", "court", "government", "statement"):
        assert is_agent(noun), noun
    rate = source_rate("official")
    assert rate is not None and rate.source > 0


@pytest.mark.slow
def test_injuries_reported_is_no_speaker():
    qs = _analyze("Storm Hits Coast\n\nTwo boats sank as the storm reached the harbour; injuries also reported. "
                  "The mayor said the harbour would reopen on Monday.").quotes
    assert not [q for q in qs if q.speaker and "injur" in q.speaker.lower()]
    assert any(q.speaker and "mayor" in q.speaker.lower() for q in qs if q.kind == "reported")


# --- findings and decisions: attributions that are no one's words


def test_data_nouns_are_finding_sources():
    assert is_finding_source("survey") and is_finding_source("poll")
    assert not is_finding_source("official") and not is_finding_source("court")


@pytest.mark.slow
def test_survey_showed_is_a_finding_and_an_official_said_is_reported():
    qs = _analyze("Vote Ahead\n\nSurveys before the vote showed that 60 per cent of voters backed the plan. "
                  "A city official said that the count would start at noon.").quotes
    survey = _with(qs, "60 per cent")
    assert survey and survey[0].kind == "finding" and "finding:" in survey[0].rule
    official = _with(qs, "count would start")
    assert official and official[0].kind == "reported"


@pytest.mark.slow
def test_court_confirming_an_act_is_a_decision_not_a_quote():
    qs = _analyze("Ruling Day\n\nThe Supreme Court today confirmed the dismissal of Governor Tom Reed, ending "
                  "months of dispute. Reed said that he would appeal the ruling in every court.").quotes
    court = _with(qs, "dismissal of Governor")
    assert court and court[0].kind == "decision" and "decision:" in court[0].rule
    reed = _with(qs, "would appeal")
    assert reed and reed[0].kind == "reported" and reed[0].speaker == "Tom Reed"
