"""Framing cues: how an article tells the story, each cue with its span, reason and target.

Per article (the ``framing`` stage):

- ``hedge``: distancing words ("so-called", "supposed", "alleged", "purported", "self-styled");
- ``scare_quote``: quoted words no one is said to have said (from the quotes stage), not a term the sentence
  mentions ("so-called", "the term", "in the lingo", a hyphenated or capitalised compound) nor a study's words;
- ``attribution_verb``: how a speaker is introduced, graded ``neutral`` (said, told),
  ``endorsing`` (noted, pointed out, explained) or ``undermining`` (claimed, insisted, talked up,
  admitted), tied to the speaker;
- ``attribution_verb`` also grades ``emotive`` verbs (raged, fumed, slammed, dared), from the one graded
  list of verbs of saying (``lexicons/speech_verbs.tsv``);
- ``loaded``: words the learned word-level bias tagger flags (trained on BABE's annotated biased words,
  see ``bias_words``): probability ≥ ``bias_word_min``, or ≥ ``bias_word_lexicon_min`` when a published
  lexicon (VADER, Pattern subjectivity, NRC, BABE's word list) also marks the word; the lexicons are the
  tagger's features, never a verdict alone; then the learned topic gate (``topic_gate``, fitted on BASIL's
  training events) sets aside common words and words the article repeats, which describe its subject; the
  reason names the probability, the strongest features and the gate's score;
- ``set_aside``: a word the tagger flags that the topic gate sets aside (a common word, or one the article
  repeats: it describes the subject), with the same span, reason and tagger probability, so a reader can see
  why it is not flagged; it is no framing claim (not counted, not scored); also a word the gate keeps that is not
  presented (``not_presented``): the hand labels' out-of-fold precision at its cue-classifier score, for a loaded
  word alone or for the phrase it builds, is under ``cue_present_precision_min`` (models/cue_presentation.json);
- ``evaluative``: an evaluative phrase built on a loaded word: adjective + noun ("lofty words"), noun + of
  + noun ("a torrent of abuse");
- ``epithet``: a loaded word on a person or group ("the embittered dictator", "radical protesters");
- ``passive_agentless``: a passive with no agent, hiding who acted ("The warnings were ignored");
- ``biased_sentence``: the sentence-level bias score (logistic regression over sentence embeddings,
  trained on BABE by scripts/train_bias.py) when it is high, pointing at the loaded words inside.

Across articles (:func:`naming_contrasts`, used by the comparison): naming choices found by
aligning phrases that name the same referent ("the Ukrainian conflict" / "Russia's invasion",
"the incident" / "the disaster"), and background context only one article gives.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Sequence

from .. import nlp
from ..lexicons import GRADES, SPEECH_VERBS, hedges, ideology_labels, nrc, people_nouns, vader
from ..records import FramingCue, Quote
from ..settings import DEFAULT, Settings
from ..text.names import entity_id
from .base import StageContext
from ..text.words import zipf
from .bias_words import WordVerdict, lexicon_reason, score_token, word_spread
from .entities import Resolver
from .cues import cue_lemma, cue_rate, frame
from .quotes import DOCUMENT_NOUNS, SPEECH_NOUNS, is_agent_noun
from .sentences import sentence_bounds
from .sources import DATA_NOUNS


HEDGE_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted((re.escape(h).replace(r"\ ", r"\s+") for h in hedges()),
                                                         key=len, reverse=True))
                      + r")(?![\w-])", re.IGNORECASE)
# verbs that give something a name: a phrase quoted after them is the name someone gave it, not a scare quote
NAMING_VERBS = frozenset({"call", "brand", "dub", "term", "label", "nickname", "name", "know", "refer", "describe"})
# words that mark the quoted words as a term being mentioned, not used: "the term 'transit'", "in the lingo"
TERM_MARKERS = frozenset({"term", "word", "phrase", "expression", "lingo", "jargon", "parlance", "nickname",
                          "dubbed", "termed", "nicknamed", "labelled", "labeled", "called", "known"})
# verbs of hearing: quoted words someone heard ("heard “no, no, no” every time he tried") are someone's words
HEARING_VERBS = frozenset({"hear", "overhear"})
# verbs by which a study, report or data source states its own words ("the study describes them as")
FINDING_VERBS = frozenset({"find", "show", "suggest", "conclude", "report", "reveal", "indicate", "say", "state",
                           "describe", "predict", "estimate", "note", "write"})
# verbs of saying that report speech with a noun phrase object ("accused the powers of", "dismissed the march")
# hedges that hedge only as adverbs of the statement ("the gang likely paid the guards")
ADVERB_HEDGES = frozenset({"likely"})
NP_SPEECH_ACTS = frozenset({"call", "warn", "accuse", "blame", "brand", "condemn", "denounce", "decry", "dismiss", "lambast", "slam",
                            "blast", "hail", "praise", "mock", "tout", "trumpet", "talk up", "lash out"})
SPEAKER_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")
CODE_CHARS = re.compile(r"[{}<>=;|\\/_#@]|\(\)|\bfunction\b|\bvar\b|\bwindow\.|\bdocument\.")
GRADE_REASON = {"neutral": "a neutral verb of saying",
                "endorsing": "presents the speaker's words as established fact or insight",
                "undermining": "casts doubt on the speaker's words or motives",
                "emotive": "portrays the speaker as angry, combative or provocative, not just reporting the words"}
LOADED_POS = ("ADJ", "ADV", "NOUN", "VERB")
# the cue of a word the tagger flags but the topic gate sets aside: not framing, listed so a reader sees why
SET_ASIDE = "set_aside"
NOT_FRAMING = ("biased_sentence", SET_ASIDE)  # cues that are no framing claim of their own (scorers leave them out)
PEOPLE_ENTITIES = ("PERSON", "NORP")
# nouns for bodies that speak through a statement (people nouns are in lexicons/people_nouns.tsv)
SPEAKING_NOUNS = frozenset({"paper", "newspaper", "media", "agency", "ministry", "spokesman", "spokeswoman",
                            "spokesperson", "organizer", "organiser", "union", "committee", "court", "council",
                            "office", "state", "police", "prosecutor", "regulator", "lawyer", "campaigner",
                            "expert", "analyst", "source", "authority", "authorities", "company", "firm", "power"})
# verbs that report someone's verdict on a thing ("declared it illegal", "ruled the vote void")
DECLARING_VERBS = frozenset({"declare", "rule", "deem", "pronounce", "judge", "find", "consider"})
# legal sense: "prosecutors allege", "the lawsuit claims": the charge a party to a case brings, graded neutral
LEGAL_VERBS = frozenset({"allege", "claim", "contend", "assert", "charge"})
LEGAL_PARTIES = frozenset({"prosecutor", "prosecution", "indictment", "complaint", "lawsuit", "suit", "plaintiff",
                           "petition", "filing", "affidavit", "prosecutors", "plaintiffs", "charge", "charges"})
# a legal classifier before a legal noun ("criminal prosecution", "civil suit") names the kind of case, not a judgement
LEGAL_CLASSIFIERS = frozenset({"criminal", "civil", "penal"})
LEGAL_NOUNS = frozenset({"prosecution", "charge", "investigation", "case", "proceeding", "record", "court", "law",
                         "code", "trial", "probe", "complaint", "liability", "justice", "procedure", "inquiry",
                         "conviction", "offense", "offence", "suit", "lawsuit", "contempt"})
STATIVE_PASSIVES = {"expect", "need", "complete", "base", "use", "schedule", "know", "locate", "design", "bear",
                    "call", "name", "set", "hold", "require", "allow", "see", "consider", "build", "make"}


@lru_cache(maxsize=2)
def bias_model(vectors: str = "minilm") -> dict[str, Any]:
    """The BABE logistic regression over MiniLM sentence vectors, or over static ones (``bias_encoder``)."""
    name = "bias_lr.json" if vectors == "minilm" else "bias_lr_static.json"
    text = resources.files("newsprism").joinpath(f"models/{name}").read_text(encoding="utf-8")
    model: dict[str, Any] = json.loads(text)
    return model


def is_loaded_candidate(tok: Any) -> bool:
    """Words that can be loaded: content words, not names, stop words or verbs of saying (those are graded
    as attribution verbs), and not a piece of a hyphenated word ("liners" in "hard-liners" is no word of the
    article; the whole compound is judged as a label or phrase)."""
    return bool(tok.pos_ in LOADED_POS and not tok.is_stop and not tok.ent_type_ and len(tok) >= 3
                and tok.is_alpha and tok.lemma_.lower() not in SPEECH_VERBS and not _hyphen_piece(tok))


def _hyphen_piece(tok: Any) -> bool:
    """True when the token is glued to a hyphen on either side ("hard" and "liners" in "hard-liners")."""
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > 0 else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return bool((before is not None and before.text == "-" and not before.whitespace_)
                or (after is not None and after.text == "-" and not tok.whitespace_))


def loaded_verdict(tok: Any, sentence_score: float | None,
                   settings: Settings = DEFAULT) -> tuple[WordVerdict, str] | None:
    """(the tagger's verdict, the reason) when a word is loaded: tagger probability ≥ bias_word_min, or
    ≥ bias_word_lexicon_min when a published lexicon also marks it; None when it is not loaded."""
    verdict = score_token(tok, sentence_score, settings.bias_word_min)
    lexicon = lexicon_reason(tok, settings)
    if not verdict.biased and (lexicon is None or verdict.probability < settings.bias_word_lexicon_min):
        return None
    reason = verdict.reason()
    if lexicon is not None and not verdict.biased:
        reason += f"; below {settings.bias_word_min}, but a lexicon agrees: {lexicon}"
    elif lexicon is not None:
        reason += f"; lexicon: {lexicon}"
    return verdict, reason


def word_counts(doc: Any) -> Counter[str]:
    """How often each lower-cased lemma is used in the article (names left out): a word of the article's subject
    repeats ("quake", "powerful quake ... a powerful aftershock"), a word of slant is used once."""
    return Counter(t.lemma_.lower() for t in doc if t.is_alpha and t.pos_ != "PROPN")


def gate_features(tok: Any, probability: float, counts: Counter[str]) -> dict[str, float]:
    """What the topic gate weighs for a word the tagger flags: the tagger's logit, how often the article uses the
    word (log 1 + n), how widely background news uses it (document spread, 0 when unseen), how common it is in
    English (wordfreq Zipf) and how much its meaning is one of judgement (``evaluative_logit``)."""
    p = min(max(probability, 1e-4), 1 - 1e-4)
    n, table = word_spread()
    seen = table.get(tok.lower_.replace("’", "'")) or table.get(tok.lemma_.lower())
    return {"logit": math.log(p / (1 - p)), "count": math.log1p(counts.get(tok.lemma_.lower(), 0)),
            "spread": math.log(seen[0]) / math.log(n) if seen else 0.0, "zipf": zipf(tok.lower_),
            "sem": evaluative_logit(tok.lower_)}


@lru_cache(maxsize=1)
def _evaluative_model() -> dict[str, Any]:
    text = resources.files("newsprism").joinpath("models/evaluative_words.json").read_text(encoding="utf-8")
    model: dict[str, Any] = json.loads(text)
    return model


@lru_cache(maxsize=20000)
def evaluative_logit(word: str) -> float:
    """How much a word's meaning (its static MiniLM vector) is that of a word BABE's annotators mark as biased
    (scripts/train_evaluative_words.py: a logistic regression over word types, fitted on BABE's training
    sentences): a rare word of description ("semiconstructed") and one of judgement ("cowardly") differ."""
    import numpy as np

    model = _evaluative_model()
    v = nlp.static_embed([word])[0]
    return float(v @ np.asarray(model["coef"], dtype="float32") + model["intercept"])


# adverbs that grade an adjective or adverb ("very", "so", "more"): a word that takes them is gradable, a
# word of degree and so of judgement more often than a word of kind ("wooden", "cornfield")
GRADING_ADVERBS = frozenset({"very", "so", "too", "more", "most", "less", "least", "increasingly", "extremely",
                             "highly", "particularly", "especially", "rather", "quite", "deeply", "utterly"})
# the dependency roles of a candidate word, grouped (the cue classifier weighs each group)
ROLE_GROUPS = {"amod": "attr", "acomp": "pred", "oprd": "pred", "attr": "pred", "advmod": "adv", "ROOT": "verb",
               "relcl": "verb", "advcl": "verb", "ccomp": "verb", "xcomp": "verb", "conj": "conj",
               "dobj": "arg", "pobj": "arg", "nsubj": "arg", "nsubjpass": "arg", "compound": "compound"}
REPORTING_LEMMAS = frozenset(SPEECH_VERBS) | NP_SPEECH_ACTS | DECLARING_VERBS | frozenset(
    v for verbs in GRADES.values() for v in verbs if " " not in v) | frozenset(
    {"accuse", "argue", "believe", "suggest", "contend", "insist", "maintain", "criticize", "criticise", "see",
     "view", "consider", "regard", "worry", "fear", "complain", "charge", "according"})


def reported_by(tok: Any) -> str | None:
    """The verb of saying or thinking whose reported words a token is in ("he said the plan was reckless",
    "critics call it a disaster", "accused Obama of conducting a confusing policy", "according to …"), or None:
    words the outlet reports are the speaker's framing, not the outlet's."""
    node, steps = tok, 0
    while node.head.i != node.i and steps < 8:
        child, node, steps = node, node.head, steps + 1
        lemma = node.lemma_.lower()
        if node.pos_ in ("VERB", "AUX") and lemma in REPORTING_LEMMAS and child.dep_ in (
                "ccomp", "xcomp", "oprd", "prep", "advcl", "dobj", "pcomp"):
            return str(node.text)
        if lemma == "according" or node.lower_ in ("saying", "arguing", "claiming"):
            return str(node.text)
    return None


def reported_speaker(tok: Any, resolver: Resolver | None = None) -> tuple[str, str] | None:
    """(the speaker, why) when a token is a speaker's word the outlet reports, or None: it is inside the reported
    words (a clause, or "of"/"as" + a phrase: "accused the board of a cynical exercise") of a verb of
    saying or thinking ("opponents say it would erode precious freedoms", "officials say the toll is likely to
    rise") whose subject can speak (``_can_speak``): the speaker's framing, not the outlet's. Not for a verb with no
    one who speaks ("it is estimated that", "the number of collapsed buildings suggests"), nor for a verb after the
    words (the wire's tail attribution, "Mexico's most notorious drug lord has escaped, officials said": the
    description is the outlet's), nor across a sentence boundary the parser missed ("USD 50M. El Chapo's …")."""
    node, steps, via = tok, 0, False
    while node.head.i != node.i and steps < 8:
        if node.dep_ == "advcl" and node.tag_ == "VBG" and node.i > 0 and node.doc[node.i - 1].text == ",":
            return None  # "…, leading to anguished reports": a participle the writer adds after the reported words
        child, node, steps = node, node.head, steps + 1
        via = via or (node.dep_ == "prep" and node.lower_ in ("of", "as", "for"))  # "accused the board of …"
        lemma = node.lemma_.lower()
        if node.pos_ in ("VERB", "AUX") and lemma in REPORTING_LEMMAS and lemma != "according" and (child.dep_ in (
                "ccomp", "xcomp", "oprd", "advcl", "pcomp", "prep") or child.dep_ == "dobj" and via):
            doc = tok.doc
            if node.i > tok.i or any(t.text.endswith(".") and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper()
                                     for t in doc[node.i:tok.i]):
                return None
            subj = _subject(node)
            if subj is None and node.tag_ == "VBG":  # "..., saying the plan was reckless": the main clause's
                subj = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.dep_ == "nsubj" and subj.lower_ not in ("it", "which", "that") and \
                    _can_speak(subj, resolver):
                return str(subj.text), (f"the speaker's word, not the outlet's: inside what “{subj.text}” "
                                        f"{node.text} (reported speech)")
            return None
    return None


def cue_features(tok: Any, probability: float, counts: Counter[str], sentence_score: float | None = None,
                 meaning: tuple[float, float] | None = None, with_meaning: bool = True,
                 context: float | None = None) -> dict[str, float]:
    """What the cue classifier weighs for a word the tagger flags: the topic gate's features (``gate_features``),
    the sentence's bias score, the word's part of speech and role, whether it is graded ("very X", a comparative)
    or in words the article reports someone saying, two meaning models over the word's MiniLM vector
    (``meaning_logits``; given as ``meaning`` when known) and one over the word as the fine-tuned bias model reads
    it in its sentence (``context_logits``; given as ``context`` when known; absent for a word past the model's
    window); the three left out with ``with_meaning=False`` while they are fitted."""
    feats = gate_features(tok, probability, counts)
    feats["sent"] = float(sentence_score) if sentence_score is not None else 0.5
    for pos in LOADED_POS:
        feats[f"pos_{pos}"] = float(tok.pos_ == pos)
    role = ROLE_GROUPS.get(tok.dep_, "other")
    for group in sorted(set(ROLE_GROUPS.values()) | {"other"}):
        feats[f"role_{group}"] = float(role == group)
    feats["graded"] = float(tok.tag_ in ("JJR", "JJS", "RBR", "RBS") or any(
        c.dep_ == "advmod" and c.lower_ in GRADING_ADVERBS for c in tok.children))
    feats["reported"] = float(reported_by(tok) is not None)
    feats["people"] = float(tok.dep_ == "amod" and tok.head.lemma_.lower() in people_nouns())
    if with_meaning:
        feats["babe_logit"], feats["label_logit"] = meaning or meaning_logits([tok.lower_])[tok.lower_]
        prior = cue_classifier().get("type_prior")
        if prior is not None:
            feats["type_logit"], feats["type_seen"] = type_prior_features(tok.lower_, prior)
        c = context if context is not None else context_logits([tok]).get(tok.i)
        if c is not None:
            feats["context_logit"] = c
    return feats


def type_prior_features(word: str, prior: dict[str, Any]) -> tuple[float, float]:
    """(the smoothed log-odds that the hand labels call this word a framing choice, log 1 + how often it was
    labelled): the verdicts of the same word in the labelled articles (``type_prior`` in models/cue_classifier.json:
    per word, framing choices and labels), pulled towards the labels' base rate by ``alpha`` pseudo-labels; a word
    never labelled gets the base rate's log-odds and 0 (session 15, frame18: "powerful" of a quake, "tactic", "pretty"
    labelled description again and again)."""
    pos, n = prior["words"].get(word, (0, 0))
    base, alpha = prior["base_rate"], prior["alpha"]
    return math.log((pos + alpha * base) / (n - pos + alpha * (1 - base))), math.log1p(n)


def context_vectors(toks: Sequence[Any]) -> tuple[Any, Any]:
    """(one row per token: the word as the fine-tuned bias model reads it in its sentence (the mean of its word
    pieces' last hidden states, unit length) beside the sentence's pooled vector, the one the model's head reads;
    whether the word lies inside the model's window): from the run that scores each sentence in the analysis
    (``nlp.bias_word_vectors``; sentences as the sentences stage cuts them), so no second encoder run. What the
    word means where it stands ("a stark contrast" against "the habitable zone", "tiny specks" of a planet
    against "tiny" funds). A word past the model's ``max_tokens`` window has no such vector (zeros, False).
    Under another ``bias_encoder`` setting (minilm, cascade, static) nothing scored the sentences with the bias
    model: each sentence holding a flagged word is run through it here, once."""
    import numpy as np

    out = np.zeros((len(toks), 2 * nlp.EMBEDDING_DIM), dtype="float32")
    inside = np.zeros(len(toks), dtype=bool)
    if not toks:
        return out, inside
    doc = toks[0].doc
    text = doc.text  # built anew at each access
    bounds = sentence_bounds(text, doc)
    sents: dict[tuple[int, int], list[int]] = {}
    for k, tok in enumerate(toks):
        key = next(((a, b) for a, b in bounds if a <= tok.idx < b), (tok.sent.start_char, tok.sent.end_char))
        sents.setdefault(key, []).append(k)
    keys = list(sents)
    texts = [text[a:b] for a, b in keys]
    spans = [[(toks[k].idx - a, toks[k].idx - a + len(toks[k])) for k in sents[(a, b)]] for a, b in keys]
    words, pooled = nlp.bias_word_vectors(texts, spans)
    for j, key in enumerate(keys):
        for row, k in enumerate(sents[key]):
            out[k, :nlp.EMBEDDING_DIM] = words[j][row]
            out[k, nlp.EMBEDDING_DIM:] = pooled[j]
            inside[k] = bool(words[j][row].any())
    return out, inside


def context_logits(toks: Sequence[Any]) -> dict[int, float | None]:
    """token index → the cue classifier's contextual meaning logit (``context_meaning`` in models/cue_classifier.json,
    a logistic regression over ``context_vectors`` fitted on the hand labels), None for a word past the bias
    model's window (the classifier then weighs the other features alone: ``without_context``)."""
    if not toks or "context_meaning" not in cue_classifier():
        return {}
    import numpy as np

    m = cue_classifier()["context_meaning"]
    coef = np.asarray(m["coef"], dtype="float32")  # over the word's vector and its sentence's
    vectors, inside = context_vectors(toks)
    z = vectors[:, :len(coef)] @ coef + m["intercept"]
    return {tok.i: (float(v) if ok else None) for tok, v, ok in zip(toks, z, inside, strict=True)}


@lru_cache(maxsize=1)
def cue_classifier() -> dict[str, Any]:
    """The cue classifier (scripts/train_cue_classifier.py): weights over ``cue_features``, fitted on hand labels
    of BASIL training events' candidate words, and its threshold, chosen on news-dev."""
    text = resources.files("newsprism").joinpath("models/cue_classifier.json").read_text(encoding="utf-8")
    model: dict[str, Any] = json.loads(text)
    return model


MEANING_TABLE = "models/cue_meaning_table.npz"


@lru_cache(maxsize=1)
def meaning_table() -> dict[str, tuple[float, float]]:
    """The meaning logits of common words, computed once by scripts/build_meaning_table.py with the default
    encoder; empty when it was built for another classifier file or encoder (then every word is encoded)."""
    import hashlib

    import numpy as np

    files = resources.files("newsprism")
    path = files.joinpath(MEANING_TABLE)
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        data = np.load(fh)
        model_sha = hashlib.sha256(files.joinpath("models/cue_classifier.json").read_bytes()).hexdigest()
        if str(data["classifier_sha256"]) != model_sha or str(data["encoder"]) != DEFAULT.encoder:
            return {}
        return {str(w): (float(a), float(b)) for w, (a, b) in zip(data["words"], data["logits"], strict=True)}


def meaning_logits(words: Sequence[str]) -> dict[str, tuple[float, float]]:
    """word → (BABE, hand-label) logits of the cue classifier's two meaning models, logistic regressions over the
    word's MiniLM vector: one fitted on BABE's training word types (marked biased once or never), one on the hand
    labels of scripts/data/cue_labels.json (judgement against concrete description, classification and topic:
    "tireless", "pounced" above "wrist", "curfew"). Common words are read from ``meaning_table`` (the same
    logits, computed once); the others are encoded in one batch (``nlp.embed``, cached)."""
    table = meaning_table()
    out = {w: table[w] for w in dict.fromkeys(words) if w in table}
    missing = [w for w in dict.fromkeys(words) if w not in out]
    return {**out, **encoded_meaning_logits(missing)} if missing else out


def encoded_meaning_logits(words: Sequence[str]) -> dict[str, tuple[float, float]]:
    """``meaning_logits`` by encoding every word (the table's builder, and words outside the table)."""
    import numpy as np

    model = cue_classifier()
    unique = list(dict.fromkeys(words))
    if not unique:
        return {}
    v = nlp.embed(unique)
    out = []
    for key in ("babe_meaning", "label_meaning"):
        m = model[key]
        out.append(v @ np.asarray(m["coef"], dtype="float32") + m["intercept"])
    return {w: (float(a), float(b)) for w, a, b in zip(unique, out[0], out[1], strict=True)}


def topic_gate(tok: Any, probability: float, counts: Counter[str], sentence_score: float | None = None,
               meaning: tuple[float, float] | None = None,
               settings: Settings = DEFAULT, context: float | None = None) -> tuple[bool, float, str]:
    """(keep, the cue classifier's probability, why) for a word the tagger flags: the classifier
    (``cue_classifier``, fitted on hand labels of candidate words in BASIL training events and Dragnet crime and
    disaster reports) sets aside topic words, words the article repeats, concrete description and classification,
    and words of reported speech; it keeps words of the outlet's own judgement."""
    model = cue_classifier()
    feats = cue_features(tok, probability, counts, sentence_score, meaning, context=context)
    if "context_logit" not in feats and "without_context" in model:  # past the bias model's window: the
        model = model["without_context"]  # classifier fitted without the context feature
    z = model["intercept"] + sum(w * feats[k] for k, w in model["weights"].items())
    g = 1 / (1 + math.exp(-max(min(z, 30.0), -30.0)))
    uses = counts.get(tok.lemma_.lower(), 0)
    threshold = settings.loaded_cue_min
    notes = [f"used {uses}× in the article", f"background spread {feats['spread']:.2f}", f"Zipf {feats['zipf']:.1f}",
             f"meaning: BABE {feats['babe_logit']:+.1f}, hand labels {feats['label_logit']:+.1f}, "
             + (f"the word's own labels {feats['type_logit']:+.1f} (n={math.expm1(feats['type_seen']):.0f}), "
                if "type_logit" in feats else "")
             + (f"in its sentence {feats['context_logit']:+.1f}" if "context_logit" in feats
                else "not read in its sentence (past the bias model's window)")]
    if feats["reported"]:  # the feature, not a verdict: the verb may have no one who speaks ("the data suggest")
        notes.append(f"under the verb of saying or thinking “{reported_by(tok)}”")
    why = f"cue classifier p={g:.2f} (threshold {threshold:.2f}; {', '.join(notes)})"
    return g >= threshold, g, why


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


def _quote_at(quotes: Sequence[Quote], pos: int, kinds: tuple[str, ...] = ("direct", "partial")) -> Quote | None:
    for q in quotes:
        if q.kind in kinds and q.start <= pos < q.end:
            return q
    return None


def block_speaker(quotes: Sequence[Quote], pos: int) -> tuple[str, str] | None:
    """(the speaker, why) when a position lies in a speaker's words set off by a colon without quote marks
    ("Zuckerberg wrote in a post:" and the paragraph after it; ``stages/quotes.colon_blocks``)."""
    for q in quotes:
        if q.kind == "reported" and q.rule.startswith("colon_block") and q.speaker and q.start <= pos < q.end:
            return q.speaker, (f"the speaker's word, not the outlet's: inside what “{q.speaker}” "
                               f"{q.cue or 'says'} after a colon (words set off by a colon, reported speech)")
    return None


class _Cues:
    """The cues of one article as they are found; a word gets one word-level cue (the first found)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cues: list[FramingCue] = []
        self.taken: set[int] = set()

    def add(self, start: int, end: int, cue: str, reason: str, target: str | None = None, grade: str | None = None,
            speaker: str | None = None, score: float | None = None, word: tuple[int, int] | None = None) -> None:
        phrase = cue in ("biased_sentence", "evaluative", "epithet")  # spans over words that have their own cue
        if start in self.taken and not phrase:
            return
        if word is not None:  # a phrase built on a loaded word: the one cue of that word (none for it alone)
            if word[0] in self.taken:
                return
            self.taken.add(word[0])
        if cue == SET_ASIDE:  # a word the topic gate set aside is listed, and leaves the word free for other cues
            phrase = True
        if phrase and any(c.start == start and c.end == end and c.cue == cue for c in self.cues):
            return  # one phrase once, though two of its words are loaded ("staggering blow")
        if not phrase:
            self.taken.add(start)
        self.cues.append(FramingCue(start=start, end=end, text=self.text[start:end], cue=cue, reason=reason,
                                    target=target, grade=grade, speaker=speaker,
                                    score=None if score is None else round(score, 3), word=word))


def framing_cues(text: str, doc: Any, quotes: Sequence[Quote], resolver: Resolver | None,
                 sentences: Sequence[Any], sentence_scores: Sequence[float] | None = None,
                 settings: Settings = DEFAULT, score_notes: Sequence[str | None] | None = None) -> list[FramingCue]:
    """The cues of one article; ``score_notes`` says, per sentence, how its bias score was made when it was
    not by the model itself (the cascade's estimate)."""
    found = _Cues(text)
    _hedge_cues(found, doc, quotes, resolver)
    _attribution_cues(found, doc, quotes, resolver)
    for q in quotes:  # scare quotes, from the quotes stage
        if q.kind == "scare" and is_scare_quote(q, doc, quotes, settings):
            found.add(q.start - 1, q.end + 1, "scare_quote", "quotation marks around words no one is said to have "
                                                              "said distance the writer from them")
    # loaded words (the learned tagger, with the sentence's bias score as context), and the evaluative
    # phrases and epithets built on them
    for start, end, cue, reason, target, speaker, score, word in _loaded_words(doc, quotes, resolver, sentences,
                                                                               sentence_scores, settings):
        found.add(start, end, cue, reason, target, speaker=speaker, score=score, word=word)
    _label_epithets(found, doc, quotes, resolver)
    _passive_cues(found, doc, quotes, settings)
    if sentence_scores is not None:
        _sentence_cues(found, sentences, sentence_scores, settings, score_notes)
    return merge_phrase_cues(found.cues, text, doc)



# cues over the words of one phrase: merged into one (the reviewers read "an adjective and its noun emitted apart"
# as two claims where the outlet made one framing choice)
PHRASE_CUES = ("naming", "epithet", "evaluative", "loaded")  # in the order the merged cue takes its kind from
PHRASE_LINKS = {"amod", "advmod", "compound", "nmod", "npadvmod"}  # adjective + noun, adverb + adjective or verb


def merge_phrase_cues(cues: Sequence[FramingCue], text: str, doc: Any = None) -> list[FramingCue]:
    """One cue per phrase: cues of the outlet's words (``PHRASE_CUES``, same speaker) whose spans overlap (a loaded
    word inside an evaluative phrase or a naming cue built around it), or, with the parse, that stand side by side
    with only a space or hyphen between and one word modifying the other (``PHRASE_LINKS``: "brutal" +
    "crackdown", "deeply" + "flawed"), become one cue over both spans. It takes the kind, word and target of the
    first of them in ``PHRASE_CUES`` order (a multi-word ``loaded`` becomes ``evaluative``), the higher score,
    the loaded word of the higher score as its ``word``, and a reason that gives each part's reason. Subject + verb ("masked officers" + "ripped") stay apart."""
    out: list[FramingCue] = []
    for c in sorted(cues, key=lambda c: (c.start, c.cue)):
        prev = next((m for m in reversed(out) if m.cue in PHRASE_CUES), None)
        if c.cue in PHRASE_CUES and prev is not None and prev.speaker == c.speaker \
                and (c.start < prev.end or _one_phrase(prev, c, doc)):
            out.remove(prev)
            out.append(_merged(prev, c, text))
            continue
        out.append(c)
    return sorted(out, key=lambda c: (c.start, c.cue))


def _one_phrase(a: FramingCue, b: FramingCue, doc: Any) -> bool:
    """b follows a with only a space or hyphen between, and a word of one modifies a word of the other."""
    if doc is None or b.start < a.end or not re.fullmatch(r"[ \t\-–]{0,2}", doc.text[a.end:b.start]):
        return False
    left, right = doc.char_span(a.start, a.end, alignment_mode="expand"), doc.char_span(b.start, b.end,
                                                                                       alignment_mode="expand")
    if left is None or right is None:
        return False
    ids_l, ids_r = {t.i for t in left}, {t.i for t in right}
    return any(t.dep_ in PHRASE_LINKS and t.head.i in ids_r for t in left) or \
        any(t.dep_ in PHRASE_LINKS and t.head.i in ids_l for t in right)


def _merged(a: FramingCue, b: FramingCue, text: str) -> FramingCue:
    main, other = sorted((a, b), key=lambda c: PHRASE_CUES.index(c.cue))
    start, end = min(a.start, b.start), max(a.end, b.end)
    words = text[start:end]
    cue = "evaluative" if main.cue == "loaded" and len(words.split()) > 1 else main.cue
    scores = [x.score for x in (a, b) if x.score is not None]

    def word_of(c: FramingCue) -> tuple[int, int] | None:
        return c.word or ((c.start, c.end) if c.cue == "loaded" else None)

    # the phrase's loaded word: the one the tagger is surer of (a phrase counts once, by its strongest word)
    marked = [(x.score if x.score is not None else -1.0, word_of(x)) for x in (main, other) if word_of(x)]
    return FramingCue(start=start, end=end, text=words, cue=cue,
                      reason=f"{main.reason}; one phrase with “{other.text}” ({other.cue}): {other.reason}",
                      target=main.target or other.target, grade=main.grade or other.grade, speaker=main.speaker,
                      score=max(scores) if scores else None,
                      word=max(marked, key=lambda m: m[0])[1] if marked else None)


def is_scare_quote(q: Quote, doc: Any, quotes: Sequence[Quote], settings: Settings) -> bool:
    """A scare quote is a short phrase of words in a prose sentence, not code or page chrome, not a name
    someone gave ("known as 'moles'", "branded a 'historic mistake'"), not a fragment of a speaker's words
    quoted in the same sentence."""
    words = re.findall(r"[^\W\d_]{2,}", q.text)
    if not words or len(q.text.split()) > settings.scare_quote_max_words or CODE_CHARS.search(q.text):
        return False
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return False
    sent = span.sent
    alpha = [t for t in sent if t.is_alpha]
    if len(alpha) < settings.scare_quote_min_sentence_words or CODE_CHARS.search(sent.text) or not any(
            t.pos_ in ("VERB", "AUX") for t in sent):
        return False
    before = [t for t in sent if t.i < span.start]
    if any(t.lower_ == "so" for t in before[-3:]):  # "so-called 'x'": the hedge "so-called" is the cue, the quote
        return False                                 # marks the term it names
    if _marked_as_term(span, sent, before) or _named_thing(span, sent) or _names_a_kind(span):
        return False
    if not any(t.is_alpha and not t.is_stop for t in span):
        return False  # no word of content inside the marks ("about “80” and “20”": figures, a stray pair of marks)
    if _in_someones_words(span, sent):
        return False
    for verb in (t for t in sent if not span.start <= t.i < span.end):  # "…, the company said" after it too
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or span.root not in verb.subtree:
            continue
        if lemma in NAMING_VERBS:
            return False  # the name someone gave it ("known as 'moles'", "branded a 'historic mistake'")
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) or (
            next((c for c in verb.head.children if c.dep_ == "nsubj"), None) if verb.tag_ == "VBG" else None)
        speech = lemma in SPEECH_VERBS or lemma in NP_SPEECH_ACTS or any(lemma in v for v in GRADES.values()) \
            or lemma in HEARING_VERBS or _learned_cue(verb, settings)
        if speech and subj is not None and _can_speak(subj) and len(q.text.split()) > 1:
            return False  # a phrase of the speaker's words quoted in what they said: a partial quote
        if (speech or lemma in FINDING_VERBS) and subj is not None and _is_document(subj):
            return False  # a study's or report's own words ("the study describes them as 'temperate'")
    if len(q.text.split()) > 1 and _according_to(sent, span):
        return False  # "..., according to the study": the words are the source's
    return not any(o is not q and o.kind in ("direct", "partial") and o.speaker
                   and sent.start_char <= o.start < sent.end_char for o in quotes)


# nouns that name something said: quoted words in what they hold ("Trump's claim that there were “thousands of
# shootings”") are the words of the one the noun belongs to
SAYING_NOUNS = frozenset(SPEECH_NOUNS | {"claim", "statement", "assertion", "promise", "pledge", "description",
                                         "accusation", "charge", "warning", "announcement", "insistence",
                                         "allegation", "vow", "boast", "contention", "suggestion", "prediction"})


def _in_someones_words(span: Any, sent: Any) -> bool:
    """The quoted words lie inside what a noun of saying holds, and the noun names whose words they are: a
    possessor or a "by"/"from"/"of" phrase that can speak (``_can_speak``, or a noun PolNeAR's sources make an
    agent: ``sources.is_agent``) ("his claim that people would “learn nothing”", "a statement
    from the company calling it its “core product”")."""
    for noun in span.root.ancestors:
        if noun.i not in range(sent.start, sent.end) or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if noun.lemma_.lower() not in SAYING_NOUNS:
            continue
        owners = [c for c in noun.children if c.dep_ == "poss"] + [
            g for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from", "of")
            for g in c.children if g.dep_ == "pobj"]
        if any(_can_speak(o) or o.pos_ == "NOUN" and is_agent_noun(o) for o in owners
               if not span.start <= o.i < span.end):  # "the mayor's claim": an agent noun learned from PolNeAR
            return True
    return False


def _learned_cue(verb: Any, settings: Settings) -> bool:
    """A verb PolNeAR train annotates as attributing words in the frame it is used in, at a rate of at least
    ``reported_cue_min`` ("compared Trump to a coach who is “working the referees”", "exhorted Republicans to
    “vote your conscience”"): quoted words it governs are its subject's."""
    rate = cue_rate(cue_lemma(verb), frame(verb))
    return rate is not None and rate.seen >= settings.reported_cue_min_seen and rate.rate >= settings.reported_cue_min


def _marked_as_term(span: Any, sent: Any, before: Sequence[Any]) -> bool:
    """Quoted words mentioned as a term, not used by the writer: a marker just before them ("the term",
    "dubbed", "known as"; the last four words), "in the lingo" anywhere in the sentence, or a technical compound —
    a noun phrase of two or more words with a hyphenated modifier ("ultra-cool dwarf stars") or whose words are all
    capitalised ("Data Sense"), which names a thing rather than judging it."""
    if any(t.lower_ in TERM_MARKERS for t in before[-4:]):
        return True
    if any(t.lower_ in ("lingo", "jargon", "parlance") for t in sent):
        return True
    words = [t for t in span if t.is_alpha]
    if len(span.text.split()) < 2 or span.root.pos_ not in ("NOUN", "PROPN"):
        return False
    hyphenated = any(t.text == "-" and span.start < t.i < span.root.i - 1 and t.nbor(-1).is_alpha
                     and t.nbor(1).is_alpha for t in span)
    capitalised = all(t.text[0].isupper() for t in words if len(t.text) > 3)
    return hyphenated or capitalised


def _named_thing(span: Any, sent: Any) -> bool:
    """Quoted words all capitalised that do not open their sentence name a thing (the title of a film or show, a
    nickname, a product: “Veep”, “Atonement”, “Chuy”), not words the writer keeps a distance from (issue 14's review:
    a named thing in quotation marks read as a scare quote)."""
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(t.text[:1].isupper() for t in words) and words[0].i > sent.start + 1


def _names_a_kind(span: Any) -> bool:
    """Quoted words of two or more that name a kind of thing rather than judge it (issue 14's review: quote marks
    round a term of art read as a scare quote): the phrase modifies a noun after the closing mark (“a “one-person,
    one-fare” policy”, “a 5-point “willingness to recommend” scale”, “the “Swift boat” attacks”), or it is a noun
    compound of three or more nouns (“lane departure systems”). A single quoted word before a noun stays a scare
    quote (“the “reform” package”): a writer distances from one word as often as a term names a thing."""
    words = [t for t in span if t.is_alpha]
    if len(words) < 2:
        return False
    doc = span.doc
    after = next((t for t in doc[span.end:span.end + 2] if not t.is_punct), None)  # past the closing mark
    if after is not None and after.pos_ in ("NOUN", "PROPN") and (
            after.head.i in range(span.start, span.end) or span.root.head.i == after.i):
        return True  # the quoted words and the noun after them are one phrase (its modifier, or parsed as its verb)
    return len(words) >= 3 and all(t.pos_ in ("NOUN", "PROPN") for t in words) and all(
        t.dep_ == "compound" for t in words if t.i != span.root.i)


def _is_document(subj: Any) -> bool:
    """A subject that is a study, report or data source (its words are its own, not the writer's)."""
    lemma = subj.lemma_.lower()
    return lemma in DATA_NOUNS or lemma in DOCUMENT_NOUNS or lemma in ("paper", "researcher", "author")


def _according_to(sent: Any, span: Any) -> bool:
    """The sentence attributes its words to a source outside the quote ("..., according to the study")."""
    return any(t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to"
               and not span.start <= t.i < span.end for t in sent)


def _hedge_cues(found: _Cues, doc: Any, quotes: Sequence[Quote], resolver: Resolver | None) -> None:
    """Hedges, found in the text (spaCy splits "so-called" and "self-styled" into three tokens)."""
    for m in HEDGE_RE.finditer(found.text):
        word = " ".join(m.group(0).lower().split())
        if _quote_at(quotes, m.start()):
            continue  # the speaker's hedge, not the outlet's
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        # a hedge in words the outlet reports someone saying ("officials say the toll will likely rise"): the
        # speaker's, marked so (``speaker``), not counted as the outlet's
        speech = (reported_speaker(span[0], resolver) if span is not None else None) or block_speaker(quotes, m.start())
        last = span[-1] if span is not None else None
        if last is not None and len(span) == 1 and last.pos_ == "VERB" and last.dep_ != "amod" and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in last.children):
            continue  # "Smith alleged that …": a verb of saying with its speaker, graded as an attribution verb
        if word in ADVERB_HEDGES and (last is None or len(span) != 1 or last.pos_ != "ADV"):
            continue  # "a likely winner", "is likely to rise": a forecast the sentence states, not the writer's doubt
        if word in ADVERB_HEDGES and last is not None and _forecast(last):
            continue  # "the count will likely rise", "the mission likely will be pushed back": a forecast too
        head = last.head if last is not None and last.head.i != last.i else last
        found.add(m.start(), m.end(), "hedge", (f"{speech[1]}; " if speech else "") + f"“{m.group(0)}” "
                  f"{hedges()[word][0]}", _target(resolver, head) if head is not None else None,
                  speaker=speech[0] if speech else None)


FORECAST_AUX = frozenset({"will", "would", "'ll", "’ll", "wo"})


def _forecast(adverb: Any) -> bool:
    """An adverb on a verb in the future or the conditional ("will likely rise", "likely will be pushed back", "would
    likely fall"): the sentence forecasts; the adverb does not cast doubt on what the writer reports (session 16)."""
    verb = adverb.head
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in FORECAST_AUX for c in verb.children)


def _grade_of(tok: Any, lemma: str, particle: str | None) -> str | None:
    """The grade of a verb of saying in the one graded list, with its particle where it has one."""
    key = f"{lemma} {particle}" if particle else lemma
    grade = next((g for g, verbs in GRADES.items() if key in verbs), None)
    if grade is None:
        grade = next((g for g, verbs in GRADES.items() if lemma in verbs), None)
    if grade is None and tok.lower_.endswith("ed"):  # the lemmatiser reads "raged" as "rag"
        grade = next((g for g, verbs in GRADES.items() if tok.lower_[:-1] in verbs), None)
    return grade


def _legal_party(subj: Any) -> bool:
    """Whether a subject is a party to a legal case or its filing ("prosecutors", "the indictment", "the
    lawsuit", "federal prosecutors in Brooklyn")."""
    return subj.lemma_.lower() in LEGAL_PARTIES or subj.lower_ in LEGAL_PARTIES


def _can_speak(subj: Any, resolver: Resolver | None = None) -> bool:
    """A subject that can say something: a person, group, organisation or country, a pronoun, or a noun that
    names people ("organizers", "the party", "the paper") — not "the app", "surveys" or "the illustration"."""
    if subj.ent_type_ in SPEAKER_ENTITIES or subj.pos_ == "PRON":
        return True
    cluster = resolver.resolve_token(subj) if resolver is not None else None
    if cluster is not None and cluster.type in SPEAKER_ENTITIES:
        return True
    lemma = subj.lemma_.lower()
    if any(w in people_nouns() or w in SPEAKING_NOUNS for w in (lemma, subj.lower_)):  # "media", whose lemma is "medium"
        return True
    if any(c.ent_type_ in SPEAKER_ENTITIES for c in subj.children if c.dep_ in ("compound", "poss", "amod", "appos")):
        return True
    # "the weekend edition of the Morning Herald", "a spokesman for the ministry": who speaks is the
    # organisation or person the noun belongs to
    return any(g.ent_type_ in SPEAKER_ENTITIES for c in subj.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
               for g in c.children if g.dep_ == "pobj")


def _says_something(tok: Any, lemma: str, subj: Any, quotes: Sequence[Quote], resolver: Resolver | None) -> bool:
    """A graded verb counts as an attribution only when it introduces speech: a clause or a quotation it
    governs ("claimed that", "was quoted as saying"), words it follows (", the museum said"), or, for speech
    acts that take an object ("accused the powers of", "called for", "dismissed the march"), that object.
    Verbs that are not only verbs of saying ("boasts 450 million users", "surveys showed", "slammed the
    door") also need a subject that can speak."""
    if tok.dep_ == "amod":
        return False
    doc = tok.doc
    clause = any(c.dep_ == "ccomp" or c.dep_ == "xcomp" and c.lemma_.lower() == "say" for c in tok.children) or any(
        q.cue and tok.text in q.cue.split() for q in quotes if abs(q.start - tok.idx) < 400)
    act = lemma in NP_SPEECH_ACTS and any(c.dep_ in ("dobj", "prep", "xcomp", "oprd") for c in tok.children)
    if subj is None and tok.tag_ == "VBG":  # "..., accusing the powers of": the speaker is the main clause's
        subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    first = min(t.i for t in subj.subtree)
    tail = not any(c.dep_ in ("dobj", "prep") for c in tok.children) and (
        first > 0 and doc[first - 1].text in (",", "”", '"', "’") or tok.i > 0 and tok.i < first
        and doc[tok.i - 1].text in (",", "”", '"', "’"))
    if not (clause or act or tail):
        return False
    if subj.dep_ == "nsubjpass":  # "she was accused of": who spoke is not said; "was branded X by Israel" is
        return any(c.dep_ == "agent" for c in tok.children) or clause
    return lemma in SPEECH_VERBS or _can_speak(subj, resolver)


# verbs of saying that are also verbs of evidence: with a poll, a study, figures or "it" as subject they report
# what data show, not how a speaker is introduced (frame18's hand check of unseen pages: "a Bloomberg poll shows",
# "surveys which have shown", "this shows", "an analysis … reveals" graded endorsing)
EVIDENCE_VERBS = frozenset({"show", "reveal", "highlight", "demonstrate", "indicate"})


def _someone(subj: Any, resolver: Resolver | None) -> bool:
    """A subject that is a person or a body that speaks ("the minister", "Smith", "the company"), not a poll,
    study, document or figures, nor a pronoun that does not resolve to a person or organisation."""
    if subj is None or _is_document(subj) or subj.lemma_.lower() in DOCUMENT_NOUNS:
        return False
    if subj.pos_ == "PRON":
        cluster = resolver.resolve_token(subj) if resolver is not None else None
        return cluster is not None and cluster.type in ("PERSON", "ORG")
    if any(c.dep_ == "prep" and c.lower_ in ("of", "from") and any(
            g.dep_ == "pobj" and (_is_document(g) or g.lemma_.lower() in ("poll", "polls")) for g in c.children)
           for c in subj.children):
        return False  # "the average of polls", "figures from the lender"
    return _can_speak(subj, resolver)


def _subject(tok: Any) -> Any:
    """The subject of a verb, or, for a verb coordinated with an earlier one and without its own, the subject
    they share ("The deal was hailed by the union but branded a mistake by the mayor": "branded" has "deal")."""
    while True:
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or tok.dep_ != "conj" or tok.head.pos_ not in ("VERB", "AUX") or tok.head.i >= tok.i:
            return subj
        tok = tok.head


def _attribution_cues(found: _Cues, doc: Any, quotes: Sequence[Quote], resolver: Resolver | None) -> None:
    """Attribution verbs: every verb of saying with a subject, graded, tied to its speaker."""
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        grade = _grade_of(tok, lemma, particle)
        if grade is None or _quote_at(quotes, tok.idx):
            continue
        if lemma == "say" and tok.i >= 2 and doc[tok.i - 2].lower_ == "quoted":
            continue  # "was quoted as saying": one attribution, counted at "quoted"
        subj = _subject(tok)
        if not _says_something(tok, lemma if not particle else f"{lemma} {particle}", subj, quotes, resolver):
            continue
        if lemma in EVIDENCE_VERBS and not _someone(subj, resolver):
            continue  # "a poll shows", "surveys have shown", "it reveals": data's finding, no speaker's words graded
        speaker = target = None
        cluster = resolver.resolve_token(subj) if subj is not None and resolver is not None else None
        if cluster is not None:
            speaker, target = cluster.name, entity_id(cluster.type, cluster.name)
        end = tok.idx + len(tok)
        if particle:
            prt = next(c for c in tok.children if c.dep_ == "prt")
            end = max(end, prt.idx + len(prt))
        reason = f"“{found.text[tok.idx:end]}”: {GRADE_REASON[grade]}"
        if grade == "undermining" and lemma in LEGAL_VERBS and subj is not None and _legal_party(subj):
            grade = "neutral"  # "prosecutors allege": the charge a party to a case brings, not the outlet's doubt
            reason = (f"“{found.text[tok.idx:end]}”: a neutral verb of saying in its legal sense (“{subj.text}”, a "
                      f"party to a case, states its charge)")
        found.add(tok.idx, end, "attribution_verb", reason, target, grade, speaker)


ORG_ENTITIES = ("PERSON", "NORP", "ORG", "GPE")


def _label_of(tok: Any) -> tuple[Any, str, tuple[str, bool]] | None:
    """(the token the label hangs on, the label, what it does) for an ideological label at ``tok``:
    a listed word ("conservative", "hardline", "regime") or "pro-"/"anti-" joined to a name ("pro-Beijing")."""
    labels = ideology_labels()
    low = tok.lower_
    if low in ("pro", "anti") and tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-" and (
            tok.nbor(2).pos_ == "PROPN" or tok.nbor(2).ent_type_):
        return tok.nbor(2), f"{low}-{tok.nbor(2).text}", ("labels the actor's allegiance", False)
    if tok.pos_ == "PROPN" or not tok.is_alpha:
        return None  # a name ("the Conservative Party") is not a label the outlet chose
    for key in (low, tok.lemma_.lower()):
        if key in labels:
            return tok, key, labels[key]
    if low in ("hard", "far", "left", "right") and tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-":
        key = f"{low}-{tok.nbor(2).lower_}"
        key = key if key in labels else key.rstrip("s")
        if key in labels:
            return tok.nbor(2), key, labels[key]
    return None


