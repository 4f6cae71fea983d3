"""Counts tied to an earlier occasion that is given by a relative time or by a noun, on texts written here.

- "a year ago", "18 months ago", "last May" are counted back from the article's date to a year ("last year" was
  already); a figure that is itself the span back ("elected two years ago") stays ``earlier``;
- "in May of 2030" is a date, not a count "of 2030";
- "the announcement (last year) of N things", "the discovery of N things", "reported (a year ago) on N things",
  "the N things discovered last year", "announced N things" count a finding: one measure with "found", "spotted";
- where things were found ("the telescope in Chile") scopes no count: the finding's count has no place;
- a count of this event's things never joins the count of the earlier finding.
"""

from __future__ import annotations

import re

import pytest

from newsprism.compare.conflicts import find_conflicts
from newsprism.stages.quantities import _AGO, _event, _measure, ago_year

from .conftest import story_articles

# --------------------------------------------------------------------------- fast: the rules on sentences


def _ev(text: str, needle: str, published: str = "2031-02-22") -> str:
    return _event(text, 0, len(text), [], published[:4], 0, text.index(needle), True, published)


@pytest.mark.parametrize(("text", "needle", "published", "event"), [
    ("The team reported a year ago on three planets.", "three", "2031-02-22", "2030"),
    ("The team reported two years ago on three planets.", "three", "2031-02-22", "2029"),
    ("The team reported 18 months ago on three planets.", "three", "2031-02-22", "2029"),
    ("The team reported six months ago on three planets.", "three", "2031-02-22", "2030"),
    # six months before an August article is the same year: another occasion, but no other year
    ("The team reported six months ago on three planets.", "three", "2031-08-22", "earlier"),
    ("Three planets were found around the star last May.", "Three", "2031-02-22", "2030"),
    ("Three planets were found around the star last January.", "Three", "2031-02-22", "earlier"),
    ("The telescope first spotted two of these planets in May of 2030.", "two", "2031-02-22", "2030"),
    # the figure that is the span back itself is no count of that year
    ("Rhee was elected two years ago.", "two", "2031-02-22", "earlier"),
    # a count "of 2030" stays a count, not a year
    ("A total of 2030 people marched.", "2030", "2031-02-22", "this"),
])
def test_relative_times_resolve_against_the_article_date(text: str, needle: str, published: str, event: str) -> None:
    assert _ev(text, needle, published) == event


def test_ago_year_counts_back_months_across_a_new_year() -> None:
    m = _AGO.search("two months ago")
    assert m and ago_year(m, "2031-01-15") == "2030"
    assert m and ago_year(m, "2031-03-15") == "2031"


@pytest.mark.parametrize(("sentence", "number"), [
    ("The finding follows the announcement last year of three Earth-size planets around the star.", "three"),
    ("Last year's announcement of three Earth-size planets made headlines.", "three"),
    ("The same team reported a year ago on three planets circling the star.", "three"),
    ("The three Earth-like planets discovered last year are among the seven.", "three"),
    ("The star hosts three Earth-like planets, found in 2030 by a small telescope.", "three"),
])
def test_a_finding_named_by_a_noun_or_reported_on_is_found(sentence: str, number: str) -> None:
    at = re.search(r"\b" + number + r"\b", sentence)
    assert at
    found = _measure("number", "planet", "follow", None, sentence, at.start(), at.end())
    assert found and found[0] == "planet found", found


def test_reported_figures_of_people_and_reports_of_no_finding_keep_their_measure() -> None:
    """"reported on three deaths" counts the dead (a person noun), "report three planets are" nothing new."""
    s = "Officials reported on three deaths in the town."
    at = s.index("three")
    found = _measure("number", "death", "report", None, s, at, at + 5)
    assert found and found[0] == "people killed", found
    s = "The three planets orbit the star closely."
    at = s.index("three")
    assert _measure("number", "planet", "orbit", None, s, at, at + 5)[0] == "planet orbit"  # type: ignore[index]


# --------------------------------------------------------------------------- slow: analysis and comparison


def _conflicts(story: dict[str, tuple[str, str]]) -> list[dict[str, object]]:
    from newsprism.stages import analyze_many

    return find_conflicts(analyze_many(story_articles(story)))


