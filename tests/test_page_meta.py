"""Outlet, headline, date and text of web pages the tests write (extract/page.py, extract/html.py).

Each page holds one class of evidence seen on saved news pages: a copyright line or a publisher's
company name beside the outlet's own name, a section name as og:site_name, a site tag glued to the
title, the date printed by the headline beside a timestamp in another timezone, a <title> left open,
paragraphs set apart only by <br>.
"""

from __future__ import annotations

import pytest

from newsprism.extract import extract
from newsprism.extract import html as html_mod
from newsprism.extract.html import close_title, extract_html, keep_paragraphs
from newsprism.extract.page import is_section
from newsprism.records import RawDocument

BODY = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month.",
    "Engineers told the council that the steel frame had corroded faster than expected after two wet winters.",
    "Residents on both banks said the closure would add twenty minutes to the school run each morning.",
    "The mayor said a temporary ferry would run every quarter of an hour until the repairs were finished.",
    "Work on the new deck is expected to begin in the spring and to last about eighteen months in all.",
]


def page(*, head: str = "", title: str = "", before: str = "", headline: str = "Council closes harbour bridge to lorries",
         after_headline: str = "", tail: str = "", body: list[str] | None = None) -> str:
    paras = "".join(f"<p>{p}</p>" for p in (body or BODY))
    return (f"<html><head><title>{title}</title>{head}</head><body>"
            f"<div class='nav'><a href='/'>Home</a> <a href='/news'>News</a></div>{before}"
            f"<div class='story'><h1>{headline}</h1>{after_headline}{paras}</div>"
            f"<div class='foot'>{tail}</div></body></html>")


def read(html: str) -> object:
    return extract(RawDocument(source="page.html", data=html.encode("utf-8"), kind="html"))


def test_og_site_name_is_the_outlet_not_the_copyright_line():
    art = read(page(title="Council closes harbour bridge to lorries",
                    head='<meta property="og:site_name" content="Harbour Gazette">',
                    tail="<p>Copyright (c) 2012 Harbour Gazette Internet Ventures</p>"))
    assert art.outlet == "Harbour Gazette"
    assert "outlet=og_site_name" in art.metadata_rules


def test_a_copyright_line_alone_is_no_outlet_when_it_names_a_company():
    html = page(title="Council closes harbour bridge to lorries",
                tail="<p>Copyright 2012 Harbour Media Internet Ventures. All rights reserved.</p>")
    art = read(html)
    assert art.outlet is None or "Ventures" not in art.outlet


def test_a_section_name_as_og_site_name_gives_way_to_the_outlet():
    assert is_section("U.S. News") and is_section("World News") and not is_section("Harbour Gazette")
    art = read(page(title="Council closes harbour bridge to lorries - U.S. News",
                    head='<meta property="og:site_name" content="U.S. News">',
                    tail="<p>© 2012 HarbourGazette.com</p>"))
    assert art.outlet == "HarbourGazette.com"
    assert "outlet=copyright_holder" in art.metadata_rules


def test_the_publisher_company_is_not_the_outlet_but_the_title_suffix_is():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "publisher": '
          '{"@type": "Organization", "name": "Harbour Jones & Company, Inc"}}</script>')
    art = read(page(title="Council closes harbour bridge to lorries - HGJ.com", head=ld))
    assert art.outlet == "HGJ.com"
    assert "outlet=title_site" in art.metadata_rules


def test_a_tagline_is_not_the_outlet_but_a_domain_in_it_is():
    tagline = read(page(title="Council closes harbour bridge to lorries - Open source harbour news and opinions "
                              "written by our readers"))
    assert tagline.outlet is None
    domain = read(page(title="Council closes harbour bridge to lorries - Breaking harbour and shipping news at "
                             "harbourgazette.com"))
    assert domain.outlet == "harbourgazette.com"


def test_site_tag_and_sections_leave_the_headline():
    art = read(page(title="HARBOURo :: Council closes harbour bridge to lorries"))
    assert art.title == "Council closes harbour bridge to lorries"
    assert art.outlet == "HARBOURo"
    art = read(page(title="Council closes harbour bridge to lorries: Local: Transport: Gazette24"))
    assert art.title == "Council closes harbour bridge to lorries"
    assert art.outlet == "Gazette24"


def test_the_headline_is_the_printed_title_run_not_a_site_heading():
    # the page's first <h1> is the site's name; the headline is the part of the title the page prints
    html = page(title="Harbour Gazette - Council closes harbour bridge to lorries",
                before="<h1>HarbourGazette.com</h1>", headline="Council closes harbour bridge to lorries")
    page_meta = extract_html(html)
    assert page_meta is not None and page_meta.page.title == "Council closes harbour bridge to lorries"
    assert page_meta.page.title_rule == "title_visible"


def test_the_date_printed_by_the_headline_wins_over_the_masthead_and_the_text():
    html = page(title="Council closes harbour bridge to lorries | Harbour Gazette",
                before="<p>Tuesday, January 15, 2008</p>", after_headline="<p>Posted: 28/12/2007</p>")
    art = read(html)
    assert art.published == "2007-12-28"
    assert "published=printed_by_headline" in art.metadata_rules


