"""Checked corroboration, clause units and synthesis citations, on texts the tests write.

A small story told by three outlets: one shares a fact as a whole sentence, one as a clause of a longer
sentence, one gives a different figure for the same measure, an earlier event's figure, a wire credit
and a photo caption. The rules: an article supports a fact only when one of its sentences (or clauses)
states it; a different figure, another event or a negation never corroborates; credits and captions are
never stated; every synthesis sentence cites exactly the articles whose spans state it.
"""

from __future__ import annotations


import pytest

from newsprism.compare import compare_analyzed
from newsprism.compare.facts import _clause_spans
from newsprism.compare.verify import claim_event, is_caption, negated_terms, same_figure, strip_credit
from newsprism.records import Claim, Quantity, Value

from .conftest import story_articles

FLOOD = {
    "Harbor Daily": ("2021-03-02", """Floods hit Marren valley

Rescue teams evacuated 1,200 residents from the Marren valley after the river Tolle burst its banks on Monday.

The regional governor, Ilse Kovar, declared a state of emergency for the whole valley.

The Tolle last flooded the valley in 2009, when it destroyed 300 homes.

At least 14 people were injured in the floods, the regional hospital said."""),
    "Valley Courier": ("2021-03-02", """River Tolle bursts its banks

(REUTERS) Heavy rain fell for three days, and rescue teams evacuated 1,200 residents from the Marren valley on Monday.

Governor Ilse Kovar declared a state of emergency for the whole valley on Monday evening.

More than 300 homes were destroyed by the flooding this week, officials said.

ALTERNATIVE CROP OF Rescue workers carry a woman through the water in Marren."""),
    "Plains Herald": ("2021-03-03", """Marren valley under water

About 40 people were injured in the Marren floods, officials said on Tuesday.

Engineers had not inspected the Tolle dykes since the spring, the water authority said.

Local farmers said they lost most of their winter crops to the water."""),
}


@pytest.fixture(scope="module")
def flood():  # type: ignore[no-untyped-def]
    from newsprism.stages import analyze_many

    return compare_analyzed(analyze_many(story_articles(FLOOD)))


def _outlet(c, article_id):  # type: ignore[no-untyped-def]
    return next(a.article.outlet for a in c.articles if a.id == article_id)


def _sentence(c, support):  # type: ignore[no-untyped-def]
    art = next(a for a in c.articles if a.id == support["article"])
    return next(s.text for s in art.sentences if s.i == support["sentence"])


# --------------------------------------------------------------------------- fast: the rules themselves


def test_strip_credit_and_caption():
    assert strip_credit("(REUTERS) Mexican President Enrique Pena Nieto called on Sunday for an inquiry") \
        .startswith("Mexican President")
    assert strip_credit("MEXICO CITY (AP) — Drug lord Joaquin Guzman escaped").startswith("Drug lord")
    assert strip_credit("BARCELONA, Spain — Hundreds of people were injured").startswith("Hundreds")
    assert strip_credit("The U.S. Geological Survey said the quake was shallow") == \
        "The U.S. Geological Survey said the quake was shallow"
    assert is_caption("ALTERNATIVE CROP OF Protesters march through Hong Kong on Sunday")
    assert not is_caption("The EU and the UN will lift sanctions on the country next year")


def test_clause_spans_split_long_sentences_only():
    text = "Heavy rain fell for three days, and rescue teams evacuated 1,200 residents from the valley on Monday."
    pieces = [text[a:b] for a, b in _clause_spans(text, 0, 5)]
    assert pieces == ["Heavy rain fell for three days", "and rescue teams evacuated 1,200 residents from the valley on Monday."]
    assert _clause_spans("Rescue teams evacuated 1,200 residents on Monday.", 0, 5) == []


def _claim(text: str, values: tuple[Value, ...] = ()) -> Claim:
    return Claim(id="a:0", article="a", sentence=0, start=0, end=len(text), text=text, values=values)


def test_negation_must_govern_a_shared_word():
    shared = {"escape", "prison"}
    assert negated_terms(_claim("Guzman did not escape from the prison"), shared) == {"escape"}
    # a "no" elsewhere in the sentence says nothing about the shared fact
    assert negated_terms(_claim("Guzman escaped from the prison, and no guard saw it"), shared) == set()
    assert negated_terms(_claim("There are not three, but seven planets"), {"seven"}) == set()


