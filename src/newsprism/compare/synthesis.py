"""A neutral account from a Comparison: a short list of statements a fact-checker could sign, each citing
exactly the articles that support it and pointing at the supporting span in each.

- **Corroborated facts** (most outlets and most central first), stated only on a pair aligned at
  ``corroborate_min`` (not on a word two renderings borrow in quote marks alone), in a supporting article's
  own words: the plainest rendering (no lexicon-subjective word, a whole sentence, the shortest). When every
  rendering is evaluative (a loaded word, an evaluative phrase or epithet, a scare quote, a hedge, a sentence
  the bias model flags) or in the first person it is attributed ("According to <outlet>, …").
- **Multi-fact sentences**: a sentence cites and states only the clause pieces the other members share
  (trailing pieces none of whose content another member has are cut); a dependent clause ("and which …")
  supports a fact but is never stated through its whole sentence.
- **Single-source sentences** only where it is shown that no other article states them: the best alignment
  score of the sentence or any clause of it with any unit of any other article is below ``unique_align_max``
  (far under ``paraphrase_min``); that score is the item's reason; labelled "According to <outlet> alone, …".
- **Well-formed statements only** (:func:`ill_formed`): a finite main verb with its subject on the parse; no
  question, call to action, bio or caption line, sentence cut short, or start that hangs on a sentence
  before it; no page chrome, credits, datelines, bare attribution fragments or dangling pronoun subjects.
- **Undecided citations are not said** (``complete_citations``): a statement whose uncited article's best unit the
  learned span check can neither accept nor refuse (``synthesis_abstain_min`` up to ``synthesis_complete_min``, or
  accepted without the statement's predicate), or that cites a span writing none of its predicates that the check
  doubts (``synthesis_cited_predicate_min``), is left out; its fact's reason says why. A fact-checker prefers a
  shorter synthesis to an under-cited one.
- **Number conflicts** per measure as a range with sources and dates ("Reported people killed rose from 65
  (The News, 2017-09-19) to 360 (Xinhua, 2017-09-30)").

Sentences are taken from the articles, never generated, so nothing is said that no article said; words an
article puts in someone's mouth stay attributed to that speaker. Every item carries its ``reason``.
"""

from __future__ import annotations

from collections import defaultdict

import datetime as dt
import logging
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from .. import nlp
from ..lexicons import babe_words, subjectivity, vader
from ..records import AnalyzedArticle, Claim, Comparison, Fact, FramingCue, Quantity, Sentence, short_source
from ..settings import DEFAULT, Settings
from ..stages.bias_words import is_candidate, score_token
from ..stages.claims import resolve_date
from ..stages.framing import topic_gate, word_counts
from ..stages.quantities import is_count, ranges_compatible
from ..stages.sentences import statement_problem
from ..stages.sources import is_person_noun
from ..text.words import outside_quotes, zipf
from .conflict_subject import Subject, shared_subject, value_subjects
from .assertion import ATTRIBUTION, attributed_by_most, claim_problem, other_name, pledge, stance
from .facts import (CLAUSE_BREAK, EVALUATIVE_CUES, FACTUAL, NARROW_COVER, POLARITY, clause_runs, fact_claims,
                    fact_units)
from .details import detail_missing, dropped_for
from .span_check import predicate_shared, span_checks
from .standalone import features as stand_features
from .standalone import statement_subject
from .standalone import leans_on_context, topic_words
from .verify import Verifier, is_caption, is_chrome, is_fragment, is_headline, same_figure, strip_credit

_log = logging.getLogger(__name__)

# the outlet's own judgement: a loaded word, an evaluative phrase or an epithet built on one, a scare quote,
# a distancing hedge, a sentence the bias model flags
def _label(comparison: Comparison, article_id: str) -> str:
    for a in comparison.articles:
        if a.id == article_id:
            art = a.article
            date = f" ({art.published})" if art.published else ""
            if art.file_name:  # no outlet's name: the article is named by its headline and the file it was read from
                if art.short_title:  # in single quotes and before any comma: the statement's own quote marks
                    # and the comma that ends "According to …," stay the statement's
                    title = art.short_title.split(",")[0].rstrip("…") + ("…" if "," in art.short_title else "")
                    return f"the article ‘{title.replace('’', chr(39))}’ in file “{art.file_name}”{date}"
                return f"the article in file “{art.file_name}”{date}"
            if art.outlet or art.label != art.title:  # an outlet or a web host
                return f"{art.label}{date}"
            title = art.title or short_source(art.source)
            title = title if len(title) <= 50 else title[:49].rstrip() + "…"
            return f"the article “{title}”{date}"
    return article_id


def _sentence_text(comparison: Comparison, claim: Claim) -> str:
    """The whole sentence a claim comes from (a reported clause keeps its "X said")."""
    for a in comparison.articles:
        if a.id == claim.article:
            for s in a.sentences:
                if s.i == claim.sentence:
                    return s.text
    return claim.text


LEAD_CONJUNCTION = re.compile(r"^(?:and|but|while|whereas|although|as(?!\s+(?:part|a|an|the|of|for|well|such|usual|"
                              r"expected|planned|promised|a result)\b)|yet|so)\s+", re.IGNORECASE)
SUBORDINATE = re.compile(r"^(?:which|who|whom|whose|where|when|after|before|including|making|leaving|adding|"
                         r"bringing|according)\b", re.IGNORECASE)


def _stated(comparison: Comparison, claim: Claim) -> str:
    """What the synthesis states for a unit: its sentence, or for a clause the clause alone (its
    sentence says more than the fact the other articles share, or a sentence cut to its shared part), unless the clause cannot stand alone
    ("which …", "after …", "climbing on …", under five words): then its sentence."""
    if claim.part == "clause":
        clause = _standalone(claim)
        if clause:
            return clause
    return drop_connective(_sentence_text(comparison, claim))


def _standalone(claim: Claim) -> str | None:
    """A clause as a statement of its own, or None when it cannot stand alone ("which …", "after …",
    "climbing on …", under five words)."""
    clause = drop_connective(LEAD_CONJUNCTION.sub("", claim.text.strip()))
    first = clause.split(" ", 1)[0].lower()
    participle = first.endswith(("ing", "ed")) and first not in STOP_WORDS  # "climbing on police buses"
    if not SUBORDINATE.match(clause) and not participle and len(clause.split()) >= 5 \
            and not len(DASH.findall(clause)) % 2:  # not one half of an aside between dashes
        return clause[0].upper() + clause[1:]
    return None


def _sayable(comparison: Comparison, claim: Claim) -> bool:
    """May this unit's words be the synthesis' statement? Not a clause that cannot stand alone: its
    sentence would say more than the fact the other articles share (the clause still supports the fact)."""
    return claim.part != "clause" or _standalone(claim) is not None


def _pick(comparison: Comparison, claims: Sequence[Claim], members: Sequence[Claim] = ()) -> Claim:
    """The plainest unit to state: the fewest figures no other member gives (a figure one article adds is
    a fact of its own), then one without a subjective word (a published lexicon's: BABE's biased words,
    Pattern subjectivity ≥ 0.8, |VADER valence| ≥ 2) before one with, a whole sentence before a clause,
    then the one every other article's span holds most of (to a tenth: the part they share, not one outlet's
    wording of the rest), a whole sentence before a clause, then the shortest."""
    return min(claims, key=lambda c: _pick_key(comparison, c, members))


def _pick_key(comparison: Comparison, c: Claim, members: Sequence[Claim]) -> tuple[bool, int, bool, float, bool, int]:
    # where most articles give the fact's source ("according to the company", "police said"), a rendering that
    # keeps it comes first: the synthesis does not state flat what its articles attribute
    spans = [(m.article, _holding(comparison, m)) for m in members]
    return (attributed_by_most(spans) and not ATTRIBUTION.search(_stated(comparison, c)),
            _extra_figures(comparison, c, members), subjective(_stated(comparison, c)) > 0,
            -round(_held_by_all(comparison, c, members), 1), c.part == "clause", len(_stated(comparison, c)))


def _held_by_all(comparison: Comparison, claim: Claim, members: Sequence[Claim]) -> float:
    """The smallest share of a unit's stated words that another article's member holds (its best member)."""
    said = _stems(_stated(comparison, claim))
    if not said:
        return 0.0
    best: dict[str, float] = {}
    for m in members:
        if m.article != claim.article:
            share = len(said & _stems(_holding(comparison, m))) / len(said)
            best[m.article] = max(best.get(m.article, 0.0), share)
    return min(best.values(), default=0.0)


FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _extra_figures(comparison: Comparison, claim: Claim, members: Sequence[Claim]) -> int:
    """How many figures of a unit's statement no member of another article gives."""
    others = [o.text for o in members if o.article != claim.article]
    if not others:
        return 0
    theirs = {f.replace(",", "") for t in others for f in FIGURE.findall(t)}
    return sum(1 for f in FIGURE.findall(_stated(comparison, claim)) if f.replace(",", "") not in theirs)


def subjective(text: str) -> int:
    """How many words of a sentence a published lexicon marks as subjective or strongly valenced (outside
    quote marks, and not the words of harm a news report states as fact)."""
    babe, subj, val = babe_words(), subjectivity(), vader()
    outside = outside_quotes(text, keep_offsets=False)
    words = [w.lower() for w in re.findall(r"[A-Za-z][a-z’'-]+", outside)]
    return sum(1 for w in words if w not in FACTUAL and w not in STOP_WORDS and (
        w in babe or subj.get(w, (0.0, 0.0))[1] >= 0.8 or abs(val.get(w, 0.0)) >= 2))


def _finish(text: str) -> str:
    text = strip_credit(" ".join(text.split()))
    if text.count("“") > text.count("”"):
        text += "”"
    elif text.count('"') % 2:
        text += '"'
    return text if re.search(r"[.!?…][”\"’)]*$", text) else text + "."


# "today's most popular devices" is no day ("on 6 January 2008's" says nothing): a possessive stays
RELATIVE_DAY = re.compile(r"\b(today|yesterday|tomorrow)\b(?![’']s\b)", re.IGNORECASE)


def _dated(comparison: Comparison, article_id: str, text: str) -> str:
    """A relative day in the outlet's own voice ("The court today confirmed …") stated as the day it means by
    that article's date ("… on 10 March 2017 confirmed …", resolved by the claims stage's ``resolve_date``): the
    synthesis speaks for articles of several days. Inside quotation marks the word is the speaker's and stays;
    without a date, or with one of low confidence (a numeric date that reads two ways and the page says not
    which: ``published_confidence=low``), nothing changes."""
    a = _article(comparison, article_id)
    published = a.article.published[:10] if a is not None and a.article.published else None
    if a is None or published is None or "published_confidence=low" in a.article.metadata_rules:
        return text

    def stated(m: re.Match[str]) -> str:
        before = text[:m.start()]
        if before.count("“") > before.count("”") or before.count('"') % 2:
            return m.group(0)
        try:
            day = dt.date.fromisoformat(resolve_date(m.group(1), published) or "")
        except ValueError:
            return m.group(0)
        return f"{'On' if m.group(1)[0].isupper() else 'on'} {day.day} {day:%B} {day.year}"
    return RELATIVE_DAY.sub(stated, text)


def _lower_first(text: str, names: Sequence[str] = ()) -> str:
    """Lower-case a sentence's first word after "According to X," when it is a function word ("The warnings
    …" → "the warnings …") or a common English word that begins none of the article's names ("Apartment
    blocks …" → "apartment blocks …"; "Lena Varga …", "Spanish police …", "TRAPPIST-1 …" and a title before a
    capitalised word, "Prime Minister Johan …", stay)."""
    first, _, rest = text.partition(" ")
    if first.isupper() or not first[:1].isupper():
        return text
    word = re.sub(r"[^\w’'-]+$", "", first)
    titled = rest[:1].isupper() and (word == first or first == word + ".")  # "Prime Minister …", "Ms. Ernst …"
    base = re.sub(r"[’']s$", "", word)  # "Brown's office …": a name's possessive
    common = word[1:].islower() and zipf(word.lower()) >= 3.5 and not titled and not any(
        base in n.split() for n in names if n.split())
    return text[0].lower() + text[1:] if first.lower() in STOP_WORDS or common else text


def _names(comparison: Comparison, article_id: str) -> list[str]:
    """The names an article's entities are mentioned by."""
    a = _article(comparison, article_id)
    return [m.text for e in (a.entities if a else ()) for m in e.mentions]


def _representative(comparison: Comparison, claims: Sequence[Claim]) -> str:
    claims = [c for c in claims if c.part != "attribution"] or list(claims)
    own = [c for c in claims if not c.quote]
    if own:
        return _finish(_stated(comparison, _pick(comparison, own)))
    best = min(claims, key=lambda c: len(c.text))
    speaker = best.asserted_by_name or "a speaker"
    # the quoted words alone: “…” inside the sentence, or up to ” when the quote began in an earlier sentence
    m = re.search(r"[“\"]([^”\"]+)[”\"]", best.text) or re.match(r"\s*([^“”\"]+)[”\"]", best.text)
    words = (m.group(1) if m else best.text.strip().strip("“”\"")).strip().rstrip(", ")
    if words[:1].islower():  # the quote is cut at its start: say so
        words = "… " + _cut_start(words)
    return _finish(f"{speaker[:1].upper()}{speaker[1:]}{QUOTED_AS}“{words}”")


def _cut_start(words: str) -> str:
    """Quoted words cut at their start, without a leading connective, each letter in the case the speaker's words
    have it ("and I will always …" → "I will always …", never "i will"; "but the world …" → "the world …")."""
    stripped = words.strip()
    rest = CONNECTIVE.sub("", stripped, count=1)
    return rest if rest != stripped else stripped


QUOTED_AS = " was quoted as saying: "
# the synthesis' own frame around an article's words: what a cited span need not hold
FRAME = re.compile(r"^(?:According to [^,]+, |[^“]{1,80}?" + re.escape(QUOTED_AS) + ")")


def _article(comparison: Comparison, article_id: str) -> AnalyzedArticle | None:
    return next((a for a in comparison.articles if a.id == article_id), None)


def evaluative(comparison: Comparison, claim: Claim,
               cues: Mapping[str, Sequence[FramingCue]] | None = None) -> str | None:
    """The outlet's own evaluative cue in a claim's sentence (a loaded word, a scare quote, a sentence the
    bias model flags), or None. Words inside someone's quote are theirs, not the outlet's. ``cues``: the
    articles' cues before the story's shared topic words were set aside (a shared loaded word still judges)."""
    a = _article(comparison, claim.article)
    if a is None:
        return None
    for cue in (cues or {}).get(claim.article, a.framing):
        if cue.cue in EVALUATIVE_CUES and cue.speaker is None and claim.start <= cue.start < claim.end \
                and (cue.loaded_word or cue.text).lower() not in FACTUAL:
            return f"{cue.cue} “{cue.text}”"
    return None


_word_bias: dict[str, str | None] = {}


def _bias_key(settings: Settings, text: str) -> str:
    """The key of a statement's loaded-word verdict in ``_word_bias``: the text and the thresholds that decide it."""
    return f"{settings.synthesis_loaded_min}|{settings.synthesis_cue_min}|{text}"


def loaded_word(text: str, settings: Settings = DEFAULT) -> str | None:
    """The framing stage's word-level bias tagger (trained on BABE) run over a statement before it is said
    in the synthesis' own voice, at the lower ``synthesis_loaded_min``: a word it leans towards loaded
    ("paltry", "dwarfing") outside quote marks makes the statement the outlet's, or None."""
    key = _bias_key(settings, text)
    if key not in _word_bias:
        prime_loaded([text], settings)
    return _word_bias[key]


def prime_loaded(texts: Sequence[str], settings: Settings = DEFAULT) -> None:
    """Run the word tagger over the statements not yet seen, parsed in one batch (see :func:`loaded_word`)."""
    todo = [t for t in dict.fromkeys(texts) if _bias_key(settings, t) not in _word_bias]
    if not todo:
        return
    if len(_word_bias) > 20000:
        _word_bias.clear()
    outside = [outside_quotes(t) for t in todo]
    for text, doc in zip(todo, nlp.parse_cached(outside, batch_size=64), strict=True):
        found = None
        counts = word_counts(doc)
        for tok in doc:
            if is_candidate(tok) and tok.lower_ not in FACTUAL:
                p = score_token(tok).probability
                if p < settings.synthesis_loaded_min:
                    continue
                # the framing stage's learned cue decision: topic words, description and plain adverbs
                # ("independently", "messaging") are set aside; a word of judgement ("paltry") is kept
                _, g, _ = topic_gate(tok, p, counts)
                if g >= settings.synthesis_cue_min:
                    found = (f"loaded “{tok.text}” (word tagger {p:.2f} >= synthesis_loaded_min "
                             f"{settings.synthesis_loaded_min}, cue classifier {g:.2f} >= synthesis_cue_min "
                             f"{settings.synthesis_cue_min})")
                    break
        _word_bias[_bias_key(settings, text)] = found


def first_person(text: str) -> bool:
    """Someone's own words the quote finder missed (a blog post or statement in the first person, "we're
    going to work hard …", or one that addresses its readers, "you can continue to use …"): outside quote
    marks, a first- or second-person pronoun is not the outlet's voice."""
    outside = INCLUSIVE_OUR.sub(" ", outside_quotes(text, keep_offsets=False))
    return bool(re.search(r"\b(?:I|I'm|I’m|I've|I’ve)\b", outside) or
                re.search(r"\b(?:we|we're|we’re|we've|we’ve|our|ours|my|me)\b", outside, re.IGNORECASE) or
                re.search(r"(?<![.\w])(?:us|Us)\b(?!\.)", outside) or  # "us", never "US" or "U.S." (the country)
                re.search(r"\b(?:you|you're|you’re|you've|you’ve|your|yours)\b", outside, re.IGNORECASE))


