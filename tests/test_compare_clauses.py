"""The clause pass (issue 13): a fact two outlets share in one clause of longer, otherwise different sentences is
a corroborated fact cited by the clause spans; the precision guards hold at clause level (another figure of the
same measure, an earlier event). Texts written here."""

from __future__ import annotations

import pytest

from newsprism.compare import compare_analyzed
from newsprism.settings import DEFAULT

from .conftest import story_articles

DAM = {
    "North Ledger": ("2022-05-10", """Dam fails in Orsk

Farmers in the lower valley who had planted wheat and barley only weeks ago lost their entire winter harvest and most of their livestock after the old dam at Orsk collapsed during the storm on Monday night.

The regional council met on Tuesday to discuss compensation for the farmers.

Schools in the valley stayed closed on Tuesday."""),
    "Valley Post": ("2022-05-10", """Orsk dam collapses

The old dam at Orsk collapsed during the storm on Monday night while engineers from the national water authority were still inspecting the spillway and the cracked northern embankment.

Residents of three villages were told to stay indoors.

Police closed the bridge over the river for the rest of the week."""),
}

HOMES = {
    "North Ledger": ("2022-05-10", """Storm in Orsk

Residents gathered in the town hall on Tuesday after the storm destroyed 40 homes in Orsk on Monday night.

The regional council met on Tuesday to discuss compensation."""),
    "Valley Post": ("2022-05-10", """Orsk storm

The storm destroyed 400 homes in Orsk on Monday night while engineers were still inspecting the dam.

Police closed the bridge over the river for the rest of the week."""),
    "South Gazette": ("2022-05-10", """Orsk again

The storm destroyed 40 homes in Orsk in 2009 while the dam was still being built, the mayor recalled.

Police closed the bridge over the river for the rest of the week."""),
}


def test_parse_clauses_of_a_sentence() -> None:
    from newsprism.nlp import parse
    from newsprism.stages.claims import clause_spans

    text = ("Farmers in the lower valley lost their winter crops after the old dam at Orsk collapsed during the storm "
            "on Monday night, and the council, which met on Tuesday, promised compensation.")
    doc = parse([text])[0]
    pieces = [text[a:b] for a, b in clause_spans(doc[:], 0, len(text))]
    assert "after the old dam at Orsk collapsed during the storm on Monday night" in pieces, pieces
    assert all(len(p) < len(text) for p in pieces)
    # no piece is cut before its object ("… the dam at")
    assert not any(p.split()[-1] in ("at", "the", "of", "which", "and") for p in pieces), pieces


def _dam_facts(settings):  # type: ignore[no-untyped-def]
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(DAM)), settings)
    return c, [f for f in c.facts if f.status == "corroborated"]


@pytest.mark.slow
def test_a_clause_shared_inside_longer_sentences_corroborates() -> None:
    c, facts = _dam_facts(DEFAULT.replace(parse_clauses=True))
    dam = [f for f in facts if all("dam at Orsk collapsed" in s["text"] for s in f.support)]
    assert dam, [f.statement for f in facts]
    outlets = {a.article.outlet for a in c.articles if a.id in dam[0].articles()}
    assert outlets == {"North Ledger", "Valley Post"}
    # cited by the clauses, not by the sentences' other parts
    assert not any("winter crops" in s["text"] or "spillway" in s["text"] for s in dam[0].support), dam[0].support
    # without the clause pass neither sentence corroborates the other
    _, without = _dam_facts(DEFAULT.replace(parse_clauses=False))
    assert not [f for f in without if all("dam at Orsk collapsed" in s["text"] for s in f.support)]


@pytest.mark.slow
def test_the_clause_pass_keeps_the_figure_and_event_guards() -> None:
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(HOMES)), DEFAULT.replace(parse_clauses=True))
    outlet = {a.id: a.article.outlet for a in c.articles}
    for f in c.facts:
        if f.status != "corroborated":
            continue
        texts = " | ".join(s["text"] for s in f.support)
        assert not ("40 homes" in texts and "400 homes" in texts), texts  # another figure of the same measure
        assert not ("2009" in texts and "Monday night" in texts), texts  # an earlier event
        assert len({outlet[s["article"]] for s in f.support}) >= 2
