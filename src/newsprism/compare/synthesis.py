"""A neutral account from a Comparison: every sentence cites exactly the articles that support it.

Only checked facts: corroborated facts (most outlets and most central first), stated in a
supporting article's own, non-evaluative words; when every rendering is evaluative (a loaded word,
a scare quote, a sentence the bias model flags) it is attributed ("According to <outlet>, …").
Single-source claims are attributed, and only those no other article may also state (a sentence
aligned with another article's that the checks did not confirm is left out, not under-cited). Page
chrome, captions, credits ("(REUTERS)", datelines) and bare attribution fragments are never stated. Number conflicts are stated per measure as a range with sources and dates
("Reported people killed rose from 65 (The News, 2017-09-19) to 360 (Xinhua, 2017-09-30)"). Each
citation points at the span of its supporting sentence. Sentences are taken from the articles — the plainest rendering, in the outlet's own
voice before a quote — never generated, so nothing is said that no article said. Words an article
puts in someone's mouth stay attributed to that speaker.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..records import AnalyzedArticle, Claim, Comparison, Fact, FramingCue
from ..settings import DEFAULT, Settings
from .verify import is_caption, is_chrome, is_fragment, is_headline, strip_credit

EVALUATIVE_CUES = ("loaded", "scare_quote", "biased_sentence")
# words the loaded-word lexicons flag that report harm rather than judge it ("killed", "destroyed")
FACTUAL = {"kill", "kills", "killed", "killing", "die", "died", "dead", "death", "deaths", "destroy", "destroyed",
           "injured", "injuries", "wounded", "worst", "attack", "attacked", "collapse", "collapsed", "victims",
           "disaster", "earthquake", "quake", "violence", "violent", "clashes", "protest", "protests", "war", "crisis",
           "escape", "escaped", "murder", "arrested", "missing", "rubble", "damage", "damaged", "fire"}



def _label(comparison: Comparison, article_id: str) -> str:
    for a in comparison.articles:
        if a.id == article_id:
            art = a.article
            date = f" ({art.published})" if art.published else ""
            if art.outlet:
                return f"{art.outlet}{date}"
            title = art.title or art.source
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


LEAD_CONJUNCTION = re.compile(r"^(?:and|but|while|whereas|although|as|yet|so)\s+", re.IGNORECASE)
SUBORDINATE = re.compile(r"^(?:which|who|whom|whose|where|when|after|before|including|making|leaving|adding|"
                         r"bringing|according)\b", re.IGNORECASE)


def _stated(comparison: Comparison, claim: Claim) -> str:
    """What the synthesis states for a unit: its sentence, or for a clause the clause alone (its
    sentence says more than the fact the other articles share), unless the clause cannot stand alone
    ("which …", "after …", "climbing on …", under five words): then its sentence."""
    if claim.part == "clause":
        clause = LEAD_CONJUNCTION.sub("", claim.text.strip())
        first = clause.split(" ", 1)[0].lower()
        participle = first.endswith(("ing", "ed")) and first not in STOP_WORDS  # "climbing on police buses"
        if not SUBORDINATE.match(clause) and not participle and len(clause.split()) >= 5:
            return clause[0].upper() + clause[1:]
    return _sentence_text(comparison, claim)


def _pick(comparison: Comparison, claims: Sequence[Claim]) -> Claim:
    """The plainest unit to state: a whole sentence before a clause, then the shortest."""
    return min(claims, key=lambda c: (c.part == "clause", len(_stated(comparison, c))))


def _finish(text: str) -> str:
    text = strip_credit(" ".join(text.split()))
    if text.count("“") > text.count("”"):
        text += "”"
    return text if re.search(r"[.!?…][”\"’)]*$", text) else text + "."


def _lower_first(text: str) -> str:
    """Lower-case a sentence's first word after "According to X," only when it is a function word
    ("The warnings …" → "the warnings …"; "Lena Varga …" stays)."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first.lower() in STOP_WORDS and not first.isupper() else text


def _representative(comparison: Comparison, fact: Fact) -> str:
    claims = [c for c in fact.claims if c.part != "attribution"] or fact.claims
    own = [c for c in claims if not c.quote]
    if own:
        return _finish(_stated(comparison, _pick(comparison, own)))
    best = min(claims, key=lambda c: len(c.text))
    speaker = best.asserted_by_name or "a speaker"
    # the quoted words alone: “…” inside the sentence, or up to ” when the quote began in an earlier sentence
    m = re.search(r"“([^”]+)”", best.text) or re.match(r"\s*([^“”]+)”", best.text)
    words = (m.group(1) if m else best.text.strip().strip("“”\"")).rstrip(", ")
    return _finish(f"{speaker} was quoted as saying: “{words}”")


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
                and cue.text.lower() not in FACTUAL:
            return f"{cue.cue} “{cue.text}”"
    return None


