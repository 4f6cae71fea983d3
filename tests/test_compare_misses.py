"""benchmarks/compare_misses.py's cause of a missed gold shared fact: the furthest step any cross-article pair of
the units holding its phrase reaches. Units, verdicts and refusals are made here (no corpus)."""

from __future__ import annotations

import sys

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import compare_misses as cm  # noqa: E402

from newsprism.records import Claim  # noqa: E402


def unit(cid: str, article: str, text: str) -> Claim:
    return Claim(id=cid, article=article, sentence=0, start=0, end=len(text), text=text)


A = unit("a:1", "a", "The court upheld the impeachment in a unanimous ruling.")
B = unit("b:4", "b", "The eight-judge panel unanimously voted to impeach the president.")
C = unit("c:2", "c", "The panel's ruling was unanimous.")
HOLDERS = {"a": [A], "b": [B]}


def both(key: tuple[str, str], value: object) -> dict[tuple[str, str], object]:
    return {key: value, key[::-1]: value}


def test_a_pair_the_verifier_refuses() -> None:
    verdicts = both((A.id, B.id), (0.10, "pair verifier 0.10 < pair_min 0.55", False))
    cause, detail = cm.classify(HOLDERS, [], verdicts, {}, both((A.id, B.id), "candidate"))
    assert cause == "pair verifier refuses" and "p=0.10" in detail


def test_an_accepted_pair_outranks_a_refused_one() -> None:
    holders = {"a": [A], "b": [B], "c": [C]}
    verdicts = both((A.id, B.id), (0.10, "refused", False)) | both((A.id, C.id), (0.80, "accepted", True))
    assert cm.classify(holders, [], verdicts, {}, {})[0] == "accepted, no fact"


def test_a_fact_joining_the_units_means_its_citations_miss_the_phrase() -> None:
    verdicts = both((A.id, B.id), (0.80, "accepted", True))
    assert cm.classify(HOLDERS, [{A.id, B.id}], verdicts, {}, {})[0] == "cited spans too narrow"
    # a fact holding only one of the articles' units does not count
    assert cm.classify(HOLDERS, [{A.id, "z:9"}], verdicts, {}, {})[0] == "accepted, no fact"


def test_a_structured_refusal_and_a_pair_never_proposed() -> None:
    refusals = both((A.id, B.id), "different events (this vs earlier)")
    assert cm.classify(HOLDERS, [], {}, refusals, {}) == ("structured check", "different events (this vs earlier)")
    assert cm.classify(HOLDERS, [], {}, both((A.id, B.id), None), {})[0] == "never proposed"
    assert cm.classify(HOLDERS, [], {}, {}, both((A.id, B.id), "conflict"))[0] == "aligned as a conflict"


def test_no_unit_holds_the_phrase_in_two_articles() -> None:
    assert cm.classify({"a": [A], "b": []}, [], {}, {}, {})[0] == "no unit holds the phrase"
