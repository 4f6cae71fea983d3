"""The rules that decide what a figure measures and when two figures conflict, on texts written here.

Fast tests call the pure rules (places, compound adjectives, replaced figures, events, shares, ranges,
internal checks); the slow ones run a small fictional story through analysis and comparison: a quake in
the made-up country of Valdoria whose toll is told nationally, per province and at a school, whose crowd
is counted by organisers and police, and whose reporters disagree about a tunnel's length.
"""

from __future__ import annotations


import pytest

from newsprism.compare import compare_analyzed
from newsprism.compare.conflicts import same_source
from newsprism.records import Quantity
from newsprism.stages.checks import measured_disagreement
from newsprism.stages.quantities import _event, _share, _SHARE_OF, count_place, not_a_figure, ranges_compatible

from .conftest import story_articles


def _fig(value: float, low: float, high: float, **kw: object) -> Quantity:
    base = {"article": "a", "sentence": 0, "start": 0, "end": 1, "text": str(value), "value": value,
            "measure": "people killed", "low": low, "high": high}
    base.update(kw)
    return Quantity(**base)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- fast: the rules on text


def test_place_scopes_a_count_from_its_sentence():
    text = "The agency said 94 are known dead in Port Arlen, 71 in Tessa state, 43 in Corvin and four in Lusk."
    at = {n: text.index(n) for n in ("94", "71", "43", "four")}
    assert count_place(text, at["94"], at["94"] + 2, set()) == "Port Arlen"
    assert count_place(text, at["71"], at["71"] + 2, set()) == "State of Tessa"
    assert count_place(text, at["43"], at["43"] + 2, set()) == "Corvin"
    assert count_place(text, at["four"], at["four"] + 5, set()) == "Lusk"
    text = "The epicentre lay between the provinces of Tessa and Corvin, where 74 and 45 people were killed, respectively."
    assert count_place(text, text.index("74"), text.index("74") + 2, set()) == "Tessa"
    assert count_place(text, text.index("45"), text.index("45") + 2, set()) == "Corvin"
    text = "The remaining victims were in Lusk (6) and Mora (1)."
    assert count_place(text, text.index("6"), text.index("6") + 1, set()) == "Lusk"
    text = "The state of Tessa, just south of the capital, was hardest hit with 42 deaths."
    assert count_place(text, text.index("42"), text.index("42") + 2, set()) == "State of Tessa"
    text = "At least 25 people, including 21 children, have died at the school."
    assert count_place(text, text.index("25"), text.index("25") + 2, set()) == "the school"


def test_place_is_not_taken_from_another_phrase_or_a_person():
    text = "Several people were injured during the protests in Port Arlen."
    assert count_place(text, 0, 7, set()) is None  # "in Port Arlen" places the protests, not the count
    text = "At least 65 people were killed on Tuesday, officials said."
    assert count_place(text, text.index("65"), text.index("65") + 2, set()) is None
    text = "Marek Lusk reported 94 deaths."
    assert count_place(text, text.index("94"), text.index("94") + 2, {"marek lusk"}) is None


def test_compound_adjectives_and_replaced_figures_are_not_figures():
    text = "The floors of a three-story building fell."
    assert not_a_figure(text, text.index("three"), text.index("three") + 6)  # "three-" as the claims stage reads it
    text = "A 7.1-magnitude quake and a 13-year standoff."
    assert not not_a_figure(text, text.index("7.1"), text.index("7.1") + 3)
    assert not not_a_figure(text, text.index("13"), text.index("13") + 2)
    text = "The agency revised the death toll downward from 248 without explanation."
    assert not_a_figure(text, text.index("248"), text.index("248") + 3)
    text = "Officials raised a previous toll after confirming more 16 deaths in the capital."
    assert not_a_figure(text, text.index("16"), text.index("16") + 2)
    text = "The two victims were injured while marching."
    assert not_a_figure(text, text.index("two"), text.index("two") + 3)  # people named before, not a count
    text = "At least 38 people were injured."
    assert not not_a_figure(text, text.index("38"), text.index("38") + 2)


