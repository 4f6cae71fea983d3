"""Direct quotes, partial quotes, reported speech and scare quotes, with their speakers.

Quote spans are found from the marks (straight and curly, single and double; a paragraph
that opens a quote and does not close it continues into the next one that opens with a
mark). Each span is then classed and attributed by rules, and the rule is recorded:

- ``title``: a quoted Title Case name ("the melody ‘Moscow Nights’") is not a quote;
- ``pull_quote``: a quoted subheading is given to whoever says the same words in the body;
- ``cue_in_sentence``: a verb of saying in the quote's sentence (or the clause right after
  the closing mark, "… ,” the Russian leader listed") gives the speaker: its subject, a
  name, a role phrase ("the Chinese president") or a pronoun resolved to its antecedent;
- ``continued``: a quote split by its attribution or running over paragraphs keeps its speaker;
- ``introduced``: a sentence ending in a colon, or the previous speaker within
  ``quote_speaker_window`` sentences;
- ``scare``: a short quoted word or phrase with no speaker and no cue, or one that only
  modifies a noun ("a “peaceful” solution");
- ``reported``: "X said that …", "according to X, …", "…, officials said";
- ``colon_block``: words set off by a colon without quote marks ("Zuckerberg wrote in a post:" and the
  paragraph after it, "He said: …" and the rest of its paragraph, a headline "Name: words …" naming a person
  or body of the article): reported speech of the verb's subject or the label's speaker;
- ``finding``: what a poll, survey, study or data "showed" ("Surveys showed 70 per cent …"): an attribution
  of a source PolNeAR's annotators mark, but no one's words (``stages/sources.py``);
- ``decision``: what a court, parliament or board "confirmed", "approved" or "rejected" as a noun phrase ("The
  court confirmed the impeachment of …"): the body's act, kept as its attribution, but no one's words.

A speaker is a person, body, organisation, outlet, document or a noun naming people: a common noun that the
PolNeAR train table (``models/source_heads.json``) has seen as a subject but almost never as a source
("injuries", "the failure") is no speaker.

A relay is kept in ``via``: "was quoted as saying by … Xinhua News Agency", "told state
news agency RIA Novosti", "…, RIA reported", "according to local radio".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Sequence

from rapidfuzz import fuzz

from ..lexicons import SPEECH_VERBS, report_verbs
from ..records import Quote, Sentence
from ..settings import Settings
from ..text.names import entity_id
from ..text.words import outside_quotes, words
from .base import StageContext
from .cues import content_bounds, cue_lemma, cue_rate, frame
from .entities import PRONOUN_GENDER, Resolver
from .nominal import resolve_nominals
from .sources import is_agent, is_finding_source, source_rate
from .speakers import SpeakerOf, choose

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

SUBJECT_MAX_HOPS = 6  # verbs climbed ("…, saying …" → the verb it hangs on) when looking for a subject
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
PERSONAL_PRONOUNS = {"he", "she", "his", "her", "him", "they", "their", "its", "it", "i", "we", "our", "my"}
NOT_SPEAKER_TYPES = {"WORK_OF_ART", "EVENT", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
ORG_NOUNS = {"company", "agency", "paper", "newspaper", "party", "organisation", "organization", "ministry",
             "department", "court", "government", "network", "channel", "broadcaster", "firm", "committee", "union",
             "daily", "outlet", "station", "magazine", "bank", "council", "commission", "tribunal", "university",
             "institute", "foundation"}
GENERIC_ORG_NOUNS = {"company", "firm", "agency", "paper", "newspaper", "daily", "outlet", "network", "broadcaster",
                     "channel", "magazine", "station"}  # nouns that stand for any organisation named before
DOCUMENT_NOUNS = {"editorial", "statement", "report", "column", "article", "commentary", "op-ed", "release",
                  "decision", "ruling", "verdict", "judgment", "judgement", "declaration", "letter", "filing",
                  "memo", "communique", "communiqué"}  # a document speaks for the body that issued it
SELF_REPORTING_NOUNS = {"company", "firm"}  # organisation nouns whose reported clause is about the body itself
DECIDING_BODIES = {"court", "tribunal", "judge", "jury", "panel", "parliament", "assembly", "legislature", "senate",
                   "congress", "house", "council", "board", "committee", "commission", "cabinet"}
DECISION_VERBS = {"confirm", "uphold", "approve", "reject", "overturn", "accept", "endorse", "back", "order", "grant",
                  "dismiss", "adopt", "pass", "ratify", "authorise", "authorize", "block", "annul", "validate",
                  "recognise", "recognize", "affirm", "acknowledge"}  # what a body does to a thing by its ruling or vote
SPEECH_NOUNS = {"response", "answer", "remark", "comment", "reply", "message", "word", "tweet", "post", "speech",
                "testimony", "argument", "retort", "explanation"}  # "his response was to say …": he says it
NAMING_VERBS = {"call", "describe", "characterise", "characterize", "dub", "term", "label", "refer", "brand",
                "nickname"}  # "referred to the plan as “a blank cheque”": the quoted label is the speaker's words
DATELINE_DASHES = {"--", "—", "–", "-"}
INVERTED_MAX_TOKENS = 4  # "said one civil engineer": the speaker's head noun within this many tokens after the verb
QUOTE_MARKS = {'"', "“", "”", "‘", "’", "«", "»", "''", "``"}
INTRO_LINE_MAX_WORDS = 12  # a line ending in a colon this short, naming someone, introduces the quote after it
REPORTED_MIN_WORDS = 3
MIXED_OWN_WORDS = 3  # own words a reported clause needs around a quoted fragment to be kept as a mixed quote  # reported content shorter than this many words is not emitted ("he said so")
OPENERS = {"“": "”", '"': '"', "‘": "’", "«": "»"}
MEDIA_WORDS = {"agency", "news", "radio", "television", "tv", "newspaper", "paper", "broadcaster", "outlet",
               "channel", "magazine", "daily", "times", "post", "press", "wire", "network"}
TITLE_NOUNS = {"melody", "song", "book", "film", "movie", "album", "novel", "play", "show", "series", "programme",
               "program", "poem", "titled", "entitled", "named", "campaign", "operation", "slogan", "report",
               "anthem", "hymn", "opera", "painting", "documentary", "podcast", "column", "headline"}


@dataclass
class Span_:
    start: int  # inner text start
    end: int  # inner text end
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark (None: closed by the paragraph's end)
    mark: str
    continued: bool = False  # the paragraph before opened this quote and did not close it


def find_spans(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Span_]:
    """Quoted spans, one per utterance; multi-paragraph quotes are joined."""
    spans: list[Span_] = []
    pending: Span_ | None = None  # a quote left open at the end of a paragraph
    for p_start, p_end in paragraphs:
        para = normalise_marks(text[p_start:p_end])
        i = 0
        if pending is not None:
            if para.startswith(("“", '"')) and transcript_label(para[1:]) is None:
                i = 1
                m = _find_close(para, 1, pending.mark)
                if m is None:
                    pending = Span_(pending.start, p_end, pending.open_at, None, pending.mark, True)
                    continue
                spans.append(Span_(pending.start, p_start + m, pending.open_at, p_start + m, pending.mark, True))
                i = m + 1
                pending = None
            else:
                spans.append(pending)
                pending = None
        while i < len(para):
            ch = para[i]
            if ch in OPENERS and _is_opening(para, i):
                close = _find_close(para, i + 1, ch)
                if close is None:
                    if ch in ("“", '"', "«"):
                        pending = Span_(p_start + i + 1, p_end, p_start + i, None, ch)
                    i += 1
                    break
                reopen = para.find(ch, i + 1, close) if ch == "“" else -1
                if reopen != -1:
                    # "“It will be … and gives mVigil said … “This will …”": a curly quote opened again before
                    # any mark closed it was never closed (a page lost its end); it ends where the text breaks
                    # or at the last sentence end before the new mark, and the text up to that mark is the writer's
                    end = _unclosed_end(para, i + 1, reopen)
                    if end > i + 1:
                        spans.append(Span_(p_start + i + 1, p_start + end, p_start + i, None, ch))
                    i = reopen
                    continue
                if close > i + 1:
                    spans.append(Span_(p_start + i + 1, p_start + close, p_start + i, p_start + close, ch))
                i = close + 1
                continue
            i += 1
    if pending is not None:
        spans.append(pending)
    return spans


_SPLICE = re.compile(r"(?<=\s)[a-z]{1,3}(?=[A-Z][a-z]+\s)")  # "gives mVigil said": a word cut off and glued to the next
_SENTENCE_END = re.compile(r"[.!?…][”’\"]?(?=\s)")


def _unclosed_end(para: str, start: int, reopen: int) -> int:
    """Where a quote that was never closed ends: before a word cut off and glued to the next (the page broke
    there), else after the last full sentence before the quote mark that opens again, else at that mark."""
    splice = _SPLICE.search(para, start, reopen)
    if splice is not None:
        return len(para[start:splice.start()].rstrip()) + start
    ends = [m.end() for m in _SENTENCE_END.finditer(para, start, reopen)]
    end = ends[-1] if ends else reopen
    return len(para[start:end].rstrip()) + start


def _is_opening(para: str, i: int) -> bool:
    ch = para[i]
    prev = para[i - 1] if i > 0 else " "
    nxt = para[i + 1] if i + 1 < len(para) else " "
    if ch == "‘" or ch == "'":
        return (prev.isspace() or prev in "([—–-") and nxt.isalnum()
    if ch == '"':
        return (prev.isspace() or prev in "([—–-:") and not nxt.isspace()
    return True


_OPEN_PAIR = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))(?:''|``)(?=[\w‘'.…$])")
_CLOSE_PAIR = re.compile(r"''|``")
CLOSERS = {'"': ('"', "”"), "“": ("”", '"')}  # a straight mark may close a curly one and the other way round


def normalise_marks(para: str) -> str:
    """Marks as real pages have them, rewritten to one double mark of the same length so offsets hold:
    NYT's two apostrophes (''…'') and TeX's ``…'' become a space and a straight mark when they open,
    a straight mark and a space when they close."""
    if "''" not in para and "``" not in para:
        return para
    para = _OPEN_PAIR.sub(' "', para)
    return _CLOSE_PAIR.sub('" ', para)


def _find_close(para: str, start: int, opener: str) -> int | None:
    closers = CLOSERS.get(opener, (OPENERS[opener],))
    j = start
    while True:
        found = [k for k in (para.find(c, j) for c in closers) if k != -1]
        if not found:
            return None
        j = min(found)
        closer = para[j]
        if closer in ("’",):
            nxt = para[j + 1] if j + 1 < len(para) else " "
            if nxt.isalpha():  # an apostrophe (“don’t”), not a closing mark
                j += 1
                continue
        return j


# --------------------------------------------------------------------------- attribution helpers


def _words(text: str) -> int:
    return len(words(text))


def _tokens(doc: Any, start: int, end: int) -> "Span | None":
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    return span


def _cue_text(verb: "Token") -> str:
    parts = [verb]
    for c in verb.children:
        if c.dep_ == "prt" or (c.dep_ == "auxpass") or (c.dep_ == "aux" and c.lower_ in ("was", "were", "is")):
            parts.append(c)
    if verb.lower_ == "quoted":
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                parts.extend(t for t in c.subtree if t.lower_ == "saying")
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def _subject(verb: "Token", depth: int = 0) -> "Token | None":
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if depth >= SUBJECT_MAX_HOPS:
        return None
    if verb.tag_ == "VBG" or verb.dep_ in ("advcl", "xcomp"):
        # "…, stressing that …" / "noting that …": the subject of the nearest verb of saying above
        node = verb.head
        while node.i != node.head.i:
            if node.lemma_.lower() in SPEECH_VERBS:
                return _subject(node, depth + 1)
            node = node.head
        if node.i != verb.i and node.lemma_.lower() in SPEECH_VERBS:
            return _subject(node, depth + 1)
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    return None


def _speaker_after_verb(verb: "Token", open_at: int, close: int, resolver: Resolver) -> Speaker:
    """"“This,” said Gillon, an astronomer, “is …”": an inverted attribution the parser read without a subject;
    the noun right after the verb (not a date, not inside the quote)."""
    doc = verb.doc
    if verb.i == 0 or not doc[verb.i - 1].is_punct:
        return Speaker(None, None)  # only the inverted shape: "“…,” said X" / "…, said X"
    for t in doc[verb.i + 1:min(verb.i + 1 + INVERTED_MAX_TOKENS, len(doc))]:
        if t.text in QUOTE_MARKS or open_at <= t.idx < close or t.idx in resolver.quote_chars:
            break
        if t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in ("DATE", "TIME") or t.dep_ in ("compound", "amod"):
            continue
        speaker = _speaker_from_token(t, resolver)
        if speaker.name is not None:
            return speaker
    return Speaker(None, None)


def _participle_subject(verb: "Token") -> "Token | None":
    """"Trump hardly clarified the matter, …, asserting, “…”": a participle introducing a quote shares the
    subject of the nearest clause above it that has one (used for quotes only: for reported speech the
    participle is often the writer's, "after railing against …")."""
    if verb.tag_ != "VBG":
        return None
    node = verb
    for _ in range(SUBJECT_MAX_HOPS):
        if node.i == node.head.i:
            return None
        node = node.head
        found = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if found is not None:
            return found
    return None


def _noun_phrase(token: "Token") -> str:
    """The phrase a head noun heads, without relative clauses, appositions or anything past a dash or comma."""
    inside = {t.i for t in token.subtree}
    left = token.i
    doc = token.doc
    while left > 0 and left - 1 in inside and (not doc[left - 1].is_punct or _word_hyphen(doc, left - 1)):
        left -= 1  # "a Dutch-led international research team": the hyphen is inside a word
    right = token.i
    while right + 1 < len(token.doc) and right + 1 in inside and \
            not token.doc[right + 1].is_punct and token.doc[right + 1].dep_ not in ("relcl", "acl", "appos") \
            and token.doc[right + 1].tag_ not in ("WDT", "WP", "WP$") \
            and right + 1 <= token.i + 6:
        right += 1
    # never stop inside a hyphenated word ("Haider al" of "Haider al-Abadi")
    while right + 2 < len(doc) and doc[right + 1].text == "-" and not doc[right].whitespace_ \
            and not doc[right + 1].whitespace_ and doc[right + 2].is_alpha:
        right += 2
    return doc[left:right + 1].text


def _word_hyphen(doc: Any, i: int) -> bool:
    """A hyphen joining two words with no space ("Dutch-led"), not a dash between phrases."""
    return doc[i].text == "-" and i > 0 and i + 1 < len(doc) and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_ and doc[i - 1].is_alpha and doc[i + 1].is_alpha


@dataclass
class Speaker:
    name: str | None
    id: str | None
    how: str | None = None  # a resolution step worth naming in the quote's rule ("org_noun_subject")


def _speaker_from_token(tok: "Token | None", resolver: Resolver) -> Speaker:
    if tok is None:
        return Speaker(None, None)
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
        described = tok.head.head  # "Graham, who said …": the person the relative clause describes
        if tok.lower_ in ("who", "whom") and not _is_person(described, resolver):
            # "Ms. Moore, the host of a radio program, who said …": the parser hung "who" on the wrong noun;
            # "who" stands for a person: the person the phrase describes (an ancestor of that noun)
            described = next((t for t in described.ancestors if _is_person(t, resolver)), described)
        tok = described
    tok = _named_apposition(_past_dateline(tok), resolver)
    if tok.lower_ in PERSONAL_PRONOUNS and tok.head.dep_ == "parataxis":
        # "Marshall, she wrote, “was a champion …”": the clause she interrupts is about Marshall, so the
        # pronoun is resolved before the sentence (the person described is not the writer)
        cluster = resolver.antecedent(tok.sent.start_char, person_only=True,
                                      gender=PRONOUN_GENDER.get(tok.lower_))
    else:
        cluster = resolver.resolve_token(tok)
    if cluster is not None and cluster.type in NOT_SPEAKER_TYPES:
        cluster = None  # "sings Springsteen’s “American Skin”": a work, an event or a law does not speak
    if cluster is not None:
        return Speaker(cluster.name, entity_id(cluster.type, cluster.name))
    org = _organisation_phrase(tok, resolver)
    if org is not None:
        return org
    if tok.lower_ in ("it", "this", "that", "which", "who", "they", "we", "i", "you", "'s", "’s", "us"):
        return Speaker(None, None)  # ("Let's say you think …": a hypothetical, nobody's words)
    return Speaker(_noun_phrase(tok), None)


def is_agent_noun(tok: "Token") -> bool:
    """Whether a common noun can be a speaker (``stages/sources.is_agent``, learned from PolNeAR sources); a
    name or a pronoun always can."""
    return tok.pos_ != "NOUN" or is_agent(tok.lemma_.lower())


def _is_person(tok: "Token", resolver: Resolver) -> bool:
    cluster = resolver.cluster_at(tok.idx, tok.idx + len(tok))
    return cluster is not None and cluster.type == "PERSON"


def _past_dateline(tok: "Token") -> "Token":
    """"WASHINGTON -- President Obama, …, said": a dateline parsed as the subject gives way to the name
    apposed to it."""
    doc = tok.doc
    is_dateline = tok.is_upper and len(tok.text) > 1 and tok.i + 1 < len(doc) and \
        doc[tok.i + 1].text in DATELINE_DASHES and all(t.is_upper or t.is_punct for t in doc[tok.sent.start:tok.i])
    if not is_dateline:
        return tok
    return next((c for c in tok.children if c.dep_ == "appos"), tok)


def _named_apposition(tok: "Token", resolver: Resolver) -> "Token":
    """"Facebook’s Frank Underwood, Mark Zuckerberg, likens …": a subject with a possessive is a description of
    someone (however it is capitalised); a person's name apposed to it is who speaks."""
    if not any(c.dep_ == "poss" for c in tok.children):
        return tok
    return next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and _is_person(c, resolver)),
                tok)


