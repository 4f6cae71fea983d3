"""Internal errors in one article, each with its span and the reason.

- ``acronym_mismatch``: "World Trade Organization (WHO)": the letters of the bracketed
  acronym do not follow the initials of the words before it;
- ``title_typo``: a headline word that is rare in English (wordfreq) while a word one edit
  away is common ("Disater" → "disaster"), and is not a name the body uses; or a word that
  breaks the headline's grammar where swapping two of its letters gives a word that fits
  ("Working To From A …": after "to" a verb is expected, "From" may be "Form");
- ``number_inconsistency``: two similar sentences giving different numbers for the same
  measure ("some 1,500 people fled" … "1,800 people were forced from their homes"), checked on the
  measured facts (``stages.quantities``): both figures must be of one measure, place and event, given
  by the same source (or none), with ranges that do not overlap and neither worded as an update —
  this quake's toll is not compared with a 2012 quake's, nor USGS's magnitude with China's agency's.
"""

from __future__ import annotations

import re
import string
from typing import Any, Iterable, Sequence

from ..records import Article, Claim, Issue, Quantity, Value
from ..settings import DEFAULT, Settings
from ..similarity import (
    EmbeddingAligner,
    ValueConflict,
    anchor_overlap,
    entity_idf,
    same_measure,
    term_df,
    term_idf,
    term_overlap,
    value_conflicts,
)
from ..text.words import zipf
from .base import StageContext
from .quantities import ranges_compatible

ACRONYM = re.compile(r"(?P<expansion>(?:[A-Z][\w’'&.-]*\s+(?:(?:of|the|and|for|on|in|de|des|&)\s+)*){1,9})"
                     r"\((?P<acronym>[A-Z][A-Za-z0-9&]{1,9})\)")
SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "de", "des", "&", "a", "an", "to", "at"}
FUNCTION_AFTER_TO = {"from", "of", "in", "on", "at", "for", "with", "by", "the", "a", "an", "and", "or"}
DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "their", "its", "his", "her", "our"}


def acronym_issues(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[Issue]:
    out = []
    for m in ACRONYM.finditer(text):
        expansion = m.group("expansion").strip()
        words = [w for w in re.split(r"[\s-]+", expansion) if w]
        acronym = m.group("acronym")
        letters = [ch for ch in acronym if ch.isalpha()]
        if len(letters) < 2 or not acronym.isupper() and sum(ch.isupper() for ch in acronym) < 2:
            continue
        # the expansion is some tail of the capitalised words before the bracket ("News the FBI and
        # National Security Agency (NSA)" fits through its last three words)
        content_words = [w for w in words if w.lower() not in SMALL_WORDS]
        if len(content_words) < max(2, len(letters) - 1):
            continue  # "DENVER (AP)": a credit, not an expansion
        tails = [words[k:] for k in range(len(words)) if words[k].lower() not in SMALL_WORDS]
        if not tails or any(acronym_fits(letters, tail) for tail in tails):
            continue
        content = [w for w in words if w.lower() not in SMALL_WORDS]
        words = words[words.index(content[-min(len(letters), len(content))]):]
        initials = "".join(w[0].upper() for w in words if w.lower() not in SMALL_WORDS)
        start = m.start() + m.group(0).index(words[0])
        out.append(Issue(kind="acronym_mismatch", start=start, end=m.end(), text=text[start:m.end()],
                         reason=f"the initials of “{' '.join(words)}” are {initials}, not {acronym}"))
    return out


def acronym_fits(letters: Sequence[str], words: Sequence[str]) -> bool:
    """Each letter of the acronym, in order, starts a word (or hyphen/camel part) of the expansion;
    small words may be skipped anywhere, content words only after the last letter
    ("TUE" fits "Technical University of Estmark", "APEC" fits "Asia-Pacific Economic Cooperation Forum")."""
    parts: list[str] = []
    for w in words:
        parts.extend(p for p in re.split(r"(?<=[a-z])(?=[A-Z])|[-’']", w) if p)
    i = 0
    for p in parts:
        if i < len(letters) and p[0].upper() == letters[i].upper():
            i += 1
        elif p.lower() in SMALL_WORDS or i == len(letters):
            continue
        else:
            return False
    return i == len(letters)


def edits1(word: str) -> set[str]:
    letters = string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in letters]
    inserts = [a + c + b for a, b in splits for c in letters]
    return set(deletes + transposes + replaces + inserts)


