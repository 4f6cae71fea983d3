"""Why each gold shared fact compare_real.py misses is missed: the step where it dies, on news-dev's
non-reserved events (the reserved events are never read here).

For each missed gold shared fact (``GOLD.json`` ``shared_facts``; compare_real's strict scorer decides what is
missed), the fact units (``fact_units``) whose span holds the gold phrase in each of its articles are found, and
the furthest step any cross-article pair of them reaches is its cause, in this order:

- ``cited spans too narrow``: one reported fact joins units of two of its articles, but its cited spans do not hold
  half of the gold phrase (the scorer's ``MIN_COVER``; the member check narrowed the citation);
- ``accepted, no fact``: the pair verifier (or the figure rule) accepts a pair, yet no reported fact cites both
  (fact building: the units went into other facts, or the member check found no statement every span states);
- ``pair verifier refuses``: aligned and let through by the structured checks, refused by the pair verifier (its
  best probability and reason are printed);
- ``structured check``: every aligned pair is refused by a structured check (``Verifier.refuse``: figures, events,
  speakers; the reason printed);
- ``aligned as a conflict``: aligned only as a disagreement (the aligner's ``conflict`` relation);
- ``never proposed``: no pair of units holding the phrase is aligned at all;
- ``no unit holds the phrase``: fewer than two of its articles have a unit whose span holds half the phrase.

    PYTHONPATH=src python benchmarks/compare_misses.py [--cache DIR] [--set NAME=VALUE]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import compare_real as cr

from newsprism.compare import compare_analyzed
from newsprism.compare.align import align
from newsprism.compare.entities import link_across
from newsprism.compare.facts import fact_units, pair_verdicts
from newsprism.compare.framing import add_naming_cues, relative_framing
from newsprism.compare.verify import Verifier
from newsprism.records import Claim, Comparison
from newsprism.settings import DEFAULT, Settings

# the causes, furthest step first (a miss is given the furthest step any of its pairs reaches)
CAUSES = ("cited spans too narrow", "accepted, no fact", "pair verifier refuses", "structured check",
          "aligned as a conflict", "never proposed", "no unit holds the phrase")


def classify(holders: dict[str, list[Claim]], fact_members: list[set[str]], pairs: dict[tuple[str, str], Any],
             refusals: dict[tuple[str, str], str | None], relations: dict[tuple[str, str], str]) -> tuple[str, str]:
    """The cause (one of ``CAUSES``) and its detail for one missed gold fact: ``holders`` the units holding its
    phrase per article, ``fact_members`` the unit ids of each reported corroborated fact, ``pairs`` the pair
    verdicts (probability, reason, accepted) keyed by both orders of a pair, ``refusals`` the structured checks'
    reasons and ``relations`` the aligner's relation, keyed likewise (a pair the aligner did not propose is absent
    from ``relations``)."""
    arts = [a for a, us in holders.items() if us]
    if len(arts) < 2:
        return CAUSES[6], f"{len(arts)} article(s) with a unit holding the phrase"
    cross = [(u, v) for x, y in itertools.combinations(arts, 2) for u in holders[x] for v in holders[y]]
    for members in fact_members:
        if sum(any(u.id in members for u in holders[a]) for a in arts) >= 2:
            return CAUSES[0], "a reported fact joins units of two of its articles"
    verdicts = [pairs[(u.id, v.id)] for u, v in cross if (u.id, v.id) in pairs]
    accepted = [p for p in verdicts if p[2]]
    if accepted:
        best = max(accepted, key=lambda p: p[0])
        return CAUSES[1], f"best accepted pair p={best[0]:.2f}: {best[1][:100]}"
    if verdicts:
        best = max(verdicts, key=lambda p: p[0])
        return CAUSES[2], f"best p={best[0]:.2f}: {best[1][:100]}"
    refused = [r for u, v in cross if (r := refusals.get((u.id, v.id)))]
    if refused:
        return CAUSES[3], refused[0][:100]
    if any(relations.get((u.id, v.id)) == "conflict" for u, v in cross):
        return CAUSES[4], "aligned as a conflict only"
    return CAUSES[5], f"{len(cross)} unit pair(s), none aligned"


def story_misses(story: str, files: list[str], gold: dict[str, Any], settings: Settings,
                 cache: Path | None, refused: list[tuple[float, str | None]] | None = None) -> list[tuple[str, str, str]]:
    """(gold id, cause, detail) for each gold shared fact of one event that compare_real's scorer misses; each pair
    the pair verifier refuses is added to ``refused`` as its probability and the missed gold id its units hold
    (None for a pair of no missed fact's units)."""
    analyzed = cr.load_story(files, gold, cache)
    c: Comparison = compare_analyzed(analyzed, settings)
    report = cr.new_report()
    cr.score_story(c, files, gold, report)
    missed = {m.split(": ", 1)[1] for m in report["shared_missed"]}
    if not missed and refused is None:
        return []
    # the checked path's own steps, as compare_analyzed runs them, to see where each pair stops
    linked, _ = relative_framing(add_naming_cues(link_across(analyzed), settings), settings)
    groups = [fact_units(a, settings) for a in linked]
    alignments = align(groups, settings, candidates=True)
    claims = {u.id: u for g in groups for u in g}
    verifier = Verifier(linked, settings)
    pairs = pair_verdicts(claims, alignments, verifier)
    relations = {k: al.relation for al in alignments for k in ((al.a, al.b), (al.b, al.a))}
    refusals: dict[tuple[str, str], str | None] = {}
    by_file = dict(zip(files, linked, strict=True))
    members = [{cl.id for cl in f.claims} for f in c.facts if f.status == "corroborated"]
    sg = report["_gold"]
    out = []
    gold_of: dict[tuple[str, str], str] = {}
    for g in sg.shared:
        if g["id"] not in missed:
            continue
        spans = sg.shared_spans[g["id"]]
        holders = {a.id: [u for u in claims.values() if u.article == a.id
                          and cr._holds((u.start, u.end), spans.get(a.id, []))]
                   for f in g["files"] if (a := by_file.get(f)) is not None}
        for x, y in itertools.combinations(holders, 2):
            for u in holders[x]:
                for v in holders[y]:
                    refusals[(u.id, v.id)] = refusals[(v.id, u.id)] = verifier.refuse(u, v)
                    gold_of[(u.id, v.id)] = gold_of[(v.id, u.id)] = g["id"]
        cause, detail = classify(holders, members, pairs, refusals, relations)
        out.append((g["id"], cause, detail))
    if refused is not None:
        refused += [(p, gold_of.get((x, y))) for (x, y), (p, _, ok) in pairs.items() if x < y and not ok]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None, help="directory to keep analyses in between runs")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a compare setting")
    ap.add_argument("--ranks", action="store_true",
                    help="also print where the refused pairs of missed gold facts rank, by the pair verifier's "
                         "probability, among every pair it refuses (what a better verifier must raise)")
    args = ap.parse_args()
    if not cr.CORPUS.exists():
        sys.exit(f"news-dev not found at {cr.CORPUS}")
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    gold = json.loads((cr.CORPUS / "GOLD.json").read_text())
    settings = DEFAULT
    for item in args.set:
        name, _, value = item.partition("=")
        kind = type(getattr(DEFAULT, name))
        settings = settings.replace(**{name: value.lower() in ("1", "true", "yes") if kind is bool else kind(value)})
    counts: Counter[str] = Counter()
    refused: list[tuple[float, str | None]] | None = [] if args.ranks else None
    for story, files in gold["stories"].items():
        if story in cr.RESERVED or len(files) < 2:
            continue
        for gid, cause, detail in story_misses(story, files, gold, settings, args.cache, refused):
            counts[cause] += 1
            print(f"{story}: {gid} · {cause} · {detail}")
    print(f"missed on the non-reserved events: {sum(counts.values())} · "
          + "; ".join(f"{c} {counts[c]}" for c in CAUSES if counts[c]))
    if refused is not None:
        order = sorted(refused, key=lambda r: -r[0])
        ranks = [f"{n} ({gid}, {p:.2f})" for n, (p, gid) in enumerate(order, 1) if gid]
        print(f"refused pairs: {len(order)}; those of missed gold facts rank " + ", ".join(ranks))


if __name__ == "__main__":
    main()