def _last_organisation(resolver: Resolver, before: int, noun: str) -> Speaker | None:
    """The organisation named last before ``before`` (outside quotes) whose name holds the noun ("the
    ministry" → "Ministry of Transport"); for a generic noun ("the company", "the paper") any organisation."""
    best: tuple[int, Any] | None = None
    for c in resolver.clusters:
        if c.type != "ORG" or (noun not in GENERIC_ORG_NOUNS and noun not in c.name.lower().split()):
            continue
        for m in c.mentions:
            if m.start < before and m.start not in resolver.quote_chars and (best is None or m.start > best[0]):
                best = (m.start, c)
    return Speaker(best[1].name, entity_id("ORG", best[1].name)) if best is not None else None


def _organisation_phrase(tok: "Token", resolver: Resolver) -> Speaker | None:
    """"the company", "the agency", "the paper" and "an editorial in the paper": the
    organisation named last before the phrase (issue 11: a role resolved to the canonical name)."""
    low = tok.lemma_.lower()
    if low in DOCUMENT_NOUNS or low in SPEECH_NOUNS:
        for c in tok.children:
            # "the court’s decision" → the court; "his best response was to say …" → him
            if c.dep_ == "poss" and (c.lower_ not in PERSONAL_PRONOUNS or low in SPEECH_NOUNS):
                cluster = resolver.resolve_token(c)
                if cluster is not None and cluster.type not in NOT_SPEAKER_TYPES:
                    return Speaker(cluster.name, entity_id(cluster.type, cluster.name))
                if c.lemma_.lower() in ORG_NOUNS:
                    return _organisation_phrase(c, resolver)
            if c.dep_ == "prep" and c.lower_ in ("in", "of", "by", "from"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() in ORG_NOUNS:
                    return _organisation_phrase(obj, resolver)
        return None
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children) and not any(
        c.dep_ in ("compound", "poss", "amod", "nmod") for c in tok.children)  # "the Clinton campaign" names its own
    if tok.pos_ == "NOUN" and low in ORG_NOUNS and definite:
        own = _reported_subject(tok, resolver) if low in SELF_REPORTING_NOUNS else None
        return own or _last_organisation(resolver, tok.idx, low)
    return None


