"""Which common nouns can be the source of an attribution: a table learned from PolNeAR sources.

A speaker must be a person, a body, an organisation, an outlet, a document or a noun phrase naming people
("officials", "a spokesman", "residents"). A parser reads "…; injuries also reported" as "injuries" reporting
the clause before it, and "the failure to act reveals …" as the failure speaking; PolNeAR's annotators never
mark such nouns as sources. ``models/source_heads.json`` (built by ``scripts/train_source_heads.py`` from
PolNeAR train) holds, per common-noun lemma, how often it was a subject (or the object of "according to"),
how often it was inside a gold source, and how often that source's cue was a verb of saying.

- :func:`source_rate`: the share (source + 2 p) / (seen + 2), smoothed towards ``p``, a logistic model over the
  noun's MiniLM vector (the shipped unit-noun table) fitted on the same counts, so that a noun train never saw
  as a subject gets an estimate from nouns like it; a noun below ``SOURCE_MIN`` is no speaker (a noun with
  neither counts nor a vector is given the benefit of the doubt);
- :func:`is_agent`: a noun PolNeAR made a source at least once, or whose smoothed rate reaches ``SOURCE_MIN``;
- :func:`is_finding_source`: a noun of data or record (``DATA_NOUNS``) whose PolNeAR sources ("polls show",
  "the data suggest") were mostly cued by verbs other than saying: what it shows is emitted as a *finding*,
  not as someone's words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ..similarity import unit_table

MODEL_PATH = "models/source_heads.json"
PRIOR_WEIGHT = 2.0  # pseudo-occurrences the agent model's estimate counts for against the table's counts
SOURCE_MIN = 0.05  # smoothed source rate below which a common noun is no speaker (chosen on PolNeAR dev)
FINDING_SPEECH_MAX = 0.5  # smoothed share of a source's cues that were verbs of saying below which it is data
FINDING_MIN_SOURCE = 2  # times a noun must have been a gold source before its cues say what kind it is
DATA_NOUNS = {"poll", "survey", "polling", "study", "analysis", "datum", "data", "figure", "statistic", "result",
              "record", "estimate", "count", "tally", "census", "research", "finding", "footage", "video", "photo",
              "image", "test", "model", "index", "average", "projection", "forecast", "audit", "measurement",
              "reading", "sample", "experiment", "observation", "simulation", "chart", "map", "scan", "trial"}


@dataclass(frozen=True)
class SourceRate:
    rate: float  # smoothed share of occurrences inside a gold source: (source + 1) / (seen + 2)
    seen: int
    source: int
    speech: int  # of the source occurrences, those whose cue was a verb of saying


@lru_cache(maxsize=1)
def source_table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("newsprism").joinpath(MODEL_PATH).read_text(encoding="utf-8"))
    return data


def source_rate(lemma: str) -> SourceRate | None:
    """How often this common noun was an attribution's source in the training data, smoothed towards the agent
    model's estimate for it: (source + 2 p) / (seen + 2), p from the noun's vector (a noun train never saw as a
    subject, "injuries", gets p alone). None when the noun is neither in the table nor in the vector table."""
    row = source_table()["heads"].get(lemma.lower())
    prior = agent_prior(lemma.lower())
    if row is None and prior is None:
        return None
    seen, source, speech = (int(row[0]), int(row[1]), int(row[2])) if row is not None else (0, 0, 0)
    p = prior if prior is not None else 0.5
    return SourceRate((source + PRIOR_WEIGHT * p) / (seen + PRIOR_WEIGHT), seen, source, speech)


@lru_cache(maxsize=1)
def _agent_model() -> tuple[Any, float]:
    model = source_table().get("agent_model") or {}
    return np.array(model.get("coef", []), dtype="float32"), float(model.get("intercept", 0.0))


@lru_cache(maxsize=4096)
def agent_prior(lemma: str) -> float | None:
    """The agent model's probability that this noun is a source (None: no vector for it)."""
    coef, intercept = _agent_model()
    vector = unit_table().get(lemma)
    if vector is None or not len(coef):
        return None
    return float(1 / (1 + np.exp(-(float(vector @ coef) + intercept))))


def is_agent(lemma: str) -> bool:
    """Whether a common noun can be a speaker: a noun PolNeAR train ever made a source can; one it never did
    (or never saw) cannot when its smoothed rate is below ``SOURCE_MIN`` ("injuries", "the failure", "deaths");
    a noun with neither counts nor a vector gets the benefit of the doubt."""
    r = source_rate(lemma)
    return r is None or r.source > 0 or r.rate >= SOURCE_MIN


def is_finding_source(lemma: str) -> bool:
    """A source of data, not of words: a noun of measurement or record (``DATA_NOUNS``: poll, survey, study,
    data …) that PolNeAR train annotates as a source mostly with cues other than verbs of saying ("polls show").
    Which nouns are persons and which are data PolNeAR does not label; the list says it, the counts confirm it."""
    if lemma not in DATA_NOUNS:
        return False
    r = source_rate(lemma)
    return r is None or r.source < FINDING_MIN_SOURCE or (r.speech + 1) / (r.source + 2) < FINDING_SPEECH_MAX