def _label_epithets(found: _Cues, doc: Any, quotes: Sequence[Quote], resolver: Resolver | None) -> None:
    """Ideological labels the outlet puts on a person, party or group in its own voice ("conservative Prime
    Minister Mariano Rajoy", "hardline clerics", "the pro-Beijing camp", "the regime"): epithets."""
    for tok in doc:
        hit = _label_of(tok)
        if hit is None or _quote_at(quotes, tok.idx) is not None or tok.idx in found.taken \
                or block_speaker(quotes, tok.idx) is not None:
            continue  # (a word with its own cue already, a loaded word's epithet among them: one cue per act)
        anchor, label, (does, alone) = hit
        if anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ not in ("amod", "compound", "nmod"):
            if not alone:
                continue  # "conservatives", "liberals": the group's ordinary name, not an epithet
            if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in anchor.children):
                continue  # "a marathon training regime", "a school reformer": a kind of thing or person, no label
            noun = anchor  # the label names the people itself ("hardliners", "the regime")
        elif anchor.dep_ in ("amod", "compound", "nmod", "npadvmod") and anchor.head.i > anchor.i:
            noun = anchor.head
        elif anchor.pos_ == "ADJ" and anchor.i + 1 < len(doc) and anchor.nbor(1).pos_ in ("NOUN", "PROPN") and (
                anchor.nbor(1).ent_type_ in ORG_ENTITIES or anchor.nbor(1).lemma_.lower() in people_nouns()):
            noun = anchor.nbor(1)  # "police and paramilitary Civil Guard": the parser hung the label on a verb, but
        else:                      # it stands right before the name (or people noun) it describes
            continue
        while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head  # "conservative Spanish Prime Minister Mariano Rajoy": up to the name
        who = _people(noun, resolver) or (f"a {noun.ent_type_} name" if noun.ent_type_ in ORG_ENTITIES else None)
        if who is None and noun is anchor and label in people_nouns():
            who = f"“{label}” names people"
        elif who is None and noun is anchor and alone:  # "hardliners", "hard-liners", "the regime": the lexicon's
            who = f"“{label}” names its bearers by the label itself"  # bare epithet, whoever they are
        if who is None:
            continue
        start, end = tok.idx, max(noun.idx + len(noun), anchor.idx + len(anchor))
        found.add(start, end, "epithet", f"ideological label “{label}” in “{found.text[start:end]}” ({who}): "
                                         f"{does}; the outlet's own word, not a quoted speaker's",
                  _target(resolver, noun))