def test_earlier_events_anchor_their_figures():
    def event(text: str, needle: str, year: str | None = "2031", dated: bool = True) -> str:
        at = text.index(needle)
        return _event(text, 0, len(text), [], year, 0, at, dated)
    assert event("The quake struck 12 days after another major quake hit the south, leaving 98 people dead.",
                 "98") == "earlier"
    assert event("The 2012 earthquake in Lusk killed 81 people.", "81") == "2012"
    assert event("The shock killed at least 273 people in the capital.", "273") == "this"
    # an opening phrase about another event does not mark the main clause's figure
    assert event("Before his capture last year, Ortez slipped into a mile-long tunnel of 1.5 km.", "1.5") == "this"
    # a year that is a start point or a count marks no other event
    assert event("More than 2000 officers watched a crowd of a million.", "million") == "this"
    assert event("It was the biggest march since the 1997 handover, with 1.03 million people.", "1.03") == "this"
    # an undated article's "in 2014 when": its year is only a guess
    assert event("An incident in 2014 when a ferry sank drowning more than 300 people.", "300", "2014",
                 dated=False) == "2014"


def test_share_of_a_stated_whole_reads_the_open_part():
    text = "Police shut down only 313 of the 2,200 polling stations."
    m = next(_SHARE_OF.finditer(text))
    share = _share(m, text)
    assert share is not None
    pct, (low, high), (measure, _, _) = share
    assert measure == "percent polling stations open" and low < pct < high and 85 < pct < 86.5
    text = "Some 40 of the 90 delegates spoke."
    assert _share(next(_SHARE_OF.finditer(text)), text) is None  # a share of nothing open or shut


def test_touching_ranges_disagree_but_points_do_not():
    assert not ranges_compatible(_fig(12, 11.5, 12.5, qualifier="exact"), _fig(13, 12.5, 13.5, qualifier="exact"))
    assert not ranges_compatible(_fig(1, 0.9, 1.0, qualifier="nearly"), _fig(1, 1.0, 1.5, qualifier="more_than"))
    assert ranges_compatible(_fig(2, 2.0, 2.0), _fig(2, 2.0, 3.0))  # "two" vs "at least two"
    assert ranges_compatible(_fig(1, 1.0, 1.0), _fig(1, 0.9, 1.0))  # "a mile" vs "nearly a mile"
    # "at least two" (read as up to 3) and "at least three" can both hold
    assert ranges_compatible(_fig(2, 2.0, 3.0, qualifier="at_least"), _fig(3, 3.0, 4.5, qualifier="at_least"))


def test_source_names_of_one_person_are_one_source():
    assert same_source("Enrique Ortez", "President Enrique Ortez")
    assert same_source("Organisers", "organizers")
    assert not same_source("police", "organisers")


def test_internal_checks_never_compare_across_events_or_sources():
    a = _fig(175, 174.5, 175.5, sentence=1, start=10, end=13)
    b = _fig(81, 80.5, 81.5, sentence=4, start=90, end=92, event="2012")
    assert not measured_disagreement(a, b, "At least 175 people were killed.", "The 2012 quake killed 81 people.")
    c = _fig(6.5, 6.45, 6.55, measure="magnitude", source="CENC")
    d = _fig(6.1, 6.05, 6.15, measure="magnitude", source="USGS", sentence=3)
    assert not measured_disagreement(c, d, "The CENC measured 6.5.", "The USGS said 6.1.")
    e = _fig(1500, 1450, 1550, sentence=2)
    f = _fig(1800, 1790, 1810, sentence=5)
    assert measured_disagreement(e, f, "Some 1,500 people died.", "1,800 people died.")
    assert not measured_disagreement(e, f, "Some 1,500 people died.", "The toll rose to 1,800.")  # an update


# --------------------------------------------------------------------------- slow: a written story end to end

VALDORIA = {
    "Coast Wire": ("2031-04-02", """Valdoria quake kills at least 65

At least 65 people were killed when a 6.8-magnitude quake hit Valdoria on Tuesday, authorities said.

The state of Tessa, just south of the capital, was hardest hit with 42 deaths, according to its governor.

The floors of a three-story school building fell.

The quake struck 12 days after another major quake hit the south, leaving 98 people dead.

Organisers said more than a million people marched in protest, while police said 240,000 people joined the march.

More than a million people marched in the capital."""),
    "Daily Ledger": ("2031-04-05", """Valdoria toll rises

The death toll from the quake has risen to 273, officials said.

Officials said 71 people died in the state of Tessa.

The agency revised the death toll downward from 248 without explanation.

The 2012 earthquake in the same region killed 81 people.

Organisers put the crowd at 1.03 million, but police said about 240,000 people took part.

Hundreds of thousands marched through the capital on Sunday."""),
}


