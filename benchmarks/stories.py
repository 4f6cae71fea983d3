"""Story grouping: B-cubed precision, recall and F1 on tests/data/gold/stories, and when ../shared is
present on news-dev (10 stories with 2 decoy events; no published dates: only what the text states) and on
BASIL's 50 events × 3 outlets, with and without their dates; with the store's incremental grouper and with
the batch path's pair-graph grouper (``stories build``)."""

from __future__ import annotations

from pathlib import Path

from _util import timed

from newsprism.evaluate import group_basil, group_gold_stories, group_news_dev

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    with timed("gold stories (42 articles)"):
        p, r, f1, _ = group_gold_stories(ROOT / "tests" / "data" / "gold" / "stories" / "articles.jsonl")
    print(f"gold stories: B-cubed precision {p:.3f} · recall {r:.3f} · F1 {f1:.3f}")
    dev = ROOT.parent / "shared" / "corpus" / "news-dev"
    basil = ROOT.parent / "shared" / "corpus" / "basil" / "articles"
    for grouper in ("incremental", "graph"):  # the store's grouper; the batch path's (stories build)
        if dev.exists():
            with timed(f"news-dev (50 articles, 10 stories), {grouper}"):
                p, r, f1, predicted = group_news_dev(dev, drop_dates=True, grouper=grouper)
            print(f"news-dev, {grouper}: B-cubed precision {p:.3f} · recall {r:.3f} · F1 {f1:.3f} "
                  f"({len(set(predicted.values()))} stories)")
        if basil.exists():
            for dated in (True, False):
                with timed(f"BASIL (150 articles, 50 events{'' if dated else ', dates dropped'}), {grouper}"):
                    p, r, f1, n = group_basil(basil, drop_dates=not dated, grouper=grouper)
                print(f"BASIL{'' if dated else ' without dates'}, {grouper}: B-cubed precision {p:.3f} · "
                      f"recall {r:.3f} · F1 {f1:.3f} ({n} articles)")


if __name__ == "__main__":
    main()
