"""Who a figure is given to, read on the analysis parse (the quantities stage stores it on the quantity).

A value's source is a person, agency, body or outlet (or a document of one), never a noun like "injuries"
("injuries also reported"). The source the quantities stage finds by its patterns ("X said", "according to
X", the quote's speaker) is checked on the article's parse: the subject of the verb of saying or reporting
above the figure, stated in full to the head of its speaker phrase, wins; else the pattern's name, taken to
the head of its speaker phrase ("a former employee of Pablo Escobar", not "Pablo Escobar"; "the Catalan
Department of Health", not "Health") when that phrase names who (:func:`stages.sources.can_speak`) and gives
something (the subject of a verb of saying, the object of "according to"). A speaker the sentence does not
name (a quotation's, named in another sentence) is kept when it is a name or a noun for who can speak.
Compare reads the stored source and parses nothing.
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicons import report_verbs
from .sources import can_speak

# verbs by which a source gives a figure, besides the verbs of saying and reporting
GIVING = frozenset("show put tally measure estimate give confirm".split())
_SPEAKER_PREPS = ("of", "for", "from", "at")


def names_who(token: Any) -> bool:
    """A speaker phrase's head names who gives a figure: a name, or a common noun that can speak."""
    return bool(token.pos_ == "PROPN" or can_speak(token.lemma_, token.lower_))


def speaker_head(token: Any) -> Any:
    """The head of the speaker phrase a name lies in: up from a compound to its noun and from the object of
    "of"/"for"/"from"/"at" to the noun it qualifies."""
    while True:
        if token.dep_ in ("compound", "poss") and token.head.pos_ in ("NOUN", "PROPN") and token.head is not token:
            token = token.head
        elif token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in _SPEAKER_PREPS \
                and token.head.head.pos_ in ("NOUN", "PROPN"):
            token = token.head.head
        else:
            return token


def phrase(doc: Any, head: Any) -> str:
    """The speaker phrase stated in full: from its first word to its head, with the "of"/"for"/"from"/"at"
    phrases after it (not a relative clause or a participle)."""
    end = head.i
    for c in head.rights:
        if (c.dep_ == "prep" and c.lower_ in _SPEAKER_PREPS) or c.dep_ in ("compound", "flat"):
            end = max(end, c.right_edge.i)
    start = head.left_edge.i
    while start < head.i and doc[start].is_punct:
        start += 1
    text = str(doc[start:end + 1].text).strip(" ,;:")
    return text[0].lower() + text[1:] if text and doc[start].pos_ == "DET" else text


def _gives(head: Any) -> bool:
    verbs = report_verbs() | GIVING
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in verbs:
        return True
    return bool(head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according")


def _reporter(token: Any) -> Any | None:
    """The subject of the nearest verb of saying or reporting above ``token`` on the parse, or None."""
    verbs = report_verbs() | GIVING
    seen = 0
    while token is not None and seen < 40:
        seen += 1
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in verbs:
            # the active subject only ("800 people are reported injured" names no one who reports)
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                head = speaker_head(subject)
                return head if subject.pos_ != "PRON" and names_who(head) else None
        if token.head is token:
            return None
        token = token.head
    return None


def checked_source(given: str | None, doc: Any, sent_start: int, sent_end: int, at: int) -> str | None:
    """Who the figure at character ``at`` (of the article) is given to, or None; ``given`` is the source the
    quantities stage's patterns found, ``doc`` the article's parse, [sent_start, sent_end) its sentence."""
    if not given or doc is None:
        return given
    span = doc.char_span(sent_start, sent_end, alignment_mode="expand")
    if span is None or not len(span):
        return given
    token = next((t for t in span if t.idx <= at < t.idx + max(len(t.text), 1)), None)
    reporter = _reporter(token)
    if reporter is not None:
        return phrase(doc, reporter)
    text = doc.text[sent_start:sent_end]
    found = [sent_start + m.start() for m in re.finditer(re.escape(given), text)]
    if not found:  # a quotation's speaker named in another sentence: a name, or a noun for who can speak
        last = given.split()[-1].lower()
        return given if given[:1].isupper() or can_speak(last.rstrip("s") if last.endswith("s") else last, last) \
            else None
    where = min(found, key=lambda i: abs(i - at))
    tokens = [t for t in span if where <= t.idx < where + len(given)]
    if not tokens:
        return None
    root = next((t for t in tokens if t.head is t or not where <= t.head.idx < where + len(given)), tokens[-1])
    head = speaker_head(root)
    if not names_who(head) or not _gives(head):
        return None
    return phrase(doc, head)