@pytest.fixture(scope="module")
def valdoria():  # type: ignore[no-untyped-def]
    from newsprism.stages import analyze_many

    return compare_analyzed(analyze_many(story_articles(VALDORIA)))


def _number_conflicts(c):  # type: ignore[no-untyped-def]
    return [f.conflict for f in c.facts if f.status == "conflict" and f.conflict and f.conflict["kind"] == "number"]


@pytest.mark.slow
def test_place_scoped_toll_is_its_own_measure(valdoria):
    conflicts = _number_conflicts(valdoria)
    national = next(c for c in conflicts if c["measure"] == "people killed")
    values = {v["value"].strip() for v in national["values"]}
    assert "273" in values and any("65" in v for v in values)
    assert not values & {"42", "71", "98", "81", "248", "three-", "three"}  # province, earlier quakes, replaced, compound
    every = {v["value"].strip() for c in conflicts for v in c["values"]}
    assert not every & {"2012", "2031"}  # a year is never compared with a number
    assert national["label"] == "updated"  # risen to 273, three days later
    tessa = next(c for c in conflicts if "Tessa" in c["measure"])
    assert {v["value"].strip() for v in tessa["values"]} == {"42", "71"}


@pytest.mark.slow
def test_sources_and_outlets_own_voice_are_apart(valdoria):
    crowd = [c for c in _number_conflicts(valdoria) if c["measure"].startswith("people in the crowd")]
    by_label = {c["label"]: c for c in crowd}
    assert "sources differ" in by_label
    named = by_label["sources differ"]
    assert {v["source"] for v in named["values"]} >= {"Organisers", "police"}
    assert all("Hundreds" not in v["value"] for v in named["values"])  # the outlet's own figure is not a source's
    own = next(c for c in crowd if "own voice" in c["measure"])
    assert {v["source"] for v in own["values"]} == {None} and len({v["article"] for v in own["values"]}) == 2


@pytest.mark.parametrize("text,lengths", [
    ("The tunnel ran more than 1.5 km (1 mile) from the prison to a house.", 1),
    ("Guards missed a mile-long (1.6 kilometer-long) tunnel under the cell.", 1),
    ("The tunnel ran 1.5 km (about 1 mile) to a half-built house.", 1),
    ("The new tunnel is 1.5 km long (the old one ran 4 km) under the valley.", 2),
    ("The tunnel ran 1.5 km and a second one 1 mile under the valley.", 2),
])
def test_a_figure_restated_in_other_units_in_parentheses_is_one_value(text: str, lengths: int) -> None:
    """"more than 1.5 km (1 mile)" is one length told twice, never a 1.5 km vs 1 mile disagreement; a
    parenthesis that gives another figure, or two figures joined by "and", are two values."""
    from newsprism.records import Article
    from newsprism.stages import analyze

    found = [q for q in analyze(Article(id="t", source="t.txt", text=text)).quantities if q.unit == "km"]
    assert len(found) == lengths, found


@pytest.mark.parametrize("sentence, figure, source", [
    # the source is the head of the speaker phrase, stated in full
    ("In a call with reporters, a former employee of Jon Harker estimated the cost at around 50 million crowns.",
     "around 50 million", "a former employee of Jon Harker"),
    ("By nightfall the Marren Department of Health reported that nearly 900 people had been hurt.",
     "nearly 900", "the Marren Department of Health"),
    # a value's source is a person, agency, body or outlet, never a noun like "injuries"
    ("At least two people died as protesters filled the streets; injuries also reported.", "At least two", None),
    # the subject of the verb of saying above the figure, not another name in the sentence
    ("As regional health officials announced that the number of people hurt had risen to over 760, Prime Minister "
     "Ada Lind said the vote was illegal.", "over 760", "regional health officials"),
    ("Officials said at least 40 people were killed in Marren.", "at least 40", "Officials"),
])
def test_a_values_source_is_read_on_the_analysis_parse(sentence: str, figure: str, source: str | None) -> None:
    """The quantities stage stores the checked source on the quantity; compare reads it and parses nothing."""
    from newsprism.records import Article
    from newsprism.stages import analyze

    a = analyze(Article(id="t", source="t.txt", text=sentence))
    q = next(q for q in a.quantities if figure in q.text or q.text.strip() in figure)
    assert q.source == source


