"""Helpers for benchmarks: timing and peak memory (max RSS of this process)."""

from __future__ import annotations

import random
import resource
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def timed(label: str, n: int | None = None) -> Iterator[dict[str, float]]:
    out: dict[str, float] = {}
    start = time.perf_counter()
    yield out
    out["seconds"] = time.perf_counter() - start
    rate = f" · {n / out['seconds']:.1f} articles/s" if n else ""
    print(f"{label}: {out['seconds']:.2f} s{rate} · peak memory {peak_rss_mb():.0f} MB")


PLACES = ["Marrowby", "Kelso", "Arden", "Tollick", "Brennan Falls", "Ostrava Bay", "Hale", "Ivers"]
PEOPLE = ["Ines Okafor", "Tomas Berend", "Marta Holm", "Amir Haddad", "Rosa Fenwick", "Lena Varga", "Johan Ekberg"]
TOPICS = ["flood", "strike", "election", "budget", "bridge", "hospital", "wildfire", "trade deal"]
VERBS = ["said", "told reporters", "warned", "announced", "added"]


def fake_article(rng: random.Random, n_paragraphs: int = 8) -> tuple[str, list[str]]:
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    title = f"{topic.title()} In {place}: Officials Respond As Residents Wait"
    paragraphs = []
    for _ in range(n_paragraphs):
        person = rng.choice(PEOPLE)
        n = rng.randint(2, 9000)
        paragraphs.append(
            f"{person} {rng.choice(VERBS)} on {rng.choice(['Monday', 'Tuesday', 'Friday'])} that the {topic} in "
            f"{place} had affected {n:,} people and that the council would meet again next week. "
            f"“We are doing everything we can for the families of {place},” {person.split()[-1]} said.")
    return title, paragraphs


BASIL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "basil"


def warm_batch(seed: int) -> list[Any]:
    """The five written articles (~822 words each) of ``speed.py``'s ``compare_warm`` for one seed, extracted
    (``compare_dump.py`` dumps the comparison of the same articles)."""
    from newsprism.extract import extract
    from newsprism.records import RawDocument

    rng = random.Random(seed)
    out = []
    for i in range(5):
        title, paragraphs = fake_article(rng, n_paragraphs=22)
        out.append(extract(RawDocument(source=f"bench{i}.txt", data="\n\n".join([title, *paragraphs]).encode(),
                                       kind="text")))
    return out


def basil_annotated() -> list[tuple[str, Any, list[dict[str, Any]]]]:
    """BASIL 2010–2014 articles that have phrase annotations: (event key, cleaned Article, phrase annotations)."""
    from newsprism.evaluate import basil_annotated as load

    return load(BASIL)
