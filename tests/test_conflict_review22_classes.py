"""Classes of wrong number conflicts an independent reviewer (review22) found on saved web pages of 26 events nobody
had tuned the rules on (all 6 reported conflicts wrong), each rule on texts written here:

- an article that gives several figures of one measure speaks of several things: the other article's figure that
  one of them states is no contradiction ("three putts from within 5 feet" against "four or five putts from inside
  10 feet and three inside five feet"; 199 killed in one crash, 114 in another) — unless the article gives them
  to two named sources (organisers' and police's crowd sizes: the disagreement is the article's own finding);
- a count whose subject names its place ("the number of people killed … in the U.S. dropped from 75 … to 66")
  is that place's count, not the worldwide 965;
- a unit written with its figure ("10mg") is part of the measure: no count of doses against "two doses";
- a figure of things (yards, not people) whose sentences each name people or organisations, none shared, belongs
  to another owner ("Taylor … 1,202 yards rushing" in a season, "The Jaguars rushed for 224 yards" in one game).
"""

from __future__ import annotations

from newsprism.compare.conflicts import find_conflicts

from .conftest import story_articles

FILLER = ("The town council met on Monday evening to discuss the events of the week, and residents said they "
          "hoped for a calm weekend after days of worry in the quiet streets.")


def _conflicts(story: dict[str, tuple[str, str]]) -> list[dict[str, object]]:
    from newsprism.stages import analyze_many

    return find_conflicts(analyze_many(story_articles(story)))


def test_a_figure_the_other_article_also_gives_is_no_conflict() -> None:
    a = "The Kenya Airways crash in May killed 114 people, and the Sao Paulo crash killed 199 people. " + FILLER
    b = "The Sao Paulo crash in July killed almost 200 people, officials said. " + FILLER
    assert _conflicts({"Wire A": ("2008-01-02", a), "Wire B": ("2008-01-02", b)}) == []


def test_a_figure_of_one_thing_among_several_is_no_conflict() -> None:
    a = "Kim said he missed three putts from within 5 feet on Friday. " + FILLER
    b = "Kim said he missed four or five putts from inside 10 feet and three inside five feet. " + FILLER
    assert _conflicts({"Wire A": ("2008-01-18", a), "Wire B": ("2008-01-19", b)}) == []


def test_an_article_that_gives_two_sources_figures_still_shows_the_disagreement() -> None:
    a = ("Organisers said more than one million people joined the march, while police said 240,000 people took "
         "part at its peak. " + FILLER)
    b = "Organisers said more than one million people joined the march on Sunday. " + FILLER
    found = _conflicts({"Wire A": ("2019-06-09", a), "Wire B": ("2019-06-09", b)})
    assert [c["label"] for c in found] == ["sources differ"]


def test_a_players_yards_and_a_teams_yards_are_two_measures() -> None:
    a = ("Taylor, ninth in the league with 1,202 yards rushing, said he prefers grass to the worn turf. " + FILLER)
    b = ("The Jaguars rushed for 224 yards in their win over the Steelers, a record for the stadium. " + FILLER)
    assert _conflicts({"Wire A": ("2008-01-02", a), "Wire B": ("2008-01-02", b)}) == []
    # the same owner named in both: one thing told twice, and the figures disagree
    c = ("Taylor rushed for 224 yards in the win over the Steelers, a record for the stadium. " + FILLER)
    d = ("Taylor rushed for 150 yards in the win over the Steelers, a record for the stadium. " + FILLER)
    assert [x["label"] for x in _conflicts({"Wire A": ("2008-01-02", c), "Wire B": ("2008-01-02", d)})] == ["conflict"]


def test_a_count_whose_subject_names_a_place_is_that_places_count() -> None:
    from newsprism.stages.quantities import count_place

    text = ("However, the number of people killed in airline accidents in the U.S. dropped from 75 in 2006 to 66 "
            "last year, according to a tally.")
    assert [count_place(text, text.index(n), text.index(n) + 2, set()) for n in ("75", "66")] == ["U.S.", "U.S."]
    plain = "However, the number of people killed in airline accidents dropped from 75 in 2006 to 66 last year."
    assert count_place(plain, plain.index("66"), plain.index("66") + 2, set()) is None
    a = "The Aircraft Crashes Record Office said 965 people died in plane crashes in 2007, a drop of a quarter. " + FILLER
    b = text + " " + FILLER
    assert not [c for c in _conflicts({"Wire A": ("2008-01-02", a), "Wire B": ("2008-01-02", b)})
                if "killed" in str(c["measure"])]


def test_a_dose_written_with_its_unit_is_no_count_of_doses() -> None:
    a = ("The agency is requiring a study that will evaluate both 5mg and 10mg doses and include a group of patients "
         "on another treatment. " + FILLER)
    b = ("The agency is requiring a study that will evaluate two doses of the drug and include a group of patients "
         "on another treatment. " + FILLER)
    assert _conflicts({"Wire A": ("2012-11-06", a), "Wire B": ("2012-11-06", b)}) == []
