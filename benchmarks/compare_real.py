"""Compare on real coverage: ../shared/corpus/news-dev (8 events × 6 outlets, hand-annotated GOLD.json).

Prints: number-conflict recall and precision, look-alike numbers wrongly reported, shared-fact
recall, corroborated-label precision, synthesis sentences faithful and correctly cited, and the
internal number checks. Each event's six articles are compared together (decoys are their own
stories and are not compared).

How support is checked automatically (``GOLD.json`` phrases, located in each article's cleaned text):
- a corroborated fact is **correct** when a cited sentence holds the phrase of a gold shared fact and
  every cited article is among the articles the gold says state that fact; **wrong** when a cited
  sentence holds a gold shared fact's phrase but a cited article is not among those that state it;
  otherwise **unchecked** (the gold lists 6-12 shared facts per event, not all): a random sample of
  those is written to ``--unchecked FILE`` for a hand check, and the figure is given with them counted
  both ways;
- a synthesis sentence is faithful when it is not page chrome (a gold boilerplate line), its fact is
  correct (corroborated), its conflict is a gold conflict (conflict), or it is the cited article's own
  sentence, attributed to it (unique);
- a reported number conflict is correct (strict) only when the values of two articles lie in the
  phrases of ONE gold number conflict, every other value lies there too, and its label is the one the
  gold note asks for (``updated`` where the note says "explained by time", ``sources differ`` where it
  names two agencies); a value of another gold conflict, of a look-alike or of nothing listed makes it
  wrong. Two exceptions are printed for a hand check: a value the gold note of that conflict quotes, and a
  figure its article's gold value repeats (same article, measure and compatible range). Every verdict is
  printed with the reason each value passed or failed, and each gold conflict missed with what the
  analysis measured at its phrases; a look-alike is wrongly reported when two values of one reported
  conflict lie in the phrases of one gold ``not_conflicts`` entry.

Dates: where the cleaner found no date, the article's date is taken from GOLD ``metadata`` (as a
feed or page header would give it): counts that rise over days need it.

    python benchmarks/compare_real.py [--no-check] [--cache DIR] [--unchecked FILE] [--show]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from _util import peak_rss_mb

from newsprism.compare import compare_analyzed
from newsprism.pipeline import load_one
from newsprism.records import AnalyzedArticle, Comparison, Quantity
from newsprism.settings import DEFAULT
from newsprism.stages import analysis_key, analyze_many
from newsprism.stages.quantities import ranges_compatible

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news-dev"


def phrase_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where a gold phrase lies in the cleaned text (whitespace and quote marks folded)."""
    words = [re.escape(w) for w in phrase.replace("\u2019", "'").split()]
    if not words:
        return []
    pattern = r"\s+".join(words).replace("'", "['\u2019]")
    return [(m.start(), m.end()) for m in re.finditer(pattern, text.replace("\u2019", "'"))] or \
        [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)


def load_story(files: list[str], gold: dict[str, Any], cache: Path | None) -> list[AnalyzedArticle]:
    """Read and analyse one event's articles (every default stage); the date and outlet the cleaner did
    not find are taken from GOLD metadata before analysis, as a feed or page header would give them."""
    key = analysis_key(DEFAULT).replace(":", "_")
    path = cache / f"{key}_{Path(files[0]).parent.name}.json" if cache else None
    if path and path.exists():
        data = json.loads(path.read_text())
        return [AnalyzedArticle.from_output(data[f]) for f in files]
    articles = []
    for f in files:
        a = load_one(str(CORPUS / f))
        meta = gold["metadata"].get(f, {})
        articles.append(replace(a, published=a.published or meta.get("published"),
                                outlet=a.outlet or meta.get("outlet")))
    analyzed = analyze_many(articles)
    if path:
        path.write_text(json.dumps({f: a.to_output() for f, a in zip(files, analyzed, strict=True)}))
    return analyzed


def _phrases_all(entry: dict[str, Any]) -> list[str]:
    return [p for v in entry["values"].values() for p in _phrases(v)]


def _phrases(value: Any) -> list[str]:
    return value if isinstance(value, list) else [value]


TIME_NOTE = re.compile(r"explained by time|time-explained", re.IGNORECASE)
SOURCES_NOTE = re.compile(r"between agencies|organisers[- ]vs[.-]?[- ]police|different officials",
                          re.IGNORECASE)


