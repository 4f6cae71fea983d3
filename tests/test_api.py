"""The public API: the README example runs, and the API's promises hold."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import newsprism
from newsprism.errors import StageOrderError
from newsprism.records import Article
from newsprism.settings import DEFAULT
from newsprism.stages import DEFAULT_STAGES, Stage, StageContext, analysis_key, check_order, run_stages

from .conftest import ROOT

README = ROOT / "README.md"


def _readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Python API"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]


@pytest.mark.slow
def test_api_readme_example_runs_on_the_seeds(seeds):
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        scope: dict[str, object] = {}
        exec(compile(_readme_example(), "README.md", "exec"), scope)  # noqa: S102 - our own README
    finally:
        os.chdir(cwd)
    tables = scope["tables"]
    assert set(tables) == {"facts", "support", "quotes", "sources", "framing", "conflicts"}  # type: ignore[arg-type]
    assert len(tables["facts"]) > 0 and len(tables["quotes"]) > 0  # type: ignore[index]
    assert set(tables["facts"]["status"]) <= {"corroborated", "unique", "conflict"}  # type: ignore[index]
    assert scope["article_json"]["schema"] == "newsprism.article/1"  # type: ignore[index]
    assert scope["comparison_json"]["schema"].startswith("newsprism.comparison/")  # type: ignore[index]
    assert scope["art"].outlet == "Orinoco Tribune"  # type: ignore[attr-defined]
    note = scope["note"]
    assert note.outlet == "Estmark Wire" and note.published == "2024-05-16"  # type: ignore[attr-defined]
    # every quote row points at its text in its article
    cmp = scope["cmp"]
    texts = {a.id: a.article.text for a in cmp.articles}  # type: ignore[attr-defined]
    for row in tables["quotes"].itertuples():  # type: ignore[index]
        assert row.text and row.text in texts[row.article]


def test_api_public_surface_is_listed():
    for name in ("read", "read_text", "analyze", "compare", "Store", "Settings", "NewsprismError", "Comparison"):
        assert name in newsprism.__all__ and hasattr(newsprism, name)
    assert issubclass(newsprism.SettingError, newsprism.NewsprismError)


def test_api_read_text_keeps_the_users_metadata():
    art = newsprism.read_text("Harbour Strike Ends\n\n" + "Dock workers returned to the cranes on Monday after a "
                              "deal on pay was signed by the port authority and the union late on Sunday. " * 3,
                              outlet="Harbour Gazette", published="2024-03-04", url="https://example.org/a")
    assert (art.outlet, art.published, art.url) == ("Harbour Gazette", "2024-03-04", "https://example.org/a")
    assert art.title == "Harbour Strike Ends"


def test_api_stage_order_and_declared_inputs():
    stages = list(DEFAULT_STAGES)
    with pytest.raises(StageOrderError):
        check_order([stages[2], stages[0]])  # entities before the resolver it needs

    seen: list[list[str]] = []

    def spy(ctx: StageContext) -> tuple[str, ...]:
        seen.append(sorted(ctx.values))
        return ()

    def wrong(ctx: StageContext) -> list[str]:
        return []

    article = Article(id="x", source="t", text="Some text.")
    values = run_stages([Stage("a", ("doc",), "a", spy), Stage("b", ("a",), "b", spy)], article, None, DEFAULT)
    assert seen == [["doc"], ["a"]] and values["b"] == ()  # each stage sees only what it declares
    with pytest.raises(StageOrderError):
        run_stages([Stage("w", ("doc",), "w", wrong)], article, None, DEFAULT)  # a list is not the declared tuple


def test_api_analysis_key_follows_analysis_settings_only():
    base = analysis_key(DEFAULT)
    assert analysis_key(DEFAULT.replace(scare_quote_max_words=4)) != base
    assert analysis_key(DEFAULT.replace(fetch_timeout=3.0)) == base  # reading settings do not change an analysis
    assert analysis_key(DEFAULT.replace(same_fact_min=0.9)) == base  # comparison settings are not cached


@pytest.mark.slow
def test_api_store_recomputes_analysis_when_a_setting_changes(tmp_path: Path, seeds):
    with newsprism.Store(str(tmp_path / "n.db")) as store:
        summary = store.ingest([str(seeds[0])], group=False)
        aid = summary.article_ids[0]
        first = store.analyze(aid)
        assert store.get_analysis(aid, analysis_key(DEFAULT)) is not None
        changed = DEFAULT.replace(scare_quote_max_words=1)
        assert store.get_analysis(aid, analysis_key(changed)) is None  # not served from the old key
        store.settings = changed
        second = store.analyze(aid)
        assert store.get_analysis(aid, analysis_key(changed)) is not None
        scare_before = sum(q.kind == "scare" for q in first.quotes)
        scare_after = sum(q.kind == "scare" for q in second.quotes)
        assert scare_after <= scare_before


def test_an_article_without_outlet_or_title_is_named_by_its_file_or_host_not_its_path() -> None:
    """Reports and the synthesis name an untitled article by its file name or web host: a local path
    says nothing about the outlet and must not leak into what a user publishes."""
    from newsprism.records import Article, short_source

    assert short_source("/home/me/cases/2017/thenation.txt") == "thenation.txt"
    assert short_source("https://www.example.org/news/2017/10/01/x.html") == "example.org"
    assert short_source("stdin") == "stdin"
    art = Article(id="a1", source="/tmp/some/folder/wire-story.txt", text="Body.", title=None, outlet=None)
    assert art.label == "wire-story.txt (file)"  # set off as a file: no outlet's name
