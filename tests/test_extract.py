"""Extraction: the seeds, the project's own pages, and the text cleaner's features."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.errors import NoContent
from newsprism.extract import extract
from newsprism.extract.text import clean_text, is_headline, score_line
from newsprism.pipeline import load_one
from newsprism.records import RawDocument

from .conftest import CORPUS, DATA, EXAMPLES


def _removed(article, reason):  # type: ignore[no-untyped-def]
    return [r.text for r in article.removed if r.reason == reason]


def test_extract_seed_000_metadata_and_comment_form(seed_articles):
    a = seed_articles[0]
    assert a.title == "For a Just and Multipolar World Order: Russia and China Strengthen Alliance"
    assert a.outlet == "Orinoco Tribune"
    assert a.published == "2024-05-17"
    comment = _removed(a, "comment_form")
    assert any(t.startswith("Leave a Reply") for t in comment)
    assert any("Your email address will not be published" in t for t in comment)
    assert "Leave a Reply" not in a.text
    assert "will not be published" not in a.text
    assert "Orinoco Tribune, May 17, 2024" not in a.text  # the dateline leaves the body
    assert a.text.rstrip().endswith("Harbin Polytechnic University.”")  # closing Harbin paragraph kept
    assert "“" in a.text and "’" in a.text  # curly quotes kept


def test_extract_seed_001_related_posts_and_cookie_notice(seed_articles):
    a = seed_articles[1]
    assert a.title == "Putin And Xi Sign Joint Plan To Deepen Cooperation, Working To From A Multipolar World"
    assert a.outlet is None and a.published is None  # never guessed
    related = _removed(a, "related_links")
    assert related[0] == "Related posts"
    assert len(related) == 4  # the heading and the three unrelated headlines under it
    assert any(t.startswith("IPOB Disowns") for t in related)
    assert any(t.startswith("ACF Suspends") for t in related)
    assert _removed(a, "cookie_notice") and "Cookies" not in a.text
    for gone in ("Related posts", "IPOB", "DHQ Decries", "ACF Suspends", "opt-out"):
        assert gone not in a.text
    assert "Volodymyr Zelenskyy has said any negotiations" in a.text


def test_extract_title_is_first_paragraph_and_offsets_exact(seed_articles):
    for a in seed_articles:
        assert a.paragraphs[0].kind == "title"
        assert a.text[a.paragraphs[0].start:a.paragraphs[0].end] == a.title
        for p in a.paragraphs:
            chunk = a.text[p.start:p.end]
            assert chunk and chunk == chunk.strip() and "\n" not in chunk
        assert "\n\n\n" not in a.text


def test_extract_subheadings_stay_as_paragraphs(seed_articles):
    a = seed_articles[0]
    headings = [a.text[p.start:p.end] for p in a.paragraphs if p.kind == "heading"]
    assert "Model for building ties between neighbors" in headings


def test_extract_same_text_same_id(seeds):
    first = load_one(str(seeds[0]))
    again = extract(RawDocument(source="elsewhere", data=seeds[0].read_bytes(), kind="text"))
    assert first.id == again.id


def test_extract_html_page_with_json_ld_and_boilerplate():
    a = load_one(str(DATA / "html" / "harbour_strike.html"))
    assert a.title == "Port workers strike over automation plans"
    assert a.outlet == "Coastline Herald"
    assert a.published == "2025-09-12"
    assert a.author == "Rosa Fenwick"
    assert "900 dock workers" in a.text and "no worker would be made redundant" in a.text
    reasons = {r.reason for r in a.removed}
    assert {"comment_form", "cookie_notice", "related_links"} <= reasons
    for gone in ("Leave a comment", "We use cookies", "Lighthouse Restoration", "Weather"):
        assert gone not in a.text
    assert '"We are not against the future' in a.text


def test_extract_example_html_regions(example_articles):
    page = next(a for a in example_articles if a.source.endswith(".html"))
    assert page.outlet == "The Northern Sentinel" and page.author == "Petra Lund"
    assert page.published == "2026-03-04"
    reasons = {r.reason for r in page.removed}
    assert {"navigation", "related_links", "comment_form", "cookie_notice", "byline"} <= reasons
    assert "trackPageView" not in page.text and "Post Comment" not in page.text


def test_extract_broken_html_still_reads():
    a = load_one(str(DATA / "html" / "broken.html"))
    assert "Elm Street bridge reopened" in a.text
    assert "separate lane" in a.text


def test_extract_scripts_only_page_is_no_content():
    with pytest.raises(NoContent):
        load_one(str(DATA / "html" / "scripts_only.html"))


def test_extract_example_text_boilerplate(example_articles):
    by_name = {Path(a.source).name: a for a in example_articles}
    nbs = by_name["03_national_broadcast.txt"]
    assert nbs.author == "Karin Dahl" and nbs.outlet == "National Broadcast Service"
    reasons = {r.reason for r in nbs.removed}
    # "Download the NBS app on the App Store or Google Play" is kept since the retrained model: no app rule
    # beats the model on the extraction dev split (app_stores fires on 3 chrome and 5 body lines the model keeps)
    assert {"byline", "dateline", "photo_credit", "newsletter"} <= reasons
    wire = by_name["01_estmark_wire.txt"]
    assert {r.reason for r in wire.removed} >= {"dateline", "share_bar"}
    buzz = by_name["04_dailybuzz_repost.txt"]
    assert "Celebrity Chef" not in buzz.text and "cookies" not in buzz.text


@pytest.mark.parametrize("line, reason", [
    ("Leave a comment", "comment_form"),
    ("Comments are closed.", "comment_form"),
    ("Save my name, email, and website in this browser for the next time I comment.", "comment_form"),
    ("You may also like", "related_links"),
    ("Read more: Council approves budget", "related_links"),
    ("Next story: Council approves budget", "related_links"),
    ("Previous story >> Mayor opens new bridge over the river", "related_links"),
    ("MORE: Five things to know about the budget vote", "related_links"),
    ("We use cookies to give you the best experience. Accept all", "cookie_notice"),
    ("Subscribe to our newsletter for daily updates", "newsletter"),
    ("Share on Facebook Twitter WhatsApp", "share_bar"),
    ("Download our app on Google Play", "app_download"),
    ("Photo: A crowd outside parliament (Reuters)", "photo_credit"),
    ("Print this article", "print_link"),
    ("Advertisement", "advertisement"),
])
def test_extract_text_classifier_categories(line, reason):
    scored = score_line(line, 0.9)
    assert scored is not None and scored.category == reason and scored.score >= 1.0
    assert scored.features  # every decision names the features that fired


@pytest.mark.parametrize("line", [
    "The company said it would stop using tracking cookies on its websites next year after a court ruling.",
    "Officials said residents could subscribe to alerts, but many had not received a single message.",
    "He shared the post on Facebook before deleting it, according to screenshots seen by reporters.",
    "The minister told reporters that the comment was taken out of context and that he stood by the plan.",
    "More than 200 people attended the meeting on Monday, officials said, and the vote was postponed.",
    "The next story he told: a farmer who had lost his land to the new road.",
])
def test_extract_text_classifier_keeps_prose(line):
    scored = score_line(line, 0.5)
    assert scored is None or scored.score < 1.0


def test_extract_headline_shape():
    assert is_headline("Mayor Resigns After Budget Row", 25)
    assert not is_headline("The mayor resigned on Monday after a row over the budget.", 25)
    assert not is_headline("x", 25)


def test_extract_clean_text_without_title_keeps_first_paragraph():
    raw = ("The council met on Monday and approved the budget for the coming year after a long debate.\n"
           "Members said the plan would protect libraries and bus routes.")
    cleaned = clean_text(raw)
    assert cleaned.title is None
    assert cleaned.text.startswith("The council met on Monday")


def test_extract_examples_have_quotes_and_outlets(example_articles):
    assert len(example_articles) == 4
    outlets = {a.outlet for a in example_articles}
    assert {"Estmark Wire", "The Northern Sentinel", "National Broadcast Service"} <= outlets
    assert all(Path(a.source).parent == EXAMPLES for a in example_articles)


# ------------------------------------------------------------------ real pages (../shared/corpus), floors
NEWS_DEV = CORPUS / "news-dev"


def _news_dev_lines():  # type: ignore[no-untyped-def]
    import json

    gold = json.loads((NEWS_DEV / "GOLD.json").read_text(encoding="utf-8"))
    for rel, meta in sorted(gold["metadata"].items()):
        raw = (NEWS_DEV / rel).read_text(encoding="utf-8")
        lines = [x for x in (" ".join(y.split()) for y in raw.split("\n")) if x]
        boiler = {" ".join(b.split()) for b in gold["boilerplate"].get(rel, [])}
        yield meta, lines, boiler, clean_text(raw)


def test_extract_news_dev_boilerplate_floor():
    """Real scraped coverage annotated by hand: measured 91.6% of boilerplate lines removed, 0.0% body lost."""
    removed = total = lost = body = 0
    for meta, lines, boiler, cleaned in _news_dev_lines():
        for line, decision in zip(lines, cleaned.decisions, strict=True):
            dropped = decision is not None
            if line in boiler:
                total += 1
                removed += dropped
            elif line != " ".join((meta.get("title") or "").split()):
                body += 1
                lost += dropped
    assert total > 50 and body > 300
    assert removed / total >= 0.85
    assert lost / body <= 0.01


def test_extract_news_dev_metadata_floor():
    """Dates and bylines the texts state are read, and nothing is invented (measured 8/8 and 5/5, 0 wrong)."""
    dates = authors = wrong = 0
    for meta, _lines, _boiler, cleaned in _news_dev_lines():
        dates += bool(cleaned.published) and cleaned.published == meta.get("published")
        authors += bool(cleaned.author) and cleaned.author == meta.get("author")
        wrong += bool(cleaned.published) and cleaned.published != meta.get("published")
        wrong += bool(cleaned.author) and cleaned.author != meta.get("author")
    assert dates >= 6 and authors >= 3
    assert wrong <= 1


def test_extract_flattened_pages_floor():
    """A sample of the extraction dev split (pages the model never saw), flattened to lines."""
    import gzip
    import random

    from newsprism.extract.html import flatten_html

    names = sorted(p.name for p in (CORPUS / "extraction" / "dragnet" / "input").glob("*.html.gz"))
    # the dev split of scripts/train_boilerplate.py: a fixed-seed shuffle of "kind/name", first 20 %
    all_names = sorted([f"dragnet/{n}" for n in names] + [
        f"page-signal/{p.name}" for p in (CORPUS / "extraction" / "page-signal" / "input").glob("*.html.gz")])
    order = list(all_names)
    random.Random(20240517).shuffle(order)
    dev = [n for n in order[: int(len(order) * 0.2)] if n.startswith("dragnet/")][:25]
    tp = fp = fn = 0
    for name in dev:
        page = gzip.open(CORPUS / "extraction" / "dragnet" / "input" / name.split("/")[1]).read()
        gold_path = CORPUS / "extraction" / "dragnet" / "GoldStandard" / name.split("/")[1].replace(".html.gz", ".txt.gz")
        gold = gzip.open(gold_path).read().decode("utf-8", "replace").split("!@#$%^&*()  COMMENTS")[0]
        gold_lines = {" ".join(x.split()) for x in gold.split("\n") if x.strip()}
        lines = flatten_html(page.decode("utf-8", "replace"))
        cleaned = clean_text("\n".join(lines))
        for line, decision in zip(lines, cleaned.decisions, strict=True):
            boiler = line not in gold_lines
            dropped = decision is not None
            tp += boiler and dropped
            fp += dropped and not boiler
            fn += boiler and not dropped
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    assert 2 * precision * recall / (precision + recall) >= 0.85


def test_extract_short_article_as_written_is_not_emptied_by_the_line_model():
    """A text that is one short paragraph of sentences is an article, whatever the line model says of its lines."""
    from newsprism.extract.text import clean_text

    c = clean_text("Regulator Fines Bank\n\nThe National Water Agency fined the company on Tuesday. A spokesman "
                   "for the NWA said the fine was the largest it had ever imposed.")
    assert "fined the company on Tuesday" in c.text and c.title == "Regulator Fines Bank"
    assert not c.removed


def test_extract_promo_lines_after_the_article_are_boilerplate():
    """A newsletter or series promo below the article's last sentence is page chrome; the article's own short last
    paragraph stays (a guard of the shipped model's behaviour on a footer the test writes)."""
    body = ["Lawmakers in the state capital approved the new transit budget on Tuesday after a debate that lasted "
            "most of the night.",
            "The plan adds two bus lines and extends service hours on weekends, according to the transport department.",
            "Opponents said the cost would fall on riders, while supporters argued that the city could not wait.",
            "The governor is expected to sign the bill next week."]
    lines = ["Transit budget passes after all-night debate", *body,
             "Sign up for our morning newsletter", "Metro Originals"]
    cleaned = clean_text("\n".join(lines))
    assert cleaned.decisions[5] is not None and cleaned.decisions[6] is not None, cleaned.decisions
    assert all(cleaned.decisions[i] is None for i in range(1, 5)), cleaned.decisions
    assert "Sign up" not in cleaned.text and "Metro Originals" not in cleaned.text


def test_a_title_case_first_line_with_a_full_stop_is_the_headline() -> None:
    """Some sources end the headline with a full stop ("Clinton Slams Trump On Abortion After Ruling."); read as a
    body sentence, its words became a speaker's name ("Clinton Slams Trump was quoted as saying …", an independent
    reviewer, session 13). A sentence-case line with a full stop stays body text."""
    from newsprism.text.words import title_case

    assert is_headline("Mayor Slams Council On Budget After Court Ruling.", 25)
    assert not is_headline("The mayor slammed the council on Monday after the ruling.", 25)
    assert title_case("Mayor Slams Council On Budget After Court Ruling.")
    assert not title_case("Secretary of State John Kerry met Iranian Foreign Minister Javad Zarif in Vienna.")
    cleaned = clean_text("Mayor Slams Council On Budget After Court Ruling.\n\nThe mayor of Harbor City criticised "
                         "the council on Monday after a court struck down the budget it passed in March.\n")
    assert cleaned.title == "Mayor Slams Council On Budget After Court Ruling."