def test_conflicts_parse_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two sources' disputed figures: the table shows the sources stored at analysis time; no parse in compare."""
    from newsprism import nlp
    from newsprism.compare.conflicts import find_conflicts
    from newsprism.records import Article
    from newsprism.stages import analyze_many

    arts = analyze_many([
        Article(id="a", source="a.txt", text="Marren police said at least 40 people were killed in the quake."),
        Article(id="b", source="b.txt", text="The Marren Red Cross said nearly 90 people were killed in the quake.")])
    calls: list[object] = []
    real = nlp.parse
    monkeypatch.setattr(nlp, "parse", lambda *args, **kw: calls.append(args) or real(*args, **kw))
    found = find_conflicts(arts)
    assert not calls
    assert found and sorted(v["source"] for v in found[0]["values"]) == ["Marren police", "the Marren Red Cross"]


@pytest.mark.parametrize("lemma, speaks", [
    ("injury", False), ("death", False), ("home", False),  # the learned table: never a source in PolNeAR
    ("employee", True), ("survey", True), ("official", True),
    ("quake", False), ("rescuer", True),  # not covered: the person/body lists and agentive endings
])
def test_one_who_can_speak_list(lemma: str, speaks: bool) -> None:
    from newsprism.stages.sources import can_speak

    assert can_speak(lemma) is speaks


@pytest.mark.parametrize("text, figure, measure, place", [
    # a count with its noun elided after a list's first count takes that count's measure and its own place
    ("A spokesman said 90 are known dead in Valdor City, 61 in Marren state and 12 in Osk.", "61", "people killed",
     "State of Marren"),
    ("A spokesman said 90 are known dead in Valdor City, 61 in Marren state and 12 in Osk.", "12", "people killed",
     "Osk"),
    ("Officials said the death toll was at 207 by Tuesday morning — more than 90 in Valdor City alone.",
     "more than 90", "people killed", "Valdor City"),
])
def test_an_elided_count_takes_the_measure_of_the_count_before_it(text: str, figure: str, measure: str,
                                                                   place: str) -> None:
    from newsprism.records import Article
    from newsprism.stages import analyze

    a = analyze(Article(id="t", source="t.txt", text=text, published="2017-09-20"))
    q = next(q for q in a.quantities if q.text.strip() == figure)
    assert (q.measure, q.place) == (measure, place)


@pytest.mark.parametrize("text, figure", [
    ("Rescuers searched 40 buildings on Monday; 12 in Valdor City were empty.", "12"),  # a clause apart
    ("The firm sold 12 in Valdor City last year.", "12"),  # no count before it: no measure is invented
])
def test_an_elided_count_never_gets_an_invented_measure(text: str, figure: str) -> None:
    from newsprism.records import Article
    from newsprism.stages import analyze

    a = analyze(Article(id="t", source="t.txt", text=text, published="2017-09-20"))
    assert not any(q.text.strip() == figure and q.measure.endswith("killed") for q in a.quantities)
    assert not any(q.text.strip() == figure and "elided" in q.reason for q in a.quantities)


def test_a_vague_amount_counts_the_plural_noun_its_modifier_qualifies() -> None:
    """"dozens of prison employees": the table shows the whole phrase and counts employees, not "prison"."""
    from newsprism.records import Article
    from newsprism.stages import analyze

    a = analyze(Article(id="t", source="t.txt", text="The attorney general said dozens of prison employees were "
                                                     "being questioned."))
    q = next(q for q in a.quantities if q.qualifier == "vague")
    assert (q.text, q.noun) == ("dozens of prison employees", "employee")