def harm_verb(lemma: str, settings: Settings = DEFAULT) -> str | None:
    """Why a verb's hidden agent matters ("were killed", "was arrested"), or None for a neutral action
    ("are planned", "be sent", "been treated"): its VADER valence or its NRC emotions (negative, not positive)."""
    v = vader().get(lemma)
    if v is not None and v <= settings.passive_vader_max:
        return f"VADER {v:+.1f}"
    emotions = nrc().get(lemma, [])
    if "negative" in emotions and "positive" not in emotions and (v is None or v < 0):
        return "NRC negative"
    return None


def _passive_cues(found: _Cues, doc: Any, quotes: Sequence[Quote], settings: Settings = DEFAULT) -> None:
    """Agentless passives of harm or blame: who acted is not said where it matters."""
    for tok in doc:
        if tok.dep_ == "nsubjpass" and tok.head.pos_ == "VERB" and not _quote_at(quotes, tok.idx):
            verb = tok.head
            if any(c.dep_ == "agent" for c in verb.children) or verb.lemma_.lower() in SPEECH_VERBS | STATIVE_PASSIVES:
                continue
            charged = harm_verb(verb.lemma_.lower(), settings)
            if charged is None:
                continue
            aux = [c for c in verb.children if c.dep_ == "auxpass"]
            if not aux:
                continue
            start = min(aux[0].idx, verb.idx)
            found.add(start, verb.idx + len(verb), "passive_agentless",
                      f"passive “{found.text[start:verb.idx + len(verb)]}” with no agent: who acted is not said "
                      f"(a verb of harm or blame: {charged})")


