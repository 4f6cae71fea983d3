"""Which number differences are conflicts a fact-checker would sign, on texts written here.

- a bound on an amount that the other figure meets ("at least 1 million crowns" and "around 50 million
  crowns") is no contradiction: `estimates differ` (or `sources differ` where two named sources give them),
  never `conflict`; a count reported "at least 175 dead" is still the count so far;
- a count of things tied to an earlier dated occasion of the story ("first spotted two of them in 2030" vs
  "discovered three of the planets in 2030") is one measure of that occasion, whatever the verb of finding;
  "two of the planets" of this event stays a part of a count given elsewhere;
- a reason states a duration's ranges in years, not in minutes.
"""

from __future__ import annotations

import pytest

from newsprism.compare.conflicts import bound_met, find_conflicts
from newsprism.records import Quantity
from newsprism.stages.quantities import _event

from .conftest import story_articles


def _fig(text: str, value: float, low: float, high: float, qualifier: str, measure: str = "money: cost",
         **kw: object) -> Quantity:
    base = {"article": "a", "sentence": 0, "start": 0, "end": 1, "text": text, "value": value, "measure": measure,
            "low": low, "high": high, "qualifier": qualifier}
    base.update(kw)
    return Quantity(**base)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- fast: the rule on figures


def test_a_floor_met_by_a_far_higher_estimate_is_no_contradiction() -> None:
    floor = _fig("at least 1 million crowns", 1e6, 0.97e6, 1.5e6, "at_least")
    why = bound_met(floor, _fig("around 50 million crowns", 5e7, 4.6e7, 5.4e7, "about"))
    assert why and "floor" in why and "50-fold" in why
    # a figure below the floor does contradict it
    assert bound_met(floor, _fig("about 500,000 crowns", 5e5, 4.6e5, 5.4e5, "about")) is None
    # a ceiling that the other figure stays under
    ceiling = _fig("up to 50 years", 50, 25, 50.5, "up_to", measure="duration of sentence")
    assert bound_met(ceiling, _fig("10 years", 10, 9.5, 10.5, "exact", measure="duration of sentence"))


def test_a_count_reported_at_least_is_the_count_so_far() -> None:
    """"at least 175 killed" and "381 killed" are two counts (an update or a disagreement), not a bound met."""
    a = _fig("at least 175", 175, 175, 262.5, "at_least", measure="people killed")
    b = _fig("381", 381, 380.5, 381.5, "exact", measure="people killed")
    assert bound_met(a, b) is None


def test_nearly_a_mile_against_more_than_a_mile_still_disagrees() -> None:
    """A floor the other figure does not reach: "greater than a mile" against "nearly a mile"."""
    more = _fig("greater than a mile", 1, 1.609, 2.41, "more_than", measure="length", unit="km")
    nearly = _fig("nearly a mile", 1, 1.448, 1.609, "nearly", measure="length", unit="km")
    assert bound_met(more, nearly) is None


def test_an_opening_year_dates_the_main_clause() -> None:
    def event(text: str, needle: str) -> str:
        return _event(text, 0, len(text), [], "2031", 0, text.index(needle), True)
    assert event("In 2030, Kelda astronomers discovered three planets.", "three") == "2030"
    assert event("Back in May 2030, Kelda astronomers discovered three planets.", "three") == "2030"
    # an opening phrase about another occasion still leaves the main clause's figure to this event
    assert event("Before his capture last year, Ortez slipped into a tunnel 1.5 km long.", "1.5") == "this"


# --------------------------------------------------------------------------- slow: analysis and comparison


def _conflicts(story: dict[str, tuple[str, str]]) -> list[dict[str, object]]:
    from newsprism.stages import analyze_many

    return find_conflicts(analyze_many(story_articles(story)))


COST = {
    "Daily A": ("2031-07-14", "Tunnel Cost Unclear\n\nHow long it took to dig the tunnel under the Marren jail is "
                              "unclear. The dig cost at least 1 million crowns, the newspaper estimated."),
    "Daily B": ("2031-07-16", "Inside the Marren Tunnel\n\nSome 3,000 tonnes of earth were removed. Building the "
                              "tunnel cost around 50 million crowns, the report said."),
}


@pytest.mark.parametrize("figures, label", [
    (("at least 1 million crowns", "around 50 million crowns"), "estimates differ"),
    (("1 million crowns", "around 50 million crowns"), "conflict"),
])
def test_a_bound_met_is_an_estimate_not_a_conflict(figures: tuple[str, str], label: str) -> None:
    story = {k: (d, t.replace("at least 1 million crowns", figures[0]).replace("around 50 million crowns", figures[1]))
             for k, (d, t) in COST.items()}
    costs = [c for c in _conflicts(story) if str(c["measure"]).startswith("money")]
    assert [c["label"] for c in costs] == [label], costs
    if label == "estimates differ":
        assert "both can hold" in str(costs[0]["reason"]) and "50-fold" in str(costs[0]["reason"])


