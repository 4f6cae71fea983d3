"""Mentions → one referent per real person, organisation or place.

Within an article, names are grouped by these rules (each mention keeps the rule that
placed it): the same name; a shorter name inside a longer one ("Putin" → "Vladimir
Putin", "Xi" → "Xi Jinping"); an acronym and its expansion ("UN" → "United Nations");
a name the model typed as an organisation whose tail is a known person's name ("Marrowby
Mayor Ines Okafor"). Roles are learned from the text — titles before a name ("Russian
President Vladimir Putin"), appositions ("his Chinese counterpart, President Xi Jinping",
"Lena Varga, a structural engineer") — and role phrases elsewhere ("the Russian leader",
"the minister") then resolve to the person who holds that role. Across the articles of a
comparison, :func:`link_across` gives the same referent one id.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Sequence

from ..lexicons import SPEECH_VERBS
from ..records import Entity, Mention
from ..text.names import HONORIFICS, clean_name, entity_id, is_acronym_of, nat_match
from ..settings import DEFAULT, Settings
from ..text.words import zipf
from .base import StageContext

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

KEPT_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW"}
# Heads that name any office-holder of a country ("the Russian leader" matches its president).
GENERIC_HEADS = {"leader", "head", "official", "politician", "chief", "statesman", "representative"}
PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
APPOS_END_MAX_TOKENS = 14  # how far into a subject phrase a person's name apposed at its end may stand
# nouns of organisations: a role phrase headed by one never points ahead to a person ("another company, Viber")
ORGANISATION_HEADS = {"company", "firm", "agency", "paper", "newspaper", "network", "broadcaster", "channel", "party",
                      "organisation", "organization", "ministry", "department", "court", "government", "committee",
                      "union", "outlet", "station", "magazine", "bank", "council", "commission", "university",
                      "institute", "foundation", "group", "office", "bureau", "administration"}
INVERTED_SPEECH = {"said", "says", "added", "asked", "wrote", "tweeted", "continued", "explained", "noted"}
MODIFIER_TYPES = {"NORP", "GPE", "LOC"}  # names that, modifying a common noun, describe it ("the US president")
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
GENDER_CUES = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
               "spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f", "congressman": "m",
               "congresswoman": "f", "businessman": "m", "businesswoman": "f", "king": "m", "queen": "f",
               "father": "m", "mother": "f", "husband": "m", "wife": "f", "son": "m", "daughter": "f"}
OFFICE_QUALIFIERS = {"acting", "interim", "former", "ex", "vice", "deputy", "outgoing", "incoming", "assistant",
                     "caretaker", "late"}  # words that make a title another office than the bare one


@dataclass(frozen=True)
class Role:
    head: str  # "president", "minister", "counterpart"
    nationality: str | None  # "russian", "russia", "marrowby"
    text: str

    @property
    def qualifiers(self) -> frozenset[str]:
        """"acting", "former", "vice" in the title: the acting president is not the president."""
        return frozenset(w.strip(".,’'") for w in re.split(r"[\s\-–]+", self.text.lower())) & OFFICE_QUALIFIERS


@dataclass
class Cluster:
    type: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    roles: set[Role] = field(default_factory=set)
    gender: str | None = None  # "m" / "f" when the text says so (Mr/Ms, spokesman/spokeswoman), else unknown

    @property
    def tokens(self) -> set[str]:
        return {t.lower() for t in self.name.split()}


@dataclass
class Resolver:
    """What later stages (quotes, framing) need to turn a phrase into a referent."""

    clusters: list[Cluster]
    by_char: dict[int, int]  # char offset → cluster index (for every mention's characters)
    doc: Any
    quote_chars: set[int] = field(default_factory=set)

    def cluster_at(self, start: int, end: int) -> Cluster | None:
        for pos in range(start, end):
            if pos in self.by_char:
                return self.clusters[self.by_char[pos]]
        return None

    def resolve_token(self, token: "Token") -> Cluster | None:
        """The referent a subject token stands for: a name, a role phrase or a pronoun."""
        span = _subtree_span(token)
        head_hit = self.cluster_at(token.idx, token.idx + len(token))
        if head_hit is not None:
            return head_hit
        for child in token.subtree:  # "the mayor of Marrowby, Ines Okafor," → the apposed name
            if child.dep_ == "appos" and child.i - token.i <= 6:
                hit = self.cluster_at(child.idx, child.idx + len(child))
                if hit is not None:
                    return hit
        for child in token.subtree:
            # "The head of the national civil protection agency, Luis Felipe Puente, said": a person's name
            # apposed at the end of the phrase names its head, even where the parser hung it on the last noun
            if child.dep_ == "appos" and child.right_edge.i == _last_word(span) and token.pos_ == "NOUN" \
                    and child.i - token.i <= APPOS_END_MAX_TOKENS:
                hit = self.cluster_at(child.idx, child.idx + len(child))
                if hit is not None and hit.type == "PERSON":
                    return hit
        if token.lower_ in PRONOUNS:
            return self.antecedent(token.idx, person_only=True, gender=PRONOUN_GENDER[token.lower_])
        role = role_of_phrase(span)
        if role is not None:
            return self.match_role(role, token.idx)
        # "Lena Varga, a structural engineer" - the head may be the appositive; look inside the phrase, passing
        # over a nationality or party that only modifies the head ("the US president", "Democratic leaders")
        if len(span) > 8:
            return None
        for t in span:
            hit = self.cluster_at(t.idx, t.idx + len(t))
            if hit is None or (hit.type in MODIFIER_TYPES and t.dep_ in ("amod", "compound", "nmod", "poss")
                               and t.head.pos_ == "NOUN"):
                continue
            return hit
        return None

    def match_role(self, role: Role, before: int) -> Cluster | None:
        """The person a role phrase at ``before`` stands for. A definite role phrase refers back: to a holder
        named earlier ("the head of the agency" is not the mayor introduced three paragraphs later, who is only
        a head by the generic-title rule). Only where nobody named earlier holds it may it point ahead, to the
        one person the article gives that very title ("Mexico's education secretary announced … “…,” tweeted
        Aurelio Nuño, the secretary of education"); never for an organisation noun ("the company" is no person,
        whatever the model typed the name apposed to it)."""
        candidates = self._role_holders(role, lambda c: self.named_before(c, before), generic=True)
        if not candidates and role.nationality is not None:
            # "the Texas governor" for a man introduced only as "Gov. Perry": the title alone, when one
            # person in the article holds it and nothing is known of his nationality
            holders = [c for c in self.clusters if c.type == "PERSON" and role.head in {r.head for r in c.roles}
                       and not any(r.nationality for r in c.roles)]
            if len(holders) > 1:
                return None
            candidates = [c for c in holders if self.named_before(c, before)]
        if not candidates:
            if role.head in ORGANISATION_HEADS:
                return None
            ahead = self._role_holders(role, lambda c: _first_named(c) >= before, generic=False)
            return ahead[0] if len(ahead) == 1 else None
        if len(candidates) == 1:
            return candidates[0]
        # several people hold such a role: the one mentioned last before this point, else the most mentioned
        earlier = [(max((m.start for m in c.mentions if m.start < before), default=-1), c) for c in candidates]
        best = max(earlier, key=lambda x: x[0])
        if best[0] >= 0:
            return best[1]
        return max(candidates, key=lambda c: len(c.mentions))

    def _role_holders(self, role: Role, where: Callable[[Cluster], bool], generic: bool) -> list[Cluster]:
        out = []
        for c in self.clusters:
            if c.type != "PERSON" or not c.roles or not where(c):
                continue
            # a person's roles pool their nationality: "his Chinese counterpart, President Xi" is the Chinese president
            nats = {r.nationality for r in c.roles if r.nationality}
            heads = {r.head for r in c.roles}
            head_ok = role.head in heads or (generic and role.head in GENERIC_HEADS and bool(nats))
            if head_ok and role.qualifiers:
                # "the nation's acting president" is not "former President Park": a qualified title needs a
                # holder given that same qualified title
                head_ok = any(r.head == role.head and role.qualifiers <= r.qualifiers for r in c.roles)
            nat_ok = role.nationality is None or any(nat_match(n, role.nationality) for n in nats) or (
                not generic and not nats)  # (ahead: a title whose holder's country is not stated)
            if head_ok and nat_ok:
                out.append(c)
        return out

    def named_before(self, c: Cluster, before: int) -> bool:
        """Named (not only pointed at by a role phrase or pronoun) before ``before``, outside quotation marks."""
        return any(m.start < before and m.rule not in ("role", "role_ahead", "pronoun") and m.start not in self.quote_chars
                   for m in c.mentions)

    def antecedent(self, before: int, person_only: bool = True, gender: str | None = None) -> Cluster | None:
        """The last person named as a sentence subject before ``before`` (outside quotes), else the last named;
        a person the text shows to be of the other gender than the pronoun is passed over."""
        last_subject: tuple[int, Cluster] | None = None
        last_any: tuple[int, Cluster] | None = None
        for c in self.clusters:
            if person_only and c.type != "PERSON":
                continue
            if gender is not None and c.gender is not None and c.gender != gender:
                continue
            for m in c.mentions:
                if m.start >= before or m.start in self.quote_chars or m.rule == "pronoun":
                    continue
                if last_any is None or m.start > last_any[0]:
                    last_any = (m.start, c)
                if m.rule.startswith("subject") or _is_subject_at(self.doc, m.start):
                    if last_subject is None or m.start > last_subject[0]:
                        last_subject = (m.start, c)
        if last_subject is not None:
            return last_subject[1]
        return last_any[1] if last_any else None


def _first_named(c: Cluster) -> int:
    """Where a referent is first named (a role phrase or pronoun pointing at it does not count)."""
    return min((m.start for m in c.mentions if m.rule not in ("role", "role_ahead", "pronoun")), default=-1)


def _is_subject_at(doc: Any, char: int) -> bool:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    while tok.dep_ in ("compound", "flat", "det", "amod", "poss", "nummod") and tok.head.i != tok.i:
        tok = tok.head
    # the subject of a main clause, not of a clause reported inside it ("Holm said that the minister must …")
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ in ("ROOT", "conj")


def _last_word(span: "Span") -> int:
    """The index of a phrase's last token that is not punctuation (the comma closing an apposition)."""
    return next((t.i for t in reversed(span) if not t.is_punct), span.end - 1)


