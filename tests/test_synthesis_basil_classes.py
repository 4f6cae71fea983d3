"""Issue 13, session 12 (probe17): the synthesis on real coverage nobody tuned it on (12 held-out BASIL events, read
by hand: ``benchmarks/results/synthesis_basil_labels.json``). Each frequent wrong class as a rule on texts the tests
write: (1) a pronoun or demonstrative of the narration that stands for something only an earlier sentence names;
(2) a quotation stated with no speaker; (3) a name or a title lower-cased after "According to X alone,"."""

from __future__ import annotations

import pytest

from newsprism.compare.synthesis import _lower_first, speakerless, unresolved_reference


@pytest.mark.parametrize("text", [
    "Senators want them extended for every family.",  # an object pronoun: not its own clause's subject
    "Ms. Varga said that qualified her to cut waste in Congress.",  # a demonstrative: not the speaker
    "A senior staffer told The Daily Ledger that it was likely to happen on Friday.",  # not the one told; raised "it"
    "The other three are empty now.",
    "Officials said that was wrong.",
])
def test_a_reference_to_an_earlier_sentence_is_unresolved(text: str) -> None:
    assert unresolved_reference(text) is not None


@pytest.mark.parametrize("text", [
    "Officials said they would reopen the bridge on Monday.",  # the speakers
    "Orbis said it would buy the plant.",
    "The court upheld the law, saying it was constitutional.",
    "It is hard to say what happened at the plant.",  # anticipates a clause
    "It is clear that the talks failed.",
    "It is a lesson mayors rarely learn: the microphone is always on.",  # named after the colon
    "The senator said this bill would pass.",  # a demonstrative naming its noun
    "Police said the protesters threw stones at them.",  # not a subject or object pronoun of the rule
    "The mayor said “they will pay for this” on Monday.",  # quoted words are the speaker's
    "Rescuers pulled 12 people from the rubble on Tuesday.",
])
def test_a_sentence_that_names_what_it_speaks_of_is_kept(text: str) -> None:
    assert unresolved_reference(text) is None


def test_a_quotation_with_no_speaker_is_no_statement() -> None:
    assert speakerless("“Needless to say, the strike was not ‘a strike of the union’s choosing.’”")
    assert speakerless("\"We will rebuild every school.\"")
    assert not speakerless("The mayor said: “We will rebuild every school.”")
    assert not speakerless("The agency described the find as “a giant leap”.")


def test_a_name_or_title_is_not_lower_cased_after_according_to() -> None:
    assert _lower_first("Ms. Varga said the plan was sound.") == "Ms. Varga said the plan was sound."
    assert _lower_first("Mr. Okafor left early.") == "Mr. Okafor left early."
    assert _lower_first("Brown's office did not respond.", ["Senator Sherrod Brown"]) == "Brown's office did not respond."
    assert _lower_first("The warnings came late.") == "the warnings came late."
    assert _lower_first("Apartment blocks fell.") == "apartment blocks fell."
