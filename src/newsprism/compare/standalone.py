"""Does a statement stand alone? A small learned check of the synthesis' narration sentences.

A sentence lifted out of its article may lean on what an earlier sentence told the reader: a definite description
with nothing in the sentence to identify it ("the package", "the classified cable", "The attorney general then
described …"), a demonstrative or "such", a third-person pronoun with no name before it, a discourse adverb
("then", "also", "meanwhile") or a lead-in that only continues a story ("Asked about those remarks, …"). On real
coverage nobody tuned the synthesis on (BASIL 2010–2014, session 13) these were the most frequent reason a synthesis
sentence was wrong. Each cue is a feature read from the cached spaCy parse (no NER, no encoder run); a logistic
regression fitted on hand-labelled candidate statements of BASIL training events (``scripts/train_stands_alone.py``,
weights in ``models/stands_alone.json``, thresholds chosen by event-grouped cross-validation) turns them into the
probability that a reader with no other context understands the sentence. A statement under the threshold is left
out of the synthesis with the score and the cues that weighed most.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources
from collections.abc import Sequence
from typing import Any

from .. import nlp
from ..stages.sources import is_person_noun
from ..text.words import zipf

MODEL_PATH = "models/stands_alone.json"

DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
THIRD_PERSON = frozenset({"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs"})
DISCOURSE = frozenset({"then", "also", "too", "again", "however", "still", "instead", "meanwhile", "nonetheless",
                       "though", "further", "furthermore", "moreover", "later", "earlier", "soon", "already",
                       "thus", "therefore", "nevertheless", "otherwise", "besides", "likewise", "finally"})
CONTRASTIVE = frozenset({"other", "same", "latter", "former", "such", "another", "next", "previous", "following"})
DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
                  "tomorrow"})
# "shell" nouns (Schmid 2000): nouns that stand for a proposition, an event or a text told elsewhere ("the move",
# "the offer", "the report"); a bare definite one is almost always a back-reference
SHELL = frozenset({"issue", "matter", "plan", "program", "programme", "report", "offer", "proposal", "statement",
                   "case", "story", "bill", "law", "decision", "ruling", "attack", "incident", "comment", "remarks",
                   "move", "idea", "effort", "deal", "list", "letter", "video", "ad", "speech", "meeting", "event",
                   "package", "approach", "measure", "policy", "change", "claim", "charge", "allegation", "process",
                   "investigation", "review", "request", "question", "argument", "controversy", "episode", "exchange",
                   "situation", "problem", "action", "step", "vote", "announcement", "testimony", "hearing", "document",
                   "cable", "memo", "e-mail", "email", "interview", "visit", "trip", "campaign", "confrontation",
                   "version", "account", "response", "position", "stance", "view", "rule", "order", "legislation"})
SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "sal", "ure")
SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
IDENTIFYING = ("prep", "relcl", "acl", "appos", "compound", "nmod", "poss", "amod", "nummod")

# the features, in the order the weights are stored (names are the explanation a refusal gives)
FEATURES = (
    "subject a bare definite description",      # "The package would cost …"
    "subject a definite person title",          # "The attorney general then described …"
    "subject a demonstrative or 'such'",         # "That cable summarized …", "Such actions …"
    "subject a third-person pronoun",           # "It would have allowed …"
    "subject a name",                           # "Mr. Ryan said …"
    "subject an indefinite or plural noun",     # "A young man approached …", "Republicans argue …"
    "subject owned by a pronoun",               # "His plan …"
    "subject owned by a day",                   # "Thursday's announcement …"
    "bare definite descriptions",               # "… followed up on the classified cable."
    "bare definite descriptions after a name",  # "Orbis will buy the plant, the company said"
    "a demonstrative or 'such' elsewhere",
    "a pronoun with nothing before it to stand for",
    "opens with a conjunction or discourse adverb",  # "Then a curfew was imposed."
    "a discourse adverb",                       # "… is also helping …"
    "'other', 'same', 'latter' or 'next'",
    "opens with a participle or 'Asked'",       # "Asked about those remarks, …"
    "names in it",
    "words (log)",
    "no subject on the main verb",
    "a bare definite shell noun",               # "the move", "the offer", "the decision", "the investigation"
    "bias",
)


def _masked(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[“\"][^”\"]*[”\"]?", text)]


def _name(tok: Any) -> bool:
    """A name on the parse: a proper noun, or a capitalised rare word the tagger read as a common noun ("Pixelry has
    …" at the start of a sentence)."""
    return tok.pos_ == "PROPN" or (tok.pos_ in ("NOUN", "ADJ", "X") and tok.text[:1].isupper()
                                   and zipf(tok.lower_) < 3.0)


def _bare_definite(tok: Any) -> bool:
    """A common noun determined by "the" with nothing in its phrase that says which one: no name, number, owner,
    prepositional phrase, relative or participle clause, apposition; a noun a name modifies ("the Obama plan") or an
    adjective of origin is identified."""
    if tok.pos_ != "NOUN" or _name(tok) or not any(k.dep_ == "det" and k.lower_ == "the" for k in tok.children):
        return False
    for k in tok.children:
        if k.dep_ in ("prep", "relcl", "poss", "nummod") or _name(k):
            return False
        if k.dep_ in ("compound", "amod", "nmod") and (k.text[:1].isupper() or any(_name(g) for g in k.subtree)):
            return False
    return True


def topic_words(titles: Sequence[str]) -> frozenset[str]:
    """The lemmas of the nouns of a story's headlines: what the story is about, which a synthesis reader knows (a
    definite "the march" in a story headlined "… march …" names the story's march, not an earlier sentence's)."""
    docs = nlp.parse_cached([" ".join(t.split()) for t in titles if t and t.strip()], batch_size=64, disable=("ner",))
    return frozenset(t.lemma_.lower() for d in docs for t in d if t.pos_ in ("NOUN", "PROPN", "VERB"))


def statement_subject(doc: Any) -> Any:
    """The main clause's subject; for "Orbis will buy the plant, the company said" the reported clause's (a trailing
    attribution: the reported clause is the statement)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    subj = next((k for k in root.children if k.dep_ in SUBJECTS), None)
    comp = next((k for k in root.children if k.dep_ == "ccomp"), None)
    if comp is not None and subj is not None and comp.i < subj.i:
        subj = next((k for k in comp.children if k.dep_ in SUBJECTS), subj)
    return subj


def _subject_features(f: list[float], subj: Any, topic: frozenset[str]) -> None:
    if subj is None:
        f[18] = 1.0
        return
    low = subj.lower_
    dets = {k.lower_ for k in subj.children if k.dep_ in ("det", "predet")}
    owner = next((k for k in subj.children if k.dep_ == "poss"), None)
    if _bare_definite(subj) and subj.lemma_.lower() not in topic:
        f[1 if is_person_noun(low) else 0] = 1.0
    elif dets & DEMONSTRATIVES or "such" in {k.lower_ for k in subj.children} or (
            low in DEMONSTRATIVES and subj.pos_ in ("PRON", "DET")):
        f[2] = 1.0
    elif low in THIRD_PERSON and subj.pos_ == "PRON":
        f[3] = 1.0
    elif _name(subj) or any(_name(k) and k.dep_ in ("compound", "poss", "appos") for k in subj.children):
        f[4] = 1.0
    elif subj.pos_ in ("NOUN", "NUM", "PRON"):
        f[5] = 1.0
    if owner is not None and owner.lower_ in THIRD_PERSON:
        f[6] = 1.0
    if owner is not None and owner.lower_ in DAYS:
        f[7] = 1.0


def _word_features(f: list[float], words: list[Any], topic: frozenset[str]) -> None:
    named_before = noun_before = False
    for t in words:
        if _name(t):
            named_before = True
            f[16] += 1.0
        if _bare_definite(t) and t.lemma_.lower() not in topic:
            f[9 if named_before else 8] += 1.0
            if t.lemma_.lower() in SHELL or t.lower_.endswith(SUFFIXES):
                f[19] += 1.0
        if (t.lower_ in DEMONSTRATIVES and t.dep_ == "det") or (t.lower_ == "such" and t.dep_ in ("amod", "predet")):
            f[10] += 1.0
        if t.lower_ in THIRD_PERSON and t.pos_ == "PRON" and not _pleonastic_it(t) and not (
                named_before if t.lower_ in ("he", "him", "his", "she", "her", "hers") else noun_before):
            f[11] += 1.0
        noun_before = noun_before or t.pos_ in ("NOUN", "PROPN")
        if t.lower_ in DISCOURSE and t.pos_ in ("ADV", "SCONJ") and t.i > 0:
            f[13] = 1.0
        if t.lower_ in CONTRASTIVE and t.dep_ in ("amod", "det", "predet"):
            f[14] = 1.0


def features(text: str, topic: frozenset[str] = frozenset()) -> list[float]:
    """The feature vector of a statement (see ``FEATURES``), read from the cached parse outside quote marks; a
    definite description of a ``topic`` word (:func:`topic_words`) is the story's own, no back-reference."""
    key = " ".join(text.split()).lstrip("“\"‘'(")
    doc = nlp.parse_cached([key], batch_size=64, disable=("ner",))[0]
    quoted = _masked(key)
    f = [0.0] * len(FEATURES)
    _subject_features(f, statement_subject(doc), topic)
    _word_features(f, [t for t in doc if not any(a <= t.idx < b for a, b in quoted)], topic)
    first = next((t for t in doc if not t.is_punct), None)
    if first is not None:
        if first.pos_ == "CCONJ" or first.lower_ in DISCOURSE or first.lower_ in ("but", "and", "so", "yet", "or"):
            f[12] = 1.0
        if first.lower_ == "asked" or (first.tag_ in ("VBG", "VBN") and first.dep_ in ("advcl", "csubj")):
            f[15] = 1.0
    f[8] = min(f[8], 3.0)
    f[9] = min(f[9], 3.0)
    f[10] = min(f[10], 2.0)
    f[11] = min(f[11], 2.0)
    f[16] = math.log1p(f[16])
    f[17] = math.log(max(len(doc), 1))
    f[19] = min(f[19], 2.0)
    f[20] = 1.0
    return f


def _pleonastic_it(tok: Any) -> bool:
    return tok.lower_ == "it" and tok.dep_ in ("nsubj", "expl") and any(
        k.dep_ in ("ccomp", "xcomp", "csubj") for k in tok.head.children)


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("newsprism").joinpath(MODEL_PATH).read_text(encoding="utf-8"))
    return data


def score(text: str, topic: frozenset[str] = frozenset()) -> tuple[float, list[str]]:
    """The probability that a reader who knows only the story's headlines understands the statement, and the cues
    that pulled it down most (feature names, strongest first)."""
    m = model()
    x = features(text, topic)
    w = m["weights"]
    z = sum(a * b for a, b in zip(w, x, strict=True))
    pulls = sorted(((a * b, n) for a, b, n in zip(w, x, FEATURES, strict=True) if a * b < -0.2 and n != "bias"))
    return 1.0 / (1.0 + math.exp(-z)), [n for _, n in pulls[:2]]


def leans_on_context(text: str, topic: frozenset[str] = frozenset()) -> str | None:
    """Why the statement does not stand alone (score and cues), or None when it does: under the model's
    ``refuse_below``, chosen so that nearly every refusal is right (a refused corroborated fact is lost)."""
    p, cues = score(text, topic)
    t = model()["refuse_below"]
    if p >= t:
        return None
    return (f"it leans on an earlier sentence of its article: stands-alone score {p:.2f} < {t:.2f}"
            + (f" ({'; '.join(cues)})" if cues else ""))
