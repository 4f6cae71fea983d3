"""The comparison's speed-ups keep its answers: the star anchor kept per unit picks what a full search picks,
kept word counts are not shared between callers, BLAS runs on one thread inside a comparison and on its own
count of threads again after it."""

from __future__ import annotations

import random
from collections import Counter

from threadpoolctl import threadpool_info

from newsprism import nlp
from newsprism.compare.facts import _Anchors
from newsprism.compare.framing import _counts, stem
from newsprism.records import Claim
from newsprism.stages import analyze_many

from .conftest import story_articles


def _brute(anchors: _Anchors) -> str:
    """The anchor as a search over every unit in the running, every rank computed afresh."""
    return max(anchors.todo, key=anchors.rank)


def test_kept_anchor_ranks_pick_what_a_full_search_picks() -> None:
    rng = random.Random(3)
    for _ in range(20):
        claims = {f"a{k}:s{i}": Claim(id=f"a{k}:s{i}", article=f"a{k}", sentence=i, start=0, end=1, text="x",
                                      part=rng.choice(["sentence", "clause"]))
                  for k in range(4) for i in range(rng.randint(2, 9))}
        ids = sorted(claims)
        edges: dict[str, dict[str, float]] = {c: {} for c in ids}
        for x in ids:
            for y in ids:
                if x < y and claims[x].article != claims[y].article and rng.random() < 0.3:
                    edges[x][y] = edges[y][x] = round(rng.random(), 3)
        todo = set(ids)
        anchors = _Anchors(claims, edges, todo, {f"a{k}": k for k in range(4)})
        while todo:
            best = anchors.best()
            assert best == _brute(anchors)
            before = set(todo)
            # the anchor and some of its neighbours leave the running, as a fact's members do
            todo.discard(best)
            todo.difference_update(n for n in edges[best] if rng.random() < 0.5)
            anchors.left(before - todo)


def test_kept_word_counts_are_a_copy() -> None:
    articles = story_articles({"Outlet A": ("2024-05-01", "Storm hits coast\n\nThe storm damaged forty homes on "
                                                          "the coast, officials said on Monday.")})
    a = analyze_many(articles)[0]
    first = _counts(a)
    kept = Counter(first)
    assert kept["storm"] >= 1 and kept[stem("damaged")] == 1
    first.clear()  # a caller changing its counts changes no later caller's
    assert _counts(a) == kept


def test_blas_runs_on_one_thread_inside_serial_blas_and_as_before_after() -> None:
    def blas_threads() -> list[int]:
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    before = blas_threads()
    with nlp.serial_blas():
        assert all(n == 1 for n in blas_threads())
    assert blas_threads() == before