def _reported_subject(tok: "Token", resolver: Resolver) -> Speaker | None:
    """"Acme will buy Brightline for $2 billion, the company announced": a company noun speaking of its own
    clause refers to that clause's subject when it is an organisation's name, or a name nothing in the article
    makes a person (the most salient antecedent: the subject of the sentence, not the last organisation named).
    Only nouns of bodies that announce their own doings: a newspaper or agency reports on others ("Haley has
    sought …, the newspaper writes")."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ != "PROPN" or subj.ent_type_ in ("PERSON", "NORP", "DATE", "TIME"):
            continue
        cluster = resolver.cluster_at(subj.idx, subj.idx + len(subj))
        if cluster is not None and cluster.type in ("ORG", "FAC"):
            return Speaker(cluster.name, entity_id(cluster.type, cluster.name), "org_noun_subject")
        if cluster is not None:
            continue  # a person or a place ("Spain will …, the company said") is not the company
        name = [t for t in subj.subtree if t.i <= subj.i and (t.dep_ == "compound" or t.i == subj.i)
                and t.pos_ == "PROPN"]
        return Speaker(" ".join(t.text for t in name), None, "org_noun_subject")
    return None


def _via(verb: "Token", resolver: Resolver, sent: "Span", speaker_tok: "Token | None") -> str | None:
    """The outlet or agency that relays the words, when the sentence names one."""
    for c in verb.subtree:
        # passive agent: "was quoted as saying by … Xinhua News Agency"
        if c.lower_ == "by" and c.head.i in {verb.i} | {t.i for t in verb.subtree if t.dep_ in ("prep", "pcomp")}:
            for obj in c.children:
                if obj.dep_ == "pobj":
                    return _media_name(obj, resolver)
    if verb.lemma_ == "tell":
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")
                   and (speaker_tok is None or c.i != speaker_tok.i)]
        # a named organisation first ("told state news agency RIA Novosti"), then a media phrase
        objects.sort(key=lambda c: resolver.cluster_at(c.idx, c.idx + len(c)) is None)
        for c in objects:
            name = _media_name(c, resolver, strict=True)
            if name:
                return name
    for tok in sent:
        # "according to local radio" / "…, RIA reported"
        if tok.lower_ == "according" and tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            pobj = next((t for t in tok.nbor(1).children if t.dep_ == "pobj"), None)
            if pobj is not None and pobj.i not in range(verb.i, verb.i + 1):
                name = _media_name(pobj, resolver, strict=True)
                if name:
                    return name
        if tok.lemma_ == "report" and tok.i != verb.i and tok.dep_ in ("ROOT", "parataxis", "ccomp", "conj"):
            subj = _subject(tok)
            if subj is not None:
                name = _media_name(subj, resolver, strict=False)
                if name:
                    return name
    return None


def _media_name(tok: "Token", resolver: Resolver, strict: bool = False) -> str | None:
    cluster = resolver.cluster_at(tok.idx, tok.idx + len(tok))
    if cluster is None:  # "the state broadcaster NTV": a name inside the phrase
        for t in tok.subtree:
            if abs(t.i - tok.i) <= 3 and t.pos_ == "PROPN":
                cluster = resolver.cluster_at(t.idx, t.idx + len(t))
                if cluster is not None:
                    break
    phrase = _noun_phrase(tok)
    media = any(w.lower() in MEDIA_WORDS for w in phrase.split())
    if cluster is not None and cluster.type in ("ORG", "FAC", "GPE", "NORP", "PERSON") and cluster.type != "PERSON":
        return cluster.name
    if cluster is not None and cluster.type == "PERSON":
        return None
    names = [t for t in tok.subtree if t.pos_ == "PROPN" and t.text[:1].isupper() and abs(t.i - tok.i) <= 3]
    if names and (media or tok.pos_ == "PROPN"):  # "state news agency Nordpress" → Nordpress
        return " ".join(t.text for t in names)
    if media:
        return re.sub(r"^(the|a|an)\s+", "", phrase, flags=re.I)
    if not strict and tok.pos_ == "PROPN":
        return tok.text
    return None


def _rarely_a_cue(tok: "Token", settings: Any) -> bool:
    """A verb of saying in a frame PolNeAR train seldom annotates as a cue: "will continue to coexist", "agreed
    a price" (the learned rate of its particle lemma with an object or an infinitive is below
    ``reported_cue_min``, counted over at least ``reported_cue_min_seen`` training occurrences)."""
    if settings is None:
        return False
    how = frame(tok)
    if how not in ("xcomp", "dobj"):
        return False  # ("“…,” he continued": the quote's own cue in the frames a direct quote gives it)
    rate = cue_rate(cue_lemma(tok), how)
    return rate is not None and rate.seen >= settings.reported_cue_min_seen and rate.rate < settings.reported_cue_min


def _speech_verbs(sent: "Span", exclude: tuple[int, int], settings: Any = None) -> list["Token"]:
    out = []
    for tok in sent:
        if exclude[0] <= tok.idx < exclude[1]:
            continue
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS \
                and not (tok.dep_ == "acl" and tok.tag_ == "VBN") \
                and not _rarely_a_cue(tok, settings):  # "the deal announced Tuesday" reports no words
            out.append(tok)
        elif tok.lower_ == "quoted":
            out.append(tok)
    return out


def _adjacent_attribution(doc: Any, close_at: int, sent_end: int) -> "Token | None":
    """The clause right after a closing mark, "… ,” the Russian leader listed." → its verb."""
    tail = _tokens(doc, close_at + 1, sent_end) if close_at + 1 < sent_end else None
    if tail is None or len(tail) > 12:
        return None
    words = [t for t in tail if not t.is_punct]
    if not words or len(words) > 10:
        return None
    verbs = [t for t in words if t.pos_ == "VERB"]
    if len(verbs) != 1:
        return None
    return verbs[0]


def _colon_intro(doc: Any, open_at: int, sent_start: int) -> "tuple[Token, str] | None":
    """"Joe Biden was quick to retort: “…”": the subject of the clause a colon right before the quote
    ends, and the word before the colon as the cue."""
    before = _tokens(doc, sent_start, open_at) if open_at > sent_start else None
    if before is None or len(before) < 3 or before[-1].text != ":":
        return None
    colon = before[-1]
    subjects = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.i < colon.i]
    if not subjects:
        return None
    # "With Democratic leaders worried, Obama is rolling out a message:": the main clause's subject first
    subjects.sort(key=lambda t: t.head.dep_ != "ROOT")
    return subjects[0], before[-2].text


def _inverted_intro(doc: Any, open_at: int, sent_start: int, resolver: Resolver) -> tuple[Speaker, str] | None:
    """"Said Ellis: “…”" / "Added the senator:": a colon right before the quote after a verb of saying and
    a name, with no subject parsed: the person or organisation named there."""
    before = _tokens(doc, sent_start, open_at) if open_at > sent_start else None
    if before is None or len(before) < 3 or len(before) > INTRO_LINE_MAX_WORDS or before[-1].text != ":":
        return None
    verbs = _speech_verbs(before, (0, 0))
    if not verbs:
        return None
    speaker = _speaker_between(doc, verbs[0].idx + len(verbs[0]), before[-1].idx, resolver)
    return (speaker, verbs[0].text) if speaker.name is not None else None


def _is_title(inner: str, doc: Any, open_at: int) -> bool:
    found = words(inner)
    if not found or len(found) > 8 or re.search(r"[.!?,;]\s*$", inner):
        return False
    content = [w for w in found if w.lower() not in {"of", "the", "a", "an", "and", "in", "on", "to", "for", "at"}]
    if not content or not all(w[0].isupper() for w in content):
        return False
    before = _tokens(doc, max(open_at - 30, 0), open_at)
    prev = [t.lower_ for t in before][-3:] if before is not None else []
    return any(w in TITLE_NOUNS for w in prev) or len(content) >= 2


def _modifies_noun(doc: Any, span: Span_) -> bool:
    """The quoted words only modify a noun outside the quote: a “peaceful” solution."""
    toks = _tokens(doc, span.start, span.end)
    if toks is None:
        return False
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    if len(roots) != 1:
        return False
    root = roots[0]
    return root.dep_ in ("amod", "compound", "nmod", "nummod") and root.head.pos_ in ("NOUN", "PROPN") \
        and root.head.i not in inside


def _governing_cue(doc: Any, span: Span_) -> "Token | None":
    """A verb of saying that takes the quoted words as its complement: described it as “symbolic”,
    called Putin his “great friend”, characterised the talks as “warm and comradely”."""
    toks = _tokens(doc, span.start, span.end)
    if toks is None:
        return None
    inside = {t.i for t in toks}
    for t in toks:
        node = t
        for _ in range(4):
            if node.head.i == node.i:
                break
            child, node = node, node.head
            if node.i in inside:
                continue
            if node.lemma_.lower() in SPEECH_VERBS and node.pos_ in ("VERB", "AUX"):
                if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                    break  # "the app’s “core messaging product” will continue to …": the words are the subject
                return node
            if node.pos_ == "VERB":
                break
    # "what he called the “tireless” work", "a sum X described as “a start”"
    sent = toks.sent
    for v in sent:
        if v.lemma_.lower() in NAMING_VERBS and not _so_called(v) \
                and v.idx < span.open_at and span.open_at - (v.idx + len(v)) <= 40:
            return v
    return None


def _so_called(verb: "Token") -> bool:
    """"a so-called “ultracool” dwarf star": "so-called" marks a label nobody in the story says — the writer
    keeps their distance from the word (a scare quote), it names no speaker."""
    return verb.lower_ == "called" and any(c.lower_ == "so" for c in verb.children if c.i < verb.i)


# --------------------------------------------------------------------------- speakers stated away from the cue verb

_LABEL = re.compile(r"^\s*((?:(?:MR|MS|MRS|DR|SEN|REP|GOV)\.?\s+)?[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+){0,2}):\s+(?=\S)")
NOT_LABELS = {"UPDATE", "BREAKING", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "READ", "PHOTOS", "VIDEO",
              "RELATED", "CORRECTION", "CLARIFICATION", "ADVERTISEMENT", "SOURCE", "SOURCES", "WARNING", "SPOILER"}
_SIGNATURE = re.compile(r"[ \t\u00a0]*[―—–]{1,2}[ \t\u00a0]*([A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,4})")
TITLE_WORDS = {"mr", "ms", "mrs", "dr", "sen", "rep", "gov"}


def transcript_label(inner: str) -> tuple[str, int] | None:
    """"WALLACE: Let's start …" / "MS. HARRIS: …": the speaker label a transcript line opens with, and
    how many characters it takes (the quote text starts after it)."""
    m = _LABEL.match(inner)
    if m is None or m.group(1).rstrip(".") in NOT_LABELS or len(m.group(1).replace(".", "").strip()) < 2:
        return None
    return m.group(1), m.end()


def _named_speaker(name: str, start: int, resolver: Resolver) -> Speaker:
    """A speaker given by name outside a clause ("WALLACE:", "― Pamela Padilla"): the person of that
    name in the article when there is one, else the name as written."""
    parts = [w for w in re.findall(r"[\w'’\-]+", name) if w.lower() not in TITLE_WORDS]
    if not parts:
        return Speaker(None, None)
    last = parts[-1].lower()
    for c in resolver.clusters:  # the person named in the text ("Chris Wallace" for "WALLACE:")
        if c.type == "PERSON" and c.name.split()[-1].lower() == last and not c.name.isupper():
            return Speaker(c.name, entity_id(c.type, c.name))
    cluster = resolver.cluster_at(start, start + len(name))
    shown = " ".join(p.capitalize() if p.isupper() else p for p in parts)
    if cluster is not None and cluster.type in ("PERSON", "ORG"):
        return Speaker(shown if cluster.name.isupper() else cluster.name, entity_id(cluster.type, cluster.name))
    return Speaker(shown, None)


_HEADLINE_LABEL = re.compile(r"\s*([A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})\s*:\s*")


def _headline_speaker(text: str, para_start: int, open_at: int, resolver: Resolver) -> Speaker | None:
    """A headline "Name: “…”" labels the quote with a person or body the article names."""
    m = _HEADLINE_LABEL.fullmatch(text, para_start, open_at)
    if m is None or m.group(1).upper().rstrip(".") in NOT_LABELS:
        return None
    speaker = _named_speaker(m.group(1), m.start(1), resolver)
    return speaker if speaker.id is not None else None


def _signature(text: str, close_at: int, para_end: int, resolver: Resolver) -> Speaker:
    """"“…”― Pamela Padilla": a name after a dash right behind the closing mark signs the quote."""
    m = _SIGNATURE.match(text, close_at + 1, para_end)
    if m is None:
        return Speaker(None, None)
    return _named_speaker(m.group(1).rstrip("."), m.start(1), resolver)


def _speaker_between(doc: Any, start: int, end: int, resolver: Resolver, nearest_last: bool = False) -> Speaker:
    """"“…”, Michaël Gillon, lead study author, told CNN." parsed without a subject: the first person or
    organisation named between the closing mark and the cue verb (``nearest_last``: the last one, the
    nearest to a verb after them: "When Clinton noted …, Trump boasted")."""
    toks = _tokens(doc, start, end) if end > start else None
    for tok in reversed(list(toks or [])) if nearest_last else toks or []:
        if tok.idx in resolver.quote_chars:
            continue
        cluster = resolver.cluster_at(tok.idx, tok.idx + len(tok))
        if cluster is not None and cluster.type in ("PERSON", "ORG"):
            return Speaker(cluster.name, entity_id(cluster.type, cluster.name))
    return Speaker(None, None)


def _transcript_lines(text: str, paragraphs: Sequence[Any], spans: Sequence[Span_], resolver: Resolver,
                      sentences: Sequence[Sentence]) -> list[Quote]:
    """Transcript paragraphs without quotation marks: "PENCE: Well, look, …" is Pence's words."""
    out: list[Quote] = []
    for p in paragraphs:
        if p.kind != "body" or any(p.start <= s.open_at < p.end for s in spans):
            continue
        label = transcript_label(text[p.start:p.end])
        if label is None:
            continue
        start = p.start + label[1]
        speaker = _named_speaker(label[0], p.start, resolver)
        out.append(Quote(text=text[start:p.end], start=start, end=p.end, speaker=speaker.name,
                         speaker_id=speaker.id, cue=None, kind="direct", rule="transcript_label",
                         sentence=_sentence_index(sentences, start)))
    return out


