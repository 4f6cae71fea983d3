"""Synthesis sentences a reader understands alone (issue 13, review22/review22c's "not understandable alone" class),
each rule on texts written here:

- a conflict line says what its figures measure, read on the parse of each value's sentence: the tunnel whose
  length the reports give ("a tunnel 1.5 km long", "the tunnel was 2.5 km long"), the school at which the children
  counted died (not the quake's toll); a size whose sentences name no one thing is no synthesis line (it stays in
  the conflicts);
- an "it" whose only candidate in the sentence holds it in its own modifier ("any measure to block it") or is a
  person ("Obama said he …") stands for something an earlier sentence named: the sentence is left out;
- a bare name two people of the event share ("Lee": a company heir and a judge) does not say who is meant.
"""

from __future__ import annotations

from newsprism.compare import compare_analyzed
from newsprism.compare.synthesis import bare_shared_name, unresolved_reference

from .conftest import story_articles

FILLER = ("The town council met on Monday evening to discuss the events of the week, and residents said they "
          "hoped for a calm weekend after days of worry in the quiet streets.")


def _conflict_lines(story: dict[str, tuple[str, str]]) -> list[dict[str, object]]:
    from newsprism.stages import analyze_many

    comparison = compare_analyzed(analyze_many(story_articles(story)))
    return [s for s in comparison.synthesis if s["kind"] == "conflict"]


def test_a_length_conflict_names_the_tunnel() -> None:
    a = ("The drug lord escaped through a tunnel 1.5 km long that ended at a house near the prison, officials "
         "said on Sunday. " + FILLER)
    b = "Investigators said the tunnel was 3 km long and had lights and air vents. " + FILLER
    lines = _conflict_lines({"Wire A": ("2015-07-12", a), "Wire B": ("2015-07-13", b)})
    assert len(lines) == 1
    assert "length of the tunnel" in str(lines[0]["text"]), lines[0]["text"]
    assert lines[0]["subject"] == "the tunnel"


def test_a_schools_deaths_are_not_the_quakes_toll() -> None:
    # the quantities stage reads no place in either ("including 21 children", "found 30 dead children"): the
    # scope is the clause's ("have died at the school", "among the ruins of the Rebsamen school")
    a = "At least 25 people, including 21 children, have died at the school, the education minister said. " + FILLER
    b = "Among the ruins of the Rebsamen school, soldiers found 30 dead children, the president said. " + FILLER
    lines = _conflict_lines({"Wire A": ("2017-09-20", a), "Wire B": ("2017-09-20", b)})
    assert len(lines) == 1
    text = str(lines[0]["text"])
    assert "children killed at the Rebsamen school" in text, text


def test_a_cost_conflict_names_what_it_is_the_cost_of() -> None:
    a = "The tunnel cost at least $1 million to build, officials said. " + FILLER
    b = "An engineer estimated that the tunnel cost around $50 million. " + FILLER
    lines = _conflict_lines({"Wire A": ("2015-07-12", a), "Wire B": ("2015-07-16", b)})
    assert len(lines) == 1
    assert "the cost of the tunnel" in str(lines[0]["text"]), lines[0]["text"]


def test_a_size_whose_sentences_name_nothing_is_no_synthesis_line() -> None:
    # read alone, "Reports differ on length" says nothing a reader can check: the conflict stays in the
    # comparison's conflicts (each value with its sentence), not in the synthesis
    from newsprism.stages import analyze_many

    a = "Officials said its length is more than 1.5 km from end to end. " + FILLER
    b = "The engineer said that its length is about 3 km from end to end. " + FILLER
    comparison = compare_analyzed(analyze_many(story_articles(
        {"Wire A": ("2015-07-12", a), "Wire B": ("2015-07-16", b)})))
    assert [f for f in comparison.facts
            if f.status == "conflict" and f.conflict and f.conflict.get("kind") == "number"]
    assert not [s for s in comparison.synthesis if s["kind"] == "conflict"]


def test_it_with_no_antecedent_is_left_out() -> None:
    assert unresolved_reference("Obama said he would veto any measure to block it.") is not None
    assert unresolved_reference("The bill that funds it passed the Senate on Monday.") is not None
    # an antecedent in the sentence: kept
    assert unresolved_reference("Apple said it would cut 300 jobs in Ireland.") is None
    assert unresolved_reference("The company said it would cut 300 jobs.") is None


def test_a_surname_two_people_share_is_not_used_alone() -> None:
    event = {"Lee Jae-yong", "Lee Jung-mi", "Park Geun-hye", "Lee"}
    assert bare_shared_name("Lee's trial for bribery began on Thursday.", event,
                            [{"Lee"}, {"Lee Jae-yong", "Lee Jung-mi"}]) is not None
    assert bare_shared_name("According to CelebCafe, Lee's trial for bribery began on Thursday.", event,
                            [{"Lee"}]) is not None
    # the full name said, or every cited article naming one Lee, the same: who is meant is known
    assert bare_shared_name("Former Rep. Jesse Jackson Jr. pleaded guilty.", {"Jesse Jackson Jr.", "Michael Jackson",
                                                                               "Jesse Jackson"}, [set()]) is None
    assert bare_shared_name("Lee Jae-yong's trial for bribery began on Thursday.", event, [{"Lee"}]) is None
    assert bare_shared_name("Lee's trial for bribery began on Thursday.", event,
                            [{"Lee Jae-yong"}, {"Lee Jae-yong", "Park Geun-hye"}]) is None
    # one person's name in two spellings is one person
    assert bare_shared_name("Park's impeachment was upheld.", {"Park Geun-hye", "Park Guen-hye"},
                            [{"Park Geun-hye", "Park Guen-hye"}]) is None


def test_a_bare_definite_subject_is_not_stated_alone() -> None:
    from newsprism.compare.synthesis import definite_subject

    assert definite_subject("The office tracks all aviation accidents in which planes are damaged beyond repair.",
                            frozenset()) is not None
    assert definite_subject("According to Wire A, the company will also shed a further 120 contractors.",
                            frozenset({"payPal"})) is not None
    # the headlines name it, or the phrase says which one: kept
    assert definite_subject("The office tracks all aviation accidents.", frozenset({"office"})) is None
    assert definite_subject("The legislation, known as the Accountability and Justice Law, was passed on Saturday.",
                            frozenset()) is None
    assert definite_subject("Sprint lost 683,000 subscribers in the quarter.", frozenset()) is None
    # an owner or a count that does not say which: "The group's thesis", "The two sides"
    assert definite_subject("The group's thesis is that the plane landed on a reef.", frozenset()) is not None
    assert definite_subject("The two sides reopened their peace talks on Dec. 12.", frozenset()) is not None
    assert definite_subject("The two sides of the strait reopened talks on Dec. 12.", frozenset()) is None


def test_a_time_counted_from_an_unnamed_event_is_not_stated_alone() -> None:
    from newsprism.compare.synthesis import anchored_elsewhere

    assert anchored_elsewhere("Two days earlier, Rogge said the ceremony was no place for it.") is not None
    assert anchored_elsewhere("According to Wire A, a week later the ship sank off the coast.") is not None
    # a time of its own, or a quotation's words: kept
    assert anchored_elsewhere("Two days earlier this week, Rogge said the ceremony was no place for it.") is None
    assert anchored_elsewhere("Joe Biden was quoted as saying: “Not a single thing he said is accurate”.") is None
