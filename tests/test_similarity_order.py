"""Shared words are ordered by rarity, ties by the word: the same comparison prints the same reasons whatever the
hash seed (a set's order follows PYTHONHASHSEED)."""

from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace

from newsprism.similarity import shared_terms


def test_shared_terms_rarest_first_then_by_word() -> None:
    a = SimpleNamespace(terms=("week", "ostrava", "bay", "affect", "flood"))
    b = SimpleNamespace(terms=("flood", "bay", "ostrava", "week", "affect"))
    idf = {"flood": 3.0, "bay": 1.0, "ostrava": 1.0, "week": 1.0, "affect": 1.0}
    assert shared_terms(a, b, idf, n=3) == ["flood", "affect", "bay"]  # type: ignore[arg-type]


def test_shared_terms_same_under_any_hash_seed() -> None:
    code = ("from types import SimpleNamespace as S; from newsprism.similarity import shared_terms; "
            "w = tuple(f'w{i}' for i in range(40)); print(shared_terms(S(terms=w), S(terms=w[::-1]), {}, n=5))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3)}
    assert outs == {"['w0', 'w1', 'w10', 'w11', 'w12']\n"}
