"""What a comparison may call a fact: a claim (a finite clause that asserts something of its subject), not a
noun phrase, a title, a list or a piece of a sentence; and what it may state in its own voice: not a pledge or a
plan (an agent's future action), which is the article's report of what someone says will happen.

Decided on the parse (spaCy dependencies, :func:`newsprism.stages.sentences.statement_problem`), not on a word
list: a fact whose statement is no claim takes the plainest member that is one; a fact of noun phrases that say
what a named referent is ("National Security Commissioner Monte Alejandro Rubido", "The head of the agency, Luis
Felipe Puente") is stated as the claim the phrase carries ("Monte Alejandro Rubido is National Security
Commissioner"), read from the phrase's place in its sentence's parse; one that carries none ("the Altiplano
prison", "to each other as “the Great Satan”") is a matched topic (status ``matched``), never ``corroborated``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from .. import nlp
from ..records import AnalyzedArticle, Claim, Fact
from ..stages.sentences import SUBJECTS, statement_problem
from ..text.words import outside_quotes
from .verify import content_stems, is_headline

# a piece that hangs on what comes before it: a conjunction or a relative pronoun opening it ("and which Israel
# called …"), an infinitive ("to each other as …"), a subordinator ("after decades of …")
HANGS = re.compile(r"^(?:(?:and|but|or|nor|yet|so|while|whereas|however),?\s+)?(?:which|who|whom|whose)\b",
                   re.IGNORECASE)
POSSESSIVE_END = re.compile(r"[’']s$")
POSSESSIVE = re.compile(r"[’']s\b")
LEADING = re.compile(r"^(?:and|but|or|nor|yet|so|however|while)\b,?\s+", re.IGNORECASE)
# words before a name that are a title rather than a description needing an article ("President", "Justice")
DETERMINERS = ("DET", "PRON")
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "’ll", "wo", "'d", "’d"})
# verbs whose subject reports its own intent or an expectation of what will happen: a plan, not a fact
PLAN_LEMMAS = frozenset({"plan", "intend", "aim", "vow", "pledge", "promise", "hope", "seek", "expect", "schedule",
                         "set", "poise", "slate", "due"})


_docs: dict[str, Any] = {}


def prime(texts: Sequence[str]) -> None:
    """Parse the texts not yet parsed in one batch, without NER (:func:`claim_problem` reads them)."""
    todo = [t for t in dict.fromkeys(_bare(x) for x in texts) if t and t not in _docs]
    if len(_docs) > 20000:
        _docs.clear()
    for t, doc in zip(todo, nlp.parse_cached(todo, batch_size=64, disable=("ner",)), strict=True):
        _docs[t] = doc


def _bare(text: str) -> str:
    return LEADING.sub("", " ".join(text.split()).strip().lstrip("“\"‘'("))


@lru_cache(maxsize=8192)
def _problem(text: str) -> tuple[str | None, bool]:
    t = " ".join(text.split()).strip().lstrip("“\"‘'(")
    if not t:
        return "empty", False
    if HANGS.match(t):
        return f"a piece of a sentence (it opens “{t.split()[0]} …” and hangs on what comes before it)", False
    if _bare(text) not in _docs:
        prime([text])
    doc = _docs[_bare(text)]
    sents = list(doc.sents)
    if not sents:
        return "empty", False
    span = max(sents, key=len)
    problem = statement_problem(span)
    if problem is not None and "is not finite" in problem and span.root.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass") for c in span.root.children):
        problem = None  # a past tense the tagger read as a participle ("The magnitude 7.1 shock killed …")
    if problem is not None and problem.startswith("no main verb") and any(
            c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and any(g.dep_ == "dobj" for g in c.children)
            for c in span.root.children):
        problem = None  # the same misreading as a noun's modifier: a participle with a direct object is a past tense
    if problem is not None and "refers to an earlier sentence" in problem:
        return None, True  # a claim, though its subject needs the sentence before it ("they came up with …")
    return problem, False


def claim_problem(text: str) -> str | None:
    """Why a text asserts nothing (a noun phrase, a title, a list, a piece of a sentence, a bare attribution), or
    None when it is a claim: a finite main verb with its subject."""
    return _problem(text)[0]


def refers_back(text: str) -> bool:
    """A claim whose subject stands for something only an earlier sentence names ("They came up with …")."""
    return _problem(text)[1]


def _sentence_of(analyzed: AnalyzedArticle, claim: Claim) -> tuple[int, str] | None:
    for s in analyzed.sentences:
        if s.i == claim.sentence:
            return s.start, s.text
    return None


@lru_cache(maxsize=4096)
def _doc(text: str) -> Any:
    return nlp.parse_cached([text])[0]


def unit_parse(analyzed: AnalyzedArticle, unit: Claim) -> tuple[int, str, Any, int, int] | None:
    """The unit's sentence: its start in the article, its text, its parse, and the unit's offsets in it; or None."""
    found = _sentence_of(analyzed, unit)
    if found is None:
        return None
    s0, text = found
    return s0, text, _doc(text), unit.start - s0, unit.end - s0


def _name_of(token: Any) -> Any | None:
    """The named entity (a person, an organisation, a place) a token belongs to, as a span, or None."""
    for e in token.doc.ents:
        if e.start <= token.i < e.end and e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"):
            return e
    return None


def _is(name: str, desc: str) -> str | None:
    """"<name> is <description>", or None where the description is a bare honorific: one capitalised word before
    the name ("President Clinton", "Sen. Reid", "Justice Lee") is how a name is written, also for a former holder,
    not a claim that the person holds the office now."""
    bare = desc.strip(" ,;:—–-")
    if re.fullmatch(r"[A-Z][\w’'-]*\.?", bare):
        return None
    return f"{name} is {_described(desc)}"


def _described(desc: str) -> str:
    """A descriptor as a predicate noun phrase: "the head of …" as it is, a title ("National Security Commissioner")
    with "the", a lowercase role with no determiner ("drug lord") with "a"."""
    desc = desc.strip(" ,;:—–-")
    desc = re.sub(r"^(?:The|A|An)\b", lambda m: m.group(0).lower(), desc)
    first = desc.split(" ", 1)[0] if desc else ""
    if first and first not in ("the", "a", "an", "his", "her", "its", "their", "our") and not POSSESSIVE.search(desc):
        # a title ("President", "Spanish Prime Minister"): the one holder; a role ("drug lord"): one of many
        title = first[0].isupper() or any(w[:1].isupper() for w in desc.split()[1:])  # "acting Chief Justice"
        desc = ("the " if title else "an " if first[0] in "aeiou" else "a ") + desc
    return desc


def rendered_claim(analyzed: AnalyzedArticle, unit: Claim,
                   others: Sequence[tuple[AnalyzedArticle, Claim]] = ()) -> str | None:
    """The claim a phrase unit carries, read from its place in its sentence's parse, or None:
    - a name with a title or role before it, or an apposition inside the phrase ("Hong Kong's leader Carrie Lam",
      "The head of the agency, Luis Felipe Puente"): "<name> is <description>";
    - a description in apposition to a name outside it ("Park, the country's first female leader, …"): the same;
    - a predicate with its subject left outside the phrase ("[Guzman] broke out of a prison for the second time"):
      the subject (a name or noun, not a pronoun) and the phrase;
    - a role description with no name ("the country's first female leader"), where the article is about one person
      and the other members' articles (``others``) are about that person too (:func:`role_referent`): "<the
      person> is <description>".
    A phrase where the name only qualifies another noun ("the Altiplano prison", "the jailbreak of drug lord X")
    carries none."""
    parsed = unit_parse(analyzed, unit)
    if parsed is None:
        return None
    s0, text, doc, a, b = parsed
    toks = [t for t in doc if a <= t.idx < b and not t.is_space]
    if not toks:
        return None
    heads = [t for t in toks if (not (a <= t.head.idx < b) or t.head == t) and t.dep_ not in ("cc", "punct")]
    if len(heads) != 1:
        return None
    h = heads[0]
    piece = text[a:b].strip()
    relative = _relative(text, toks, h)
    if relative is not None:
        return relative
    if h.pos_ in ("VERB", "AUX"):
        return _predicate(text, h, a, b, piece)
    if h.pos_ not in ("NOUN", "PROPN"):
        return None
    return _named(analyzed, unit, text, s0, toks, h, piece, others)


def _predicate(text: str, h: Any, a: int, b: int, piece: str) -> str | None:
    """A predicate with its subject, where the sentence names one (not a pronoun) outside the phrase."""
    verb = h
    while not any(c.dep_ in SUBJECTS for c in verb.children) and verb.dep_ in ("conj", "xcomp") and verb.head != verb:
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON" or a <= subj.idx < b:
        return None
    st = list(subj.subtree)
    subject = text[st[0].idx:st[-1].idx + len(st[-1])]
    aux = [c for c in h.children if c.dep_ in ("aux", "auxpass") and c.idx < a]
    if h.tag_ not in ("VBD", "VBZ", "VBP") and not aux:
        return None  # not finite without its auxiliary
    lead = " ".join(x.text for x in aux)
    return f"{subject} {lead + ' ' if lead else ''}{piece}".strip()


def _named(analyzed: AnalyzedArticle, unit: Claim, text: str, s0: int, toks: Sequence[Any], h: Any,
           piece: str, others: Sequence[tuple[AnalyzedArticle, Claim]] = ()) -> str | None:
    """A noun phrase as "<name> is <description>", where the parse makes the name what the phrase describes."""
    a, b = unit.start - s0, unit.end - s0
    # the referent the claims stage found for a phrase unit ("~qK": Claim.phrases[K]'s name span)
    named = _phrase_name(analyzed, unit)
    if named is not None:
        n0, n1 = named[0] - s0, named[1] - s0
        inside = [t for t in toks if n0 <= t.idx < n1]
        roots = [t for t in inside if not (n0 <= t.head.idx < n1) or t.head == t]
        before, after = text[a:n0].strip(" ,"), POSSESSIVE_END.sub("", text[n1:b].strip(" ,")).strip()
        before = re.sub(r"^(?:the|a|an)$", "", before, flags=re.IGNORECASE)
        if len(roots) == 1 and bool(before) != bool(after) and (
                roots[0] == h or (h.dep_ == "appos" and h.head == roots[0]) or _describes(roots[0], h)):
            return _is(text[n0:n1], before or after)
        return None
    # a name at the head of the phrase with a title or role before it
    name = _name_of(h)
    if h.pos_ == "PROPN" and name is not None and name.start_char >= a and name.end_char <= b + 2:
        desc = text[a:name.start_char]
        after = text[name.end_char:b].strip()
        if after not in ("", "'s", "’s") or not desc.strip(" ,"):
            return None
        return _is(name.text, POSSESSIVE_END.sub('', desc.strip()))
    # an apposition inside the phrase ("The head of …, Luis Felipe Puente")
    app = next((c for c in h.children if c.dep_ == "appos" and a <= c.idx < b), None)
    if app is not None and (name := _name_of(app)) is not None and name.end_char >= b - 1:
        desc = text[a:name.start_char]
        return _is(name.text, desc)
    # the phrase in apposition to a name outside it ("Park Geun-hye, the country's first female leader, …")
    if h.dep_ == "appos" and not (a <= h.head.idx < b) and (name := _name_of(h.head)) is not None \
            and name.end_char <= a:
        return _is(name.text, piece)
    # a description of one person the article's coreference ties to a name ("the country's first female leader")
    person = _person_for(analyzed, unit)
    if person is not None and h.pos_ == "NOUN" and not any(_name_of(t) for t in toks):
        return _is(person, piece)
    # a role description of the article's main person ("the country's first female leader, who …"): the person the
    # other articles' members describe too (``others``)
    owner = {t.i for c in h.children if c.dep_ == "poss" for t in c.subtree}  # "South Korea's": a place, no one
    if h.pos_ == "NOUN" and not any((n := _name_of(t)) is not None and (t.i not in owner or n.label_ == "PERSON")
                                    for t in toks) and (main := role_referent(analyzed, h, others)) is not None:
        return _is(main, piece)
    return None


def _describes(name_root: Any, head: Any) -> bool:
    """The name is what the phrase's head describes: the name's root reaches the head through apposition,
    flat or coordination links only: never through a preposition ("the jailbreak of drug lord X") nor as a
    modifier of a common noun ("the Court building" says nothing of what the Court is)."""
    t = name_root
    for _ in range(6):
        if t == head:
            return True
        if t.dep_ not in ("appos", "flat", "conj") or t.head == t:
            return False
        t = t.head
    return False


MAIN_MENTIONS_MIN = 3  # mentions the article's main person needs before a role description can stand for them
MAIN_MARGIN = 2.0  # and how many times the next person's mentions


def main_person(analyzed: AnalyzedArticle) -> Any | None:
    """The person an article is about: the PERSON entity with at least ``MAIN_MENTIONS_MIN`` mentions and at least
    ``MAIN_MARGIN`` times as many as any other person, or None (no one stands out)."""
    people = sorted((e for e in analyzed.entities if e.type == "PERSON"), key=lambda e: -len(e.mentions))
    if not people or len(people[0].mentions) < MAIN_MENTIONS_MIN:
        return None
    if len(people) > 1 and len(people[0].mentions) < MAIN_MARGIN * len(people[1].mentions):
        return None
    return people[0]


def _role_noun(h: Any, analyzed: Sequence[AnalyzedArticle]) -> bool:
    """A noun that names a person's role: the phrase's head has a relative clause opened by "who" ("the first female
    leader, who rode …"), or it is a title or role word the articles write before or beside a person's name
    (``Entity.roles``: "President", "drug lord")."""
    if any(c.dep_ == "relcl" and any(w.lower_ in ("who", "whom", "whose") for w in c.children) for c in h.children):
        return True
    word = h.lower_
    return any(word in r.lower().split() for a in analyzed for e in a.entities if e.type == "PERSON" for r in e.roles)


def role_referent(analyzed: AnalyzedArticle, h: Any, others: Sequence[tuple[AnalyzedArticle, Claim]] = ()
                  ) -> str | None:
    """Coreference of a role description with no name in it ("the country's first female leader", "South Korea's
    first female president"): the article's main person (:func:`main_person`), when the head is a role noun
    (:func:`_role_noun`) and every other article of the fact (``others``: each article with its member) names that
    person in its member or is about that person too; else None. Without ``others`` (no fact to agree with) None."""
    main = main_person(analyzed)
    if main is None or not others or not _role_noun(h, [analyzed, *(a for a, _ in others)]):
        return None
    words = _name_words(main.name)
    for a, m in others:
        # a member that names someone else, or that its own sentence ties to someone else ("…, acting President
        # Hwang", "Hwang, the acting president"), is about that person
        text = a.article.text
        people = [e.name for e in a.entities if e.type == "PERSON" and any(
            m.start <= x.start < m.end and not POSSESSIVE.match(text, x.end) for x in e.mentions)]  # "Marren's": an owner
        told = rendered_claim(a, m)
        if told is not None and " is " in told:
            people.append(told.split(" is ", 1)[0])
        if any(not words & _name_words(p) for p in people):
            return None
        theirs = main_person(a)
        if not people and (theirs is None or not words & _name_words(theirs.name)):
            return None
    return str(main.name)


# verbs that say what role or state their subject is in ("X is …", "X will remain as …", "X serves as …")
ROLE_VERBS = frozenset({"be", "remain", "become", "serve", "stay"})
STAYING = frozenset({"remain", "stay"})  # "will remain as …" says the role is held now; "will become …" does not


def predicated(analyzed: AnalyzedArticle, unit: Claim, name: set[str], desc: set[str]
               ) -> tuple[str, int, int] | None:
    """Where a sentence says a description of a named referent in a predicate: the referent (``name``: its name's
    five-letter stems) is the subject of a verb of being or holding a role (``ROLE_VERBS``; with a modal only one of
    staying, "will remain as …": "will become …" is a role to come), not through a relative pronoun, and the verb's
    complement (an attribute, or "as" and its object) holds every stem of ``desc``; the
    reason and the article offsets of the clause from the subject to the end of the complement, or None."""
    parsed = unit_parse(analyzed, unit)
    if parsed is None:
        return None
    s0, text, doc, a, b = parsed
    for t in doc:
        if not (a <= t.idx < b) or t.dep_ not in ("nsubj", "nsubjpass") or t.head.lemma_ not in ROLE_VERBS:
            continue
        subject = {w.lower_[:5] for w in t.subtree if w.dep_ not in ("relcl",) and not any(
            x.dep_ == "relcl" for x in w.ancestors if x in t.subtree)}
        if not name & subject:
            continue
        verb = t.head
        modal = [c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"]
        if modal and verb.lemma_ not in STAYING:
            continue  # "will become …", "would serve as …": a role to come, not the one held
        comps = [c for c in verb.children if c.dep_ in ("attr", "acomp", "oprd")]
        comps += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children if o.dep_ == "pobj"]
        for comp in comps:
            words = {w.lower_[:5] for w in comp.subtree}
            if desc <= words:
                # up to the last word of the description (or the complement's head): what else the complement adds
                # ("… a dwarf star about 40 light-years away") is not what the phrase states
                last = max((w for w in comp.subtree if w.lower_[:5] in desc or w == comp), key=lambda w: w.i)
                end = last.idx + len(last.text)
                start = max(a, t.left_edge.idx)
                return (f"“{text[start:t.idx + len(t.text)]}” is the subject of “{verb.text}”, whose complement "
                        f"“{text[comp.left_edge.idx:end]}” holds the phrase's description", s0 + start, s0 + end)
    return None


def _name_words(name: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w’'-]{3,}", name)}


def _person_for(analyzed: AnalyzedArticle, unit: Claim) -> str | None:
    """The person the article's entity linking ties a description to: a PERSON entity with a mention at the
    phrase (coreference) and a name mentioned elsewhere."""
    for e in analyzed.entities:
        if e.type == "PERSON" and any(unit.start <= m.start < unit.end for m in e.mentions) \
                and not any(unit.start <= m.start < unit.end and m.text[:1].isupper() for m in e.mentions):
            return e.name
    return None


def _relative(text: str, toks: Sequence[Any], h: Any) -> str | None:
    """A relative clause stated with its antecedent in the relative pronoun's place ("…, which Israel called a
    “historic surrender”" → "Israel called the deal a “historic surrender”"), or None."""
    if h.pos_ not in ("VERB", "AUX"):
        return None
    rel = next((c for c in h.children if c.tag_ in ("WDT", "WP") and c.lower_ in ("which", "who", "that")
                and c.dep_ in ("dobj", "nsubj", "nsubjpass") and c in toks), None)
    if rel is None:
        return None
    verb = h
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    ante = verb.head
    named = _name_of(ante)
    antecedent = f"the {ante.text}" if ante.pos_ == "NOUN" else named.text if named is not None else ante.text
    if rel.dep_ != "dobj" and h.tag_ not in ("VBD", "VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in h.children):
        return None
    if rel.dep_ == "dobj" and not any(c.dep_ in ("nsubj", "nsubjpass") and c in toks for c in h.children):
        return None
    words = [t for t in toks if t != rel and not (t.dep_ == "cc" and t.i < rel.i)]
    out = ""
    for t in words:
        out += t.text_with_ws if t != h or rel.dep_ != "dobj" else t.text + " " + antecedent + t.whitespace_
    if rel.dep_ != "dobj":
        out = antecedent + " " + out
    out = out.strip()
    return out[:1].upper() + out[1:]


# a member that gives its fact's source ("…, according to the company", "…, police said"): the statement keeps it
ATTRIBUTION = re.compile(r"\baccording to\b|\b(?:said|says|told|reported|reports|announced|estimated|estimates|"
                         r"confirmed|claimed|claims)\b", re.IGNORECASE)


def cover(text: str, article: str, spans: Sequence[tuple[str, str]]) -> float:
    """The smallest share of a text's content words that another article's cited spans hold (each article's best
    span): how much of a statement every other article states too. ``spans``: (article, span text) pairs."""
    said = set(content_stems(text))
    if not said:
        return 0.0
    best: dict[str, float] = {}
    for art, span in spans:
        if art != article:
            best[art] = max(best.get(art, 0.0), len(said & set(content_stems(span))) / len(said))
    return min(best.values(), default=0.0)


# a statement whose subject, or whose speaker, is a bare pronoun needs the sentence before it
DANGLING = re.compile(r"^[“\"‘']?(?:he|she|it|they|we|i|this|these|those)\b|[,”\"’']\s*(?:he|she|they)\s+"
                      r"(?:said|says|added|told|wrote)\b", re.IGNORECASE)
COVER_STEPS = 5  # cover is compared in fifths: a word or two more held does not outrank a plainer statement


def cover_share(statement: str, span: str) -> float:
    """The share of a statement's content words a span holds."""
    said = set(content_stems(statement))
    return len(said & set(content_stems(span))) / len(said) if said else 0.0


def attributed_by_most(spans: Sequence[tuple[str, str]]) -> bool:
    """Do most articles (more than half) give the fact with its source ("according to …", "… said")?"""
    arts = {a for a, _ in spans}
    given = {a for a, t in spans if ATTRIBUTION.search(t)}
    return len(arts) >= 2 and 2 * len(given) > len(arts)


def statement_key(text: str, article: str, spans: Sequence[tuple[str, str]], attribution: bool = False,
                  quote: bool = False, voiced: bool = False) -> tuple[Any, ...]:
    """How a candidate statement of a corroborated fact ranks (the least first): not a bare attribution; with its
    source where most articles give one; not an outlet's evaluative words (``voiced``: a framing cue of the
    outlet's own voice inside it); not a subject or speaker that is a bare pronoun (``DANGLING``: who "she" is, or
    who "he added", is in another sentence); most of its content words held by every other article's spans (``cover``,
    in fifths, rounded down: what the articles share and no more); the outlet's own voice before a quote; then the
    plainest, a sentence of at least six words, the shortest."""
    return (attribution, attributed_by_most(spans) and not ATTRIBUTION.search(text), voiced, bool(DANGLING.search(text)),
            -int(COVER_STEPS * cover(text, article, spans)), quote, len(text.split()) < 6, len(text))


SUBJECT_WORDS_MAX = 8  # words a clause may take from the start of its sentence to be a claim (its subject and verb)


def _with_subject(analyzed: AnalyzedArticle, unit: Claim, others: Sequence[AnalyzedArticle],
                  members: Sequence[Claim]) -> str | None:
    """A clause with the start of its sentence before it, when that makes a claim, adds no more than a subject
    and its verb ("[Acme agreed] on Monday to buy Beta for $5 billion") and every content word it adds is in the
    sentences of the other articles' members (the subject and verb are theirs too), or None. Not for a phrase:
    "[Lorries will use] the Kestrel depot" is no claim the other article shares."""
    found = _sentence_of(analyzed, unit)
    if found is None or unit.part not in ("clause", "content"):
        return None
    s0, text = found
    head = text[:unit.start - s0]
    if not head.strip() or len(head.split()) > SUBJECT_WORDS_MAX or any(ch in head for ch in ",;:—–(“\""):
        return None
    theirs = set()
    for a, m in zip(others, members, strict=True):
        got = _sentence_of(a, m)
        theirs |= set(content_stems(got[1] if got else m.text))
    if not set(content_stems(head)) <= theirs:
        return None
    out = text[:unit.end - s0].strip().rstrip(",;:")
    return out if claim_problem(out) is None and not refers_back(out) else None


def _phrase_name(analyzed: AnalyzedArticle, unit: Claim) -> tuple[int, int] | None:
    """The article offsets of the name a phrase unit ("<claim id>~qK") is about, from its claim's ``phrases``."""
    base, _, k = unit.id.partition("~q")
    if not k.isdigit():
        return None
    parent = next((c for c in analyzed.claims if c.id == base), None)
    if parent is None or int(k) >= len(parent.phrases):
        return None
    a, b, n0, n1 = parent.phrases[int(k)]
    return (n0, n1) if (a, b) == (unit.start, unit.end) and n1 > n0 else None


def claimed(analyzed: Sequence[AnalyzedArticle], facts: Sequence[Fact]) -> list[Fact]:
    """Each corroborated fact stated as a claim: its statement when that is one; else the plainest member that is
    one (a member whose subject needs an earlier sentence last); else the claim a member phrase carries
    (:func:`rendered_claim`); else the fact is a matched topic (status ``matched``: the articles share the phrase,
    which asserts nothing), with why."""
    by_id = {a.id: a for a in analyzed}
    prime([f.statement for f in facts if f.status == "corroborated"])
    prime([c.text for f in facts if f.status == "corroborated" and claim_problem(f.statement) for c in f.claims])
    out = []
    for f in facts:
        if f.status != "corroborated":
            out.append(f)
            continue
        problem = claim_problem(f.statement) or ("a headline (Title Case)" if is_headline(f.statement) else None)
        if problem is None and not refers_back(f.statement):
            out.append(f)
            continue
        spans = [(x["article"], x["text"]) for x in f.support]
        members = sorted(f.claims, key=lambda c: statement_key(c.text, c.article, spans, c.part == "attribution",
                                                               c.quote))
        claims = [c for c in members if not c.heading and not is_headline(c.text) and claim_problem(c.text) is None]
        claims.sort(key=lambda c: refers_back(c.text))
        if claims and not (problem is None and refers_back(claims[0].text)):
            out.append(replace(f, statement=claims[0].text,
                               reason=f"{f.reason}; stated by a member that is a claim (“{_clip(f.statement)}”: "
                                      f"{problem or 'its subject refers to an earlier sentence'})"))
            continue
        if problem is None:
            out.append(f)  # a claim whose subject needs its sentence, and no member says it better
            continue
        rendered = next(((c, r) for c in members if c.article in by_id
                         and (r := rendered_claim(by_id[c.article], c, [(by_id[o.article], o) for o in members
                                                                         if o.article != c.article
                                                                         and o.article in by_id])
                              or _with_subject(by_id[c.article], c, [by_id[o.article] for o in members
                                                                     if o.article != c.article and o.article in by_id],
                                               [o for o in members if o.article != c.article]))
                         is not None), None)
        if rendered is not None:
            out.append(replace(f, statement=rendered[1],
                               reason=f"{f.reason}; “{_clip(f.statement)}” is {problem}: stated as the claim the "
                                      f"phrase makes in its sentence"))
            continue
        out.append(replace(f, status="matched",
                           reason=f"a matched topic, not a corroborated fact: {len(f.articles())} articles share "
                                  f"“{_clip(f.statement)}”, which is {problem} and no member states as a claim; "
                                  f"{f.reason}"))
    return out


def sourced(fact: Fact, texts: dict[str, str]) -> Fact:
    """A corroborated fact most of whose articles give it with its source (reported speech: its member is what the
    source says, "Pixelry has 300 million users[, according to the company]"; or "according to …", "… said" in the
    member) is stated with the source, where its statement names none: "<statement>, according to <the speaker the
    claims stage found for the member the statement comes from>"; else as it is (no named speaker: a pronoun, or a
    statement from a member in its outlet's own voice). ``texts``: the articles' texts, by id. Run after the
    citations are checked against the statement (the source's words are in no other span)."""
    if fact.status != "corroborated" or ATTRIBUTION.search(fact.statement):
        return fact
    arts = {c.article for c in fact.claims}
    given = {c.article for c in fact.claims if c.part == "content" or ATTRIBUTION.search(c.text)}
    if len(arts) < 2 or 2 * len(given) <= len(arts):
        return fact
    said = fact.statement.strip().rstrip(".")
    speaker = next((c.asserted_by_name for c in fact.claims if c.part == "content" and c.asserted_by_name
                    and (said in c.text or c.text.strip().rstrip(".") in said)), None)
    if not speaker or speaker.lower() in PRONOUNS:
        return fact
    source = re.sub(r"^(?:The|A|An)\b", lambda m: m.group(0).lower(), speaker.strip())
    lower = source[:1].lower() + source[1:]
    # a common noun capitalised only because it began its sentence ("Organisers said …", "Pre-verdict surveys …"):
    # lowered where an article writes it so, or where only its first word is capitalised
    if lower != source and (any(lower in t for t in texts.values())
                            or (len(source.split()) > 1 and all(w.islower() for w in source.split()[1:]))):
        source = lower
    return replace(fact, statement=f"{said}, according to {source}.",
                   reason=f"{fact.reason}; stated with its source, as most of its articles give it")


PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those"})


def _clip(text: str, n: int = 60) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[:n - 1] + "…"


def other_name(text: str) -> str | None:
    """A person called by another person's name (an epithet: "Acme's Darth Vader, chief executive John Smith"):
    two person names of the parse in apposition that share no word, outside quote marks; None when there is
    none. Said in the synthesis' own voice it would state the nickname as who the person is."""
    outside = outside_quotes(text)
    doc = _doc(outside)
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    for t in doc:
        if t.dep_ != "appos":
            continue
        mine = next((e for e in people if e.start <= t.i < e.end), None)
        theirs = next((e for e in people if e.start <= t.head.i < e.end), None)
        if mine is None or theirs is None or mine == theirs:
            continue
        if not {w.lower_ for w in mine} & {w.lower_ for w in theirs}:
            return f"a person named by another person's name (“{theirs.text}” for {mine.text})"
    return None


def _main_root(text: str) -> Any | None:
    """The root of the longest sentence of a statement's words outside quote marks (its lead-in cut), parsed once
    (``prime``), or None when nothing is left."""
    t = " ".join(LEADING.sub("", outside_quotes(text).strip()).split())
    if not t:
        return None
    if _bare(t) not in _docs:
        prime([t])
    sents = list(_docs[_bare(t)].sents)
    return max(sents, key=len).root if sents else None


# adjectives of an "it is … that/to" clause that state a fact, not the writer's view of it ("it is unclear whether",
# "it is illegal to")
FACTUAL_EXTRAPOSED = frozenset({"unclear", "unknown", "illegal", "legal", "mandatory", "compulsory", "forbidden"})
# adjectives whose "it … to" is a referring "it" that can or will do something ("it is able to fly"), not a comment
REFERRING_TO = frozenset({"able", "unable", "ready", "due", "likely", "unlikely", "set", "sure", "certain", "bound",
                          "about", "eager", "willing", "expected", "scheduled", "poised", "free", "quick", "slow"})


@lru_cache(maxsize=8192)
def stance(text: str) -> str | None:
    """The writer's comment on what the sentence goes on to say: an evaluative adjective over an extraposed
    clause with an empty "it" ("It is ironic that Jones coached the Reds …", "It is important to note that …",
    "It seems likely that …"), outside quote marks; None otherwise. Said in the synthesis' own voice it would make
    the outlet's judgement the synthesis'; a fact stated so ("It is unclear whether …", "It is illegal to …") and a
    referring "it" that can do something ("It is able to fly") are not comments."""
    root = _main_root(text)
    if root is None or root.lemma_ not in ("be", "seem", "appear", "remain", "look", "sound"):
        return None
    if not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in root.children):
        return None
    adj = next((c for c in root.children if c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ"), None)
    if adj is None:
        return None
    word = adj.lower_
    negated = any(c.dep_ == "neg" for c in root.children) or any(c.dep_ == "neg" for c in adj.children)
    if word in FACTUAL_EXTRAPOSED or (word == "clear" and negated):
        return None
    deps = [c.dep_ for c in (*root.children, *adj.children)]
    if "ccomp" in deps or "csubj" in deps or ("xcomp" in deps and word not in REFERRING_TO):
        return f"the writer's comment on what follows (“it {root.text} {adj.text} …”)"
    return None


@lru_cache(maxsize=8192)
def pledge(text: str) -> str | None:
    """A statement whose main clause is a pledge or a plan: a future of an action ("WhatsApp will remain …", "The
    company will continue to …") or a verb of intent or expectation with what is intended ("X plans to …", "is
    expected to …", "is set to …"), outside quote marks; None for a statement of what happened or is. Read on the
    parse: the main verb (and its conjuncts) with a future auxiliary, or a plan verb with an open complement."""
    root = _main_root(text)
    if root is None:
        return None
    for v in [root, *root.conjuncts]:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        fut = next((c for c in v.children if c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX), None)
        if fut is not None:
            return f"a future stated as fact (“{fut.text} {v.text}”): what someone says will happen"
        if v.lemma_ in PLAN_LEMMAS and any(c.dep_ == "xcomp" for c in v.children):
            return f"a plan or expectation (“{v.text} to …”): what someone intends or expects"
        going = next((c for c in v.children if c.dep_ == "xcomp"), None)
        if v.lemma_ == "go" and v.tag_ == "VBG" and going is not None and any(
                c.dep_ == "aux" and c.lemma_ == "be" for c in v.children):
            return f"a future stated as fact (“going to {going.text}”)"
    return None
