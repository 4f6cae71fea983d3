"""Day and month order of a page's numeric dates, read from the page's own evidence (extract/dates.py).

Each page the tests write holds one class review22 found on saved news pages: a British page printing
"10/01/2008" under its headline and spelling "10 January 2008" elsewhere, a German page whose other numeric
date has a first part over 12, an American page whose markup date came out day first while it spells
"Nov. 6, 2012", a page with no evidence either way (kept, low confidence), and the synthesis that resolves a
relative day only from a date of high confidence.
"""

from __future__ import annotations

import types
from typing import Any

from newsprism.extract import extract
from newsprism.extract.dates import NUMERIC, page_dates, read_numeric
from newsprism.records import RawDocument

from .page_texts import BODY, HEADLINE, read


def page(*, stamp: str, html_attrs: str = "", top: str = "", tail: str = "", head: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<html{html_attrs}><head><title>{HEADLINE}</title>{head}</head><body>{top}"
            f"<div class='story'><h1>{HEADLINE}</h1><div class='stamp'>{stamp}</div>{paras}</div>"
            f"<div class='foot'>{tail}</div></body></html>")


def test_a_numeric_date_the_page_also_spells_reads_as_that_day():
    """"10/01/2008" on a page whose related list spells "10 January 2008" is 10 January, not October 1 (Telegraph);
    the spelled day outranks the page's month-first comment stamps."""
    comments = "".join(f"<p>Posted by Reader{i} on January 10, 2008 5:{i:02d} PM</p>" for i in range(5))
    a = read(page(stamp="Last Updated: 11:11am GMT 10/01/2008",
                  tail=f"<p>Related articles</p><p>10 January 2008: Manager leaves club</p>{comments}"))
    assert a.published == "2008-01-10", a.metadata_rules
    assert "published_confidence=low" not in a.metadata_rules


def test_a_numeric_date_with_a_first_part_over_12_elsewhere_makes_the_page_day_first():
    """"06.01.2008" beside "Di. 15.01.2008" in the page's bar: day first, 6 January (FinanzNachrichten)."""
    a = read(page(stamp="Druckversion 06.01.2008 01:07", top="<div>Erweiterte Suche | Di. 15.01.2008</div>"))
    assert a.published == "2008-01-06", a.metadata_rules


def test_the_page_locale_orders_a_numeric_date():
    """lang="en-GB" reads "05/03/2008" day first, "en-US" month first; a second part over 12 on the page says month
    first too."""
    assert read(page(stamp="Published 05/03/2008", html_attrs=' lang="en-GB"')).published == "2008-03-05"
    assert read(page(stamp="Published 05/03/2008", html_attrs=' lang="en-US"')).published == "2008-05-03"
    assert read(page(stamp="Published 05/03/2008", top="<p>Today: 11/26/2008</p>")).published == "2008-05-03"
    assert read(page(stamp="Published 05/03/2008", head='<meta property="og:locale" content="en_GB">')
                ).published == "2008-03-05"


def test_a_markup_date_read_day_first_is_read_again_in_the_pages_order():
    """htmldate reads a US page's "Page Last Updated: 11/06/2012" as 11 June; the page spells "Nov. 6, 2012", so
    the date is 6 November (FDA)."""
    html = (f"<html><head><title>{HEADLINE}</title></head><body><div class='story'>"
            f"<p>FDA NEWS RELEASE</p><p>For Immediate Release: Nov. 6, 2012</p>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</div><p>Page Last Updated: 11/06/2012</p></body></html>")
    lines = ["For Immediate Release: Nov. 6, 2012", "Page Last Updated: 11/06/2012"]
    m = NUMERIC.search(lines[1])
    assert m is not None
    assert read_numeric(m, page_dates(lines).order(m)) == ("2012-11-06", True)
    from newsprism.extract.html import _reordered, extract_html

    page_read = extract_html(html)
    assert page_read is not None
    assert _reordered("2012-06-11", lines, page_read.page.dates) == ("2012-11-06", True)
    assert _reordered("2012-06-11", ["Page Last Updated: 11/06/2012"], page_dates(["x"])) == ("2012-11-06", False)