def _subtree_span(token: "Token") -> "Span":
    doc = token.doc
    left = min(t.i for t in token.subtree)
    right = max(t.i for t in token.subtree)
    return doc[left:right + 1]


ABBREVIATED_TITLES = {"gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
                      "gen": "general", "lt": "lieutenant", "col": "colonel", "supt": "superintendent",
                      "insp": "inspector", "sgt": "sergeant", "adm": "admiral", "amb": "ambassador"}


def _title_head(word: str) -> str:
    """"Gov." → "governor", so "said Gov. Perry" and "the Texas governor" meet."""
    low = word.lower().rstrip(".")
    return ABBREVIATED_TITLES.get(low, low)


def role_of_phrase(span: "Span") -> Role | None:
    """A role phrase: ``the Russian president``, ``the minister``, ``his Chinese counterpart``."""
    root = span.root
    if root.pos_ not in ("NOUN",) or root.ent_type_ or root.tag_ in ("NNS", "NNPS"):
        return None
    nationality = None
    for child in root.children:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE"):
            nationality = child.text
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.ent_type_ in ("GPE", "NORP"):
                    nationality = pobj.text
        if child.dep_ == "poss" and child.ent_type_ in ("GPE", "NORP"):
            nationality = child.text
    has_det = any(c.dep_ in ("det", "poss") for c in root.children)
    if not has_det and nationality is None:
        return None
    return Role(head=root.lemma_.lower(), nationality=nationality.lower() if nationality else None,
                text=span.text)