# --------------------------------------------------------------------------- the stage


def quotes_stage(ctx: StageContext) -> tuple[Quote, ...]:
    resolver: Resolver = ctx.values["resolver"]
    sentences: tuple[Sentence, ...] = ctx.values["sentences"]
    return tuple(extract_quotes(ctx.article.text, ctx.article.paragraphs, sentences, ctx.doc, resolver,
                                ctx.settings))


def _sentence_index(sentences: Sequence[Sentence], offset: int) -> int | None:
    for s in sentences:
        if s.start <= offset < s.end + 1:
            return s.i
    return None


def extract_quotes(text: str, paragraphs: Sequence[Any], sentences: Sequence[Sentence], doc: Any,
                   resolver: Resolver, settings: Any) -> list[Quote]:
    paras = [(p.start, p.end) for p in paragraphs]
    kinds = {(p.start, p.end): p.kind for p in paragraphs}
    spans = find_spans(text, paras)
    quotes: list[Quote] = []
    last_speaker: tuple[int, Speaker] | None = None  # (sentence index, speaker) of the last attributed quote
    pull_quotes: list[int] = []
    for span in spans:
        span, labelled = _strip_label(text, span, resolver)
        inner = text[span.start:span.end]
        n_words = _words(inner)
        if n_words == 0:
            continue
        s_idx = _sentence_index(sentences, span.open_at)
        para = next(((a, b) for a, b in paras if a <= span.open_at < b), None)
        heading, signed = _heading_quote(text, span, s_idx, para, kinds.get(para) if para else None, labelled,
                                         resolver)
        if heading is not None:
            if heading.rule == "pull_quote":
                pull_quotes.append(len(quotes))
            quotes.append(heading)
            continue
        if span.mark in ("‘", "'", "“", '"') and _is_title(inner, doc, span.open_at):
            continue  # a title or name in quotes is not a quote
        close = span.close_at if span.close_at is not None else span.end
        # the sentences the quote touches, and the clause right after it
        last_sent_idx = _sentence_index(sentences, max(close - 1, span.start)) or s_idx
        region_start = sentences[s_idx].start if s_idx is not None else span.open_at
        region_end = sentences[last_sent_idx].end if last_sent_idx is not None else close
        region = _tokens(doc, region_start, region_end)
        embedded = _is_embedded(text, span, region_start, region_end, doc)
        speaker = Speaker(None, None)
        cue: str | None = None
        via: str | None = None
        rule = ""
        verb = None
        if embedded and n_words <= settings.scare_quote_max_words:
            verb = _governing_cue(doc, span)
            if verb is None or _modifies_noun(doc, span) and verb.lemma_.lower() not in NAMING_VERBS:
                quotes.append(Quote(text=inner, start=span.start, end=span.end, speaker=None, speaker_id=None,
                                    cue=None, kind="scare", rule="scare_no_speaker" if verb is None
                                    else "scare_modifies_noun", sentence=s_idx))
                continue
        speaker, rule = _stated_speaker(signed, labelled, speaker, rule)
        after_quote = False
        if speaker.name is None and verb is None:
            verb, after_quote = _find_cue(text, doc, region, span, close, region_end, embedded, sentences,
                                          last_sent_idx, settings)
        if verb is not None and speaker.name is None:
            speaker, cue, via = _cue_speaker(doc, verb, span.open_at, close, region_start, resolver)
            rule = "cue_next_sentence" if after_quote else "cue_in_sentence"
        if speaker.name is None:
            found = _speaker_elsewhere(doc, span, region_start, embedded, s_idx, quotes, last_speaker, sentences,
                                       resolver, settings, cue)
            if found is not None:
                speaker, cue, rule = found
        if speaker.name is not None and s_idx is not None:
            last_speaker = (last_sent_idx or s_idx, speaker)
        if embedded and n_words <= settings.scare_quote_max_words and speaker.name is None:
            quotes.append(Quote(text=inner, start=span.start, end=span.end, speaker=None, speaker_id=None,
                                cue=None, kind="scare", rule="scare_no_speaker", sentence=s_idx))
            continue
        redundant = via is not None and speaker.name is not None and via.lower() in speaker.name.lower()
        quotes.append(Quote(text=inner, start=span.start, end=span.end, speaker=speaker.name,
                            speaker_id=speaker.id, cue=cue, kind="partial" if embedded else "direct",
                            via=None if redundant else via, sentence=s_idx,
                            rule=f"{rule}; {speaker.how}" if rule and speaker.how else rule or "unattributed"))
    _attribute_pull_quotes(quotes, pull_quotes)
    quotes.extend(_transcript_lines(text, paragraphs, spans, resolver, sentences))
    return _with_reported(quotes, doc, sentences, resolver, settings, paragraphs)