def test_background_date_is_not_another_event():
    text = "Guzman, the richest trafficker before his capture last year, escaped from the prison on Saturday."
    year = Value(kind="date", value="2014", text="last year", start=text.index("last year"),
                 end=text.index("last year") + 9)
    assert claim_event(_claim(text, (year,)), "2015", text) == "this"
    text = "The 2012 earthquake destroyed 12,000 homes."
    y2012 = Value(kind="date", value="2012", text="2012", start=4, end=8)
    assert claim_event(_claim(text, (y2012,)), "2014", text) == "2012"


def test_same_figure_is_stricter_than_compatible():
    def q(value: float, low: float, high: float) -> Quantity:
        return Quantity(article="a", sentence=0, start=0, end=1, text=str(value), value=value,
                        measure="people injured", low=low, high=high)
    assert same_figure(q(39, 37, 41), q(40, 38, 42), 0.1)  # rounding: one fact
    assert not same_figure(q(38, 38, 60), q(300, 200, 900), 0.1)  # "at least 38" vs "hundreds": two facts


# --------------------------------------------------------------------------- slow: compare on the story


@pytest.mark.slow
def test_clause_of_a_longer_sentence_corroborates(flood):
    evacuated = [f for f in flood.facts if f.status == "corroborated"
                 and all("evacuated 1,200 residents" in s["text"] for s in f.support)]
    assert evacuated, [f.statement for f in flood.facts if f.status == "corroborated"]
    fact = evacuated[0]
    assert {_outlet(flood, a) for a in fact.articles()} == {"Harbor Daily", "Valley Courier"}
    courier = next(s for s in fact.support if _outlet(flood, s["article"]) == "Valley Courier")
    assert "Heavy rain" not in courier["text"]  # the citation points at the clause that states it


@pytest.mark.slow
def test_different_figure_or_earlier_event_never_corroborates(flood):
    for f in flood.facts:
        if f.status != "corroborated":
            continue
        texts = " | ".join(_sentence(flood, s) for s in f.support)  # a clause's whole sentence
        assert not ("At least 14" in texts and "About 40" in texts), texts
        assert not ("2009" in texts and "this week" in texts), texts  # 2009's 300 homes, not this week's


@pytest.mark.slow
def test_synthesis_cites_exactly_the_supporting_articles(flood):
    by_id = {a.id: a for a in flood.articles}
    facts = {f.id: f for f in flood.facts}
    assert flood.synthesis
    for s in flood.synthesis:
        assert "(REUTERS)" not in s["text"] and "ALTERNATIVE CROP" not in s["text"], s["text"]
        assert set(s["citations"]) == {sp["article"] for sp in s["spans"]}, s
        for sp in s["spans"]:  # each citation points at a span of its article
            assert 0 <= sp["start"] < sp["end"] <= len(by_id[sp["article"]].article.text)
        if s["kind"] in ("corroborated", "attributed"):
            # only articles the fact's checked support holds, and at least two of them
            assert set(s["citations"]) <= set(facts[s["fact"]].articles()) and len(s["citations"]) >= 2
        if s["kind"] == "unique":
            assert len(s["citations"]) == 1 and s["text"].startswith("According to ")
    evacuated = [s for s in flood.synthesis if "evacuated 1,200" in s["text"]]
    assert evacuated and "Heavy rain" not in evacuated[0]["text"]  # what one outlet adds is not cited to two
    governor = [s for s in flood.synthesis if "state of emergency" in s["text"]]
    assert governor and {_outlet(flood, a) for a in governor[0]["citations"]} == {"Harbor Daily", "Valley Courier"}


def test_a_statement_whose_subject_is_a_pronoun_is_not_lifted_into_the_synthesis() -> None:
    """Lifted out of its article, "They were warned …" or "That would represent …" says nothing a reader
    can check; a time phrase ("This year …") or a named subject stands alone."""
    from newsprism.compare.synthesis import dangling

    assert dangling("They were warned earlier by the police.")
    assert dangling("Like thousands of residents, they began queuing at dawn.")
    assert dangling("That would represent a turnout of 42 percent.")
    assert not dangling("This year the vote was held in October.")
    assert not dangling("Police fired rubber bullets at voters.")
    assert not dangling("The police said that they would act.")