def expected_label(note: str) -> str | None:
    """The label the gold note asks for: ``updated`` where the note says the difference is explained by
    time, ``sources differ`` where it names two agencies (or officials of two agencies, or organisers vs
    police); else any label."""
    if TIME_NOTE.search(note):
        return "updated"
    if SOURCES_NOTE.search(note):
        return "sources differ"
    return None


def judge_conflict(conflict: dict[str, Any], file_of: dict[str, str], spans: Any,  # noqa: C901 - one verdict
                   gold_nc: list[dict[str, Any]], gold_not: list[dict[str, Any]],
                   articles: dict[str, AnalyzedArticle]) -> dict[str, Any]:
    """Strict verdict on one reported conflict. Each value is matched by its span against the gold value
    phrases of the gold conflicts and look-alikes of its article. The conflict is right only when the values
    of at least two articles lie in the phrases of ONE gold conflict, EVERY other value lies in that
    conflict's phrases too (a value of another gold conflict, of a look-alike, or listed nowhere makes it
    wrong: unlisted values are printed for a hand check), and the label agrees with the gold note where
    the note decides it. Two exceptions, both printed: a value the gold note of that conflict quotes
    (the note lists it), and a figure its article's gold value repeats (same article, compatible range:
    the gold lists one phrase per article, the article states it twice)."""
    texts = {aid: a.article.text for aid, a in articles.items()}

    def quantity_at(v: dict[str, Any]) -> Quantity | None:
        return next((q for q in articles[v["article"]].quantities if q.start == v["start"] and q.end == v["end"]), None)

    tags: list[str] = []
    matched: list[set[int]] = []
    for v in conflict["values"]:
        f = file_of[v["article"]]
        span = (v["start"], v["end"])
        gis = {gi for gi, g in enumerate(gold_nc) if f in g["values"] and overlaps(span, spans(f, g["values"][f]))}
        matched.append(gis)
    counts: dict[int, set[str]] = {}
    for v, gis in zip(conflict["values"], matched, strict=True):
        for gi in gis:
            counts.setdefault(gi, set()).add(v["article"])
    best = max(counts, key=lambda gi: len(counts[gi]), default=None)
    problems: list[str] = []
    for v, gis in zip(conflict["values"], matched, strict=True):
        f = file_of[v["article"]]
        span = (v["start"], v["end"])
        if best is not None and best in gis:
            tags.append(f"{v['value']!r} [{Path(f).stem}] in gold")
            continue
        named = [q for q in re.findall(r"'([^']{3,})'", gold_nc[best]["note"]) if q in v.get("text", "")] \
            if best is not None else []
        if named and any(overlaps(span, phrase_spans(texts[v["article"]], q)) for q in named):
            tags.append(f"{v['value']!r} [{Path(f).stem}] quoted in the gold note of that conflict")
            continue
        q_v = quantity_at(v)
        gold_spans = spans(f, gold_nc[best]["values"][f]) if best is not None and f in gold_nc[best]["values"] else []
        same = [q for q in articles[v["article"]].quantities if q_v is not None and q is not q_v
                and q.measure == q_v.measure and overlaps((q.start, q.end), gold_spans) and ranges_compatible(q_v, q)]
        if same:
            tags.append(f"{v['value']!r} [{Path(f).stem}] the article's gold figure ({same[0].text!r}) told "
                        f"again (hand check)")
            continue
        other = [gold_nc[gi]["what"] for gi in gis]
        looks = [g["what"] for g in gold_not if f in g["values"] and overlaps(span, spans(f, g["values"][f]))]
        why = (f"another gold conflict: {other[0]}" if other else f"a look-alike: {looks[0]}" if looks
               else "listed by no gold conflict (hand check)")
        tags.append(f"{v['value']!r} [{Path(f).stem}] {why}")
        problems.append(why)
    expected = expected_label(gold_nc[best]["note"]) if best is not None else None
    if best is None or len(counts[best]) < 2:
        problems.append("the values of fewer than two articles lie in one gold conflict")
    if expected and conflict["label"] != expected:
        problems.append(f"label {conflict['label']!r}, the gold note asks for {expected!r}")
    return {"correct": not problems, "gold": best, "gold_what": gold_nc[best]["what"] if best is not None else None,
            "expected_label": expected, "values_checked": tags, "problems": problems}


