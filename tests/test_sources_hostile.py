"""Readers on hostile or broken input: every bad item becomes a failure record, the batch goes on."""

from __future__ import annotations

import io
import json
import random

from newsprism.errors import InputError, MalformedInput
from newsprism.extract.html import extract_html
from newsprism.pipeline import read_articles
from newsprism.records import RawDocument
from newsprism.sources import iter_documents
from newsprism.sources.base import decode

BODY = ("The regional water board said on Tuesday that reservoir levels had fallen to their lowest point in "
        "twenty years after a dry winter, and asked households to cut use by a tenth. Farmers in the east of "
        "the region said they had already begun to ration irrigation, while the board promised to publish "
        "weekly figures until the spring rains arrive. Officials did not rule out a hosepipe ban in June.")


def test_sources_jsonl_bad_lines_become_failures_with_line_numbers(tmp_path):
    good = {"title": "Reservoirs low", "maintext": BODY, "url": "http://example.test/r"}
    lines = [
        json.dumps(good),
        "[" * 100_000 + "]" * 100_000,                         # 2: nesting deep enough for a RecursionError
        '{"title": NaN, "maintext": %s}' % json.dumps(BODY),   # 3: NaN title
        json.dumps({"title": {"a": 1}, "maintext": BODY}),     # 4: dict title
        json.dumps({"title": ["x"], "maintext": BODY}),        # 5: list title
        json.dumps({"maintext": BODY, "source_domain": {"name": "x"}}),  # 6: outlet dict
        json.dumps({"maintext": BODY, "url": ["http://a", "http://b"]}),  # 7: URL list
        json.dumps({"maintext": {"text": BODY}}),              # 8: dict maintext
        '{"title": "ok \\ud800 title", "maintext": %s}' % json.dumps(BODY + " Lone surrogate line."),  # 9
        '{"maintext": "x", "n": ' + "9" * 5000 + "}",          # 10: an integer over Python's digit limit
        json.dumps(dict(good, title="Last one", maintext=BODY + " The last line still counts.")),
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_articles([str(path)]))
    bad = {int(str(i.source).rsplit(":", 1)[1]): i for i in items if isinstance(i, InputError)}
    ok = [i for i in items if not isinstance(i, InputError)]
    assert sorted(bad) == [2, 3, 4, 5, 6, 7, 8, 10]
    assert all(isinstance(b, MalformedInput) and f"line {n}" in b.message for n, b in bad.items())
    assert [a.title for a in ok] == ["Reservoirs low", "ok \ufffd title", "Last one"]
    assert not any("{'text'" in a.text for a in ok)  # a dict maintext is never stored as its repr


def _write_warc(path, n: int = 2) -> bytes:  # type: ignore[no-untyped-def]
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=str(path).endswith(".gz"))
    for k in range(n):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        page = f"<html><body><article><p>{BODY} Edition {k}.</p></article></body></html>".encode()
        writer.write_record(writer.create_warc_record(f"http://example.test/{k}", "response",
                                                      payload=io.BytesIO(page), http_headers=headers))
    return buf.getvalue()


def test_sources_garbage_and_non_warc_files_are_malformed(tmp_path):
    text = tmp_path / "notes.warc"
    text.write_text("just some notes, not an archive\n" * 20)
    items = list(iter_documents([str(text)]))
    assert len(items) == 1 and isinstance(items[0], MalformedInput)
    rng = random.Random(7)
    for k in range(40):  # truncated and corrupted archives: a failure record, never an exception
        path = tmp_path / (f"c{k}.warc.gz" if k % 2 else f"c{k}.warc")
        data = bytearray(_write_warc(path))
        if k % 4 < 2:
            data = data[: rng.randrange(20, len(data))]
        else:
            for _ in range(6):
                data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data))
        for item in iter_documents([str(path)]):
            assert isinstance(item, (RawDocument, MalformedInput)), item


def test_sources_one_latin1_byte_in_utf8_is_repaired_alone():
    text = ("The minister said the “record” harvest — the largest since 1990 — would lower prices, and the "
            "caf\xe9 owners’ association welcomed it.")
    data = text.encode("utf-8").replace("caf\xe9".encode("utf-8"), b"caf\xe9")  # one latin-1 byte
    out = decode(data, "x")
    assert "“record”" in out and "—" in out and "owners’" in out  # no mojibake of the valid UTF-8
    assert "café" in out


def test_sources_utf16_missing_last_byte_is_text():
    data = ("\ufeff" + BODY).encode("utf-16-le")[:-1]
    out = decode(data, "x")
    assert out.startswith("The regional water board") and "hosepipe ban" in out


def test_extract_html_never_takes_a_date_from_body_prose():
    page = (f"<html><head><title>Bridge</title></head><body><article><h1>Bridge report</h1><p>A 2024 engineering "
            f"review said the bridge was safe.</p><p>{BODY}</p></article></body></html>")
    assert extract_html(page).published is None
    dated = page.replace("<head>", '<head><meta property="article:published_time" content="2023-05-06T10:00:00Z">')
    assert extract_html(dated).published == "2023-05-06"


def test_extract_size_caps_fail_before_parsing_or_analysis():
    from newsprism.errors import TooLarge
    from newsprism.extract import extract
    from newsprism.settings import Settings

    million_p = ("<html><body>" + "<p>para</p>" * 60_000 + "</body></html>").encode()
    for doc, settings, why in [
        (RawDocument(source="p.html", data=million_p, kind="html"), Settings(), "max_html_tags"),
        (RawDocument(source="s.txt", data=(BODY + " " + "x" * 600_000).encode(), kind="text"), Settings(),
         "max_token_chars"),
        (RawDocument(source="l.txt", data=((BODY + "\n\n") * 40).encode(), kind="text"), Settings(max_analysis_chars=5_000),
         "max_analysis_chars"),
    ]:
        try:
            extract(doc, settings)
        except TooLarge as exc:
            assert why in exc.message and exc.source == doc.source and exc.reason == "too_large"
        else:
            raise AssertionError(f"{doc.source} was not refused by {why}")
