"""Facts of a comparison: aligned claims grouped into corroborated, unique and conflicting facts."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import AbstractSet, Any, Callable, Mapping, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from ..records import Alignment, AnalyzedArticle, Claim, Fact, Quantity
from ..settings import DEFAULT, Settings
from ..stages.claims import CLAUSE_BREAK as CLAUSE_BREAK  # read by the synthesis
from ..stages.claims import punctuation_clauses as _clause_spans
from .align import align_pieces
from .assertion import claim_problem, claimed, cover_share, predicated, rendered_claim, sourced, statement_key, unit_parse
from .assertion import prime as prime_claims
from .details import cuts_up_to_two, details_missing, dropped_for
from .pairs import load_pair_model, load_part_model, local_features, pair_features, predicate_features
from .pairs import prime as prime_pairs
from .span_check import NAME, NO_PREDICATE, WORD, predicate_shared, soft_local, span_checks
from .verify import QUOTE_OVERLAP_MIN, Verifier, content_stems, opposite_change, same_figure, is_caption, is_chrome, is_fragment, is_headline, shared_quoted_words

class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def _support(claim: Claim, text: str) -> dict[str, Any]:
    """Where the claim stands in its article; ``text`` is exactly ``article.text[start:end]``."""
    return {"article": claim.article, "sentence": claim.sentence, "start": claim.start, "end": claim.end,
            "text": text[claim.start:claim.end]}


def fact_claims(analyzed: AnalyzedArticle, settings: Settings = DEFAULT) -> list[Claim]:
    """The claims that can be facts: body sentences, not headlines, subheadings, page chrome, credits,
    photo captions or bare attribution fragments."""
    return [c for c in analyzed.claims if not c.heading and len(c.text.split()) >= settings.min_claim_words
            and not is_chrome(c.text) and not is_caption(c.text) and not is_headline(c.text)
            and not is_fragment(c.text)]


def fact_units(analyzed: AnalyzedArticle, settings: Settings = DEFAULT, parse: bool = False,
               claims: Sequence[Claim] | None = None) -> list[Claim]:
    """What can be aligned: each fact claim and, where a sentence holds several clauses, each clause of at
    least ``clause_min_words`` words (many facts two outlets share are one clause of a longer sentence).
    A clause keeps its sentence's speaker and takes the numbers, names and content words inside it. With
    ``parse``, only the clauses of the parse that punctuation does not cut (``Claim.clauses``; ids "~pK"):
    the units of the clause pass (``clause_facts``), cut from ``claims`` when given (the article's fact claims)."""
    text = analyzed.article.text
    out: list[Claim] = []
    for c in fact_claims(analyzed, settings) if claims is None else claims:
        if not parse:
            out.append(c)
        if c.part == "attribution":
            continue
        cut = _clause_spans(text[c.start:c.end], c.start, settings.clause_min_words)
        spans = [(a, b, "") for a, b in cut] if not parse else \
            [(a, b, "p") for a, b in c.clauses if (a, b) not in cut and c.start <= a < b <= c.end
             and len(text[a:b].split()) >= settings.clause_min_words]
        for k, (a, b, kind) in enumerate(spans):
            piece = text[a:b]
            lower_words = [w for w in re.findall(r"\b[a-z][a-z’'-]{2,}\b", piece) if w not in STOP_WORDS]
            if is_fragment(piece) or is_chrome(piece) or len(lower_words) < 2:
                continue  # a bare list of names ("Britain, China, France and Russia") states nothing
            low = piece.lower()
            ents = tuple(e.id for e in analyzed.entities if e.id in c.entities
                         and any(a <= m.start < b for m in e.mentions))
            # a date elsewhere in the sentence dates the clause too ("… in 2009, when it destroyed 300 homes")
            out.append(replace(c, id=f"{c.id}~{kind}{k}", start=a, end=b, text=piece,
                               values=tuple(v for v in c.values if a <= v.start < b or v.kind == "date"), entities=ents,
                               terms=tuple(t for t in c.terms if t[:4] in low), part="clause"))
    return out


def build_facts(analyzed: Sequence[AnalyzedArticle], alignments: Sequence[Alignment],
                settings: Settings, verifier: Verifier | None = None,
                accepted: dict[tuple[str, str], float] | None = None) -> list[Fact]:
    """Group aligned claims into facts. An alignment joins two claims only when it is strong (same fact,
    or a mutually-best paraphrase); with ``check_corroboration`` the verifier must find nothing against
    it (speaker, event, numbers, polarity) and facts are stars around their statement (no chains).
    ``accepted``, when given, gets every pair of units the pair verifier accepted (both orders, its
    probability): a unit taken into one fact may state another fact's statement too (the synthesis asks)."""
    claims = {c.id: c for a in analyzed for c in fact_units(a, settings)}
    verifier = verifier or Verifier(analyzed, settings)
    texts = {a.id: a.article.text for a in analyzed}
    uf = _UnionFind()
    for cid in claims:
        uf.find(cid)
    if settings.check_corroboration and settings.pair_model:
        verdicts = pair_verdicts(claims, alignments, verifier)
        if accepted is not None:
            accepted.update({k: v[0] for k, v in verdicts.items() if v[2] and not v[1].startswith(ON_TRIAL)})
        none: Verdict = (0.0, "", False)
        checked = [replace(al, score=verdicts[(al.a, al.b)][0]) for al in alignments
                   if verdicts.get((al.a, al.b), none)[2]]
        agree = [al for al in alignments if verdicts.get((al.a, al.b), none)[0] >= settings.pair_agree_min
                 or verdicts.get((al.a, al.b), none)[2]]
        facts = _star_facts(analyzed, claims, checked, verifier, texts, agree, verdicts, strong=lambda al: True)
        facts = _passes(analyzed, facts, verifier, texts, claims, alignments, verdicts)
    elif settings.check_corroboration:
        # below corroborate_min a (mutually best) paraphrase still counts when both borrow the same quoted word
        checked = [al for al in alignments if al.score >= settings.corroborate_min or (
            al.a in claims and al.b in claims and shared_quoted_words(claims[al.a], claims[al.b]))]
        facts = _star_facts(analyzed, claims, checked, verifier, texts, alignments)
    else:
        for al in alignments:
            if al.a in claims and al.b in claims and _strong(al):
                uf.union(al.a, al.b)
        groups: dict[str, list[Claim]] = defaultdict(list)
        for cid, claim in claims.items():
            groups[uf.find(cid)].append(claim)
        facts = [_make_fact(members, texts) for members in groups.values()]
    facts = claimed(analyzed, facts)  # a fact is a claim: else stated by a member that is one, or a matched topic
    if settings.member_check:
        facts = stated_by_members(facts, verifier, texts, outlet_voice(analyzed))
    facts = [sourced(_cited_holding(f, settings.synthesis_cover_min), texts) for f in facts]
    if settings.rejoin_pairs:
        facts = _one_per_statement(facts)
    order = {a.id: i for i, a in enumerate(analyzed)}
    facts.sort(key=lambda f: (-len(f.articles()), order[f.support[0]["article"]], f.support[0]["sentence"]))
    return [replace(f, id=f"f{n}") for n, f in enumerate(facts, start=1)]


Verdict = tuple[float, str, bool]  # the pair verifier's probability, its reason, and whether the pair is accepted


def _passes(analyzed: Sequence[AnalyzedArticle], facts: list[Fact], verifier: Verifier, texts: dict[str, str],
            claims: dict[str, Claim], alignments: Sequence[Alignment],
            verdicts: dict[tuple[str, str], Verdict]) -> list[Fact]:
    """The star facts with those of the passes the settings turn on, in order: clauses of the parse, phrases,
    predicates, marked units, figures, rejoined pairs (each sees the facts before it)."""
    settings = verifier.settings
    if settings.parse_clauses:
        facts = _with_clause_facts(facts, clause_facts(analyzed, claims, facts, verifier, texts, alignments))
    if settings.phrase_pass:
        facts = facts + phrase_facts(analyzed, facts, verifier, texts)
    if settings.predicate_pass:
        facts = facts + predicate_facts(analyzed, facts, verifier, texts, claims)
    if settings.marked_pass:
        facts = facts + marked_facts(analyzed, facts, verifier, texts, alignments, claims)
    if settings.figure_pass:
        facts = facts + figure_facts(analyzed, facts, verifier, texts, claims)
    if settings.rejoin_pairs:
        facts = facts + rejoined_facts(analyzed, facts, verifier, texts, claims, verdicts)
    return facts


# a pair accepted under pair_min (from pair_weak_min): its member is cited only when its span states the statement
ON_TRIAL, STATEMENT_UNIT = "on trial: pair verifier", "the statement unit; "


def judged_relations(settings: Settings) -> tuple[str, ...]:
    """The aligner's relations whose pairs the pair verifier judges: with ``pair_conflict_checked`` also
    ``conflict`` (the aligner's raw numbers differ; the structured checks on the measured figures decide)."""
    return ("same_fact", "paraphrase", "candidate") + (("conflict",) if settings.pair_conflict_checked else ())


def pair_verdicts(claims: dict[str, Claim], alignments: Sequence[Alignment],
                  verifier: Verifier) -> dict[tuple[str, str], Verdict]:
    """The pair verifier's verdict on each aligned pair the structured checks let through (both orders of a
    pair are keyed): accepted at ``pair_min``, or when the two share a figure of one measure ("more than 30
    pages": the measured figure, or the aligner's number of one unit) and their combined score reaches
    ``corroborate_min`` (shared figures are rare in the model's
    training pairs, so it weighs them little)."""
    model = load_pair_model()
    settings = verifier.settings
    out: dict[tuple[str, str], Verdict] = {}
    refused: list[tuple[Alignment, Claim, Claim, dict[str, float]]] = []
    predicate_refused: list[tuple[Alignment, Claim, Claim, float, str]] = []
    judged = judged_relations(settings)
    for al in alignments:
        if al.relation not in judged or al.a not in claims or al.b not in claims:
            continue
        a, b = claims[al.a], claims[al.b]
        if verifier.refuse(a, b) is not None:
            continue
        if al.relation == "conflict" and verifier.conflict_resolved(a, b) is None:
            continue  # the aligner's differing numbers are not shown to be one measured figure
        feats = pair_features(a, b, al, verifier)
        p, reason = round(model.probability(feats), 3), model.reason(feats)
        parse = is_parse_clause(a) or is_parse_clause(b)
        floor, name = (settings.clause_pair_min, "clause_pair_min") if parse else (settings.pair_min, "pair_min")
        weak = settings.pair_weak_min if settings.member_check and not parse else floor
        if p >= floor:
            verdict = (p, f"pair verifier {p:.2f} >= {name} {floor}: {reason}", True)
        elif not parse and (feats["figure_same"] or feats["numbers"] >= 1.0) and al.score >= settings.corroborate_min \
                and _stated_figure_shared(a, b, verifier):
            verdict = (p, f"the same figure of one measure, stated by both, and combined score {al.score:.2f} >= "
                          f"corroborate_min {settings.corroborate_min} (pair verifier {p:.2f}: {reason})", True)
        elif p >= weak:
            verdict = (p, f"{ON_TRIAL} {p:.2f} in [pair_weak_min {weak}, {name} {floor}): {reason}", True)
        else:
            verdict = (p, f"pair verifier {p:.2f} < {name} {floor}: {reason}", False)
            if not parse and p >= settings.part_pair_floor:
                refused.append((al, a, b, feats))
            if not parse and p >= settings.pair_predicate_min:
                predicate_refused.append((al, a, b, p, reason))
        out[(al.a, al.b)] = out[(al.b, al.a)] = verdict
    if settings.member_check and predicate_refused:
        _predicate_verdicts(predicate_refused, out, settings.pair_predicate_min)
    if settings.member_check and settings.part_pair_min < 1.0 and refused:
        _part_verdicts(refused, out, settings.part_pair_min)
    return out


def _predicate_verdicts(refused: Sequence[tuple[Alignment, Claim, Claim, float, str]],
                        out: dict[tuple[str, str], Verdict], floor: float) -> None:
    """A pair the pair verifier refused at ``pair_predicate_min`` or above is accepted when the two units share a
    predicate (by lemma or derivational family: "deployed" / "deployment") with one of its arguments ("police"):
    ``pairs.predicate_features``' ``pred_arg``. Its probability stays the pair verifier's (ranked below every pair
    it accepts); the member check then states the fact by what every member's span states."""
    docs = prime_pairs([c.text for _, a, b, _, _ in refused for c in (a, b)])
    for al, a, b, p, reason in refused:
        feats = predicate_features(a.text, b.text, docs)
        if feats["pred_arg"] > 0:
            out[(al.a, al.b)] = out[(al.b, al.a)] = (
                p, f"pair verifier {p:.2f} >= pair_predicate_min {floor} and a predicate shared with one of its "
                   f"arguments (pred_arg={feats['pred_arg']:.2f}): {reason}", True)


def _part_verdicts(refused: Sequence[tuple[Alignment, Claim, Claim, dict[str, float]]],
                   out: dict[tuple[str, str], Verdict], floor: float) -> None:
    """The part verifier on the pairs the pair verifier refused (from ``part_pair_floor``): a pair at
    ``part_pair_min`` is accepted, ranked at the pair verifier's probability (below every pair it accepts, so a
    part pair never takes a unit from a fact the pair verifier makes); the member check then states the fact by
    what every member's span states, or leaves the member out."""
    model = load_part_model()
    softs = soft_local([(a.text, b.text) for _, a, b, _ in refused])
    passed = []
    for (al, a, b, feats), soft in zip(refused, softs, strict=True):
        feats = feats | local_features(a.text, b.text) | {"soft_local": soft}
        p = model.probability(feats)
        if p >= floor:
            passed.append((al, a, b, f"part verifier {p:.2f} >= part_pair_min {floor}: {model.reason(feats)}"))
    # the part both state has a predicate: a main predicate of one unit (not a light or reporting verb alone) is
    # written in the other ("The whole of Hong Kong is against her" / "how much independence does Hong Kong have"
    # share names and no predicate)
    held = predicate_shared([pair for _, a, b, _ in passed for pair in ((a.text, b.text), (b.text, a.text))])
    for n, (al, _, _, reason) in enumerate(passed):
        why = next((w for w in held[2 * n:2 * n + 2] if w and not w.startswith(NO_PREDICATE)), None)
        if why is None:
            continue
        old = out[(al.a, al.b)]
        out[(al.a, al.b)] = out[(al.b, al.a)] = (old[0], f"{reason}; {why} ({old[1]})", True)


# "three of the seven planets": a figure after "of the" names a set given elsewhere; it states no count
PARTITIVE = re.compile(r"\b(?:of|among|from)\s+(?:the|its|their|these|those|all)\s*$", re.IGNORECASE)


def _stated_figure_shared(a: Claim, b: Claim, verifier: Verifier) -> bool:
    """Do the two units state one figure (same number of the same unit), neither of them as a reference to a
    set ("three of the seven planets" states no count of seven planets)?"""
    def stated(c: Claim) -> set[tuple[float, str | None]]:
        text = verifier.texts.get(c.article, "")
        return {(round(float(v.value), 6), v.unit) for v in c.values
                if v.kind in ("number", "money", "percent") and not isinstance(v.value, str)
                and not PARTITIVE.search(text[max(0, v.start - 20):v.start])}
    return bool(stated(a) & stated(b))


def clause_facts(analyzed: Sequence[AnalyzedArticle], claims: dict[str, Claim], facts: Sequence[Fact],
                 verifier: Verifier, texts: dict[str, str], alignments: Sequence[Alignment] = ()) -> list[Fact]:
    """The clause pass: facts two articles share in a clause of the parse (``fact_units(parse=True)``: a
    coordinated, subordinate, relative or participial clause, an apposition) inside sentences whose other parts
    differ. Each parse clause is aligned with every unit of the other articles (its own MiniLM vector); a pair
    counts when the structured checks let it through and the pair verifier finds it at ``clause_pair_min``, and
    the two sentences do not already corroborate a fact together. Facts are stars as in ``_star_facts``, each
    member cited by its clause."""
    settings = verifier.settings
    # only sentences that ``alignments`` (the units' own, down to candidate_min) match with something elsewhere
    near = {_family(claims[x]) for al in alignments for x in (al.a, al.b) if x in claims} if alignments else None
    parse_units = [fact_units(a, settings, parse=True, claims=[c for c in claims.values()
                                                                if c.article == a.id and c.part != "clause"
                                                                and (near is None or c.id in near)])
                   for a in analyzed]
    if not any(parse_units):
        return []
    # a unit can only be compared with a clause when it is not much longer (``_comparable``)
    longest = max(len(c.text.split()) for g in parse_units for c in g) / max(settings.clause_len_ratio_min, 0.01)
    groups = [[c for c in claims.values() if c.article == a.id and len(c.text.split()) <= longest]
              for a in analyzed]
    # encode only what can pass: a clause sharing fewer than ``clause_terms_min`` content words, or fewer than half of
    # its own, with every unit of the other articles is not found at clause_pair_min (shared words weigh most in the
    # verifier)
    terms = [[set(c.terms) for c in [*g, *p]] for g, p in zip(groups, parse_units, strict=True)]
    parse_units = [[c for c in p if any(len(set(c.terms) & t) >= max(settings.clause_terms_min, len(c.terms) / 2)
                                        for j, ts in enumerate(terms) if j != i for t in ts)]
                   for i, p in enumerate(parse_units)]
    units = {c.id: c for g in [*groups, *parse_units] for c in g}
    together = {frozenset((_family(x), _family(y))) for f in facts if len(f.articles()) >= 2
                for x in f.claims for y in f.claims if x.article != y.article}
    alignments = [al for al in align_pieces(parse_units, groups, settings)
                  if frozenset((_family(units[al.a]), _family(units[al.b]))) not in together
                  and _comparable(units[al.a], units[al.b], settings.clause_len_ratio_min)]
    verdicts = pair_verdicts(units, alignments, verifier)
    none: Verdict = (0.0, "", False)
    checked = [replace(al, score=verdicts[(al.a, al.b)][0]) for al in alignments
               if verdicts.get((al.a, al.b), none)[2]]
    if not checked:
        return []
    agree = [al for al in alignments if verdicts.get((al.a, al.b), none)[2]]
    involved = {x for al in checked for x in (al.a, al.b)}
    found = _star_facts(analyzed, {cid: units[cid] for cid in involved}, checked, verifier, texts, agree, verdicts,
                        strong=lambda al: True)
    return [f for f in found if len(f.articles()) >= 2]


def phrase_units(analyzed: AnalyzedArticle, claims: Sequence[Claim],
                 names: dict[str, set[str]] | None = None) -> list[Claim]:
    """The noun phrases of the parse that say what a named referent is (``Claim.phrases``: an apposition, a
    title or role before a name, a name qualifying a common noun), as units (ids "~qK", part "phrase") with the
    linked entities named inside them, their figures and content words; ``names``, when given, gets each unit's
    referent's name words (five-letter stems)."""
    text = analyzed.article.text
    names = {} if names is None else names
    out: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    for c in claims:
        if c.part == "clause":
            continue
        for k, (a, b, n0, n1) in enumerate(c.phrases):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            names[f"{c.id}~q{k}"] = set(content_stems(POSSESSIVE.sub("", text[n0:n1])))
            piece = text[a:b]
            ents = tuple(e.id for e in analyzed.entities if any(a <= m.start < b for m in e.mentions))
            low = piece.lower()
            # what a referent is, said outside quote marks, is the outlet's description, also in a sentence of
            # reported speech ("…, the head of the agency, Luis Felipe Puente, said")
            out.append(replace(c, id=f"{c.id}~q{k}", start=a, end=b, text=piece, part="phrase", entities=ents,
                               asserted_by=c.asserted_by if c.quote and c.start <= a < c.end else None,
                               asserted_by_name=c.asserted_by_name if c.quote and c.start <= a < c.end else None,
                               quote=c.quote and c.start <= a < c.end,
                               values=tuple(v for v in c.values if a <= v.start < b or v.kind == "date"),
                               terms=tuple(t for t in c.terms if t[:4] in low)))
    return out


def _descriptor(unit: Claim, analyzed: AnalyzedArticle) -> set[str]:
    """The content stems of a phrase outside the names in it: what it says the referent is."""
    names = {s for e in analyzed.entities for m in e.mentions if unit.start <= m.start < unit.end
             for s in content_stems(m.text)}
    return set(content_stems(POSSESSIVE.sub("", unit.text))) - names


POSSESSIVE = re.compile(r"[’']s\b")
# a description of a past holder of a role ("former CEO", "ex-minister", "the late king", "then-governor") and of
# the present one ("new CEO", "incoming governor", "acting president")
PAST_TENURE = re.compile(r"\b(?:former|ex-|late|onetime|one-time|erstwhile|outgoing|retired|then-)", re.IGNORECASE)
PRESENT_TENURE = re.compile(r"\b(?:new|newly|incoming|current|incumbent|sitting|acting|interim)\b", re.IGNORECASE)


def _tenures_differ(a: str, b: str) -> bool:
    """One phrase describes a past holder of the role and the other the present one ("former CEO of …" / "new CEO
    …"); a bare title against a past holder ("President Park" / "former President Park") is how a name is
    written, not a claim that the two differ."""
    return bool((PAST_TENURE.search(a) and PRESENT_TENURE.search(b)) or (PAST_TENURE.search(b) and PRESENT_TENURE.search(a)))


def _noun_stems(analyzed: AnalyzedArticle, unit: Claim) -> set[str]:
    """The five-letter stems of the nouns in a phrase unit, read from its sentence's parse."""
    parsed = unit_parse(analyzed, unit)
    if parsed is None:
        return set()
    _, _, doc, a, b = parsed
    return {t.text.lower()[:5] for t in doc if a <= t.idx < b and t.pos_ in ("NOUN", "PROPN")}


FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _figures_differ(a: str, b: str) -> bool:
    """Both phrases give figures and not the same ones ("the 40-year-old mayor" vs "the 52-year-old mayor"): a
    phrase's figure is often one the quantities stage measures no measure for."""
    fa, fb = set(FIGURE.findall(a)), set(FIGURE.findall(b))
    return bool(fa and fb and fa != fb)


def phrase_facts(analyzed: Sequence[AnalyzedArticle], facts: Sequence[Fact], verifier: Verifier,
                 texts: dict[str, str]) -> list[Fact]:
    """The phrase pass: facts two articles state as a noun phrase inside otherwise different sentences ("Hong
    Kong's leader Carrie Lam", "the head of the national civil protection agency, Luis Felipe Puente"). Two
    phrases of two articles state one fact when they are about one referent and describe it with at least ``phrase_shared_min`` shared content words outside
    the names (the referent: a word of the name each phrase is about, so a name the entity recogniser typed
    differently in two articles still meets) (a role, a title, what the thing is), and the structured checks find nothing against them (figures,
    event, speaker) and the figures each gives are the same (``_figures_differ``). No embedding: the pairs are few and matched by referent and words, so the pass costs the
    compare nothing measurable. Sentences that already corroborate a fact together give none."""
    settings = verifier.settings
    by_id = {a.id: a for a in analyzed}
    names: dict[str, set[str]] = {}
    # every body sentence's phrases: a sentence that is no fact alone ("X, the head of …, said") still describes X
    units = [u for a in analyzed for u in phrase_units(a, [c for c in a.claims if not c.heading], names)]
    desc = {u.id: _descriptor(u, by_id[u.article]) - names[u.id] for u in units}
    together = {frozenset((_family(x), _family(y))) for f in facts if len(f.articles()) >= 2
                for x in f.claims for y in f.claims if x.article != y.article}
    pairs: list[Alignment] = []
    for i, x in enumerate(units):
        if not names[x.id] or not desc[x.id]:
            continue
        for y in units[i + 1:]:
            if y.article == x.article or frozenset((_family(x), _family(y))) in together:
                continue
            # one referent: a word of the name each phrase is about (the entity recogniser may type one name
            # differently in two articles; "Mexico's …" names a place, not the referent)
            shared_names = names[x.id] & names[y.id]
            words = desc[x.id] & desc[y.id]
            if not shared_names or len(words) < settings.phrase_shared_min:
                continue
            if verifier.refuse(x, y) is not None or _figures_differ(x.text, y.text):
                continue
            # a past holder is not the present one ("former CEO of Sprint" / "new CEO Dan Hesse"), and a phrase with
            # no noun besides its name ("the new Bulls") says nothing of what the referent is ("Bulls is a new")
            if _tenures_differ(x.text, y.text) or not _noun_stems(by_id[x.article], x) - names[x.id] \
                    or not _noun_stems(by_id[y.article], y) - names[y.id]:
                continue
            score = round(len(words) / len(desc[x.id] | desc[y.id]), 3)
            pairs.append(Alignment(a=x.id, b=y.id, relation="same_fact", score=score, scores={"descriptor": score},
                                   reason=f"phrase pass: one referent ({', '.join(sorted(shared_names))}) described "
                                          f"by shared words ({', '.join(sorted(words))})"))
    return _pair_facts(analyzed, units, pairs, verifier, texts)


def predicate_facts(analyzed: Sequence[AnalyzedArticle], facts: Sequence[Fact], verifier: Verifier,
                    texts: dict[str, str], claims: dict[str, Claim]) -> list[Fact]:
    """The predicate pass: a phrase that says what a named referent is ("acting President Hwang Kyo-ahn") is
    corroborated by a sentence of another article that says it of the referent in a predicate ("Hwang Kyo-ahn …
    will remain as acting president"): the referent is the sentence's subject, its verb is one of being or holding
    a role (be, remain, become, serve as, stay) and the complement holds every content word the phrase describes the
    referent with (:func:`assertion.predicated`). Only a phrase that carries a claim of its own
    (:func:`assertion.rendered_claim`: "<name> is <description>", no bare honorific) counts, and the fact is stated
    as that claim, which both spans state. The structured checks must find nothing against the two; sentences that
    already corroborate a fact together give none."""
    by_id = {a.id: a for a in analyzed}
    names: dict[str, set[str]] = {}
    units = [u for a in analyzed for u in phrase_units(a, [c for c in a.claims if not c.heading], names)]
    together = {frozenset((_family(x), _family(y))) for f in facts if len(f.articles()) >= 2
                for x in f.claims for y in f.claims if x.article != y.article}
    sentences = [c for c in claims.values() if c.part in ("sentence", "content")]
    out: list[Fact] = []
    for u in units:
        desc = _descriptor(u, by_id[u.article]) - names[u.id]
        if not names[u.id] or not desc:
            continue
        said = None
        for c in sentences:
            if c.article == u.article or frozenset((_family(u), _family(c))) in together:
                continue
            stems = set(content_stems(c.text))
            if not names[u.id] & stems or not desc <= stems or verifier.refuse(u, c) is not None:
                continue
            said = said if said is not None else rendered_claim(by_id[u.article], u)
            if said is None:
                break  # the phrase carries no claim (a bare honorific, a name qualifying a noun)
            found = predicated(by_id[c.article], c, names[u.id], desc)
            if found is None:
                continue
            how, a, b = found
            # the sentence is cited by its predicate clause only (subject to complement), not by what else it says
            v = replace(c, id=f"{c.id}~v", start=a, end=b, text=texts[c.article][a:b], part="clause",
                        values=tuple(x for x in c.values if a <= x.start < b or x.kind == "date"))
            al = Alignment(a=u.id, b=v.id, relation="same_fact", score=1.0, scores={"predicate": 1.0},
                           reason=f"predicate pass: {how}")
            for f in _pair_facts(analyzed, [u, v], [al], verifier, texts):
                out.append(replace(f, statement=said))
    return out


def _pair_facts(analyzed: Sequence[AnalyzedArticle], units: Sequence[Claim], pairs: Sequence[Alignment],
                verifier: Verifier, texts: dict[str, str]) -> list[Fact]:
    """Facts (stars, as ``_star_facts``) of the units ``pairs`` join, each with the reason of a pair it holds."""
    if not pairs:
        return []
    involved = {u.id: u for u in units if any(u.id in (al.a, al.b) for al in pairs)}
    found = _star_facts(analyzed, involved, pairs, verifier, texts, pairs, strong=lambda al: True)
    reasons = {frozenset((al.a, al.b)): al.reason for al in pairs}
    out = []
    for f in found:
        if len(f.articles()) < 2:
            continue
        why = next((reasons[k] for x in f.claims for y in f.claims if (k := frozenset((x.id, y.id))) in reasons), "")
        out.append(replace(f, reason=f"{f.reason}; {why}"))
    return out


REJOINED = "rejoined: "


def rejoined_facts(analyzed: Sequence[AnalyzedArticle], facts: Sequence[Fact], verifier: Verifier,
                   texts: dict[str, str], claims: dict[str, Claim],
                   verdicts: dict[tuple[str, str], Verdict]) -> list[Fact]:
    """A pair the pair verifier accepted whose two units each went into another fact (a sentence that states two
    shared facts: a toll and the quake's magnitude) states a fact of its own, when no fact already cites the two
    sentences together; the member check then states it by what both spans state, else it is no fact
    (``rejoin_pairs``)."""
    together = {frozenset(((x.article, x.sentence), (y.article, y.sentence))) for f in facts if len(f.articles()) >= 2
                for x in f.claims for y in f.claims if x.article != y.article}
    used = {c.id for f in facts if len(f.articles()) >= 2 for c in f.claims}
    pairs: dict[frozenset[str], Alignment] = {}
    for (a, b), (p, reason, ok) in verdicts.items():
        if not ok or reason.startswith(ON_TRIAL) or a not in claims or b not in claims or a > b:
            continue
        x, y = claims[a], claims[b]
        if x.article == y.article or not ({a, b} <= used):
            continue
        if frozenset(((x.article, x.sentence), (y.article, y.sentence))) in together:
            continue
        pairs[frozenset((a, b))] = Alignment(a=a, b=b, relation="same_fact", score=p, scores={"pair": p},
                                             reason=f"{REJOINED}{reason}")
    return _pair_facts(analyzed, [claims[c] for k in pairs for c in k], list(pairs.values()), verifier, texts)


def _one_per_statement(facts: Sequence[Fact]) -> list[Fact]:
    """Corroborated facts stated by the same statement are one fact citing every span of each (a rejoined pair
    that states a fact another star already holds: "New presidential election are expected to be held within two
    months" cited to ANI, and again to USA TODAY's "within 60 days")."""
    out: list[Fact] = []
    first: dict[str, int] = {}
    for f in facts:
        k = first.get(f.statement) if f.status == "corroborated" and len(f.support) == len(f.claims) else None
        if k is None:
            if f.status == "corroborated" and len(f.support) == len(f.claims):
                first[f.statement] = len(out)
            out.append(f)
            continue
        held = out[k]
        have = {(x["article"], x["start"], x["end"]) for x in held.support}
        more = [(sp, c) for sp, c in zip(f.support, f.claims, strict=True) if (sp["article"], sp["start"], sp["end"]) not in have]
        out[k] = replace(held, support=held.support + tuple(sp for sp, _ in more),
                         claims=held.claims + tuple(c for _, c in more),
                         reason=f"{held.reason}; also stated by a rejoined pair ({f.reason.split('; ')[-1]})")
    return out


def marked_units(analyzed: AnalyzedArticle, claims: Sequence[Claim],
                 markers: dict[str, str] | None = None) -> list[Claim]:
    """The phrases of the parse built on an ordinal or a superlative (``Claim.marked``) as units (ids "~mK", part
    "phrase") with the names, figures and content words inside them; ``markers``, when given, gets each unit's
    marker word, lower-cased ("first", "most famous")."""
    text = analyzed.article.text
    markers = {} if markers is None else markers
    out: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    for c in claims:
        if c.part == "clause":
            continue
        for k, (a, b, m0, m1) in enumerate(c.marked):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            markers[f"{c.id}~m{k}"] = " ".join(text[m0:m1].lower().split())
            inside = c.quote and c.start <= a < c.end
            low = text[a:b].lower()
            out.append(replace(c, id=f"{c.id}~m{k}", start=a, end=b, text=text[a:b], part="phrase",
                               entities=tuple(e.id for e in analyzed.entities if any(a <= m.start < b for m in e.mentions)),
                               asserted_by=c.asserted_by if inside else None,
                               asserted_by_name=c.asserted_by_name if inside else None, quote=inside,
                               values=tuple(v for v in c.values if a <= v.start < b or v.kind == "date"),
                               terms=tuple(t for t in c.terms if t[:4] in low)))
    return out


def marked_facts(analyzed: Sequence[AnalyzedArticle], facts: Sequence[Fact], verifier: Verifier,
                 texts: dict[str, str], alignments: Sequence[Alignment], claims: dict[str, Claim]) -> list[Fact]:
    """The marked-phrase pass: facts two articles state as a phrase built on one ordinal or superlative ("the
    country's first female leader" / "South Korea's first female president"; "broke out of a … prison … for the
    second time" / "escaped from a … prison … for the second time") inside otherwise different sentences. Two such
    phrases state one fact when they have the same marker word, share at least ``marked_shared_min`` content words
    outside the marker and the names, their sentences are aligned (``alignments``: a candidate of the pair verifier
    at least, so the two sentences are about one thing), and the structured checks find nothing against them
    (figures, event, speaker, polarity; the figures each gives are the same). No embedding. Sentences that already
    corroborate a fact together give none."""
    settings = verifier.settings
    by_id = {a.id: a for a in analyzed}
    marker: dict[str, str] = {}
    units = [u for a in analyzed for u in marked_units(a, [c for c in a.claims if not c.heading], marker)]
    if len(units) < 2:
        return []
    desc = {u.id: _descriptor(u, by_id[u.article]) - set(content_stems(marker[u.id])) for u in units}
    aligned = {frozenset(((claims[al.a].article, claims[al.a].sentence), (claims[al.b].article, claims[al.b].sentence)))
               for al in alignments if al.a in claims and al.b in claims
               and al.relation in ("same_fact", "paraphrase", "candidate")}
    together = {frozenset(((x.article, x.sentence), (y.article, y.sentence))) for f in facts if len(f.articles()) >= 2
                for x in f.claims for y in f.claims if x.article != y.article}
    pairs: list[Alignment] = []
    for i, x in enumerate(units):
        for y in units[i + 1:]:
            if y.article == x.article or marker[x.id] != marker[y.id]:
                continue
            sentences = frozenset(((x.article, x.sentence), (y.article, y.sentence)))
            words = desc[x.id] & desc[y.id]
            if sentences not in aligned or sentences in together or len(words) < settings.marked_shared_min:
                continue
            if verifier.refuse(x, y) is not None or _figures_differ(x.text, y.text):
                continue
            score = round(len(words) / len(desc[x.id] | desc[y.id]), 3)
            pairs.append(Alignment(a=x.id, b=y.id, relation="same_fact", score=score, scores={"descriptor": score},
                                   reason=f"marked-phrase pass: one marker ({marker[x.id]}) with shared words "
                                          f"({', '.join(sorted(words))}) in aligned sentences"))
    return _pair_facts(analyzed, units, pairs, verifier, texts)


def figure_facts(analyzed: Sequence[AnalyzedArticle], facts: Sequence[Fact], verifier: Verifier,
                 texts: dict[str, str], claims: dict[str, Claim]) -> list[Fact]:
    """The figure pass: two articles that give the same measured figure of one measure of this event ("1.03 million"
    / "1,030,000" people in the crowd; "more than 30 feet" / "a 30ft deep shaft") state one fact, however differently
    the rest of their sentences read (the aligner may score them far apart). Each figure is cited by the narrowest
    unit that holds it (a clause, else its sentence or what a speaker is reported to say); a figure of at least
    ``figure_pass_min`` (small counts meet by chance) written in digits, given by fewer than half of the articles (a
    figure most give is the story's own: the magnitude), no reference to a set ("three of the seven planets"),
    the same figure (``same_figure`` within ``corroborate_number_tolerance``) and stated as the same number, and the
    structured checks find nothing against the two units (every other figure of one measure the same, event,
    speaker, polarity). Sentences that already corroborate a fact together give none."""
    settings = verifier.settings
    units = [c for c in claims.values() if c.part != "attribution"]
    holder: dict[tuple[str, int], Claim] = {}
    stated: list[tuple[Quantity, Claim]] = []
    # a figure most outlets give (the quake's magnitude, the star's distance) is what the story is about, not a fact
    # of the sentences that repeat it
    given: dict[tuple[tuple[str, str, str], float], set[str]] = defaultdict(set)
    for a in analyzed:
        for q in a.quantities:
            if not isinstance(q.value, str):
                given[(q.key(), float(q.value))].add(a.id)
    common = max(3, len(analyzed) / 2)  # half of the articles (more than half: 40 light-years in 3 of 6 matched)
    for a in analyzed:
        for q in a.quantities:
            if not q.measure or q.event != "this" or isinstance(q.value, str) or abs(float(q.value)) < settings.figure_pass_min:
                continue
            if not re.search(r"\d", q.text) or len(given[(q.key(), float(q.value))]) >= common:
                continue  # "thousands", "Twelve": a word is no stated figure; a figure every outlet gives
            if PARTITIVE.search(texts[a.id][max(0, q.start - 20):q.start]):
                continue
            inside = [u for u in units if u.article == a.id and u.start <= q.start and q.end <= u.end]
            if inside:
                unit = min(inside, key=lambda u: (u.end - u.start, u.id))
                holder[(a.id, q.start)] = unit
                stated.append((q, unit))
    together = {frozenset(((x.article, x.sentence), (y.article, y.sentence))) for f in facts if len(f.articles()) >= 2
                for x in f.claims for y in f.claims if x.article != y.article}
    pairs: dict[frozenset[str], Alignment] = {}
    tolerance = settings.corroborate_number_tolerance
    for i, (qx, x) in enumerate(stated):
        for qy, y in stated[i + 1:]:
            if y.article == x.article or qx.key() != qy.key() or float(qx.value) != float(qy.value):
                continue
            key = frozenset((x.id, y.id))
            if key in pairs or frozenset(((x.article, x.sentence), (y.article, y.sentence))) in together:
                continue
            if not same_figure(qx, qy, tolerance) or verifier.refuse(x, y) is not None:
                continue
            pairs[key] = Alignment(a=x.id, b=y.id, relation="same_fact", score=1.0, scores={"figure": 1.0},
                                   reason=f"figure pass: the same figure of {qx.measure} ({qx.text} / {qy.text}), "
                                          f"every other figure of one measure the same")
    return _pair_facts(analyzed, list({u.id: u for _, u in stated}.values()), list(pairs.values()), verifier, texts)


def _comparable(a: Claim, b: Claim, ratio_min: float) -> bool:
    """A clause is compared with a clause or a sentence not much longer than itself: a long unit that holds the
    clause's fact also states others, which its citation would claim too."""
    wa, wb = len(a.text.split()), len(b.text.split())
    return min(wa, wb) >= ratio_min * max(wa, wb)


def _with_clause_facts(facts: list[Fact], extra: list[Fact]) -> list[Fact]:
    """The facts with the clause pass's added: one already held (the same sentences) is not added again, and a
    single-source fact whose sentence now corroborates a fact in one of its clauses is dropped."""
    seen = {frozenset(_family(c) for c in f.claims) for f in facts if len(f.articles()) >= 2}
    new = [f for f in extra if frozenset(_family(c) for c in f.claims) not in seen]
    shared = {_family(c) for f in new for c in f.claims}
    return [f for f in facts if len(f.articles()) >= 2 or _family(f.claims[0]) not in shared] + new


def is_parse_clause(claim: Claim) -> bool:
    """A unit cut from its sentence by the parse (``fact_units``: ids ending "~pK")."""
    return "~p" in claim.id


def _strong(al: Alignment) -> bool:
    return al.relation == "same_fact" or (al.relation == "paraphrase" and bool(al.scores.get("mutual_best")))


class _Anchors:
    """Which unit states the next star fact: the one aligned with units of most other articles still in the
    running (``todo``), then the highest sum of those scores, a sentence before a clause, the earlier article and
    sentence. Each unit's rank is kept and recomputed only when a unit it is aligned with leaves the running
    (the rank reads only those), not for every unit on every pick."""

    def __init__(self, claims: dict[str, Claim], edges: dict[str, dict[str, float]], todo: set[str],
                 order: dict[str, int]) -> None:
        self.claims, self.edges, self.todo, self.order = claims, edges, todo, order
        self.ranks = {cid: self.rank(cid) for cid in todo}

    def live(self, cid: str) -> dict[str, float]:
        return {n: v for n, v in self.edges[cid].items() if n in self.todo}

    def rank(self, cid: str) -> tuple[Any, ...]:
        near, c = self.live(cid), self.claims[cid]
        return (len({self.claims[n].article for n in near}), sum(near.values()), c.part != "clause",
                -self.order[c.article], -c.sentence, cid)

    def best(self) -> str:
        return max(self.todo, key=self.ranks.__getitem__)

    def left(self, gone: set[str]) -> None:
        for cid in {n for g in gone for n in self.edges[g] if n in self.todo}:
            self.ranks[cid] = self.rank(cid)


def _star_facts(analyzed: Sequence[AnalyzedArticle], claims: dict[str, Claim], alignments: Sequence[Alignment],
                verifier: Verifier, texts: dict[str, str], every: Sequence[Alignment] = (),
                verdicts: dict[tuple[str, str], Verdict] | None = None,
                strong: Callable[[Alignment], bool] = _strong) -> list[Fact]:
    """Facts as stars, not chains: the unit aligned with most others states the fact, and the other
    articles join with the units aligned *directly* with that statement and not refused by the verifier
    (best first). Chains (A~B, B~C, C unlike A) cannot cite an article that does not state the fact. A
    statement that holds several facts could still gather units that each share a different one, so a
    unit joins only when it is also aligned (any relation but unrelated or conflict, ``every``) and not
    refused with each unit that joined before it. A sentence taken into a fact may still give its clauses to
    other facts (one sentence can state two shared facts); a clause taken into a fact takes its sentence
    out of the running. With the pair verifier's ``verdicts`` each citation keeps its probability and reason
    against the statement unit. Each member is cited by the run of its clauses that holds what it shares with the
    other members, where one shorter than its unit does (``_narrowed``)."""
    agree = {frozenset((al.a, al.b)) for al in (every or alignments)
             if al.relation in judged_relations(verifier.settings) and al.a in claims and al.b in claims
             and (al.relation != "conflict" or verifier.conflict_resolved(claims[al.a], claims[al.b]) is not None)}
    edges: dict[str, dict[str, float]] = defaultdict(dict)
    same_fact: set[frozenset[str]] = set()
    for al in alignments:
        if al.a in claims and al.b in claims and strong(al) and verifier.refuse(claims[al.a], claims[al.b]) is None:
            edges[al.a][al.b] = al.score
            edges[al.b][al.a] = al.score
            if al.relation == "same_fact":
                same_fact.add(frozenset((al.a, al.b)))
    order = {a.id: i for i, a in enumerate(analyzed)}
    voiced = outlet_voice(analyzed)
    todo = set(claims)
    family: dict[str, list[str]] = defaultdict(list)
    for c in claims.values():
        family[_family(c)].append(c.id)
    facts: list[Fact] = []
    seen: set[frozenset[str]] = set()
    anchors = _Anchors(claims, edges, todo, order)
    live = anchors.live
    while todo:
        anchor = anchors.best()
        before = set(todo)
        members = [claims[anchor]]
        for n, _ in sorted(live(anchor).items(), key=lambda kv: (-kv[1], kv[0])):
            c = claims[n]
            if c.article == claims[anchor].article or any(_family(m) == _family(c) for m in members):
                continue
            if any(m.article == c.article for m in members) and frozenset((anchor, n)) not in same_fact:
                continue  # a second sentence of one article joins only as the same fact, not a paraphrase
            # aligned with every member of other articles (two sentences of one article may share a fact)
            if all(frozenset((n, m.id)) in agree and verifier.refuse(c, m) is None
                   for m in members[1:] if m.article != c.article):
                members.append(c)
        for m in members:
            todo.discard(m.id)
            if m.part == "clause":  # its sentence says this fact and more: it joins no other fact
                todo.discard(_family(m))
            if len(members) == 1:  # a single-source sentence: its clauses are not facts of their own
                todo.difference_update(family[_family(m)])
        anchors.left(before - todo)
        members.sort(key=lambda c: (order[c.article], c.sentence, c.start))
        families = frozenset(_family(m) for m in members)
        if len(members) > 1 and families in seen:
            continue  # the same sentences again, through another clause
        seen.add(families)
        narrow = _narrowed(members, texts) if len(members) > 1 else {}
        facts.append(_make_fact(members, texts, _scored(anchor, members, verdicts), narrow, voiced))
    # a sentence whose words (or one of its clauses) corroborate a fact is not also a single-source fact:
    # its other clauses may say more, but the sentence is already cited
    shared = {_family(c) for f in facts if len(f.articles()) >= 2 for c in f.claims}
    return [f for f in facts if len(f.articles()) >= 2 or _family(f.claims[0]) not in shared]


def _narrowed(members: list[Claim], texts: dict[str, str]) -> dict[str, tuple[Claim, str]]:
    """The span each member is cited by, where a run of clauses of its unit shorter than the unit holds (nearly)
    every content word the unit shares with the members of other articles: a sentence that also says
    something else ("This is an affront …, but I am confident that …") is cited only for the part the other
    articles state. Keyed by member id: the narrowed piece and why; a member with no such run is absent
    (cited by its whole unit)."""
    stems = {m.id: set(content_stems(m.text)) for m in members}
    out: dict[str, tuple[Claim, str]] = {}
    for m in members:
        others = set().union(*(stems[o.id] for o in members if o.article != m.article))
        shared = stems[m.id] & others
        if len(shared) < 2:
            continue
        polarity = [m.start + x.start() for x in POLARITY.finditer(m.text) if not AFFIRMING.match(m.text, x.start())]
        fits = [piece for piece in clause_runs(m, texts[m.article])
                if len(set(content_stems(piece.text)) & shared) >= NARROW_COVER * len(shared)
                and all(piece.start <= at < piece.end for at in polarity)]
        if fits:
            best = min(fits, key=lambda c: (c.end - c.start, c.start))
            out[m.id] = (best, f"cited by the part of its {'clause' if m.part == 'clause' else 'sentence'} that "
                               f"holds the {len(shared)} content words it shares with the other articles")
    return out


# a sentence that opens with a phrase before its subject ("Per its $1 billion acquisition of Instagram, Facebook
# will …"): the opener is a piece of its own
OPENER = re.compile(r"^(?:per|after|before|with|in|as|despite|although|though|while|following|amid|on|since|when|"
                    r"because|under|unlike|like|during)\b[^,;]{3,90},\s+", re.IGNORECASE)


# a subordinate clause with no comma before it ("… were hurt after riot police stormed …") is a piece too
SUBORDINATE_BREAK = re.compile(r"\s+(?=(?:after|before|when|while|because|until)\s)")
# a consequence or comment the outlet draws after a comma ("…, so it's no wonder …", "…, and we all know how …"),
# or a "with" phrase adding a detail ("…, with four hospitalised"), is a piece of its own: the shared fact can be
# cited and stated without it
COMMENT_BREAK = re.compile(r",\s+(?=(?:so|with|and\s+(?:we|you)|which\s+means)\s)", re.IGNORECASE)


def clause_runs(claim: Claim, text: str) -> list[Claim]:
    """Runs of consecutive clause pieces of one unit (not the whole unit), each at least four words."""
    body = text[claim.start:claim.end]
    cuts = sorted({0, *(m.end() for m in CLAUSE_BREAK.finditer(body)), *(m.end() for m in OPENER.finditer(body)),
                   *(m.end() for m in SUBORDINATE_BREAK.finditer(body)),
                   *(m.end() for m in COMMENT_BREAK.finditer(body)), len(body)})
    out = []
    for i in range(len(cuts) - 1):
        for j in range(i + 1, len(cuts)):
            if i == 0 and j == len(cuts) - 1:
                continue
            piece = body[cuts[i]:cuts[j]]
            stripped = piece.strip(" ,;:—–-")
            if len(stripped.split()) < 4:
                continue
            a = claim.start + cuts[i] + piece.find(stripped)
            b = a + len(stripped)
            out.append(replace(claim, id=f"{claim.id}~n{i}-{j}", start=a, end=b, text=stripped, part="clause",
                               values=tuple(v for v in claim.values if a <= v.start < b or v.kind == "date")))
    return out


NARROW_COVER = 0.9  # share of the content words a sentence shares with the other members its cited clause must hold
# a narrowed span keeps every word of its unit that can turn what it says around ("Here's what will change for
# you, our users: nothing" is not cited as "Here's what will change for you, our users")
# "no wonder", "no doubt" turn nothing around: they affirm (the comment after a shared fact need not be cited)
AFFIRMING = re.compile(r"no\s+(?:wonder|doubt)\b", re.IGNORECASE)
POLARITY = re.compile(r"\b(?:not|no|never|none|nothing|nobody|neither|nor|without)\b|n[’']t\b", re.IGNORECASE)


def _family(claim: Claim) -> str:
    """The id of the claim a clause unit comes from (a sentence, or reported speech's content)."""
    return claim.id.split("~")[0]


def _scored(anchor: str, members: list[Claim], verdicts: dict[tuple[str, str], Verdict] | None
            ) -> dict[str, tuple[float, str]]:
    """Each member's pair-verifier probability and reason against the anchor (the anchor: its best)."""
    if not verdicts or len(members) < 2:
        return {}
    out = {m.id: verdicts[(anchor, m.id)][:2] for m in members if (anchor, m.id) in verdicts}
    if out:
        best = max(out.values())
        out[anchor] = (best[0], f"{STATEMENT_UNIT}{best[1]}")  # on trial when its best pair is
    return out


def _make_fact(members: list[Claim], texts: dict[str, str], scored: dict[str, tuple[float, str]] | None = None,
               narrow: dict[str, tuple[Claim, str]] | None = None,
               voiced: Callable[[Claim], bool] | None = None) -> Fact:
    articles = list(dict.fromkeys(c.article for c in members))
    narrow = narrow or {}
    statement = _statement(members, texts, narrow, voiced)
    support = tuple({**_support(narrow[c.id][0] if c.id in narrow else c, texts[c.article]),
                     **({"score": scored[c.id][0], "reason": scored[c.id][1]} if scored and c.id in scored else {}),
                     **({"narrowed": narrow[c.id][1]} if c.id in narrow else {})}
                    for c in members)
    if len(articles) >= 2:
        return Fact(id="", status="corroborated", statement=statement, support=support, claims=tuple(members),
                    reason=f"reported by {len(articles)} articles; checked: same speaker, event, compatible "
                           f"figures and polarity")
    return Fact(id="", status="unique", statement=statement, support=support, claims=tuple(members),
                reason="reported by one article only")


def _statement(members: list[Claim], texts: dict[str, str], narrow: dict[str, tuple[Claim, str]],
               voiced: Callable[[Claim], bool] | None = None) -> str:
    """A fact's statement: of its members and the parts they are cited by (``_narrowed``), the one that says what
    the articles share and no more (:func:`assertion.statement_key`): not a bare attribution, with its source where
    most articles give one, no outlet's own evaluative cue (``voiced``), the most of its content words held by
    every other article's span; then the outlet's own voice before a quote, the shortest of at least six words; a
    conjunction opening it ("but police …") left out. One article alone: its plainest member."""
    cited = [narrow[c.id][0] if c.id in narrow else c for c in members]
    spans = [(c.article, c.text) for c in cited] if len({c.article for c in members}) >= 2 else []
    candidates = list({(c.start, c.end, c.article): c for c in [*cited, *members]}.values())
    ranked = sorted(candidates, key=lambda c: statement_key(c.text, c.article, spans, c.part == "attribution", c.quote,
                                                            bool(voiced and voiced(c))))
    # a piece cut after its sentence's conjunction ("and the powers reached …") is stated without it
    said = [re.sub(r"^(?:and|but|or|yet|so)\s+(?=\S)", "", c.text) if len(spans) else c.text for c in ranked]
    # a time clause cut from the sentence it opens ("When DirectX 11 came into being for Windows 7") states its event
    # without the time word (``_main``); another subordinate clause so cut says nothing alone (``cut_dependent``)
    said = [t[m.end():] if (m := CUT_TIME_CLAUSE.match(t)) and not SENTENCE_END.search(t) else t for t in said]
    # a clause cut from its subject ("and climbing on police buses.") or from the sentence it depends on ("after police
    # stormed polling stations …") is no statement: the next candidate that is one
    if len(said) == 1:
        return said[0]  # one candidate: nothing to choose (and nothing to parse)
    prime_claims([t for t in said if SUSPECT_START.match(t.strip().lstrip("“\"‘'("))])  # the suspects: one parse
    return next((t for t in said if not subjectless(t) and not cut_dependent(t)), said[0])


def cut_dependent(text: str) -> bool:
    """A piece cut from its sentence that opens as a dependent clause or phrase (lowercase "after …", "which …",
    "when …": ``DEPENDENT``), or a subordinate clause cut from the main clause it opened ("Because the vote was
    banned", with no end of sentence: ``CUT_SUBORDINATE``): it says nothing alone. A sentence that opens so ("When the
    quake hit, …") is whole."""
    t = text.strip().lstrip("“\"‘'(")
    return (t[:1].islower() and bool(DEPENDENT.match(t))) or \
        (bool(CUT_SUBORDINATE.match(t)) and not SENTENCE_END.search(t))


# a subordinate clause that opens a sentence, and the time words among them, which ``_main`` may leave out
CUT_SUBORDINATE = re.compile(r"(?:because|if|although|though|while|since|until|before|unless|whereas|once|when|as|"
                             r"after)\s", re.IGNORECASE)
CUT_TIME_CLAUSE = re.compile(r"(?:When|As|After)\s+(?=\S)")
SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s*$")


# a text that may have lost its subject: it opens lowercase (a piece cut from its sentence) or with a participle
SUSPECT_START = re.compile(r"^(?:[a-z]|[A-Z][a-z]+(?:ing|ed)\b)")


def subjectless(text: str) -> bool:
    """A clause cut from its subject: it opens lowercase or with a participle and its parse finds no finite main verb
    with its subject (``claim_problem``: "climbing on police buses", "and climbing on police buses."). Only such
    suspects are parsed."""
    t = text.strip().lstrip("“\"‘'(")
    return bool(SUSPECT_START.match(t)) and (claim_problem(t) or "").find("no subject") >= 0


def _cited_holding(fact: Fact, floor: float) -> Fact:
    """A corroborated fact cites only the articles whose spans state its statement: an article none of whose member
    spans holds ``floor`` of the statement's content words (the ``synthesis_cover_min`` of a synthesis statement) is
    no citation of it, while at least two articles' spans still hold it; else the fact is kept as it is. (An article
    with one span that holds it keeps its other spans: dropping those lost right facts by the strict scorer, the
    second span stating the rest of the gold fact.)"""
    if fact.status != "corroborated" or len(fact.support) != len(fact.claims):
        return fact
    holding = {s["article"] for s in fact.support if cover_share(fact.statement, s["text"]) >= floor}
    keep = [k for k, s in enumerate(fact.support) if s["article"] in holding]
    dropped = [fact.support[k] for k in range(len(fact.support)) if k not in keep]
    if not dropped:
        return fact
    if len({fact.support[k]["article"] for k in keep}) < 2:
        return fact
    return replace(fact, support=tuple(fact.support[k] for k in keep), claims=tuple(fact.claims[k] for k in keep),
                   reason=f"{fact.reason}; {len(dropped)} aligned span(s) holding under {floor:.0%} of the "
                          f"statement's content words not cited")


def _statement_source(fact: Fact, texts: dict[str, str]) -> tuple[Claim, int, int] | None:
    """The member whose article writes the statement, and where (the statement is a member's span, a part of one,
    or one cut after its conjunction); None when the statement is a rendering ("<name> is <description>")."""
    for c, s in zip(fact.claims, fact.support, strict=True):
        for a, b in ((s["start"], s["end"]), (c.start, c.end)):
            at = texts[c.article].find(fact.statement, a, b)
            if at >= 0:
                return c, at, at + len(fact.statement)
    return None


# a piece that opens as a dependent clause or phrase ("after the building collapsed …") is no statement alone
DEPENDENT = re.compile(r"(?:after|before|when|while|because|until|as|which|who|whom|whose|that|to|if|although|though|"
                       r"since|with|without|amid|during|per|in|on|at|for|by|from|of)\b", re.IGNORECASE)


# where an opening of a statement may end: a comma, a dash, or a conjunction that opens another clause
# (not a bare "and": "clashes between police and protesters" is one phrase)
# (a comma or colon between two digits is part of a figure: "$10,000", "10:30")
HEAD_CUT = re.compile(r"\s*(?:(?<!\d)[,:]|[,:](?!\d)|[;—–]|\s-\s)\s*|\s+(?=(?:but|while|after|when|because)\s)")


# a number right after a month's name is the day of a date ("on September 7.1 Ad Policy": a date run into page
# chrome), not a count the other articles must repeat
MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE)