def _roles_for(ent: "Span") -> set[Role]:
    """Roles a name's own phrase gives it: title words before it and its appositions."""
    roles: set[Role] = set()
    doc = ent.doc
    root = ent.root
    # title words before the name inside the same noun phrase ("Russian President Vladimir Putin")
    left = [t for t in doc[max(ent.start - 4, 0):ent.start] if t.head.i in range(ent.start, ent.end)
            or t.head.i < ent.start and t.head.head.i in range(ent.start, ent.end)]
    nouns = [t for t in left if t.pos_ in ("NOUN", "PROPN") and not t.ent_type_ and t.lower_ not in HONORIFICS]
    if nouns:
        nat = next((t.text for t in left if t.ent_type_ in ("NORP", "GPE")), None)
        head = nouns[-1].lemma_.lower()
        roles.add(Role(head=_title_head(head), nationality=nat.lower() if nat else None,
                       text=" ".join(t.text for t in left)))
    # appositions in both directions ("the president of Russia, Vladimir Putin" / "Varga, a structural engineer")
    partners = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        partners.append(root.head)
    for p in partners:
        if p.i in range(ent.start, ent.end):
            continue
        role = role_of_phrase(_appos_span(p)) or (
            Role(head=p.lemma_.lower(), nationality=None, text=p.text) if p.pos_ == "NOUN" else None)
        if role is not None:
            roles.add(role)
            # nested title inside the appositive: "his Chinese counterpart, President Xi Jinping"
    for t in doc[max(ent.start - 2, 0):ent.start]:
        if t.dep_ == "compound" and t.pos_ == "PROPN" and not t.ent_type_ and t.lower_ not in HONORIFICS:
            roles.add(Role(head=_title_head(t.text), nationality=None, text=t.text))
    return roles


