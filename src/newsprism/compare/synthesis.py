"""A neutral account from a Comparison: every sentence cites its articles.

Corroborated facts are stated with citations; single-source claims are attributed
("According to <outlet>, …"); conflicts are stated as conflicts, each value with its source
and date. Sentences are taken from the articles — the plainest rendering, in the outlet's own
voice before a quote — never generated, so nothing is said that no article said. Words an article
puts in someone's mouth stay attributed to that speaker.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..records import Claim, Comparison, Fact
from ..settings import DEFAULT, Settings



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


def _finish(text: str) -> str:
    text = " ".join(text.split())
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
        best = min(own, key=lambda c: len(_sentence_text(comparison, c)))
        return _finish(_sentence_text(comparison, best))
    best = min(claims, key=lambda c: len(c.text))
    speaker = best.asserted_by_name or "a speaker"
    # the quoted words alone: “…” inside the sentence, or up to ” when the quote began in an earlier sentence
    m = re.search(r"“([^”]+)”", best.text) or re.match(r"\s*([^“”]+)”", best.text)
    words = (m.group(1) if m else best.text.strip().strip("“”\"")).rstrip(", ")
    return _finish(f"{speaker} was quoted as saying: “{words}”")


def synthesise(comparison: Comparison, settings: Settings = DEFAULT) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    corroborated = [f for f in comparison.facts if f.status == "corroborated"]
    for f in sorted(corroborated, key=lambda f: -len(f.articles())):
        out.append({"text": _representative(comparison, f), "citations": f.articles(), "fact": f.id,
                    "kind": "corroborated"})
    for f in comparison.facts:
        if f.status != "conflict" or not f.conflict:
            continue
        parts = [f"{_label(comparison, aid)} gives {value}" for aid, value in f.conflict["values"].items()]
        text = f"Reports differ ({f.conflict['reason']}): {'; '.join(parts)}."
        out.append({"text": text, "citations": list(f.conflict["values"]), "fact": f.id, "kind": "conflict",
                    "about": f.statement})
    per_article: dict[str, int] = {}
    for f in comparison.facts:
        if f.status != "unique" or not f.claims:
            continue
        claim = f.claims[0]
        if claim.quote or claim.part == "attribution":
            continue  # quotes are shown with their speakers in the report; attributions are not facts alone
        aid = f.articles()[0]
        if per_article.get(aid, 0) >= settings.synthesis_unique_per_article:
            continue
        per_article[aid] = per_article.get(aid, 0) + 1
        sentence = _finish(_sentence_text(comparison, claim))
        out.append({"text": f"According to {_label(comparison, aid)}, {_lower_first(sentence)}",
                    "citations": [aid], "fact": f.id, "kind": "unique"})
    return out
