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
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ..lexicons import people_nouns
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



# --- who can speak: the one list -------------------------------------------------------------------------
# The learned table decides for a noun it has seen often enough (``COVERED_MIN`` subject occurrences in PolNeAR
# train); for a noun it has not, a person noun (lexicons/people_nouns.tsv, ``PERSON_ROLES``), a body or a
# document that states figures (``BODY_NOUNS``), or an agentive ending ("rescuer", "organiser") can speak.
COVERED_MIN = 3
# a person by role (also the antecedents a "he"/"she" can stand for in the synthesis; written for newsprism)
PERSON_ROLES = frozenset("""spokesman spokeswoman spokesperson teacher judge justice chief director mayor governor
officer leader secretary chairman chairwoman ceo founder lawyer attorney prosecutor woman girl boy father mother son
daughter wife husband witness resident survivor victim driver doctor nurse expert analyst senator lawmaker premier
king queen prince pope general commander candidate president minister ambassador envoy activist official
executive head owner student child employee staffer worker rescuer organiser organizer""".split())
# a body, an outlet or a document that gives figures (general English; written for newsprism)
BODY_NOUNS = frozenset("""police authority government ministry department agency office council committee
commission court army military navy coastguard service survey poll study report statement data figure number
count tally estimate census record release tweet website media press newspaper paper network station channel
company firm group organisation organization union party parliament assembly congress senate cabinet
administration presidency embassy team staff management board institute institution university hospital centre
center observatory bureau prosecution source people family""".split())
AGENTIVE = re.compile(r"(?:ist|ian|man|men|woman|women|person|people|ee|ees|er|ers|or|ors)$")


def can_speak(lemma: str, word: str | None = None) -> bool:
    """Whether a common noun can be who says or gives something: the learned table where it covers the noun
    ("injury", "death", "home" never; "employee", "survey" can), else the person, body and document nouns and
    the agentive endings. ``word`` is the surface form (its ending is checked too)."""
    lemma = lemma.lower()
    r = source_rate(lemma)
    if r is not None and r.seen >= COVERED_MIN:
        return r.source > 0 or r.rate >= SOURCE_MIN
    if lemma in PERSON_ROLES or lemma in BODY_NOUNS or lemma in people_nouns():
        return True
    return bool(AGENTIVE.search(lemma) or (word and AGENTIVE.search(word.lower())))


def is_person_noun(word: str) -> bool:
    """A noun for one person by role ("the president", "a teacher"): what a "he"/"she" can stand for."""
    return word.lower() in PERSON_ROLES or word.lower() in people_nouns()
