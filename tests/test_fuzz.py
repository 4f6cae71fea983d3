"""Bounded fuzzing (hypothesis) of the readers and the cleaner: whatever the bytes, each input ends as a
document, an article or an InputError; nothing raises anything else, nothing runs past the deadline."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsprism.errors import InputError
from newsprism.extract import extract
from newsprism.records import Article, RawDocument
from newsprism.sources import iter_documents
from newsprism.sources.base import decode
from newsprism.sources.jsonl import read_jsonl

FUZZ = settings(max_examples=25, deadline=3000, suppress_health_check=[HealthCheck.too_slow], database=None)
WORDS = st.sampled_from(["the", "minister", "said", "“quoted”", "café", "\ud800", "<p>", "</p>", "<html>", "<body>",
                         "<rss>", "<item>", "&amp;", "\x00", "\ufeff", "2024", "1e308", "9" * 40, "\n", "\n\n",
                         "<script>x</script>", "WARC/1.0", "{", "}", "[", "]", '"', ":"])
TEXTISH = st.lists(WORDS, max_size=120).map(" ".join)
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=40),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                       max_size=4),
                           max_leaves=12)
JSON_LINES = st.lists(st.dictionaries(st.sampled_from(["title", "maintext", "text", "html", "url", "authors",
                                                       "date_publish", "source_domain", "x"]),
                                      JSON_VALUES | TEXTISH, max_size=6), max_size=5)


def _settle(items: list[object]) -> None:
    for item in items:
        assert isinstance(item, (RawDocument, InputError)), item
        if isinstance(item, RawDocument):
            try:
                assert isinstance(extract(item), Article)
            except InputError:
                pass


@FUZZ
@given(st.binary(max_size=4096) | TEXTISH.map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_fuzz_decode(data: bytes) -> None:
    try:
        assert isinstance(decode(data, "fuzz"), str)
    except InputError:
        pass


@FUZZ
@given(JSON_LINES, st.lists(TEXTISH, max_size=3))
def test_fuzz_jsonl(objects: list[dict[str, object]], junk: list[str]) -> None:
    lines = [json.dumps(o, allow_nan=True) for o in objects] + junk
    _settle(list(read_jsonl("\n".join(lines), "fuzz.jsonl")))


@FUZZ
@given(st.sampled_from([".txt", ".html", ".jsonl", ".rss", ".warc", ".warc.gz", ""]),
       st.binary(max_size=2048) | TEXTISH.map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_fuzz_readers_and_cleaner(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        _settle(list(iter_documents([str(path)])))


PROSE = st.lists(st.sampled_from(["The", "minister", "said", "“we", "will", "win”", "on", "Monday", "3,400",
                                  "1e308", "10^1000", "9" * 320, "Reuters", "(WHO)", "World", "Health",
                                  "Organization", "he", "she", "told", "reporters", ".", ",", "—", "\n\n",
                                  "so-called", "\"", "'", "x" * 300, "Putin", "Xi", "50%", "$2", "million"]),
                 min_size=20, max_size=200).map(" ".join)


@pytest.mark.slow
@settings(max_examples=15, deadline=20_000, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(PROSE)
def test_fuzz_analyze(text: str) -> None:
    from newsprism.stages import analyze_many

    try:
        article = extract(RawDocument(source="fuzz.txt", data=("Fuzzed Headline\n\n" + text).encode(), kind="text"))
    except InputError:
        return
    (analyzed,) = analyze_many([article])
    json.dumps(analyzed.to_output(), allow_nan=False)  # valid JSON whatever the numbers