def _appos_span(token: "Token") -> "Span":
    doc = token.doc
    kids = [t for t in token.subtree if t.dep_ not in ("relcl", "acl") or t.i == token.i]
    left = min(t.i for t in kids)
    right = token.i
    for t in kids:
        if t.i > token.i and t.dep_ in ("prep", "pobj", "compound", "amod") and t.i < token.i + 4:
            right = max(right, t.i)
    return doc[left:right + 1]


def _person_tail(ent: "Span", person_tokens: set[str], max_zipf: float) -> "Span | None":
    """A non-person mention whose tail is a known person's name: return the name's span."""
    if len(ent) < 2:
        return None
    known = ent[-1].lower_ in person_tokens
    start = ent.end - 1
    while start - 1 >= ent.start:
        tok = ent.doc[start - 1]
        if not tok.is_title or (tok.lower_ not in person_tokens and zipf(tok.lower_) > max_zipf):
            break
        start -= 1
    tail = ent.doc[start:ent.end]
    before = ent.doc[start - 1] if start > ent.start else None
    # "Marrowby Mayor Ines Okafor": a title word (a frequent English word, capitalised) then a rare two-part name
    titled = before is not None and before.is_title and zipf(before.lower_) > max_zipf
    rare = all(t.is_title and zipf(t.lower_) < max_zipf for t in tail)
    if len(tail) >= 2 and titled and (known or rare):
        return tail
    return None