def _sentence_cues(found: _Cues, sentences: Sequence[Any], sentence_scores: Sequence[float],
                   settings: Settings, notes: Sequence[str | None] | None = None) -> None:
    """The sentence-level bias score, pointing at the loaded words inside a flagged sentence."""
    loaded = [c for c in found.cues if c.cue in ("loaded", "hedge", "scare_quote") or c.word is not None]
    for i, (s, score) in enumerate(zip(sentences, sentence_scores, strict=True)):
        if score >= settings.bias_score_min:
            words = [c.text for c in loaded if s.start <= c.start < s.end]
            inside = f"; words: {', '.join(words)}" if words else ""
            how = f"; {notes[i]}" if notes is not None and notes[i] else ""
            found.add(s.start, s.end, "biased_sentence",
                      f"sentence bias score {score:.2f} (model trained on BABE{how}){inside}")


LoadedItem = tuple[int, int, str, str, str | None, str | None, float, tuple[int, int] | None]


def _loaded_words(doc: Any, quotes: Sequence[Quote], resolver: Resolver | None, sentences: Sequence[Any],
                  sentence_scores: Sequence[float] | None, settings: Settings) -> list[LoadedItem]:
    """(start, end, cue, reason, target, speaker, score, word) for each loaded word: the evaluative phrase or
    epithet built on it when it builds one (one cue per framing act, carrying the word's reason and span as
    ``word``), else the word alone (``loaded``); words set aside are listed as ``set_aside``."""
    scare_spans = [(q.start, q.end) for q in quotes if q.kind == "scare"]
    sent_score = _sentence_score_at(sentences, sentence_scores)
    counts = word_counts(doc)
    words: list[LoadedItem] = []
    phrases: list[LoadedItem] = []
    flagged = []
    for tok in doc:
        if not is_loaded_candidate(tok) or any(a <= tok.idx < b for a, b in scare_spans):
            continue  # scare quotes are their own cue
        if _quote_at(quotes, tok.idx) is not None:
            continue  # a speaker's word, not the outlet's: framing is what the outlet says in its own voice
        found = loaded_verdict(tok, sent_score(tok.idx), settings)
        if found is not None:
            flagged.append((tok, *found))
    meanings = meaning_logits([t.lower_ for t, _, _ in flagged])  # one batch for the article
    contexts = context_logits([t for t, _, _ in flagged])  # the sentences' states of the bias model's run
    kept: list[tuple[Any, WordVerdict, str, float, tuple[str, str] | None]] = []
    for tok, verdict, reason in flagged:
        # "which the authorities declared illegal": the speaker's verdict, reported; a legal classifier; a named term
        aside = _reported_judgement(tok, resolver) or legal_classifier(tok) or named_term(tok)
        if aside is not None:
            words.append((tok.idx, tok.idx + len(tok), SET_ASIDE, f"not flagged: {aside}; {reason}",
                          _target(resolver, tok), None, verdict.probability, None))
            continue
        keep, g, why = topic_gate(tok, verdict.probability, counts, sent_score(tok.idx), meanings.get(tok.lower_),
                                  settings, contexts.get(tok.i))
        reason += f"; {why}"
        vetoed = label_veto(tok.lower_, settings)
        if keep and vetoed is not None:  # the labels' own verdict on this word, again and again: description
            keep, reason = False, f"{vetoed}; {reason}"
        if not keep:  # topic, repetition, description, reported speech: listed with the classifier's score
            words.append((tok.idx, tok.idx + len(tok), SET_ASIDE, f"not flagged: {reason}", _target(resolver, tok),
                          None, g, None))
            continue
        kept.append((tok, verdict, reason, g, reported_speaker(tok, resolver) or block_speaker(quotes, tok.idx)))
    # the outlet's own words only: a word in someone's reported words is marked as theirs, not judged as slant
    own = [k[0] for k in kept if k[4] is None]
    # with the fine-tuned model the stage's sentence scores are the same model's scores of the same sentences
    known = sent_score if settings.bias_encoder == nlp.FINETUNED and sentence_scores is not None else None
    occluded = dict(zip((t.i for t in own), _occlusion(own, sentences, settings, known=known), strict=True))
    for tok, verdict, reason, g, speech in kept:
        with_it, without = occluded.get(tok.i, (None, None))
        if with_it is not None and without is not None:
            change = f"the sentence model reads its sentence {with_it:.2f} biased with the word, {without:.2f} without"
            if with_it - without < settings.loaded_occlusion_min:  # a second learned signal must agree
                words.append((tok.idx, tok.idx + len(tok), SET_ASIDE, f"not flagged: {change} (it adds less than "
                              f"loaded_occlusion_min {settings.loaded_occlusion_min}: description, not slant); "
                              f"{reason}", _target(resolver, tok), None, g, None))
                continue
            reason += f"; {change}"
        alone, built = _word_cues(tok, verdict.probability, g, reason, speech, resolver, settings)
        words += alone
        phrases += built
    return words + phrases