def _heading_quote(text: str, span: Span_, s_idx: int | None, para: tuple[int, int] | None, kind: str | None,
                   labelled: Speaker, resolver: Resolver) -> tuple[Quote | None, Speaker]:
    """A quote a headline labels ("Ames: “The Tax Plan Will Fail”") or a pull quote (a quoted heading, given
    its speaker later from the body), and the dash signature after the quote ("“…” ― Pamela Padilla")."""
    inner = text[span.start:span.end]
    heading = kind in ("heading", "title")
    headline = _headline_speaker(text, para[0], span.open_at, resolver) if para is not None and heading else None
    if headline is not None:
        return Quote(text=inner, start=span.start, end=span.end, speaker=headline.name, speaker_id=headline.id,
                     cue=None, kind="direct", rule="headline_label", sentence=s_idx), Speaker(None, None)
    signed = _signature(text, span.close_at, para[1], resolver) \
        if para is not None and span.close_at is not None and labelled.name is None else Speaker(None, None)
    if para is not None and heading and span.open_at == para[0] and signed.name is None:
        # ("“…” ― Name" on a short line is a signed quote, not a pull quote)
        return Quote(text=inner, start=span.start, end=span.end, speaker=None, speaker_id=None, cue=None,
                     kind="direct", rule="pull_quote", sentence=s_idx), signed
    return None, signed


def _with_reported(quotes: list[Quote], doc: Any, sentences: Sequence[Sentence], resolver: Resolver,
                   settings: Any, paragraphs: Sequence[Any] = ()) -> list[Quote]:
    """Reported speech added; fragments inside a reported clause given its speaker; the learned speaker
    chooser applied to direct and partial quotes (setting ``speaker_model``)."""
    reported = reported_speech(doc, sentences, quotes, resolver, settings)
    reported = _with_colon_blocks(reported, colon_blocks(doc, paragraphs, sentences, quotes, resolver, settings),
                                  doc.text)
    quotes = [_inside_reported(q, reported) for q in sorted(quotes, key=lambda q: q.start)]
    if settings.speaker_model:
        speaker_of, type_at = speaker_functions(resolver)
        quotes = choose(quotes, doc, sentences, speaker_of, type_at, settings.speaker_model_margin,
                        settings.speaker_model_min)
    quotes.extend(reported)
    if settings.nominal_speakers:
        quotes = resolve_nominals(quotes, doc, resolver)
    return sorted(quotes, key=lambda q: q.start)


def speaker_functions(resolver: Resolver) -> tuple[SpeakerOf, Callable[[int, int], str]]:
    """The speaker a token names (name, id) and the entity type at a character range, for the learned chooser
    (``stages/speakers.py``) and its trainer."""
    def speaker_of(tok: "Token") -> tuple[str | None, str | None]:
        found = _speaker_from_token(tok, resolver)
        return found.name, found.id

    def type_at(start: int, end: int) -> str:
        cluster = resolver.cluster_at(start, end)
        return cluster.type if cluster is not None else "NONE"

    return speaker_of, type_at


def _inside_reported(q: Quote, reported: Sequence[Quote]) -> Quote:
    """A quoted fragment with no speaker inside a reported clause ("likens WhatsApp to “a path to …”") is the
    words of whoever the clause reports (a mixed quote). So is a short quoted phrase the quote rules took for a
    scare quote (no verb of saying governs it: "Acme will remain the company's “core product”, Acme said"):
    inside the clause a speaker is said to say, or the paragraph(s) a speaker's colon introduces, the marks
    show the speaker's own words, not the writer keeping a distance (PolNeAR dev: 103 of the 136 such phrases
    lie inside an annotated attribution's content). A single quoted word there stays a scare quote, as the framing
    stage reads it too ("insisted the police had behaved “professionally”": the outlet holds the speaker's one word
    at a distance; news-dev's annotators mark it so)."""
    if q.speaker is not None or q.kind not in ("partial", "direct", "scare") \
            or q.kind == "scare" and len(q.text.split()) < 2:
        return q
    outer = next((r for r in reported if r.start <= q.start < r.end and r.speaker), None)
    if outer is None:
        return q
    rule = "inside_reported" if q.kind != "scare" else \
        f"inside_reported: a quoted phrase in what {outer.speaker} {outer.cue or 'says'} is their words, not a scare quote"
    return replace(q, speaker=outer.speaker, speaker_id=outer.speaker_id, cue=outer.cue, via=outer.via,
                   kind="partial", rule=rule)


def _strip_label(text: str, span: Span_, resolver: Resolver) -> tuple[Span_, Speaker]:
    """"WALLACE: Let's start …": a transcript label names the speaker and is not part of the quote."""
    label = transcript_label(text[span.start:span.end])
    if label is None:
        return span, Speaker(None, None)
    return replace(span, start=span.start + label[1]), _named_speaker(label[0], span.start, resolver)


def _stated_speaker(signed: Speaker, labelled: Speaker, speaker: Speaker, rule: str) -> tuple[Speaker, str]:
    """A speaker stated by a dash signature or a transcript label comes before any cue."""
    if signed.name is not None:
        return signed, "dash_signature"
    if labelled.name is not None:
        return labelled, "transcript_label"
    return speaker, rule


def _find_cue(text: str, doc: Any, region: Any, span: Span_, close: int, region_end: int, embedded: bool,
              sentences: Sequence[Sentence], last_sent_idx: int | None,
              settings: Any = None) -> "tuple[Token | None, bool]":
    """The cue verb of a quote: in its sentences, else (a whole utterance) in a short clause right after it
    ("“…?” Graham asked."); and whether it was found after the quote."""
    verb = _nearest_cue(doc, region, span, close, region_end, settings) if region is not None else None
    if verb is None and not embedded and span.close_at is not None:
        verb = _next_sentence_cue(text, doc, sentences, last_sent_idx, span.close_at)
        return verb, verb is not None
    return verb, False


def _nearest_cue(doc: Any, region: Any, span: Span_, close: int, region_end: int,
                 settings: Any = None) -> "Token | None":
    """The verb of saying in the quote's sentences nearest to the quote (or the clause right after it)."""
    candidates = _speech_verbs(region, (span.open_at, close + 1), settings)
    adjacent = _adjacent_attribution(doc, close, region_end) if span.close_at is not None else None
    if adjacent is not None and adjacent not in candidates:
        candidates.append(adjacent)
    if not candidates:
        return None
    # a verb that governs the quoted words first ("X said the deal announced Tuesday will be “…”": said)
    inside = _tokens(doc, span.start, close) if close > span.start else None
    governing = {a.i for t in (inside or []) for a in t.ancestors if not span.start <= a.idx < close}
    above = [v for v in candidates if v.i in governing]
    return min(above or candidates, key=lambda v: min(abs(v.idx - close), abs(v.idx - span.open_at)))


