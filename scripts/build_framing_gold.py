"""Rebuild tests/data/gold/framing.json: run the framing stage (with naming contrasts) over the
project's example texts and the two seeds, then apply the hand review below: every removal is a cue
the reviewer judged wrong, every addition a cue the reviewer found missing. The review, not the
program, is the gold: re-running this after changing framing.py re-bases the *draft*, and the
corrections still apply by text, so drift shows up as a failed correction (the script stops).

The draft is the framing as ``newsprism.evaluate.score_framing`` reads it: no ``biased_sentence`` or
``set_aside`` cue (a word the cue classifier set aside is not a cue), and an evaluative phrase or epithet counted
as the loaded word it is built on (its ``word`` span, cue ``loaded``), as is a naming cue's charged word; so the
tool that made the draft scores precision and recall 1 on it before the corrections (session 12, frame15: the
draft before this put set-aside words and whole phrases in the gold, which no run can match).

Session 12 (frame15): re-based on main 47345fc's framing (run in a worktree at main), after an independent audit
(audit15, an LLM reviewer blind to the branch work) labelled every non-attribution gold cue framing / borderline /
not; every "not" is a removal below (``# audit15 ...``), nothing else of it was used. The removals of session 1
that main no longer emits are kept as comments (moot: the draft no longer holds them).

    .venv/bin/python scripts/build_framing_gold.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.stages import analyze_many  # noqa: E402
from newsprism.compare.framing import add_naming_cues  # noqa: E402
from newsprism.compare import link_across  # noqa: E402
from newsprism.pipeline import load_one  # noqa: E402

GROUPS = [
    ["../shared/corpus/seeds/000_c399c7057a43875d.txt", "../shared/corpus/seeds/001_c89a09e2af61da74.txt"],
    ["examples/articles/01_estmark_wire.txt", "examples/articles/02_northern_sentinel.html",
     "examples/articles/03_national_broadcast.txt", "examples/articles/04_dailybuzz_repost.txt"],
    ["tests/data/quotes/museum_reopens.txt"], ["tests/data/quotes/rail_strike.txt"],
    ["tests/data/framing/stadium_vote.txt"], ["tests/data/framing/clinic_closure.txt"],
]
# (file suffix, cue, the cue's text, which occurrence of that text among that file's cues of that kind)
REMOVE = [
    # session 1 (moot since: main 47345fc no longer emits these, so they are not in the draft):
    # ("000_c399c7057a43875d.txt", "loaded", "correct", 0),      # "the most correct way": not loaded here
    # ("000_c399c7057a43875d.txt", "loaded", "negative", 0),     # "negative influence": descriptive
    # ("000_c399c7057a43875d.txt", "loaded", "negative", 0),     # (the second: indices count what is left)
    # ("001_c89a09e2af61da74.txt", "loaded", "latest", 0),       # "latest estimates": factual
    # ("001_c89a09e2af61da74.txt", "loaded", "killed", 0),       # a reported death toll, not a word choice
    # ("001_c89a09e2af61da74.txt", "loaded", "peaceful", 0),     # "peaceful means" in Putin's own words
    # ("01_estmark_wire.txt", "loaded", "flooded", 0),           # "flooded streets": literal
    # ("01_estmark_wire.txt", "attribution_verb", "asked", 0),   # "if Estmark asked for help": not attribution
    # ("02_northern_sentinel.html", "loaded", "floods", 0),      # literal
    # ("02_northern_sentinel.html", "loaded", "destroyed", 0),   # literal
    ("02_northern_sentinel.html", "passive_agentless", "was destroyed", 0),  # the flood, obviously
    # ("02_northern_sentinel.html", "attribution_verb", "spoke", 0),  # "spoke on condition of anonymity"
    # ("museum_reopens.txt", "loaded", "destroyed", 0),
    # ("rail_strike.txt", "loaded", "cold", 0),                  # "cold platforms": literal
    # ("stadium_vote.txt", "loaded", "peaceful", 0),             # the police's factual description
    # ("stadium_vote.txt", "loaded", "best", 0),
    # audit15 (independent, session 12): every cue it judged "not" (of 56 non-attribution gold cues: 22 framing,
    # 17 borderline, 17 not); those main's draft no longer holds are kept as comments (moot), the three it judged
    # "not" among the hand additions are taken out of ADD below ("noisy", also main's own cue now, is removed here too)
    ("01_estmark_wire.txt", "passive_agentless", "been damaged", 0),  # audit15 (independent, session 12): flood damage in the mayor's paraphrase; no responsible actor concealed
    ("04_dailybuzz_repost.txt", "passive_agentless", "were forced", 0),  # audit15 (independent, session 12): a factual displacement figure; the flood forced them, no actor concealed
    ("museum_reopens.txt", "loaded", "impressed", 0),  # audit15 (independent, session 12): a neutral transition summarising the visitor's quoted view
    ("stadium_vote.txt", "loaded", "noisy", 0),  # audit15 (independent, session 12): the official's own characterisation ("dismissed ... as"), not the outlet's judgement
    ("clinic_closure.txt", "loaded", "cynical", 0),  # audit15 (independent, session 12): the councillor's accusation ("accused ... of"), not the outlet's word
    # moot (not in main 47345fc's draft), audit15 (independent, session 12) said "not":
    # ("000_c399c7057a43875d.txt", "loaded", "famous", 0),  # literal description of a well-known song
    # ("000_c399c7057a43875d.txt", "loaded", "successfully", 0),  # inside Putin's direct quotation
    # ("000_c399c7057a43875d.txt", "passive_agentless", "are reliably protected", 0),  # inside Putin's quotation
    # ("000_c399c7057a43875d.txt", "loaded", "great", 0),  # inside Xi's quoted phrase
    # ("001_c89a09e2af61da74.txt", "loaded", "successfully", 0),  # inside Putin's direct quotation
    # ("001_c89a09e2af61da74.txt", "loaded", "happy", 0),  # inside Putin's direct quotation
    # ("03_national_broadcast.txt", "passive_agentless", "been moved", 0),  # the minister's paraphrase; the agent carries no blame
    # ("museum_reopens.txt", "loaded", "wrong", 0),  # inside the director's direct quotation
    # ("museum_reopens.txt", "loaded", "beautiful", 0),  # inside the visitor's direct quotation
    # ("rail_strike.txt", "loaded", "fair", 0),  # inside the union leader's direct quotation
]
# (file suffix, cue, text to find in the article, occurrence of that text)
ADD = [
    ("03_national_broadcast.txt", "loaded", "swiftly", 0),
    ("03_national_broadcast.txt", "loaded", "swift", 1),       # "its swift support" (0 is inside "swiftly")
    ("03_national_broadcast.txt", "loaded", "exploit", 0),
    ("04_dailybuzz_repost.txt", "loaded", "regime", 0),
    ("04_dailybuzz_repost.txt", "loaded", "neglect", 0),
    ("04_dailybuzz_repost.txt", "loaded", "joke", 0),
    ("stadium_vote.txt", "loaded", "Rams", 0),
    # ("stadium_vote.txt", "loaded", "disgraceful", 0),  # audit15 (independent, session 12): "not", inside the resident's direct quotation
    # ("stadium_vote.txt", "loaded", "noisy", 0),  # audit15 (independent, session 12): "not", Sand's own characterisation ('dismissed ... as'), not the outlet's judgement
    # ("clinic_closure.txt", "loaded", "abandoned", 0),  # audit15 (independent, session 12): "not", inside the doctor's direct quotation
]


def main() -> None:
    docs = []
    for n, group in enumerate(GROUPS):
        analyzed = add_naming_cues(link_across(analyze_many([load_one(str(ROOT / p)) for p in group])))
        for path, a in zip(group, analyzed, strict=True):
            text = a.article.text
            items = [{"start": f.start, "end": f.end, "cue": f.cue, "text": f.text} for f in a.framing
                     if f.cue not in ("biased_sentence", "set_aside", "evaluative", "epithet")]
            items += [{"start": f.word[0], "end": f.word[1], "cue": "loaded", "text": text[f.word[0]:f.word[1]]}
                      for f in a.framing if f.word is not None and f.cue != "set_aside"]
            for suffix, cue, word, k in REMOVE:
                if path.endswith(suffix):
                    hits = [i for i in items if i["cue"] == cue and i["text"] == word]
                    if len(hits) <= k:
                        raise SystemExit(f"correction no longer applies: remove {cue} {word!r} #{k} in {suffix}")
                    items.remove(hits[k])
            for suffix, cue, word, k in ADD:
                if path.endswith(suffix):
                    pos = -1
                    for _ in range(k + 1):
                        pos = text.find(word, pos + 1)
                    if pos < 0:
                        raise SystemExit(f"correction no longer applies: add {cue} {word!r} #{k} in {suffix}")
                    if not any(i["cue"] == cue and (i["start"], i["end"]) == (pos, pos + len(word)) for i in items):
                        items.append({"start": pos, "end": pos + len(word), "cue": cue, "text": word})
            own = not path.startswith("../shared")
            for i in items:
                if not own:  # never copy real article text into the repository
                    i["sha"] = hashlib.sha256(i.pop("text").encode("utf-8")).hexdigest()[:12]
            docs.append({"source": path, "group": n, "framing": sorted(items, key=lambda i: (i["start"], i["cue"]))})
    out = {"about": "Framing cues (cue, span) hand-reviewed over the framing stage's output; see "
                    "scripts/build_framing_gold.py for every correction. biased_sentence is scored separately "
                    "(BABE held-out F1, models/bias_lr.json).", "documents": docs}
    target = ROOT / "tests" / "data" / "gold" / "framing.json"
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {sum(len(d['framing']) for d in docs)} spans to {target}")


if __name__ == "__main__":
    main()
