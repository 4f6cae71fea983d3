"""scripts/train_pair_nli.py's self-supervised pairs: a shortened form the sentence entails, and the edits that make
it state another fact. Texts are written here (no corpus); the parse is the project's spaCy pipeline."""

from __future__ import annotations

import random
import sys

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import train_pair_nli as tp  # noqa: E402

from newsprism import nlp  # noqa: E402

TEXT = ("The mayor, who took office in 2019, has approved 40 new buses for the city on Monday. "
        "Senator Maria Lopez said the council had rejected 12 of the proposals. "
        "The Harbor Authority and the City of Springfield signed the deal. Governor Tom Reyes praised the plan.")


def _sents() -> tuple[object, list[object]]:
    doc = nlp.parse([TEXT])[0]
    return doc, list(doc.sents)


def test_shortened_form_drops_an_adjunct_and_keeps_the_core() -> None:
    _, sents = _sents()
    forms = {tp._shorten(sents[0], random.Random(seed)) for seed in range(20)} - {None}
    assert forms, "no adjunct deleted"
    for f in forms:
        assert f is not None
        assert "mayor" in f and "approved" in f and "40 new buses" in f
        assert len(f) < len(sents[0].text.strip())
        assert "  " not in f and " ," not in f
    # the relative clause is one of the deletions, with the commas that set it off
    assert any("who took office" not in f and "The mayor has approved" in f for f in forms if f)


def test_negation_is_inserted_after_the_auxiliary() -> None:
    doc, sents = _sents()
    text = sents[0].text.strip()
    edited = tp._edit(text, sents[0], doc, "negation", random.Random(1))
    assert edited is not None and "has not approved" in edited


def test_number_and_name_swaps_take_another_of_the_same_article() -> None:
    doc, sents = _sents()
    text = sents[0].text.strip()
    edited = tp._edit(text, sents[0], doc, "number", random.Random(1))
    assert edited is not None and "12 new buses" in edited and "40" not in edited
    second = sents[1].text.strip()
    swapped = tp._edit(second, sents[1], doc, "entity", random.Random(1))
    assert swapped == second.replace("Maria Lopez", "Tom Reyes")
    # a year is never swapped as a number; the year edit moves it
    assert "2019" in edited
    year = tp._edit(text, sents[0], doc, "year", random.Random(1))
    assert year is not None and "2019" not in year