def _name_span(ent: "Span") -> "Span":
    """Drop a leading article/honorific and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].lower_ in HONORIFICS
                           or (doc[start].is_sent_start and doc[start].lower_ in INVERTED_SPEECH)):
        start += 1  # ("Said Ryan Ellis: …": the verb opening an inverted attribution is not part of the name)
    while end > start and doc[end - 1].text in ("’s", "'s", "’", "'"):
        end -= 1
    return doc[start:end] if end > start else ent


def _trim_to_known(span: "Span", known: set[str]) -> "Span | None":
    """In a title-case headline the model over-extends names ("Xi Sign Joint Plan"): keep the known part."""
    toks = [t for t in span if t.lower_ in known]
    if not toks:
        return None
    start, end = toks[0].i, toks[-1].i + 1
    if any(span.doc[i].lower_ not in known for i in range(start, end)):
        return None
    from spacy.tokens import Span

    return Span(span.doc, start, end, label=span.label_)


def find_clusters(doc: "Doc", skip_chars: set[int] | None = None, headline_end: int = 0,
                  settings: Settings = DEFAULT) -> Resolver:
    """Group the doc's named entities; names in a headline (chars < headline_end) must match the body's."""
    ents = [_hyphen_completed(e) for e in doc.ents if e.label_ in KEPT_TYPES]
    ents = _headline_trimmed(ents, headline_end) + _untagged_person_names(doc, ents, settings.name_token_max_zipf)
    labels = _vote_labels(ents)
    raw = _typed_spans(ents, labels, settings.name_token_max_zipf)
    # the fullest form of each name first, so shorter forms can attach to it
    clusters: list[Cluster] = []
    order = sorted(range(len(raw)), key=lambda i: -len(clean_name(raw[i][0].text).split()))
    assigned: dict[int, int] = {}
    for i in order:
        span, label, rule = raw[i]
        name = clean_name(span.text)
        if not name or (label == "PERSON" and not any(ch.isupper() for ch in name)):
            continue
        idx, how = _attach(clusters, name, label)
        if idx is None:
            clusters.append(Cluster(type=label, name=name))
            idx, how = len(clusters) - 1, rule
        assigned[i] = idx
        clusters[idx].mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text,
                                              rule=how if how != "ner" else rule))
        if label == "PERSON" or clusters[idx].type == "PERSON":
            for ent in (e for e in ents if e.start <= span.start < e.end):
                clusters[idx].roles |= _roles_for(ent if ent.label_ == "PERSON" else span)
    by_char: dict[int, int] = {}
    for idx, c in enumerate(clusters):
        for m in c.mentions:
            for pos in range(m.start, m.end):
                by_char[pos] = idx
    resolver = Resolver(clusters=clusters, by_char=by_char, doc=doc, quote_chars=skip_chars or set())
    _add_untagged_names(resolver)
    _infer_gender(resolver)
    _add_role_mentions(resolver)
    return resolver


def _hyphen_completed(ent: "Span") -> "Span":
    """A name the model cut at a hyphen inside a word ("Haider al" of "Haider al-Abadi") runs on through the
    glued hyphen to the capitalised part after it."""
    doc, end = ent.doc, ent.end
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha):
        end += 2
    if end == ent.end:
        return ent
    from spacy.tokens import Span

    return Span(doc, ent.start, end, label=ent.label_)


def _headline_trimmed(ents: Sequence["Span"], headline_end: int) -> list["Span"]:
    """Names in the headline trimmed to the words the body also uses ("Xi Sign Joint Plan" → "Xi")."""
    body_tokens = {t.lower_ for e in ents if e.start_char >= headline_end for t in e}
    out = []
    for e in ents:
        if e.start_char < headline_end:
            known = _trim_to_known(e, body_tokens)
            if known is None:
                continue
            e = known
        out.append(e)
    return out


def _typed_spans(ents: Sequence["Span"], labels: dict[str, str], max_zipf: float) -> list[tuple["Span", str, str]]:
    """(span, type, rule) for each name: the voted label, or PERSON where the context or a known name says so."""
    person_tokens = {t.lower_ for e in ents if labels[_key(e)] == "PERSON" for t in _name_span(e) if t.is_title}
    raw: list[tuple["Span", str, str]] = []
    for e in ents:
        span = _name_span(e)
        label = labels[_key(e)]
        if label != "PERSON" and _person_by_context(span, max_zipf):
            raw.append((span, "PERSON", "person_by_context"))
            continue
        if label != "PERSON":
            tail = _person_tail(span, person_tokens, max_zipf)
            if tail is not None:
                raw.append((tail, "PERSON", "person_name_in_" + label.lower()))
                continue
        owned = _owned_by_person(span, ents, labels) if label == "PERSON" else None
        if owned is not None:
            raw.append((owned, labels.get(_key(owned), "ORG") if labels.get(_key(owned)) != "PERSON" else "ORG",
                        "possessed_by_person"))
            continue
        raw.append((span, label, "ner"))
    return raw


def _owned_by_person(span: "Span", ents: Sequence["Span"], labels: dict[str, str]) -> "Span | None":
    """"Zuckerberg’s Facebook" typed as one person: a name with a possessive inside, whose possessor is a person
    named elsewhere, is the thing that person owns or leads (the words after the possessive), not the person."""
    marks = [t.i for t in span if t.text in ("’s", "'s", "’", "'") and t.i < span.end - 1]
    if len(marks) != 1 or marks[0] == span.start:
        return None
    owner = span.doc[marks[0] - 1]
    named_elsewhere = any(labels[_key(e)] == "PERSON" and not (e.start <= owner.i < e.end)
                          and owner.lower_ in {t.lower_ for t in e} for e in ents)
    owned = span.doc[marks[0] + 1:span.end]
    if not named_elsewhere or not all(t.is_title or t.is_upper for t in owned):
        return None
    return owned


def _untagged_person_names(doc: "Doc", ents: Sequence["Span"], max_zipf: float) -> list["Span"]:
    """Runs of proper nouns the model did not tag, that read as a person's name: after a title word
    ("Mayor Ines Okafor toured …"), or as the subject of a verb of saying."""
    from spacy.tokens import Span

    covered = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    i = 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN" or i in covered or not doc[i].is_title:
            i += 1
            continue
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and j not in covered:
            j += 1
        start = i
        while start < j and zipf(doc[start].lower_) > max_zipf:
            start += 1  # leading title words: "Mayor", "Minister"
        if j - start >= 2 and (start > i or (start > 0 and zipf(doc[start - 1].lower_) > max_zipf
                                             and doc[start - 1].is_title)):
            span = Span(doc, start, j, label="PERSON")
            if _person_by_context(span, max_zipf):
                out.append(span)
        i = j
    return out


def _key(e: "Span") -> str:
    return _spelling(clean_name(e.text))


def _vote_labels(ents: Sequence["Span"]) -> dict[str, str]:
    """One type per surface name: the majority of the model's labels (ties: place, then organisation)."""
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for e in ents:
        votes[_key(e)][e.label_] += 1
    rank = {"GPE": 3, "LOC": 2, "ORG": 1}
    return {k: max(v, key=lambda lab: (v[lab], rank.get(lab, 0))) for k, v in votes.items()}