# measures that say when, not how many: a span need not repeat the statement's date to state it
_WHEN = ("date", "year", "time", "day", "age")


def figures_missing(fact: Fact, k: int, verifier: Verifier, texts: dict[str, str],
                    source: tuple[Claim, int, int] | None) -> str | None:
    """Why member ``k``'s cited span does not state every figure the statement states (same measure and value,
    ``same_figure``: "at least 65 people were killed" states neither "19 children" nor "six adults"), None when it
    does (or the statement's figures cannot be located)."""
    if source is None:
        return None
    c, a, b = source
    s = fact.support[k]
    if s["article"] == c.article and s["start"] <= a and b <= s["end"]:
        return None  # the statement's own span
    said = [q for q in verifier.quantities.get((c.article, c.sentence), []) if a <= q.start < b
            and not any(w in q.measure for w in _WHEN) and not MONTH_BEFORE.search(texts[c.article][:q.start])]
    member = fact.claims[k]
    held = [q for q in verifier.quantities.get((member.article, member.sentence), [])
            if s["start"] <= q.start < s["end"]]
    tolerance = verifier.settings.corroborate_number_tolerance
    for x in said:
        if verifier.settings.change_direction:
            moved = next((why for y in held if (why := opposite_change(x, texts[c.article], y, texts[member.article],
                                                                       tolerance))), None)
            if moved:
                return f"it tells another change: {moved}"
        other = [y for y in held if y.key() == x.key()]
        rounding = verifier.settings.figure_rounding
        if other and not any(same_figure(x, y, tolerance, rounding) for y in other):
            return f"it gives {other[0].text} for {x.measure}, not {x.text}"
        # the same figure, however the quantities stage named what it counts ("six major powers" / "six world
        # powers"), or written in the span where no measure was read
        if any(same_figure(x, y, tolerance, rounding) for y in held) or _writes_value(x, s["text"]):
            continue
        return f"its span does not state {x.text} ({x.measure})"
    return None


