"""Another party's words are not the outlet's framing (issue 14, texts the tests write): a short quoted phrase whose
source the sentence names is that source's partial quote, not a scare quote; an unattributed one still is; a
company's blog post quoted after "posted:" over several paragraphs is the company's words throughout."""

from __future__ import annotations

import pytest

from newsprism.stages import analyze

from .conftest import make_article

pytestmark = pytest.mark.slow

STORY = """Orbit buys Talkwire

Orbit will buy the messaging firm Talkwire for four billion dollars. Talkwire will remain the group's “core messaging product” and keep its brand, Orbit said on Wednesday.

The senator likened the purchase to “a blank cheque” for the industry.

The mayor's claim that the new harbour would be “fully funded” by the spring drew laughter in the chamber.

The board approved a “modest” pay rise for its own members on Tuesday evening."""


@pytest.fixture(scope="module")
def story():  # type: ignore[no-untyped-def]
    return analyze(make_article(STORY))


def _scare_cues(a):  # type: ignore[no-untyped-def]
    return [c.text.strip("“”\"") for c in a.framing if c.cue == "scare_quote"]


def test_a_phrase_quoted_inside_what_a_company_said_is_its_partial_quote(story):  # type: ignore[no-untyped-def]
    q = next(q for q in story.quotes if q.text == "core messaging product")
    assert q.kind == "partial" and q.speaker == "Orbit"
    assert q.rule.startswith("inside_reported") and "not a scare quote" in q.rule
    assert "core messaging product" not in _scare_cues(story)


def test_a_phrase_a_learned_cue_governs_is_the_speakers(story):  # type: ignore[no-untyped-def]
    assert "a blank cheque" not in _scare_cues(story)


def test_a_phrase_inside_a_speakers_claim_is_theirs(story):  # type: ignore[no-untyped-def]
    assert "fully funded" not in _scare_cues(story)


def test_an_unattributed_quoted_word_is_still_a_scare_quote(story):  # type: ignore[no-untyped-def]
    assert "modest" in _scare_cues(story)
    q = next(q for q in story.quotes if q.text == "modest")
    assert q.kind == "scare" and q.speaker is None


BLOG = """Orbit to buy Talkwire

Orbit will buy the messaging company Talkwire, the two companies announced on Wednesday. On its company blog, Talkwire posted:

Almost five years ago we started Talkwire with a simple goal: to build a service that works for everyone.

Here is what this partnership means for our users: Talkwire will remain autonomous and operate independently. You can continue to enjoy the service for a small fee.

There will be no ads interrupting the conversations. The app will keep its brand and its office in the valley.

We would not be making this partnership if it meant compromising on the core principles that will always define our company.

Orbit shares rose four percent in late trading after the announcement. Analysts called the price high."""


@pytest.fixture(scope="module")
def blog():  # type: ignore[no-untyped-def]
    return analyze(make_article(BLOG))


def test_a_four_paragraph_blog_post_after_posted_is_the_companys_words(blog):  # type: ignore[no-untyped-def]
    block = next(q for q in blog.quotes if q.rule.startswith("colon_block") and "five years ago" in q.text)
    assert block.speaker == "Talkwire" and block.cue == "posted" and "4 paragraphs after it" in block.rule
    # the third paragraph speaks in neither person but lies between two in the company's voice: theirs too
    assert "no ads interrupting" in block.text and "core principles" in block.text
    assert "Orbit shares rose" not in block.text  # the writer narrates again: the block ends


def test_a_loaded_word_in_the_middle_of_the_blog_post_is_the_companys(blog):  # type: ignore[no-untyped-def]
    text = blog.article.text
    start = text.index("interrupting")
    for c in blog.framing:
        if c.start <= start < c.end and c.cue in ("loaded", "evaluative", "epithet"):
            assert c.speaker == "Talkwire"


NARRATION = """Mill closes after fire

The old mill will not reopen. Rivertown Mills said in a statement:

The damage to the main hall is beyond repair. Our workers will be offered jobs at the plant in Easton.

The fire started late on Sunday in a storage room. Firefighters fought it for six hours.

We thank the fire brigade for their courage."""


def test_a_paragraph_of_narration_between_two_of_the_speakers_ends_the_block():  # type: ignore[no-untyped-def]
    # the writer narrates the event in the past tense: the block ends there, though a "we" paragraph follows
    block = next(q for q in analyze(make_article(NARRATION)).quotes if q.rule.startswith("colon_block"))
    assert "beyond repair" in block.text and "fire started" not in block.text and "fire brigade" not in block.text
    # the same paragraph in the speaker's plans, in the future tense, is theirs
    plans = NARRATION.replace("The fire started late on Sunday in a storage room. Firefighters fought it for six hours.",
                              "The site will be cleared by the spring and the land will be sold.")
    block = next(q for q in analyze(make_article(plans)).quotes if q.rule.startswith("colon_block"))
    assert "land will be sold" in block.text and "fire brigade" in block.text
