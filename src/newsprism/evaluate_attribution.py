"""Scoring attribution (who said what) against span-annotated corpora such as PolNeAR.

Pure functions over character spans and strings: the loaders live in the benchmarks, so this
module knows nothing about file formats. The matching rules, chosen to be explainable:

- **content coverage**: a gold attribution is *found* when predicted quote spans cover at
  least ``FOUND_COVERAGE`` of its content characters (quote marks and spaces ignored); a
  predicted span is *right* when at least ``RIGHT_COVERAGE`` of its characters lie inside gold
  content spans. Overlap matching, like the published PARC/Citron figures, but on characters.
- **speaker**: compared by name words. A predicted speaker is right when it shares the gold
  source's head word (for names the last name word: "Clinton" in "Hillary Clinton"; for
  nominals the head noun: "spokesman" in "a campaign spokesman"), after lower-casing,
  dropping possessives and accents and splitting hyphens ("Kim Jong-un" = "Kim Jong Un"; "El País" =
  "El Pais"; head words of 4+ letters at rapidfuzz ratio ≥ ``NAME_FUZZ_MIN``: "Rohani" = "Rouhani"), or when the
  predicted speaker's entity has a mention overlapping the gold source span (a role such as
  "the Republican nominee" resolved to "Donald Trump").
- **pronoun sources** ("he", "they", "who"): PolNeAR marks the pronoun, not its referent. The
  referent taken as gold is the nearest earlier *named* gold source of a compatible kind
  (he/she/I: a name; they/we/it: any named source). A proxy, reported as such.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from rapidfuzz import fuzz

FOUND_COVERAGE = 0.5  # share of a gold content span that predicted spans must cover for it to be found
RIGHT_COVERAGE = 0.5  # share of a predicted span that must lie inside gold content for it to be right
DIRECT_SHARE = 0.9  # share of a gold content span inside quotation marks above which it is a direct quote
MIXED_MIN_CHARS = 3  # quoted characters a reported content span needs to count as a mixed quote
NAME_FUZZ_MIN = 85  # rapidfuzz ratio at which two head words are one name spelled two ways (Rohani / Rouhani)

PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "who", "whom", "which", "that", "him", "her", "them",
            "his", "their", "its", "our", "my", "us", "me", "himself", "herself", "themselves"}
PERSONAL = {"he", "she", "i", "him", "her", "his", "my", "me", "himself", "herself", "who", "whom"}
STOP = {"the", "a", "an", "of", "and", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "'s", "’s",
        "s", "jr", "sr", "former", "said", "says"}

SAY_CUES = {"say", "tell", "add"}
SPEECH_CUES = {
    "accuse", "acknowledge", "admit", "agree", "allege", "announce", "answer", "apologize", "applaud", "argue",
    "ask", "assert", "attack", "blame", "blast", "boast", "brag", "call", "caution", "charge", "chide", "cite",
    "claim", "comment", "complain", "concede", "conclude", "condemn", "confirm", "congratulate", "contend",
    "counter", "criticize", "criticise", "declare", "decry", "defend", "demand", "denounce", "deny", "describe",
    "disclose", "dismiss", "dispute", "echo", "emphasize", "emphasise", "endorse", "explain", "insist", "invite",
    "joke", "lament", "laud", "mention", "mock", "note", "object", "offer", "pledge", "point", "praise", "predict",
    "proclaim", "promise", "propose", "protest", "question", "quip", "recall", "recommend", "refer", "reiterate",
    "remark", "repeat", "reply", "report", "respond", "retort", "reveal", "ridicule", "say", "scoff", "slam",
    "speak", "state", "stress", "suggest", "swear", "talk", "testify", "thank", "threaten", "tout", "tweet",
    "urge", "vow", "warn", "write", "hail", "implore", "fume", "chime", "blurt", "rage", "tease", "signal",
    "add", "tell", "concur", "confide", "assure", "inform", "notify", "brief", "rail",
    "quote", "remind", "insinuate", "imply", "characterize", "characterise", "label", "dub", "term", "brand",
    "lash", "rip", "knock", "champion", "credit", "admonish", "scold", "rebuke", "reject", "refuse", "decline",
    "welcome", "celebrate", "express", "voice", "vent", "muse", "wonder", "guess", "estimate", "forecast",
    "campaign", "appeal", "plead", "petition", "lobby", "pressure", "push", "press", "advise", "advocate",
}


def cue_class(lemma: str) -> str:
    """say (say, tell, add) · according_to · other_speech (a verb of saying or writing) · other."""
    low = lemma.lower().strip()
    if low in ("according", "according to"):
        return "according_to"
    if low in SAY_CUES:
        return "say"
    if low in SPEECH_CUES:
        return "other_speech"
    return "other"


def is_speech_class(cls: str) -> bool:
    return cls in ("say", "according_to", "other_speech")


def name_words(text: str) -> list[str]:
    """Lower-case words of a name or noun phrase, possessives dropped, hyphens split."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()  # El País = El Pais
    text = re.sub(r"['’]s\b", "", text.lower())
    return [w for w in re.findall(r"[a-z0-9]+", text) if w not in STOP]