# a quotation closed inside a statement (straight or curly marks), and a verb that says someone says it
QUOTATION = re.compile(r"[“\"]([^”\"]{2,300})[”\"]")
SAYING = re.compile(r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|asked|asks|stated|states|declared|"
                    r"explained|noted|insisted|warned|quoted)\b", re.IGNORECASE)


def quote_missing(statement: str, span: str) -> str | None:
    """Why ``span`` does not state the words ``statement`` quotes someone as saying, None when it holds them (at
    least two of the quotation's content words, or its one, and ``QUOTE_OVERLAP_MIN`` of them; a span may quote a
    part of the remark or tell it in its own voice) or the statement quotes no one (no verb of saying outside its
    quotation marks: a quoted term or title is the span check's to judge): '"We were beat," said the coach' is not
    stated by 'They were better for 60 minutes," the coach said' — one speaker, another remark."""
    quoted = set(content_stems(" ".join(QUOTATION.findall(statement))))
    if not quoted or not SAYING.search(QUOTATION.sub(" ", statement)):
        return None  # no quotation, or quoted words no one is said to say (a term, a title: “special character”)
    common = len(quoted & set(content_stems(span)))
    if common >= min(2, len(quoted)) and common >= QUOTE_OVERLAP_MIN * len(quoted):
        return None
    return f"its span holds {common} of the {len(quoted)} content word(s) the statement quotes: another remark"


NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million",
                "millions", "billion", "billions", "dozen", "dozens", "tens", "scores"}


def _writes_value(q: Quantity, text: str) -> bool:
    """Does ``text`` write the quantity's value as digits ("1,030,000", "1.03 million" for 1030000)?"""
    if isinstance(q.value, str):
        return q.value in text
    words = [w for w in re.findall(r"[a-z]+", q.text.lower()) if w in NUMBER_WORDS]
    if words and all(re.search(rf"\b{w}\b", text, re.IGNORECASE) for w in words):
        return True  # "thousands of people" / "numbering in the thousands"; "four deaths" / "four people died"
    found = set()
    for m in re.finditer(r"(\d+(?:[.,]\d+)*)\s*(million|billion|thousand)?", text):
        try:
            v = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
        found.add(v * {"million": 1e6, "billion": 1e9, "thousand": 1e3}.get((m.group(2) or "").lower(), 1))
    return any(abs(v - float(q.value)) <= 1e-6 * max(1.0, abs(float(q.value))) for v in found)


def stated_by_members(facts: Sequence[Fact], verifier: Verifier, texts: dict[str, str],
                      voiced: Callable[[Claim], bool] | None = None) -> list[Fact]:
    """A corroborated fact's every cited span states its whole statement. A member's span must hold every figure the
    statement states (``figures_missing``: another figure of the measure, or none, is no support) and the learned span
    check (``span_check``: hand-labelled statement/span pairs, frozen MiniLM) must find it states the statement's
    predicate and participants at ``member_narrow_min``. Where some span fails: (1) an article with another span that
    passes is cited by that one; else (2) the statement becomes the longest clause piece or opening of itself that a
    span of every cited article states (the same two checks), each article cited by such spans; else (3) a span that
    fails the figures, or scores under ``member_drop_below``, is not cited, and a fact left with one article is that
    article's own (status ``unique``). The reason names each span dropped and why, or why the statement narrowed.
    Another member's span is ranked as ``_statement`` ranks (``statement_key``; ``voiced``: an outlet's own
    evaluative cue inside it)."""
    todo = [f for f in facts if f.status == "corroborated" and len(f.support) == len(f.claims)]
    sources = [_statement_source(f, texts) for f in todo]
    verdicts = _member_verdicts(todo, sources, verifier, texts)
    partial: dict[int, tuple[Claim, list[int]]] = {}  # statements some (not all) articles state, a detail failing
    best = _shared_statements([(f, src) for f, src in zip(todo, sources, strict=True)
                               if src is not None and not _all_stated(f, verdicts[id(f)])], verifier, texts, voiced,
                              {id(f) for f in todo if any(drop for _, drop in verdicts[id(f)])},
                               {id(f) for f in todo if any(why and LACKS in why and f"{LACKS}: name" not in why
                                                             for why, _ in verdicts[id(f)])},
                               {id(f) for f in todo if verifier.settings.member_details
                                and any(why and LACKS in why for why, _ in verdicts[id(f)])}, partial)
    if verifier.settings.member_details:  # a rendering ("<name> is <description>") cut to what every span states
        best.update(_cut_renderings([f for f, src in zip(todo, sources, strict=True) if src is None
                                     and not _all_stated(f, verdicts[id(f)])], verifier, texts))
    out_facts: list[Fact] = []
    for f in facts:
        bad = verdicts.get(id(f))
        if bad is None or all(why is None for why, _ in bad):
            out_facts.append(f)
            continue
        said = "; ".join(f"{f.support[k]['article']}: {why}" for k, (why, _) in enumerate(bad) if why)
        if _all_stated(f, bad):
            keep = [k for k, (why, _) in enumerate(bad) if why is None]
            out_facts.append(_citing(f, keep, f"{f.reason}; a span that does not state it not cited ({said})"))
        elif id(f) in best:
            piece, keep = best[id(f)]
            statement = _closed(re.sub(r"^(?:and|but|or|yet|so)\s+(?=\S)", "", piece.text))
            out_facts.append(replace(_citing(f, keep, f"{f.reason}; stated by the part every article states ({said})"),
                                     statement=statement))
        elif REJOINED in f.reason:
            continue  # a rejoined pair states a fact only where every cited article states its statement
        else:
            keep = [k for k, (_, drop) in enumerate(bad) if not drop]
            dropped = "; ".join(f"{f.support[k]['article']} not cited: {why}" for k, (why, drop) in enumerate(bad)
                                if drop)
            kept = _citing(f, keep, f"{f.reason}; {dropped}" if dropped else f.reason)
            if id(f) in partial and len({f.support[k]["article"] for k in partial[id(f)][1]}) > len(kept.articles()):
                # another member's sentence more articles state, every detail held: that fact, without the article
                # whose sentence says something else
                piece, held = partial[id(f)]
                out_facts.append(replace(_citing(f, held, f"{f.reason}; stated by the sentence most of its articles "
                                                          f"state ({said})"), statement=_closed(piece.text)))
                continue
            if len(kept.articles()) >= 2:
                out_facts.append(kept)
            elif keep:
                out_facts.append(replace(kept, status="unique", reason=f"reported by one article only: {dropped}"))
    return out_facts


