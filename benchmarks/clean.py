"""Cleaning real pages: boilerplate lines and stated metadata, measured on data the project did not build.

1. ../shared/corpus/extraction, dev split (the pages ``scripts/train_boilerplate.py`` held out),
   flattened to lines: boilerplate precision / recall / F1 and share of body lines lost,
   for the named rules alone (the cleaner before the model), the model alone, and the shipped
   cleaner (model + the rules kept where they beat it + metadata lines).
2. The same dev pages as HTML: word-level F1 of the main text against the gold, newsprism
   (trafilatura + the text cleaner) vs plain ``trafilatura.extract``.
3. ../shared/corpus/news-dev (real scraped coverage, GOLD.json): gold boilerplate lines removed,
   body lines lost, and outlet / date / author read where the text states them, plus wrong values.

    .venv/bin/python benchmarks/clean.py [--pages N] [--html-only]   # N dev pages (default all)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
import trafilatura  # noqa: E402
from train_boilerplate import dev_names, gold_lines, load_pages, page_files, read_gz  # noqa: E402

from newsprism.extract import extract  # noqa: E402
from newsprism.extract.lines import load_model  # noqa: E402
from newsprism.extract.meta import parse_stamp  # noqa: E402
from newsprism.extract.rules import score_line, words  # noqa: E402
from newsprism.extract.text import clean_text  # noqa: E402
from newsprism.records import RawDocument  # noqa: E402
from newsprism.settings import DEFAULT  # noqa: E402

NEWS_DEV = ROOT.parent / "shared" / "corpus" / "news-dev"
_MOJIBAKE = re.compile("â€|Ã[\u0080-\u00bf]")


def prf(pairs: list[tuple[int, int]]) -> str:
    tp = sum(1 for y, p in pairs if y and p)
    fp = sum(1 for y, p in pairs if not y and p)
    fn = sum(1 for y, p in pairs if y and not p)
    body = sum(1 for y, _ in pairs if not y)
    prec, rec = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * prec * rec / max(prec + rec, 1e-9)
    return f"precision {prec:.3f} recall {rec:.3f} F1 {f1:.3f} · body lines lost {fp / max(body, 1):.1%}"


def flattened(pages: list[tuple[str, list[str], list[int]]]) -> None:
    model = load_model()
    rules, alone, shipped = [], [], []
    for _name, lines, labels in pages:
        n = len(lines)
        verdicts = model.predict(lines)
        cleaned = clean_text("\n".join(lines))
        for i, (line, y) in enumerate(zip(lines, labels, strict=True)):
            sc = score_line(line, i / max(n - 1, 1))
            rules.append((y, int(bool(sc and sc.score >= DEFAULT.boilerplate_threshold))))
            alone.append((y, int(verdicts[i].probability >= model.threshold)))
            shipped.append((y, int(cleaned.decisions[i] is not None)))
    print(f"flattened dev pages: {len(pages)} pages, {len(rules)} lines, "
          f"{sum(y for y, _ in rules) / max(len(rules), 1):.0%} boilerplate")
    print(f"  named rules alone (before): {prf(rules)}")
    print(f"  line model alone:           {prf(alone)}")
    print(f"  (the shipped cleaner never lets the model alone drop a sentence of {DEFAULT.model_prose_words}+ words)")
    print(f"  shipped cleaner:            {prf(shipped)}")


def bag(text: str) -> Counter[str]:
    return Counter(w.lower() for w in words(text))


def word_f1(pred: str, gold: str) -> float:
    p, g = bag(pred), bag(gold)
    common = sum((p & g).values())
    if not common:
        return 0.0
    prec, rec = common / sum(p.values()), common / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def _norm_words(text: str) -> str:
    return " ".join(w.lower() for w in words(text))


def html_pages(files: list[tuple[str, Path, Path]]) -> None:
    """Word F1 of the main text; and, line by line, chrome kept (a line of newsprism's text whose words the gold
    main text does not hold in that order) and paragraphs lost (a gold line of 8+ words not in newsprism's text)."""
    ours, plain = [], []
    chrome_pages = chrome_lines = lost_pages = lost_lines = 0
    t_ours = t_plain = 0.0
    for name, path, gold_path in files:
        if not gold_path.exists():
            continue
        html = read_gz(path)
        golds = gold_lines(name.split("/")[0], read_gz(gold_path))
        gold = "\n".join(golds)
        if not gold.strip():
            continue
        t0 = time.perf_counter()
        try:
            text = extract(RawDocument(source=name, data=html.encode("utf-8"), kind="html")).text
        except Exception:  # noqa: BLE001 - a page newsprism refuses scores 0, like an empty extraction
            text = ""
        ours.append(word_f1(text, gold))
        t1 = time.perf_counter()
        gold_n, text_n = _norm_words(gold), _norm_words(text)
        kept = [ln for ln in text.split("\n") if _norm_words(ln) and _norm_words(ln) not in gold_n]
        lost = [ln for ln in golds if len(ln.split()) >= 8 and _norm_words(ln) and _norm_words(ln) not in text_n]
        chrome_pages, chrome_lines = chrome_pages + bool(kept), chrome_lines + len(kept)
        lost_pages, lost_lines = lost_pages + bool(lost), lost_lines + len(lost)
        plain.append(word_f1(trafilatura.extract(html) or "", gold))
        t2 = time.perf_counter()
        t_ours += t1 - t0
        t_plain += t2 - t1
    n = max(len(ours), 1)
    print(f"HTML dev pages ({len(ours)}): mean word F1 newsprism {sum(ours) / n:.3f} "
          f"({len(ours) / max(t_ours, 1e-9):.1f} pages/s) vs plain trafilatura {sum(plain) / n:.3f} "
          f"({len(plain) / max(t_plain, 1e-9):.1f} pages/s)")
    print(f"  pages keeping chrome lines {chrome_pages} ({chrome_pages / n:.1%}), {chrome_lines} lines; "
          f"gold paragraphs (8+ words) lost {lost_lines} on {lost_pages} pages")


def _norm(s: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (s or "").lower()).strip()


def _same_outlet(value: str, gold: dict[str, str | None]) -> bool:
    v = _norm(value)
    for key in ("outlet", "source_agency"):
        g = _norm(re.sub(r"\(.*?\)", "", gold.get(key) or ""))
        if g and (v == g or v in g.split() or g in v or v in g):
            return True
    return False


def _same_authors(value: str, gold: str) -> bool:
    return {_norm(x) for x in value.split(",")} == {_norm(x) for x in gold.split(",")}


def news_dev() -> None:  # noqa: C901 - one pass over the gold, three tallies
    gold = json.loads((NEWS_DEV / "GOLD.json").read_text(encoding="utf-8"))
    bp_total = bp_removed = body_total = body_lost = 0
    lost_examples: list[str] = []
    missed: list[str] = []
    stated = Counter[str]()
    read = Counter[str]()
    wrong = Counter[str]()
    wrong_examples: list[str] = []
    unread: list[str] = []
    joined = wrapped_files = mojibake_raw = mojibake_left = 0
    for rel, meta in sorted(gold["metadata"].items()):
        raw = (NEWS_DEV / rel).read_text(encoding="utf-8")
        lines = [" ".join(x.split()) for x in raw.split("\n")]
        lines = [x for x in lines if x]
        cleaned = clean_text(raw)
        joined += cleaned.joined
        wrapped_files += cleaned.joined > 0
        mojibake_raw += len(_MOJIBAKE.findall(raw))
        mojibake_left += len(_MOJIBAKE.findall(cleaned.text))
        boiler = {" ".join(b.split()) for b in gold["boilerplate"].get(rel, [])}
        title = " ".join((meta.get("title") or "").split())
        for line, decision in zip(lines, cleaned.decisions, strict=True):
            dropped = decision is not None
            if line in boiler:
                bp_total += 1
                bp_removed += dropped
                if not dropped:
                    missed.append(f"{rel}: {line[:70]}")
            elif line != title:
                body_total += 1
                if dropped:
                    body_lost += 1
                    lost_examples.append(f"{rel} [{decision}]: {line[:70]}")
        # outlet stated: the outlet or the wire it names occurs where a page states it, i.e. in one of the
        # first 10 or last 4 lines, on a short line (at most 12 words) or in parentheses ("(AP)", "...(ANI)")
        names = [_norm(re.sub(r"\(.*?\)", "", meta.get(k) or "")) for k in ("outlet", "source_agency")]
        where = lines[:10] + lines[-4:]
        if any(n and any(n in _norm(x) and (len(x.split()) <= 12 or f"({n})" in x.lower()) for x in where)
               for n in names):
            stated["outlet"] += 1
            read["outlet"] += bool(cleaned.outlet and _same_outlet(cleaned.outlet, meta))
            if not cleaned.outlet:
                unread.append(f"{rel}: outlet {meta.get('outlet')!r} / {meta.get('source_agency')!r}")
        if cleaned.outlet and not _same_outlet(cleaned.outlet, meta):
            wrong["outlet"] += 1
            wrong_examples.append(f"{rel}: outlet {cleaned.outlet!r} vs {meta.get('outlet')!r}")
        # date stated: some date expression in the text reads as the gold date
        if meta.get("published"):
            cands = re.findall(r"[A-Za-z0-9,.: -]{0,30}\b(?:19|20)\d{2}\b[A-Za-z0-9,.: -]{0,12}", raw)
            if any(parse_stamp(c.strip()) == meta["published"] or meta["published"] in c for c in cands):
                stated["published"] += 1
                read["published"] += cleaned.published == meta["published"]
                if not cleaned.published:
                    unread.append(f"{rel}: published {meta['published']}")
        if cleaned.published and cleaned.published != meta.get("published"):
            wrong["published"] += 1
            wrong_examples.append(f"{rel}: published {cleaned.published} vs {meta.get('published')}")
        if meta.get("author"):
            stated["author"] += 1
            read["author"] += bool(cleaned.author and _same_authors(cleaned.author, meta["author"]))
            if not cleaned.author:
                unread.append(f"{rel}: author {meta['author']!r}")
        if cleaned.author and not (meta.get("author") and _same_authors(cleaned.author, meta["author"])):
            wrong["author"] += 1
            wrong_examples.append(f"{rel}: author {cleaned.author!r} vs {meta.get('author')!r}")
    print(f"news-dev ({len(gold['metadata'])} articles): boilerplate lines removed {bp_removed}/{bp_total} "
          f"({bp_removed / max(bp_total, 1):.1%}); body lines lost {body_lost}/{body_total} "
          f"({body_lost / max(body_total, 1):.1%})")
    print(f"  hard-wrapped lines joined to the line before: {joined} in {wrapped_files} files; "
          f"mojibake sequences (â€, Ã…) {mojibake_raw} in the input, {mojibake_left} left after cleaning")
    for f in ("outlet", "published", "author"):
        print(f"  {f}: read {read[f]}/{stated[f]} where stated ({read[f] / max(stated[f], 1):.0%}); "
              f"wrong non-empty values {wrong[f]}")
    for title_, rows in (("body lines lost", lost_examples), ("boilerplate kept", missed),
                         ("wrong values", wrong_examples), ("stated but not read", unread)):
        if rows:
            print(f"  {title_}:")
            for row in rows:
                print(f"    {row}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=None, help="dev pages to use (default: all)")
    ap.add_argument("--skip-extraction", action="store_true", help="news-dev only")
    ap.add_argument("--html-only", action="store_true", help="the HTML dev pages only (main text F1, chrome, lost)")
    args = ap.parse_args()
    if not args.html_only:
        news_dev()
    if args.skip_extraction:
        return
    files = page_files()
    dev = dev_names([f[0] for f in files])
    dev_files = [f for f in files if f[0] in dev][: args.pages]
    if not args.html_only:
        flattened(load_pages(dev_files))
    html_pages(dev_files)


if __name__ == "__main__":
    main()
