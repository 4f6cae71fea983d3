"""A fact's member that writes the statement's figure is cited (issue 13, session 9): the synthesis' figure check
reads the number a statement's words write ("240,000", "some 90" → 90), not the low end of the range those words
allow (240,000 reads 235,000–245,000); another figure, or the same number with a range that cannot hold with the
statement's, is still refused. Texts and figures written by the tests."""

from __future__ import annotations

import pytest

from newsprism.compare import compare_analyzed
from newsprism.compare.synthesis import _unsupported, _written
from newsprism.records import AnalyzedArticle, Article, Claim, Comparison, Quantity, Sentence
from newsprism.settings import DEFAULT

from .conftest import story_articles

STATED = "Police said 240,000 people marched through Marrowby on Sunday."


def _story(member_text: str, figure: str, low: float, high: float, qualifier: str) -> tuple[Comparison, Claim, Claim]:
    """Two articles: the statement's (its figure read as the quantities stage reads "240,000": 235,000–245,000, one
    measure) and a member's, whose figure the stage read under another measure name (``figure`` at ``low``–``high``)."""
    a_text, b_text = STATED, member_text
    q_at = a_text.index("240,000")
    qa = Quantity(article="a", sentence=0, start=q_at, end=q_at + 7, text="240,000", value=240000.0,
                  measure="people marched", low=235000.0, high=245000.0, qualifier="exact")
    b_at = b_text.index(figure)
    qb = Quantity(article="b", sentence=0, start=b_at, end=b_at + len(figure), text=figure, value=(low + high) / 2,
                  measure="people on the march", low=low, high=high, qualifier=qualifier)
    arts = []
    for aid, text, q in (("a", a_text, qa), ("b", b_text, qb)):
        arts.append(AnalyzedArticle(article=Article(id=aid, source=f"{aid}.txt", text=text, outlet=f"Outlet {aid}"),
                                    sentences=(Sentence(i=0, start=0, end=len(text), text=text),),
                                    quantities=(q,)))
    c = Comparison(articles=tuple(arts), facts=(), omissions={}, quotes=(), sources={}, framing={}, synthesis=(),
                   alignments=())
    best = Claim(id="a:0", article="a", sentence=0, start=0, end=len(a_text), text=a_text)
    member = Claim(id="b:0", article="b", sentence=0, start=0, end=len(b_text), text=b_text)
    return c, best, member


def test_the_number_a_figure_writes_not_its_range() -> None:
    q = Quantity(article="a", sentence=0, start=0, end=7, text="some 90", value=90.0, measure="percent vote",
                 low=82.8, high=97.2, qualifier="about")
    assert _written(q) == {90.0}
    assert _written(Quantity(article="a", sentence=0, start=0, end=4, text="Four", value=4.0, measure="people killed",
                             low=4.0, high=4.0)) == {4.0}
    assert _written(Quantity(article="a", sentence=0, start=0, end=19, text="about 2.25 million", value=2250000.0,
                             measure="people back")) == {2.25}


@pytest.mark.parametrize("member_text, figure, low, high, qualifier, cited", [
    # the same figure, an estimate's wider range around it: it states the statement's figure
    ("An estimated 240,000 people were on the march in Marrowby on Sunday, police said.", "An estimated 240,000",
     223000.0, 257000.0, "about", True),
    # another figure for the crowd: never cited
    ("An estimated 24,000 people were on the march in Marrowby on Sunday, police said.", "An estimated 24,000",
     22300.0, 25700.0, "about", False),
    # the same number under a qualifier whose range cannot hold with the statement's: never cited
    ("Fewer than 240,000 people were on the march in Marrowby on Sunday, police said.", "Fewer than 240,000",
     200000.0, 230000.0, "less_than", False),
])
def test_a_member_writing_the_statements_figure_is_cited_and_another_figure_never(
        member_text: str, figure: str, low: float, high: float, qualifier: str, cited: bool) -> None:
    c, best, member = _story(member_text, figure, low, high, qualifier)
    why = _unsupported(c, best, STATED, member, DEFAULT)
    assert (why is None) is cited, why


HK: dict[str, tuple[str | None, str]] = {
    "Harbor Daily": ("2021-06-09", """Marrowby march

Hundreds of thousands of people marched through Marrowby on Sunday against the new ferry tax.

The police said at its peak there were 240,000 people on the march."""),
    "Valley Courier": ("2021-06-09", """Marrowby protest

Crowds filled the streets of Marrowby on Sunday to protest against the ferry tax.

A police spokesperson estimated 240,000 people were on the march “at its peak”."""),
}


@pytest.mark.slow
def test_a_police_estimate_written_with_the_same_figure_is_cited_by_the_analysis() -> None:
    """End to end on the analysis: the police figure both articles give is stated, citing both."""
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(HK)))
    stated = [s for s in c.synthesis if "240,000" in s["text"] and s["kind"] in ("corroborated", "attributed")]
    assert stated, [s["text"] for s in c.synthesis]
    assert len(stated[0]["citations"]) == 2, stated[0]