def _word_cues(tok: Any, p: float, g: float, reason: str, speech: tuple[str, str] | None, resolver: Resolver | None,
               settings: Settings) -> tuple[list[LoadedItem], list[LoadedItem]]:
    """(word-level items, phrase items) for a word the cue classifier keeps (``g``): the evaluative phrase or epithet
    built on it, else the word alone; marked as the speaker's when it lies in reported words (``speech``); set aside,
    not presented, where the hand labels' out-of-fold precision at ``g`` is under ``cue_present_precision_min``."""
    target, speaker = _target(resolver, tok), None
    if speech is not None:  # "opponents say it would erode precious freedoms": the speaker's word, marked so
        speaker, reason = speech[0], f"{speech[1]}; {reason}"
    built = _phrases(tok, resolver)
    held = not_presented("phrase" if built else "word", g, settings) if speech is None else None
    span = (tok.idx, tok.idx + len(tok))
    if held is not None:  # the labels say words scored so are mostly description: kept apart, not presented
        return [(*span, SET_ASIDE, f"not flagged, not presented: {held}; {reason}", target, None, p, None)], []
    if not built:
        return [(*span, "loaded", reason, target, speaker, p, None)], []
    return [], [(start, end, cue, f"{why}; loaded word “{tok.text}”: {reason}", target, speaker, p, span)
                for cue, start, end, why in built]