def first_person(text: str) -> bool:
    """Someone's own words the quote finder missed (a blog post or statement in the first person, "we're
    going to work hard …"): outside quote marks, a first-person pronoun is not the outlet's voice."""
    outside = re.sub(r"[“\"][^”\"]*[”\"]", " ", text)
    return bool(re.search(r"\b(?:I|I'm|I’m|I've|I’ve)\b", outside) or
                re.search(r"\b(?:we|we're|we’re|we've|we’ve|our|ours|us|my|me)\b", outside, re.IGNORECASE))


def _statable(comparison: Comparison, claim: Claim) -> bool:
    text = _sentence_text(comparison, claim)
    return not (claim.part == "attribution" or is_chrome(text) or is_fragment(text) or is_fragment(claim.text)
                or is_headline(text) or is_caption(text))


def _citation(claim: Claim) -> dict[str, Any]:
    return {"article": claim.article, "sentence": claim.sentence, "start": claim.start, "end": claim.end}


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


def conflict_sentence(comparison: Comparison, conflict: dict[str, Any]) -> str:
    """A conflict per measure as one sentence: a rise, two named sources, or a disagreement."""
    values = conflict["values"]
    measure = conflict["measure"]
    if conflict["label"] == "updated":
        ordered = sorted(values, key=lambda v: (v.get("as_of") or "", _number(v["value"])))
        lo, hi = ordered[0], ordered[-1]
        return (f"Reported {measure} rose from {lo['value']} ({_value_label(comparison, lo)}) to {hi['value']} "
                f"({_value_label(comparison, hi)}).")
    parts = "; ".join(f"{v['value']} ({_value_label(comparison, v)})" for v in values)
    if conflict["label"] == "sources differ":
        return f"Sources differ on {measure}: {parts}."
    return f"Reports differ on {measure}: {parts}."


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


def synthesise(comparison: Comparison, settings: Settings = DEFAULT,
               cues: Mapping[str, Sequence[FramingCue]] | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    corroborated = [f for f in comparison.facts if f.status == "corroborated"]
    corroborated.sort(key=lambda f: (-len(f.articles()), _centrality(comparison, f)))
    for f in corroborated[:settings.synthesis_max_facts]:
        claims = [c for c in f.claims if _statable(comparison, c)]
        if len({c.article for c in claims}) < 2:
            continue  # what is left after chrome and fragments is no longer corroborated
        own = [c for c in claims if not c.quote]
        plain = [c for c in own if evaluative(comparison, c, cues) is None and not first_person(c.text)]
        cites = list(dict.fromkeys(c.article for c in claims))
        spans = [_citation(c) for c in claims]
        if plain:
            text = _finish(_stated(comparison, _pick(comparison, plain)))
            kind = "corroborated"
        elif own:
            best = _pick(comparison, own)
            sentence = _finish(_stated(comparison, best))
            text = f"According to {_label(comparison, best.article)}, {_lower_first(sentence)}"
            kind = "attributed"
        else:
            text = _representative(comparison, f)
            kind = "corroborated"
        out.append({"text": text, "citations": cites, "spans": spans, "fact": f.id, "kind": kind})
    for f in comparison.facts:
        if f.status != "conflict" or not f.conflict or f.conflict.get("kind") != "number":
            continue
        c = dict(f.conflict)
        out.append({"text": conflict_sentence(comparison, c),
                    "citations": list(dict.fromkeys(v["article"] for v in c["values"])),
                    "spans": [{"article": v["article"], "sentence": v.get("sentence"), "start": v["start"],
                               "end": v["end"]} for v in c["values"]],
                    "fact": f.id, "kind": "conflict", "label": c["label"], "about": c["measure"]})
    per_article: dict[str, int] = {}
    # a sentence aligned with another article's (a paraphrase the checks did not confirm) may be said
    # there too: stated with one citation it could be under-cited, so the synthesis leaves it out
    near = {al.a.split("~")[0] for al in comparison.alignments if al.relation != "unrelated"} | \
        {al.b.split("~")[0] for al in comparison.alignments if al.relation != "unrelated"}
    for f in comparison.facts:
        if f.status != "unique" or not f.claims:
            continue
        claim = f.claims[0]
        if claim.quote or not _statable(comparison, claim):
            continue  # quotes are shown with their speakers in the report; chrome and fragments are not facts
        if claim.id.split("~")[0] in near or _said_elsewhere(comparison, claim) >= settings.unique_overlap_max:
            continue
        aid = f.articles()[0]
        if per_article.get(aid, 0) >= settings.synthesis_unique_per_article:
            continue
        per_article[aid] = per_article.get(aid, 0) + 1
        sentence = _finish(_sentence_text(comparison, claim))
        out.append({"text": f"According to {_label(comparison, aid)}, {_lower_first(sentence)}",
                    "citations": [aid], "spans": [_citation(claim)], "fact": f.id, "kind": "unique"})
    seen: set[str] = set()
    unique_out = []
    for item in out:
        if item["text"] not in seen:
            seen.add(item["text"])
            unique_out.append(item)
    return unique_out