def _person_by_context(span: "Span", max_zipf: float) -> bool:
    """A two- or three-part rare name the model mistyped, placed where people stand: after a title word,
    or as the subject of a verb of saying."""
    toks = list(span)
    if not (2 <= len(toks) <= 3) or not all(t.is_title and zipf(t.lower_) < max_zipf for t in toks):
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    titled = before is not None and before.is_title and zipf(before.lower_) > max_zipf \
        and before.pos_ in ("PROPN", "NOUN")
    root = span.root
    speaking = root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_VERBS
    apposed = root.dep_ == "appos" or any(
        c.dep_ == "appos" and c.pos_ == "NOUN" for c in root.children)
    return titled or speaking or apposed


def _spelling(name: str) -> str:
    """A name's spelling for matching: lower case, hyphens as spaces ("Kim Jong-un" = "Kim Jong Un")."""
    return re.sub(r"[-‐‑]", " ", name.lower())


def _attach(clusters: list[Cluster], name: str, label: str) -> tuple[int | None, str]:
    low = _spelling(name)
    toks = low.split()
    for idx, c in enumerate(clusters):
        if c.type == "PERSON" and label != "PERSON" and len(toks) == 1 and len(c.tokens) > 1 \
                and low in (c.name.lower().split()[-1], c.name.lower().split()[0]) and name[:1].isupper():
            return idx, "surname"  # "Berend" typed as an organisation is the Berend named in full elsewhere
        compatible = c.type == label or {c.type, label} <= {"GPE", "LOC"} or {c.type, label} <= {"ORG", "FAC"}
        if _spelling(c.name) == low and compatible:
            return idx, "same_name"
        if not compatible:
            continue
        if label == "PERSON" and len(toks) < len(c.tokens) and set(toks) <= set(_spelling(c.name).split()):
            return idx, "short_name"
        if label in ("ORG", "FAC", "GPE") and (is_acronym_of(name, c.name)):
            return idx, "acronym"
        if label in ("ORG", "FAC") and len(toks) == 1 and c.name.lower().startswith(low + " "):
            rest = c.name.split()[1:]
            if len(rest) == 1 and zipf(rest[0].lower()) < 3.0:  # "RIA" → "RIA Novosti", not "UN" → "UN Security Council"
                return idx, "short_name"
        if label in ("ORG", "FAC") and len(toks) >= 2 and c.name.lower().endswith(" " + low):
            return idx, "short_name"
    return None, "ner"


