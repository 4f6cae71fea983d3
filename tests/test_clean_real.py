"""The text cleaner on the shapes real scraped pages take: captions with agency credits, chrome above the
headline, runs of promo blurbs, hard-wrapped paragraphs and mojibake. Every text here is written by the test."""

from __future__ import annotations

import pytest

from newsprism.extract.text import clean_text, join_wrapped, repair_text
from newsprism.settings import DEFAULT

_PROSE = [
    "The central bank raised its main interest rate by half a point on Tuesday, the third increase this year, "
    "as inflation stayed well above the target it had set for the end of the year.",
    "Officials said the decision was unanimous and that further increases could follow if prices kept rising "
    "at the pace seen over the summer months in the capital and in the provinces.",
    "Shares of the largest lenders fell in early trading, while the currency gained against the dollar and the "
    "euro for a second day, traders in the city said on Tuesday afternoon.",
    "The governor will explain the decision to the finance committee of parliament next week, according to a "
    "statement published by the bank on its website late on Tuesday evening.",
]


def _article(*middle: str) -> str:
    return "\n".join(["Central Bank Raises Rates Again", _PROSE[0], _PROSE[1], *middle, _PROSE[2], _PROSE[3]])


def _reason(cleaned, text):  # type: ignore[no-untyped-def]
    return next((r for r in cleaned.removed if r.text == text), None)


def test_caption_with_agency_credit_is_dropped_with_its_reason():
    caption = "A man walks past a closed branch of a bank in the capital on Tuesday. REUTERS/Jane Doe-Smith"
    c = clean_text(_article(caption))
    assert caption not in c.text
    gone = _reason(c, caption)
    assert gone is not None and gone.reason == "photo_credit"
    assert gone.features  # the rule or the model features that decided
    assert all(p[:40] in c.text for p in _PROSE)


def test_caption_with_photo_credit_in_parentheses_is_dropped():
    caption = "BANK PROTEST Depositors queue outside the headquarters on Tuesday morning (Photo: John Roe)"
    c = clean_text(_article(caption))
    assert caption not in c.text
    assert _reason(c, caption) is not None


def test_sentence_mentioning_a_photo_is_kept():
    line = ("The minister said a photo taken on Monday showed the queue outside the bank, and that the "
            "picture had been shared thousands of times by worried depositors.")
    c = clean_text(_article(line))
    assert line in c.text
    assert _reason(c, line) is None


def test_time_only_stamp_and_comment_count_are_dropped():
    c = clean_text(_article() + "\n0 comments:\nPost a Comment")
    assert "0 comments" not in c.text
    c2 = clean_text("Central Bank Raises Rates Again\n07:14pm GMT\n" + "\n".join(_PROSE))
    assert "07:14pm" not in c2.text
    assert _PROSE[0] in c2.text


def test_breadcrumb_glued_to_the_headline_is_not_the_title():
    head = "Central Bank Raises Rates Again As Prices Climb"
    c = clean_text("\n".join([f"News Business {head}", head, *_PROSE]))
    assert c.title == head
    assert c.decisions[0] == "navigation"
    assert c.text.count(head) == 1


def test_menu_line_above_the_headline_is_not_the_title():
    head = "Central Bank Raises Rates Again As Prices Climb"
    c = clean_text("\n".join(["Home | News | World | Business", head, *_PROSE]))
    assert c.title == head
    assert c.decisions[0] == "navigation"
    assert "Business" not in c.text


def test_promo_blurbs_between_watch_now_buttons_are_dropped():
    promos = ["Hey there - you can't win without a plan. We helped twelve founders find theirs.",
              "In money, what's said on the street matters as much as what the bank says.",
              "The strangest trends and most unusual habits in the world of saving."]
    tail = []
    for p in promos:
        tail += ["Watch Now", p]
    tail.append("Watch Now")
    c = clean_text(_article() + "\n" + "\n".join(tail))
    for p in promos[1:]:  # the first one the model scores below boilerplate_run_min: kept
        assert p not in c.text
        gone = _reason(c, p)
        assert gone is not None and "in_chrome_run" in gone.features and gone.score is not None
    kept = clean_text(_article() + "\n" + "\n".join(tail), DEFAULT.replace(boilerplate_run_min=1.01))
    assert promos[1] in kept.text  # the sentences went because of the run, not on their own
    assert all(p[:40] in c.text for p in _PROSE)


