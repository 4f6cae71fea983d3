"""Story grouping: B-cubed precision, recall and F1 on tests/data/gold/stories (and on BASIL's
50 events × 3 outlets when ../shared is present)."""

from __future__ import annotations

from pathlib import Path

from _util import timed

from newsprism.evaluate import group_gold_stories, group_basil

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    with timed("gold stories (42 articles)"):
        p, r, f1, _ = group_gold_stories(ROOT / "tests" / "data" / "gold" / "stories" / "articles.jsonl")
    print(f"gold stories: B-cubed precision {p:.3f} · recall {r:.3f} · F1 {f1:.3f}")
    basil = ROOT.parent / "shared" / "corpus" / "basil" / "articles"
    if basil.exists():
        with timed("BASIL (150 articles, 50 events)"):
            p, r, f1, n = group_basil(basil)
        print(f"BASIL: B-cubed precision {p:.3f} · recall {r:.3f} · F1 {f1:.3f} ({n} articles)")


if __name__ == "__main__":
    main()
