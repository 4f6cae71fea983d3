"""Metadata stated in the text (datelines, stamps, bylines, credits) and metadata the user knows
(keyword overrides, NAME.meta.json sidecars, JSONL fields). Every text here is written by the test."""

from __future__ import annotations

import json

import pytest

from newsprism.errors import MalformedInput
from newsprism.extract.meta import parse_stamp, read_tail_line, read_top_line
from newsprism.extract.text import clean_text
from newsprism.pipeline import load_many, load_one
from newsprism.records import RawDocument
from newsprism.sources import apply_overrides, read_sidecar

BODY = ("The harbour authority said on Tuesday that the new breakwater would be finished before the winter storms, "
        "and that fishing boats could use the inner basin again from next month. Local skippers said the delay "
        "had cost them most of the autumn season.")
MORE = "A second paragraph adds that the council will meet again next week to discuss the budget for the works."


def _clean(*lines: str):  # type: ignore[no-untyped-def]
    return clean_text("\n".join(("Breakwater Finished Before Winter Storms",) + lines + (BODY, MORE)))


@pytest.mark.parametrize("line, outlet, published, rule", [
    ("KELSO, Aug. 3 (Xinhua) -- " + BODY, "Xinhua", None, "city_date_agency_dateline"),
    ("KELSO, Aug. 3, 2023 (Xinhua) -- " + BODY, "Xinhua", "2023-08-03", "city_date_agency_dateline"),
    ("PORT ARDEN (AP) — " + BODY, "AP", None, "city_agency_dateline"),
    ("Marrowby, Estmark (Reuters) - " + BODY, "Reuters", None, "city_agency_dateline"),
    ("(JTA) — " + BODY, "JTA", None, "city_agency_dateline"),
    ("Coastline Herald, March 4, 2026 — " + BODY, "Coastline Herald", "2026-03-04", "outlet_date_dateline"),
])
def test_meta_datelines(line, outlet, published, rule):
    cleaned = _clean(line)
    assert cleaned.outlet == outlet and cleaned.published == published
    assert cleaned.rules["outlet"] == rule
    assert cleaned.text.split("\n\n")[1].startswith("The harbour authority said")  # the body keeps the rest
    dateline = [r for r in cleaned.removed if r.reason == "dateline"]
    assert dateline and f"rule:{rule}" in dateline[0].features
    assert "(" + outlet + ")" not in cleaned.text or outlet == "Coastline Herald"


@pytest.mark.parametrize("stamp, date, rule", [
    ("Updated: June 12, 2018", "2018-06-12", "updated_stamp"),
    ("Published: Wed 15 Jul 2015, 10:58 PM", "2015-07-15", "published_stamp"),
    ("Posted on September 20, 2017, at 6:34 a.m. ET", "2017-09-20", "posted_stamp"),
    ("Thursday, Jun 29, 2023 - 02:13 PM", "2023-06-29", "date_stamp"),
    ("Added On October 1, 2017", "2017-10-01", "added_stamp"),
    ("22nd February 2017", "2017-02-22", "date_stamp"),
    ("2019-06-09 HKT 21:45", "2019-06-09", "date_stamp"),
])
def test_meta_stamps(stamp, date, rule):
    cleaned = _clean(stamp)
    assert cleaned.published == date and cleaned.rules["published"] == rule
    assert stamp not in cleaned.text
    assert any(r.reason == "timestamp" and r.text == stamp for r in cleaned.removed)


def test_meta_published_stamp_wins_over_updated():
    cleaned = _clean("Updated: June 14, 2018", "Published: June 12, 2018")
    assert cleaned.published == "2018-06-12"


def test_meta_store_stamp_is_stripped_and_dated():
    cleaned = clean_text(" date 2021-05-04 " + BODY + "\n" + MORE)
    assert cleaned.published == "2021-05-04" and cleaned.rules["published"] == "store_stamp"
    assert cleaned.text.startswith("The harbour authority")


def test_meta_no_date_without_a_year_or_day():
    for text in ("Aug. 3", "July 2015", "07:14pm GMT", "World"):
        assert parse_stamp(text) is None
    assert _clean("Updated 3 hours ago").published is None  # never guessed


@pytest.mark.parametrize("line, author, credits", [
    ("By Ines Okafor", "Ines Okafor", []),
    ("By Tomas Berend and Marta Holm-Varga", "Tomas Berend, Marta Holm-Varga", []),
    ("By Johan Ekberg – UPI", "Johan Ekberg", ["UPI"]),
    ("Lena Varga, and Amir Haddad", "Lena Varga, Amir Haddad", []),
    ("Rosa Fenwick & AFP", "Rosa Fenwick", ["AFP"]),
])
def test_meta_bylines(line, author, credits):
    cleaned = _clean(line)
    assert cleaned.author == author
    assert cleaned.credits == credits
    assert line not in cleaned.text
    assert any(r.reason == "byline" for r in cleaned.removed)


def test_meta_byline_affiliation_and_editor():
    cleaned = _clean("Ines Okafor", "Special for the Coastline Herald", "Editor: Marta Holm")
    assert cleaned.author == "Ines Okafor"
    assert "Special for the Coastline Herald" in cleaned.credits and "Editor: Marta Holm" in cleaned.credits
    assert "Special for" not in cleaned.text and "Editor:" not in cleaned.text


def test_meta_headline_is_not_a_byline():
    assert read_top_line("Historic Deal") is None
    assert read_top_line("Harbour Strike Ends") is None
    assert read_top_line(BODY) is None