def test_hard_wrapped_paragraphs_are_joined_with_the_quote_and_its_speaker():
    wrapped = (
        "The finance minister welcomed the decision on Tuesday and said that the\n"
        "bank had acted in time to stop prices from rising any further this\n"
        "winter. Opposition parties said it came too late.\n"
        "\"This decision protects the savings of every family in the country,\" the\n"
        "minister said. \"We will not let inflation eat people's wages.\"\n"
        "Traders expect one more increase before the end of the year, when the\n"
        "bank publishes its next forecast for growth and for prices.\n"
        "Shares fell.\n"
    )
    raw_lines = wrapped.split("\n")
    c = clean_text("Minister Welcomes Rate Rise\n" + wrapped)
    assert c.joined == 4  # eight lines, four paragraphs
    assert len(c.decisions) == sum(1 for x in raw_lines if x.strip()) + 1  # one decision per input line
    assert ("\"This decision protects the savings of every family in the country,\" the minister said. "
            "\"We will not let inflation eat people's wages.\"") in c.text
    assert "said that the bank had acted in time" in c.text
    bodies = [c.text[p.start:p.end] for p in c.paragraphs if p.kind != "title"]
    assert len(bodies) == 4  # paragraphs end where a short line ended them
    assert bodies[-1] == "Shares fell."
    for p in c.paragraphs:
        assert c.text[p.start:p.end].strip() == c.text[p.start:p.end]


def test_lower_case_continuation_joined_in_a_text_that_is_not_wrapped():
    lines, origins = join_wrapped(["Police in riot gear dragged protesters away by the", "hair, witnesses said.",
                                   "", "Another paragraph starts here."])
    assert lines == ["Police in riot gear dragged protesters away by the hair, witnesses said.",
                     "Another paragraph starts here."]
    assert origins == [(0, 1), (2,)]


def test_lines_ending_a_sentence_are_not_joined():
    lines, _ = join_wrapped(["Home", "news", "The vote was held on Sunday.", "voters queued for hours."])
    assert lines == ["Home", "news", "The vote was held on Sunday.", "voters queued for hours."]


def test_mojibake_is_repaired_and_clean_text_left_alone():
    assert repair_text("It didnâ€™t end there, â€œwe will voteâ€\x9d, she said.") == \
        "It didn’t end there, “we will vote”, she said."
    assert repair_text("the state lost.â€\nNext line") == "the state lost.”\nNext line"  # last byte lost
    clean = "“Quotes” stay curly — and café stays café."
    assert repair_text(clean) == clean
    c = clean_text("Vote Goes Ahead\n" + "â€œWe will vote,â€\x9d she said. " + _PROSE[0])
    assert "“We will vote,” she said." in c.text
    assert "â€" not in c.text


def test_dagger_closing_an_open_quotation_is_a_lost_closing_mark():
    # "”" + space → mojibake "â€\x9d " → the lost byte a no-break space → "â€\xa0" re-read as UTF-8 → "†"
    assert "â€\xa0".encode("cp1252").decode("utf-8") == "†"
    assert repair_text("the plan was “dead.†The minister said") == "the plan was “dead.” The minister said"
    assert repair_text("“We voted today,†she said.") == "“We voted today,” she said."
    # a footnote dagger closes no quotation, and one after a closed quote is left too
    assert repair_text("Smith†and Jones wrote it.") == "Smith†and Jones wrote it."
    assert repair_text("“Done,” she said, citing Smith†and Jones.") == "“Done,” she said, citing Smith†and Jones."


@pytest.mark.slow
def test_hard_wrapped_quote_keeps_its_speaker_through_analysis():
    """The attribution stage sees the joined paragraph: the quote and "the minister said" are one sentence span."""
    from newsprism.stages import analyze

    from .conftest import make_article

    text = ("Minister Welcomes Rate Rise\n"
            "\"This decision protects the savings of every family in the country,\"\n"
            "said Finance Minister Anna Lindqvist on Tuesday in a statement to the\n"
            "press. Opposition parties said the increase came far too late for many.\n"
            "Traders expect one more increase before the end of the year, when the\n"
            "bank publishes its next forecast for growth and for prices.\n")
    quotes = analyze(make_article(text)).quotes
    hit = [q for q in quotes if "protects the savings" in q.text]
    assert hit and hit[0].speaker is not None and "Lindqvist" in hit[0].speaker