# the inclusive "our" of narration about the world every reader shares ("than Mercury is to our sun", "outside our
# solar system", "our own galaxy"): the outlet's voice, not someone's first-person words
INCLUSIVE_OUR = re.compile(r"\bour\s+(?:own\s+)?(?:sun|solar\s+system|galaxy|milky\s+way|planet|home\s+planet|moon|"
                           r"earth|universe|species|cosmic\s+neighbou?rhood)\b", re.IGNORECASE)


# a subject a reader cannot resolve once the sentence stands alone: "They were warned …", "That would
# represent …", "Like thousands of Catalans, they began …" (a fronted phrase, then the pronoun)
DANGLING = re.compile(r"^(?:(?:and|but|so|yet|still|then|also|however|like|unlike|as|in|on|at|by|with|after|before)"
                      r"\b[^,]{0,60},\s*)?(?:they|he|she|this|that|these|those|them|his|her|their|its)\b"
                      r"(?!\s+(?:year|week|month|morning|afternoon|evening|weekend|summer|spring|autumn|winter|time)\b)",
                      re.IGNORECASE)


ONE_OF = re.compile(r"^(?:one|another|the other)\s+(?:is|was)\b", re.IGNORECASE)  # "One is a 72 year old man, …"


# a fronted phrase whose object is a pronoun: "For that, there are only estimates."
OBJECT_LEAD = re.compile(r"^(?:for|of|in|on|at|by|with|after|before|despite|because of|beyond|unlike)\s+"
                         r"(?:that|this|it|them|those|these|him|her)\s*,", re.IGNORECASE)


def dangling(text: str, parse: bool = True) -> bool:
    """A statement whose subject is a pronoun or demonstrative with nothing to refer to once it is
    lifted out of its article ("That would represent …"); a demonstrative determining a noun names its
    referent ("This deal offers …", on the parse; with ``parse`` False a leading demonstrative is left to the
    analysis' verdict on the sentence, ``Sentence.problem``)."""
    t = text.strip().lstrip("“\"‘'(")
    if ONE_OF.match(t) or OBJECT_LEAD.match(t):
        return True
    m = DANGLING.match(t)
    if not m:
        return False
    if m.group(0).split()[-1].lower() in ("this", "that", "these", "those") and m.start() == 0:
        return parse and not _determines_noun(t)
    return True


@lru_cache(maxsize=4096)
def _determines_noun(text: str) -> bool:
    first = nlp.parse([text])[0][0]
    return first.dep_ == "det" and first.head.pos_ in ("NOUN", "PROPN")


# adjectives that raise their clause's subject: "it was likely to happen" speaks of something, unlike the
# extraposed "it is hard to say" (on the parse both are "it" + acomp + xcomp)
RAISING = frozenset({"likely", "unlikely", "certain", "sure", "bound", "set", "due", "about", "able", "unable"})
_REFERRING = frozenset({"it", "they", "them", "this", "that", "these", "those"})


def _finite(verb: Any) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


def _pleonastic(tok: Any) -> bool:
    """ "it" that only anticipates a clause: "It is clear that …", "It was reported that …", "It is hard to say …";
    not "it was designed to …" nor the raised "it was likely to happen …"."""
    head = tok.head
    copular = head.lemma_ in ("be", "seem", "appear", "become", "matter", "remain") or any(
        k.dep_ == "auxpass" for k in head.children)
    if copular and any(k.dep_ in ("ccomp", "csubj", "csubjpass") for k in head.children):
        return True
    if any(k.dep_ in ("acomp", "attr") and k.lower_ not in RAISING and any(g.dep_ in ("ccomp", "xcomp")
                                                                          for g in k.children)
           for k in head.children):
        return True
    return head.lemma_ == "be" and any(k.dep_ == "xcomp" for k in head.children) and any(
        k.dep_ in ("acomp", "attr") and k.lower_ not in RAISING for k in head.children)


def _modifier_holds(noun: Any, pronoun: Any, ancestors: set[int]) -> bool:
    """Whether the pronoun sits in the noun's own modifier — a relative or infinitival clause under it ("the bill
    that funds it"), or one that opens right after it, however the parse attached it ("any measure to block it")."""
    if noun.i in ancestors and any(a.dep_ in ("acl", "relcl") and a.i in ancestors for a in noun.children):
        return True
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return nxt is not None and nxt.lower_ == "to" and nxt.dep_ == "aux" and nxt.head.pos_ == "VERB" \
        and nxt.head.i in ancestors and nxt.head.i < pronoun.i


def _antecedent(tok: Any, doc: Any) -> bool:
    """Whether the sentence names, before the pronoun, something it may stand for: a noun of its number that is
    not its own clause's subject when the pronoun is that clause's object or the subject of a non-finite clause
    under it ("Republicans want them extended": "them" is not the Republicans; "Officials said they would …":
    "they" may be), nor the one told in "told X that it …"."""
    plural = tok.lower_ in ("they", "them", "these", "those")
    barred = set()
    head = tok.head
    if tok.dep_ in ("dobj", "iobj", "dative"):
        barred |= {c.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass")}
    if tok.dep_ in ("nsubj", "nsubjpass") and not _finite(head) and head.head is not head:
        barred |= {c.i for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")}
    if tok.lower_ in ("this", "that", "these", "those"):  # "Ms. Ernst said that qualified her …": a demonstrative
        barred |= {c.i for a in tok.ancestors for c in a.children if c.dep_ in ("nsubj", "nsubjpass")}  # not the speaker
    ancestors = {a.i for a in tok.ancestors}
    personal = [t.i for t in doc[:tok.i] if t.lower_ in ("he", "him", "his", "she", "her")]
    for t in doc[:tok.i]:
        if t.i in barred or t.pos_ not in ("NOUN", "PROPN") or t.dep_ == "compound":
            continue
        if not plural and t.pos_ == "NOUN" and _modifier_holds(t, tok, ancestors):
            continue  # "any measure to block it": a noun is not what its own modifier's "it" stands for
        if not plural and t.pos_ == "PROPN" and any(t.i < p for p in personal):
            continue  # "Obama said he would …": a name a later "he" stands for is a person, not "it"
        if t.dep_ in ("dobj", "dative") and t.head.lemma_.lower() in REPORTING:
            continue  # the one spoken to
        if plural and (t.tag_ in ("NNS", "NNPS") or t.pos_ == "PROPN"):
            return True
        if not plural and t.tag_ in ("NN", "NNP") and not is_person_noun(t.lower_):
            return True
    return False


def unresolved_reference(text: str) -> str | None:
    """A word of the narration (outside quote marks) that stands for something only an earlier sentence of its
    article names, once the sentence is lifted out of it: a pronoun "it", "they", "them" or a demonstrative
    "this", "that", "these", "those" as a clause's subject or object with nothing before it in the sentence
    that it could stand for ("Republicans want them extended …", "Ms. Ernst said that qualified her …", "… told
    X that it was likely to happen …"), or "the other" with no noun ("The other two are …"). On the cached parse
    (no NER); None when every such word has its referent in the sentence or none is there."""
    key = _key(text)
    if not key:
        return None
    doc = nlp.parse_cached([key], batch_size=64, disable=("ner",))[0]
    quoted = [(m.start(), m.end()) for m in re.finditer(r"[“\"][^”\"]*[”\"]?", key)]
    for tok in doc:
        if any(a <= tok.idx < b for a, b in quoted):
            continue
        low = tok.lower_
        if low in _REFERRING and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "iobj", "dative") \
                and tok.pos_ in ("PRON", "SCONJ", "DET") and tok.tag_ != "WDT" \
                and not any(k.dep_ in ("relcl", "acl") for k in tok.children):
            if low == "it" and (_pleonastic(tok) or ":" in key[tok.idx:]):
                continue  # "It is clear that …"; "It is a lesson …: the microphone is always on" names it after
            if low in ("that", "this") and tok.head.dep_ == "relcl":
                continue  # a relative "that"
            if not _antecedent(tok, doc):
                return f"“{tok.text}” stands for something only an earlier sentence names"
        if low == "other" and tok.dep_ == "amod" and tok.head.pos_ in ("NUM", "PRON", "ADJ") \
                and any(k.lower_ == "the" for k in tok.head.children):
            return "“the other …” refers to something only an earlier sentence names"
        if tok.pos_ == "NUM" and tok.text.isalpha() and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") \
                and any(k.dep_ == "det" and k.lower_ == "the" for k in tok.children) \
                and not any(k.dep_ in ("prep", "compound", "amod", "nmod", "relcl", "acl") for k in tok.children):
            return f"“the {tok.text}” refers to something only an earlier sentence names"
    return None


def quoted_predicate(text: str) -> bool:
    """A copular statement whose predicate is all in quote marks ("Afghanistan is “a war we have to win”."): the
    quoted words are what someone called it, and stated with no speaker they read as the synthesis' own claim. A
    quoted term inside a predicate of its own ("The agency described the find as “a giant leap”.") is narration.
    On the cached parse (no NER)."""
    key = _key(text)
    if not key or not re.search(r"[“\"]", key):
        return False
    quoted = [(m.start(), m.end()) for m in re.finditer(r"[“\"][^”\"]*[”\"]?", key)]
    doc = nlp.parse_cached([key], batch_size=64, disable=("ner",))[0]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be" or any(a <= root.idx < b for a, b in quoted):
        return False
    preds = [c for c in root.children if c.dep_ in ("attr", "acomp")]
    return bool(preds) and all(any(a <= c.idx < b for a, b in quoted) for c in preds)


def _well_formed(out: list[dict[str, Any]], why: dict[str, str], settings: Settings) -> list[dict[str, Any]]:
    """The statements well formed as finally said, each on its own parse (a sentence the article's parse read as a
    clause, "A premiere series of …" glued to a line after it, is still no statement: :func:`_body_problem`); a
    quotation said with its speaker by its quoted words (:func:`_quoted_fragment`). Why each other one is left out
    goes to ``why``."""
    bodies = {id(i): _body(i) for i in out if i["kind"] in ("corroborated", "attributed", "unique")
              and QUOTED_AS not in i["text"]}
    prime(list(bodies.values()))
    kept = []
    for item in out:
        problem = _body_problem(bodies[id(item)], item["kind"], settings) if id(item) in bodies else \
            _quoted_fragment(item["text"]) if QUOTED_AS in item["text"] else None
        if problem is None:
            kept.append(item)
        else:
            why[item["fact"]] = f"its statement “{_clip(item['text'], 80)}” is no well-formed statement: {problem}"
    return kept


def _outside_quotations(comparison: Comparison, out: list[dict[str, Any]], why: dict[str, str]
                        ) -> list[dict[str, Any]]:
    """A statement in the synthesis' own voice, naming no source, of a fact every member of which is someone's
    words — a quotation (also a sentence in the middle of a quotation of several sentences, whose marks open and
    close outside it and whose speaker the quotes stage could not name) or a speaker's reported claim — would print
    those words as fact: left out (session 13, an independent reviewer on PolNeAR: a seller's claim in his listing,
    quoted by one outlet and reported as his claim, then denied, by the other, printed as fact)."""
    facts = {f.id: f for f in comparison.facts}
    kept = []
    for item in out:
        fact = facts.get(item.get("fact", ""))
        if item["kind"] in ("corroborated", "attributed") and QUOTED_AS not in item["text"] \
                and not ATTRIBUTION.search(item["text"]) and fact is not None and fact.claims \
                and all(_someones_words(comparison, c) for c in fact.claims) \
                and not any(_names_speaker(item["text"], c.asserted_by_name) for c in fact.claims):
            why[item["fact"]] = (f"its statement “{_clip(item['text'], 80)}” is someone's words in every article "
                                 f"(a quotation or a reported claim), stated as fact with no source")
            continue
        kept.append(item)
    return kept


def _names_speaker(text: str, speaker: str | None) -> bool:
    """Does the statement name the speaker (its last name: "Trump accused Obama of …" is Donald Trump's claim said
    as his)?"""
    last = (speaker or "").split()[-1:] if speaker else []
    return bool(last) and re.search(rf"\b{re.escape(last[0])}\b", text) is not None


def _someones_words(comparison: Comparison, claim: Claim) -> bool:
    """A quotation, a speaker's reported claim, or words standing inside a quotation of the article."""
    if claim.quote or claim.asserted_by_name:
        return True
    a = _article(comparison, claim.article)
    text = a.article.text if a else ""
    return bool(re.search(r"[A-Za-z]", text[claim.start:claim.end])) \
        and not re.search(r"[A-Za-z]", _outside_quotes_of(text)[claim.start:claim.end])


@lru_cache(maxsize=64)
def _outside_quotes_of(text: str) -> str:
    return outside_quotes(text)


def _quoted_fragment(text: str) -> str | None:
    """Why the quoted words of "<speaker> was quoted as saying: “…”" say nothing alone, or None: a verb phrase with
    no subject ("… coming up a little short in the good role model department": who comes up short is not said), or
    words cut inside a quotation of their own (:func:`unclosed_inner_quote`)."""
    m = re.search(r"“([^”]+)”", text.split(QUOTED_AS, 1)[-1])
    if m is None:
        return None
    if unclosed_inner_quote(m.group(1)):
        return "the quoted words are cut inside a quotation of their own (an opening ‘ with no closing ’)"
    problem = claim_problem(re.sub(r"^…\s*", "", m.group(1)))
    return f"the quoted words are a fragment ({problem})" if problem and "has no subject" in problem else None


def unclosed_inner_quote(words: str) -> bool:
    """Quoted words that open a quotation of their own and end before it closes ("The world tells Israel, ‘Wait."):
    cut from a longer remark mid-quotation (a ’ between letters is an apostrophe, not a closing mark)."""
    return words.count("‘") > len(re.findall(r"’(?![A-Za-z])", words))


def _body_problem(body: str, kind: str, settings: Settings) -> str | None:
    """Why a statement as finally said is no statement a fact-checker would sign, or None: :func:`ill_formed`, a
    word that refers to an earlier sentence (:func:`unresolved_reference`, ``synthesis_reference_check``), a
    quotation with no speaker (:func:`speakerless`), a copular predicate all in quote marks (:func:`quoted_predicate`;
    an attributed statement names its speaker)."""
    problem = ill_formed(body)
    if problem is None and settings.synthesis_reference_check:
        problem = unresolved_reference(body)
    if problem is None and relative_only(body):
        problem = "a name and a relative clause with no main clause"
    if problem is None and speakerless(body):
        problem = "a quotation with no speaker: whose words they are is not said"
    if problem is None and kind != "attributed" and quoted_predicate(body):
        problem = "its predicate is someone's quoted words, stated with no speaker"
    return problem


FINITE = ("VBD", "VBZ", "VBP", "MD")


def relative_only(text: str) -> bool:
    """A name and a relative clause with no main clause ("Jo Marr, whose son, Tom, was hurt."): the parse may read
    the relative clause's verb as the main one; a sentence with one finite verb after ", whose/who/which" is no
    statement. On the cached parse (no NER)."""
    key = _key(text)
    if not re.match(r"^[A-Z][^,]{0,60}, (?:whose|who|which) ", key):
        return False
    doc = nlp.parse_cached([key], batch_size=64, disable=("ner",))[0]
    return sum(1 for t in doc if t.tag_ in FINITE) <= 1


def speakerless(text: str) -> bool:
    """A statement that is all quotation, with no word of narration to say whose words they are ("“Needless to
    say, the war … was not ‘a war of Obama’s choosing.’”"): stated in the synthesis' own voice, someone's words
    would read as fact."""
    return bool(re.search(r"[A-Za-z]", text)) and not re.search(r"[A-Za-z]", outside_quotes(text))


# a bio or a caption line: "Jane Doe is a staff writer for …", "Photo by …", "Pictured: …"
BIO = re.compile(r"^(?:[A-Z][\w.’'-]*\s+){1,4}(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:reporter|correspondent|writer|"
                 r"editor|columnist|contributor|journalist|producer|author|photographer)\b|^(?:pictured|photo|image|"
                 r"caption|credit|source)s?\b", re.IGNORECASE)
# a dateline alone, a call to action, a question
CALL = re.compile(r"^(?:click|tap|watch|read|see|view|sign|subscribe|follow|share|download|join|learn|find out|"
                  r"get|check out|don['’]t miss)\b", re.IGNORECASE)
# a rhetorical lead-in before a colon: the writer addresses the reader ("Picture this: …", "Think about it: …",
# "Here's the thing: …", "Consider: …"), an imperative or a "here's" of up to four words and nothing else before it
LEAD_IN = re.compile(r"^(?:(?:just|now|so|but|and)\s+)?(?:picture|imagine|consider|think|remember|look|listen|guess|"
                     r"mind|trust|here['’]s|here\s+is|get|ask)\b[^:.!?,]{0,30}:\s", re.IGNORECASE)
# a start that hangs on something before it: a conjunction, a relative word ("which", "in which", "whose"), "No for",
# or where the sentence was cut (a dash, a comma: "— whose commentary had a sharper edge")
STARTS_BADLY = re.compile(r"^(?:(?:or|nor|which|who|whom|whose|(?-i:where)|no for|plus|(?:in|of|for|by|under|through)\s+(?:which|whom))\b|[—–,;:)]|-\s)", re.IGNORECASE)
# a discourse connective that ties a sentence to the one before it and adds nothing once it stands alone
CONNECTIVE = re.compile(r"^(?:and|but|yet|however|also)\b,?\s+(?=\S)", re.IGNORECASE)


def drop_connective(text: str) -> str:
    """A sentence without its leading "And"/"But"/"However," ("But both leaders face …" → "Both leaders face …")."""
    rest = CONNECTIVE.sub("", text.strip(), count=1)
    return rest[:1].upper() + rest[1:] if rest != text.strip() else text
SENTENCE_END = re.compile(r"[.!…][”\"’')\]]*\s*$")
_parsed: dict[str, str | None] = {}


def text_problem(text: str) -> str | None:
    """What the words alone show is no statement: a question or a call to action, a bio or caption line, a
    start that hangs on something before it (a conjunction, a relative pronoun, "No for"), a sentence cut
    short (no closing stop: a heading or a truncated line); None when the words show none of these."""
    t = " ".join(strip_credit(text).split()).lstrip("“\"‘'(")
    if not t:
        return "empty"
    if t.rstrip("”\"’') ").endswith("?"):
        return "a question"
    if CALL.match(t):
        return "a call to action"
    if BIO.match(t):
        return "a bio or caption line"
    if LEAD_IN.match(t):
        return f"a rhetorical lead-in (“{t.split(':')[0]}:”): the writer addresses the reader"
    if STARTS_BADLY.match(t):
        return f"starts with “{t.split()[0]}”: hangs on a sentence before it"
    if not SENTENCE_END.search(text.strip()):
        return "no closing stop: a heading or a line cut short"
    return None


def ill_formed(text: str) -> str | None:
    """Why a text is no statement a fact-checker could sign, or None: :func:`text_problem`, or on its own
    parse :func:`newsprism.stages.sentences.statement_problem` (no finite main verb with its subject, a bare
    attribution, a subject that refers to an earlier sentence). An article's sentences carry that verdict from
    the analysis (``Sentence.problem``); only a clause piece the synthesis states alone is parsed here."""
    problem = text_problem(text)
    if problem is not None:
        return problem
    t = _key(text)
    if t not in _parsed:
        prime([t])
    return _parsed[t]


def _key(text: str) -> str:
    return " ".join(strip_credit(text).split()).lstrip("“\"‘'(")


def prime(texts: Sequence[str]) -> None:
    """Parse the statements not yet parsed in one batch, without NER (see :func:`ill_formed`)."""
    todo = [x for x in dict.fromkeys(_key(x) for x in texts) if x and x not in _parsed]
    if len(_parsed) > 20000:
        _parsed.clear()
    for x, doc in zip(todo, nlp.parse_cached(todo, batch_size=64, disable=("ner",)), strict=True):
        sents = list(doc.sents)
        _parsed[x] = statement_problem(max(sents, key=len)) if sents else "empty"


PERSONAL = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.IGNORECASE)


