"""Who said what, measured on data newsprism was not built from: PolNeAR (train and dev) and news-dev.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) marks every attribution in US political news as
source, cue and content spans (brat standoff). Each article is analysed as its text file stands
(title line, blank-line paragraphs), so gold offsets index our text unchanged. Where several
annotators did one article, the first annotator (by id) is the gold. Scoring rules are in
``newsprism.evaluate_attribution`` (coverage matching of content spans, head-word speaker matching,
the pronoun-referent proxy).

Figures printed per split:
- direct-quote recall: gold contents inside quotation marks found by a direct or partial quote;
- speaker accuracy over found attributions, by gold source kind (named, nominal, pronoun);
- recall by cue class (say/tell/add, according to, other verbs of saying, other cues), any kind;
- precision of each kind we emit (share of its characters inside gold content);
- content F1 over attributions with a speech cue, for comparison with published overlap F1.

news-dev (hand-annotated real coverage): quote recall (a gold quote's opening words covered by one
of our quotes) and speaker accuracy (same name words as the gold speaker).

The spaCy parse is cached under ``.cache/attribution/`` (keyed on text and model version), so
re-runs only pay for the stages. ``--limit N`` takes the first N articles of each split.

    PYTHONPATH=src python benchmarks/attribution.py [--split dev|train|both] [--limit N] [--news-dev]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from _util import peak_rss_mb

from newsprism import nlp
from newsprism.evaluate_attribution import (
    FOUND_COVERAGE, RIGHT_COVERAGE, Tally, content_kind, coverage, cue_class, head_word, is_speech_class, quoted_regions, same_speaker,
    source_kind,
)
from newsprism.extract import extract
from newsprism.records import AnalyzedArticle, Article, Paragraph, RawDocument
from newsprism.settings import DEFAULT
from newsprism.stages import DEFAULT_STAGES
from newsprism.stages.framing import is_scare_quote
from newsprism.stages.base import run_stages

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
POLNEAR = CORPUS / "polnear"
NEWS_DEV = CORPUS / "news-dev"
CACHE = ROOT / ".cache" / "attribution"
QUOTE_STAGES = ("sentences", "coref", "entities", "quotes")
SETTINGS = DEFAULT
NAMED_TYPES = {"PERSON", "ORG", "GPE", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"}


@dataclass
class Gold:
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    content: list[tuple[int, int]]


def _spans(field: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (piece.split() for piece in field.split(";"))]


def load_ann(path: Path) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _spans(where))
            except ValueError:
                continue
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(p.split(":", 1) for p in parts[1].split() if ":" in p))
    out = []
    for e in events:
        roles = {role: spans[t][1] for role, t in e.items() if t in spans}
        if "Content" not in roles:
            continue
        out.append(Gold(roles.get("Source", []), roles.get("Cue", []), roles["Content"]))
    return out


def load_polnear(split: str, limit: int | None) -> list[tuple[str, str, list[Gold]]]:
    folder = POLNEAR / split
    anns: dict[str, list[Path]] = defaultdict(list)
    for p in sorted((folder / "attributions").glob("*.ann")):
        anns[p.stem.rsplit("_", 1)[0]].append(p)
    items = []
    for t in sorted((folder / "text").glob("*.txt")):
        if t.stem not in anns:
            continue
        items.append((t.stem, t.read_text(encoding="utf-8"), load_ann(sorted(anns[t.stem])[0])))
        if limit and len(items) >= limit:
            break
    return items


def article_from_text(name: str, text: str) -> Article:
    """The text as it stands: line 1 the title, paragraphs split at blank lines."""
    paragraphs = []
    pos = 0
    for i, chunk in enumerate(text.split("\n\n")):
        s, e = pos, pos + len(chunk)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            paragraphs.append(Paragraph(s, e, "title" if i == 0 else "body"))
        pos += len(chunk) + 2
    return Article(id=hashlib.sha256(text.encode()).hexdigest()[:16], source=name, text=text,
                   title=text.split("\n", 1)[0], paragraphs=tuple(paragraphs))


def parse_cached(texts: Sequence[str]) -> list[Any]:
    """spaCy Docs, from the cache where the same text was parsed by the same model before."""
    from spacy.tokens import DocBin

    pipe = nlp.spacy_pipeline()
    key = f"{pipe.meta.get('name')}-{pipe.meta.get('version')}"
    CACHE.mkdir(parents=True, exist_ok=True)
    docs: dict[str, Any] = {}
    for f in CACHE.glob(f"{key}-*.spacy"):
        for doc in DocBin().from_disk(f).get_docs(pipe.vocab):
            docs[hashlib.sha256(doc.text.encode()).hexdigest()] = doc
    missing = [t for t in dict.fromkeys(texts) if hashlib.sha256(t.encode()).hexdigest() not in docs]
    if missing:
        bin_ = DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "POS", "MORPH",
                             "SENT_START", "SPACY"])
        for doc in nlp.parse(missing):
            bin_.add(doc)
            docs[hashlib.sha256(doc.text.encode()).hexdigest()] = doc
        bin_.to_disk(CACHE / f"{key}-{int(time.time() * 1000)}.spacy")
    return [docs[hashlib.sha256(t.encode()).hexdigest()] for t in texts]


def analyse(articles: Sequence[Article]) -> tuple[list[AnalyzedArticle], list[Any], float]:
    docs = parse_cached([a.text for a in articles])
    stages = [s for s in DEFAULT_STAGES if s.name in QUOTE_STAGES]
    fields = AnalyzedArticle.__dataclass_fields__
    out = []
    start = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        try:
            values = run_stages(stages, article, doc, SETTINGS)
        except RecursionError:  # shown and scored as an article with no quotes
            print(f"  the stages failed on {article.source}: RecursionError")
            values = {}
        out.append(AnalyzedArticle(article=article, **{k: v for k, v in values.items() if k in fields}))
    return out, docs, time.perf_counter() - start


def _cue_lemma(doc: Any, cue: list[tuple[int, int]]) -> str:
    if not cue:
        return ""
    text = " ".join(doc.text[s:e] for s, e in cue).lower()
    if "according" in text:
        return "according to"
    toks = [t for s, e in cue for t in (doc.char_span(s, e, alignment_mode="expand") or [])]
    verbs = [t for t in toks if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    pick = verbs[0] if verbs else (toks[0] if toks else None)
    return pick.lemma_.lower() if pick is not None else text


def _named(doc: Any, source: list[tuple[int, int]]) -> bool:
    return any(ent.label_ in NAMED_TYPES and ent.start_char < e and s < ent.end_char
               for s, e in source for ent in doc.ents)


def _print_polnear(direct: Tally, direct_speaker: Tally, by_source: dict[str, Tally], by_content: dict[str, Tally],
                   by_cue: dict[str, Tally], speech: Tally, kind_right: dict[str, Tally], nonscare: Tally) -> None:
    print(direct.line("direct-quote recall (direct or partial quote covers ≥ half)"))
    print(direct_speaker.line("speaker accuracy on found direct quotes"))
    for k in ("named", "nominal", "pronoun"):
        print(by_source[k].line(f"speaker accuracy, {k} sources"))
    print("recall by gold content kind: " + " · ".join(
        f"{k} {t.rate:.3f} ({t.hit}/{t.total})" for k, t in sorted(by_content.items())))
    print("recall by cue class (any kind found): " + " · ".join(
        f"{k} {t.rate:.3f} ({t.hit}/{t.total})" for k, t in sorted(by_cue.items())))
    print(speech.line("speech-cue attribution recall (say + according to + other speech verbs)"))
    print("precision by emitted kind (≥ half inside gold content): " + " · ".join(
        f"{k} {t.rate:.3f} ({t.hit}/{t.total})" for k, t in sorted(kind_right.items())))
    print(nonscare.line("precision, all non-scare quotes"))
    p, r = nonscare.rate, speech.rate
    print(f"content F1 (speech-cue recall × non-scare precision, overlap matching): "
          f"{2 * p * r / (p + r) if p + r else 0:.3f}")


def score_polnear(split: str, limit: int | None, show: int = 0) -> dict[str, float]:  # noqa: C901 (one pass tallies every figure)
    items = load_polnear(split, limit)
    articles = [article_from_text(n, t) for n, t, _ in items]
    t0 = time.perf_counter()
    analysed, docs, stage_s = analyse(articles)
    print(f"\n== PolNeAR {split}: {len(items)} articles, {sum(len(g) for _, _, g in items)} attributions "
          f"(parse+stages {time.perf_counter() - t0:.0f} s, stages alone {len(items) / max(stage_s, 1e-9):.1f} "
          f"articles/s, peak {peak_rss_mb():.0f} MB)")
    direct = Tally()
    by_source: dict[str, Tally] = defaultdict(Tally)
    direct_speaker = Tally()
    by_cue: dict[str, Tally] = defaultdict(Tally)
    by_content: dict[str, Tally] = defaultdict(Tally)
    kind_right: dict[str, Tally] = defaultdict(Tally)
    speech_pred = Tally()
    after_colon = Tally()  # gold content right after a colon, without quote marks ("Hewitt writes:" + a paragraph)
    colon_block = Tally()  # our words-after-a-colon quotes (rule colon_block) inside gold content
    scare_cue = Tally()  # quoted phrases the framing stage marks as scare quotes, inside gold content (= wrongly)
    cue_counts: dict[str, int] = defaultdict(int)
    for (name, text, golds), a, doc in zip(items, analysed, docs, strict=True):
        regions = quoted_regions(text)
        quotes = [q for q in a.quotes if q.kind != "scare"]
        entities = {e.id: e for e in a.entities}
        all_content = [sp for g in golds for sp in g.content]
        speech_content = []
        for q in a.quotes:
            inside = coverage([(q.start, q.end)], all_content, text)
            kind_right[q.kind].add(inside >= RIGHT_COVERAGE, f"{name}:{q.start} {q.kind} {text[q.start:q.end][:80]!r}")
            if q.rule.startswith("colon_block"):
                colon_block.add(inside >= RIGHT_COVERAGE, f"{name}:{q.start} {q.speaker!r} {text[q.start:q.end][:80]!r}")
            if q.kind == "scare" and is_scare_quote(q, doc, a.quotes, SETTINGS):
                scare_cue.add(inside >= RIGHT_COVERAGE, f"{name}:{q.start} {q.text!r}")
        # the earlier named sources, for the pronoun-referent proxy
        named_sources: list[tuple[int, str, bool]] = []  # (start, text, looks like a person name)
        for g in sorted(golds, key=lambda g: g.source[0][0] if g.source else 10 ** 9):
            if g.source and _named(doc, g.source):
                src = " ".join(text[s:e] for s, e in g.source)
                person = any(ent.label_ == "PERSON" and ent.start_char < g.source[-1][1]
                             and g.source[0][0] < ent.end_char for ent in doc.ents)
                named_sources.append((g.source[0][0], src, person))
        for g in golds:
            kind = content_kind(g.content, regions, text)
            lemma = _cue_lemma(doc, g.cue)
            cls = cue_class(lemma)
            cue_counts[cls] += 1
            cov_any = coverage(g.content, [(q.start, q.end) for q in quotes], text)
            found = cov_any >= FOUND_COVERAGE
            snippet = f"{name}:{g.content[0][0]} [{lemma}] {text[g.content[0][0]:g.content[0][1]][:90]!r}"
            by_cue[cls].add(found, snippet)
            by_content[kind].add(found, snippet)
            start = min(a for a, _ in g.content)
            if g.cue and min(a for a, _ in g.cue) < start and text[:start].rstrip().endswith(":") \
                    and text[start:start + 1] not in "\"“”‘’'":
                after_colon.add(found, snippet)
            if is_speech_class(cls):
                speech_content.append(g.content)
            if kind == "direct":
                cov_direct = coverage(g.content, [(q.start, q.end) for q in quotes if q.kind in ("direct", "partial")],
                                      text)
                direct.add(cov_direct >= FOUND_COVERAGE, snippet)
            if not found or not g.source:
                continue
            best = max(quotes, key=lambda q: coverage(g.content, [(q.start, q.end)], text))
            src_text = " ".join(text[s:e] for s, e in g.source)
            skind = source_kind(src_text, _named(doc, g.source))
            if skind == "pronoun":
                personal = head_word(src_text) in ("he", "she", "i", "him", "her", "who") or \
                    src_text.lower().strip() in ("he", "she", "i", "who")
                earlier = [n for n in named_sources if n[0] < g.source[0][0] and (n[2] or not personal)]
                if not earlier:
                    continue
                target = earlier[-1][1]
                ok = same_speaker(best.speaker, target)
            else:
                ok = same_speaker(best.speaker, src_text)
                ent = entities.get(best.speaker_id or "")
                if not ok and ent is not None:
                    ok = any(m.start < g.source[-1][1] and g.source[0][0] < m.end for m in ent.mentions)
                target = src_text
            note = f"{name}:{g.content[0][0]} gold {target!r} ({src_text!r}) got {best.speaker!r} [{best.rule}]"
            by_source[skind].add(ok, note)
            if kind == "direct":
                direct_speaker.add(ok, note)
        for q in quotes:
            if q.kind == "reported":
                speech_pred.add(coverage([(q.start, q.end)], all_content, text) >= RIGHT_COVERAGE)
    speech = Tally(sum(t.hit for k, t in by_cue.items() if is_speech_class(k)),
                   sum(t.total for k, t in by_cue.items() if is_speech_class(k)))
    nonscare = Tally(sum(t.hit for k, t in kind_right.items() if k != "scare"),
                     sum(t.total for k, t in kind_right.items() if k != "scare"))
    _print_polnear(direct, direct_speaker, by_source, by_content, by_cue, speech, kind_right, nonscare)
    print(f"content right after a colon without quote marks, found: {after_colon.rate:.3f} "
          f"({after_colon.hit}/{after_colon.total}); words-after-a-colon quotes (colon_block) inside gold content: "
          f"{colon_block.hit}/{colon_block.total}")
    print(f"scare-quote cues the framing stage would emit: {scare_cue.total}, of them inside an attribution's content "
          f"(a speaker's words read as the outlet's distance): {scare_cue.hit}")
    figures = {"direct_recall": direct.rate, "named": by_source["named"].rate, "nominal": by_source["nominal"].rate,
               "pronoun": by_source["pronoun"].rate, "speech_recall": speech.rate,
               "reported_precision": kind_right["reported"].rate, "precision": nonscare.rate}
    if show:
        for label, tally in [("direct missed", direct), ("speech cue missed", by_cue["other_speech"]),
                             ("say missed", by_cue["say"]), ("named speaker wrong", by_source["named"]),
                             ("nominal speaker wrong", by_source["nominal"]),
                             ("pronoun speaker wrong", by_source["pronoun"]),
                             ("reported wrong", kind_right["reported"]), ("direct wrong", kind_right["direct"]),
                             ("partial wrong", kind_right["partial"])]:
            print(f"-- {label} (first {show} of {len(tally.misses)})")
            for m in tally.misses[:show]:
                print("   " + m)
    return figures


def _find(text: str, needle: str) -> int:
    pos = text.find(needle)
    if pos >= 0:
        return pos
    # whitespace and line wraps may differ after cleaning: match on a whitespace-flexible pattern
    pattern = r"\s+".join(re.escape(w) for w in needle.split())
    m = re.search(pattern, text)
    return m.start() if m else -1


_WRAP = re.compile(r"(?<=[^\s.!?:\"”’])[ \t]*\n(?:[ \t]*\n)?(?=[a-z])")


def rejoined(data: bytes) -> bytes:
    """An estimate of what the cleaner's own fixes (branch ``clean``) give attribution, never used for the
    headline figure: mojibake repaired by ftfy, and a hard line wrap (a line that does not end a sentence,
    followed, after at most one blank line, by one that starts in lower case) joined with a space."""
    import ftfy

    text = ftfy.fix_text(data.decode("utf-8", errors="replace"))
    return _WRAP.sub(" ", text).encode("utf-8")


def score_news_dev(show: int = 0, rejoin: bool = False) -> dict[str, float]:
    gold = json.loads((NEWS_DEV / "GOLD.json").read_text(encoding="utf-8"))["quotes"]
    files = sorted(gold)
    raw = {f: (NEWS_DEV / f).read_bytes() for f in files}
    if rejoin:
        raw = {f: rejoined(data) for f, data in raw.items()}
    articles = [extract(RawDocument(source=str(NEWS_DEV / f), data=raw[f], kind="text")) for f in files]
    analysed, _, _ = analyse(articles)
    found = Tally()
    by_kind: dict[str, Tally] = defaultdict(Tally)
    speaker = Tally()
    unlocated = 0
    for f, a in zip(files, analysed, strict=True):
        text = a.article.text
        for item in gold[f]:
            pos = _find(text, item["text"])
            if pos < 0:
                unlocated += 1
                continue
            span = [(pos, pos + len(item["text"]))]
            quotes = [q for q in a.quotes if q.kind != "scare"]
            best = max(quotes, key=lambda q: coverage(span, [(q.start, q.end)], text), default=None)
            hit = best is not None and coverage(span, [(best.start, best.end)], text) >= FOUND_COVERAGE
            note = f"{f}:{pos} {item['kind']} {item['text'][:70]!r}"
            found.add(hit, note)
            by_kind[item["kind"]].add(hit, note)
            if hit and item.get("speaker") and best is not None:
                speaker.add(same_speaker(best.speaker, item["speaker"]),
                            f"{note} gold {item['speaker']!r} got {best.speaker!r} [{best.rule}]")
    how = " (wrapped lines joined and mojibake fixed first: an estimate of the cleaner's share)" if rejoin else ""
    print(f"\n== news-dev{how}: {len(files)} articles, {sum(len(v) for v in gold.values())} gold quotes "
          f"({unlocated} not located in the cleaned text)")
    print(found.line("quote recall (any kind)"))
    print("  by kind: " + " · ".join(f"{k} {t.rate:.3f} ({t.hit}/{t.total})" for k, t in sorted(by_kind.items())))
    print(speaker.line("speaker accuracy on found quotes"))
    if show:
        for label, tally in [("missed", found), ("speaker wrong", speaker)]:
            print(f"-- {label} (first {show} of {len(tally.misses)})")
            for m in tally.misses[:show]:
                print("   " + m)
    return {"recall": found.rate, "speaker": speaker.rate}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "train", "both", "none"], default="both")
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each split")
    ap.add_argument("--no-news-dev", action="store_true")
    ap.add_argument("--rejoin", action="store_true", help="also score news-dev with wrapped lines joined and "
                                                         "mojibake fixed (an estimate of the cleaner's share)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="override a setting")
    ap.add_argument("--show", type=int, default=0, help="print N misses of each kind")
    args = ap.parse_args(argv)
    global SETTINGS
    for item in args.set:
        name, _, value = item.partition("=")
        kind = type(getattr(SETTINGS, name))
        parsed = value.lower() in ("1", "true", "yes", "on") if kind is bool else kind(value)
        SETTINGS = dataclasses.replace(SETTINGS, **{name: parsed})
    for split in (["dev", "train"] if args.split == "both" else [] if args.split == "none" else [args.split]):
        score_polnear(split, args.limit, args.show)
    if not args.no_news_dev:
        score_news_dev(args.show)
        if args.rejoin:
            score_news_dev(args.show, rejoin=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
