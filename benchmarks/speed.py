"""How close analysis comes to the cost of the spaCy parse (issue 12), on 60 real BASIL articles.

Prints, in one run: the spaCy parse alone, the full analysis and their ratio (same process, models
warm, parse measured before and after the analysis); the time of each stage; the sentence vectors
by each encoder (torch, onnx, onnx-int8) against the parse; a fresh ``newsprism analyze one.txt``
process against a fresh process that loads spaCy and parses the same text (median of 3,
interleaved, peak memory of each); peak memory of this process; and ``compare`` of 5 articles of
~800 words warm. Targets: analysis ≤ 1.5× parse, fresh analyze ≤ 2× fresh parse, peak memory
≤ 600 MB, compare warm ≤ 1.5 s. The machine may be shared: read ratios, not absolute seconds.

Configurations (``--only``): ``bias_encoder`` values, ``X-serial`` for X without the second-thread bias
pipeline; each is run ``--rounds`` times, interleaved, and the median wall and CPU-time ratios are printed.

    .venv/bin/python benchmarks/speed.py [--n 60] [--rounds 2] [--only finetuned,finetuned-serial,cascade]
                                         [--no-fresh] [--no-compare] [--encoders]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from _util import peak_rss_mb, warm_batch

from newsprism import nlp
from newsprism.compare import compare_analyzed
from newsprism.extract import extract
from newsprism.records import Article, RawDocument
from newsprism.settings import DEFAULT, Settings
from newsprism.stages import DEFAULT_STAGES, Stage, analyze_many
from newsprism.stages.vectors import texts_to_encode

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "corpus" / "basil" / "articles"

PEAK = """
import atexit, sys
def _peak():
    line = [x for x in open("/proc/self/status") if x.startswith("VmHWM")]
    print("PEAK_KB", line[0].split()[1] if line else 0, file=sys.stderr)
atexit.register(_peak)
"""
# the child reports its own high-water mark: wait4's ru_maxrss of a child forked from this large
# process starts at this process's peak

FRESH_PARSE = PEAK + """
import sys
import {module} as m
nlp = m.load()
text = open(sys.argv[1], encoding="utf-8").read()
doc = nlp(text)
print(len(doc), file=sys.stderr)
"""


def basil_articles(n: int) -> list[Article]:
    out = []
    for f in sorted(BASIL.glob("*/*.json"))[:n]:
        d = json.loads(f.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(p) for p in d["body-paragraphs"])
        out.append(extract(RawDocument(source=f.name, data=f"{d['title']}\n\n{body}".encode(), kind="text",
                                       published=d.get("date"), outlet=d.get("source"))))
    return out


def timed_stages(spent: dict[str, float], kept: dict[str, list[Any]] | None = None) -> list[Stage]:
    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(arg: Any) -> Any:
            start = time.perf_counter()
            try:
                out = fn(arg)
                if kept is not None:
                    kept.setdefault(name, []).append(out)
                return out
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
        return run

    return [dataclasses.replace(s, run=wrap(s.name, s.run),
                                batch=wrap(s.name, s.batch) if s.batch is not None else None)
            for s in DEFAULT_STAGES]


def parse_seconds(texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (this process, all threads) of the parse."""
    start, cpu = time.perf_counter(), time.process_time()
    nlp.parse(texts)
    return time.perf_counter() - start, time.process_time() - cpu


