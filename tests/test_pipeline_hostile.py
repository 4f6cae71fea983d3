"""The pipeline under hostile input: a per-article time budget fails slow articles as data."""

from __future__ import annotations

import pytest

from newsprism.errors import InputError, TimedOut
from newsprism.pipeline import read_articles
from newsprism.settings import Settings

BODY = ("The regional water board said on Tuesday that reservoir levels had fallen to their lowest point in "
        "twenty years after a dry winter, and asked households to cut use by a tenth. Farmers in the east of "
        "the region said they had already begun to ration irrigation, while the board promised to publish "
        "weekly figures until the spring rains arrive. Officials did not rule out a hosepipe ban in June.")


@pytest.mark.slow  # seconds of extraction before the budget fires, and the language model loads
def test_pipeline_article_time_budget_fails_a_slow_page_as_timeout(tmp_path):
    slow = tmp_path / "a_slow.html"  # under max_html_tags, but seconds of parsing and extraction
    slow.write_text("<html><body>" + "".join(f"<p>paragraph {i} of many</p>" for i in range(20_000)) + "</body></html>")
    good = tmp_path / "b_good.txt"
    good.write_text("Reservoirs Low\n\n" + BODY)
    list(read_articles([str(good)]))  # warm up (the language model loads on first use)
    items = list(read_articles([str(slow), str(good)], Settings(article_time_budget=0.05)))
    assert isinstance(items[0], TimedOut) and items[0].reason == "timeout" and items[0].source == str(slow)
    assert not isinstance(items[1], InputError) and items[1].title == "Reservoirs Low"  # the batch carried on