Verdicts = list[tuple[str | None, bool]]  # per span: why it does not state the statement, and whether it is dropped


def _member_verdicts(todo: Sequence[Fact], sources: Sequence[tuple[Claim, int, int] | None], verifier: Verifier,
                     texts: dict[str, str]) -> dict[int, Verdicts]:
    """Each corroborated fact's spans checked against its statement (keyed by ``id`` of the fact): the figures, then
    the span check at ``member_narrow_min`` (a span under ``member_drop_below`` may be dropped)."""
    floor, drop_below = verifier.settings.member_narrow_min, verifier.settings.member_drop_below
    checks = iter(span_checks([(f.statement, s["text"]) for f in todo for s in f.support]) if todo else [])
    lacking = iter(_details_lacking(todo, texts, verifier.settings))
    verdicts: dict[int, Verdicts] = {}
    for f, source in zip(todo, sources, strict=True):
        out: Verdicts = []
        for k, sp in enumerate(f.support):
            prob, top = next(checks)
            detail = next(lacking)
            own = source is not None and sp["article"] == source[0].article and sp["start"] <= source[1] \
                and source[2] <= sp["end"]
            why = None if own else figures_missing(f, k, verifier, texts, source) or (
                quote_missing(f.statement, sp["text"]) if verifier.settings.member_quotes else None)
            trial = str(sp.get("reason", "")).removeprefix(STATEMENT_UNIT).startswith(ON_TRIAL)
            if why is not None:
                out.append((why, True))
            elif not own and prob < floor:
                out.append((f"span check {prob:.2f} < member_narrow_min {floor}"
                            f"{' (joined on trial: ' + str(sp['reason']).split(':')[1].strip() + ')' if trial else ''}"
                            f": {top}{'; and ' + LACKS + ': ' + detail if detail else ''}",
                            prob < drop_below or trial or (detail is not None and dropped_for(detail))))
            elif detail is not None and not own:  # the span check passes it, a detail it lacks does not
                out.append((f"{LACKS}: {detail}", dropped_for(detail) or trial))
            else:
                out.append((None, False))
        verdicts[id(f)] = out
    return verdicts


