"""Sentences of the cleaned text, never across a paragraph break, each with the parse's verdict on whether it
can stand alone as a statement (``Sentence.problem``; the synthesis reads it instead of parsing again)."""

from __future__ import annotations

from typing import Any

from ..records import Sentence
from .base import StageContext

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "state", "note", "explain", "write", "announce", "declare"})
# subjects that stand for something an earlier sentence named: "They were warned …", "Both face …",
# "The two met …", "This would represent …", "The latter said …"
BACK_PRONOUNS = frozenset({"they", "them", "it", "this", "that", "these", "those", "both", "neither", "either",
                           "latter", "former"})
COLLECTIVE = frozenset({"both", "neither", "either", "each", "all",
                        # bare quantifiers stand for a group an earlier sentence named: "Some attempted to …",
                        # "More were feared dead", "Many were injured" (not "Some of the protesters …")
                        "some", "many", "most", "several", "more", "others", "few"})
QUANTIFIERS = frozenset({"some", "many", "most", "several", "more", "others", "few"})  # a group, not a pair


def sentence_bounds(text: str, doc: Any) -> list[tuple[int, int]]:
    """(start, end) of each sentence: spaCy's split, cut at blank lines, trimmed of spaces (what the bias model's
    pipeline sends ahead of the stage, without the parse verdicts)."""
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        pieces: list[tuple[int, int]] = []
        cursor = start
        chunk = text[start:end]
        idx = chunk.find("\n\n")
        while idx != -1:
            pieces.append((cursor, start + idx))
            cursor = start + idx + 2
            idx = chunk.find("\n\n", idx + 2)
        pieces.append((cursor, end))
        for s, e in pieces:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
    return out


def sentences_stage(ctx: StageContext) -> tuple[Sentence, ...]:
    """Sentence split of the text; a spaCy sentence that spans a blank line is cut there. Each sentence
    carries :func:`statement_problem` of its span of the parse."""
    out: list[Sentence] = []
    text = ctx.article.text
    doc = ctx.doc
    for s, e in sentence_bounds(text, doc):
        span = doc.char_span(s, e, alignment_mode="expand")
        out.append(Sentence(i=len(out), start=s, end=e, text=text[s:e],
                            problem=statement_problem(span) if span is not None and len(span) else "empty"))
    return tuple(out)


def statement_problem(span: Any) -> str | None:
    """Why a parsed sentence (a spaCy Span) is no statement that stands alone, or None: no main verb (a noun
    phrase, a headline, a caption), a bare attribution ("X said" with nothing said), a main verb with no
    subject or not finite (a fragment, a call to action), or a subject that refers back to an earlier sentence
    (:func:`back_reference`)."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return f"no main verb (its head “{root.text}” is a {root.pos_.lower()})"
    text = span.text
    if root.lemma_ in SPEECH_LEMMAS and '"' not in text and "“" not in text and not any(
            c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis") for c in root.children) and not _said_subject(root):
        return f"a bare attribution (“{root.text}” with nothing said)"
    verbs = [root] + [c for c in root.conjuncts if c.pos_ in ("VERB", "AUX")]
    if not any(c.dep_ in SUBJECTS for v in verbs for c in v.children):
        return f"the main verb “{root.text}” has no subject (a fragment or a call to action)"
    if not any(v.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                            for c in v.children) for v in verbs):
        return f"the main verb “{root.text}” is not finite (a fragment)"
    back = back_reference(span, root)
    if back is not None:
        return f"its subject “{back}” refers to an earlier sentence"
    return None


def _said_subject(root: Any) -> bool:
    """Is the passive subject of a verb of saying what is said ("Plans will be announced on Tuesday", "The
    results were announced"), not someone told or quoted (a pronoun, a person; "The minister was told")?"""
    return root.lemma_ != "tell" and any(c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("PERSON", "NORP")
               for c in root.children)


def back_reference(span: Any, root: Any) -> str | None:
    """The main clause's subject when it stands for something only an earlier sentence names: a pronoun or
    demonstrative ("they", "it", "this"), a bare "both"/"neither" or "both of them", a number or "latter"
    after "the" with no noun ("the two", "the latter") — unless the sentence names a candidate antecedent
    before it ("When the leaders met, they agreed …") or "it" only anticipates a clause ("It is likely that
    …"). None when the subject names what it speaks of."""
    for t in span:  # "More were feared there …", "… bodies lay there": a place only an earlier sentence names
        if t.lower_ == "there" and t.dep_ == "advmod" and not any(
                u.pos_ == "PROPN" or u.ent_type_ in ("GPE", "LOC", "FAC") for u in span if u.i < t.i):
            return "there"
    for c in root.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        low = c.lower_
        kids = list(c.children)
        if low in COLLECTIVE and c.pos_ in ("PRON", "DET", "NOUN", "ADJ"):
            of = [g for k in kids if k.dep_ == "prep" and k.lower_ == "of" for g in k.children if g.dep_ == "pobj"]
            if not of or all(g.pos_ == "PRON" for g in of):
                if low in QUANTIFIERS and not of and any(t.tag_ in ("NNS", "NNPS") for t in span if t.i < c.i):
                    continue  # "When protesters reached the station, some attempted to …": the group is named
                return str(span.doc[c.i:of[0].i + 1].text if of else c.text)
            continue
        if c.pos_ == "NUM" or low in ("latter", "former", "same"):
            if any(k.dep_ == "det" and k.lower_ == "the" for k in kids) and not any(
                    k.dep_ in ("prep", "compound", "amod", "nmod") for k in kids):
                return str(span.doc[min(k.i for k in kids):c.i + 1].text)
            continue
        if low not in BACK_PRONOUNS or c.pos_ not in ("PRON", "DET") or any(k.dep_ in ("relcl", "acl") for k in kids):
            continue  # "Those who escaped …" says whom it means
        if low == "it" and (any(k.dep_ in ("ccomp", "csubj", "csubjpass", "xcomp") for k in root.children)
                            or any(k.dep_ in ("acomp", "attr") and any(g.dep_ in ("ccomp", "xcomp") for g in k.children)
                                   for k in root.children)):
            continue  # "It is likely that …", "It is hard to say …": nothing is referred to
        before = [t for t in span if t.i < c.i and t.pos_ in ("NOUN", "PROPN")]
        if low in ("they", "them", "these", "those") and any(t.tag_ in ("NNS", "NNPS") or t.pos_ == "PROPN"
                                                             for t in before):
            continue
        if low == "it" and any(t.tag_ in ("NN", "NNP") for t in before):
            continue
        return str(c.text)
    return None
