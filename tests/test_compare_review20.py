"""Session 14, review20 (an independent reviewer on saved web pages of 12 real events, 2007–2012): fault classes,
each on texts the tests write.

- The phrase pass made "<name> is <description>" facts of two phrases sharing one word: a past holder against the
  present one ("former CEO of …" / "new CEO …"), and an adjective no noun of either phrase ("new" of "the new
  Bulls coach" / "the new Bulls"), printed as "Bulls is a new".
- "It is ironic that …" (here "It is notable that …", which the word tagger does not flag), the writer's comment on what follows, was stated in the synthesis' own voice.
"""

from __future__ import annotations

import pytest

from newsprism.compare import compare_analyzed
from newsprism.compare.assertion import stance

from .conftest import story_articles

ROLES = {
    "Wire Desk": ("2008-01-11", """Orbis to cut 4,000 jobs

Orbis Telecom said on Friday it will cut 4,000 jobs and close 125 stores after losing subscribers.

Analysts in Kansas City were briefed by Dana Holt, former chief executive of Orbis spin-off Lumen Corp., on Friday afternoon.

Orbis shares rose 3 percent."""),
    "Tech Daily": ("2008-01-11", """Orbis cuts 4,000 jobs

Orbis Telecom said on Friday it will cut 4,000 jobs and close 125 stores after losing subscribers.

The plan had been drawn up over the holidays by new chief executive Dana Holt, who joined Orbis on Dec. 18.

Analysts expected deeper cuts."""),
}


@pytest.mark.slow
def test_a_past_holder_and_the_new_one_are_not_one_role() -> None:
    from newsprism.stages import analyze_many

    comparison = compare_analyzed(analyze_many(story_articles(ROLES)))
    said = [f.statement for f in comparison.facts if len(f.articles()) >= 2]
    assert any("4,000 jobs" in s for s in said), said  # the shared fact is found
    assert not any(s.startswith("Dana Holt is") for s in said), said


@pytest.mark.parametrize("text, comment", [
    ("It is notable that Jones coached the Reds against the Bulls this year.", True),
    ("It is important to note that the vote was close.", True),
    ("It seems likely that the deal will close by March.", True),
    ("It is clear that the plan failed.", True),
    ("It was not clear whether the plane had landed.", False),  # a fact: nobody knows yet
    ("It is illegal to drive without a licence in the state.", False),
    ("It is able to fly at night.", False),  # a referring "it"
    ("It was the largest deal in the company's history.", False),
    ("He said “it is ironic that nobody came”.", False),  # someone's words
])
def test_the_writers_comment_on_what_follows_is_found(text: str, comment: bool) -> None:
    assert (stance(text) is not None) is comment, stance(text)


IRONY = {
    "Field Post": ("2007-12-28", """Bulls talk to Jones

The Bulls were negotiating with coach Eddie Jones on Thursday, the union said.

It is notable that Jones coached the Reds against the Bulls in this year's Super 14 when the Bulls won by a record margin.

Talks resume next week."""),
    "Veld News": ("2007-12-28", """Bulls eye Jones

The Bulls were negotiating with coach Eddie Jones on Thursday, the union said.

It is notable that Jones coached the Reds against the Bulls in this year's Super 14 when the Bulls won by a record margin.

Jones is in Japan."""),
}


@pytest.mark.slow
def test_the_writers_comment_is_attributed_in_the_synthesis() -> None:
    from newsprism.stages import analyze_many

    comparison = compare_analyzed(analyze_many(story_articles(IRONY)))
    ironic = [s for s in comparison.synthesis if "notable" in s["text"]]
    assert ironic, [s["text"] for s in comparison.synthesis]
    assert all(s["kind"] == "attributed" and s["text"].startswith("According to") for s in ironic), ironic
    assert all("comment" in s["reason"] for s in ironic), ironic


ADJECTIVE = {
    "Field Post": ("2007-12-28", """Bulls talk to Jones

The union hopes Eddie Jones will agree to be the new Bulls coach before the Super 14 starts in February.

Talks resume next week."""),
    "Veld News": ("2007-12-28", """Jones in Japan

Jones has left for Japan, and any deal with the new Bulls of Pretoria must wait until he returns in January.

Jones coaches Saracens."""),
}


@pytest.mark.slow
def test_phrases_sharing_only_an_adjective_describe_nothing_alike() -> None:
    from newsprism.stages import analyze_many

    comparison = compare_analyzed(analyze_many(story_articles(ADJECTIVE)))
    said = [f.statement for f in comparison.facts if len(f.articles()) >= 2]
    assert not any(s.rstrip(".").endswith((" a new", " the new")) for s in said), said


BAIL = {
    "Coast Wire": ("2007-12-28", """Actress jailed

Actress Nora Vale was arrested on Thursday on suspicion of drunken driving, the sheriff's office said.

Vale was jailed in lieu of $10,000 bail and spent about seven hours behind bars before being released, the sheriff's office said.

Her lawyer declined to comment."""),
    "Harbour Times": ("2007-12-28", """Vale arrested

Actress Nora Vale was arrested on Thursday on suspicion of drunken driving, the sheriff's office said.

Vale was briefly jailed before posting $10,000 bail following her arrest in the early hours of Thursday, the sheriff's office said.

She has a film out next month."""),
}


def test_a_statement_cut_at_a_comma_never_cuts_a_figure() -> None:
    from newsprism.compare.facts import HEAD_CUT

    text = "Vale was jailed in lieu of $10,000 bail and spent seven hours there, the office said at 10:30"
    heads = [text[:m.start()] for m in HEAD_CUT.finditer(text)]
    assert heads == ["Vale was jailed in lieu of $10,000 bail and spent seven hours there"], heads


@pytest.mark.slow
def test_a_fact_narrowed_to_its_shared_part_keeps_its_whole_figure() -> None:
    from newsprism.stages import analyze_many

    comparison = compare_analyzed(analyze_many(story_articles(BAIL)))
    bail = [f.statement for f in comparison.facts if "bail" in f.statement or "$10" in f.statement]
    assert bail, [f.statement for f in comparison.facts]
    assert all("$10,000" in s for s in bail if "$10" in s), bail