def why_missed(g: dict[str, Any], c: Comparison, by_file: dict[str, AnalyzedArticle], spans: Any,
               report: dict[str, Any]) -> str:
    """Why a gold conflict was not found, per gold value: the figure the analysis measured there (measure,
    place, event, qualifier range) or that no figure was extracted; and whether a reported conflict held it."""
    parts = []
    for f, phrases in g["values"].items():
        a = by_file.get(f)
        if a is None:
            parts.append(f"{Path(f).stem}: in another story")
            continue
        sp = spans(f, phrases)
        qs = [q for q in a.quantities if overlaps((q.start, q.end), sp)]
        if not sp:
            parts.append(f"{Path(f).stem}: gold phrase not located in the cleaned text")
        elif not qs:
            parts.append(f"{Path(f).stem}: value not extracted")
        else:
            parts.append(f"{Path(f).stem}: " + ", ".join(
                f"{q.text!r}={q.measure}|{q.place or '-'}|{q.event}|{q.low:g}-{q.high:g}|{q.as_of}|{q.source}"
                if q.low is not None and q.high is not None else f"{q.text!r}={q.measure}" for q in qs))
    held = [r for r in report["conflicts"] if r.get("gold_what") == g["what"]]
    if held:
        parts.append("reported but judged wrong: " + " / ".join("; ".join(r["problems"]) for r in held))
    else:
        parts.append("no reported conflict holds two of its values (measure, place or event differ, or the "
                     "ranges overlap)")
    return " · ".join(parts)