@pytest.mark.parametrize("tail, credits, reason, outlet", [
    ("mkg/hc (Reuters, AFP, dpa, AP)", ["Reuters", "AFP", "dpa", "AP"], "credit", None),
    ("(Reporting by Ines Okafor; Editing by Tomas Berend)", ["Reporting by Ines Okafor; Editing by Tomas Berend"],
     "credit", None),
    ("— Reuters", ["Reuters"], "credit", "Reuters"),
    ("© 2025, The Coastline Herald", ["© The Coastline Herald"], "copyright", "The Coastline Herald"),
    ("Copyright 2024 Estmark Wire. All rights reserved.", ["© Estmark Wire"], "copyright", "Estmark Wire"),
])
def test_meta_tail_credits(tail, credits, reason, outlet):
    cleaned = clean_text("\n".join(("Breakwater Finished Before Winter Storms", BODY, MORE, tail)))
    assert cleaned.credits == credits
    assert tail not in cleaned.text
    assert any(r.reason == reason for r in cleaned.removed)
    assert cleaned.outlet == outlet  # one wire or the copyright holder names the outlet; several wires do not


def test_meta_wire_suffix_leaves_the_sentence():
    cleaned = clean_text("\n".join(("Breakwater Finished Before Winter Storms", BODY, MORE + "(ANI)")))
    assert cleaned.credits == ["ANI"] and cleaned.outlet == "ANI"
    assert cleaned.text.endswith("budget for the works.")


def test_meta_tail_reader_leaves_prose():
    assert read_tail_line(MORE) is None
    assert read_tail_line("Reuters reported that the talks had stalled over the weekend.") is None


def test_meta_absent_stays_null():
    cleaned = _clean()
    assert (cleaned.outlet, cleaned.published, cleaned.author, cleaned.credits) == (None, None, None, [])


# ---------------------------------------------------------------------------------- user-known metadata


def test_meta_overrides_win_over_the_text(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Breakwater Finished\nPORT ARDEN (AP) — " + BODY + "\n" + MORE, encoding="utf-8")
    plain = load_one(str(path))
    assert plain.outlet == "AP"
    doc = RawDocument(source=str(path), data=path.read_bytes(), kind="text")
    doc = apply_overrides(doc, outlet="Coastline Herald", published="2025-09-12", url="https://example.test/s",
                          title="Breakwater work ends")
    from newsprism.extract import extract

    a = extract(doc)
    assert (a.outlet, a.published, a.url, a.title) == ("Coastline Herald", "2025-09-12", "https://example.test/s",
                                                        "Breakwater work ends")
    assert apply_overrides(doc) is doc  # nothing given, nothing changed


@pytest.mark.parametrize("sidecar_name", ["story.meta.json", "story.txt.meta.json"])
def test_meta_sidecar_beside_a_text_file(tmp_path, sidecar_name):
    (tmp_path / "story.txt").write_text("Breakwater Finished\n" + BODY + "\n" + MORE, encoding="utf-8")
    (tmp_path / sidecar_name).write_text(json.dumps({"outlet": "Coastline Herald", "date": "12 September 2025",
                                                     "url": "https://example.test/s", "author": ["Ines Okafor"]}),
                                         encoding="utf-8")
    articles, errors = load_many([str(tmp_path)])
    assert not errors and len(articles) == 1  # the sidecar itself is not read as an article
    a = articles[0]
    assert (a.outlet, a.published, a.url, a.author) == ("Coastline Herald", "2025-09-12", "https://example.test/s",
                                                        "Ines Okafor")


def test_meta_bad_sidecar_is_an_error(tmp_path):
    (tmp_path / "story.txt").write_text("Breakwater Finished\n" + BODY + "\n" + MORE, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text("[1, 2]", encoding="utf-8")
    articles, errors = load_many([str(tmp_path / "story.txt")])
    assert not articles and errors and errors[0].code == "NP120"
    with pytest.raises(MalformedInput):
        read_sidecar(tmp_path / "story.meta.json")


def test_meta_jsonl_fields(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"title": "Breakwater Finished", "maintext": BODY + "\n" + MORE,
                                "url": "https://example.test/b", "date_publish": "2025-09-12 10:00:00",
                                "source_domain": "coastline.example", "authors": ["Ines Okafor", "Tomas Berend"]})
                    + "\n", encoding="utf-8")
    (a,), errors = load_many([str(path)])
    assert not errors
    assert (a.title, a.outlet, a.published, a.url, a.author) == (
        "Breakwater Finished", "coastline.example", "2025-09-12", "https://example.test/b", "Ines Okafor, Tomas Berend")


def test_meta_cli_options_on_stdin(tmp_path):
    from typer.testing import CliRunner

    from newsprism.cli import app

    runner = CliRunner()
    db = str(tmp_path / "t.db")
    text = "Breakwater Finished\nPORT ARDEN (AP) — " + BODY + "\n" + MORE
    result = runner.invoke(app, ["ingest", "-", "--db", db, "--no-stories", "--outlet", "Coastline Herald",
                                 "--published", "2025-09-12", "--title", "Breakwater work ends",
                                 "--url", "https://example.test/s"], input=text)
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["list", "--db", db, "--json"])
    (row,) = json.loads(listed.stdout)
    assert row["outlet"] == "Coastline Herald" and row["published"] == "2025-09-12"
    assert row["title"] == "Breakwater work ends"


def test_meta_cli_options_refuse_several_inputs(tmp_path):
    from typer.testing import CliRunner

    from newsprism.cli import app

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Breakwater Finished\n" + BODY + "\n" + MORE, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "t.db"), "--no-stories",
                                      "--outlet", "Coastline Herald"])
    assert result.exit_code != 0
    assert "single file or to stdin" in result.output


def test_meta_bad_published_option_is_an_error(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Breakwater Finished\n" + BODY + "\n" + MORE, encoding="utf-8")
    with pytest.raises(MalformedInput):
        load_one(str(path), overrides={"published": "sometime soon"})