def _inflects_common_word(word: str, settings: Settings = DEFAULT) -> bool:
    """"eases" is "ease" + s: an inflection of a common word is no typo."""
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                         ("d", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if zipf(word[: -len(suffix)] + repl) >= settings.typo_common_min_zipf:
                return True
    return False


def transpositions(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)} - {word}


def title_issues(article: Article, body_words: set[str], entity_words: set[str],
                 settings: Settings = DEFAULT) -> list[Issue]:
    title_par = next((p for p in article.paragraphs if p.kind == "title"), None)
    if title_par is None:
        return []
    title = article.text[title_par.start:title_par.end]
    tokens = [(m.group(0), title_par.start + m.start()) for m in re.finditer(r"[A-Za-z][A-Za-z’']*", title)]
    out: list[Issue] = []
    for n, (word, pos) in enumerate(tokens):
        low = word.lower().replace("’", "'")
        if len(low) < 4 or "'" in low or low in body_words or low in entity_words:
            pass
        else:
            z = zipf(low)
            if z < settings.typo_common_min_zipf and not _inflects_common_word(low, settings):
                best = max(((zipf(c), c) for c in edits1(low)), default=(0.0, ""))
                if best[0] >= settings.typo_common_min_zipf and best[0] - z >= settings.typo_gap:
                    out.append(Issue(kind="title_typo", start=pos, end=pos + len(word), text=word,
                                     reason=f"“{word}” is rare in English (Zipf {z:.1f}) and not used in the body; "
                                            f"“{best[1]}” is one edit away and common (Zipf {best[0]:.1f})"))
                    continue
        # grammar: "to" + a function word + a determiner ("To From A") where a swap of two letters gives a word
        if n >= 1 and tokens[n - 1][0].lower() == "to" and low in FUNCTION_AFTER_TO and n + 1 < len(tokens) \
                and tokens[n + 1][0].lower() in DETERMINERS:
            swaps = sorted(((zipf(c), c) for c in transpositions(low) if zipf(c) >= settings.typo_common_min_zipf),
                           reverse=True)
            if swaps:
                prev_pos = tokens[n - 1][1]
                out.append(Issue(kind="title_typo", start=prev_pos, end=pos + len(word),
                                 text=article.text[prev_pos:pos + len(word)],
                                 reason=f"after “{tokens[n - 1][0]}” a verb is expected, but “{word}” is followed by "
                                        f"“{tokens[n + 1][0]}”; “{swaps[0][1]}” (two letters swapped) would fit"))
        if n >= 1 and len(low) >= 2 and low == tokens[n - 1][0].lower() and low not in ("that", "had"):
            prev_pos = tokens[n - 1][1]
            out.append(Issue(kind="title_typo", start=prev_pos, end=pos + len(word),
                             text=article.text[prev_pos:pos + len(word)], reason=f"“{word}” is repeated"))
    return out


TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "time", "percent"}


def _same_measure_count(claim: Claim, value: Value, settings: Settings) -> int:
    return sum(1 for v in claim.values if same_measure(v, value, settings))


UPDATE_WORDS = re.compile(r"\b(?:rose|risen|rising|climbed|increased|revised|so far|latest|updated|earlier|"
                          r"initially|first)\b", re.IGNORECASE)


def _quantity_at(quantities: Sequence[Quantity], value: Value) -> Quantity | None:
    return next((q for q in quantities if q.start <= value.start < q.end), None)


def measured_disagreement(a: Quantity | None, b: Quantity | None, text_a: str, text_b: str) -> bool:
    """Whether two figures of one article truly disagree: one measure, place and event, one source (or
    none), ranges that do not overlap, and neither worded as an update."""
    if a is None or b is None or a.key() != b.key():
        return False
    if a.source and b.source and a.source.lower() != b.source.lower():
        return False  # two named sources may differ: that is not an error of the article
    if a.low is None or a.high is None or b.low is None or b.high is None:
        return False
    if ranges_compatible(a, b):
        return False
    return not (UPDATE_WORDS.search(text_a) or UPDATE_WORDS.search(text_b))


def _number_claims(claims: Sequence[Claim]) -> list[Claim]:
    return [c for c in claims if any(v.kind in ("number", "money", "percent") for v in c.values)]


