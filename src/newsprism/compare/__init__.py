"""Compare analysed articles: pure functions of AnalyzedArticles → Comparison.

``compare_analyzed`` links entities across the articles, aligns their claims (``align``), groups
the alignments into checked facts (``facts``, ``verify``), finds number conflicts per measure
(``conflicts``), finds quote variants and sources (``quote_variants``),
contrasts framing (``framing``) and writes a cited synthesis (``synthesis``). No I/O here: reading,
analysing and caching are the pipeline's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from .. import nlp
from ..records import AnalyzedArticle, Comparison, Fact
from ..settings import DEFAULT, Settings
from .align import align
from .entities import link_across
from .conflicts import find_conflicts
from .facts import build_facts, conflict_facts, fact_units
from .framing import add_naming_cues, framing_summary, relative_framing
from .quote_variants import quote_variants, sources
from .synthesis import synthesise
from .verify import Verifier

__all__ = ["compare_analyzed", "link_across"]


def compare_analyzed(analyzed: Sequence[AnalyzedArticle], settings: Settings = DEFAULT) -> Comparison:
    with nlp.serial_blas():  # small matrices: BLAS worker threads cost more than they save
        return _compare(analyzed, settings)


def _compare(analyzed: Sequence[AnalyzedArticle], settings: Settings) -> Comparison:
    named = add_naming_cues(link_across(analyzed), settings)
    linked, topic = relative_framing(named, settings)
    groups = [fact_units(a, settings) for a in linked]
    nearest: dict[str, tuple[float, str]] = {}
    alignments = align(groups, settings, candidates=settings.check_corroboration and settings.pair_model,
                       nearest=nearest)
    accepted: dict[tuple[str, str], float] = {}
    facts = build_facts(linked, alignments, settings, Verifier(linked, settings), accepted)
    facts += conflict_facts(linked, find_conflicts(linked), len(facts) + 1)
    quotes, speaker_conflicts = quote_variants(linked, settings)
    for sc in speaker_conflicts:
        facts.append(Fact(id=f"f{len(facts) + 1}", status="conflict", statement=sc["texts"][0],
                          support=(), conflict={"kind": "speaker", "measure": "speaker",
                                                "values": [{"article": aid, "value": sp, "as_of": None,
                                                            "source": None, "start": None, "end": None}
                                                           for aid, sp in zip(sc["articles"], sc["speakers"], strict=True)],
                                                "label": "conflict",
                                                "reason": f"the same words (similarity {sc['similarity']}) are "
                                                          f"given to different speakers"},
                          reason="one quote, different speakers"))
    omissions: dict[str, list[str]] = {}
    cited = [(f.id, f.articles()) for f in facts]
    for a in linked:
        omissions[a.id] = [fid for fid, articles in cited if a.id not in articles and articles]
    comparison = Comparison(articles=tuple(linked), facts=tuple(facts), omissions=omissions, quotes=tuple(quotes),
                            sources=sources(linked), framing=framing_summary(linked, topic, settings), synthesis=(),
                            alignments=tuple(al for al in alignments if al.relation != "candidate"))
    # evaluative wording is judged on every cue, also the loaded words the story's outlets share
    cues = {a.id: a.framing for a in named}
    left_out: dict[str, str] = {}
    synthesis = tuple(synthesise(comparison, settings, cues, nearest, accepted, left_out))
    # a corroborated fact whose statement the synthesis left out (undecided citations) says so and why
    facts = [replace(f, reason=f"{f.reason}; {left_out[f.id]}") if f.id in left_out else f for f in comparison.facts]
    return replace(comparison, facts=tuple(facts), synthesis=synthesis)