def unresolved_person(text: str, names: Sequence[str]) -> bool:
    """A "he"/"him"/"she"/"her" outside quote marks with no one before it in the sentence that it could
    stand for (a person's name the article mentions, or a noun for a person: "the president", "a teacher"):
    lifted out of its article, "The only information known about him …" or "…, he said" names no one."""
    outside = outside_quotes(text)
    m = PERSONAL.search(outside)
    if not m:
        return False
    before = outside[:m.start()]
    if any(n and n in before for n in names):
        return False
    words = re.findall(r"[a-z]+", before.lower())
    return not any(is_person_noun(w) and not w.endswith("s") for w in words)  # a singular noun: "he" is one person


def _person_names(comparison: Comparison, article_id: str) -> list[str]:
    a = _article(comparison, article_id)
    # names only: a mention the resolver tied to a person may be a pronoun ("he") itself
    return [m.text for e in (a.entities if a else ()) if e.type == "PERSON" for m in e.mentions
            if m.text[:1].isupper() and not PERSONAL.fullmatch(m.text)]


NAME_WORD = re.compile(r"[A-Z][\w’'-]+")


def _full_names(names: Collection[str]) -> dict[str, list[str]]:
    """Each word of a person's name ("Lee") → the distinct full names of two or more words that contain it ("Lee
    Jae-yong", "Lee Jung-mi"); spellings of one name ("Park Geun-hye", "Park Guen-hye") count once."""
    out: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(names)):
        words = NAME_WORD.findall(name)
        if len(words) < 2 or len(words) != len(name.split()):
            continue
        for w in words:
            if not any(fuzz.ratio(name, other) >= 85 for other in out[w]):
                out[w].append(name)
    return out


def bare_shared_name(text: str, event_names: Collection[str], article_names: Sequence[Collection[str]]) -> str | None:
    """A word of the narration that is, alone, the name two people of the event share ("Lee's trial …" where the
    event names Lee Jae-yong and Justice Lee Jung-mi): who is meant is not said. It is resolved when every cited
    article names exactly one person by that word, the same one (that article's reader knows who is meant); else
    the sentence is left out. None when there is no such word."""
    shared = {w: full for w, full in _full_names(event_names).items() if len(full) >= 2}
    if not shared:
        return None
    outside = outside_quotes(text)
    for m in NAME_WORD.finditer(outside):
        word = m.group(0).removesuffix("’s").removesuffix("'s")
        if word not in shared or any(n in outside for n in shared[word]):
            continue
        # a capitalised word joined to it, with no punctuation between ("According to CelebCafe, Lee's …" is bare)
        before = [w for w in outside[:m.start()].split()[-1:] if not re.search(r"[,;:)(]$", w)]
        after = outside[m.end():].split()[:1] if outside[m.end():m.end() + 1] == " " else []
        if any(w[:1].isupper() for w in before + after):
            continue  # part of a longer name or titled ("Jesse Jackson Jr.", "Lee Jae-yong", "Justice Lee")
        per_article = [_full_names(names).get(word, []) for names in article_names]
        meant = {full[0] for full in per_article if len(full) == 1}
        if len(meant) == 1 and all(len(full) == 1 for full in per_article):
            continue
        return f"“{word}” alone may be any of {', '.join(shared[word][:3])}: who is meant is not said"
    return None


TEMPORAL = frozenset({"year", "week", "month", "day", "time", "morning", "afternoon", "evening", "night", "weekend",
                      "season", "summer", "winter", "spring", "autumn", "fall", "decade", "century", "quarter",
                      "hour", "point", "moment", "era", "way", "kind", "sort", "type"})


def demonstrative_reference(text: str, topic: frozenset[str]) -> str | None:
    """A demonstrative determiner of the narration on a noun the sentence has not named before it and the story's
    headlines do not name ("The IOC has awarded NBC those rights …", "Then, this information is matched …"):
    which rights or information an earlier sentence said. A time ("this year") or a manner ("that way") is none.
    On the cached parse, outside quote marks; None when there is no such word."""
    key = " ".join(FRAME.sub("", text).split())
    if not key or QUOTED_AS in text:
        return None
    doc = nlp.parse_cached([key], batch_size=64, disable=("ner",))[0]
    quoted = [(m.start(), m.end()) for m in re.finditer(r"[“\"][^”\"]*[”\"]?", key)]
    for tok in doc:
        if tok.lower_ not in _REFERRING - {"it", "they", "them"} or tok.dep_ != "det" or tok.head.pos_ != "NOUN" \
                or any(a <= tok.idx < b for a, b in quoted):
            continue
        lemma = tok.head.lemma_.lower()
        if lemma in TEMPORAL or lemma in topic or any(t.lemma_.lower() == lemma for t in doc[:tok.i]):
            continue
        return f"“{tok.text} {tok.head.text}” stands for something only an earlier sentence names"
    return None


def _main_subject(text: str) -> Any:
    doc = nlp.parse_cached([" ".join(text.split()).lstrip("“\"‘'(")], batch_size=64, disable=("ner",))[0]
    return statement_subject(doc)


# nouns a news story's reader takes as the story's own one without being told which (the government, the police,
# the country, the city): no back-reference however bare
IN_CONTEXT = frozenset({"government", "police", "military", "army", "president", "court", "parliament", "congress",
                        "senate", "state", "country", "nation", "city", "town", "region", "province", "county",
                        "valley", "island", "capital", "authority", "public", "economy", "market", "weather",
                        "opposition", "administration", "ministry", "regime", "cabinet", "coalition", "world"})


def definite_subject(text: str, topic: frozenset[str]) -> str | None:
    """A statement whose subject is a bare definite description the story's headlines do not name ("The office
    tracks all aviation accidents …", "The product has received …", "The 45-year-old actor ranks …"): which office,
    product or actor an earlier sentence of its article said; lifted out, the sentence names nothing a reader can
    check. Read on the cached parse (the stands-alone model's subject cues, :mod:`.standalone`); a quotation said
    with its speaker is the speaker's words. None when the subject says which one."""
    if QUOTED_AS in text:
        return None
    body = FRAME.sub("", text)
    body = body[:1].upper() + body[1:]
    f = stand_features(body, topic)
    subj = _main_subject(body)
    if subj is not None and subj.lemma_.lower() in IN_CONTEXT:
        return None
    if (f[0] or f[1]) and not (subj is not None and any(k.dep_ in ("appos", "acl", "relcl") for k in subj.children)):
        # "The group leading the search, The International Group …", "The legislation, known as …": said which
        return "its subject is a definite description (“the …”) only an earlier sentence of its article identifies"
    owner = next((k for k in subj.children if k.dep_ == "poss"), None) if subj is not None else None
    for noun in (owner, subj):  # "The group's thesis …"; "The two sides reopened …" (a count says not which)
        if noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() not in topic | IN_CONTEXT \
                and any(k.dep_ == "det" and k.lower_ == "the" for k in noun.children) \
                and not any(k.dep_ in ("appos", "acl", "relcl", "prep", "compound", "amod", "nmod", "poss")
                            for k in noun.children) \
                and (noun is owner or any(k.dep_ == "nummod" for k in noun.children)):
            return f"its subject names “the {noun.text}” that only an earlier sentence of its article identifies"
    return None


RELATIVE_TIME = re.compile(r"^(?:(?:\w+|a|an) (?:days?|weeks?|months?|years?|hours?|minutes?) "
                           r"(?:earlier|later|before|afterwards?)|the (?:day|night|week|month|year) (?:before|after))\b"
                           r"(?! this| last| than)", re.IGNORECASE)


def anchored_elsewhere(text: str) -> str | None:
    """A statement that needs an earlier sentence to be read: a time counted from an event it does not name ("Two
    days earlier, Rogge said …"). None when there is none. (A quotation's own "he" is the speaker's words: left
    alone; reading it as unresolved lost four right BASIL quotations, "Not a single thing he said is accurate".)"""
    body = FRAME.sub("", text) if QUOTED_AS not in text else text
    if RELATIVE_TIME.match(body.strip()):
        return "a time counted from an event only an earlier sentence names"
    return None


def _names_resolved(comparison: Comparison, out: list[dict[str, Any]], why: dict[str, str],
                    settings: Settings = DEFAULT) -> list[dict[str, Any]]:
    """The statements that name each person and thing so that a reader knows who or what is meant
    (:func:`bare_shared_name`, :func:`definite_subject`)."""
    event = {n for a in comparison.articles for n in _person_full_names(comparison, a.id)}
    topic = topic_words([a.article.title or "" for a in comparison.articles])
    kept = []
    for item in out:
        problem = ((bare_shared_name(item["text"], event, [_person_full_names(comparison, c) for c in item["citations"]])
                    if settings.synthesis_reference_check else None)
                   or (definite_subject(item["text"], topic) if settings.synthesis_definite_subject_check else None)
                   or (demonstrative_reference(item["text"], topic) if settings.synthesis_reference_check else None)
                   or (anchored_elsewhere(item["text"]) if settings.synthesis_reference_check else None)) \
            if item["kind"] in ("corroborated", "attributed", "unique") else None
        if problem is None:
            kept.append(item)
        else:
            why[item["fact"]] = f"its statement “{_clip(item['text'], 80)}” names someone ambiguously: {problem}"
    return kept


def _person_full_names(comparison: Comparison, article_id: str) -> set[str]:
    a = _article(comparison, article_id)
    return {e.name for e in (a.entities if a else ()) if e.type == "PERSON"}


def _statable(comparison: Comparison, claim: Claim) -> bool:
    return _unstatable(comparison, claim) is None


def _unstatable(comparison: Comparison, claim: Claim) -> str | None:
    """Why a unit cannot be stated in the synthesis, or None: an attribution, chrome, a fragment, a headline,
    a caption, a dangling pronoun subject, a sentence cut short, or no well-formed statement (:func:`ill_formed`)."""
    text = _sentence_text(comparison, claim)
    if claim.part == "attribution" or is_chrome(text) or is_fragment(text) or is_fragment(claim.text) \
            or is_headline(text) or is_caption(text):
        return "an attribution, chrome, a fragment, a headline or a caption"
    stated = _stated(comparison, claim) if _sayable(comparison, claim) else claim.text
    alone = claim.part == "clause" and _standalone(claim) is not None  # a clause stated alone, not its sentence
    if dangling(stated, parse=alone):
        return "its subject is a pronoun with nothing to refer to"
    if unresolved_person(stated, _person_names(comparison, claim.article)):
        return "a “he”/“she” that names no one once the sentence stands alone"
    if re.search(r"\?[”\"’')\]]*\s*$", text):
        return "a question"
    if not SENTENCE_END.search(strip_credit(text).strip()):
        return "no closing stop: a heading or a line cut short"
    if not _sayable(comparison, claim):
        return None  # a dependent clause: cited as support, never stated
    if alone:  # a clause piece: parsed here (short, and few)
        return ill_formed(stated if SENTENCE_END.search(stated.strip()) else stated + ".")
    sentence = _sentence(comparison, claim)
    return text_problem(stated) or (sentence.problem if sentence is not None else ill_formed(stated))


def _sentence(comparison: Comparison, claim: Claim) -> Sentence | None:
    a = _article(comparison, claim.article)
    return next((s for s in a.sentences if s.i == claim.sentence), None) if a else None