def score_story(c: Comparison,  # noqa: C901 - one scorer per figure, in the order they are printed
                files: list[str], gold: dict[str, Any], report: dict[str, Any]) -> None:
    by_file = dict(zip(files, c.articles, strict=True))
    file_of = {a.id: f for f, a in by_file.items()}
    text = {a.id: a.article.text for a in c.articles}

    def spans(f: str, phrases: Any) -> list[tuple[int, int]]:
        a = by_file.get(f)
        return [s for p in _phrases(phrases) for s in phrase_spans(a.article.text, p)] if a else []

    # --- number conflicts (strict: every value of a reported conflict belongs to ONE gold conflict)
    conflicts = [f for f in c.facts if f.status == "conflict" and f.conflict and f.conflict.get("kind") == "number"]
    gold_nc = [g for g in gold["number_conflicts"] if any(f in by_file for f in g["values"])]
    gold_not = [g for g in gold["not_conflicts"] if any(f in by_file for f in g["values"])]
    hit_gold: set[int] = set()
    for fact in conflicts:
        verdict = judge_conflict(fact.conflict, file_of, spans, gold_nc, gold_not,  # type: ignore[arg-type]
                                 {a.id: a for a in c.articles})
        if verdict["correct"]:
            hit_gold.add(verdict["gold"])
        lookalike = False
        for g in gold_not:
            vals = fact.conflict["values"]  # type: ignore[index]
            n = sum(1 for v in vals if file_of[v["article"]] in g["values"]
                    and overlaps((v["start"], v["end"]), spans(file_of[v["article"]], g["values"][file_of[v["article"]]])))
            if (n >= 2 or (n == 1 and len(_phrases_all(g)) == 1)) and not verdict["correct"]:
                lookalike = True
                report["lookalikes"].append(f"{g['what']} ← {fact.statement[:120]}")
        report["conflicts"].append({"correct": verdict["correct"], "lookalike": lookalike,
                                    "label": fact.conflict["label"],  # type: ignore[index]
                                    "statement": fact.statement[:300], "reason": fact.reason,
                                    "story": Path(files[0]).parent.name, **verdict})
    report["gold_conflicts"] += len(gold_nc)
    report["gold_conflicts_found"] += len(hit_gold)
    for gi, g in enumerate(gold_nc):
        if gi not in hit_gold:
            report["missed_conflicts"].append({"what": g["what"], "why": why_missed(g, c, by_file, spans, report)})

    # --- shared facts and corroboration
    shared = [g for g in gold["shared_facts"] if sum(f in by_file for f in g["files"]) >= 2]
    corroborated = [f for f in c.facts if f.status == "corroborated"]
    found = 0
    for g in shared:
        gspans = {by_file[f].id: spans(f, p) for f, p in g["files"].items() if f in by_file}
        if any(len({s["article"] for s in fact.support if overlaps((s["start"], s["end"]), gspans.get(s["article"], []))}) >= 2
               for fact in corroborated):
            found += 1
    report["shared"] += len(shared)
    report["shared_found"] += found
    verdicts: dict[str, str] = {}
    for fact in corroborated:
        cited = {s["article"] for s in fact.support}
        cited_files = {file_of[aid] for aid in cited}
        touched = [g for g in shared
                   if any(overlaps((s["start"], s["end"]), spans(file_of[s["article"]], g["files"][file_of[s["article"]]]))
                          for s in fact.support if file_of[s["article"]] in g["files"])]
        if any(cited_files <= set(g["files"]) for g in touched):
            verdict = "correct"  # a gold shared fact stated in a cited sentence, and every cited article states it
        elif touched:
            verdict = "wrong"  # the gold lists every article stating that fact: a cited one is not among them
        else:
            verdict = "unchecked"
        verdicts[fact.id] = verdict
        report["corroborated"][verdict] += 1
        if verdict != "correct":
            report["corroborated_rows"].append({
                "verdict": verdict, "fact": fact.id, "story": Path(files[0]).parent.name,
                "support": [{"outlet": c.label(s["article"]), "text": s["text"]} for s in fact.support],
                "gold": [g["id"] for g in touched]})

    # --- synthesis
    boiler = {a.id: [s for line in gold["boilerplate"].get(f, []) for s in phrase_spans(a.article.text, line.strip())]
              for f, a in by_file.items()}
    conflict_ok = {f.id: any(r["statement"] == f.statement[:300] and r["correct"] for r in report["conflicts"])
                   for f in conflicts}
    for s in c.synthesis:
        chrome = any(overlaps((sp["start"], sp["end"]), boiler.get(sp["article"], [])) for sp in s.get("spans", []))
        if chrome:
            verdict = "wrong"
        elif s["kind"] in ("corroborated", "attributed"):
            verdict = verdicts.get(s["fact"], "unchecked")
        elif s["kind"] == "conflict":
            verdict = "correct" if conflict_ok.get(s["fact"]) else "wrong"
        else:  # unique: the cited article's own sentence, attributed to it
            sp = s["spans"][0]
            own = s["citations"] == [sp["article"]] and sp["end"] <= len(text[sp["article"]])
            verdict = "correct" if own else "wrong"
        report["synthesis"][verdict] += 1
        if verdict != "correct":
            report["synthesis_rows"].append({"verdict": verdict, "kind": s["kind"], "text": s["text"][:300],
                                             "story": Path(files[0]).parent.name})

    # --- internal number checks
    gold_errors = {f: [e for e in gold["internal_errors"].get(f, []) if isinstance(e, dict)] for f in files} \
        if isinstance(gold["internal_errors"], dict) else {}
    for f, a in by_file.items():
        for issue in a.issues:
            if issue.kind != "number_inconsistency":
                continue
            errs = gold_errors.get(f, [])
            ok = any(overlaps((issue.start, issue.end), phrase_spans(a.article.text, str(e.get("text", ""))))
                     for e in errs)
            report["number_issues"].append({"file": f, "text": issue.text, "reason": issue.reason[:200], "gold": ok})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-check", action="store_true", help="embedding alignment only (no structured checks)")
    ap.add_argument("--cache", type=Path, default=None, help="directory to keep analyses in between runs")
    ap.add_argument("--unchecked", type=Path, default=None, help="write unchecked corroborated facts here (JSON)")
    ap.add_argument("--show", action="store_true", help="print every reported conflict and synthesis problem")
    ap.add_argument("--sample", type=int, default=20, help="unchecked facts drawn for the hand check")
    args = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"news-dev not found at {CORPUS}")
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    gold = json.loads((CORPUS / "GOLD.json").read_text())
    settings = DEFAULT.replace(check_corroboration=not args.no_check)
    report: dict[str, Any] = {"conflicts": [], "lookalikes": [], "gold_conflicts": 0, "gold_conflicts_found": 0,
                              "missed_conflicts": [], "shared": 0, "shared_found": 0,
                              "corroborated": {"correct": 0, "wrong": 0, "unchecked": 0}, "corroborated_rows": [],
                              "synthesis": {"correct": 0, "wrong": 0, "unchecked": 0}, "synthesis_rows": [],
                              "number_issues": []}
    started = time.perf_counter()
    for files in gold["stories"].values():
        if len(files) < 2:
            continue  # a decoy alone: nothing to compare
        analyzed = load_story(files, gold, args.cache)
        score_story(compare_analyzed(analyzed, settings), files, gold, report)
    seconds = time.perf_counter() - started
    all_gold = len(gold["number_conflicts"])
    story_of = {f: story for story, files in gold["stories"].items() for f in files}
    reachable = sum(1 for g in gold["number_conflicts"]
                    if max(list(map(lambda f: story_of[f], g["values"])).count(st) for st in set(map(story_of.get, g["values"]))) >= 2)
    conf = report["conflicts"]
    correct = sum(r["correct"] for r in conf)
    cor = report["corroborated"]
    n_cor = sum(cor.values())
    syn = report["synthesis"]
    n_syn = sum(syn.values())
    print(f"news-dev: {sum(len(f) for f in gold['stories'].values() if len(f) > 1)} articles in "
          f"{sum(1 for f in gold['stories'].values() if len(f) > 1)} events · structured checks "
          f"{'off' if args.no_check else 'on'} · {seconds:.0f} s · peak {peak_rss_mb():.0f} MB")
    print(f"number conflicts: recall {report['gold_conflicts_found']}/{report['gold_conflicts']} = "
          f"{report['gold_conflicts_found'] / max(report['gold_conflicts'], 1):.2f} ({all_gold - reachable} of the "
          f"{all_gold} in GOLD need a decoy's figure and cannot be found inside one event: "
          f"{report['gold_conflicts_found']}/{reachable} = {report['gold_conflicts_found'] / max(reachable, 1):.2f} of "
          f"those that can) · "
          f"precision {correct}/{len(conf)} = {correct / max(len(conf), 1):.2f} · labels "
          + ", ".join(f"{lab} {sum(r['label'] == lab for r in conf)}" for lab in ("conflict", "updated", "sources differ")))
    print(f"look-alikes wrongly reported: {len(report['lookalikes'])} of {len(gold['not_conflicts'])}")
    print(f"shared-fact recall: {report['shared_found']}/{report['shared']} = "
          f"{report['shared_found'] / max(report['shared'], 1):.2f}")
    print(f"corroborated precision: {cor['correct']} checked correct, {cor['wrong']} checked wrong, "
          f"{cor['unchecked']} unchecked of {n_cor} · {cor['correct'] / max(cor['correct'] + cor['wrong'], 1):.2f} "
          f"of checked · {cor['correct'] / max(n_cor, 1):.2f}–{(cor['correct'] + cor['unchecked']) / max(n_cor, 1):.2f} "
          f"counting unchecked wrong–right")
    print(f"synthesis: {n_syn} sentences · {syn['correct']} faithful and correctly cited, {syn['wrong']} wrong, "
          f"{syn['unchecked']} unchecked · {syn['correct'] / max(n_syn, 1):.2f}–"
          f"{(syn['correct'] + syn['unchecked']) / max(n_syn, 1):.2f}")
    ni = report["number_issues"]
    print(f"internal number checks: {len(ni)} flagged, {sum(r['gold'] for r in ni)} in GOLD internal_errors")
    print("number conflicts, strict verdicts (each value: the gold conflict its span lies in):")
    for r in conf:
        verdict = "RIGHT" if r["correct"] else "LOOK-ALIKE" if r["lookalike"] else "WRONG"
        print(f"  [{verdict}] {r['story']} · label {r['label']!r}"
              f"{' (gold asks ' + repr(r['expected_label']) + ')' if r['expected_label'] else ''} · gold: "
              f"{r['gold_what'] or '-'}\n    {r['statement'][:200]}")
        for t in r["values_checked"]:
            print(f"      {t}")
        if r["problems"]:
            print("    problems: " + "; ".join(dict.fromkeys(r["problems"])))
    print("gold number conflicts missed:")
    for m in report["missed_conflicts"]:
        print(f"  - {m['what']}: {m['why']}")
    print("look-alikes reported:", "; ".join(report["lookalikes"]) or "none")
    if args.show:
        for r in report["synthesis_rows"]:
            print(f"  syn {r['verdict']} {r['kind']}: {r['text']}")
        for r in ni:
            print(f"  issue {r['file']}: {r['text']} — {r['reason']}")
    rows = [r for r in report["corroborated_rows"] if r["verdict"] == "unchecked"]
    if args.unchecked:
        rng = random.Random(13)
        sample = rng.sample(rows, min(args.sample, len(rows)))
        args.unchecked.write_text(json.dumps({"sample": sample, "wrong": [r for r in report["corroborated_rows"]
                                                                          if r["verdict"] == "wrong"]}, indent=1,
                                             ensure_ascii=False))
        print(f"wrote {len(sample)} unchecked facts (random, seed 13) for a hand check to {args.unchecked}")


if __name__ == "__main__":
    main()