def test_a_photo_caption_under_the_headline_dates_the_picture_not_the_article():
    # review21: "Rebekah Brooks, former chief executive of News International, in London, June 13, 2012. (AP)" under
    # the headline of a story the page's own field dates 24 July
    html = page(title="Council closes harbour bridge to lorries | Harbour Gazette",
                head='<meta property="article:published_time" content="2012-07-24T09:10:00">',
                after_headline="<p>The mayor, Ann Ray, at the harbour bridge in Lowport, June 13, 2012. (AP)</p>")
    art = read(html)
    assert art.published == "2012-07-24", art.metadata_rules
    credited = page(title="Council closes harbour bridge to lorries | Harbour Gazette",
                    head='<meta property="article:published_time" content="2012-07-24T09:10:00">',
                    after_headline="<p>The harbour bridge on June 13, 2012. REUTERS/Ann Ray</p>")
    assert read(credited).published == "2012-07-24"


def test_a_timestamp_in_another_timezone_gives_way_to_the_day_the_page_prints():
    # "23 July 2012" printed above the headline (share buttons between); the field says 00:55 the next day
    share = "".join(f"<p>{w}</p>" for w in ("Share", "Facebook", "Twitter", "Email", "Print"))
    html = page(title="Council closes harbour bridge to lorries | Harbour Gazette",
                head='<meta name="OriginalPublicationDate" content="2012/07/24 00:55:05">',
                before=f"<p>23 July 2012</p>{share}")
    art = read(html)
    assert art.published == "2012-07-23"
    # a date printed further above that is days away from the page's own field is a masthead: not taken
    html = page(title="Council closes harbour bridge to lorries | Harbour Gazette",
                head='<meta name="OriginalPublicationDate" content="2012/07/24 00:55:05">',
                before=f"<p>19 July 2012</p>{share}")
    assert read(html).published == "2012-07-24"


def test_a_title_left_open_is_closed_and_the_page_is_read():
    html = page(title="x").replace("<title>x</title>",
                                   '<title>Council closes harbour bridge to lorries - Gazette</titavaScript" src="a.js">'
                                   "</script>\n")
    assert "</title>" in close_title(html) and close_title(close_title(html)) == close_title(html)
    art = read(html)
    assert "steel frame had corroded" in art.text


def test_the_largest_text_block_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(html_mod.trafilatura, "bare_extraction", lambda *a, **k: None)
    got = extract_html(page(title="Council closes harbour bridge to lorries | Harbour Gazette"))
    assert got is not None and got.fallback == "largest_text_block"
    assert "temporary ferry" in got.text and "Home" not in got.text.split("\n")
    assert got.page.outlet == "Harbour Gazette"  # the page's own evidence is still read


def test_paragraphs_set_apart_by_br_are_kept():
    one_div = "<div class='story'><b>Council closes harbour bridge to lorries</b><br>" + "<br>".join(BODY) + "</div>"
    html = f"<html><head><title>Council closes harbour bridge to lorries</title></head><body>{one_div}</body></html>"
    flat = " ".join(BODY)
    lines = ["Council closes harbour bridge to lorries", *BODY]
    assert keep_paragraphs(flat, lines).split("\n") == BODY
    # a line that is not cut at a sentence end keeps the paragraph whole
    assert keep_paragraphs(flat, ["harbour bridge to heavy traffic from next month. Engineers told"]) == flat
    art = read(html)
    assert len([p for p in art.paragraphs if p.kind != "title"]) >= len(BODY) - 1


def test_a_line_the_model_calls_chrome_on_the_whole_page_leaves_the_text(monkeypatch: pytest.MonkeyPatch):
    from newsprism.extract import lines as lines_mod
    from newsprism.extract.lines import LineVerdict
    from newsprism.settings import DEFAULT

    promo = "Harbour Gazette is now on your phone"
    stamp = "Updated: June 12, 2018"
    long_chrome = ("Subscribers read this story first in the morning edition, which also carries the tide tables, "
                   "the ferry timetable and the letters page for the week.")

    class Fake:
        def predict(self, lines: list[str]) -> list[LineVerdict]:
            return [LineVerdict(probability=0.95 if line in (promo, long_chrome, stamp) else 0.1, top_features=("f",))
                    for line in lines]

    monkeypatch.setattr(lines_mod, "load_model", lambda: Fake())
    text = "\n".join([stamp, BODY[0], promo, BODY[1], long_chrome])
    kept, removed = html_mod.drop_page_chrome(text, [stamp, BODY[0], promo, BODY[1], long_chrome], DEFAULT)
    # prose is never dropped this way, nor a stamp the metadata readers take
    assert kept.split("\n") == [stamp, BODY[0], BODY[1], long_chrome]
    assert [r.text for r in removed] == [promo] and removed[0].reason == "page_chrome"
    assert "page_context" in removed[0].features
    off = html_mod.drop_page_chrome(text, [promo], DEFAULT.__class__(page_chrome_min=1.0))
    assert off == (text, [])