def _occlusion(toks: Sequence[Any], sentences: Sequence[Any], settings: Settings,
               known: Callable[[int], float | None] | None = None) -> list[tuple[float | None, float | None]]:
    """(the BABE sentence model's bias score of each word's sentence, the score with the word cut out), in one
    batch; (None, None) for all when ``loaded_occlusion_min`` is off (below -1) or a word is in no body sentence.
    A word of slant pushes its sentence towards biased; a word of concrete description ("cornfield", "masked
    officers", "cramped streets") hardly moves it. ``known``: the sentence's score by offset where the stage has
    it from the same model (read, not scored again); a text several words share is scored once."""
    if settings.loaded_occlusion_min < -1 or not toks:
        return [(None, None)] * len(toks)
    pairs: list[tuple[str, str, float | None] | None] = []
    for tok in toks:
        s = next((x for x in sentences if x.start <= tok.idx < x.end), None)
        if s is None:
            pairs.append(None)
            continue
        text = tok.doc.text
        end = tok.idx + len(tok)
        cut = text[s.start:tok.idx].rstrip() + (" " if text[end:s.end][:1].isalnum() else "") + text[end:s.end]
        pairs.append((text[s.start:s.end], cut, known(tok.idx) if known is not None else None))
    wanted = list(dict.fromkeys(t for p in pairs if p is not None for t in (p[:2] if p[2] is None else p[1:2])))
    # a sentence with a word cut out is scored without keeping its states (no word is read from it); a whole
    # sentence not scored before keeps them, as the analysis' own sentences do
    cut = {p[1] for p in pairs if p is not None}
    scored: dict[str, float] = {}
    for keep in (False, True):
        part = [t for t in wanted if (t in cut) != keep]
        if part:
            scored.update(zip(part, (float(v) for v in nlp.bias_scores(part, keep=keep)), strict=True))
    return [(scored[p[0]] if p[2] is None else p[2], scored[p[1]]) if p is not None else (None, None) for p in pairs]


