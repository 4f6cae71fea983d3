"""Site tags in titles and the outlet's name, read from the page's own evidence (extract/page.py).

Each page the tests write holds one class seen on saved news pages (review20/21, page21): a blog's
name set off on the headline and on the page's other titles, a site name printed beside the headline
in a share box, a title that names only the site, a headline marked by class, a tagline beside the
name the host spells, a web-edition word after the name, a logo's alt text, a Roman-numeral year.
"""

from __future__ import annotations

from newsprism.extract.html import extract_html
from newsprism.extract.page import SiteEvidence, site_tag_evidence

from .page_texts import BODY, HEADLINE, read


def page(*, title: str, head: str = "", top: str = "", heading: str = f"<h1>{HEADLINE}</h1>", tail: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<html><head><title>{title}</title>{head}</head><body>{top}"
            f"<div class='nav'><a href='/'>Home</a> <a href='/news'>News</a></div>"
            f"<div class='story'>{heading}{paras}</div><div class='foot'>{tail}</div></body></html>")


CANON = '<link rel="canonical" href="https://www.harbourgazette.com/news/bridge.html">'


def test_a_blog_tag_the_page_sets_off_on_its_other_titles_leaves_the_headline():
    recent = "".join(f"<li><a href='/p{i}'>{t} | Harbour Notes</a></li>" for i, t in enumerate(
        (f"{HEADLINE}", "Ferry timetable published for the spring", "Readers send photos of the old bridge")))
    art = read(page(title=f"{HEADLINE} | Harbour Notes | Gazette Magazine", tail=f"<ul>{recent}</ul>"))
    assert art.title == HEADLINE
    assert "title=title_visible_site_tag_cut" in art.metadata_rules
    score, why = site_tag_evidence("Harbour Notes", SiteEvidence(lines=tuple(
        f"{t} | Harbour Notes" for t in ("Ferry timetable", "Readers send photos"))))
    assert score >= 1.0 and why == ("tag_on_2_other_titles",)


def test_a_site_name_the_host_spells_is_cut_though_a_share_box_prints_it_with_the_headline():
    html = page(title=f"{HEADLINE} - Harbour Gazette", head=CANON,
                tail=f"<div class='share'>{HEADLINE} - Harbour Gazette</div>")
    art = read(html)
    assert art.title == HEADLINE
    assert art.outlet == "Harbour Gazette"
    assert site_tag_evidence("Harbour Gazette", SiteEvidence(hosts=("harbourgazette.com",)))[1] == (
        "host:harbourgazette.com",)


def test_a_title_that_names_only_the_site_gives_way_to_the_heading_above_the_text():
    html = page(title="Harbour Gazette - Local Transport", head=CANON, top="<div class='mast'>Harbour Gazette</div>",
                heading=f"<h3>{HEADLINE}</h3>")
    ext = extract_html(html)
    assert ext is not None and ext.page.title == HEADLINE and ext.page.title_rule == "heading_before_text"
    assert ext.page.outlet == "Harbour Gazette"


def test_a_one_part_title_the_page_prints_as_its_tag_gives_way_to_the_marked_headline():
    top = "".join("<div>Leading the Harbour</div>" for _ in range(3))
    html = page(title="Leading the Harbour", top=top,
                heading=f"<span class='ViewArticleTitle' id='Article_title'>{HEADLINE}</span>")
    ext = extract_html(html)
    assert ext is not None and ext.page.title == HEADLINE and ext.page.title_rule == "marked_headline"
    assert ext.page.outlet == "Leading the Harbour"


def test_of_two_site_parts_the_outlet_is_the_one_the_host_spells():
    html = page(title=f"{HEADLINE} | Harbour X Press - Shipping Blog",
                head='<link rel="canonical" href="http://harbourxpress.info/2012/bridge">')
    assert read(html).outlet == "Harbour X Press"
    # without a host the part read from the end is kept, as before
    assert read(page(title=f"{HEADLINE} | Harbour X Press - Shipping Blog")).outlet == "Shipping Blog"


def test_a_web_edition_word_after_the_name_the_host_spells_is_cut():
    eagle = read(page(title=f"Harbour Eagle Online - {HEADLINE}",
                      head='<link rel="canonical" href="http://www.harboureagle.com/ci_1">'))
    assert eagle.outlet == "Harbour Eagle"
    kept = read(page(title=f"Harbour Press International - {HEADLINE}",
                     head='<link rel="canonical" href="http://www.harbourpress.com/ci_1">'))
    assert kept.outlet == "Harbour Press International"


def test_the_logo_alt_names_the_outlet_where_the_host_spells_it():
    logo = "<a href='/'><img src='/img/top.gif' alt='Welcome to HarbourNet.com'></a>"
    art = read(page(title=HEADLINE, top=logo, head='<link rel="canonical" href="http://www.harbournet.com/a/1">'))
    assert art.outlet == "HarbourNet.com"
    assert "outlet=logo_alt" in art.metadata_rules
    other = read(page(title=HEADLINE, top=logo, head='<link rel="canonical" href="http://www.shipnews.com/a/1">'))
    assert "outlet=logo_alt" not in other.metadata_rules


def test_a_roman_numeral_year_is_no_copyright_holder():
    art = read(page(title=HEADLINE, tail="<p>© MMVIII, Harbour Gazette. All Rights Reserved.</p>"))
    assert art.outlet == "Harbour Gazette"