def _cue_speaker(doc: Any, verb: "Token", open_at: int, close: int, region_start: int,
                 resolver: Resolver) -> tuple[Speaker, str, str | None]:
    """Who the cue verb says spoke (its subject, the subject of the clause it reports, or a name between the
    quote and the verb), the cue's text and the relaying source. A subject inside the quote itself or a
    punctuation mark is a parse error ("One of the brightest members …,” Rep. Cummings said): passed over."""
    subj = _subject(verb) or _participle_subject(verb)
    if subj is not None and (open_at <= subj.idx < close or subj.is_punct):
        subj = None
    speaker = _speaker_from_token(subj, resolver)
    if speaker.name is None and verb.dep_ in ("ccomp", "parataxis"):
        speaker = _speaker_from_token(_subject(verb.head), resolver)
    if speaker.name is None and subj is None:
        speaker = _speaker_between(doc, close + 1, verb.idx, resolver) if verb.idx > close else \
            _speaker_between(doc, region_start, verb.idx, resolver, nearest_last=True)
    if speaker.name is None and subj is None:
        speaker = _speaker_after_verb(verb, open_at, close, resolver)
    return speaker, _cue_text(verb), _via(verb, resolver, verb.sent, subj)


def _speaker_elsewhere(doc: Any, span: Span_, region_start: int, embedded: bool, s_idx: int | None,
                       quotes: Sequence[Quote], last_speaker: tuple[int, Speaker] | None,
                       sentences: Sequence[Sentence], resolver: Resolver, settings: Any,
                       cue: str | None) -> tuple[Speaker, str | None, str] | None:
    """A speaker stated away from the quote, in order: a colon introduction, the quote this one continues, a
    sentence introducing it, the previous speaker (within ``quote_speaker_window`` sentences); with the cue
    that goes with it (``cue``, the cue verb found without a speaker, is kept where nothing replaces it)."""
    if not embedded:
        intro = _colon_intro(doc, span.open_at, region_start)
        if intro is not None:
            found = _speaker_from_token(intro[0], resolver)
            if found.name is not None:
                return found, intro[1], "introduced"
        said = _inverted_intro(doc, span.open_at, region_start, resolver)
        if said is not None:  # "Said Ellis: “…”"
            return said[0], said[1], "introduced"
    if span.continued and quotes:
        prev = quotes[-1]
        return Speaker(prev.speaker, prev.speaker_id), cue or prev.cue, "continued"
    if s_idx is not None:
        introduced = _introduced_by(sentences, s_idx, doc, resolver)
        if introduced is not None:
            return introduced[0], introduced[1] or None, "introduced"
        stale = last_speaker is None or last_speaker[0] < s_idx - 1
        if not embedded and stale:
            before = _previous_sentence_speaker(doc, sentences, s_idx, resolver)
            if before is not None:  # "…, Schiff said. “The other factor is …”": named since the last quote
                return before[0], cue or before[1], "previous_sentence"
        if not embedded and last_speaker is not None and s_idx - last_speaker[0] <= settings.quote_speaker_window:
            return last_speaker[1], cue, "previous_speaker"
    return None


def _next_sentence_cue(text: str, doc: Any, sentences: Sequence[Sentence], last_idx: int | None,
                       close_at: int) -> "Token | None":
    """"“Does anybody know …?” Graham asked.": a quote that ends its sentence, followed in the same paragraph
    by a short clause whose one verb reports speech; that verb (its subject is the speaker)."""
    if last_idx is None or last_idx + 1 >= len(sentences):
        return None
    nxt = sentences[last_idx + 1]
    gap = text[close_at + 1:nxt.start]
    if "\n" in gap or gap.strip(" \t\u00a0.,") or nxt.start <= close_at:
        return None
    verb = _adjacent_attribution(doc, nxt.start - 1, nxt.end)
    if verb is None or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    return verb


def _previous_sentence_speaker(doc: Any, sentences: Sequence[Sentence], s_idx: int,
                               resolver: Resolver) -> tuple[Speaker, str] | None:
    """The sentence right before a quote with no speaker of its own reports someone's words ("The
    administration may wait, Schiff said."): the subject of its last verb of saying, with that verb."""
    if s_idx == 0:
        return None
    prev = sentences[s_idx - 1]
    span = _tokens(doc, prev.start, prev.end)
    if span is None:
        return None
    for verb in reversed(_speech_verbs(span, (0, 0))):
        if verb.idx in resolver.quote_chars:
            continue
        subj = _subject(verb)
        if subj is None or subj.dep_ == "nsubjpass":
            continue
        speaker = _speaker_from_token(subj, resolver)
        if speaker.name is not None:
            return speaker, _cue_text(verb)
    return None


def _is_embedded(text: str, span: Span_, sent_start: int, sent_end: int, doc: Any) -> bool:
    """A quote woven into a sentence's own words (partial) rather than a whole utterance (direct).

    Direct: the quote opens its sentence, follows a colon or dash, follows a verb of saying
    ("he explained, “and so …”"), or follows a comma and opens with a capital ("and that, “Both …").
    """
    inner = text[span.start:span.end].lstrip()
    before = text[sent_start:span.open_at].rstrip().rstrip("'`").rstrip()  # the first mark of NYT's ''…''
    if before == "" or before.endswith((":", "—", "–")) or re.search(r"[.!?][\"”’']?$", before):
        return False  # (a mark right after a full stop opens a new utterance; the parser may hang it on the last)
    toks = _tokens(doc, max(sent_start, span.open_at - 40), span.open_at)
    words = [t for t in toks if not t.is_punct] if toks is not None else []
    if words and words[-1].lemma_.lower() in SPEECH_VERBS and words[-1].pos_ in ("VERB", "AUX") \
            and not _so_called(words[-1]):
        return False
    if before.endswith(",") and inner[:1].isupper():
        return False
    return True


def _introduced_by(sentences: Sequence[Sentence], s_idx: int, doc: Any,
                   resolver: Resolver) -> tuple[Speaker, str] | None:
    """The sentence before ends with a colon after a verb of saying: "Putin said:"."""
    if s_idx == 0:
        return None
    prev = sentences[s_idx - 1]
    if not prev.text.rstrip().endswith(":"):
        return None
    span = _tokens(doc, prev.start, prev.end)
    if span is None:
        return None
    verbs = _speech_verbs(span, (0, 0))
    if not verbs:
        # "Michaël Gillon, University of Liège:" on its own line: a short line naming one person or body
        if _words(prev.text) > INTRO_LINE_MAX_WORDS:
            return None
        speaker = _speaker_between(doc, prev.start, prev.end, resolver)
        return (speaker, "") if speaker.name else None
    speaker = _speaker_from_token(_subject(verbs[-1]), resolver)
    return (speaker, _cue_text(verbs[-1])) if speaker.name else None


def _attribute_pull_quotes(quotes: list[Quote], indices: list[int]) -> None:
    for i in indices:
        pq = quotes[i]
        best = None
        for q in quotes:
            if q is pq or q.speaker is None:
                continue
            score = fuzz.partial_ratio(pq.text.lower(), q.text.lower())
            if score >= 90 and (best is None or score > best[0]):
                best = (score, q)
        if best is not None:
            q = best[1]
            quotes[i] = Quote(text=pq.text, start=pq.start, end=pq.end, speaker=q.speaker, speaker_id=q.speaker_id,
                              cue=None, kind="direct", via=q.via, rule="pull_quote", sentence=pq.sentence)


def _reported_clause(tok: "Token", doc: Any, quoted: Sequence[tuple[int, int]], resolver: Resolver,
                     settings: Settings, doc_text: str) -> Quote | None:
    """Reported speech cued by this verb: "X said that …", "X accused Y of …", "X urged Y to …".

    The verb must be one that reports words (``lexicons/report_verbs.tsv`` or the speech verbs); it is a cue when the cue table learned from PolNeAR train gives its lemma in its frame a
    rate of at least ``reported_cue_min``; a verb of saying the table has not seen is a cue with a
    clausal complement only. The rule names the lemma, frame and rate."""
    if tok.pos_ not in ("VERB", "AUX") or (
            tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)):
        return None  # ("Asked whether …, Brandt replied": a participle opening the sentence reports no speech)
    lemma = tok.lemma_.lower()
    if lemma not in report_verbs():
        return None  # "according to" has its own rule; thinking and hoping are not speech
    how = frame(tok)
    rate = cue_rate(cue_lemma(tok), how)
    if rate is not None and rate.seen >= settings.reported_cue_min_seen:
        if rate.rate < settings.reported_cue_min:
            return None
        rule = f"learned_cue:{cue_lemma(tok)}/{how} rate {rate.rate:.2f} of {rate.seen}"
    elif lemma in SPEECH_VERBS and how == "ccomp":
        rule = "speech_verb_clause"
    else:
        return None
    bounds = content_bounds(tok, how)
    if bounds is None:
        return None
    first, last = bounds
    if lemma == "report" and any(t.lemma_.lower() in SPEECH_VERBS and t.i != tok.i
                                 for t in doc[first.i:last.i + 1]):
        return None  # "X noted that …, RIA reported": RIA relays X (kept as ``via``), it is not the speaker
    c_start, c_end = first.idx, last.idx + len(last)
    if c_end <= c_start or (_mostly_quoted(c_start, c_end, quoted)
                            and _own_words(doc_text, c_start, c_end, quoted) < MIXED_OWN_WORDS):
        return None  # the quote itself; a clause with words of its own around a fragment is a mixed quote
    subj = _subject(tok)
    if subj is not None and subj.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in tok.children):
        return None  # "the government was told that …": the subject heard it, did not say it
    speaker = _speaker_from_token(subj, resolver)
    if speaker.name is None or (subj is not None and speaker.id is None and not is_agent_noun(subj)):
        return None  # "…; injuries also reported": a noun PolNeAR (and nouns like it) never makes a source
    text = doc_text[c_start:c_end]
    if _words(text) < REPORTED_MIN_WORDS:
        return None
    via = _via(tok, resolver, tok.sent, subj)
    if via is not None and via.lower() in speaker.name.lower():
        via = None
    kind, finding = _finding(subj, speaker, lemma)
    if kind == "reported" and how == "dobj" and lemma in DECISION_VERBS and subj is not None \
            and subj.lemma_.lower() in DECIDING_BODIES:
        # "The Constitutional Court confirmed the impeachment of President Park": a body that acts by ruling or
        # vote, on a noun phrase (no clause of words): its decision, kept as its attribution but not a quote
        kind, finding = "decision", f"decision: the {subj.lemma_.lower()} {lemma}s a thing, it states no words"
    rule = f"{rule}; {speaker.how}" if speaker.how else rule
    return Quote(text=text, start=c_start, end=c_end, speaker=speaker.name, speaker_id=speaker.id,
                 cue=_cue_text(tok), kind=kind, via=via, rule=f"{rule}; {finding}" if finding else rule)