def _add_untagged_names(resolver: Resolver) -> None:
    """A person's surname the model left untagged ("Okafor said that …") is still that person."""
    surnames = {c.name.split()[-1]: i for i, c in enumerate(resolver.clusters)
                if c.type == "PERSON" and len(c.name.split()) > 1}
    for tok in resolver.doc:
        if tok.pos_ == "PROPN" and tok.text in surnames and tok.idx not in resolver.by_char:
            idx = surnames[tok.text]
            resolver.clusters[idx].mentions.append(Mention(start=tok.idx, end=tok.idx + len(tok), text=tok.text,
                                                           rule="surname"))
            for pos in range(tok.idx, tok.idx + len(tok)):
                resolver.by_char[pos] = idx


def _infer_gender(resolver: Resolver) -> None:
    """Gender only where the text states it: an honorific before a mention, or a gendered role noun."""
    doc = resolver.doc
    for c in resolver.clusters:
        if c.type != "PERSON":
            continue
        votes: dict[str, int] = {}
        for m in c.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.start > 0:
                cue = GENDER_CUES.get(doc[span.start - 1].lower_)
                if cue and doc[span.start - 1].lower_.rstrip(".") in ("mr", "mrs", "ms", "miss"):
                    votes[cue] = votes.get(cue, 0) + 1
            first = m.text.split()[0].lower() if m.text.split() else ""
            if first.rstrip(".") in ("mr", "mrs", "ms", "miss"):
                votes[GENDER_CUES[first]] = votes.get(GENDER_CUES[first], 0) + 1
        for r in c.roles:
            g = GENDER_CUES.get(r.head)
            if g:
                votes[g] = votes.get(g, 0) + 1
        if len(votes) == 1:
            c.gender = next(iter(votes))


def _add_role_mentions(resolver: Resolver) -> None:
    """Role phrases and subject pronouns become mentions of the person they stand for."""
    doc = resolver.doc
    seen: set[int] = {m.start for c in resolver.clusters for m in c.mentions}
    for chunk in doc.noun_chunks:
        if chunk.start_char in seen or chunk.start_char in resolver.quote_chars:
            continue
        if chunk.root.lower_ in PRONOUNS and chunk.root.dep_ in ("nsubj", "nsubjpass"):
            target = resolver.antecedent(chunk.start_char, gender=PRONOUN_GENDER[chunk.root.lower_])
            rule = "pronoun"
        else:
            role = role_of_phrase(chunk)
            definite = any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in chunk.root.children)
            if role is None or chunk.root.ent_type_ or not definite:
                continue
            target = resolver.match_role(role, chunk.start_char)
            rule = "role" if target is None or resolver.named_before(target, chunk.start_char) else "role_ahead"
        if target is None:
            continue
        target.mentions.append(Mention(start=chunk.start_char, end=chunk.end_char, text=chunk.text, rule=rule))
        idx = resolver.clusters.index(target)
        for pos in range(chunk.start_char, chunk.end_char):
            resolver.by_char.setdefault(pos, idx)


def to_entities(resolver: Resolver) -> tuple[Entity, ...]:
    out = []
    for c in resolver.clusters:
        mentions = tuple(sorted(c.mentions, key=lambda m: m.start))
        out.append(Entity(id=entity_id(c.type, c.name), name=c.name, type=c.type, mentions=mentions,
                          roles=tuple(sorted({r.text for r in c.roles}))))
    return tuple(sorted(out, key=lambda e: e.mentions[0].start if e.mentions else 0))


def quote_char_set(text: str) -> set[int]:
    """Character offsets inside double quotation marks (names there are not antecedents)."""
    chars: set[int] = set()
    for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", text):
        chars.update(range(m.start(), m.end()))
    return chars


def resolver_stage(ctx: StageContext) -> Resolver:
    """Coreference within the article: names, roles and pronouns grouped into referents."""
    headline_end = max((p.end for p in ctx.article.paragraphs if p.kind == "title"), default=0)
    return find_clusters(ctx.doc, quote_char_set(ctx.article.text), headline_end, ctx.settings)


def entities_stage(ctx: StageContext) -> tuple[Entity, ...]:
    resolver: Resolver = ctx.values["resolver"]
    return to_entities(resolver)
