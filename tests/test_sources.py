"""Readers: feeds, WARC, JSONL, URLs (served on loopback), stdin, globs."""

from __future__ import annotations

import io
import json

import pytest

from newsprism.errors import FetchFailed, InputError, MalformedInput, TooLarge
from newsprism.pipeline import load_many, load_one, read_articles
from newsprism.settings import Settings
from newsprism.sources import iter_documents
from newsprism.sources.base import decode, looks_binary
from newsprism.records import RawDocument

from .conftest import respond

LOCAL = Settings(allow_private_urls=True, fetch_timeout=1.0)

BODY = ("The regional water board said on Tuesday that reservoir levels had fallen to their lowest point in "
        "twenty years after a dry winter, and asked households to cut use by a tenth. Farmers in the east of "
        "the region said they had already begun to ration irrigation, while the board promised to publish "
        "weekly figures until the spring rains arrive. Officials did not rule out a hosepipe ban in June.")


def _rss(items: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Riverside Gazette</title><link>http://example.test/</link><description>news</description>
{items}</channel></rss>""".encode()


def test_sources_feed_entry_content_is_the_article(tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_bytes(_rss(f"""<item><title>Reservoirs at twenty-year low</title><link>http://example.test/a</link>
<guid>a-1</guid><pubDate>Tue, 14 Jan 2025 09:00:00 GMT</pubDate><author>Nils Berg</author>
<content:encoded><![CDATA[<p>{BODY}</p>]]></content:encoded></item>"""))
    articles, errors = load_many([str(feed)])
    assert not errors
    (a,) = articles
    assert a.title == "Reservoirs at twenty-year low"
    assert a.outlet == "Riverside Gazette"
    assert a.published == "2025-01-14"
    assert "hosepipe ban" in a.text
    assert a.source == "http://example.test/a"


def test_sources_feed_entry_link_is_fetched(tmp_path, http_server):
    page = f"<html><head><title>Water board warning</title></head><body><article><h1>Water board warning</h1><p>{BODY}</p></article></body></html>"
    base = http_server({"/story": respond(page.encode())})
    feed = _rss(f"""<item><title>Water board warning</title><link>{base}/story</link><guid>b-1</guid>
<description>Short teaser.</description></item>
<item><title>Gone</title><link>{base}/missing</link><guid>b-2</guid><description>x</description></item>""")
    base2 = http_server({"/feed.xml": respond(feed, "application/rss+xml")})
    items = list(read_articles([f"{base2}/feed.xml"], LOCAL))
    ok = [i for i in items if not isinstance(i, InputError)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert len(ok) == 1 and "reservoir levels" in ok[0].text and ok[0].outlet == "Riverside Gazette"
    assert len(bad) == 1 and bad[0].reason == "http_error"


def test_sources_atom_feed(tmp_path):
    atom = tmp_path / "feed.atom"
    atom.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Post</title><id>urn:hp</id><updated>2025-02-01T00:00:00Z</updated>
<entry><title>Dry winter</title><id>urn:hp:1</id><link href="http://example.test/dry"/><updated>2025-02-01T00:00:00Z</updated>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>""", encoding="utf-8")
    (a,), errors = load_many([str(atom)])
    assert not errors and a.outlet == "Hill Post" and a.published == "2025-02-01"