def _finding(source: "Token | None", speaker: Speaker, cue_lemma: str | None) -> tuple[str, str]:
    """("finding", reason) when the source is data, not a speaker: "Surveys showed 70 per cent …", "according
    to the poll, …" — a common noun no entity resolves, whose PolNeAR sources were mostly cued by verbs other
    than saying, here with such a verb too. Kept as an attribution of that source, but not a quote of anyone."""
    if source is None or source.pos_ != "NOUN" or speaker.id is not None or cue_lemma in SPEECH_VERBS:
        return "reported", ""
    lemma = source.lemma_.lower()
    if not is_finding_source(lemma):
        return "reported", ""
    r = source_rate(lemma)
    assert r is not None
    return "finding", (f"finding: '{lemma}' is a source of data, not of words (PolNeAR train: {r.source} sources, "
                       f"{r.speech} cued by a verb of saying)")


def reported_speech(doc: Any, sentences: Sequence[Sentence], quotes: Sequence[Quote],
                    resolver: Resolver, settings: Settings) -> list[Quote]:
    """"X said that …", "…, officials said", "according to X, …" outside quotation marks."""
    out: list[Quote] = []
    quoted = [(q.start, q.end) for q in quotes if q.kind in ("direct", "partial")]
    doc_text = doc.text  # built once: Doc.text joins every token (per verb it cost ~0.1x the parse)
    for s in sentences:
        span = _tokens(doc, s.start, s.end)
        if span is None:
            continue
        for tok in span:
            found = _reported_clause(tok, doc, quoted, resolver, settings, doc_text)
            if found is not None:
                out.append(replace(found, sentence=s.i))
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and tok.nbor(1).lower_ == "to":
                obj = next((t for t in tok.nbor(1).children if t.dep_ == "pobj"), None)
                if obj is None:
                    continue
                speaker = _speaker_from_token(obj, resolver)
                if speaker.name is None:
                    continue
                # the rest of the sentence is what they say
                pp_end = max(t.i for t in tok.subtree)
                if tok.i <= span.start + 1:
                    rest = doc[pp_end + 1:span.end]
                else:
                    rest = doc[span.start:tok.i]
                words = [t for t in rest if not t.is_punct]
                if len(words) < 3:
                    continue
                first = next(t for t in rest if not t.is_punct)
                last = [t for t in rest if not t.is_punct][-1]
                c_start, c_end = first.idx, last.idx + len(last)
                if _mostly_quoted(c_start, c_end, quoted):
                    continue
                kind, finding = _finding(obj, speaker, None)
                out.append(Quote(text=doc_text[c_start:c_end], start=c_start, end=c_end, speaker=speaker.name,
                                 speaker_id=speaker.id, cue="according to", kind=kind, via=None,
                                 rule=f"according_to; {finding}" if finding else "according_to", sentence=s.i))
    return out


def _own_words(text: str, start: int, end: int, quoted: Sequence[tuple[int, int]]) -> int:
    """Words of text[start:end] outside the quoted spans (the reporter's own words)."""
    chars = [ch if not any(a - 1 <= i < b + 1 for a, b in quoted) else " " for i, ch in enumerate(text[start:end], start)]
    return _words("".join(chars))


def _mostly_quoted(start: int, end: int, quoted: Sequence[tuple[int, int]]) -> bool:
    length = max(end - start, 1)
    covered = sum(max(0, min(end, b) - max(start, a)) for a, b in quoted)
    return covered / length > 0.5

# "Zuckerberg wrote in a post:" + unquoted paragraphs: a block quote set off by a colon, not by quote marks
BLOCK_PREPOSITIONS = {"in", "on", "at", "during", "via", "through", "to", "from", "after", "before", "with", "over"}
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|We|us|our|Our|My)\b")
SINGULAR_THIRD = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")
SECOND_PERSON = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ou're|[Yy]ou’re|[Yy]ou've|[Yy]ou’ve|[Yy]ou'll|[Yy]ou’ll)\b")


def _block_verb(doc: Any, colon: "Token", sent_start: int) -> "Token | None":
    """The verb of saying whose clause a colon ends with nothing said yet ("He said:", "Hewitt writes:",
    "Zuckerberg wrote in a post:", "He told reporters:"); None when the verb already has what it reports
    before the colon ("pointed out that veterans were ignored:", "noted the sparse attendance:", "called for
    action:", "spoke out against Trump:") — the colon then introduces examples or a list, not the words."""
    before: list["Token"] = [t for t in doc[:colon.i] if t.idx >= sent_start]
    if not before:
        return None
    last = next((t for t in reversed(before) if not t.is_punct), None)
    for verb in reversed(before):
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in report_verbs():
            continue
        if last is None or not (verb.i == last.i or verb in last.ancestors):
            return None  # the colon ends another clause ("…, the forecast remains the same:")
        if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return None  # "Asked about it:" / "the statement released Tuesday:"
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("seem", "appear"):
            return None  # "Investors seem to agree:" (a hand-checked miss: a market move followed, not words)
        for c in verb.children:
            if c.i >= colon.i or c.i < verb.i and c.dep_ != "ccomp":
                continue
            if c.dep_ in ("ccomp", "xcomp", "attr", "acomp", "oprd"):
                return None
            if c.dep_ in ("dobj", "dative") and not (verb.lemma_.lower() == "tell" and c.dep_ in ("dobj", "dative")
                                                     or c.lower_ in ("this", "following")):
                return None  # ("told reporters:" names the addressee; "said this:" points at the words)
            if c.dep_ == "prep" and c.lower_ not in BLOCK_PREPOSITIONS:
                return None
        return verb
    return None


_URL = re.compile(r"\S*(?:https?://|www\.|\.(?:com|co|org|net)/)\S*")


def _before_next_attribution(doc: Any, sentences: Sequence[Sentence], start: int, end: int) -> int:
    """Where the words after a colon in the same paragraph end: before a later sentence of it that attributes
    words of its own ("… Jason Furman … said that …", "…, veteran Republicans said."; two hand-checked spans
    that ran on into them)."""
    for s in sentences:
        if start < s.start < end:
            span = _tokens(doc, s.start, s.end)
            if span is not None and (_speech_verbs(span, (0, 0)) or "according to" in s.text.lower()):
                return s.start
    return end


def _block_paragraphs(text: str, doc: Any, paras: Sequence[Any], first: int, speaker: Speaker,
                      settings: Any) -> int:
    """Index past the last paragraph of a colon block that starts at paragraph ``first``: the first paragraph
    always (PolNeAR: 12 of 12 such attributions end with it); then, up to ``colon_block_max_paragraphs`` in all,
    the paragraphs up to the last one that speaks in the speaker's voice — the first person ("we", "our") or to
    the reader ("you", "your"; a news writer's own narration does neither) — with no mark of the writer's voice
    between: a paragraph of neither person that lies between two in the speaker's voice is theirs too (a blog
    post's "There will be no ads …" between its "we" paragraphs: the writer does not come back without a sign).
    The writer's voice is back at a paragraph with a quote mark, a verb of saying, "according to", he/she, a
    colon that ends it (a new introduction), or, in a paragraph that neither speaks in the first person nor to
    the reader, a verb in the past tense or a word of the speaker's name (the writer narrating events or the
    speaker: "The fire started on Sunday", "Acme was founded in …"; the speaker naming itself in its own "we"
    paragraph stays theirs); "they"/"their" alone is no sign (a company writes of its users)."""
    last = first + 1
    name_words = {w for w in re.findall(r"[A-Z][\w’'-]+", speaker.name or "") if len(w) > 2}
    stop = min(len(paras), first + max(settings.colon_block_max_paragraphs, 1))
    for i in range(first + 1, stop):
        p = paras[i]
        body = text[p.start:p.end]
        span = _tokens(doc, p.start, p.end)
        voiced = bool(FIRST_PERSON.search(body) or SECOND_PERSON.search(body))
        if p.kind != "body" or span is None or any(m in body for m in OPENERS) or body.rstrip().endswith(":") \
                or SINGULAR_THIRD.search(body) or _others_speak(span, settings) or "according to" in body.lower() \
                or not voiced and (any(t.tag_ == "VBD" for t in span)
                                   or any(w in name_words for w in re.findall(r"[A-Z][\w’'-]+", body))):
            break
        if voiced:
            last = i + 1
    return last


