"""(framing cues: filled in by the framing stage; see issue 5)"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .records import AnalyzedArticle


def framing_stage(work):  # type: ignore[no-untyped-def]
    return ()


def summarise(analyzed: AnalyzedArticle) -> dict[str, Any]:
    words = max(len(analyzed.article.text.split()), 1)
    counts = Counter(f.cue for f in analyzed.framing)
    return {"counts": {k: round(v * 1000 / words, 2) for k, v in sorted(counts.items())},
            "raw_counts": dict(sorted(counts.items())), "words": words,
            "notable": [f.to_dict() for f in analyzed.framing][:20]}
