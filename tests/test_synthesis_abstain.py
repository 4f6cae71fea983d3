"""Issue 13, session 11 (synth13): a fact-checker prefers a shorter synthesis to a wrong one. On texts the tests
write: a statement an uncited article may state in other words (the span check can neither accept nor refuse its
best unit) is left out and its fact says why; a unit the check accepts is cited only when it writes the statement's
predicate ("visited the dam" is not "opened the dam"); a paraphrase that writes it is cited."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.compare import compare_analyzed
from newsprism.compare.span_check import predicate_shared
from newsprism.settings import DEFAULT

from .conftest import story_articles
from .test_synthesis_citations import ELECTION

OPENED = "The Hollins dam on the Marren river was opened by Governor Lena Varga on Tuesday after six years of work."


def test_a_span_holds_the_statements_predicate_in_any_form() -> None:
    held, visited, ribbon, high = predicate_shared([
        (OPENED, "Six years of work on the Hollins dam ended on Tuesday when Governor Lena Varga declared it open."),
        (OPENED, "Governor Lena Varga visited the Hollins dam on the Marren river on Tuesday."),
        (OPENED, "On Tuesday Governor Lena Varga cut the ribbon to open the Hollins dam on the Marren river."),
        ("The dam is 40 metres high.", "Engineers said the dam was 40 metres high.")])
    assert held and "open" in held
    assert visited is None  # the same participants doing something else
    assert ribbon and "open" in ribbon
    assert high and "high" in high  # through a light verb: what it carries


def _statements(analyzed: Any, settings: Any, words: str) -> tuple[list[dict[str, Any]], Any]:
    c = compare_analyzed(analyzed, settings)
    return [s for s in c.synthesis if s["kind"] != "conflict" and words in s["text"]], c


@pytest.mark.slow
def test_a_statement_an_uncited_article_may_state_is_left_out_and_its_fact_says_why() -> None:
    """Without the figure rule, “expected to be held within two months” is a unit the span check can neither accept
    nor refuse for “required to hold an election … within 60 days”: the statement is left out, not said citing two
    of the three articles that state it; with the abstention off it is said."""
    from newsprism.stages import analyze_many

    analyzed = analyze_many(story_articles(ELECTION))
    by_outlet = {a.article.outlet: a.id for a in analyzed}
    # the detail check off: it refuses the Plains Herald outright (an expectation is no requirement), see below
    undecided = DEFAULT.replace(synthesis_figure_complete=False, member_details=False)
    said, c = _statements(analyzed, undecided, "60 days")
    assert not said, said
    reasons = [f.reason for f in c.facts if "left out of the synthesis" in f.reason]
    assert reasons and "Plains Herald" in reasons[0] and "synthesis_abstain_min" in reasons[0], reasons
    kept, _ = _statements(analyzed, undecided.replace(synthesis_abstain_min=0.0), "60 days")
    assert len(kept) == 1 and by_outlet["Plains Herald"] not in kept[0]["citations"], kept
    # at the defaults the detail check decides it (session 16, detail23): "expected to be held" states no
    # requirement, so the Plains Herald is not cited for it, the two articles that state it are
    both, _ = _statements(analyzed, DEFAULT, "60 days")
    assert len(both) == 1 and by_outlet["Plains Herald"] not in both[0]["citations"], both
    assert {by_outlet["Harbor Daily"], by_outlet["Valley Courier"]} <= set(both[0]["citations"]), both


@pytest.mark.slow
def test_a_unit_the_check_accepts_is_cited_only_with_the_statements_predicate(monkeypatch: Any) -> None:
    """The span check made to accept every unit: “A new governor's election is expected to be held within two
    months” writes “hold” and is cited for “… required to hold an election … within 60 days” (the reason names the
    predicate); a span that wrote no predicate of the statement would be undecided: the statement left out."""
    from newsprism.compare import synthesis
    from newsprism.stages import analyze_many

    analyzed = analyze_many(story_articles(ELECTION))
    by_outlet = {a.article.outlet: a.id for a in analyzed}
    monkeypatch.setattr(synthesis, "span_checks", lambda pairs: [(0.99, "forced")] * len(pairs))
    settings = DEFAULT.replace(synthesis_figure_complete=False, member_details=False)  # the detail check refuses it
    said, _ = _statements(analyzed, settings, "60 days")
    assert len(said) == 1 and by_outlet["Plains Herald"] in said[0]["citations"], said
    assert "predicate “hold” written in the span" in said[0]["reason"], said[0]["reason"]
    monkeypatch.setattr(synthesis, "predicate_shared", lambda pairs: [None] * len(pairs))
    left, c = _statements(analyzed, settings, "60 days")
    assert not left, left
    assert any("main predicate" in f.reason for f in c.facts), [f.reason for f in c.facts]
    loose, _ = _statements(analyzed, settings.replace(synthesis_complete_predicate=False), "60 days")
    assert len(loose) == 1 and by_outlet["Plains Herald"] in loose[0]["citations"], loose


@pytest.mark.slow
def test_a_statement_citing_a_span_without_its_predicate_that_the_check_doubts_is_left_out(monkeypatch: Any) -> None:
    """The span check made to doubt every span (0.1, under synthesis_cited_predicate_min): a cited span that
    writes the statement's predicate (“required by law to hold an election …”) keeps the statement; were it to
    write none, the statement is left out, its fact naming the cited article; with the rule off it is said."""
    from newsprism.compare import synthesis
    from newsprism.stages import analyze_many

    analyzed = analyze_many(story_articles(ELECTION))
    monkeypatch.setattr(synthesis, "span_checks", lambda pairs: [(0.1, "forced")] * len(pairs))
    said, _ = _statements(analyzed, DEFAULT, "60 days")
    assert len(said) == 1, said  # the predicate is written: the doubt alone does not leave it out
    monkeypatch.setattr(synthesis, "predicate_shared", lambda pairs: [None] * len(pairs))
    left, c = _statements(analyzed, DEFAULT, "60 days")
    assert not left, left
    reasons = [f.reason for f in c.facts if "cited span states it" in f.reason]
    assert reasons and "synthesis_cited_predicate_min" in reasons[0], [f.reason for f in c.facts]
    kept, _ = _statements(analyzed, DEFAULT.replace(synthesis_cited_predicate_min=0.0), "60 days")
    assert len(kept) == 1, kept


@pytest.mark.slow
def test_a_citation_narrowed_past_the_predicate_is_widened_to_its_sentence() -> None:
    """“Governor Ilse Kovar declared a state of emergency … on Monday evening” narrowed to “a state of emergency for
    the whole valley on Monday evening” writes no predicate of the statement: the citation is its sentence, and the
    statement is said (not left out as undecided)."""
    from newsprism.stages import analyze_many

    from .test_compare_facts import FLOOD

    analyzed = analyze_many(story_articles(FLOOD))
    said, c = _statements(analyzed, DEFAULT, "state of emergency")
    assert len(said) == 1, [f.reason for f in c.facts]
    courier = next(a for a in c.articles if a.article.outlet == "Valley Courier")
    cited = [courier.article.text[sp["start"]:sp["end"]] for sp in said[0]["spans"] if sp["article"] == courier.id]
    assert cited and "declared" in cited[0], cited
    assert "widened to its sentence" in said[0]["reason"], said[0]["reason"]


@pytest.mark.slow
def test_a_paraphrase_is_cited_and_the_statement_said_with_every_rule_on() -> None:
    """“Governor Lena Varga cut the ribbon on Tuesday to open the Hollins dam …, completed after six years” states
    “The Hollins dam … was opened by Governor Lena Varga on Tuesday after six years of work”: cited, and nothing
    left undecided; “completed after nine years” is another figure: never cited."""
    from newsprism.stages import analyze_many

    from .test_synthesis_citations import DAM

    analyzed = analyze_many(story_articles(DAM))
    by_outlet = {a.article.outlet: a.id for a in analyzed}
    said, c = _statements(analyzed, DEFAULT, "Hollins dam")
    assert said, [f.reason for f in c.facts]
    assert by_outlet["Plains Herald"] in said[0]["citations"], said[0]
    assert by_outlet["River Post"] not in said[0]["citations"], said[0]
    assert not any("left out of the synthesis" in f.reason for f in c.facts if f.id == said[0]["fact"])