def child(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # noqa: S603
    _, stderr_bytes = proc.communicate()
    seconds = time.perf_counter() - start
    stderr = stderr_bytes.decode()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {stderr[-800:]}")
    peak = [line.split()[1] for line in stderr.splitlines() if line.startswith("PEAK_KB")]
    return seconds, (int(peak[-1]) if peak else 0) / 1024


def fresh(article: Article, repeats: int = 3) -> None:
    env_python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one.txt"
        path.write_text(article.text, encoding="utf-8")
        analyze_cmd = [env_python, "-c", PEAK + "from newsprism.cli import main\nmain()", "analyze", str(path),
                       "--json"]
        commands = {"parse": [env_python, "-c", FRESH_PARSE.format(module=nlp.SPACY_MODULE), str(path)],
                    "analyze": analyze_cmd,
                    "analyze, bias_encoder=cascade": [*analyze_cmd, "--set", "bias_encoder=cascade"]}
        runs: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
        for _ in range(repeats):  # interleaved, so a burst of load on the machine hits all
            for name, cmd in commands.items():
                runs[name].append(child(cmd))
    med = {k: statistics.median(s for s, _ in v) for k, v in runs.items()}
    mem = {k: max(m for _, m in v) for k, v in runs.items()}
    print(f"fresh process, one article ({len(article.text.split())} words), median of {repeats} interleaved: "
          f"load spaCy + parse {med['parse']:.2f} s ({mem['parse']:.0f} MB)")
    for name in commands:
        if name != "parse":
            print(f"  `newsprism {name}` {med[name]:.2f} s, peak {mem[name]:.0f} MB (target ≤ 600 MB) · "
                  f"ratio {med[name] / med['parse']:.2f}× the fresh parse (target ≤ 2×)")


def compare_warm(settings: Any = DEFAULT) -> None:
    batch = warm_batch
    analyze_many(batch(1), settings)  # warm
    rows = []
    cpu = []
    for seed in (2, 3, 4):
        articles = batch(seed)
        start, cpu_start = time.perf_counter(), time.process_time()
        analyzed = analyze_many(articles, settings)
        middle = time.perf_counter()
        compare_analyzed(analyzed, settings)
        rows.append((middle - start, time.perf_counter() - middle))
        cpu.append(time.process_time() - cpu_start)
    words = sum(len(a.text.split()) for a in batch(2)) / 5
    total = sorted(a + c for a, c in rows)
    print(f"[bias_encoder={settings.bias_encoder}] compare 5 articles (~{words:.0f} words each) warm, 3 runs: "
          f"analyse + compare "
          f"{total[0]:.2f}–{total[-1]:.2f} s (of which compare alone {min(c for _, c in rows):.2f}–"
          f"{max(c for _, c in rows):.2f} s; target ≤ 1.5 s) · CPU time (all threads) {min(cpu):.2f}–{max(cpu):.2f} s "
          f"· load average {os.getloadavg()[0]:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--no-fresh", action="store_true")
    ap.add_argument("--encoders", action="store_true", help="also time the sentence vectors by each encoder")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="settings for every configuration (e.g. bias_cascade_word_band=0)")
    ap.add_argument("--only", help="comma-separated bias_encoder values to run, X-serial for X without the "
                    "bias pipeline (default: the default, finetuned-serial, cascade, static)")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved rounds (medians are reported)")
    ap.add_argument("--no-compare", action="store_true")
    args = ap.parse_args()
    base = Settings.from_pairs(args.set)
    articles = basil_articles(args.n)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} BASIL articles, {words:,} words · encoder setting: {DEFAULT.encoder} · "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (a shared machine: compare ratios)")
    chosen = args.only.split(",") if args.only else [DEFAULT.bias_encoder, "finetuned-serial", "cascade", "static"]

    def config(name: str) -> Settings:  # "X-serial": bias_encoder X without the second-thread pipeline
        serial = name.endswith("-serial")
        return base.replace(bias_encoder=name.removesuffix("-serial"), bias_pipeline=base.bias_pipeline and not serial)

    configs = {name: config(name) for name in dict.fromkeys(chosen)}
    for settings in configs.values():
        analyze_many(articles[:2], settings)  # load models
    parses = [parse_seconds(texts)]
    seen: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in configs}
    analyzed: list[Any] = []
    for round_ in range(args.rounds):  # interleaved: a burst of load on the shared machine hits every configuration
        for name, settings in configs.items():
            nlp._cache.clear()
            spent: dict[str, float] = {}
            kept: dict[str, list[Any]] = {}
            start, cpu_start = time.perf_counter(), time.process_time()
            analyzed = analyze_many(articles, settings, stages=timed_stages(spent, kept))
            full, cpu = time.perf_counter() - start, time.process_time() - cpu_start
            parses.append(parse_seconds(texts))
            parse = (parses[-2][0] + parses[-1][0]) / 2
            parse_cpu = (parses[-2][1] + parses[-1][1]) / 2
            seen[name].append((full / parse, cpu / parse_cpu, full, parse))
            print(f"[{name}, round {round_ + 1}] spaCy parse alone {parse:.2f} s (before {parses[-2][0]:.2f}, "
                  f"after {parses[-1][0]:.2f}) · full analysis {full:.2f} s · ratio {full / parse:.2f}× (target ≤ 1.5×) "
                  f"· CPU time (all threads) parse {parse_cpu:.2f} s, analysis {cpu:.2f} s, ratio "
                  f"{cpu / parse_cpu:.2f}× · load average {os.getloadavg()[0]:.1f}")
            print("  per stage: " + " · ".join(f"{k} {v:.2f} s ({v / parse:.2f}×)" for k, v in spent.items())
                  + f" · parse inside analysis {full - sum(spent.values()):.2f} s")
            if settings.bias_encoder == "cascade" and round_ == 0:
                notes = [n for out in kept.get("vectors", []) for v in (out if isinstance(out, list) else [out])
                         for n in (v.bias_notes or ())]
                sent = sum(n is None for n in notes)
                print(f"  cascade: MiniLM scored {sent:,} of {len(notes):,} sentences "
                      f"({sent / max(len(notes), 1):.1%}); the rest kept the static-vector estimate")
    ratios = {name: statistics.median(r[0] for r in rows) for name, rows in seen.items()}
    print(f"median of {args.rounds} interleaved rounds, same process (wall · CPU time of all threads): " + " · ".join(
        f"{name} {ratios[name]:.2f}× · CPU {statistics.median(r[1] for r in rows):.2f}×" for name, rows in seen.items())
        + f" · load average {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
    configs_list = list(configs.values())
    if args.encoders:
        encoders(analyzed, statistics.median(r[3] for rows in seen.values() for r in rows))
    print(f"peak memory of this process: {peak_rss_mb():.0f} MB")
    if not args.no_compare:
        for settings in configs_list[:1]:
            compare_warm(settings)
    if not args.no_fresh:
        one = min(articles, key=lambda a: abs(len(a.text.split()) - 800))
        fresh(one)


def encoders(analyzed: list[Any], parse: float) -> None:
    encode = list(dict.fromkeys(t for a in analyzed for t in texts_to_encode(a.sentences, a.claims, DEFAULT)))
    timings = []
    for encoder in nlp.ENCODERS:
        nlp.embed(["warm up"], encoder)
        nlp._cache.clear()
        start = time.perf_counter()
        nlp.embed(encode, encoder)
        timings.append(f"{encoder} {time.perf_counter() - start:.2f} s ({(time.perf_counter() - start) / parse:.2f}× parse)")
    nlp.embed(["warm up"], nlp.STATIC)
    start = time.perf_counter()
    nlp.embed(encode, nlp.STATIC)
    timings.append(f"static {time.perf_counter() - start:.2f} s")
    print(f"sentence vectors of all {len(encode):,} texts by encoder: " + " · ".join(timings))


if __name__ == "__main__":
    main()