@lru_cache(maxsize=1)
def presentation_model() -> dict[str, Any]:
    """Per cue family, the hand labels' framing share by cue-classifier score (models/cue_presentation.json,
    scripts/train_cue_presentation.py); empty when the file is missing."""
    path = resources.files("newsprism").joinpath("models/cue_presentation.json")
    if not path.is_file():
        return {}
    model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return model


def presented_share(family: str, score: float) -> float | None:
    """The hand labels' out-of-fold precision at a cue-classifier ``score`` for a cue of ``family`` (``word``: a
    loaded word alone; ``phrase``: an evaluative phrase or epithet built on it): the share of framing choices among
    labelled candidates scored so (the isotonic fit's breakpoints, read by linear interpolation); None without the
    model."""
    points = presentation_model().get("families", {}).get(family, {}).get("points")
    if not points:
        return None
    xs, ys = [float(x[0]) for x in points], [float(x[1]) for x in points]
    if score <= xs[0]:
        return ys[0]
    if score >= xs[-1]:
        return ys[-1]
    k = next(i for i in range(1, len(xs)) if xs[i] >= score)
    a, b = xs[k - 1], xs[k]
    return ys[k - 1] + (ys[k] - ys[k - 1]) * ((score - a) / (b - a) if b > a else 1.0)


def not_presented(family: str, score: float, settings: Settings = DEFAULT) -> str | None:
    """Why a loaded-word cue the cue classifier keeps is not presented, or None: the hand labels' out-of-fold
    precision at its score (``presented_share``) is under ``cue_present_precision_min`` (issue 14's reviews read
    such cues, "twinkling", "tidbit", "bulldozers", as description; session 16, frame19)."""
    if settings.cue_present_precision_min <= 0:
        return None
    share = presented_share(family, score)
    if share is None or share >= settings.cue_present_precision_min:
        return None
    what = "a loaded word alone" if family == "word" else "an evaluative phrase or epithet"
    return (f"among hand-labelled candidates scored near cue classifier p={score:.2f}, {share:.0%} "
            f"are framing choices for {what} (out of fold), under cue_present_precision_min "
            f"{settings.cue_present_precision_min:.2f}")