def test_an_age_is_stated_in_years_and_conflicts_with_another_age() -> None:
    """Session 7's independent reviewer: "37-year" read as 37 years in minutes (1.9e7–1.97e7) in the reason."""
    from newsprism.stages import analyze_many

    story = {"Daily A": ("2014-02-20", "Founder Joins Board\n\nThe 37-year-old founder, Jan Doe, will join the "
                                       "board of Acme after the sale of his firm for $2 billion."),
             "Daily B": ("2014-02-20", "Founder Joins Board\n\nThe founder, Jan Doe, 38, will join the board of "
                                       "Acme after the $2 billion sale of his firm.")}
    analyzed = analyze_many(story_articles(story))
    ages = [q for a in analyzed for q in a.quantities if q.measure.startswith("age of")]
    assert {q.text for q in ages} >= {"37-year-old"}
    assert all(q.unit is None and q.high is not None and q.high < 100 for q in ages)


def test_an_addition_or_a_rate_is_another_measure_than_the_total():
    from newsprism.stages.quantities import _change

    def at(text: str, figure: str) -> tuple[str, str] | None:
        start = text.index(figure)
        return _change(text, start, start + len(figure), len(text))

    assert at("Chatwell has 320 million users and signs up about one million more every day.", "one million") \
        == ("per day", "a rate (“every day” after the figure)")
    assert at("Officials said 40 people a week were crossing the border.", "40")[0] == "per week"
    assert at("The army sent another 2,000 troops to the valley.", "2,000")[0] == "added"
    assert at("Rescuers found 12 more bodies under the rubble.", "12")[0] == "added"
    assert at("At least 175 people were killed, officials said.", "175") is None  # the total
    assert at("More than 380 people died, a day after the quake struck.", "380") is None  # "a day after": a time
    assert at("The toll rose to more than 380 people.", "380") is None  # "more than" before: a qualifier


@pytest.mark.slow
def test_a_daily_rise_never_conflicts_with_the_total():
    from newsprism.stages import analyze_many

    story = {outlet: ("2021-05-12", f"Chatwell deal\n\nChatwell has 320 million monthly users{tail}.\n\n{extra}")
             for outlet, tail, extra in (
                 ("Harbor Daily", " and signs up about one million more every day", "Analysts called the price steep."),
                 ("Valley Courier", ", the company said", "The deal needs approval from regulators."),
                 ("Plains Herald", " and adds one million more each day", "Its founders will join the board."))}
    c = compare_analyzed(analyze_many(story_articles(story)))
    measures = {q.measure for a in c.articles for q in a.quantities}
    assert any(m.endswith(" per day") for m in measures), measures
    assert not [f for f in c.facts if f.status == "conflict"], [f.conflict for f in c.facts if f.conflict]


def test_a_light_verb_duration_or_share_is_no_measure_to_dispute() -> None:
    """PolNeAR (session 13): "Only six years earlier, he was …" against "It's going to be a long eight months", and
    an unemployment rate against a state's share of white residents, were reported as conflicts ("duration of be",
    "percent be"): with no noun of what lasted or what is shared, nothing is measured twice."""
    from newsprism.compare.conflicts import too_vague

    assert too_vague("duration of be") and too_vague("percent be") and too_vague("percent have")
    assert not too_vague("duration of dispute") and not too_vague("percent polling stations open")
    assert not too_vague("people killed") and not too_vague("percent win")


WON = {
    "Harbor Daily": ("2016-02-02", """Caucus night

Senator Ted Crane won the Iowa caucuses on Monday night with 28 percent of the vote.

Former governor Mike Hale won just 3 percent."""),
    "Valley Courier": ("2016-02-02", """Crane wins Iowa

Senator Ted Crane won the Iowa caucuses on Monday, beating the businessman Don Tramp.

Among moderate voters, Tramp won 19 percent."""),
}


@pytest.mark.slow
def test_two_shares_of_different_holders_are_no_conflict() -> None:
    """"Hale won just 3 percent" and "Tramp won 19 percent": a share with no noun of what it is a share of belongs to
    its sentence's subject; two such figures conflict only when their sentences name the same someone."""
    from newsprism.stages import analyze_many

    comparison = compare_analyzed(analyze_many(story_articles(WON)))
    shares = [f for f in comparison.facts if f.status == "conflict" and (f.conflict or {}).get("kind") == "number"
              and "percent" in str((f.conflict or {}).get("measure"))]
    assert not shares, [f.conflict for f in shares]