def _cut_renderings(todo: Sequence[Fact], verifier: Verifier, texts: dict[str, str]
                    ) -> dict[int, tuple[Claim, list[int]]]:
    """For each fact whose statement no article writes (a rendering: "Choi is Park's confidante and adviser") and
    some article of which has no span stating it: the longest cut of the statement (``detail_cuts``, one or two
    modifiers: "Choi is Park's confidante") that a span of every article states (every detail, the span check at
    ``member_narrow_min``), with the spans that state it. Keyed by ``id`` of the fact."""
    floor = verifier.settings.member_narrow_min
    tries: list[tuple[Fact, str]] = []
    for f in todo:
        tries.extend((f, cut) for cut in dict.fromkeys(c for c, _ in cuts_up_to_two(f.statement)))
    if not tries:
        return {}
    checks = iter(span_checks([(cut, sp["text"]) for f, cut in tries for sp in f.support]))
    lacking = iter(_details_lacking([f for f, _ in tries], texts, verifier.settings, [cut for _, cut in tries]))
    best: dict[int, tuple[Claim, list[int]]] = {}
    for f, cut in tries:
        ok = [k for k in range(len(f.support)) if (next(checks)[0] >= floor) & (next(lacking) is None)]
        if {f.support[k]["article"] for k in ok} != set(f.articles()) or claim_problem(cut) is not None:
            continue
        if id(f) not in best or len(cut) > len(best[id(f)][0].text):
            c = f.claims[ok[0]]
            best[id(f)] = (replace(c, id=f"{c.id}{CUT_MARK}r", text=cut, part="clause"), ok)
    return best


