"""A speaker's words set off by a colon without quote marks ("X wrote in a post:" and the paragraph after it) are
that speaker's reported words; a colon that introduces a list or examples is not speech (texts the tests write)."""

from __future__ import annotations

import pytest

from newsprism.stages import analyze

from .conftest import make_article

pytestmark = pytest.mark.slow

POST = """Harbour authority expands the ferry network

The harbour authority will buy four new ferries, its director announced on Monday. Director Helena Marsh wrote in a post:

I am absolutely delighted that we can finally give the islands the service they deserve. We will keep the old routes too.

We expect the first boat in the water by the summer.

Local councillors welcomed the plan but asked about the cost. The authority listed three priorities:

the timetable, the fares and the harbour works at the northern pier.

Marsh's deputy said: The fares will not rise before next year, whatever the final cost of the boats turns out to be."""


@pytest.fixture(scope="module")
def analysed():  # type: ignore[no-untyped-def]
    return analyze(make_article(POST))


def _blocks(a):  # type: ignore[no-untyped-def]
    return [q for q in a.quotes if q.rule.startswith("colon_block")]


def test_colon_introduced_paragraphs_are_the_speakers_words(analysed):  # type: ignore[no-untyped-def]
    block = next(q for q in _blocks(analysed) if "absolutely delighted" in q.text)
    assert block.kind == "reported" and block.speaker == "Helena Marsh" and block.cue == "wrote"
    # the next paragraph speaks in the first person, names no one and has no verb of saying: still her words
    assert "first boat in the water" in block.text
    assert "Local councillors" not in block.text  # the writer narrates again: the block ends
    assert "learned_cue:write/ccomp" in block.rule
    # the words between the verb and the colon are not reported as content of their own
    assert not any(q.text == "in a post" for q in analysed.quotes)


def test_colon_in_the_same_paragraph_gives_the_rest_of_it(analysed):  # type: ignore[no-untyped-def]
    block = next(q for q in _blocks(analysed) if "fares will not rise" in q.text)
    assert block.cue == "said" and block.speaker and "deputy" in block.speaker
    assert "the rest of its paragraph" in block.rule


def test_a_colon_introducing_a_list_is_not_speech(analysed):  # type: ignore[no-untyped-def]
    assert not any("timetable, the fares" in q.text for q in analysed.quotes)


def test_a_verb_that_already_reports_something_before_the_colon_introduces_no_block():
    text = ("Budget row deepens\n\nThe mayor pointed out that the old budget had been ignored for years:\n\n"
            "Roads, schools and the harbour all waited while the council argued about the stadium.")
    a = analyze(make_article(text))
    assert not _blocks(a)


def test_framing_marks_a_loaded_word_in_a_colon_block_as_the_speakers(analysed):  # type: ignore[no-untyped-def]
    at = analysed.article.text.index("absolutely delighted")  # one cue of the phrase, or one per word
    inside = [c for c in analysed.framing if c.start <= at + 11 < c.end or c.start <= at < c.end]
    own = [c for c in inside if c.cue != "set_aside" and c.speaker is None]
    assert not own, [(c.text, c.cue, c.reason) for c in own]
    marked = [c for c in inside if c.speaker == "Helena Marsh"]
    assert marked and all("after a colon" in c.reason for c in marked)


def test_the_comparison_counts_a_colon_block_as_the_speakers_voice(analysed):  # type: ignore[no-untyped-def]
    from newsprism.compare.framing import _counts, _own_voice

    text = analysed.article.text
    inside, outside = text.index("absolutely delighted"), text.index("Local councillors")
    assert not _own_voice(analysed, inside) and _own_voice(analysed, outside)
    own = _counts(analysed, own_voice=True)
    assert not any(w.startswith("delight") for w in own) and any(w.startswith("delight") for w in _counts(analysed))


def test_a_sentence_of_a_colon_block_is_asserted_by_its_speaker(analysed):  # type: ignore[no-untyped-def]
    claim = next(c for c in analysed.claims if "first boat in the water" in c.text)
    assert claim.asserted_by_name == "Helena Marsh" and not claim.quote
    narration = next(c for c in analysed.claims if "Local councillors" in c.text)
    assert narration.asserted_by_name != "Helena Marsh"


def test_a_headline_label_gives_the_unquoted_words_after_it_to_the_named_speaker():
    text = ("Helena Marsh: Ferries Will Keep the Islands Connected\n\nThe harbour authority will buy four new ferries, "
            "director Helena Marsh said on Monday.\n\nAnalysis: The Harbour Budget Is Stretched\n\n"
            "Councillors asked about the cost of the boats.")
    a = analyze(make_article(text))
    label = next(q for q in _blocks(a) if "Keep the Islands" in q.text)
    assert label.speaker == "Helena Marsh" and label.kind == "reported" and "headline" in label.rule
    assert not any("Budget Is Stretched" in q.text for q in _blocks(a))  # a label that names no one says nothing


ORG_POST = """Larkspur buys a ferry line

Larkspur co-founder Ann Lee announced the purchase of the Grey Gull ferry line on Monday.

On its company blog, Larkspur posted:

I am proud of what my small team built, and I will keep every ferry running on the old timetable.

Other operators said the price was high. On its website, Corvina Lines posted:

We will match every fare Larkspur offers on the island routes from next month onwards."""


def test_an_organisation_does_not_write_i_its_named_person_does():
    a = analyze(make_article(ORG_POST))
    mine = next(q for q in _blocks(a) if "proud of what my small team" in q.text)
    assert mine.speaker == "Ann Lee" and "does not write 'I'" in mine.rule, (mine.speaker, mine.rule)
    ours = next(q for q in _blocks(a) if "match every fare" in q.text)
    assert ours.speaker == "Corvina Lines", ours.speaker  # "we": the organisation itself
