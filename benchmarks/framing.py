"""Framing cues: precision/recall of (span, cue) on tests/data/gold/framing.json, per cue too;
and the sentence bias model's held-out macro F1 on BABE (stored with its weights)."""

from __future__ import annotations

from pathlib import Path

from _util import timed

from newsprism.evaluate import score_framing
from newsprism.stages.framing import bias_model

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    with timed("framing gold set (analysis included)"):
        total, by_cue = score_framing(ROOT / "tests" / "data" / "gold" / "framing.json", ROOT)
    print(total.line("framing (span, cue)"))
    for cue, score in sorted(by_cue.items()):
        print("  " + score.line(cue))
    if total.stale:
        print(f"  stale gold spans: {total.stale}")
    model = bias_model()
    print(f"sentence bias model: held-out macro F1 {model['held_out_macro_f1']} on BABE "
          f"({model['n_test']} sentences; published best ≈ 0.80)")


if __name__ == "__main__":
    main()