LACKS = "it lacks a detail the statement asserts"
CUT_MARK = "~d"  # the id of a piece that is the statement without a clause or modifier carrying a detail


def _details_lacking(facts: Sequence[Fact], texts: dict[str, str], settings: Settings,
                     statements: Sequence[str] | None = None) -> list[str | None]:
    """For each span of each fact (in order): the detail of the statement (or of ``statements[i]``, one per fact)
    the span and its unit's sentence do not hold (``details.details_missing``), None when they hold every one or
    ``member_details`` is off."""
    rows = [(statements[i] if statements is not None else f.statement, sp["text"], c.text, texts[c.article])
            for i, f in enumerate(facts) for c, sp in zip(f.claims, f.support, strict=True)]
    return details_missing(rows) if settings.member_details else [None] * len(rows)


def _shared_statements(todo: Sequence[tuple[Fact, tuple[Claim, int, int]]], verifier: Verifier,
                       texts: dict[str, str], voiced: Callable[[Claim], bool] | None,
                       figure_failed: AbstractSet[int] = frozenset(), detail_failed: AbstractSet[int] = frozenset(),
                       detail_cut: AbstractSet[int] = frozenset(),
                       partial: dict[int, tuple[Claim, list[int]]] | None = None) -> dict[int, tuple[Claim, list[int]]]:
    """For each fact some article of which has no span stating its statement: (2) the longest clause piece or
    opening of the statement that a span of every article states (figures, and the span check at
    ``member_narrow_min``) and that is a claim; else (2b) the best such span of another member, or piece of one (the
    best shared sentence, ranked by ``statement_key``). A piece stating a figure of the event needs only
    ``member_figure_min`` of the span check against each span; where the fact failed on a figure (``figure_failed``,
    ids) a span giving each of the piece's figures as the same measured figure (``_measured_alike``) states it
    whatever the rest reads. A piece every span states at ``member_narrow_min`` ranks before one a figure anchors.
    Keyed by ``id`` of the fact: the piece and the spans that state it."""
    floor, figure_floor = verifier.settings.member_narrow_min, verifier.settings.member_figure_min
    tries: list[tuple[Fact, Claim, bool]] = []
    for f, (c, a, b) in todo:
        own_pieces = _pieces(c, a, b, texts)
        tries.extend((f, piece, True) for piece in own_pieces)
        if id(f) in detail_cut:  # a span lacked a detail: the statement (or a piece) without the clause or
            # modifier carrying it
            for whole in [replace(c, start=a, end=b, text=f.statement), *own_pieces]:
                tries.extend((f, replace(whole, id=f"{whole.id}{CUT_MARK}{n}", text=cut, part="clause"), True)
                             for n, (cut, _) in enumerate(cuts_up_to_two(whole.text)))
        for k, sp in enumerate(f.support):
            m = f.claims[k]
            if sp["article"] != c.article:
                whole = replace(m, start=sp["start"], end=sp["end"], text=sp["text"])
                tries.extend((f, piece, False) for piece in [_main(whole), *_pieces(m, sp["start"], sp["end"], texts)]
                             if len(piece.text.split()) >= 6 and not DEPENDENT.match(piece.text))
    lacking = iter(_details_lacking([f for f, _, _ in tries], texts, verifier.settings,
                                    [piece.text for _, piece, _ in tries]))
    details = [[next(lacking) for _ in f.support] for f, _, _ in tries]
    # the span check only where it decides: not the piece's own span, and a span holding every detail
    wanted = [(piece.text, sp["text"]) for (f, piece, _), lack in zip(tries, details, strict=True)
              for sp, d in zip(f.support, lack, strict=True) if d is None and not _owns(sp, piece)]
    checked = dict(zip(wanted, span_checks(wanted) if wanted else [], strict=True))
    best: dict[int, tuple[Claim, list[int]]] = {}
    ranks: dict[int, tuple[Any, ...]] = {}
    partial = {} if partial is None else partial
    for (f, piece, own_piece), lack in zip(tries, details, strict=True):
        trial = replace(f, statement=piece.text)
        # a piece stating a figure of the event: the figure anchors it, a lower span check bar suffices
        said = _figures_said(piece, verifier, texts)
        ok, anchored = [], False
        for k, sp in enumerate(f.support):
            prob, _ = checked.get((piece.text, sp["text"]), (0.0, ""))
            detail = lack[k]
            own = _owns(sp, piece)
            # the same measured figure, a count the figure pass matches alone, is the fact; else a figure anchors
            # a cut of the statement (``detail_cuts``) is held by the span check's own bar: no figure anchors it
            bar = floor if CUT_MARK in piece.id else \
                0.0 if id(f) in figure_failed and _measured_alike(said, f.claims[k], sp, verifier) else \
                figure_floor if said else floor
            if own or (prob >= bar and figures_missing(trial, k, verifier, texts,
                                                       (piece, piece.start, piece.end)) is None
                       and detail is None and (prob >= floor or _names_held(piece.text, sp["text"]))):
                ok.append(k)
                anchored = anchored or (not own and prob < floor)
        stated = {f.support[k]["article"] for k in ok}
        if id(f) in detail_failed and not own_piece and CUT_MARK not in piece.id and piece.id == piece.id.split("~")[0] \
                and 2 <= len(stated) < len(set(f.articles())) and claim_problem(piece.text) is None \
                and len(stated) > len(partial.get(id(f), (None, []))[1]):
            # another member's whole span that the spans of some articles (two or more) hold, every detail: the
            # fact those articles state where the statement's own article is the one that says something else
            partial[id(f)] = (piece, ok)
        if stated != set(f.articles()) or claim_problem(piece.text) is not None:
            continue  # not stated by every article, or no claim ("Negotiations between six world powers - the US")
        # one every span states by the span check first; a piece of the statement first, the longest; else the other
        # member's span statement_key ranks first
        # where a span lacked a detail of the statement (``detail_failed``), another member's whole span that every
        # span states (the most shared wording) ranks before a cut of the statement
        other_first = id(f) in detail_failed and not own_piece and piece.id == f"{piece.id.split('~')[0]}"
        rank = (anchored, 0, -len(piece.text)) if own_piece else \
            (anchored, -1 if other_first else 1, *statement_key(piece.text, piece.article, [(sp["article"], sp["text"]) for sp in f.support],
                                         quote=piece.quote, voiced=bool(voiced and voiced(piece))))
        if id(f) not in best or rank < ranks[id(f)]:
            best[id(f)], ranks[id(f)] = (piece, ok), rank
    return best