def test_two_named_sources_of_compatible_estimates_differ_as_sources() -> None:
    story = {"Daily A": ("2031-07-14", "Tunnel Cost\n\nThe head of the Marren engineers' college, Ivo Stern, said "
                                       "the dig cost at least 1 million crowns."),
             "Daily B": ("2031-07-16", "Tunnel Cost\n\nA former miner, Oda Brel, said the tunnel cost around 50 "
                                       "million crowns to build.")}
    costs = [c for c in _conflicts(story) if str(c["measure"]).startswith("money")]
    assert len(costs) == 1 and costs[0]["label"] == "sources differ", costs
    assert "both can hold" in str(costs[0]["reason"])


def test_a_durations_reason_is_in_years() -> None:
    story = {"Daily A": ("2031-07-14", "Deal Reached\n\nThe two powers reached a deal on Tuesday to settle a 12-year "
                                       "dispute over the dam."),
             "Daily B": ("2031-07-15", "Dam Deal\n\nThe accord is aimed at resolving a 13-year standoff over the "
                                       "dam, officials said on Tuesday.")}
    found = [c for c in _conflicts(story) if str(c["measure"]).startswith("duration")]
    assert found and "years" in str(found[0]["reason"]) and "e+0" not in str(found[0]["reason"]), found


PLANETS = {
    "Daily A": ("2031-02-22", "Seven Worlds Found Around Dim Star\n\nAstronomers said on Wednesday that seven "
                              "Earth-sized planets orbit the dim star Kelda-9, 40 light-years away. The team's small "
                              "telescope in Chile first spotted two of them in 2030, and larger observatories found "
                              "the other five."),
    "Daily B": ("2031-02-22", "Dim Star Has Seven Planets\n\nSeven rocky planets circle the star Kelda-9, "
                              "astronomers reported on Wednesday. In 2030, the team's telescope in Chile discovered "
                              "three of the planets, and further observations revealed four more."),
    "Daily C": ("2031-02-23", "Astronomers Find Seven Planets\n\nA dwarf star called Kelda-9 hosts seven planets, the "
                              "researchers said. The same team discovered three planets around the star in 2030 with a "
                              "small telescope in Chile."),
}


def test_a_count_of_an_earlier_dated_occasion_is_compared() -> None:
    """How many planets were first found in 2030: two in one outlet, three in two others."""
    found = [c for c in _conflicts(PLANETS) if "2030" in str(c["measure"])]
    assert len(found) == 1, found
    values = sorted(str(v["value"]).strip() for v in found[0]["values"])  # type: ignore[attr-defined]
    assert values == ["three", "three", "two"] and found[0]["label"] == "conflict"


def test_a_part_of_this_events_set_is_not_a_count() -> None:
    """"two of the planets could hold water" and "three of them lie in the habitable zone" are parts of the
    story's seven planets, not counts to compare with each other or with seven."""
    story = {"Daily A": ("2031-02-22", "Seven Worlds\n\nSeven planets orbit the star Kelda-9, astronomers said on "
                                       "Wednesday. Researchers found two of the planets could hold water."),
             "Daily B": ("2031-02-22", "Seven Planets\n\nAstronomers found seven planets around Kelda-9 on Wednesday. "
                                       "Three of them lie in the habitable zone.")}
    assert not [c for c in _conflicts(story) if "planet" in str(c["measure"])]


def test_a_toll_reported_at_least_and_a_later_larger_toll_are_an_update() -> None:
    """The issue's own case: "at least 175" dead one day, 381 two days later, is a rising count to report, not
    a floor the larger count meets."""
    story = {"Daily A": ("2031-08-03", "Quake Kills Scores\n\nThe quake in Lusk killed at least 175 people, officials "
                                       "said on Sunday."),
             "Daily B": ("2031-08-05", "Quake Toll Rises\n\nThe death toll from the quake in Lusk has risen to 381 "
                                       "people, officials said on Tuesday.")}
    found = [c for c in _conflicts(story) if "killed" in str(c["measure"])]
    assert [c["label"] for c in found] == ["updated"], found


@pytest.mark.parametrize("text, shown, measure", [
    # a table quotes the figure as the article words it, its counted noun whole
    ("Police shut down only 313 of the 2,200 polling stations on Sunday.", "313 of the 2,200 polling stations",
     "percent polling stations open"),
    ("The regional government said 73 percent of polling stations were open.", "73", "percent polling stations open"),
    ("He slipped through a passage that led to a nearly mile-long tunnel.", "nearly mile-long", "length"),
    ("He walked nearly a mile underground.", "nearly a mile", "length"),
])
def test_a_figure_is_quoted_as_worded(text: str, shown: str, measure: str) -> None:
    from newsprism.records import Article
    from newsprism.stages import analyze

    found = [(q.text.strip(), q.measure) for q in analyze(Article(id="t", source="t.txt", text=text,
                                                                  published="2031-10-02")).quantities]
    assert found == [(shown, measure)], found


def test_the_synthesis_says_estimates_differ() -> None:
    """The synthesis says two estimates differ, never that reports contradict each other."""
    from newsprism.compare import compare_analyzed
    from newsprism.stages import analyze_many

    said = [s["text"] for s in compare_analyzed(analyze_many(story_articles(COST))).synthesis
            if s.get("kind") == "conflict"]
    assert said and said[0].startswith("Estimates differ on money"), said
