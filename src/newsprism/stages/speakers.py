"""A learned speaker chooser for quotes: candidates around the quote, scored by a logistic model.

The rules in :mod:`newsprism.stages.quotes` pick a speaker for each direct or partial quote and name the
rule. This module then gathers the people, organisations, pronouns and nouns named in and around the quote
(the sentence before, the quote's sentences, the sentence right after) and scores each with a logistic
model trained on PolNeAR train (``scripts/train_speaker_chooser.py``; ``models/speaker_chooser.json``):
features are the candidate's dependency relation (subject of a verb of saying, object, apposition …), its
entity type, whether it is a pronoun, where it stands (before or after the quote, the sentence before or
after), its distance to the quote, whether it spoke the quote before, and whether the rules picked it (with
the rule's name). The rules' pick is replaced only when another candidate scores ``speaker_model_margin``
higher; a quote with no speaker takes the best candidate that scores at least ``speaker_model_min``. The
rule then reads ``learned_speaker p 0.83 over <rule> p 0.41: subj_of_speech +1.9, …`` (score and the
features that weighed most), so every choice can be explained.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Callable, Sequence

from ..lexicons import SPEECH_VERBS
from ..records import Quote, Sentence
from .sources import is_agent

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

MODEL_PATH = "models/speaker_chooser.json"
CANDIDATE_DEPS = {"nsubj", "nsubjpass", "pobj", "dobj", "appos", "attr", "conj", "npadvmod", "poss", "dative",
                  "ROOT", "agent"}
PRONOUN_WORDS = {"he", "she", "they", "we", "i", "it", "him", "her", "them", "us", "his", "their", "its"}
RELATIVE_WORDS = {"who", "whom", "which", "that"}
NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}  # never a speaker
EXPLAIN_TOP = 3  # features named in a learned choice's rule

SpeakerOf = Callable[["Token"], tuple[str | None, str | None]]


@dataclass
class Candidate:
    name: str
    id: str | None
    features: dict[str, float] = field(default_factory=dict)
    tokens: list[int] = field(default_factory=list)  # token indices that name this candidate
    score: float = 0.0


def _bump(features: dict[str, float], key: str, value: float = 1.0) -> None:
    features[key] = max(features.get(key, 0.0), value)


def token_features(tok: "Token", quote: Quote, sent_of: dict[int, int], q_first: int, q_last: int,
                   type_of: str) -> dict[str, float]:
    """The features of one token naming a candidate (see the module docstring)."""
    f: dict[str, float] = {}
    dep = tok.dep_ if tok.dep_ in CANDIDATE_DEPS else "other"
    f[f"dep={dep}"] = 1.0
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in SPEECH_VERBS:
        f["subj_of_speech"] = 1.0
    if tok.dep_ == "nsubj" and not head.lemma_.lower() in SPEECH_VERBS:
        f["subj_of_other"] = 1.0
    if tok.dep_ in ("dobj", "dative", "pobj") and head.lemma_.lower() in SPEECH_VERBS | {"to"}:
        f["object_of_speech"] = 1.0
    f[f"type={type_of}"] = 1.0
    low = tok.lower_
    if low in PRONOUN_WORDS:
        f["pronoun"] = 1.0
    if low in RELATIVE_WORDS:
        f["relative"] = 1.0
    s = sent_of.get(tok.i, -1)
    if s < q_first:
        f["prev_sentence"] = 1.0
    elif s > q_last:
        f["next_sentence"] = 1.0
    elif tok.idx < quote.start:
        f["before_quote"] = 1.0
    else:
        f["after_quote"] = 1.0
    gap = quote.start - tok.idx if tok.idx < quote.start else tok.idx - quote.end
    f["closeness"] = 1.0 / (1.0 + max(gap, 0) / 40.0)
    if tok.is_sent_start or (tok.i > 0 and tok.doc[tok.i - 1].is_sent_start and tok.doc[tok.i - 1].is_punct):
        f["opens_sentence"] = 1.0
    return f


def candidates(doc: Any, quote: Quote, sentences: Sequence[Sentence], quoted: Sequence[tuple[int, int]],
               previous: Quote | None, speaker_of: SpeakerOf, type_at: Callable[[int, int], str]) -> list[Candidate]:
    """Everyone named in and around the quote (outside quotation marks), one candidate per speaker name."""
    if quote.sentence is None:
        return []
    q_first = quote.sentence
    q_last = next((s.i for s in sentences if s.start <= max(quote.end - 1, quote.start) < s.end + 1), q_first)
    lo, hi = max(q_first - 1, 0), min(q_last + 1, len(sentences) - 1)
    span = doc.char_span(sentences[lo].start, sentences[hi].end, alignment_mode="expand")
    if span is None:
        return []
    sent_of = _sentence_of(doc, sentences[lo:hi + 1])
    out: dict[str, Candidate] = {}
    for tok in span:
        if tok.pos_ not in ("PROPN", "NOUN", "PRON") or tok.dep_ not in CANDIDATE_DEPS or tok.ent_type_ in NOT_NAMES:
            continue
        if any(a - 1 <= tok.idx < b + 1 for a, b in quoted):
            continue
        if tok.pos_ == "NOUN" and not is_agent(tok.lemma_.lower()):
            continue  # "approximately $12 billion worth of shares", "injuries": a noun PolNeAR never makes a source
        name, ident = speaker_of(tok)
        if not name:
            continue
        cand = out.setdefault(name, Candidate(name=name, id=ident))
        cand.tokens.append(tok.i)
        for k, v in token_features(tok, quote, sent_of, q_first, q_last, type_at(tok.idx, tok.idx + len(tok))).items():
            _bump(cand.features, k, v)
    _add_context(out, quote, previous)
    return list(out.values())


def _sentence_of(doc: Any, sentences: Sequence[Sentence]) -> dict[int, int]:
    """Token index → sentence index, for the sentences given."""
    sent_of: dict[int, int] = {}
    for s in sentences:
        for t in doc.char_span(s.start, s.end, alignment_mode="expand") or []:
            sent_of.setdefault(t.i, s.i)
    return sent_of


def _add_context(out: dict[str, Candidate], quote: Quote, previous: Quote | None) -> None:
    """The rules' pick (a candidate even when named far from the quote), and who spoke the quote before."""
    if quote.speaker and quote.speaker not in out:
        out[quote.speaker] = Candidate(name=quote.speaker, id=quote.speaker_id, features={"elsewhere": 1.0})
    for cand in out.values():
        if quote.speaker is not None and cand.name == quote.speaker:
            _bump(cand.features, "rule_pick")
            _bump(cand.features, f"rule_pick:{quote.rule.split(':')[0]}")
        if previous is not None and previous.speaker == cand.name:
            _bump(cand.features, "spoke_before")
    if quote.speaker is None:
        for cand in out.values():
            _bump(cand.features, "rule_none")


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any] | None:
    try:
        text = resources.files("newsprism").joinpath(MODEL_PATH).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    model: dict[str, Any] = json.loads(text)
    return model