def _owns(span: Mapping[str, Any], piece: Claim) -> bool:
    """Is ``piece`` a part of the cited ``span`` (its own words)?"""
    return bool(span["article"] == piece.article and span["start"] <= piece.start and piece.end <= span["end"])


OPEN_QUOTE, CLOSE_QUOTE = re.compile(r"(?:^|(?<=\s))[\"“‘]"), re.compile(r"[\"”’](?=\W|$)")


def _closed(text: str) -> str:
    """A statement cut inside a quotation ("\"I believe this is a historic moment") closes it."""
    opened = len(OPEN_QUOTE.findall(text)) - len(CLOSE_QUOTE.findall(text))
    return text + ("”" if "“" in text else "\"") if opened > 0 else text


def _pieces(claim: Claim, a: int, b: int, texts: dict[str, str]) -> list[Claim]:
    """The clause pieces (``clause_runs``) and openings (up to a comma, a dash or a "but/while/after/when/because"
    clause) of ``claim``'s text between ``a`` and ``b`` that could state a fact alone: six words or more, not opening as a
    dependent clause or phrase ("Iran and six major world powers reached a nuclear deal on Tuesday" of "…, capping
    more than a decade of negotiations …")."""
    text = texts[claim.article]
    unit = replace(claim, start=a, end=b, text=text[a:b],
                   values=tuple(v for v in claim.values if a <= v.start < b or v.kind == "date"))
    heads = [replace(unit, id=f"{unit.id}~h{m.start()}", end=a + m.start(), text=unit.text[:m.start()].rstrip(),
                     part="clause") for m in HEAD_CUT.finditer(unit.text)]
    pieces = [_main(p) for p in [*clause_runs(unit, text), *heads]]
    return [p for p in pieces if len(p.text.split()) >= 6 and not DEPENDENT.match(p.text)]


# a clause a time word subordinates ("when a 7.1-magnitude quake hit Valdora") states its event without that word
# ("To get under the hills, the diggers burrowed …": the purpose phrase before the subject)
LEAD_SUBORDINATOR = re.compile(r"^(?:(?:when|as|after)\s+(?=\S)|to\s[^,;]{3,90},\s+)", re.IGNORECASE)


def _main(piece: Claim) -> Claim:
    """``piece`` without a time word opening it (``LEAD_SUBORDINATOR``): a clause that can state a fact alone."""
    m = LEAD_SUBORDINATOR.match(piece.text)
    if m is None:
        return piece
    return replace(piece, id=f"{piece.id}~m", start=piece.start + m.end(), text=piece.text[m.end():],
                   values=tuple(v for v in piece.values if piece.start + m.end() <= v.start or v.kind == "date"))


def _figures_said(piece: Claim, verifier: Verifier, texts: dict[str, str]) -> list[Quantity]:
    """The figures of its event ``piece`` states (measured figures, not a date or a day after a month's name)."""
    return [q for q in verifier.quantities.get((piece.article, piece.sentence), [])
            if piece.start <= q.start < piece.end and not any(w in q.measure for w in _WHEN) and q.event == "this"
            and not MONTH_BEFORE.search(texts[piece.article][:q.start])]


# a capitalised day or month names when, not who or where: a span need not repeat it
CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                      "february", "march", "april", "may", "june", "july", "august", "september", "october",
                      "november", "december"})


def _names_held(statement: str, span: str) -> bool:
    """Does ``span`` write every name ``statement`` writes (a capitalised word not opening a sentence, not a day or a
    month: the span check's own ``NAME``)? A figure anchors what is measured, not who or where: a statement a figure
    anchors still needs its participants in every span ("a 7.1-magnitude quake hit Valdora" is not stated by "Tuesday's
    7.1-magnitude quake killed 19 children")."""
    names = {w.lower().removesuffix("’s").removesuffix("'s") for w in NAME.findall(statement)} - CALENDAR
    return names <= {w.lower().removesuffix("’s").removesuffix("'s") for w in WORD.findall(span)}


def _measured_alike(said: Sequence[Quantity], member: Claim, span: Mapping[str, Any], verifier: Verifier) -> bool:
    """Does the span give each figure ``said`` states as the same figure of the same measure, place and event
    (``same_figure``), one of them at least ``figure_pass_min`` (a count that rarely meets by chance: the figure
    pass's own test)?"""
    held = [q for q in verifier.quantities.get((member.article, member.sentence), [])
            if span["start"] <= q.start < span["end"]]
    tolerance = verifier.settings.corroborate_number_tolerance
    return bool(said) and any(isinstance(x.value, (int, float)) and x.value >= verifier.settings.figure_pass_min
                              for x in said) \
        and all(any(y.key() == x.key() and same_figure(x, y, tolerance) for y in held) for x in said)


def _all_stated(fact: Fact, bad: Verdicts) -> bool:
    """Does every cited article have a span that states the statement?"""
    return {fact.support[k]["article"] for k, (why, _) in enumerate(bad) if why is None} == set(fact.articles())


def _citing(fact: Fact, keep: list[int], reason: str) -> Fact:
    return replace(fact, support=tuple(fact.support[k] for k in keep), claims=tuple(fact.claims[k] for k in keep),
                   reason=reason)


EVALUATIVE_CUES = ("loaded", "evaluative", "epithet", "scare_quote", "hedge", "biased_sentence")
# words the loaded-word lexicons flag that report harm rather than judge it ("killed", "destroyed")
FACTUAL = {"kill", "kills", "killed", "killing", "die", "died", "dead", "death", "deaths", "destroy", "destroyed",
           "injured", "injuries", "wounded", "worst", "attack", "attacked", "collapse", "collapsed", "victims",
           "disaster", "earthquake", "quake", "violence", "violent", "clashes", "protest", "protests", "war", "crisis",
           "escape", "escaped", "murder", "arrested", "missing", "rubble", "damage", "damaged", "fire"}


def outlet_voice(analyzed: Sequence[AnalyzedArticle]) -> Callable[[Claim], bool]:
    """Whether a unit holds a framing cue of its outlet's own voice that the synthesis calls evaluative (a loaded
    word, a scare quote, a hedge, an epithet, a sentence the bias model flags; not inside someone's quote, not a
    factual word such as "killed"): such a unit is no corroborated fact's statement while another member is plain."""
    cues = {a.id: [c.start for c in a.framing if c.cue in EVALUATIVE_CUES and c.speaker is None
                   and (c.loaded_word or c.text).lower() not in FACTUAL] for a in analyzed}
    return lambda c: any(c.start <= at < c.end for at in cues.get(c.article, ()))


def conflict_facts(analyzed: Sequence[AnalyzedArticle], conflicts: Sequence[dict[str, Any]],
                   first_id: int) -> list[Fact]:
    """One fact per measure conflict: its support is the sentences that give the figures."""
    out: list[Fact] = []
    labels = {a.id: a.article.label for a in analyzed}
    for n, c in enumerate(conflicts):
        support = []
        seen: set[tuple[str, int]] = set()
        for v in c["values"]:
            if (v["article"], v["sentence"]) in seen:
                continue
            seen.add((v["article"], v["sentence"]))
            art = next(a for a in analyzed if a.id == v["article"])
            sent = next(s for s in art.sentences if s.i == v["sentence"])
            support.append({"article": v["article"], "sentence": sent.i, "start": sent.start, "end": sent.end,
                            "text": sent.text})
        statement = f"{c['measure']}: " + "; ".join(f"{v['value']} ({labels.get(v['article'], v['article'])})"
                                                   for v in c["values"])
        out.append(Fact(id=f"f{first_id + n}", status="conflict", statement=statement, support=tuple(support),
                        conflict=c, reason=f"{c['label']}: {c['reason']}"))
    return out