def _countable_conflicts(a: Claim, b: Claim, settings: Settings,
                         quantities: Sequence[Quantity] | None = None) -> list[ValueConflict]:
    """Conflicting numbers of one measure that could be one figure told twice."""
    out = []
    for vc in value_conflicts(a, b, settings):
        if vc.a.kind != "number" or (vc.a.unit or "") in TIME_UNITS:
            continue  # money, shares and durations differ for good reasons within one story
        if vc.a.predicate is None or vc.a.predicate != vc.b.predicate:
            continue  # "win 33 seats" and "hold 190 seats" count different things
        if _same_measure_count(a, vc.a, settings) > 1 or _same_measure_count(b, vc.b, settings) > 1:
            continue  # a list of figures (poll results, a budget breakdown) is not one figure
        if quantities is not None and not measured_disagreement(
                _quantity_at(quantities, vc.a), _quantity_at(quantities, vc.b), a.text, b.text):
            continue  # another measure, event or source, compatible ranges, or an update
        out.append(vc)
    return out


def _suspect_pairs(candidates: Sequence[Claim], claims: Sequence[Claim], settings: Settings,
                   quantities: Sequence[Quantity] | None = None) -> list[tuple[int, int, list[ValueConflict]]]:
    """Pairs of claims that pass every test but sentence similarity: other sentences, enough shared
    words, and numbers of one measure that conflict. Only these need sentence vectors."""
    tidf, tdf = term_idf(claims), term_df(claims)
    out = []
    for i, a in enumerate(candidates):
        for j in range(i + 1, len(candidates)):
            b = candidates[j]
            if a.sentence == b.sentence:
                continue
            terms = 0.5 * term_overlap(a, b, tidf, settings) + 0.5 * anchor_overlap(a, b, tdf)
            if terms < settings.inconsistency_min_terms:
                continue
            conflicts = _countable_conflicts(a, b, settings, quantities)
            if conflicts:
                out.append((i, j, conflicts))
    return out


def claims_needing_vectors(claims: Sequence[Claim], settings: Settings) -> list[Claim]:
    """The claims whose sentence vectors :func:`number_issues` will read (the vectors stage encodes these)."""
    candidates = _number_claims(claims)
    needed = sorted({k for i, j, _ in _suspect_pairs(candidates, claims, settings) for k in (i, j)})
    return [candidates[k] for k in needed]


def number_issues(claims: Sequence[Claim], settings: Settings, embed: Any | None = None,
                  quantities: Sequence[Quantity] | None = None) -> list[Issue]:
    """Similar claims in one article that give different numbers for one measure (checked on the measured
    facts when they are given). The cheap tests run first; only the claims of pairs that pass them are
    embedded and scored."""
    candidates = _number_claims(claims)
    pairs = _suspect_pairs(candidates, claims, settings, quantities) if len(candidates) >= 2 else []
    if not pairs:
        return []
    needed = sorted({k for i, j, _ in pairs for k in (i, j)})
    row = {k: n for n, k in enumerate(needed)}
    chosen = [candidates[k] for k in needed]
    aligner = EmbeddingAligner(settings, embed=embed)
    vectors = aligner.vectors(chosen)
    m = aligner.score_matrix(chosen, chosen, vectors, vectors, entity_idf(claims), term_idf(claims),
                             term_df(claims))
    out: list[Issue] = []
    seen: set[tuple[int, int]] = set()
    for i, j, conflicts in pairs:
        a = candidates[i]
        combined = float(m["combined"][row[i], row[j]])
        if combined < settings.inconsistency_min:
            continue
        for vc in conflicts:
            key = (vc.a.start, vc.b.start)
            if key in seen:
                continue
            seen.add(key)
            out.append(Issue(kind="number_inconsistency", start=vc.b.start, end=vc.b.end, text=vc.b.text,
                             reason=f"{vc.b.text} here, but {vc.a.text} in sentence {a.sentence + 1} "
                                    f"(“{a.text[:80]}”): {vc.reason}; similarity {combined:.2f}"))
    return out


def checks_stage(ctx: StageContext) -> tuple[Issue, ...]:
    article = ctx.article
    body = " ".join(article.text[p.start:p.end] for p in article.paragraphs if p.kind != "title")
    body_words = {w.lower().replace("’", "'") for w in re.findall(r"[A-Za-z][A-Za-z’']*", body)}
    entity_words = {w.lower() for e in ctx.values["entities"] for w in e.name.split()}
    issues = acronym_issues(article.text)
    issues += title_issues(article, body_words, entity_words, ctx.settings)
    issues += number_issues(ctx.values["claims"], ctx.settings, quantities=ctx.values["quantities"],
                            embed=ctx.values["vectors"].claims.rows)
    return tuple(sorted(issues, key=lambda i: i.start))
