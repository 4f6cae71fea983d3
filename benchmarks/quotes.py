"""Quote extraction: precision/recall of (quote, speaker) pairs on tests/data/gold/quotes.json,
then entities + quotes speed on the two seeds repeated to 500 articles."""

from __future__ import annotations

from pathlib import Path

from _util import timed

from newsprism.stages import DEFAULT_STAGES, analyze_many
from newsprism.evaluate import score_quotes
from newsprism.pipeline import load_one

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def main() -> None:
    total, by_kind = score_quotes(ROOT / "tests" / "data" / "gold" / "quotes.json", ROOT)
    print(total.line("quotes (quote, speaker)"))
    for kind, score in sorted(by_kind.items()):
        print("  " + score.line(kind))
    if total.stale:
        print(f"  stale gold spans: {total.stale}")
    seeds = [load_one(str(p)) for p in sorted(SEEDS.glob("*.txt"))]
    articles = (seeds * 250)[:500]
    stages = [s for s in DEFAULT_STAGES if s.name in ("sentences", "coref", "entities", "quotes")]
    analyze_many(seeds[:1], stages=stages)  # load the model first
    with timed("entities + quotes on 500 articles (seeds repeated)", len(articles)):
        analyze_many(articles, stages=stages)


if __name__ == "__main__":
    main()