def _citation(claim: Claim) -> dict[str, Any]:
    return {"article": claim.article, "sentence": claim.sentence, "start": claim.start, "end": claim.end}


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z][\w’'-]{3,}|\d[\d,.]*", text) if w.lower() not in STOP_WORDS}


# besides the clause breaks of facts.py, a participle or "with" phrase after a comma ("…, beating some with
# batons and firing rubber bullets") can add a fact of its own
PIECE_BREAK = re.compile(r",\s+(?=(?:with|[a-z]{3,}ing)\b)|\s+(?=and\s+[A-Z])|\s+(?=(?:after|before|when|because|"
                         r"in return for|in exchange for)\s)")


DASH = re.compile(r"\s[—–]\s|\s--?\s")  # a spaced dash: one of a pair around an aside, or a clause break


def shared_part(comparison: Comparison, claim: Claim, others: Sequence[Claim]) -> Claim:
    """The claim cut to the part the other members share: leading and trailing clause pieces (after "; ",
    " — ", ", and which …", ", after …", ", beating …", ", with …", " and <Name> …") of which no more than a
    third of the content words occur in any other member are cut from its span (a multi-fact sentence cites and states only its shared clause). A clause unit, or a
    sentence whose every piece is shared, is returned as it is."""
    if claim.part != "sentence" or not others:
        return claim
    a = _article(comparison, claim.article)
    if a is None:
        return claim
    seg = a.article.text[claim.start:claim.end]
    cuts = sorted({0, len(seg)} | {m.start() for m in CLAUSE_BREAK.finditer(seg)}
                  | {m.start() for m in PIECE_BREAK.finditer(seg)})
    if len(cuts) < 3:
        return claim
    theirs = [_stems(o.text) for o in others if o.article != claim.article]
    if not theirs:
        return claim
    pieces = list(zip(cuts, cuts[1:], strict=False))

    def shared(lo: int, hi: int) -> bool:
        mine = _stems(seg[lo:hi])
        return not mine or max(len(mine & t) for t in theirs) / len(mine) > 1 / 3

    end = len(seg)
    for lo, hi in reversed(pieces[1:]):
        if shared(lo, hi):
            break
        end = lo
    begin = 0
    for lo, hi in pieces[:-1]:
        if hi >= end or shared(lo, hi):
            break
        begin = hi
    raw = seg[begin:end]
    kept = raw.strip(" ,;:—–-")
    if (begin, end) == (0, len(seg)) or len(kept.split()) < 5 or len(DASH.findall(kept)) % 2:
        return claim  # (a cut between two dashes splits an aside: "the four other members – Britain, … – are")
    start = claim.start + begin + raw.find(kept)
    cut = replace(claim, start=start, end=start + len(kept), text=kept, part="clause")
    return cut if _statable(comparison, cut) else claim


def _centrality(comparison: Comparison, fact: Fact) -> float:
    """How early in its articles a fact comes (0 = the lead), averaged over its claims."""
    shares = []
    for c in fact.claims:
        a = _article(comparison, c.article)
        n = len(a.sentences) if a else 1
        shares.append(c.sentence / max(n, 1))
    return sum(shares) / len(shares) if shares else 1.0


def _value_label(comparison: Comparison, v: dict[str, Any]) -> str:
    a = _article(comparison, v["article"])
    outlet = a.article.label if a else v["article"]
    source = f"{v['source']} via {outlet}" if v.get("source") and v["source"] != outlet else outlet
    return f"{source}, {v['as_of']}" if v.get("as_of") else source


def _subjects(comparison: Comparison, conflict: Mapping[str, Any]) -> tuple[Subject | None, str, list[Subject | None]]:
    """What the conflict's figures measure, read on each value's sentence (:mod:`.conflict_subject`)."""
    values = conflict["values"]
    offsets: list[int | None] = []
    for v in values:
        a = _article(comparison, v["article"])
        s = next((s for s in (a.sentences if a else ()) if s.i == v.get("sentence")), None)
        offsets.append(v["start"] - s.start if s is not None and isinstance(v.get("start"), int) else None)
    subjects = value_subjects(conflict["measure"], values, offsets)
    shared, how = shared_subject(conflict["measure"], subjects)
    return shared, how, subjects


def conflict_subject(comparison: Comparison, conflict: Mapping[str, Any]) -> str | None:
    """The thing the line says the figures measure ("the tunnel"; "the Enrique Rebsamen school" for a count at
    it), or None."""
    shared, _, _ = _subjects(comparison, conflict)
    return shared.phrase if shared is not None else None


def conflict_sentence(comparison: Comparison, conflict: dict[str, Any]) -> str:
    """A conflict per measure as one sentence: a rise, two named sources, or a disagreement. The measure is said
    with what it measures where the values' sentences name it ("length of the tunnel", "children killed at the
    school"); a size or sum whose sentences name no one thing says so (the synthesis leaves such a line out:
    ``_unnamed_measure``)."""
    values = conflict["values"]
    shared, how, subjects = _subjects(comparison, conflict)
    measure = conflict["measure"]
    own: dict[int, str] = {}
    if shared is not None:
        bare = measure.removeprefix("money: ")  # "money: cost" → "the cost of the tunnel"
        the = "the " if shared.prep == "of" and re.fullmatch(r"[a-z]+(?: \([^)]*\))?", bare) else ""
        measure = f"{the}{bare if the else measure} {shared.prep} {shared.phrase}"
        own = {id(v): f" {s.prep} {s.phrase}" for v, s in zip(values, subjects, strict=False)
               if s is not None and s.key != shared.key}
    elif not is_count(measure.split(" (")[0]) and how in ("none", "unshared"):
        measure += " (the reports' sentences do not say of what)" if how == "none" else \
            " (the reports' sentences do not name one thing it is of)"

    def _said_figure(v: Mapping[str, Any]) -> str:
        return _figure_text(v) + own.get(id(v), "")
    if conflict["label"] == "updated":
        # the whole rise: from the lowest reported figure to the highest, every article's figure on the way
        # (a sentence that names two of five cited articles under-cites the rest)
        ordered = sorted(values, key=lambda v: (_figure(comparison, v), v.get("as_of") or "9999"))
        # a rise runs between dated figures: an undated figure below the first or above the last dated one
        # cannot be placed in time and is said apart ("; undated: two (UPI)"), not as where the rise began
        dated = [_figure(comparison, v) for v in ordered if v.get("as_of")]
        apart = [v for v in ordered if dated and not v.get("as_of")
                 and not min(dated) <= _figure(comparison, v) <= max(dated)]
        ordered = [v for v in ordered if v not in apart]
        undated = ("; undated: " + ", ".join(f"{_said_figure(v)} ({_value_label(comparison, v)})" for v in apart)) \
            if apart else ""
        # one figure, however worded ("4", "four"), is said once with every article that gives it
        groups: dict[tuple[float, str], list[dict[str, Any]]] = {}
        for v in ordered:
            wording = re.sub(r"\d[\d,.]*|\b(?:%s)\b" % "|".join(NUMBER_WORDS), "#", _said_figure(v).lower())
            groups.setdefault((_figure(comparison, v), wording), []).append(v)
        said = [f"{_said_figure(vs[0])} ({'; '.join(dict.fromkeys(_value_label(comparison, v) for v in vs))})"
                for vs in groups.values()]
        if len(said) == 1:
            return f"Reported {measure}: {said[0]}{undated}."
        middle = f" through {', '.join(said[1:-1])}" if len(said) > 2 else ""
        return f"Reported {measure} rose from {said[0]}{middle} to {said[-1]}{undated}."
    parts = "; ".join(f"{_said_figure(v)} ({_value_label(comparison, v)})" for v in values)
    if conflict["label"] == "sources differ":
        return f"Sources differ on {measure}: {parts}."
    if conflict["label"] == "estimates differ":  # a bound the other figure meets: both can hold
        return f"Estimates differ on {measure}: {parts}."
    return f"Reports differ on {measure}: {parts}."


def _figure_text(v: Mapping[str, Any]) -> str:
    """A figure as the sentence prints it mid-sentence: trimmed, a capital that only began the article's
    sentence lowered ("At least 65" → "at least 65", "Twenty" → "twenty"); acronyms and digits kept."""
    return re.sub(r"^[A-Z][a-z]+\b", lambda m: m.group(0).lower(), str(v["value"]).strip())


def _figure(comparison: Comparison, v: Mapping[str, Any]) -> float:
    """A conflict value's figure: the measured quantity at its span (its lower bound: "at least 65" is 65;
    "four" is 4), else the digits of its text."""
    a = _article(comparison, v["article"])
    q = next((q for q in (a.quantities if a else ()) if q.start == v.get("start") and q.end == v.get("end")), None)
    if q is not None and q.low is not None:
        return float(q.low)
    return _number(str(v["value"]))


def _number(text: str) -> float:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return float(m.group(0).replace(",", "")) if m else 0.0


def _said_elsewhere(comparison: Comparison, claim: Claim) -> float:
    """The largest share of a claim's content words that one sentence of another article also has: a
    single-source sentence most of whose words another article uses may not be single-source."""
    own = set(claim.terms)
    if not own:
        return 0.0
    return max((len(own & set(c.terms)) / len(own) for a in comparison.articles if a.id != claim.article
                for c in a.claims), default=0.0)


def _figure_elsewhere(comparison: Comparison, claim: Claim) -> Quantity | None:
    """A figure of the claim's sentence that another article gives too (same measure, place and event,
    ranges that can both hold; a count, not a vague or generic one): the sentence is then no single-source
    fact, however differently the other article words it. Read from the analysis' quantities."""
    sentence = _sentence(comparison, claim)
    lo, hi = (sentence.start, sentence.end) if sentence else (claim.start, claim.end)
    mine = [q for q in _quantities(comparison, claim.article) if lo <= q.start < hi and q.qualifier != "vague"
            and not q.measure.startswith(("people be", "people counted", "people have"))]
    for a in comparison.articles:
        if a.id == claim.article:
            continue
        for q in mine:
            for x in a.quantities:
                if x.key() == q.key() and x.qualifier != "vague" and ranges_compatible(q, x):
                    return x
    return None


def _names_elsewhere(comparison: Comparison, claim: Claim, settings: Settings) -> bool:
    """Another article has one sentence that names two or more of the same named entities and shares
    ``unique_names_overlap_min`` of the claim's content words: a paraphrase the aligner scored low (other
    words around the same people and facts) is not shown as one outlet's alone."""
    own = set(claim.terms)
    names = _entity_names(comparison, claim)
    if len(names) < 2 or not own:
        return False
    for a in comparison.articles:
        if a.id == claim.article:
            continue
        for c in a.claims:
            if len(own & set(c.terms)) >= settings.unique_names_overlap_min * len(own) and \
                    len(names & _entity_names(comparison, c)) >= 2:
                return True
    return False


def _entity_names(comparison: Comparison, claim: Claim) -> set[str]:
    """The named entities of a claim, each by the last word of its name ("Carrie Lam" and "Lam" are one)."""
    a = _article(comparison, claim.article)
    by_id = {e.id: e.name for e in (a.entities if a else ())}
    return {by_id[i].split()[-1].lower() for i in claim.entities if by_id.get(i, "").split()}


def _nearest_by_sentence(nearest: Mapping[str, tuple[float, str]]) -> dict[str, tuple[float, str]]:
    """Per sentence (the id a clause unit comes from): the best alignment score of the sentence or any clause
    of it with any unit of another article, and that unit's id."""
    best: dict[str, tuple[float, str]] = {}
    for cid, (score, other) in nearest.items():
        family = cid.split("~")[0]
        if family not in best or score > best[family][0]:
            best[family] = (score, other)
    return best


def synthesise(comparison: Comparison, settings: Settings = DEFAULT,
               cues: Mapping[str, Sequence[FramingCue]] | None = None,
               nearest: Mapping[str, tuple[float, str]] | None = None,
               accepted: Mapping[tuple[str, str], float] | None = None,
               left_out: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The synthesis items: corroborated facts, number conflicts per measure, then single-source sentences.
    ``nearest``: each unit's best alignment score with any unit of another article (see
    :func:`newsprism.compare.align.align`); without it single-source sentences are left out, since nothing
    shows that no other article states them. ``accepted``: the pairs of units the pair verifier accepted
    (:func:`newsprism.compare.facts.build_facts`): a unit of an article a fact left out that the verifier
    accepts against one of its members may state its statement too (``_cited`` checks it as a member).
    ``left_out``: filled with the fact id of each corroborated statement left out because the span check could not
    decide whether an article it does not cite states it (``synthesis_abstain_min``), and why."""
    corroborated = [f for f in comparison.facts if f.status == "corroborated"]
    corroborated.sort(key=lambda f: (-len(f.articles()), _centrality(comparison, f)))
    # why each corroborated fact the synthesis does not state is left out (every step that drops one says so)
    why: dict[str, str] = {f.id: f"ranked {k + 1} of {len(corroborated)} (most outlets, most central first), beyond "
                                 f"synthesis_max_facts {settings.synthesis_max_facts}"
                           for k, f in enumerate(corroborated) if k >= settings.synthesis_max_facts}
    corroborated = corroborated[:settings.synthesis_max_facts]
    uniques = [f for f in comparison.facts if f.status == "unique" and f.claims]
    # whole sentences carry the analysis' verdict (Sentence.problem); only clauses stated alone are parsed
    prime([_stated(comparison, c) for f in corroborated for c in f.claims
           if c.part == "clause" and _standalone(c) is not None])
    pair_score = {frozenset((al.a, al.b)): al.score for al in comparison.alignments}
    shaped = [(f, m) for f in corroborated if (m := _members(comparison, f, settings, pair_score))]
    have = {f.id for f, _ in shaped}
    why.update({f.id: _members_problem(comparison, f, settings, pair_score) for f in corroborated if f.id not in have})
    # the word tagger's parse of every statement the facts could make, in one batch
    # (only the statements no cue already marks evaluative: the tagger decides nothing for the others)
    prime_loaded([_stated(comparison, c) for _, (_, claims) in shaped for c in claims if not c.quote
                  and not first_person(c.text) and evaluative(comparison, c, cues) is None], settings)
    verified: set[str] = set()
    linked = _linked_claims(comparison, corroborated, accepted or {}, settings, verified)
    made: list[Made] = []
    for f, m in shaped:
        failed: list[str] = []
        item = _corroborated_item(comparison, f, m, settings, cues, linked.get(f.id, ()), verified, failed)
        if item is not None:
            made.append((f, m, item))
        else:
            why[f.id] = _no_rendering(failed)
    if settings.synthesis_member_checked:
        done = {f.id for f, _, _ in made}
        made += _member_checked(comparison, [f for f in corroborated if f.id not in done and f.id in why],
                                settings, cues, why)
        rank = {f.id: k for k, f in enumerate(corroborated)}
        made.sort(key=lambda m: rank[m[0].id])
    out = [item for _, _, item in _merge_same(comparison, made, settings, cues, pair_score, linked, verified, why)]
    cite_partial_quotes(comparison, out, settings)
    complete_citations(comparison, out, settings)
    for item in out:
        if "abstained" in item:
            why[item["fact"]] = item["abstained"]
    out = [item for item in out if "abstained" not in item]
    out = _rendered_kept(comparison, out, why, settings)
    out = _outside_quotations(comparison, out, why)
    for item in out:
        best, _ = item.pop(BEST)
        if item["kind"] == "attributed" and len(item["citations"]) > 1:
            # every cited span holds nearly all of these words (synthesis_full_cover_min; an added one the pair
            # verifier's check): the words are each cited outlet's, not the first one's alone
            item["text"] = _attributed_to_all(comparison, item, best.article)
    out += _conflict_items(comparison, why)
    out += _unique_items(comparison, uniques, settings, nearest, why)
    out = _well_formed(out, why, settings)
    out = _names_resolved(comparison, out, why, settings)
    seen: dict[str, str] = {}
    unique_out = []
    for item in out:
        if item["text"] not in seen:
            seen[item["text"]] = item["fact"]
            unique_out.append(item)
        else:
            why[item["fact"]] = f"its statement is word for word {seen[item['text']]}'s: stated once there"
    if left_out is not None:
        stated = {i["fact"] for i in unique_out}
        for f in comparison.facts:
            if f.status == "corroborated" and f.id not in stated:
                left_out[f.id] = "left out of the synthesis: " + why.get(f.id, "no step recorded why")
            elif f.status == "unique" and f.id in why and f.id not in stated:  # the stands-alone check's refusals
                left_out[f.id] = "left out of the synthesis: " + why[f.id]
    return unique_out


def _topic(comparison: Comparison, settings: Settings) -> frozenset[str]:
    """What the story is about, by its articles' headlines (:func:`newsprism.compare.standalone.topic_words`)."""
    if not settings.synthesis_stands_alone:
        return frozenset()
    return topic_words([a.article.title or "" for a in comparison.articles])


ROLE = "a role or title fact (what a phrase says a named person or thing is)"


ROLE_STATEMENT = re.compile(r"^[^,;]{2,80}? (?:is|was|are|were) (?:the|an?|(?:[A-Z][\w’'-]*\s){0,3}[A-Z][\w’'-]*(?:’s|'s))\s[^,;]*$")


def _role(f: Fact) -> bool:
    """A role or title fact: every member a phrase and the statement "<name> is <description>" (not a predicate the
    phrase pass put with its subject: "[El Chapo] broke out of a prison for the second time")."""
    return bool(f.claims) and all(c.part == "phrase" for c in f.claims) and bool(ROLE_STATEMENT.match(f.statement))


def _members_problem(comparison: Comparison, f: Fact, settings: Settings,
                     pair_score: Mapping[frozenset[str], float]) -> str:
    """Why :func:`_members` finds nothing to state for a corroborated fact: a role or title fact (every member is a
    phrase: "<name> is <description>" is the facts' rendering, no sentence an article writes); fewer than two
    articles with a member that can be stated (each member's problem, or its best alignment under
    ``corroborate_min``); or only dependent clauses left."""
    if _role(f):
        return (f"{ROLE}: “{_clip(f.statement, 70)}” is the facts' rendering of a phrase, not a sentence an article "
                f"writes; the synthesis states sentences, so a role is said only through the sentences that carry it")
    notes = []
    ok = set()
    for c in f.claims:
        problem = _unstatable(comparison, c)
        score = max((pair_score.get(frozenset((c.id, o.id)), 0.0) for o in f.claims if o.article != c.article),
                    default=0.0)
        if problem is None and score < settings.corroborate_min:
            problem = f"aligned at {score:.2f} < corroborate_min {settings.corroborate_min}"
        if problem is None:
            ok.add(c.article)
        else:
            notes.append(f"{_label(comparison, c.article)} “{_clip(c.text, 50)}”: {problem}")
    if len(ok) < 2:
        return (f"no member of two articles can be stated ({len(ok)} article(s) left): " + "; ".join(notes[:4])
                + (f"; and {len(notes) - 4} more" if len(notes) > 4 else ""))
    return "only dependent clauses left once each member is cut to the part the others share: none can stand alone"


def _member_checked(comparison: Comparison, facts: Sequence[Fact], settings: Settings,
                    cues: Mapping[str, Sequence[FramingCue]] | None, why: dict[str, str]) -> list[Made]:
    """Corroborated facts the renderings could not state (``_members``, ``_corroborated_item``), each stated by its
    fact's statement where: an article writes it word for word in a member's sentence (not a rendering: "<name> is
    <description>", a statement with a source added); it is a statement the synthesis may say (``_unstatable``:
    chrome, credit, fragment, caption, dangling subject, no closing stop, no well-formed parse; a clause piece only
    when it stands alone, starting with a capital); and every other cited article has a span that passes what the
    member check tests (``facts.stated_by_members``): the statement's figures and quoted words (``_unsupported``) and
    the span check at ``member_narrow_min``. The synthesis' faithfulness rules still apply: an outlet's evaluative
    cue, a loaded word, a pledge or an epithet → attributed to the outlet; someone's quoted words → said with the
    speaker (none named: left out); first-person words → left out; the abstention band (``complete_citations``)
    as for every statement. ``why`` gets, for each fact this cannot state, why (after the step that dropped it)."""
    tries: list[tuple[Fact, Claim, str, list[tuple[Claim, float]]]] = []
    for f in facts:
        found = _statement_claim(comparison, f)
        if isinstance(found, str):
            why[f.id] += f"; not stated by its fact's statement either: {found}"
            continue
        # the pair verifier's probability of each span against the statement's own unit (where the statement is
        # that unit's words: the support entry the facts mark "the statement unit")
        anchored = any(sp["article"] == found.article and sp["start"] <= found.start and found.end <= sp["end"]
                       and str(sp.get("reason", "")).startswith("the statement unit") for sp in f.support)
        others = [(replace(c, start=sp["start"], end=sp["end"], text=sp["text"], part="clause" if c.part == "sentence"
                           and (sp["start"], sp["end"]) != (c.start, c.end) else c.part),
                   float(sp.get("score") or 0.0) if anchored else 0.0)
                  for c, sp in zip(f.claims, f.support, strict=True) if sp["article"] != found.article]
        tries.append((f, found, found.text, others))
    checks = iter(span_checks([(text, o.text) for _, _, text, others in tries for o, _ in others]))
    out: list[Made] = []
    floor, pair_min = settings.member_narrow_min, settings.synthesis_member_pair_min
    verdicts = [(f, best, text, [(o, pair, next(checks), _unsupported(comparison, best, text, o, settings))
                                 for o, pair in others]) for f, best, text, others in tries]
    # a span the check does not pass, that the pair verifier accepted at synthesis_member_pair_min: its predicate
    doubted = [(text, o.text) for _, _, text, rows in verdicts for o, pair, (p, _), bad in rows
               if bad is None and p < floor and 0 < pair_min <= pair]
    predicates = iter(predicate_shared(doubted) if doubted else [])
    for f, best, text, rows in verdicts:
        kept: list[Claim] = []
        notes: list[str] = []
        how: list[str] = []
        for o, pair, (p, top), bad in rows:
            held = next(predicates) if bad is None and p < floor and 0 < pair_min <= pair else None
            if bad is None and (p >= floor or held is not None):
                kept.append(o)
                if p < floor:
                    how.append(f"{_label(comparison, o.article)}: span check {p:.2f} < {floor}, but the pair verifier "
                               f"{pair:.2f} >= synthesis_member_pair_min {pair_min} and {held}")
            else:
                notes.append(f"{_label(comparison, o.article)} “{_clip(o.text, 50)}” " +
                             (bad or f"span check {p:.2f} < member_narrow_min {floor} ({top})" +
                              (f", pair verifier {pair:.2f}" if pair else "")))
        if not kept:
            why[f.id] += ("; not stated by its fact's statement either: no other article's span passes the member "
                          "check's tests: " + "; ".join(notes[:3]))
            continue
        rendering = _checked_rendering(comparison, best, text, cues, settings)
        if rendering is None:
            refused = ("someone's words (a quotation or first-person words) with no named speaker to say them with")
            fallback = _narrated(comparison, f, best, [o for o, _, _, _ in rows], cues, settings)
            if isinstance(fallback, str):
                why[f.id] += f"; not stated by its fact's statement either: {refused}; {fallback}"
                continue
            quoting = best
            best, text, kept, rendering, fell = fallback
            rendering = (rendering[0], rendering[1], f"{rendering[2]}; {fell}")
            notes = [f"{_label(comparison, o.article)} (its span does not state the narrated sentence)"
                     for o in [quoting, *(o for o, _, _, _ in rows)] if o not in kept and o.article != best.article]
        said, kind, note = rendering
        if kind == "attributed":
            # one outlet's evaluative words: another outlet is cited for them only where its span holds nearly all of
            # them (synthesis_full_cover_min, as ``_cited`` asks of an attributed rendering)
            words = _stems(text)
            full = settings.synthesis_full_cover_min
            short = [o for o in kept if len(words & _stems(o.text)) < full * max(len(words), 1)]
            kept = [o for o in kept if o not in short]
            notes += [f"{_label(comparison, o.article)} holds {_share(words, _stems(o.text))} of the attributed words "
                      f"< synthesis_full_cover_min {full:.0%}" for o in short]
            if not kept:
                why[f.id] += ("; not stated by its fact's statement either: its words are one outlet's evaluative "
                              f"words ({note.lstrip('; ')}) and no other cited span holds {full:.0%} of them: "
                              + "; ".join(notes[-3:]))
                continue
        n = len({best.article, *(o.article for o in kept)})
        reason = (f"stated by {n} articles through its fact's statement (the synthesis' renderings: {_clip(why[f.id], 160)});"
                  f" every cited span passes the member check's tests: the statement's figures and quoted words, and "
                  f"the span check at member_narrow_min {floor}{note}")
        if extra_how := "; ".join(how):
            reason += f" (or: {extra_how})"
        if notes:
            reason += "; not cited: " + "; ".join(notes[:3])
        spans = [best, *kept]
        item = {"text": _dated(comparison, best.article, said), "citations": list(dict.fromkeys(c.article for c in spans)),
                "spans": [_citation(c) for c in spans], "fact": f.id, "kind": kind, "reason": reason,
                BEST: (best, said)}
        out.append((f, (spans, [best]), item))
    return out


def _narration_order(comparison: Comparison, c: Claim) -> tuple[bool, bool, int]:
    """How plain a member is to say a fact in: not a quote first, then no quoted words at all (a quoted term inside
    narration next), then the shortest."""
    text = _stated(comparison, c)
    return c.quote, bool(QUOTED.search(text)), len(text)


def _narrated(comparison: Comparison, f: Fact, best: Claim, others: Sequence[Claim],
              cues: Mapping[str, Sequence[FramingCue]] | None, settings: Settings
              ) -> tuple[Claim, str, list[Claim], tuple[str, str, str], str] | str:
    """A fact whose statement is someone's words with no named speaker (the statement's member quotes them) may
    still be narrated by other members in their outlet's own voice: the plainest such member (no quotation; a quoted
    term inside narration is narration, :func:`quotation`) that can be stated is said, citing exactly the members
    (the quoting one too) whose spans state it by the member check's tests (the span check at ``member_narrow_min``
    and the figures and quoted words, ``_unsupported``). Returns (unit, text, cited others, rendering, note), or why
    none can be said."""
    units = [best, *others]
    narrators = sorted((c for c in others if _statable(comparison, c) and _sayable(comparison, c)),
                       key=lambda c: _narration_order(comparison, c))
    tried: list[str] = []
    for alt in narrators:
        text = _finish(_stated(comparison, alt))
        if quotation(alt, text) or first_person(text):
            tried.append(f"{_label(comparison, alt.article)} quotes it too")
            continue
        rest = [u for u in units if u.article != alt.article]
        checks = span_checks([(text, _span_text(comparison, u)) for u in rest])
        kept = [u for u, (p, _) in zip(rest, checks, strict=True)
                if p >= settings.member_narrow_min and _unsupported(comparison, alt, text, u, settings) is None]
        if not kept:
            tried.append(f"{_label(comparison, alt.article)}'s “{_clip(text, 50)}”: no other article's span states it "
                         f"(span check under member_narrow_min {settings.member_narrow_min} or a figure or quoted "
                         f"words missing)")
            continue
        rendering = _checked_rendering(comparison, alt, text, cues, settings)
        if rendering is None:
            tried.append(f"{_label(comparison, alt.article)}'s “{_clip(text, 50)}”: someone's words too")
            continue
        note = (f"the statement's own member quotes it with no named speaker; narrated instead by "
                f"{_label(comparison, alt.article)}'s sentence (the plainest member that narrates it), cited to the "
                f"articles whose spans state that sentence")
        return alt, text, kept, rendering, note
    return ("no member narrates it in its outlet's own voice that another article's span states" +
            (": " + "; ".join(tried[:3]) if tried else ""))


def _statement_claim(comparison: Comparison, f: Fact) -> Claim | str:
    """The unit that writes a fact's statement word for word (its member's sentence, as a sentence or a clause piece),
    or why there is none the synthesis may state."""
    if _role(f):
        return ROLE
    core = " ".join(f.statement.split()).rstrip()
    for c, sp in zip(f.claims, f.support, strict=True):
        a = _article(comparison, sp["article"])
        sentence = _sentence(comparison, c)
        if a is None or sentence is None:
            continue
        lo, hi = min(sentence.start, sp["start"]), max(sentence.end, sp["end"])
        for want in dict.fromkeys((core, core.rstrip("."))):
            at = a.article.text.find(want, lo, hi)
            if at < 0:
                continue
            whole = a.article.text[sentence.start:sentence.end].strip() in (want, want + ".")
            unit = replace(c, id=f"{c.id}~w{at}", start=at, end=at + len(want), text=want,
                           part="sentence" if whole else "clause")
            if unit.part == "clause" and _standalone(unit) is None:
                return (f"the statement “{_clip(core, 50)}” is a piece of a sentence that cannot stand alone (“which "
                        f"…”, “after …”, a participle, under five words)")
            if unit.part == "clause":  # a piece stated alone: as the synthesis states one (its first letter raised)
                unit = replace(unit, text=_standalone(unit) or want)
            problem = _unstatable(comparison, unit)
            if problem is not None:
                return f"the statement “{_clip(core, 50)}”, as {_label(comparison, c.article)} writes it: {problem}"
            return unit
    return f"the statement “{_clip(core, 50)}” is written by none of its articles word for word (a rendering)"


def _checked_rendering(comparison: Comparison, best: Claim, text: str,
                       cues: Mapping[str, Sequence[FramingCue]] | None, settings: Settings
                       ) -> tuple[str, str, str] | None:
    """How a member-checked statement is said: (text, kind, note). Someone's quoted words with that speaker (named in
    the statement, or "<speaker> was quoted as saying: “…”"); an outlet's evaluative words attributed to it; None
    for first-person words or a quotation with no named speaker."""
    outside = outside_quotes(text, keep_offsets=False)
    speaker = best.asserted_by_name
    if quotation(best, text):
        if speaker and _same_speaker(speaker, speaker) and \
                re.findall(r"[A-Za-z][\w’'-]*", speaker)[-1].lower() in outside.lower():
            return _finish(text), "corroborated", "; a quotation said with its speaker, who the statement names"
        m = QUOTED.search(text)
        if not speaker or speaker.lower() in ("he", "she", "they", "it") or m is None:
            return None
        return (_finish(f"{speaker}{QUOTED_AS}“{m.group(1).strip().rstrip(',')}”"), "corroborated",
                "; a quotation said with its speaker")
    if first_person(text):
        return None
    said = _stated(comparison, best) if best.part == "sentence" else text
    why = evaluative(comparison, best, cues) or loaded_word(said, settings) or other_name(said) or stance(said)
    plan = None if why else pledge(said)
    if why or plan:
        return (f"According to {_label(comparison, best.article)}, "
                f"{_lower_first(_finish(text), _names(comparison, best.article))}", "attributed",
                f"; attributed: {why or plan}")
    if QUOTED.search(text):
        return (_finish(text), "corroborated", "; a quoted term inside the outlet's own narration (the main verb stands "
                "outside the quote marks): said as narration, the quoted words held by every cited span")
    return _finish(text), "corroborated", ""


REPORTING = frozenset({"say", "tell", "add", "state", "write", "declare", "insist", "warn", "claim", "announce",
                       "explain", "argue", "note", "quote"})


def quotation(best: Claim, text: str) -> bool:
    """Is a statement someone's quoted words (said only with its speaker), not the outlet's narration: the unit is a
    quote, or a quoted run (``QUOTED``) carries the main clause — the root verb of the parse stands inside the quote
    marks, or it is a reporting verb ("said", "told") whose quoted words are the statement. A quoted *term* inside
    narration ("the agency described the find as “a giant leap in the search”") is narration: the root stands
    outside the quote marks and reports nothing."""
    if best.quote:
        return True
    runs = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    if not runs:
        return False
    doc = nlp.parse_cached([text], disable=("ner",))[0]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return True
    if any(a <= root.idx < b for a, b in runs):
        return True
    return root.lemma_.lower() in REPORTING


def _no_rendering(failed: Sequence[str]) -> str:
    """Why :func:`_corroborated_item` made nothing: each rendering tried and why fewer than two articles' spans hold
    it (``_cited``), or that nothing could be tried."""
    if not failed:
        return ("no rendering to try: every member that can be stated is first-person words or a quotation no quote "
                "finder tied to a speaker")
    shown = "; ".join(f"({k + 1}) {w}" for k, w in enumerate(failed[:3]))
    more = f"; and {len(failed) - 3} more rendering(s)" if len(failed) > 3 else ""
    return f"no rendering held by two articles' spans: {shown}{more}"


Made = tuple[Fact, tuple[list[Claim], list[Claim]], dict[str, Any]]
ALONE = re.compile(r"^According to .+? alone, ")


def _body(item: Mapping[str, Any]) -> str:
    """A statement's own words, without the synthesis' "According to …[ alone]," frame, its first letter raised."""
    text = ALONE.sub("", item["text"], count=1) if item["kind"] == "unique" else FRAME.sub("", item["text"], count=1)
    return text[:1].upper() + text[1:]
BEST = "_best"  # an item's stated unit and statement while the synthesis is made (not part of its output)


def completion_candidates(comparison: Comparison, items: Sequence[Mapping[str, Any]], settings: Settings,
                          top: int = 3) -> list[tuple[int, Claim]]:
    """For each corroborated statement, the units of every article it does not cite that could state it too: the
    ``top`` best by the aligner's combined score (at least ``candidate_min``), each as (item index, unit). The
    statement's unit is scored against the units of all articles in one matrix (word and name rarity over the
    whole story, as ``align`` weighs them)."""
    from ..similarity import entity_idf, term_df, term_idf
    from .align import get_aligner

    todo = [(n, it[BEST][0]) for n, it in enumerate(items) if BEST in it and it["kind"] in ("corroborated", "attributed")]
    if not todo:
        return []
    units = [u for a in comparison.articles for u in fact_units(a, settings)]
    whole = [c for c in units if c.part != "clause"]
    idf, tidf, tdf = entity_idf(whole), term_idf(whole), term_df(whole)
    aligner = get_aligner(settings)
    left = [b for _, b in todo]
    m = aligner.score_matrix(left, units, aligner.vectors(left), aligner.vectors(units), idf, tidf, tdf)
    out: list[tuple[int, Claim]] = []
    for row, (n, _best) in enumerate(todo):
        cited = set(items[n]["citations"])
        for a in comparison.articles:
            if a.id in cited:
                continue
            cols = [k for k, u in enumerate(units) if u.article == a.id]
            for k in sorted(cols, key=lambda k: -float(m["combined"][row, k]))[:top]:
                if float(m["combined"][row, k]) >= settings.candidate_min:
                    out.append((n, units[k]))
    return out


def complete_citations(comparison: Comparison, items: list[dict[str, Any]], settings: Settings) -> None:
    """Cite exactly the articles that state each corroborated statement.

    Completion: a unit of an article the statement does not cite is added to its citations when it passes what a
    member must (the structured checks: speaker, event, figures, polarity; the statement's figures and quoted
    words; no chrome, caption, headline or bare attribution) and either

    - (``synthesis_figure_complete``) it states one of the statement's measured figures, the same measure of the
      same event and the same figure (``same_figure``: “within two months” for “within 60 days” of the election),
      and holds at least ``synthesis_verified_cover_min`` of the statement's content words; or
    - (``synthesis_complete``) the span check (``span_check``: hand-labelled statement/span pairs, frozen MiniLM)
      finds that it states the statement at ``synthesis_complete_min``.

    Pruning (``synthesis_prune_below`` above 0): a cited span of another article the span check scores below it is
    dropped; a statement left with its own article alone is said as that outlet's (“According to X, …”)."""
    pruned = _prune(comparison, items, settings) if settings.synthesis_prune_below > 0 else set()
    _doubt_cited(comparison, items, settings)
    abstain = 0.0 < settings.synthesis_abstain_min < settings.synthesis_complete_min
    if not (settings.synthesis_complete or settings.synthesis_figure_complete or abstain):
        return
    verifier = Verifier(comparison.articles, settings)
    candidates = []
    for n, unit in completion_candidates(comparison, items, settings):
        if (n, unit.article) in pruned:  # the check refused this article's cited span: not added back
            continue
        best, text = items[n][BEST]
        figure = _figure_stated(comparison, best, text, unit, settings, verifier) \
            if settings.synthesis_figure_complete else None
        if figure is None and not (settings.synthesis_complete or abstain):
            continue
        if completion_blocked(comparison, best, text, unit, settings, verifier) is not None:
            continue
        candidates.append((n, unit, figure))
    checks = span_checks([(FRAME.sub("", items[n][BEST][1]), _holding(comparison, unit))
                          for n, unit, figure in candidates if figure is None])
    # a unit the check accepts must also write the statement's predicate ("visited the dam" is not "opened the
    # dam", whatever the check says of the same participants): else it is undecided
    high = [(n, unit) for (n, unit, figure), (p, _) in zip(
        [c for c in candidates if c[2] is None], checks, strict=True) if p >= settings.synthesis_complete_min]
    predicate = dict(zip([(n, unit.id) for n, unit in high], predicate_shared(
        [(FRAME.sub("", items[n][BEST][1]), _holding(comparison, unit)) for n, unit in high]), strict=True)) \
        if settings.synthesis_complete_predicate else {}
    added: dict[int, dict[str, tuple[Claim, float, str]]] = defaultdict(dict)
    undecided: dict[int, dict[str, tuple[float, str, str]]] = defaultdict(dict)
    for n, unit, figure in candidates:
        if figure is not None:
            p, why = 1.0, figure
        else:
            p, top = checks.pop(0)
            refused = predicate.get((n, unit.id), "") is None
            doubt = (f"span check {p:.2f} >= synthesis_complete_min {settings.synthesis_complete_min} but the span "
                     f"does not write the statement's main predicate ({top})") if refused else \
                (f"span check {p:.2f} in [synthesis_abstain_min {settings.synthesis_abstain_min}, "
                 f"synthesis_complete_min {settings.synthesis_complete_min}) ({top})")
            in_band = abstain and (refused or settings.synthesis_abstain_min <= p < settings.synthesis_complete_min)
            if in_band and p > undecided[n].get(unit.article, (0.0, "", ""))[0]:
                undecided[n][unit.article] = (p, doubt, _holding(comparison, unit))
            if refused or p < settings.synthesis_complete_min or not settings.synthesis_complete:
                continue
            held = predicate.get((n, unit.id))
            why = f"span check {p:.2f} >= synthesis_complete_min {settings.synthesis_complete_min}" \
                  f"{', ' + held if held else ''}: {top}"
        if unit.article in added[n] and added[n][unit.article][1] >= p:
            continue
        added[n][unit.article] = (unit, p, why)
    for n, found in added.items():
        if not found:
            continue
        item = items[n]
        best, text = item[BEST]
        said = _stems(FRAME.sub("", text))
        for aid, (unit, _, _) in found.items():
            item["citations"].append(aid)
            item["spans"].append(_citation(_narrow(comparison, best, text, unit, said, settings)))
        item["reason"] += "; also stated by " + ", ".join(
            f"{_label(comparison, aid)} ({why})" for aid, (_, _, why) in found.items())
    _abstain(comparison, items, undecided)


def _doubt_cited(comparison: Comparison, items: list[dict[str, Any]], settings: Settings) -> None:
    """A cited span of another article than the statement's own that writes none of the statement's main
    predicates (``span_check.predicate_shared``) and that the span check scores below
    ``synthesis_cited_predicate_min`` may state a related fact, not this one ("said it was open to modest
    reductions" for "pushed back on a report"): the statement is marked to be left out (``abstained``). A
    quotation said with its speaker is checked by its quoted words instead."""
    if settings.synthesis_cited_predicate_min <= 0:
        return
    todo = [(n, sp) for n, it in enumerate(items) if BEST in it and it["kind"] in ("corroborated", "attributed")
            and QUOTED_AS not in it["text"] for sp in it["spans"] if sp["article"] != it[BEST][0].article]
    pairs = [(FRAME.sub("", items[n][BEST][1]), _cited_text(comparison, sp)) for n, sp in todo]
    checks = span_checks(pairs)
    low = [k for k, (p, _) in enumerate(checks) if p < settings.synthesis_cited_predicate_min]
    held = predicate_shared([pairs[k] for k in low])
    # a span narrowed to the clauses it shares may have left the predicate in its sentence ("a state of emergency
    # for the whole valley" of "Governor Kovar declared a state of emergency …"): the citation is widened to the
    # sentence when the sentence writes it
    bare = [k for k, why in zip(low, held, strict=True) if why is None]
    whole = {k: sent for k in bare if (sent := _span_sentence(comparison, todo[k][1])) is not None}
    widened = dict(zip(whole, predicate_shared([(pairs[k][0], whole[k].text) for k in whole]), strict=True))
    for k, why in zip(low, held, strict=True):
        n, sp = todo[k]
        if why is None and widened.get(k) is not None:
            sp["start"], sp["end"] = whole[k].start, whole[k].end
            items[n]["reason"] += (f"; {_label(comparison, sp['article'])}'s citation widened to its sentence, which "
                                   f"writes the statement's predicate")
            continue
        if why is None and "abstained" not in items[n]:
            p, top = checks[k]
            items[n]["abstained"] = (
                f"undecided whether {_label(comparison, sp['article'])}'s cited span states it: it writes none of "
                f"the statement's main predicates and the span check gives {p:.2f} < synthesis_cited_predicate_min "
                f"{settings.synthesis_cited_predicate_min} ({top}) for “{_clip(pairs[k][1], 80)}”")
            _log.info("synthesis: left out “%s”: %s", _clip(items[n]["text"], 80), items[n]["abstained"])


def _span_sentence(comparison: Comparison, span: Mapping[str, Any]) -> Sentence | None:
    a = _article(comparison, span["article"])
    return next((x for x in a.sentences if x.i == span["sentence"]), None) if a else None


def _abstain(comparison: Comparison, items: list[dict[str, Any]],
             undecided: Mapping[int, Mapping[str, tuple[float, str, str]]]) -> None:
    """Abstention: an article a statement does not cite whose best unit the span check can neither accept nor
    refuse (``synthesis_abstain_min`` up to ``synthesis_complete_min``, or above it without the statement's
    predicate) may state it in other words: the statement is marked to be left out (``abstained``: the article,
    the score, the features that weighed most and the unit), not said under-cited."""
    for n, item in enumerate(items):
        open_ = {aid: u for aid, u in undecided.get(n, {}).items() if aid not in item["citations"]}
        if not open_ or "abstained" in item:
            continue
        aid, (p, why, span_text) = max(open_.items(), key=lambda kv: kv[1][0])
        item["abstained"] = f"undecided whether {_label(comparison, aid)} states it: {why} for “{_clip(span_text, 80)}”"
        _log.info("synthesis: left out “%s”: %s", _clip(item["text"], 80), item["abstained"])


def _prune(comparison: Comparison, items: list[dict[str, Any]], settings: Settings) -> set[tuple[int, str]]:
    """Drop each cited span of another article than the statement's own that the span check scores below
    ``synthesis_prune_below`` (the reason names it, its score and the features that weighed most); a plain
    statement left citing its own article alone is said as that outlet's. Returns the (item, article) pairs
    dropped."""
    todo = [(n, k) for n, it in enumerate(items) if BEST in it and it["kind"] in ("corroborated", "attributed")
            for k, sp in enumerate(it["spans"]) if sp["article"] != it[BEST][0].article]
    checks = span_checks([(FRAME.sub("", items[n][BEST][1]), _cited_text(comparison, items[n]["spans"][k]))
                          for n, k in todo])
    drop: dict[int, list[tuple[int, float, str]]] = defaultdict(list)
    for (n, k), (p, top) in zip(todo, checks, strict=True):
        if p < settings.synthesis_prune_below:
            drop[n].append((k, p, top))
    gone_pairs = {(n, items[n]["spans"][k]["article"]) for n, dropped in drop.items() for k, _, _ in dropped}
    for n, dropped in drop.items():
        item = items[n]
        best, _ = item[BEST]
        gone = {k for k, _, _ in dropped}
        item["reason"] += "; not cited: " + "; ".join(
            f"{_label(comparison, item['spans'][k]['article'])} (span check {p:.2f} < synthesis_prune_below "
            f"{settings.synthesis_prune_below}: {top})" for k, p, top in dropped)
        item["spans"] = [sp for k, sp in enumerate(item["spans"]) if k not in gone]
        item["citations"] = list(dict.fromkeys(sp["article"] for sp in item["spans"]))
        if item["citations"] == [best.article] and item["kind"] == "corroborated" and not FRAME.match(item["text"]):
            item["kind"] = "attributed"
            item["text"] = f"According to {_label(comparison, best.article)}, " \
                           f"{_lower_first(item['text'], _names(comparison, best.article))}"
            item["reason"] += "; left with its own article alone: said as that outlet's"
    return gone_pairs


def _cited_text(comparison: Comparison, span: Mapping[str, Any]) -> str:
    a = _article(comparison, span["article"])
    return a.article.text[span["start"]:span["end"]] if a else ""


def _figure_stated(comparison: Comparison, best: Claim, text: str, unit: Claim, settings: Settings,
                   verifier: Verifier) -> str | None:
    """How a unit states one of the statement's measured figures (same measure of the same event, the same figure)
    while holding at least ``synthesis_verified_cover_min`` of its content words (the figure's own words count as
    held: “two months” states “60 days”), or None."""
    said = _stems(FRAME.sub("", text))
    held = _stems(_holding(comparison, unit))
    lo, hi = _stated_span(comparison, best)
    mine = [q for q in _quantities(comparison, best.article)
            if lo <= q.start and q.end <= hi and q.measure and q.low is not None]
    theirs = [q for q in verifier.quantities_of(unit) if q.measure and q.low is not None]
    for q in mine:
        for x in theirs:
            if x.key() == q.key() and x.event == q.event \
                    and same_figure(q, x, settings.corroborate_number_tolerance) \
                    and len(said & (held | _stems(q.text))) >= settings.synthesis_verified_cover_min * max(len(said), 1):
                return (f"states the statement's figure “{q.text.strip()}” as “{x.text.strip()}” ({q.measure}) and "
                        f"{settings.synthesis_verified_cover_min:.0%}+ of its words")
    return None


def completion_blocked(comparison: Comparison, best: Claim, text: str, unit: Claim, settings: Settings,
                       verifier: Verifier) -> str | None:
    """Why a unit may not be added to a statement's citations whatever the model says, or None: chrome, a caption,
    a headline, a bare attribution; a figure, quoted words or a speaker the statement's member would need
    (``_unsupported``); the structured checks (``Verifier.refuse``)."""
    sentence = _sentence_text(comparison, unit)
    if is_chrome(sentence) or is_caption(sentence) or is_headline(sentence) or is_fragment(unit.text) \
            or unit.part == "attribution":
        return "chrome, a caption, a headline or a bare attribution"
    return _unsupported(comparison, best, text, unit, settings) or verifier.refuse(best, unit)


def _linked_claims(comparison: Comparison, facts: Sequence[Fact], accepted: Mapping[tuple[str, str], float],
                   settings: Settings, verified: set[str] | None = None) -> dict[str, list[Claim]]:
    """For each fact, the units of other articles in the corroborated facts it shares a sentence with: "WhatsApp
    has more than 450 million users" (four outlets) and "… and has more than 450 million users" (one of them and a
    fifth) are one fact the alignment split in two; the fifth article's unit may then state this statement too
    (``_cited`` checks it as it checks the fact's own members)."""
    where: dict[tuple[str, int], set[str]] = defaultdict(set)
    for g in comparison.facts:
        if g.status == "corroborated":
            for c in g.claims:
                where[(c.article, c.sentence)].add(g.id)
    by_id = {g.id: g for g in comparison.facts}
    out: dict[str, list[Claim]] = {}
    for f in facts:
        articles = {c.article for c in f.claims}
        ids = set().union(*(where[(c.article, c.sentence)] for c in f.claims)) - {f.id}
        out[f.id] = [c for gid in sorted(ids) for c in by_id[gid].claims
                     if c.article not in articles and _statable(comparison, c)]
    # units the pair verifier accepted against a member, in articles the fact left out (a unit the alignment
    # took into another fact, or one not aligned with the fact's statement unit), best first
    mine = {c.id: c for f in facts for c in f.claims}
    wanted: dict[str, dict[str, float]] = defaultdict(dict)
    for (x, y), p in accepted.items():
        if x in mine:
            wanted[x][y] = max(p, wanted[x].get(y, 0.0))
    if wanted:
        needed = {y for ys in wanted.values() for y in ys}
        families = {y.split("~")[0] for y in needed}
        units = {u.id: u for a in comparison.articles if any(y.startswith(a.id) for y in needed)
                 for u in fact_units(a, settings, claims=[c for c in fact_claims(a, settings) if c.id in families])
                 if u.id in needed}
        for f in facts:
            articles = {c.article for c in f.claims}
            found: dict[str, float] = {}
            for c in f.claims:
                for y, p in wanted.get(c.id, {}).items():
                    if y in units and units[y].article not in articles:
                        found[y] = max(p, found.get(y, 0.0))
            have = {c.id for c in out[f.id]}
            more = [units[y] for y in sorted(found, key=lambda k: -found[k])
                    if y not in have and _statable(comparison, units[y])]
            out[f.id] += more
            if verified is not None:
                verified.update(c.id for c in more)
    return out


def _merge_same(comparison: Comparison, made: Sequence[Made], settings: Settings,
                cues: Mapping[str, Sequence[FramingCue]] | None,
                pair_score: Mapping[frozenset[str], float],
                linked: Mapping[str, Sequence[Claim]] | None = None,
                verified: Collection[str] = (), why: dict[str, str] | None = None) -> list[Made]:
    """Statements that say the same thing, stated once: two corroborated facts, a member of one aligned with a
    member of the other (another article) as a paraphrase (``paraphrase_min``), are stated as one when the statement made
    from their members together is held by every article either cited (its citations are then the union of
    the articles that state it); else both stay as they are. The court's ruling told by two pairs of outlets in
    two wordings is one statement citing all four, not two statements citing two each."""
    items = list(made)
    merged = True
    while merged:
        merged = False
        for i, (fi, _, ii) in enumerate(items):
            for j in range(i + 1, len(items)):
                fj, _, ij = items[j]
                if _restates(ii, ij, settings):  # one statement's every citation states the other's too
                    keep, drop = (i, j) if len(ii["citations"]) >= len(ij["citations"]) else (j, i)
                    ik = items[keep][2]
                    ik["reason"] += (f"; {items[drop][0].id} (“{_clip(items[drop][2]['text'])}”) says the same "
                                     f"through the same spans of {len(items[drop][2]['citations'])} of these "
                                     f"articles: stated once")
                    if why is not None:
                        why[items[drop][0].id] = (f"says the same as {items[keep][0].id}'s statement through the "
                                                  f"same spans of {len(items[drop][2]['citations'])} of its articles: "
                                                  f"stated once there (“{_clip(ik['text'], 60)}”)")
                    del items[drop]
                    merged = True
                    break
                if not any(pair_score.get(frozenset((a.id, b.id)), 0.0) >= settings.paraphrase_min
                           for a in fi.claims for b in fj.claims if a.article != b.article) \
                        or not _one_fact(ii, ij, settings):
                    continue
                both = replace(fi, claims=tuple(dict.fromkeys(fi.claims + fj.claims)))
                shaped = _members(comparison, both, settings, pair_score)
                extra = [*(linked or {}).get(fi.id, ()), *(linked or {}).get(fj.id, ())]
                item = _corroborated_item(comparison, both, shaped, settings, cues, extra, verified) if shaped else None
                if shaped is None or item is None or not set(item["citations"]) >= set(ii["citations"]) | set(ij["citations"]):
                    continue
                item["reason"] += f"; {fi.id} and {fj.id} say the same thing: stated once"
                if why is not None:
                    why[fj.id] = (f"says the same thing as {fi.id}: stated once, with {fi.id}'s id, citing the "
                                  f"articles of both (“{_clip(item['text'], 60)}”)")
                items[i] = (both, shaped, item)
                del items[j]
                merged = True
                break
            if merged:
                break
    return items


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


def _restates(a: Mapping[str, Any], b: Mapping[str, Any], settings: Settings) -> bool:
    """Whether two statements are one fact told twice, the articles of one all among the other's: in every
    article both cite, the spans they cite overlap (the same words of the same sentence support both), and the
    shorter statement shares at least ``synthesis_cover_min`` of its content words with the other. The court's
    ruling stated once from the first clause of a sentence and once from the whole sentence, citing four and
    five outlets through the same spans, is one statement (the one citing more), not two."""
    ca, cb = set(a["citations"]), set(b["citations"])
    if not (ca <= cb or cb <= ca) or len(ca & cb) < 2 or "conflict" in (a.get("kind"), b.get("kind")):
        return False
    for aid in ca & cb:
        sa = [(sp["start"], sp["end"]) for sp in a["spans"] if sp["article"] == aid]
        sb = [(sp["start"], sp["end"]) for sp in b["spans"] if sp["article"] == aid]
        if not any(x0 < y1 and y0 < x1 for x0, x1 in sa for y0, y1 in sb):
            return False
    wa, wb = (_stems(FRAME.sub("", x["text"])) for x in (a, b))
    return bool(wa and wb) and len(wa & wb) >= settings.synthesis_cover_min * min(len(wa), len(wb))


def _one_fact(a: Mapping[str, Any], b: Mapping[str, Any], settings: Settings) -> bool:
    """Whether two statements can be one fact told twice: each cites an article the other does not (two
    statements citing the same articles are two facts those articles share), an article both cite is cited by
    the same sentence in both (one sentence of it states both: else it states two things), and the shorter
    statement shares at least ``synthesis_cover_min`` of its content words with the other."""
    ca, cb = set(a["citations"]), set(b["citations"])
    if ca <= cb or cb <= ca:
        return False
    for aid in ca & cb:
        if not {sp["sentence"] for sp in a["spans"] if sp["article"] == aid} & \
                {sp["sentence"] for sp in b["spans"] if sp["article"] == aid}:
            return False
    sa, sb = (_stems(re.sub(r"^According to [^,]+, ", "", x["text"])) for x in (a, b))
    return bool(sa and sb) and len(sa & sb) >= settings.synthesis_cover_min * min(len(sa), len(sb))


def _members(comparison: Comparison, f: Fact, settings: Settings,
             pair_score: Mapping[frozenset[str], float]) -> tuple[list[Claim], list[Claim]] | None:
    """A corroborated fact's members (each cut to the part the others share) and those of them that can be
    stated, or None when what is left is no longer stated by two articles."""
    # stated only on a pair aligned at corroborate_min: not on a word two renderings borrow in quote
    # marks alone (the fact list keeps those; “historic surrender” and “historic mistake” are two things)
    aligned = [c for c in f.claims if max(
        (pair_score.get(frozenset((c.id, o.id)), 0.0) for o in f.claims if o.article != c.article),
        default=0.0) >= settings.corroborate_min]
    # a member that cannot be stated may still support the statement another member makes (``synthesis_cite_unstatable``):
    # a sentence whose subject is a pronoun its article resolves ("He vowed to veto …"), a quotation cut before its
    # close; never chrome, a headline, a caption, a bare attribution or a fragment
    claims = [c for c in aligned if _statable(comparison, c)
              or (settings.synthesis_cite_unstatable and _supports(comparison, c))]
    if len({c.article for c in claims}) < 2 or not any(_statable(comparison, c) for c in claims):
        return None  # what is left after chrome and fragments is no longer corroborated
    members = [shared_part(comparison, c, [o for o in claims if o.article != c.article]) for c in claims]
    claims = [c for c in members if _sayable(comparison, c) and _statable(comparison, c)]
    if not claims:
        return None  # only dependent clauses: nothing here can be stated without saying more
    return members, claims


def _supports(comparison: Comparison, claim: Claim) -> bool:
    """May a unit the synthesis cannot state still be cited for a statement another member makes: not an attribution,
    chrome, a fragment, a headline or a caption (what ``_unstatable`` refuses first), nor a noun phrase (what it
    says of a referent supports no sentence around it)."""
    text = _sentence_text(comparison, claim)
    return not (claim.part in ("attribution", "phrase") or is_chrome(text) or is_fragment(text) or is_fragment(claim.text)
                or is_headline(text) or is_caption(text))


def _corroborated_item(comparison: Comparison, f: Fact, shaped: tuple[list[Claim], list[Claim]], settings: Settings,
                       cues: Mapping[str, Sequence[FramingCue]] | None,
                       extra: Sequence[Claim] = (), verified: Collection[str] = (),
                       failed: list[str] | None = None) -> dict[str, Any] | None:
    """One corroborated fact as a statement, or None when nothing in it can be stated and cited (``failed``, when
    given, gets why each rendering tried was not held by two articles' spans)."""
    members, claims = shaped
    n = len({c.article for c in members})
    own = [c for c in claims if not c.quote and not first_person(c.text)]  # "we're going to …": no outlet's
    # a pledge or a plan ("WhatsApp will remain …", "X plans to …") is what the outlets report someone says will
    # happen: attributed like an evaluative rendering, never stated as plain future fact
    plain = [c for c in own if evaluative(comparison, c, cues) is None
             and loaded_word(_stated(comparison, c), settings) is None and pledge(_stated(comparison, c)) is None
             and other_name(_stated(comparison, c)) is None and stance(_stated(comparison, c)) is None]
    # the renderings in the order they are tried: the plainest first; when a rendering's statement is held by
    # fewer than two articles' spans, the next (an evaluative one is attributed to its outlet; a quotation is
    # said with its speaker)
    tried: list[tuple[Claim, str, str, str]] = []
    # a rendering whose subject only an earlier sentence identifies ("The company reports that it lost …") is
    # tried after one that says who ("Sprint lost …"): the order is otherwise _pick's
    topic = topic_words([a.article.title or "" for a in comparison.articles]) \
        if settings.synthesis_definite_subject_check and len(plain) > 1 else frozenset()
    vague = {c.id for c in plain if topic and definite_subject(_finish(_stated(comparison, c)), topic)}
    for best in sorted(plain, key=lambda c: (c.id in vague, _pick_key(comparison, c, members))):
        tried.append((best, _finish(_stated(comparison, best)), "corroborated",
                      f"stated by {n} articles (checked: same speaker, event, figures and polarity)"))
    quoted = [c for c in claims if c.quote]
    # words a member puts in a named speaker's mouth (Koum writes “WhatsApp will remain autonomous …”) are that
    # speaker's, also where another outlet prints them in its own voice: said with the speaker before any outlet
    # is made to say them
    spoken = [c for c in quoted if c.asserted_by_name]
    if spoken:
        rendering = (min(spoken, key=lambda c: len(c.text)), _representative(comparison, spoken), "corroborated",
                     f"quoted by {n} articles (a named speaker's words: said with the speaker, not by an outlet)")
        # an outlet that prints the speaker's words in its own voice ("Brightline will remain autonomous …" where
        # another outlet quotes the founder's blog post) does not make them the synthesis' own: said with the
        # speaker first, whatever the loaded-word checks say of the words
        words = set().union(*(_stems(c.text) for c in spoken))
        echoes = [c for c, _, _, _ in tried
                  if len(_stems(_stated(comparison, c)) & words) >= settings.synthesis_full_cover_min
                  * max(len(_stems(_stated(comparison, c))), 1)]
        if echoes:
            tried.insert(0, (rendering[0], rendering[1], rendering[2],
                             rendering[3] + f"; {len(echoes)} outlet rendering(s) print the speaker's words"))
        else:
            tried.append(rendering)
    for best in sorted((c for c in own if c not in plain), key=lambda c: _pick_key(comparison, c, members)):
        why = evaluative(comparison, best, cues) or loaded_word(_stated(comparison, best), settings) \
            or other_name(_stated(comparison, best)) or stance(_stated(comparison, best))
        plan = None if why else pledge(_stated(comparison, best))
        tried.append((best, f"According to {_label(comparison, best.article)}, "
                            f"{_lower_first(_finish(_stated(comparison, best)), _names(comparison, best.article))}",
                      "attributed", f"stated by {n} articles, each in evaluative words ({why}): attributed" if not plan
                      else f"stated by {n} articles as {plan}: {PLEDGE_REASON}"))
    if quoted and not spoken:
        tried.append((min(quoted, key=lambda c: len(c.text)), _representative(comparison, quoted), "corroborated",
                      f"quoted by {n} articles"))
    for k, (best, text, kind, reason) in enumerate(tried):
        # a pledge attributed is the plainest rendering said as reported, not one outlet's words: the usual cover
        full = k > 0 or (kind == "attributed" and not reason.endswith(PLEDGE_REASON))
        item = _cited(comparison, f, members, best, text, kind, reason, settings, full=full,
                      extra=extra, verified=verified, failed=failed)
        if item is not None:
            if k:
                item["reason"] += f"; {k} plainer rendering(s) held by fewer than two articles' spans"
            return item
    return None  # nothing stated by two articles' spans, or only first-person words no quote finder tied to a speaker


PLEDGE_REASON = "attributed, not stated as what will happen"


def _attributed_to_all(comparison: Comparison, item: Mapping[str, Any], first: str) -> str:
    """"According to A, …" said as "According to A and B, …" when B's cited span holds the same words: a
    statement cited to several outlets is not put in one outlet's mouth alone."""
    labels = [_label(comparison, first)] + [_label(comparison, a) for a in item["citations"] if a != first]
    said = ", ".join(labels[:-1]) + " and " + labels[-1]
    return re.sub(r"^According to " + re.escape(labels[0]) + ", ", lambda _: f"According to {said}, ", item["text"],
                  count=1)


def _cited(comparison: Comparison, f: Fact, members: Sequence[Claim], best: Claim, text: str, kind: str, reason: str,
           settings: Settings, full: bool = False, extra: Sequence[Claim] = (),
           verified: Collection[str] = (), failed: list[str] | None = None) -> dict[str, Any] | None:
    """A statement with the members whose spans state it, or None when fewer than two articles' do. ``full``:
    one outlet's words (attributed, or a rendering tried after the plainest): another span must hold nearly
    all of them (``synthesis_full_cover_min``)."""
    # every cited span must hold the statement's words: a member that shares too few of them (the star's
    # member aligned on a theme, not on this statement) is no citation; fewer than two articles left: out
    # (an attributed statement is one outlet's words: another span must hold nearly all of them)
    said = _stems(FRAME.sub("", text))
    floor = settings.synthesis_full_cover_min if full else settings.synthesis_cover_min
    kept = [m for m in members if m.id == best.id
            or len(said & _stems(_holding(comparison, m))) >= floor * max(len(said), 1)]
    short = [m for m in members if m not in kept]
    if len(kept) < len(members):
        reason += (f"; {len(members) - len(kept)} aligned span(s) holding under {floor:.0%} "
                   f"of the statement's words not cited")
    # ... its figures (no other figure for the same measure, no figure left out) and its quoted words (the
    # same speaker's same utterance)
    refused = [(m, bad) for m in kept if (bad := _unsupported(comparison, best, text, m, settings))]
    kept = [m for m in kept if m.id not in {r.id for r, _ in refused}]
    if len({m.article for m in kept}) < 2:
        if failed is not None:
            notes = [f"{_label(comparison, m.article)} holds {_share(said, _stems(_holding(comparison, m)))} of its "
                     f"words < {floor:.0%} (“{_clip(_holding(comparison, m), 50)}”)" for m in short[:3]]
            notes += [f"{_label(comparison, m.article)} {bad}" for m, bad in refused[:3]]
            failed.append(f"“{_clip(text, 70)}” ({kind}) is held by {len({m.article for m in kept})} article(s)' "
                          f"spans: " + ("; ".join(notes) or "no other member"))
        return None
    if refused:
        reason += "; not cited: " + "; ".join(f"{_label(comparison, m.article)} {bad}" for m, bad in refused[:3])
    # another article's unit in a fact sharing a sentence with this one (``_linked_claims``): cited when it holds
    # the statement's words and figures as a member must (an article the fact left out that states it)
    more: list[Claim] = []
    verifier: Verifier | None = None  # an added span is checked as a member was: speaker, event, figures, polarity
    for e in extra:
        if e.article in {m.article for m in kept + more}:
            continue
        # a unit the pair verifier accepted against a member states it in other words: a lower floor
        need = min(floor, settings.synthesis_verified_cover_min) if e.id in verified else floor
        if len(said & _stems(_holding(comparison, e))) >= need * max(len(said), 1) \
                and _unsupported(comparison, best, text, e, settings) is None \
                and (verifier := verifier or Verifier(comparison.articles, settings)).refuse(best, e) is None:
            more.append(e)
    if more:
        kept += more
        reason += "; also stated by " + ", ".join(_label(comparison, e.article) for e in more) + \
            " (a sentence of a fact that shares a sentence with this one holds its words and figures)"
    return {"text": _dated(comparison, best.article, text), "citations": list(dict.fromkeys(m.article for m in kept)),
            "spans": [_citation(_narrow(comparison, best, text, m, said, settings)) for m in kept], "fact": f.id,
            "kind": kind, "reason": reason, BEST: (best, text)}


ACCORDING = re.compile(r"^according\s+to\b", re.IGNORECASE)
# a sentence that gives a source of its own ("…, police said", "according to organisers")
OWN_SOURCE = re.compile(r"\b(?:according to|said|says|told|reported|estimated|claimed|stated|announced)\b",
                        re.IGNORECASE)
REPORTS = REPORTING | {"show", "find", "report", "estimate", "suggest", "indicate", "confirm"}
PART_DEPS = frozenset({"prep", "advcl", "npadvmod", "relcl", "acl", "appos", "agent", "advmod"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ", "VERB"})


def _parts(doc: Any) -> list[tuple[str, str, set[str], int, int]]:
    """The parts of a statement a cited span must each state (class: a statement broader than a cited span): the
    source a reporting root gives ("Pre-verdict surveys showed that …": the surveys), and each modifier of the main
    clause and its conjoined verbs — a prepositional, adverbial, relative or participle phrase, an apposition
    ("at its peak", "in a court case being billed as …"). Each as (kind, text, content stems, start, end): a part
    with no content word (a pronoun, a bare adverb) is none."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return []
    out = []
    heads = [root]
    if root.lemma_.lower() in REPORTS:
        out += [("source", c) for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        heads += [c for c in root.children if c.dep_ == "ccomp"]
    conj = [c for h in list(heads) for c in h.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    heads += conj
    out += [("source" if ACCORDING.match(" ".join(t.text for t in c.subtree)) else "modifier", c)
            for h in heads for c in h.children if c.dep_ in PART_DEPS]
    # a relative clause set off by commas on the main clause's subject ("Mr. Reed, who represents a rural district,
    # faces a challenge"): a claim of its own that a span may not state (session 13, BASIL train-dev)
    out += [("modifier", c) for h in heads for n in h.children if n.dep_ in ("nsubj", "nsubjpass")
            for c in n.children if c.dep_ == "relcl" and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","]
    parts = []
    for kind, tok in out:
        sub = list(tok.subtree)
        stems = _stems(" ".join(t.text for t in sub if t.pos_ in CONTENT_POS))
        if stems:
            a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            parts.append((kind, doc.text[a:b], stems, a, b))
    for verb in conj:
        # a conjoined predicate ("… and dragged voters away by the hair"): the verb and its objects, cut with the "and"
        core = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "prt", "attr", "acomp", "xcomp", "ccomp"))]
        stems = _stems(" ".join(t.text for t in core if t.pos_ in CONTENT_POS))
        sub = [t for t in verb.subtree if not (t.i > verb.i and t.dep_ in ("cc", "conj") and t.head is verb)]
        first = sub[0].i
        if first > 0 and doc[first - 1].dep_ == "cc":
            first -= 1
        a, b = doc[first].idx, sub[-1].idx + len(sub[-1].text)
        if stems:
            parts.append(("conjoined predicate", doc.text[a:b], stems, a, b))
    return parts


def _figures_in(text: str) -> list[str]:
    """The figures a statement writes (not a date, a year, a time or an ordinal)."""
    return [m.group(0) for m in FIGURE.finditer(text) if not _is_date_part(text, m.start(), m.end())]


def _figure_held(comparison: Comparison, best: Claim, figure: str, article: str, lo: int, hi: int,
                 settings: Settings = DEFAULT) -> bool:
    """Does the text of ``article`` between ``lo`` and ``hi`` state a statement's figure: the number written ("19" in
    "$19bn"), or a figure the quantities stage reads there as the same measured figure of one the statement's own
    article reads at those words ("two months" for "60 days")."""
    a = _article(comparison, article)
    if a is None:
        return False
    value = float(figure.replace(",", ""))
    if _says_number(a.article.text[lo:hi], value):
        return True
    blo, bhi = _stated_span(comparison, best)
    mine = [q for q in _quantities(comparison, best.article) if blo <= q.start and q.end <= bhi and q.measure
            and figure in q.text]
    theirs = [q for q in a.quantities if lo <= q.start and q.end <= hi and q.measure]
    return any(x.key() == q.key() and same_figure(q, x, settings.corroborate_number_tolerance)
               for q in mine for x in theirs)


def _rendered_kept(comparison: Comparison, items: list[dict[str, Any]], why: dict[str, str],
                   settings: Settings) -> list[dict[str, Any]]:
    """The items :func:`check_rendered` keeps (all with ``synthesis_rendered_check`` off); each one it refuses says
    why on its fact (``why``)."""
    if not settings.synthesis_rendered_check:
        return items
    check_rendered(comparison, items, settings)
    for item in items:
        if "refused" in item:
            why[item["fact"]] = item["refused"]
    return [item for item in items if "refused" not in item]


Part = tuple[str, str, int, int]  # kind, text, start, end of a part of a statement


def _span_verdict(comparison: Comparison, best: Claim, body: str, parts: Sequence[tuple[str, str, set[str], int, int]],
                  sp: Mapping[str, Any], settings: Settings = DEFAULT) -> tuple[str | None, bool, list[Part]]:
    """For one cited span of a statement: why it does not state the sentence as rendered (a figure, the source), or
    None; whether its citation must widen to its sentence to state it; the modifiers and conjoined predicates it
    does not state."""
    sent = _span_sentence(comparison, sp)
    cited = _cited_text(comparison, sp)
    whole = sent.text if sent is not None else cited
    lo, hi = (sent.start, sent.end) if sent is not None else (sp["start"], sp["end"])
    widen, missing = False, []
    for fig in _figures_in(body):
        if _figure_held(comparison, best, fig, sp["article"], sp["start"], sp["end"], settings):
            continue
        if not _figure_held(comparison, best, fig, sp["article"], lo, hi, settings):
            return f"does not state the figure “{fig}” of the sentence as rendered", False, []
        widen = True
    for kind, text, stems, a, b in parts:
        if stems & _stems(cited) or (kind == "source" and _refers_to(comparison, sp, text, True)):
            continue
        if stems & _stems(whole) or (kind == "source" and _refers_to(comparison, sp, text, False)):
            widen = True
        elif kind == "source" and (OWN_SOURCE.search(whole) or not ACCORDING.match(text)):
            return (f"does not state the statement's source “{text}”" +
                    (" and gives one of its own" if OWN_SOURCE.search(whole) else "")), False, []
        elif kind == "source":
            continue  # "…, according to X": the outlet states it in its own voice; the source named only weakens it
        else:
            missing.append((kind, text, a, b))
    return None, widen, missing


def check_rendered(comparison: Comparison, items: list[dict[str, Any]], settings: Settings = DEFAULT) -> None:
    """Every cited span states every figure and every part of the sentence as it is finally rendered
    (``synthesis_rendered_check``): each figure (``_figure_held``) and each part (``_parts``: the source a reporting
    verb gives, each modifier of the main clause) must be held by the cited span, or by its sentence (the citation
    is then widened to the sentence). A modifier or conjoined predicate some cited span does not state is cut from
    the sentence where what is left is still a claim (the sentence narrowed to what all cited spans state); a span
    missing a figure is not cited, nor one missing a modifier when the sentence cannot be narrowed; the source ("X
    said …", "…, according to X") is never cut: a span that does not name it is not cited, but for an "according to"
    source a span that states the fact in its outlet's own voice (no source of its own); a statement left citing fewer than two articles is marked
    ``refused``, with why. A quotation said with its speaker is checked by its
    quoted words elsewhere (``_unsupported``): figures only."""
    # a statement already left citing its own article alone (pruned: said as its outlet's) claims no other span
    todo = [it for it in items if BEST in it and it["kind"] in ("corroborated", "attributed")
            and len({sp["article"] for sp in it["spans"]}) >= 2]
    bodies = {id(it): FRAME.sub("", it[BEST][1]) for it in todo}
    plain = [bodies[id(it)] for it in todo if QUOTED_AS not in it["text"]]
    docs = dict(zip(plain, nlp.parse_cached(plain, disable=("ner",)), strict=True))
    for it in todo:
        best, said = it[BEST]
        body = bodies[id(it)]
        parts = _parts(docs[body]) if body in docs else []
        verdicts = [(sp, None, False, []) if sp["article"] == best.article else
                    (sp, *_span_verdict(comparison, best, body, parts, sp, settings)) for sp in it["spans"]]
        cut: list[Part] = list(dict.fromkeys(m for _, _, _, missing in verdicts for m in missing))
        narrowed = body
        for part in sorted(cut, key=lambda m: -m[2]):
            narrowed = _cut_part(narrowed, part[1])
        if cut and (narrowed == body or body.rstrip(".") not in it["text"] or claim_problem(narrowed) is not None):
            # the sentence cannot be narrowed to what every span states: the spans missing a part are not cited
            verdicts = [(sp, problem or (f"does not state “{missing[0][1]}” ({missing[0][0]}) and the sentence cannot "
                                         f"be narrowed without it" if missing else None), widen, missing)
                        for sp, problem, widen, missing in verdicts]
            narrowed = body
        _apply_verdicts(comparison, it, verdicts, body, narrowed, cut)


def _apply_verdicts(comparison: Comparison, it: dict[str, Any],
                    verdicts: Sequence[tuple[dict[str, Any], str | None, bool, list[Part]]],
                    body: str, narrowed: str, cut: Sequence[Part]) -> None:
    """Cite the spans that state the (narrowed) sentence, widened where they must be; mark ``refused`` when fewer
    than two articles are left; the reason says each step."""
    best, said = it[BEST]
    kept, notes = [], []
    for sp, problem, widen, _ in verdicts:
        if problem is not None:
            notes.append(f"{_label(comparison, sp['article'])} {problem}")
            continue
        sent = _span_sentence(comparison, sp) if widen else None
        if sent is not None:
            sp["start"], sp["end"] = sent.start, sent.end
            notes.append(f"{_label(comparison, sp['article'])}'s citation widened to its sentence, which states the "
                         f"sentence's figures and parts")
        kept.append(sp)
    arts = list(dict.fromkeys(sp["article"] for sp in kept))
    if len(arts) < 2:
        it["refused"] = ("every cited span must state every figure and part of the sentence as rendered, and fewer "
                         f"than two articles' spans do: “{_clip(it['text'], 80)}”: "
                         + "; ".join(n for n in notes if "widened" not in n)[:400])
        return
    if notes:
        it["reason"] += "; rendered check: " + "; ".join(notes)
    if narrowed != body:
        it["text"] = it["text"].replace(body.rstrip("."), narrowed.rstrip("."), 1)
        it[BEST] = (best, said.replace(body, narrowed, 1))
        it["reason"] += ("; narrowed to what every cited span states (cut: " +
                         "; ".join(f"“{t}” ({k})" for k, t, _, _ in cut) + ")")
    it["spans"] = kept
    it["citations"] = arts


def _words_of(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z0-9][\w’'-]*", text.replace("’", "'"))]


PARTIAL_QUOTE_MIN = 4  # words: a shorter run in quote marks is a term, not a part of the remark


def partial_quote(whole: str, part: str) -> bool:
    """Is ``part`` (words another outlet prints in quote marks) a run of ``whole`` (the remark a statement quotes),
    word for word, of at least ``PARTIAL_QUOTE_MIN`` words: the same remark quoted in part."""
    w, p = _words_of(whole), _words_of(part)
    if len(p) < PARTIAL_QUOTE_MIN or len(p) > len(w):
        return False
    return any(w[k:k + len(p)] == p for k in range(len(w) - len(p) + 1))


UNNAMED_RUN_MIN = 8  # words a quote of an unnamed speaker shares, in a row, with a named speaker's remark


def _unnamed(speaker: str | None) -> bool:
    """A quote finder's speaker that names no one: none, or a description ("the statement", "the Texas
    governor") rather than a name."""
    return not speaker or speaker[:1].islower() or bool(re.match(r"(?:The|A|An)\s", speaker))


def common_run(a: str, b: str) -> int:
    """The longest run of words two texts share, word for word."""
    x, y = _words_of(a), _words_of(b)
    best, prev = 0, [0] * (len(y) + 1)
    for i in range(len(x)):
        cur = [0] * (len(y) + 1)
        for j in range(len(y)):
            if x[i] == y[j]:
                cur[j + 1] = prev[j] + 1
                best = max(best, cur[j + 1])
        prev = cur
    return best


def cite_partial_quotes(comparison: Comparison, items: list[dict[str, Any]], settings: Settings = DEFAULT) -> None:
    """A statement that quotes a named speaker also cites each article it does not cite that quotes part of the
    same remark (``partial_quote``: a run of its quoted words, word for word) from the same speaker (the quote
    finder's speaker, ``_same_speaker``), or whose quote of a speaker it does not name ("the statement", "the Texas
    governor": ``_unnamed``) shares ``UNNAMED_RUN_MIN`` of the remark's words in a row: that outlet states the
    shared words (``synthesis_partial_quotes``; off: none)."""
    if not settings.synthesis_partial_quotes:
        return
    for it in items:
        if BEST not in it or it["kind"] != "corroborated":
            continue
        best, said = it[BEST]
        remark = " ".join(QUOTED.findall(said))
        speaker = best.asserted_by_name
        if not remark or not speaker:
            continue
        for a in comparison.articles:
            if a.id in it["citations"]:
                continue
            q = next((q for q in a.quotes if _same_speaker(speaker, q.speaker) and partial_quote(remark, q.text)
                      or _unnamed(q.speaker) and common_run(remark, q.text) >= UNNAMED_RUN_MIN), None)
            if q is None:
                continue
            sentence = next((x for x in a.sentences if x.start <= q.start < x.end), None)
            it["spans"].append({"article": a.id, "sentence": sentence.i if sentence else None, "start": q.start,
                                "end": q.end})
            it["citations"].append(a.id)
            it["reason"] += (f"; also cited: {_label(comparison, a.id)} quotes part of the same remark by "
                             f"{q.speaker} word for word (“{_clip(q.text, 60)}”)")


def _refers_to(comparison: Comparison, span: Mapping[str, Any], name: str, narrow: bool) -> bool:
    """Does a cited span (``narrow``) or its sentence mention the entity a statement's source names, by a pronoun or
    another name the article's coreference ties to it ("He vowed to veto …" for "Obama said he would veto …")."""
    a = _article(comparison, span["article"])
    sent = _span_sentence(comparison, span)
    if a is None:
        return False
    lo, hi = (span["start"], span["end"]) if narrow or sent is None else (sent.start, sent.end)
    want = {w.lower() for w in re.findall(r"[A-Z][\w’'-]+", name)}
    return bool(want) and any(
        want & {w.lower() for m in e.mentions for w in re.findall(r"[A-Z][\w’'-]+", m.text)}
        and any(lo <= m.start < hi for m in e.mentions) for e in a.entities)


def _cut_part(text: str, part: str) -> str:
    """``text`` without one of its parts and the comma or space before it ("The police said at its peak there were
    …" → "The police said there were …")."""
    at = text.find(part)
    if at < 0:
        return text
    before, after = text[:at].rstrip(), text[at + len(part):]
    if before.endswith(",") and after.startswith(","):  # an aside between commas: "Mr. Reed, who …, faces …"
        before, after = before[:-1], after[1:]
    elif before.endswith(",") and (after.lstrip().startswith((",", ".", ";")) or not after.strip()):
        before = before[:-1]
    elif after.startswith(","):
        after = after[1:]
    out = (before + (" " if before and after.strip() and not after.startswith((".", ",", ";")) else "")
           + after.lstrip(" ")).strip()
    return (out[:1].upper() if text[:1].isupper() else out[:1]) + out[1:]


def _share(said: set[str], held: set[str]) -> str:
    return f"{len(said & held) / max(len(said), 1):.0%}"


def _narrow(comparison: Comparison, best: Claim, text: str, member: Claim, said: set[str],
            settings: Settings) -> Claim:
    """The part of a cited span that states the statement: the shortest run of its clauses that holds (nearly)
    every content word it shares with the statement, each of the statement's figures and every word that can
    turn it around; the whole span where none does. A sentence that also states another figure ("…, plus $3
    billion in restricted stock units") is cited only for the part the statement says."""
    a = _article(comparison, member.article)
    if member.id == best.id or a is None or member.quote:
        return member
    shared = said & _stems(member.text)
    if len(shared) < 2:
        return member
    polarity = [member.start + x.start() for x in POLARITY.finditer(member.text)]
    fits = [r for r in clause_runs(member, a.article.text)
            if len(_stems(r.text) & shared) >= NARROW_COVER * len(shared)
            and all(r.start <= at < r.end for at in polarity)
            and _unsupported(comparison, best, text, r, settings) is None]
    return min(fits, key=lambda r: (r.end - r.start, r.start)) if fits else member


QUOTED = re.compile(r"[“\"]([^”\"]{12,})(?:[”\"]|$)")  # a quotation (one the sentence leaves open runs to its end)


def _unsupported(comparison: Comparison, best: Claim, text: str, member: Claim, settings: Settings) -> str | None:
    """Why a member's span does not state what the synthesis says through ``best`` (its sentence, its clause
    or its quoted words), or None: it gives another figure for a measure the statement gives (the quantities
    stage's measure and range), it leaves out one of the statement's figures, it does not hold the words
    the statement quotes, or, for a quotation, it is another speaker's."""
    if member.id == best.id:
        return None
    lo, hi = _stated_span(comparison, best)
    mine = [q for q in _quantities(comparison, best.article) if lo <= q.start and q.end <= hi]
    theirs = [q for q in _quantities(comparison, member.article) if member.start <= q.start and q.end <= member.end]
    span_text = _span_text(comparison, member)
    for q in mine:
        same = [x for x in theirs if x.measure == q.measure]
        if same and not any(x.event == q.event and ranges_compatible(q, x) for x in same):
            return f"gives “{same[0].text}” for {q.measure} where the statement says “{q.text}”"
        if not same and not any(x.low == q.low and x.high == q.high for x in theirs) \
                and not _writes_figure(comparison, member, span_text, q):
            return f"does not state “{q.text}” ({q.measure})"
    a = _article(comparison, best.article)
    covered = [(q.start, q.end) for q in mine]
    for m in FIGURE.finditer(a.article.text[lo:hi] if a else ""):  # figures the quantities stage did not read
        at = lo + m.start()
        if any(s <= at < e for s, e in covered) or _is_date_part(a.article.text if a else "", at, lo + m.end()):
            continue
        if not _says_number(span_text, float(m.group(0).replace(",", ""))):
            return f"does not state the figure “{m.group(0)}”"
    for words in QUOTED.findall(text):
        want = _stems(words)
        if settings.synthesis_partial_quotes and _same_speaker(best.asserted_by_name, member.asserted_by_name) \
                and any(partial_quote(words, part) for part in QUOTED.findall(span_text)):
            continue  # the same speaker's remark quoted in part: the span states the words it shares
        if len(want) >= 3 and len(want & _stems(span_text)) < settings.synthesis_quote_cover_min * len(want):
            return f"does not hold the quoted words “{words[:40]}…”" if len(words) > 40 else \
                f"does not hold the quoted words “{words}”"
        if len(want) >= 3 and not QUOTED.search(span_text) and (near := _verbatim(words, span_text)) \
                < settings.synthesis_quote_verbatim_min:
            # a span with no quotation marks holds the quoted words only if it writes them (nearly) as quoted: "is on
            # its way to connecting one billion people" paraphrases "is on a path to connect 1 billion people"
            return f"paraphrases the quoted words “{words[:40]}…” ({near:.2f} < synthesis_quote_verbatim_min)"
    # a quotation is cited to the same speaker's quotation or reported speech, or to an outlet's own sentence that
    # holds the quoted words (checked above: a statement it prints without quote marks), never to another speaker's
    if best.quote and (member.quote or member.asserted_by_name or not QUOTED.search(text)) \
            and not _same_speaker(best.asserted_by_name, member.asserted_by_name):
        return "is not the same speaker's quotation"
    if settings.member_details and (a := _article(comparison, member.article)) is not None \
            and (detail := detail_missing(text, span_text, _sentence_text(comparison, member), a.article.text)) \
            and (dropped_for(detail) or detail.startswith("time")):
        return f"lacks a detail the statement asserts: {detail}"  # a time, a role, a condition one article has
    return None


def _verbatim(words: str, span: str) -> float:
    """How nearly a span writes quoted words as quoted: the best partial match of the two texts (rapidfuzz), case,
    quote marks and spacing aside, 0–1."""
    return float(fuzz.partial_ratio(_plain_words(words), _plain_words(span))) / 100


def _plain_words(text: str) -> str:
    return " ".join(re.sub(r"[“”\"‘’']", "", text).lower().split())


def _written(q: Quantity) -> set[float]:
    """The number a figure's words write ("240,000", "some 90" → 90, "about 2.25 million" → 2.25, "Four" → 4): not
    the range its wording allows (240,000 reads 235,000–245,000)."""
    digits = {float(d.replace(",", "")) for d in FIGURE.findall(q.text) if d.replace(",", "").replace(".", "", 1).isdigit()}
    return digits or ({float(q.value)} if isinstance(q.value, (int, float)) else set())


def _writes_figure(comparison: Comparison, member: Claim, span_text: str, q: Quantity) -> bool:
    """Whether a span writes a statement's figure whose measure the quantities stage named otherwise there ("some
    90% voted" for "90 percent of those who voted"): the number the statement's words write, in digits or as a
    word (not the lower end of the range those words allow: "240,000" for the statement's "240,000", never "235,000"),
    where no figure the article reads at that number has a range that cannot hold with the statement's ("nearly
    380" does not state "more than 380")."""
    written = _written(q)
    if not any(_says_number(span_text, v) for v in written):
        return False
    a = _article(comparison, member.article)
    near = [x for x in (a.quantities if a else ()) if x.start < member.end and member.start < x.end
            and _written(x) & written]
    return all(ranges_compatible(q, x) for x in near)


def _holding(comparison: Comparison, claim: Claim) -> str:
    """What a cited unit states: its span, and for what a speaker is reported to say (``content``) the
    sentence that names the speaker too ("Governor Kovar declared [a state of emergency]")."""
    if claim.part == "content":
        sentence = _sentence(comparison, claim)
        if sentence is not None:
            return sentence.text
    return claim.text


def _stated_span(comparison: Comparison, claim: Claim) -> tuple[int, int]:
    """Where the words the synthesis states for a unit lie: the clause when it is stated alone (or a quote),
    else its whole sentence."""
    if claim.quote or (claim.part == "clause" and _standalone(claim) is not None):
        return claim.start, claim.end
    sentence = _sentence(comparison, claim)
    return (sentence.start, sentence.end) if sentence else (claim.start, claim.end)


def _quantities(comparison: Comparison, article_id: str) -> tuple[Quantity, ...]:
    a = _article(comparison, article_id)
    return a.quantities if a else ()


def _span_text(comparison: Comparison, claim: Claim) -> str:
    a = _article(comparison, claim.article)
    return a.article.text[claim.start:claim.end] if a else claim.text


NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


def _says_number(text: str, value: float) -> bool:
    """Whether a text gives a number, in digits ("1,030,000", "7.1") or as a word ("six")."""
    for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", text):
        if float(m.group(0).replace(",", "")) == value:
            return True
    return any(NUMBER_WORDS[w] == value for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_WORDS)


MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"


def _is_date_part(text: str, start: int, end: int) -> bool:
    """A number that is part of a date or a time ("Sept. 19", "19 September", "2017", "1:40 p.m."), an ordinal
    ("2nd") or a name ("TRAPPIST-1", "G20"): not a figure a supporting article must repeat."""
    number = text[start:end]
    before, after = text[max(0, start - 12):start].lower(), text[end:end + 12].lower()
    if re.fullmatch(r"(?:1[89]|20)\d\d", number.replace(",", "")):
        return True
    if re.search(r"[A-Za-z]-?$", text[max(0, start - 2):start]):
        return True  # part of a name ("TRAPPIST-1", "COVID-19", "G20", "F-35"): no figure to repeat
    return bool(re.search(MONTH + r"\s*$", before) or re.match(r"\s*" + MONTH + r"\b", after)
                or re.match(r"(?:st|nd|rd|th)\b|:\d|\s*[ap]\.?m\b", after) or before.endswith(":"))


def _same_speaker(a: str | None, b: str | None) -> bool:
    """Two speakers' names name one person: the same last word ("Obama", "Barack Obama"); an unnamed speaker
    is no one's."""
    if not a or not b:
        return False
    last = [re.findall(r"[A-Za-z][\w’'-]*", n)[-1:] for n in (a, b)]
    return bool(last[0]) and bool(last[1]) and last[0][0].lower() == last[1][0].lower()


def _conflict_items(comparison: Comparison, why: dict[str, str]) -> list[dict[str, Any]]:
    """The number conflicts as synthesis lines, but for those whose measure names nothing (``_unnamed_measure``),
    whose reason goes to ``why``."""
    out = []
    for f in comparison.facts:
        if f.status == "conflict" and f.conflict and f.conflict.get("kind") == "number":
            unnamed = _unnamed_measure(comparison, dict(f.conflict))
            if unnamed:
                why[f.id] = unnamed
            else:
                out.append(_conflict_item(comparison, f))
    return out


def _unnamed_measure(comparison: Comparison, conflict: dict[str, Any]) -> str | None:
    """Why a size or sum whose values' sentences name no one thing it measures ("a country of 77 million people",
    "its length is 1.5 km") is no synthesis line: read alone, "Reports differ on population" says nothing a reader can
    check (review23c). It stays in the comparison's conflicts, each value with its sentence."""
    if is_count(conflict["measure"].split(" (")[0]):
        return None
    shared, how, _ = _subjects(comparison, conflict)
    if shared is not None or how not in ("none", "unshared"):
        return None
    return (f"its conflict on {conflict['measure']} is not stated alone: the values' sentences "
            f"{'do not say of what' if how == 'none' else 'name no one thing it is of'} (see the conflicts)")


def _conflict_item(comparison: Comparison, f: Fact) -> dict[str, Any]:
    c = dict(f.conflict or {})
    return {"text": conflict_sentence(comparison, c),
            "citations": list(dict.fromkeys(v["article"] for v in c["values"])),
            "spans": [{"article": v["article"], "sentence": v.get("sentence"), "start": v["start"],
                       "end": v["end"]} for v in c["values"]],
            "fact": f.id, "kind": "conflict", "label": c["label"], "about": c["measure"],
            "subject": conflict_subject(comparison, c),
            "reason": f"{c['label']}: {c.get('reason', '')}".rstrip(": ")}


def _unique_items(comparison: Comparison, uniques: Sequence[Fact], settings: Settings,
                  nearest: Mapping[str, tuple[float, str]] | None,
                  why: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Single-source sentences, each stated only when it is shown that no other article states it: its best
    alignment (sentence or any clause) with any unit of any other article is below unique_align_max, well
    under the floor a paraphrase needs, and no other sentence has most of its content words."""
    out: list[dict[str, Any]] = []
    per_article: dict[str, int] = {}
    by_sentence = _nearest_by_sentence(nearest or {})
    for f in uniques:
        claim = f.claims[0]
        if claim.quote or nearest is None or first_person(claim.text):
            continue  # quotes are shown with their speakers in the report
        score, other = by_sentence.get(claim.id.split("~")[0], (0.0, ""))
        if score >= settings.unique_align_max or _said_elsewhere(comparison, claim) >= settings.unique_overlap_max:
            continue
        if _figure_elsewhere(comparison, claim) or _names_elsewhere(comparison, claim, settings):
            continue  # another article may state it in other words: not shown as single-source
        if not _statable(comparison, claim):
            continue  # chrome and fragments are not facts (checked last: it needs the parse)
        aid = f.articles()[0]
        if per_article.get(aid, 0) >= settings.synthesis_unique_per_article:
            continue
        sentence = _finish(drop_connective(_sentence_text(comparison, claim)))
        if settings.synthesis_stands_alone and (lean := leans_on_context(sentence, _topic(comparison, settings))):
            if why is not None:
                why[f.id] = f"a single-source sentence that {lean.removeprefix('it ')}"
            continue  # a sentence that leans on an earlier one gives its slot to the next candidate
        per_article[aid] = per_article.get(aid, 0) + 1
        closest = f", closest in {_label(comparison, other.split(':')[0])}" if other else ""
        out.append({"text": f"According to {_label(comparison, aid)} alone, {_lower_first(sentence, _names(comparison, aid))}",
                    "citations": [aid], "spans": [_citation(claim)], "fact": f.id, "kind": "unique",
                    "reason": f"single source: best alignment with any sentence or clause of another article "
                              f"{score:.2f} < unique_align_max {settings.unique_align_max}{closest}"})
    return out
