"""Analysis on hostile input: absurd numbers stay finite (valid JSON), naming phrases stay linear."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.stages.claims import digits_to_number
from newsprism.stages.naming import naming_phrases

NUMBERS = ("Officials said a 309-digit figure, " + "9" * 309 + ", appeared in the leaked spreadsheet on Monday. "
           "The physicist wrote that 1e308 joules was an upper bound, and that 10^1000 states were possible. "
           "The council said 3,400 residents had been moved and that 12 schools would stay closed this week. "
           "The mayor added that repairs to the bridge would take at least four months and cost $2 million.")


def _reject_constants(name: str) -> Any:
    raise ValueError(f"invalid JSON constant {name}")


def test_stages_numbers_parse_finite():
    assert digits_to_number("9" * 309, None, 15) is None
    assert digits_to_number("1", "e308", 15) == 1e308
    assert digits_to_number("10", "^1000", 15) is None
    assert digits_to_number("10", "^3", 15) == 1000.0
    assert digits_to_number("8,000", None, 15) == 8000.0


@pytest.mark.slow
def test_stages_absurd_numbers_give_valid_json(tmp_path):
    path = tmp_path / "numbers.txt"
    path.write_text("Numbers From The Leak\n\n" + NUMBERS, encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(path), "--json"])
    assert result.exit_code == 0, result.output
    json.loads(result.stdout, parse_constant=_reject_constants)  # no Infinity/NaN: valid JSON
    from newsprism.api import analyze, read

    analyzed = analyze(read(str(path)))
    found = [v for c in analyzed.claims for v in c.values if v.kind != "date"]
    assert all(math.isfinite(float(v.value)) for v in found)
    assert any(float(v.value) == 1e308 for v in found)  # "1e308" is 1e308, not 1
    assert not any(v.unit == "^" for v in found)  # "10^1000" is not 10 of the unit "^"
    assert any(float(v.value) == 3400 for v in found)  # ordinary numbers still read


class _CountingDoc:
    """A spaCy Doc that counts how often its full text is built."""

    def __init__(self, doc: Any) -> None:
        self._doc = doc
        self.text_reads = 0

    @property
    def text(self) -> str:
        self.text_reads += 1
        return str(self._doc.text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._doc, name)

    def __len__(self) -> int:  # dunder methods are looked up on the type, not through __getattr__
        return len(self._doc)

    def __getitem__(self, key: Any) -> Any:
        return self._doc[key]


@pytest.mark.slow
def test_stages_naming_reads_the_text_once():
    from newsprism import nlp

    title = " ".join(f"the crisis of Calder region number {i} and" for i in range(60))
    doc = nlp.parse([title + " the end."])[0]
    counting = _CountingDoc(doc)
    phrases = naming_phrases([], counting)
    assert phrases  # the long title has naming phrases
    assert counting.text_reads <= 1


def test_stages_refuse_a_run_without_spaces_before_parsing():
    from newsprism.errors import TooLarge
    from newsprism.records import Article
    from newsprism.stages import analyze_many

    article = Article(id="x", source="x.txt", text="Headline\n\nThe start. " + "y" * 600_000)
    with pytest.raises(TooLarge) as exc:
        analyze_many([article])
    assert "max_token_chars" in exc.value.message