def test_an_ambiguous_date_with_no_evidence_is_kept_with_low_confidence():
    a = read(page(stamp="Posted 07/01/2008"))
    assert a.published == "2008-07-01"
    assert "published_confidence=low" in a.metadata_rules
    # one reading only (a part over 12, or both parts alike) is sure
    b = read(page(stamp="Posted 07/21/2008"))
    assert b.published == "2008-07-21" and "published_confidence=low" not in b.metadata_rules
    # a British host says day first
    c = read(page(stamp="Posted 07/01/2008", head='<link rel="canonical" href="https://www.harbour.co.uk/bridge">'))
    assert c.published == "2008-01-07" and "published_confidence=low" not in c.metadata_rules


def _comparison(published: str, rules: tuple[str, ...]) -> Any:
    art = types.SimpleNamespace(published=published, metadata_rules=rules)
    return types.SimpleNamespace(articles=[types.SimpleNamespace(id="a1", article=art)])


def test_a_relative_day_is_resolved_only_from_a_date_of_high_confidence():
    from newsprism.compare.synthesis import _dated

    sure = _comparison("2008-01-06", ("published=printed_by_headline",))
    unsure = _comparison("2008-06-01", ("published=printed_by_headline", "published_confidence=low"))
    assert _dated(sure, "a1", "The remote ships tomorrow.") == "The remote ships on 7 January 2008."
    assert _dated(unsure, "a1", "The remote ships tomorrow.") == "The remote ships tomorrow."
    # "today's most popular devices" names no day
    assert _dated(sure, "a1", "It controls today's most popular devices.") == "It controls today's most popular devices."


def test_the_time_zone_on_the_dates_line_orders_it():
    """"01/11/2008 11:25:11 PM PST": a North American zone, month first (11 January); "BST" day first."""
    a = read(page(stamp="Article Launched: 01/11/2008 11:25:11 PM PST"))
    assert a.published == "2008-01-11" and "published_confidence=low" not in a.metadata_rules
    b = read(page(stamp="Published 05/03/2008 10:02 BST"))
    assert b.published == "2008-03-05" and "published_confidence=low" not in b.metadata_rules


def test_a_stamp_in_a_layout_tables_cell_is_read():
    """"| Last Updated: Sunday, 13 January 2008, 00:55 GMT |": the cell's bars do not hide the stamp (BBC)."""
    from newsprism.extract.meta import read_top_line

    hit = read_top_line("| Last Updated: Sunday, 13 January 2008, 00:55 GMT |")
    assert hit is not None and hit.values == (("published", "2008-01-13"),)
    assert read_top_line("| | 2008 | 2009 |") is None


def test_the_storys_dateline_day_replaces_a_later_markup_date():
    """"GOLD COAST (Australia), December 30:" on a page whose markup date is 15 January: 30 December of the year
    before (Indiatimes); a dateline day after the markup's, or far before it, leaves the markup's date. Only a
    date the page states in no field of its own is so replaced (a published-time field stays)."""
    from newsprism.extract.html import _dateline_day

    text = "GOLD COAST (Australia), December 30:\nFifth-seeded player moved through to the second round."
    assert _dateline_day(text, "2008-01-15") == "2007-12-30"
    assert _dateline_day(text, "2008-06-15") == "2008-06-15"
    assert _dateline_day("NEW DELHI, Jan 2: The minister said.", "2008-01-03") == "2008-01-02"
    assert _dateline_day("NEW DELHI, Jan 9: The minister said.", "2008-01-03") == "2008-01-03"
    assert _dateline_day("The minister said on Jan 2: no.", "2008-01-03") == "2008-01-03"
    # a page with no date field of its own: the markup's date is htmldate's, here read from the URL
    html = ("<html><head><title>Peer safely through first round</title></head><body><div class='story'>"
            "<p>GOLD COAST (Australia), December 30:</p>" + "".join(f"<p>{p}</p>" for p in BODY) + "</div></body></html>")
    a = extract(RawDocument(source="page.html", data=html.encode("utf-8"), kind="html",
                            url="https://sports.example.com/2008/01/15/peer.html"))
    assert a.published == "2007-12-30" and "published=dateline_day" in a.metadata_rules, a.metadata_rules