@lru_cache(maxsize=1)
def label_veto_table() -> dict[str, int]:
    """word → how often the hand labels judged it, for words never labelled a framing choice
    (models/cue_label_veto.json, scripts/build_label_veto.py); empty when the file is missing."""
    path = resources.files("newsprism").joinpath("models/cue_label_veto.json")
    if not path.is_file():
        return {}
    table: dict[str, int] = json.loads(path.read_text(encoding="utf-8"))["words"]
    return table


def label_veto(word: str, settings: Settings = DEFAULT) -> str | None:
    """Why a word is set aside by the hand labels' own verdicts, or None: the labels judged it in at least
    ``label_veto_min`` contexts and never a framing choice ("tactic", "pretty", "powerful" of a quake; session 15)."""
    n = label_veto_table().get(word, 0)
    if settings.label_veto_min <= 0 or n < settings.label_veto_min:
        return None
    return (f"the hand labels judged “{word}” in {n} contexts and never a framing choice (label_veto_min "
            f"{settings.label_veto_min}): description")


def legal_classifier(tok: Any) -> str | None:
    """Why a word names the kind of legal case rather than judging ("criminal" in "criminal prosecution", "civil"
    in "civil suit"), or None ("criminal negligence" of a minister, "a criminal waste")."""
    if tok.lower_ in LEGAL_CLASSIFIERS and tok.dep_ == "amod" and tok.head.lemma_.lower() in LEGAL_NOUNS:
        return f"“{tok.text} {tok.head.text}” names the kind of legal case, a classifier, not a judgement"
    return None


# participles that give a thing its name with no one said to give it ("an optical effect called heiligenschein", "a
# class known as scorchers"): the word after them is the term, mentioned, not the writer's judgement
NAMING_PARTICIPLES = frozenset({"call", "know", "term", "dub", "name", "nickname"})


def named_term(tok: Any) -> str | None:
    """Why a word is a term the sentence names rather than a judgement ("an optical effect called heiligenschein",
    "a class known as scorchers"), or None: the word completes a participle of naming that has no agent ("called"
    as a participle, "known as"); issue 14's review read terms of art as loaded words. A naming verb with a speaker
    ("critics called the plan reckless") is their verdict (``_reported_judgement``), not this."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "as":
        between = tok.doc[head.i + 1:tok.i]
        head = head.head
    elif tok.dep_ == "oprd":
        between = tok.doc[head.i + 1:tok.i]
    else:
        return None
    if any(t.dep_ not in ("det", "amod", "compound") for t in between):
        return None  # "called Oz a quack": a name put on someone between, not a term named
    if head.tag_ != "VBN" or head.lemma_.lower() not in NAMING_PARTICIPLES or head.dep_ not in ("acl", "relcl", "advcl") \
            or any(c.dep_ in ("agent", "nsubj", "nsubjpass", "dobj") for c in head.children):  # "called Oz a quack"
        return None
    return f"“{tok.text}” is the term “{head.text}” names (a word mentioned as a name), not a judgement"


def _reported_judgement(tok: Any, resolver: Resolver | None) -> str | None:
    """Why a word is someone else's verdict the article reports, or None: the complement of a verb of declaring
    or naming whose subject can speak ("which the authorities declared illegal", "officials called the plan
    reckless", "the court ruled the vote illegal"), or, in the passive, whose agent can ("has been called a charlatan
    by fellow physicians", "was branded a reckless gamble by the union"); also a modifier of that complement
    ("reckless" in "officials called it a reckless gamble")."""
    comp = tok.head if tok.dep_ == "amod" and tok.head.dep_ in ("oprd", "dobj") else tok
    verb = comp.head
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if (comp.dep_ not in ("oprd", "ccomp", "xcomp", "acomp") and not (comp.dep_ == "dobj" and passive)) \
            or comp.i == verb.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    if lemma not in DECLARING_VERBS and lemma not in NAMING_VERBS:
        return None
    if comp.dep_ == "dobj" and comp is not tok and not passive:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and passive:  # "was called a charlatan by fellow physicians": whoever the "by" names
        agent = next((g for c in [*verb.children, *comp.children] if c.dep_ == "agent" or c.dep_ == "prep"
                      and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None and agent.pos_ in ("NOUN", "PROPN"):
            return (f"“{tok.text}” is the verdict of “{agent.text}”, reported with “{verb.text}” (passive, by "
                    f"“{agent.text}”), not the outlet's own word")
    if subj is None or subj.lower_ in ("which", "that", "who") or not _can_speak(subj, resolver):
        return None
    return (f"“{tok.text}” is the verdict of “{subj.text}”, reported with “{verb.text}”, not the outlet's own "
            "word")


def _sentence_score_at(sentences: Sequence[Any],
                       scores: Sequence[float] | None) -> Callable[[int], float | None]:
    """Character offset → the bias score of the sentence it is in (None without scores)."""
    spans = [(s.start, s.end, sc) for s, sc in zip(sentences, scores or (), strict=False)]

    def at(pos: int) -> float | None:
        return next((sc for a, b, sc in spans if a <= pos < b), None)
    return at


def _people(tok: Any, resolver: Resolver | None) -> str | None:
    """What makes a noun name a person or group: its entity type, an apposition, a role noun; None if nothing."""
    if tok.ent_type_ in PEOPLE_ENTITIES:
        return f"a {tok.ent_type_} name"
    if tok.lemma_.lower() in people_nouns():
        return f"“{tok.lemma_.lower()}” names people"
    if any(c.dep_ == "appos" and c.ent_type_ in PEOPLE_ENTITIES for c in tok.children) or (
            tok.dep_ == "appos" and tok.head.ent_type_ in PEOPLE_ENTITIES):
        return "in apposition to a name"
    if resolver is not None:
        cluster = resolver.cluster_at(tok.idx, tok.idx + len(tok))
        if cluster is not None and cluster.type in PEOPLE_ENTITIES:
            return f"refers to {cluster.name}"
    return None


def _phrases(tok: Any, resolver: Resolver | None) -> list[tuple[str, int, int, str]]:
    """(cue, start, end, why) for the phrase a loaded word builds: an epithet when the noun it describes
    names a person or group, else an evaluative phrase (adjective + noun, noun + of + noun)."""
    doc = tok.doc
    out: list[tuple[str, int, int, str]] = []
    noun = None
    # adjective + noun; a noun modifying a noun ("court system", "tsunami alert") classifies, it does not evaluate
    if tok.dep_ == "amod" and tok.pos_ != "NOUN" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
        noun = tok.head
        span = doc[tok.i:noun.i + 1]
    elif tok.pos_ == "NOUN":
        noun = tok
        span = doc[tok.i:tok.i + 1]
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None:
            span = doc[tok.i:obj.i + 1]
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "ADJ"):
            span = doc[tok.head.head.i:tok.i + 1]
        mods = [c for c in tok.children if c.dep_ == "amod" and c.i < tok.i]
        if mods:
            span = doc[min(m.i for m in mods):span.end]
    if noun is None:
        return out
    people = _people(noun, resolver)
    if people is not None:
        out.append(("epithet", span.start_char, span.end_char,
                    f"epithet: “{span.text}” characterises people ({people})"))
    elif len(span) > 1 and len(span) <= 8:
        out.append(("evaluative", span.start_char, span.end_char,
                    f"evaluative phrase “{span.text}” built on a loaded word"))
    return out


def sentence_bias_scores(texts: Sequence[str], vectors: Any = None, kind: str | None = None) -> list[float]:
    """The BABE bias score of each text by ``kind`` (a ``bias_encoder`` value; default: the setting's): the
    fine-tuned bias model, or the logistic regression over ``vectors`` (their sentence vectors, from the
    vectors stage), which are encoded here when not given."""
    import numpy as np

    if not texts:
        return []
    kind = kind or DEFAULT.bias_encoder
    if kind == nlp.FINETUNED:
        return [float(v) for v in nlp.bias_scores(list(texts))]
    kind = nlp.STATIC if kind == nlp.STATIC else "minilm"
    model = bias_model(kind)
    x = nlp.embed(list(texts), nlp.STATIC if kind == nlp.STATIC else None) if vectors is None else vectors
    z = x @ np.array(model["coef"]) + model["intercept"]
    return [float(v) for v in 1 / (1 + np.exp(-z))]


def framing_stage(ctx: StageContext) -> tuple[FramingCue, ...]:
    body = list(ctx.values["sentences"])
    texts = [s.text for s in body]
    vectors = ctx.values["vectors"]
    if vectors.bias_scores is not None:  # the cascade (bias_encoder = cascade) scored them already
        return tuple(framing_cues(ctx.article.text, ctx.doc, ctx.values["quotes"], ctx.values["resolver"],
                                  body, vectors.bias_scores, ctx.settings, vectors.bias_notes))
    scores = sentence_bias_scores(texts, vectors.sentences.rows(texts), ctx.settings.bias_encoder)
    return tuple(framing_cues(ctx.article.text, ctx.doc, ctx.values["quotes"], ctx.values["resolver"],
                              body, scores, ctx.settings))