def _others_speak(span: "Span", settings: Any) -> bool:
    """A verb of saying in the paragraph, in a frame PolNeAR annotates as a cue, whose subject is not the
    speaker's own "I"/"we"/"you" ("as we said last year" stays the speaker's; "You can continue to enjoy" is
    no cue)."""
    for verb in _speech_verbs(span, (0, 0), settings):
        subj = _subject(verb)
        if subj is None or not (FIRST_PERSON.fullmatch(subj.text) or SECOND_PERSON.fullmatch(subj.text)):
            return True
    return False


def colon_blocks(doc: Any, paragraphs: Sequence[Any], sentences: Sequence[Sentence], quotes: Sequence[Quote],
                 resolver: Resolver, settings: Any) -> list[Quote]:
    """A speaker's words set off by a colon, not by quote marks: "Zuckerberg wrote in a post:" and the paragraph
    after it, or "He said: The race is over." and the rest of its paragraph. Kind ``reported`` (the marks that
    would show the words verbatim are missing), speaker and cue from the verb before the colon, which must be
    a verb that reports words, learned as a cue with a clause (``reported_cue_min``), with nothing reported
    before the colon (``_block_verb``). The extent is ``_block_paragraphs``."""
    if not settings.colon_block_max_paragraphs or not paragraphs:
        return []
    text = doc.text
    paras = [p for p in paragraphs if p.end > p.start]
    quoted = [(q.start, q.end) for q in quotes if q.kind in ("direct", "partial")]
    out: list[Quote] = []
    taken = 0
    for colon in doc:
        if colon.text != ":" or colon.idx < taken:
            continue
        pi = next((i for i, p in enumerate(paras) if p.start <= colon.idx < p.end), None)
        if pi is not None and paras[pi].kind in ("title", "heading"):
            label = _title_label(text, paras[pi], colon, sentences, resolver)
            if label is not None:
                out.append(label)
            continue
        if pi is None or paras[pi].kind != "body":
            continue
        sent = next((s for s in sentences if s.start <= colon.idx < s.end + 1), None)
        verb = _block_verb(doc, colon, sent.start if sent is not None else paras[pi].start)
        if verb is None or colon.idx in resolver.quote_chars:
            continue
        why = _block_cue(verb, settings)
        subj = _subject(verb)
        if why is None or subj is None or subj.dep_ == "nsubjpass":
            continue
        speaker = _speaker_from_token(subj, resolver)
        if speaker.name is None or (speaker.id is None and not is_agent_noun(subj)):
            continue
        extent = _block_extent(doc, paras, pi, colon, sentences, speaker, settings)
        if extent is None:
            continue
        start, end, where = extent
        if not _is_person(subj, resolver) and SINGULAR_FIRST.search(outside_quotes(text[start:end], keep_offsets=False)):
            speaker = _writer_of(doc, resolver, subj, speaker)
        while end > start and text[end - 1].isspace():
            end -= 1
        words = text[start:end]
        if words[:1] in QUOTE_MARKS or words[:1] == "<" or _words(_URL.sub(" ", words)) < REPORTED_MIN_WORDS \
                or _mostly_quoted(start, end, quoted):
            continue  # a quote in marks has its own rules (``introduced``); markup is an embed
        out.append(Quote(text=words, start=start, end=end, speaker=speaker.name, speaker_id=speaker.id,
                         cue=_cue_text(verb), kind="reported", via=None,
                         sentence=_sentence_index(sentences, start),
                         rule=f"colon_block: {why}; the words are {where}"
                              + (f"; {speaker.how}" if speaker.how else "")))
        taken = end
    return out


SINGULAR_FIRST = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|My|myself)\b")


def _writer_of(doc: Any, resolver: Resolver, subj: "Token", org: Speaker) -> Speaker:
    """An organisation does not write "I": a colon block given to one ("On its blog, Acme posted:") that speaks in
    the first person singular is the words of the one person the article names by the organisation's name
    ("Acme co-founder Ann Lee", "Ann Lee, Acme's chief executive"); with none or several, the organisation stays."""
    names = {t.lower_ for t in subj.subtree if t.pos_ == "PROPN"} or {subj.lower_}
    found: dict[str, Speaker] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        near = [t for t in ent.root.subtree if not ent.start <= t.i < ent.end and abs(t.i - ent.start) <= 8]
        i = ent.start - 1  # the noun phrase before the name: "Acme co-founder", "Acme's chief executive"
        while i >= max(ent.sent.start, ent.start - 6) and (doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "PART")
                                                          or doc[i].text in ("-", "–")):
            near.append(doc[i])
            i -= 1
        if any(t.lower_ in names for t in near):
            person = _speaker_from_token(ent.root, resolver)
            if person.name:
                found[person.id or person.name] = person
    if len(found) != 1:
        return org
    person = next(iter(found.values()))
    return Speaker(person.name, person.id, f"an organisation does not write 'I': {org.name}'s {person.name}, named "
                                           f"by it in the article")


def _block_cue(verb: "Token", settings: Any) -> str | None:
    """Why a verb before a colon reports words (its learned cue rate with a clause, or a verb of saying the
    table has not seen), or None."""
    rate = cue_rate(cue_lemma(verb), "ccomp")
    if rate is not None and rate.seen >= settings.reported_cue_min_seen:
        if rate.rate < settings.reported_cue_min:
            return None
        return f"learned_cue:{cue_lemma(verb)}/ccomp rate {rate.rate:.2f} of {rate.seen}"
    return "speech_verb" if verb.lemma_.lower() in SPEECH_VERBS else None


def _block_extent(doc: Any, paras: Sequence[Any], pi: int, colon: "Token", sentences: Sequence[Sentence],
                  speaker: Speaker, settings: Any) -> tuple[int, int, str] | None:
    """(start, end, how) of the words after a colon: the rest of its paragraph up to a sentence attributing words
    of its own, or, when the colon ends the paragraph, the paragraph(s) after it (``_block_paragraphs``)."""
    text = doc.text
    rest = text[colon.idx + 1:paras[pi].end]
    if rest.strip():
        start = colon.idx + 1 + len(rest) - len(rest.lstrip())
        return start, _before_next_attribution(doc, sentences, start, paras[pi].end), "the rest of its paragraph"
    if pi + 1 < len(paras) and paras[pi + 1].kind == "body":
        last = _block_paragraphs(text, doc, paras, pi + 1, speaker, settings)
        n = last - pi - 1
        return paras[pi + 1].start, paras[last - 1].end, f"{n} paragraph{'s' if n > 1 else ''} after it"
    return None


def _title_label(text: str, para: Any, colon: "Token", sentences: Sequence[Sentence],
                 resolver: Resolver) -> Quote | None:
    """A headline "Name: words" without quote marks ("Pat Caddell: Democrat Voters Worried …"): the words are
    the named person's or body's when the article names them (PolNeAR marks 7 of the 15 colon attributions its
    dev split has that we otherwise miss this way); a label that is no one the article names ("Poll:",
    "Analysis:", a place) gives nothing."""
    m = _HEADLINE_LABEL.match(text, para.start)
    if m is None or m.end() <= colon.idx or m.group(1).upper().rstrip(".") in NOT_LABELS:
        return None
    speaker = _named_speaker(m.group(1), m.start(1), resolver)
    start, end = m.end(), para.end
    while end > start and text[end - 1].isspace():
        end -= 1
    words = text[start:end]
    if speaker.id is None or words[:1] in QUOTE_MARKS or _words(words) < REPORTED_MIN_WORDS:
        return None  # (a quoted headline after a label has its own rule: ``headline_label``)
    return Quote(text=words, start=start, end=end, speaker=speaker.name, speaker_id=speaker.id, cue=None,
                 kind="reported", via=None, sentence=_sentence_index(sentences, start),
                 rule="colon_block: a headline's label names who says the words after it")


def _with_colon_blocks(reported: list[Quote], blocks: Sequence[Quote], text: str) -> list[Quote]:
    """Reported speech with the colon blocks added; a reported clause of the block's own verb gives way to the
    block: one the parser hung across the colon ("He said: The race is over." read as "said [that] the race is
    over") and one that is only what stands between the verb and the colon ("wrote | in a post |:")."""
    if not blocks:
        return reported
    kept = [r for r in reported if not any(
        r.speaker == b.speaker and r.cue == b.cue and (b.start <= r.start < b.end and r.start - b.start <= 3
                                                       or r.end <= b.start and text[r.end:b.start].strip() == ":")
        for b in blocks)]
    return sorted(kept + list(blocks), key=lambda q: q.start)
