"""External checks on BASIL (150 real articles, annotated by others, not used to build anything here).

1. Quotes: for each phrase BASIL marks as inside a quote said by a named individual (not a group such
   as "Tea_Party" or "other_anti"), is it inside one of our quotes (direct, partial or reported), and do
   we name the same speaker (surname match)?
2. Loaded words: of our ``loaded`` cues in the outlet's own voice, how many fall inside a span BASIL's
   annotators marked as lexical bias (precision against BASIL), and how many BASIL lexical-bias spans
   contain one of our cues (recall). BASIL marks phrases, not lexicon words, so both are lower bounds
   on agreement, reported for orientation only.
"""

from __future__ import annotations


from _util import basil_annotated, timed

from newsprism.stages import analyze_many



GROUP_WORDS = {"lawmakers", "officials", "campaign", "party", "administration", "companies", "department",
               "democrats", "republicans", "senate", "house", "america", "now", "white", "supporters", "critics"}


def is_person(speaker: str) -> bool:
    """BASIL names groups too ("Tea_Party", "Democratic_Lawmakers"); keep individuals ("Joe_Biden")."""
    parts = speaker.split("_")
    return 2 <= len(parts) <= 3 and all(p[:1].isupper() for p in parts) and not any(
        p.lower() in GROUP_WORDS for p in parts)


def main() -> None:
    pairs = [(article, phrases) for _, article, phrases in basil_annotated()]
    with timed(f"analysis of {len(pairs)} BASIL articles", len(pairs)):
        analyzed = analyze_many([p[0] for p in pairs])
    found = same = total = 0
    lex_spans = lex_hit = cues = cues_in = 0
    for a, (_, anns) in zip(analyzed, pairs, strict=True):
        text = a.article.text
        lex = []
        for p in anns:
            pos = text.find(p["txt"].strip("“”\" "))
            if pos < 0:
                continue
            span = (pos, pos + len(p["txt"].strip("“”\" ")))
            if p["bias"] == "lex" and p["quote"] == "no":
                lex.append(span)
            speaker = p.get("speaker") or ""
            if p["quote"] != "yes" or not is_person(speaker):
                continue
            total += 1
            covering = [q for q in a.quotes if q.kind != "scare" and q.start <= span[0] + 2 and span[1] - 2 <= q.end]
            if covering:
                found += 1
                surname = speaker.split("_")[-1].lower()
                if any(q.speaker and surname in q.speaker.lower() for q in covering):
                    same += 1
        own = [f for f in a.framing if f.cue == "loaded" and f.speaker is None]
        cues += len(own)
        cues_in += sum(1 for f in own if any(s <= f.start < e for s, e in lex))
        lex_spans += len(lex)
        lex_hit += sum(1 for s, e in lex if any(s <= f.start < e for f in own))
    print(f"BASIL quotes by a named individual: {total}; inside one of our quotes: {found} ({found / max(total, 1):.0%}); "
          f"same speaker: {same} ({same / max(total, 1):.0%} of all, {same / max(found, 1):.0%} of those found)")
    print(f"loaded words in the outlet's voice: {cues}; inside a BASIL lexical-bias span: {cues_in} "
          f"({cues_in / max(cues, 1):.0%}); BASIL lexical-bias spans (outside quotes) with a cue of ours: "
          f"{lex_hit} of {lex_spans} ({lex_hit / max(lex_spans, 1):.0%})")


if __name__ == "__main__":
    main()
