"""The marked-phrase and figure passes (issue 13): a fact two outlets state as a phrase built on one ordinal or
superlative ("the city's first female mayor"), or as one measured figure ("1.2 million" / "1,200,000" marchers),
inside otherwise different sentences, is a corroborated fact cited by the phrase or the unit holding the figure;
another descriptor, a negated predicate or another figure gives none. Texts written here."""

from __future__ import annotations

from newsprism.compare import compare_analyzed
from newsprism.nlp import parse
from newsprism.settings import DEFAULT
from newsprism.stages import analyze_many
from newsprism.stages.claims import marked_spans

from .conftest import story_articles


def _marked(text: str) -> list[tuple[str, str]]:
    doc = parse([text])[0]
    return [(text[a:b], text[m0:m1]) for a, b, m0, m1 in marked_spans(doc[:], 0, len(text), text)]


def test_marked_spans_of_a_sentence() -> None:
    # a noun phrase built on an ordinal, without the relative clause that says more
    assert ("the town's first female mayor", "first") in _marked(
        "The vote ended the career of the town's first female mayor, who had led the council since 2010.")
    # the object of a verb's preposition: the predicate, from the verb to the end of the phrase
    assert any(p.startswith("flooded the old market") and p.endswith("for the third time") for p, _ in _marked(
        "The river flooded the old market on Sunday night for the third time, officials in Orsk said."))
    # a superlative noun phrase with its prepositional phrases
    assert any(p.startswith("the largest rally since the 1989 strikes") and m == "largest" for p, m in _marked(
        "Police called it the largest rally since the 1989 strikes in the capital of the province."))
    # an ordinal that modifies no noun is no marker
    assert _marked("She became the first to resign from the council after the vote on Monday.") == []


def _facts(story: dict[str, tuple[str, str]], kind: str,
           statuses: tuple[str, ...] = ("corroborated", "matched")) -> list[tuple[set[str], list[str]]]:
    """The facts of one pass; the pair verifier's floor is raised out of reach so that the sentences of these short
    stories (whose few words are all rare) are not corroborated whole before the pass is asked. A phrase that names
    no one ("the town's first female mayor") is found as a matched topic, not a corroborated fact (facts11)."""
    c = compare_analyzed(analyze_many(story_articles(story)), DEFAULT.replace(parse_clauses=False, pair_min=0.999,
                                                                              corroborate_min=0.999))
    return [({s["article"] for s in f.support}, [s["text"] for s in f.support])
            for f in c.facts if f.status in statuses and kind in f.reason]


def _mayor(second: str) -> dict[str, tuple[str, str]]:
    return {
        "North Ledger": ("2022-05-10", """Orsk council removes mayor

The council vote on Monday ended the career of the town's first female mayor, who had led Orsk since 2010.

Schools in the valley stayed closed on Tuesday."""),
        "Valley Post": ("2022-05-10", f"""Orsk mayor ousted

{second}

Police closed the bridge over the river for the rest of the week."""),
    }


def test_one_ordinal_phrase_in_two_articles_is_a_fact() -> None:
    facts = _facts(_mayor("Relatives said Orsk's first female mayor would now return to teaching at the village school by the lake."),
                   "marked-phrase pass")
    assert any(len(arts) == 2 and all("first female mayor" in t for t in texts) for arts, texts in facts), facts
    # the phrase asserts nothing and no name is tied to it: a matched topic, never a corroborated fact
    assert not any(all("first female mayor" in t for t in texts) for _, texts in
                   _facts(_mayor("Relatives said Orsk's first female mayor would now return to teaching at the village "
                                 "school by the lake."), "marked-phrase pass", ("corroborated",)))


def test_another_descriptor_with_one_ordinal_is_no_fact() -> None:
    # "first" in both, but one speaks of a mayor and the other of a budget: no shared word outside the marker
    facts = _facts(_mayor("Relatives said Orsk's first annual budget would now return to the village school by the lake."),
                   "marked-phrase pass")
    assert facts == []


def _flood(second: str) -> dict[str, tuple[str, str]]:
    return {
        "North Ledger": ("2022-05-10", """Orsk floods again

The river flooded the old market on Sunday night for the third time, officials in Orsk said.

Schools in the valley stayed closed on Tuesday."""),
        "Valley Post": ("2022-05-10", f"""Orsk river rises

{second}

Police closed the bridge over the river for the rest of the week."""),
    }


def test_a_negated_predicate_with_one_ordinal_is_no_fact() -> None:
    assert _facts(_flood("Stall owners, who lost fruit, fabric and spices worth a fortune, said muddy water flooded the old market for the third time since spring."),
                  "marked-phrase pass")
    assert _facts(_flood("Stall owners, who lost fruit, fabric and spices worth a fortune, said muddy water did not flood the old market for the third time since spring."),
                  "marked-phrase pass") == []


def _march(figure: str) -> dict[str, tuple[str, str]]:
    return {
        "North Ledger": ("2022-05-10", """Orsk march

Some 1.2 million marchers walked along the avenue all afternoon, singing and waving flags.

Schools in the valley stayed closed on Tuesday."""),
        "Valley Post": ("2022-05-10", f"""Orsk protest

Television pictures showed {figure} marchers filling the streets of the capital against the new water law.

Police closed the bridge over the river for the rest of the week."""),
    }


def test_one_figure_in_two_renderings_is_a_fact() -> None:
    facts = _facts(_march("1,200,000"), "figure pass")
    assert any(len(arts) == 2 and any("1.2 million" in t for t in texts) and any("1,200,000" in t for t in texts)
               for arts, texts in facts), facts


def test_another_figure_is_no_fact() -> None:
    assert _facts(_march("1,300,000"), "figure pass") == []