def head_word(text: str) -> str | None:
    found = name_words(text)
    return found[-1] if found else None


def source_kind(text: str, named: bool) -> str:
    """pronoun (he, they, who …) · named (the span holds a name) · nominal (sources, a spokesman)."""
    found = re.findall(r"[A-Za-z’']+", text.lower())
    if found and all(w in PRONOUNS for w in found):
        return "pronoun"
    return "named" if named else "nominal"


def same_speaker(predicted: str | None, gold: str) -> bool:
    if not predicted:
        return False
    pw, gw = name_words(predicted), name_words(gold)
    if not pw or not gw:
        return False
    if gw[-1] in pw or pw[-1] in gw:
        return True
    return len(gw[-1]) >= 4 and fuzz.ratio(gw[-1], pw[-1]) >= NAME_FUZZ_MIN


def coverage(span: Sequence[tuple[int, int]], others: Iterable[tuple[int, int]], text: str) -> float:
    """Share of the non-space, non-quote-mark characters of ``span`` (pieces) inside ``others``."""
    others = sorted(others)
    total = inside = 0
    for s, e in span:
        for i in range(s, e):
            ch = text[i] if i < len(text) else " "
            if ch.isspace() or ch in "\"“”‘’'«»":
                continue
            total += 1
            if any(a <= i < b for a, b in others):
                inside += 1
    return inside / total if total else 0.0


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks, paragraph by paragraph: curly “…”, straight
    "…", a straight mark closed by a curly one, «…», and two apostrophes ''…''. Used to class gold
    content spans (direct / mixed / reported), independent of the extractor under test."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line = line.replace("''", '"\x00')  # two apostrophes act as one straight mark (same length)
        open_at: int | None = None
        for i, ch in enumerate(line):
            if ch in "“«" and open_at is None:
                open_at = i + 1
            elif ch in "”»" or (ch == '"' and open_at is not None):
                if open_at is not None and i > open_at:
                    out.append((pos + open_at, pos + i))
                open_at = None
            elif ch == '"':
                open_at = i + 2 if line[i + 1:i + 2] == "\x00" else i + 1
        if open_at is not None:  # a quote running to the paragraph's end
            out.append((pos + open_at, pos + len(line)))
        pos += len(line) + 1
    return out


def content_kind(content: Sequence[tuple[int, int]], regions: Sequence[tuple[int, int]], text: str) -> str:
    """direct (inside quotation marks), mixed (a quoted fragment in reported speech) or reported."""
    share = coverage(content, regions, text)
    if share >= DIRECT_SHARE:
        return "direct"
    quoted_chars = share * sum(1 for s, e in content for i in range(s, e) if not text[i].isspace())
    return "mixed" if quoted_chars >= MIXED_MIN_CHARS else "reported"


@dataclass
class Tally:
    """A hit rate with its counts: ``hit`` of ``total``."""

    hit: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, note: str = "") -> None:
        self.total += 1
        self.hit += int(ok)
        if not ok and note:
            self.misses.append(note)

    @property
    def rate(self) -> float:
        return self.hit / self.total if self.total else 0.0

    def line(self, label: str) -> str:
        return f"{label}: {self.rate:.3f} ({self.hit}/{self.total})"
