"""Framing cues: how an article tells the story, each cue with its span, reason and target.

Per article (the ``framing`` stage):

- ``hedge``: distancing words ("so-called", "supposed", "alleged", "purported", "self-styled");
- ``scare_quote``: quoted words no one is said to have said (from the quotes stage);
- ``attribution_verb``: how a speaker is introduced, graded ``neutral`` (said, told),
  ``endorsing`` (noted, pointed out, explained) or ``undermining`` (claimed, insisted, talked up,
  admitted), tied to the speaker;
- ``loaded``: subjective or emotive words from published lexicons: BABE's biased words (media-bias
  annotators), VADER valence (|v| ≥ 2), the Pattern/TextBlob subjectivity lexicon (≥ 0.8, adjectives)
  and NRC emotion verbs (anger and fear); each names its lexicon and value;
- ``passive_agentless``: a passive with no agent, hiding who acted ("The warnings were ignored");
- ``biased_sentence``: the sentence-level bias score (logistic regression over sentence embeddings,
  trained on BABE by scripts/train_bias.py) when it is high, pointing at the loaded words inside.

Across articles (:func:`naming_contrasts`, used by the comparison): naming choices found by
aligning phrases that name the same referent ("the Ukrainian conflict" / "Russia's invasion",
"the incident" / "the disaster"), and background context only one article gives.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

from .. import nlp
from ..lexicons import GRADES, SPEECH_VERBS, babe_words, hedges, nrc, subjectivity, vader
from ..records import FramingCue, Quote
from ..text.names import entity_id
from ..text.words import zipf
from ..settings import DEFAULT, Settings
from .base import StageContext
from .entities import Resolver


HEDGE_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted((re.escape(h) for h in hedges()), key=len, reverse=True))
                      + r")(?![\w-])", re.IGNORECASE)
GRADE_REASON = {"neutral": "a neutral verb of saying",
                "endorsing": "presents the speaker's words as established fact or insight",
                "undermining": "casts doubt on the speaker's words or motives"}
STATIVE_PASSIVES = {"expect", "need", "complete", "base", "use", "schedule", "know", "locate", "design", "bear",
                    "call", "name", "set", "hold", "require", "allow", "see", "consider", "build", "make"}


@lru_cache(maxsize=1)
def bias_model() -> dict[str, Any]:
    text = resources.files("newsprism").joinpath("models/bias_lr.json").read_text(encoding="utf-8")
    return json.loads(text)


def loaded_reason(token: Any, settings: Settings = DEFAULT) -> str | None:
    """Why a word is loaded, naming the lexicon and its value; None when it is not."""
    low, lemma = token.lower_, token.lemma_.lower()
    if token.is_stop or token.ent_type_ or len(low) < 3 or token.pos_ not in ("ADJ", "ADV", "NOUN", "VERB"):
        return None
    babe = babe_words()
    n = babe.get(low) or babe.get(lemma)
    v = vader().get(low, vader().get(lemma))
    # a verb of harm ("killed", "destroyed") reports an event; BABE's annotators flagged it in its context
    harm_verb = token.pos_ == "VERB" and v is not None and v < 0
    if n and n >= settings.babe_min and lemma not in SPEECH_VERBS and (not harm_verb or n >= settings.babe_strong):
        return f"marked biased by BABE annotators in {n} sentences"
    if v is not None and token.pos_ != "VERB" and abs(v) >= (settings.vader_noun_min if token.pos_ == "NOUN" else settings.vader_min):
        return f"VADER valence {v:+.1f} ({'positive' if v > 0 else 'negative'} emotive word)"
    if token.pos_ == "ADJ":
        ps = subjectivity().get(low)
        if ps and ps[1] >= settings.subjectivity_min and zipf(low) < settings.common_adjective_zipf and (
                abs(ps[0]) >= 0.3 or zipf(low) < settings.everyday_zipf):
            return f"subjective adjective (Pattern subjectivity {ps[1]:.1f}, polarity {ps[0]:+.1f})"
    if token.pos_ == "VERB":
        emotions = nrc().get(lemma, [])
        if "anger" in emotions and "fear" in emotions and zipf(lemma) < settings.rare_verb_zipf:
            return f"emotive verb (NRC emotion lexicon: {', '.join(e for e in emotions if e not in ('negative', 'positive'))})"
    return None


def _target(resolver: Resolver | None, token: Any) -> str | None:
    """The entity a cue bears on: the noun phrase it modifies, or the subject of its verb."""
    if resolver is None:
        return None

    candidates = [token.head] if token.dep_ in ("amod", "advmod", "compound") else []
    if token.pos_ == "VERB":
        candidates += [c for c in token.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
    candidates.append(token)
    for c in candidates:
        for t in [c, *c.subtree][:12]:
            cluster = resolver.cluster_at(t.idx, t.idx + len(t))
            if cluster is not None:
                return entity_id(cluster.type, cluster.name)
    return None


def _quote_at(quotes: Sequence[Quote], pos: int) -> Quote | None:
    for q in quotes:
        if q.kind in ("direct", "partial") and q.start <= pos < q.end:
            return q
    return None


def framing_cues(text: str, doc: Any, quotes: Sequence[Quote], resolver: Resolver | None,
                 sentences: Sequence[Any], sentence_scores: Sequence[float] | None = None,
                 settings: Settings = DEFAULT) -> list[FramingCue]:
    cues: list[FramingCue] = []
    taken: set[int] = set()

    def add(start: int, end: int, cue: str, reason: str, target: str | None = None, grade: str | None = None,
            speaker: str | None = None) -> None:
        if start in taken and cue != "biased_sentence":
            return
        if cue != "biased_sentence":
            taken.add(start)
        cues.append(FramingCue(start=start, end=end, text=text[start:end], cue=cue, reason=reason, target=target,
                               grade=grade, speaker=speaker))

    # hedges, found in the text (spaCy splits "so-called" and "self-styled" into three tokens)
    for m in HEDGE_RE.finditer(text):
        word = m.group(0).lower()
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        last = span[-1] if span is not None else None
        head = last.head if last is not None and last.head.i != last.i else last
        q = _quote_at(quotes, m.start())
        add(m.start(), m.end(), "hedge", f"“{m.group(0)}” {hedges()[word][0]}",
            _target(resolver, head) if head is not None else None, speaker=q.speaker if q else None)
    # attribution verbs: every verb of saying with a subject, graded
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        key = f"{lemma} {particle}" if particle else lemma
        grade = next((g for g, verbs in GRADES.items() if key in verbs), None)
        if grade is None:
            grade = next((g for g, verbs in GRADES.items() if lemma in verbs), None)
        if grade is None or _quote_at(quotes, tok.idx):
            continue
        if lemma == "say" and tok.i >= 2 and doc[tok.i - 2].lower_ == "quoted":
            continue  # "was quoted as saying": one attribution, counted at "quoted"
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        says = any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep", "advcl") for c in tok.children) or any(
            q.cue and tok.text in q.cue.split() for q in quotes if abs(q.start - tok.idx) < 400)
        if subj is None and tok.tag_ != "VBG" or not says:
            continue
        speaker = None
        target = None
        if subj is not None and resolver is not None:
            cluster = resolver.resolve_token(subj)
            if cluster is not None:

                speaker, target = cluster.name, entity_id(cluster.type, cluster.name)
        end = tok.idx + len(tok)
        if particle:
            prt = next(c for c in tok.children if c.dep_ == "prt")
            end = max(end, prt.idx + len(prt))
        add(tok.idx, end, "attribution_verb", f"“{text[tok.idx:end]}”: {GRADE_REASON[grade]}", target, grade,
            speaker)
    # scare quotes, from the quotes stage
    for q in quotes:
        if q.kind == "scare":
            add(q.start - 1, q.end + 1, "scare_quote", "quotation marks around words no one is said to have said "
                                                        "distance the writer from them")
    # loaded words
    scare_spans = [(q.start, q.end) for q in quotes if q.kind == "scare"]
    for tok in doc:
        if any(a <= tok.idx < b for a, b in scare_spans):
            continue  # already a scare quote
        reason = loaded_reason(tok, settings)
        if reason is None:
            continue
        q = _quote_at(quotes, tok.idx)
        if q is not None:
            reason += f" — inside words quoted from {q.speaker or 'an unnamed source'}"
        add(tok.idx, tok.idx + len(tok), "loaded", reason, _target(resolver, tok), speaker=q.speaker if q else None)
    # agentless passives
    for tok in doc:
        if tok.dep_ == "nsubjpass" and tok.head.pos_ == "VERB" and not _quote_at(quotes, tok.idx):
            verb = tok.head
            if any(c.dep_ == "agent" for c in verb.children) or verb.lemma_.lower() in SPEECH_VERBS | STATIVE_PASSIVES:
                continue
            aux = [c for c in verb.children if c.dep_ == "auxpass"]
            if not aux:
                continue
            start = min(aux[0].idx, verb.idx)
            add(start, verb.idx + len(verb), "passive_agentless",
                f"passive “{text[start:verb.idx + len(verb)]}” with no agent: who acted is not said")
    # sentence-level bias score
    if sentence_scores is not None:
        loaded = [c for c in cues if c.cue in ("loaded", "hedge", "scare_quote")]
        for s, score in zip(sentences, sentence_scores):
            if score >= settings.bias_score_min:
                words = [c.text for c in loaded if s.start <= c.start < s.end]
                inside = f"; words: {', '.join(words)}" if words else ""
                add(s.start, s.end, "biased_sentence",
                    f"sentence bias score {score:.2f} (model trained on BABE){inside}")
    return sorted(cues, key=lambda c: (c.start, c.cue))


def sentence_bias_scores(texts: Sequence[str]) -> list[float]:
    import numpy as np


    if not texts:
        return []
    model = bias_model()
    x = nlp.embed(list(texts))
    z = x @ np.array(model["coef"]) + model["intercept"]
    return [float(v) for v in 1 / (1 + np.exp(-z))]


def framing_stage(ctx: StageContext) -> tuple[FramingCue, ...]:
    body = list(ctx.values["sentences"])
    scores = sentence_bias_scores([s.text for s in body])
    return tuple(framing_cues(ctx.article.text, ctx.doc, ctx.values["quotes"], ctx.values["resolver"],
                              body, scores, ctx.settings))