RELATIVE = {
    "Daily A": ("2031-02-22", "Seven Worlds Found Around Dim Star\n\nAstronomers said on Wednesday that seven "
                              "Earth-sized planets orbit the dim star Kelda-9. The Orla telescope in Chile was used to "
                              "first spot two of these exoplanets in May of 2030, and larger observatories found the "
                              "other five."),
    "Daily B": ("2031-02-22", "Dim Star Has Seven Planets\n\nSeven rocky planets circle the star Kelda-9, "
                              "astronomers reported on Wednesday. The finding follows the announcement last year of "
                              "three Earth-size planets around the same star by the Orla team."),
    "Daily C": ("2031-02-23", "Astronomers Find Seven Planets\n\nA dwarf star called Kelda-9 hosts seven planets, the "
                              "researchers said. Astronomers had already found three Earth-like planets around the "
                              "star last year. The same team reported a year ago on three planets around Kelda-9."),
}


def test_counts_of_an_earlier_finding_given_by_relative_times_and_nouns_are_compared() -> None:
    """The first finding of the planets, in 2030: two in one outlet ("in May of 2030"), three in two others ("the
    announcement last year of", "reported a year ago on"); the seven of this event stay apart."""
    found = [c for c in _conflicts(RELATIVE) if str(c["measure"]).startswith("planet found (2030")]
    assert len(found) == 1, found
    values = sorted(str(v["value"]).strip() for v in found[0]["values"])  # type: ignore[attr-defined]
    assert values == ["three", "three", "two"], values
    assert found[0]["label"] == "conflict"


def test_a_this_event_count_never_joins_the_earlier_finding() -> None:
    """Seven planets announced this week, three reported a year ago: two occasions, no conflict."""
    story = {"Daily A": ("2031-02-22", "Seven Worlds\n\nAstronomers announced on Wednesday the discovery of seven "
                                       "planets around the star Kelda-9."),
             "Daily B": ("2031-02-22", "Seven Planets\n\nThe Orla team reported a year ago on three planets around "
                                       "Kelda-9. On Wednesday, astronomers found seven planets there.")}
    found = _conflicts(story)
    assert not [c for c in found if "planet" in str(c["measure"])], found


def test_a_verb_of_finding_before_a_part_counts_it_whatever_the_parse_governs() -> None:
    """"was used to first spot two of these exoplanets": the parse may govern "two" by "use"; the finding verb
    right before the number names the measure."""
    s = "The Orla telescope was used to first spot two of these exoplanets in May of 2030."
    at = s.index("two")
    found = _measure("number", None, "use", None, s, at, at + 3, s, "", "Seven exoplanets orbit the star.")
    assert found and found[0] == "planet found", found


def test_a_compound_number_word_before_ago_is_not_read_in_part() -> None:
    """"Seventy-four years ago" is not "four years ago" (nor is the figure itself a count of that year)."""
    assert _AGO.search("Seventy-four years ago, a battle") is None
    assert _ev("Seventy-four years ago, a naval battle was fought here.", "Seventy") == "earlier"


def test_a_span_back_among_others_stays_earlier() -> None:
    """"probably five years ago, six years ago, we might not …": the figure is one of the spans back, not a count
    of the year another one points to; "won two years ago by 36 points" is the 2029 race."""
    assert _ev("Probably five years ago, six years ago, we might not have had this debate.", "five") == "earlier"
    assert _ev("He won two years ago by 36 percentage points.", "36") == "2029"


def test_an_undated_finding_told_as_before_this_event_is_earlier() -> None:
    """"had previously detected three Earth-like planets" is no count of this week's finding of seven."""
    story = {"Daily A": ("2031-02-22", "Seven Worlds\n\nAstronomers found seven planets around the star Kelda-9, they "
                                       "said on Wednesday."),
             "Daily B": ("2031-02-22", "Seven Planets\n\nAstronomers said on Wednesday that they found seven planets "
                                       "around Kelda-9. The Orla team had previously detected three Earth-like "
                                       "planets around the star.")}
    from newsprism.stages import analyze_many

    analyzed = analyze_many(story_articles(story))
    events = {q.event for a in analyzed for q in a.quantities if q.measure == "planet found" and q.value == 3}
    assert events == {"earlier"}, events
    assert not [c for c in find_conflicts(analyzed) if "planet" in str(c["measure"])]


def test_adjectives_before_the_counted_noun_do_not_hide_it() -> None:
    """"three temperate, Earth-size exoplanets": the noun is the plural after the adjectives, not "temperate"."""
    s = "The finding follows the announcement last year of three temperate, Earth-size exoplanets around the star."
    at = s.index("three")
    found = _measure("number", "temperate", "follow", None, s, at, at + 5)
    assert found and found[0] == "planet found", found