def test_sources_malformed_feed_is_an_error(tmp_path):
    bad = tmp_path / "bad.rss"
    bad.write_bytes(b"<?xml version='1.0'?><rss><channel><item><title>unclosed")
    items = list(read_articles([str(bad)]))
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_sources_warc_response_records(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n, (ctype, body) in enumerate([
            ("text/html", f"<html><head><title>Story {0}</title></head><body><article><p>{BODY}</p></article></body></html>"),
            ("image/png", "not an article"),
            ("text/html", f"<html><head><title>Second</title></head><body><article><p>{BODY} Second edition with more detail on the eastern farms.</p></article></body></html>"),
        ]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            record = writer.create_warc_record(f"http://example.test/{n}", "response",
                                               payload=io.BytesIO(body.encode()), http_headers=headers)
            writer.write_record(record)
    articles, errors = load_many([str(path)])
    assert not errors
    assert len(articles) == 2
    assert articles[0].source.endswith("#http://example.test/0")
    assert articles[0].url == "http://example.test/0"


def test_sources_jsonl_news_please_fields(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [
        {"title": "Reservoirs low", "maintext": BODY, "url": "http://example.test/r", "date_publish": "2025-01-14 09:00:00",
         "source_domain": "riverside.example", "authors": ["Nils Berg"]},
        {"title": "Other", "text": BODY + " A second article.", "url": "http://example.test/o", "date": "2025-01-15",
         "source": "Hill Post"},
        "not an object",
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken json\n", encoding="utf-8")
    items = list(read_articles([str(path)]))
    ok = [i for i in items if not isinstance(i, InputError)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [a.title for a in ok] == ["Reservoirs low", "Other"]
    assert ok[0].outlet == "riverside.example" and ok[0].author == "Nils Berg" and ok[0].published == "2025-01-14"
    assert ok[1].outlet == "Hill Post"
    assert len(bad) == 2 and all(isinstance(b, MalformedInput) for b in bad)


def test_sources_stdin():
    a = load_one("-", stdin=io.BytesIO(("Reservoirs At Twenty-Year Low\n\n" + BODY).encode()))
    assert a.source == "<stdin>" and a.title == "Reservoirs At Twenty-Year Low"


def test_sources_url_article(http_server):
    page = f"<html><head><title>Water</title><meta property='og:site_name' content='Riverside Gazette'></head><body><article><p>{BODY}</p></article></body></html>"
    base = http_server({"/a": respond(page.encode())})
    a = load_one(f"{base}/a", LOCAL)
    assert a.outlet == "Riverside Gazette" and "reservoir" in a.text


def test_sources_url_404_timeout_type_and_size(http_server):
    base = http_server({
        "/slow": respond(b"<html></html>", delay=3.0),
        "/pdf": respond(b"%PDF-1.4", "application/pdf"),
        "/big": respond(b"x" * 5000),
    })
    with pytest.raises(FetchFailed) as e404:
        load_one(f"{base}/missing", LOCAL)
    assert e404.value.reason == "http_error"
    with pytest.raises(FetchFailed) as slow:
        load_one(f"{base}/slow", LOCAL)
    assert slow.value.reason == "timeout"
    with pytest.raises(FetchFailed) as pdf:
        load_one(f"{base}/pdf", LOCAL)
    assert pdf.value.reason == "bad_content_type"
    with pytest.raises(TooLarge):
        load_one(f"{base}/big", LOCAL.replace(max_bytes=1000))


def test_sources_private_addresses_refused_by_default(http_server):
    base = http_server({"/a": respond(b"<html><body><p>hello</p></body></html>")})
    with pytest.raises(FetchFailed) as exc:
        load_one(f"{base}/a")
    assert exc.value.reason == "private_address"


def test_sources_decode_non_utf8_and_binary():
    text = ("The mayor’s office said the river had reached “record levels” on Tuesday — the highest since "
            "records began — and that the café district near the quay would stay closed until the water fell.")
    assert decode(text.encode("cp1252"), "x") == text
    assert looks_binary(b"\x00\x01\x02binary\x00" * 50)
    assert looks_binary(b"%PDF-1.7 stuff")
    assert not looks_binary("plain words, é and ü".encode())


def test_sources_globs_and_directories(tmp_path):
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(f"Headline number {n}\n\n{BODY} Variant {n}.", encoding="utf-8")
    docs = list(iter_documents([str(tmp_path / "*.txt")]))
    assert len(docs) == 3 and all(isinstance(d, RawDocument) for d in docs)
    assert len(list(iter_documents([str(tmp_path)]))) == 3


def test_sources_gzip_compressed_page_is_read_as_the_page_it_holds(tmp_path):
    import gzip

    page = (f"<html><head><title>Reservoirs at twenty-year low</title></head><body><nav>Home | Sport</nav>"
            f"<article><h1>Reservoirs at twenty-year low</h1><p>{BODY}</p></article></body></html>").encode()
    saved = tmp_path / "water.html.gz"
    saved.write_bytes(gzip.compress(page))
    (doc,) = list(iter_documents([str(saved)]))
    assert isinstance(doc, RawDocument) and doc.kind == "html" and doc.data == page
    article = load_one(str(saved))
    assert "reservoir levels had fallen" in article.text and "Home | Sport" not in article.text
    # the same bytes on stdin
    (piped,) = list(iter_documents(["-"], stdin=io.BytesIO(gzip.compress(page))))
    assert isinstance(piped, RawDocument) and piped.data == page


def test_sources_gzip_cut_short_corrupt_or_inflating_past_the_limit_is_a_one_line_error(tmp_path):
    import gzip

    whole = gzip.compress(BODY.encode() * 20)
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    bad = tmp_path / "bad.txt.gz"
    bad.write_bytes(whole[:10] + b"\x00" * 40 + whole[50:])
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 50_000))
    (e1,) = list(iter_documents([str(cut)]))
    (e2,) = list(iter_documents([str(bad)]))
    (e3,) = list(iter_documents([str(bomb)], Settings(max_bytes=20_000)))
    assert isinstance(e1, InputError) and "cut short" in str(e1) and "\n" not in str(e1)
    assert isinstance(e2, InputError) and "corrupt" in str(e2)
    assert isinstance(e3, TooLarge) and "20,000" in str(e3)
