"""The texts the compare aligns, encoded while the analysis goes on: the ``units`` stage.

A comparison aligns each fact claim, the punctuation-cut clauses of a longer sentence and the clauses of the
parse (``Claim.clauses``, the clause pass) by their MiniLM vectors (``encoder``). This stage runs right after the
claims stage and sends those texts to the analysis' second thread (:class:`~newsprism.stages.vectors.BiasPrefetch`,
whose bias scores of the parse are done by then), so they are encoded while the main thread runs the quantities,
vectors, framing and checks stages; the vectors land in the process's embedding cache (``nlp.embed``,
``embed_cache_size``), where the comparison after the analysis finds them. The compare's own filters (page
chrome, fragments, the clause pass's shared-word test) choose among these texts, so the stage sends a superset.
Encoding that has not started when the analysis ends is cancelled (the comparison then encodes what it needs, as
before); without the second thread (``bias_pipeline`` off) nothing is sent. The stage returns the texts it sent.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import nlp
from ..records import Claim
from ..settings import Settings
from .base import StageContext
from .claims import punctuation_clauses
from .vectors import current_prefetch


def unit_texts(text: str, claims: Sequence[Claim], settings: Settings, parse: bool = False) -> list[str]:
    """The texts a comparison aligns for these claims: each body claim of at least ``min_claim_words`` words and
    its punctuation-cut clauses; with ``parse``, its parse clauses of at least ``clause_min_words`` words too (the
    clause pass encodes only the few of them that share words with another article: sending them all costs the
    second thread more than the comparison saves)."""
    out: list[str] = []
    for c in claims:
        if c.heading or len(c.text.split()) < settings.min_claim_words:
            continue
        out.append(c.text)
        if c.part == "attribution":
            continue
        cut = punctuation_clauses(text[c.start:c.end], c.start, settings.clause_min_words)
        out.extend(text[a:b] for a, b in cut)
        if parse:
            out.extend(text[a:b] for a, b in c.clauses if (a, b) not in cut and c.start <= a < b <= c.end
                       and len(text[a:b].split()) >= settings.clause_min_words)
    return list(dict.fromkeys(out))


def units_stage(ctx: StageContext) -> tuple[str, ...]:
    prefetch = current_prefetch()
    if prefetch is None or not ctx.settings.unit_prefetch:
        return ()
    texts = unit_texts(ctx.article.text, ctx.values["claims"], ctx.settings)
    if texts:
        prefetch.pool.submit(nlp.embed, texts, ctx.settings.encoder)
    return tuple(texts)