def score(features: dict[str, float], model: dict[str, Any]) -> tuple[float, list[tuple[str, float]]]:
    """Probability that the candidate spoke, and each feature's contribution (weight × value)."""
    weights: dict[str, float] = model["weights"]
    parts = [(k, weights.get(k, 0.0) * v) for k, v in features.items() if weights.get(k, 0.0) != 0.0]
    z = float(model["bias"]) + sum(c for _, c in parts)
    return 1.0 / (1.0 + math.exp(-z)), sorted(parts, key=lambda kc: -abs(kc[1]))


def choose(quotes: Sequence[Quote], doc: Any, sentences: Sequence[Sentence], speaker_of: SpeakerOf,
           type_at: Callable[[int, int], str], margin: float, minimum: float) -> list[Quote]:
    """The quotes with the learned chooser's speaker where it beats the rules' pick by ``margin`` (or, for a
    quote with none, where it reaches ``minimum``)."""
    model = load_model()
    if model is None:
        return list(quotes)
    quoted = [(q.start, q.end) for q in quotes]  # (no candidate inside any quote, scare quotes included)
    out: list[Quote] = []
    previous: Quote | None = None
    for q in quotes:
        if q.kind not in ("direct", "partial") or q.rule in ("transcript_label", "dash_signature", "headline_label",
                                                             "pull_quote"):
            out.append(q)
            previous = q if q.speaker else previous
            continue
        cands = candidates(doc, q, sentences, quoted, previous, speaker_of, type_at)
        scored = [(score(c.features, model), c) for c in cands]
        if scored:
            (p_best, parts), best = max(scored, key=lambda sc: sc[0][0])
            rule_p = next((p for (p, _), c in scored if c.name == q.speaker), None)
            take = best.name != q.speaker and (
                (q.speaker is None and p_best >= minimum) or (rule_p is not None and p_best - rule_p >= margin))
            if take:
                why = ", ".join(f"{k} {c:+.1f}" for k, c in parts[:EXPLAIN_TOP])
                over = f" over {q.rule} p {rule_p:.2f}" if rule_p is not None else f" (rules: {q.rule})"
                q = replace(q, speaker=best.name, speaker_id=best.id,
                            rule=f"learned_speaker p {p_best:.2f}{over}: {why}")
        out.append(q)
        previous = q if q.speaker else previous
    return out