RELATED = [("Ferry company orders two new boats for the crossing", "The operator said the boats would arrive in May."),
           ("Shipyard workers vote to accept the new pay offer", "The union said the deal ended a long dispute."),
           ("Lighthouse keeper retires after forty years of service", "Friends gathered on the quay to see him off.")]


def related_page(items: list[tuple[str, str]]) -> str:
    lis = "".join(f"<li><a href='/story/{i}'>{h}</a></li><li>{t}</li>" for i, (h, t) in enumerate(items))
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<html><head><title>{HEADLINE}</title></head><body><div class='story'><h1>{HEADLINE}</h1>{paras}"
            f"<h3>More stories</h3><ul>{lis}</ul><p>{BODY[0]}</p></div></body></html>")


def test_a_list_of_other_pages_headlines_kept_in_the_article_is_dropped():
    ext = extract_html(related_page(RELATED))
    assert ext is not None
    assert "Ferry company orders" not in ext.text and "The union said the deal" not in ext.text
    assert all(p in ext.text for p in BODY)
    dropped = [r for r in ext.removed if r.reason == "related_links"]
    assert len(dropped) == 6 and "whole_link_text" in dropped[0].features


def test_a_single_linked_line_or_list_of_plain_items_stays():
    one = extract_html(related_page(RELATED[:1]))
    assert one is not None and "Ferry company orders two new boats" in one.text
    plain = "".join(f"<li>{h}</li>" for h, _ in RELATED)
    html = (f"<html><head><title>{HEADLINE}</title></head><body><div class='story'><h1>{HEADLINE}</h1>"
            + "".join(f"<p>{p}</p>" for p in BODY) + f"<ul>{plain}</ul></div></body></html>")
    ext = extract_html(html)
    assert ext is not None and "Lighthouse keeper retires" in ext.text


STORY = ("The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month, after "
         "engineers told members that the steel frame had corroded faster than expected over two wet winters.")
STORY2 = ("Residents on both banks said the closure would add twenty minutes to the school run each morning, and "
          "the mayor promised a temporary ferry every quarter of an hour until the repairs were finished.")


def layout_page() -> str:
    """A 2008-style page: one layout table cell holds the headline, the byline, the date line and the story, set
    apart only by <br>; a navigation row of short cells beside it."""
    cell = f"{HEADLINE}<br>By Jane Smith, Gazette Writer<br>Posted: Wednesday Jan 9, 2008 10:23 PM<br>{STORY}<br>{STORY2}"
    return (f"<html><head><title>{HEADLINE}</title></head><body><table><tr><td>Home</td><td>News</td>"
            f"<td>Sport</td></tr><tr><td></td><td>{cell}</td><td>Top</td></tr></table></body></html>")


def test_a_layout_table_cell_is_cut_into_the_lines_the_page_prints():
    from newsprism.extract.html import flatten_html, keep_paragraphs, split_layout_rows
    row = f"| | {HEADLINE} By Jane Smith, Gazette Writer Posted: Wednesday Jan 9, 2008 10:23 PM {STORY} {STORY2} | Top |"
    lines = flatten_html(layout_page())
    out = keep_paragraphs(split_layout_rows(row), lines).split("\n")
    assert out[:5] == [HEADLINE, "By Jane Smith, Gazette Writer", "Posted: Wednesday Jan 9, 2008 10:23 PM", STORY, STORY2]
    assert out[5] == "Top"
    # a data table's row of short cells stays one line
    assert split_layout_rows("| Putts per GIR | 1.755 | T26 |") == "| Putts per GIR | 1.755 | T26 |"


def test_a_hard_wrapped_paragraph_is_not_cut_mid_sentence():
    from newsprism.extract.html import keep_paragraphs
    words = (STORY + " " + STORY2).split()
    wrapped = [" ".join(words[i:i + 12]) for i in range(0, len(words), 12)]
    assert keep_paragraphs(" ".join(words), wrapped) == " ".join(words)


def test_teasers_cut_short_beside_linked_headlines_are_a_related_list():
    items = "".join(f"<p><a href='/s/{i}'>{h}</a></p><p>{t.rstrip('.')} and the council said more would follow in..."
                    f"</p>" for i, (h, t) in enumerate(RELATED))
    html = (f"<html><head><title>{HEADLINE}</title></head><body><div class='story'><h1>{HEADLINE}</h1>"
            + "".join(f"<p>{p}</p>" for p in BODY) + f"<h4>Other news</h4>{items}</div></body></html>")
    ext = extract_html(html)
    assert ext is not None and all(p in ext.text for p in BODY)
    assert "would follow in..." not in ext.text and "Lighthouse keeper" not in ext.text


def test_a_wire_story_on_a_site_that_names_itself_is_the_site_s():
    body = [f"ST. LOUIS (AP) -- {BODY[0]}", *BODY[1:]]
    paras = "".join(f"<p>{p}</p>" for p in body)

    def wire_page(head: str) -> str:
        return (f"<html><head><title>{HEADLINE}</title>{head}</head><body><div class='story'><h1>{HEADLINE}</h1>"
                f"{paras}</div><div class='foot'><p>© 2008 Harbour Forum</p></div></body></html>")

    hosted = read(wire_page('<link rel="canonical" href="http://www.harbourforum.com/nhl/1">'))
    assert hosted.outlet == "Harbour Forum" and "outlet=copyright_holder" in hosted.metadata_rules
    reprint = read(wire_page('<link rel="canonical" href="http://news.example-host.com/nhl/1">'))
    assert any(r.startswith("outlet=") and "dateline" in r for r in reprint.metadata_rules)
