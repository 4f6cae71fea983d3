"""Framing across the articles of a comparison: what is the story's topic and what is an outlet's slant.

- ``relative_framing``: a loaded word most of the other articles also use ("affirmative action",
  "killed" in a disaster, the names of things) is the story's topic, not framing: its cues leave the
  article's framing and are listed as ``topic`` with the evidence;
- ``distinctive_words``: per outlet, the words that set it apart from the other articles of the
  comparison, by the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
  "Fightin' Words"), the prior being general English news-and-web word frequency (wordfreq), with the
  z-score as evidence;
- ``framing_summary``: per article the cue counts, the notable cues, the distinctive words, the names
  and epithets it uses for each actor, and the voices it quotes;
- naming contrasts: phrases that name one event or situation differently across articles.
"""

from __future__ import annotations

from functools import lru_cache

import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Any, Sequence

from wordfreq import word_frequency

from .. import nlp
from ..lexicons import nrc, people_nouns, vader
from ..records import AnalyzedArticle, FramingCue, NamingPhrase, Quote
from ..settings import DEFAULT, Settings
from ..stages.framing import NOT_FRAMING, SET_ASIDE, evaluative_logit, merge_phrase_cues
from ..text.names import nat_match, slug
from ..text.words import zipf

WORD_CUES = ("loaded", "evaluative", "epithet")  # cues built on a single loaded word
STOP_ZIPF = 6.0  # words at least this common ("the", "said", "with") never set an outlet apart
_SUFFIX = re.compile(r"(?:ing|ed|es|s|ly|d)$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem so that "killed", "kills" and "killing" count as one word across articles."""
    low = word.lower()
    return _SUFFIX.sub("", low) if len(low) > 4 else low


_WORD_AT = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _counts(a: AnalyzedArticle, own_voice: bool = False) -> Counter[str]:
    """Stemmed word counts of an article's own text; names (capitalised words inside a sentence) left out;
    with ``own_voice``, words inside quotations are left out too."""
    quoted = tuple((q.start, q.end) for q in a.quotes if _their_words(q)) if own_voice else ()
    return Counter(_counted(a.article.text, quoted))


@lru_cache(maxsize=256)
def _counted(text: str, quoted: tuple[tuple[int, int], ...]) -> Counter[str]:
    """:func:`_counts` of a text with the ``quoted`` spans blanked; kept, as one comparison counts each article
    several times (callers get a copy)."""
    out: Counter[str] = Counter()
    for start, end in quoted:
        text = text[:start] + " " * (end - start) + text[end:]
    for m in _WORD_AT.finditer(text):  # words with their positions
        w = m.group(0)
        j = m.start() - 1  # the last character before the word that is not a space (no copy of the text)
        while j >= 0 and text[j].isspace():
            j -= 1
        sentence_start = j < 0 or text[j] in ".!?\"“”'\n"
        if len(w) > 2 and (w.islower() or (sentence_start and w[1:].islower())):
            out[stem(w)] += 1
    return out


def log_odds(mine: Counter[str], others: Counter[str], prior: float, min_alpha: float = 0.5) -> dict[str, float]:
    """z-scores of the log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008, eq. 16-22):
    how much more this article uses each word than the others, against a general-English baseline
    (wordfreq frequency × ``prior``, plus ``min_alpha`` for every word)."""
    n_i, n_j = sum(mine.values()), sum(others.values())
    out: dict[str, float] = {}
    for w in mine:
        alpha = prior * word_frequency(w, "en") + min_alpha
        y_i, y_j = mine[w], others.get(w, 0)
        delta = (math.log((y_i + alpha) / (n_i + prior - y_i - alpha))
                 - math.log((y_j + alpha) / (n_j + prior - y_j - alpha)))
        out[w] = delta / math.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))
    return out


def distinctive_words(analyzed: Sequence[AnalyzedArticle],
                      settings: Settings = DEFAULT) -> dict[str, list[dict[str, Any]]]:
    """Per article, the words that set it apart from the other articles (z ≥ distinctive_z_min), best first."""
    counts = {a.id: _counts(a) for a in analyzed}
    out: dict[str, list[dict[str, Any]]] = {}
    for a in analyzed:
        others: Counter[str] = Counter()
        for b in analyzed:
            if b.id != a.id:
                others.update(counts[b.id])
        z = log_odds(counts[a.id], others, settings.log_odds_prior, settings.log_odds_min_alpha)
        best = sorted(((w, v) for w, v in z.items() if v >= settings.distinctive_z_min and zipf(w) < STOP_ZIPF),
                      key=lambda wv: -wv[1])[:settings.distinctive_max]
        out[a.id] = [{"word": w, "z": round(v, 2), "count": counts[a.id][w], "others": others.get(w, 0),
                      "reason": f"used {counts[a.id][w]}× here, {others.get(w, 0)}× in the other articles; "
                                f"log-odds z={v:.2f} against them with a general-English prior"}
                     for w, v in best]
    return out


def relative_framing(analyzed: Sequence[AnalyzedArticle],
                     settings: Settings = DEFAULT) -> tuple[list[AnalyzedArticle], dict[str, list[dict[str, Any]]]]:
    """Drop loaded-word cues (and the phrases built on them) whose word is the story's topic: used by at
    least ``topic_share_min`` of the other articles and not distinctive (log-odds z below
    ``distinctive_z_min``); then a comparison cue (naming, a superlative set in history) over a loaded word's cue
    replaces it (``_one_cue_per_word``). Returns the articles and, per article, the topic words set aside, with
    why."""
    if len(analyzed) < 2:
        return [replace(a, framing=tuple(_one_cue_per_word(a, list(a.framing)))) for a in analyzed], {
            a.id: [] for a in analyzed}
    counts = {a.id: _counts(a) for a in analyzed}
    out: list[AnalyzedArticle] = []
    topic: dict[str, list[dict[str, Any]]] = {}
    for a in analyzed:
        others = [b for b in analyzed if b.id != a.id]
        pooled: Counter[str] = Counter()
        for b in others:
            pooled.update(counts[b.id])
        z = log_odds(counts[a.id], pooled, settings.log_odds_prior, settings.log_odds_min_alpha)
        dropped: list[tuple[int, int]] = []
        topic[a.id] = []
        for f in a.framing:
            if f.cue != "loaded" and f.word is None:
                continue  # a loaded word, or the phrase built on one (judged by its word)
            ws, we = f.word or (f.start, f.end)
            text = a.article.text[ws:we]
            w = stem(text)
            share = sum(1 for b in others if counts[b.id].get(w, 0)) / len(others)
            zw = z.get(w, 0.0)
            if share >= settings.topic_share_min and zw < settings.distinctive_z_min:
                dropped.append((f.start, f.end))
                topic[a.id].append({"word": text, "start": ws, "end": we, "share": round(share, 2),
                                    "z": round(zw, 2),
                                    "reason": f"used by {share:.0%} of the other articles and not distinctive "
                                              f"(log-odds z={zw:.2f}): the story's topic, not framing"
                                              + (f" (the loaded word of “{f.text}”)" if f.word else "")})
        kept = [f for f in a.framing if not (
            ((f.cue == "loaded" or f.word is not None) and (f.start, f.end) in dropped)
            or (f.cue in ("evaluative", "epithet") and f.word is None
                and any(f.start <= s < f.end for s, _ in dropped)))]
        out.append(replace(a, framing=tuple(merge_phrase_cues(_one_cue_per_word(a, kept), a.article.text))))
    return out, topic



def framing_acts(framing: Sequence[FramingCue]) -> list[FramingCue]:
    """The cues that are framing claims a reader is shown and counted, each once with its span: not the words the
    cue classifier set aside, not sentence scores (``NOT_FRAMING``), not neutral verbs of saying."""
    return [f for f in framing if f.cue not in NOT_FRAMING and f.end > f.start
            and not (f.cue == "attribution_verb" and f.grade == "neutral") and not spoken(f)]


def spoken(f: FramingCue) -> bool:
    """A word cue (hedge, loaded word, its phrase) in words the outlet reports someone saying: the speaker's
    framing, marked with its ``speaker``, not the outlet's (an attribution verb's ``speaker`` is whom it
    introduces: the verb is the outlet's)."""
    return f.speaker is not None and f.cue in ("hedge", "loaded", "evaluative", "epithet")


def summarise(analyzed: AnalyzedArticle) -> dict[str, Any]:
    """Counts per cue per 1,000 words, attribution verbs by grade, the notable cues, the names, epithets and
    descriptions it gives each actor (its naming cues and the naming stage's actor descriptions), and the voices
    it quotes. ``counts`` counts exactly the cues ``notable`` lists, each with its span: every framing act once
    (an evaluative phrase or epithet built on a loaded word is one cue; naming cues included); words the cue
    classifier set aside, sentence scores, neutral verbs of saying and a speaker's words the outlet reports
    (``spoken``) are no framing act of the outlet and are not counted (the set-aside words are listed apart,
    under ``set_aside``)."""
    words = max(len(analyzed.article.text.split()), 1)
    acts = framing_acts(analyzed.framing)
    counts = Counter(f.cue for f in acts)
    grades = Counter(f.grade for f in analyzed.framing if f.cue == "attribution_verb")
    notable = [f.to_dict() for f in acts]
    actors: dict[str, list[str]] = defaultdict(list)
    for f in analyzed.framing:
        if f.cue in ("epithet", "naming") and f.target and f.text not in actors[f.target]:
            actors[f.target].append(f.text)
    for n in analyzed.naming:  # how the article describes each actor in its own voice ("her friend, Choi Soon-sil")
        if n.kind == "actor" and n.anchors and n.text not in actors[n.anchors[0]] and _own_voice(analyzed, n.start):
            actors[n.anchors[0]].append(n.text)
    voices = Counter(q.speaker for q in analyzed.quotes if q.speaker and q.kind not in ("scare", "finding", "decision"))
    return {"counts": {k: round(v * 1000 / words, 2) for k, v in sorted(counts.items())},
            "raw_counts": dict(sorted(counts.items())), "words": words,
            "attribution": dict(sorted(grades.items())), "notable": notable,
            "actors": dict(sorted(actors.items())), "voices": dict(voices.most_common()),
            "set_aside": [f.to_dict() for f in analyzed.framing if f.cue == SET_ASIDE]}


def _place_key(analyzed: Sequence[AnalyzedArticle]) -> dict[str, str]:
    """Map a nationality to its country across the articles ("Ukrainian" → Ukraine) so anchors compare."""


    places = {e.id: e.name for a in analyzed for e in a.entities if e.type in ("GPE", "LOC")}
    out: dict[str, str] = {}
    for a in analyzed:
        for e in a.entities:
            out[e.id] = "name:" + slug(e.name)
            if e.type == "NORP":
                match = next((name for name in places.values() if nat_match(name, e.name)), None)
                if match:
                    out[e.id] = "name:" + slug(match)
    return out


def _names_directly(text: str, head: str) -> bool:
    """Whether a naming phrase puts its anchor on the head noun itself ("the Ukrainian conflict", "Russia's
    invasion", "the incident at the Calder Dam"), not on something further along ("the weakness of Mexico's
    justice system", "defiance of the Spanish courts")."""
    at = text.lower().find(head[:max(3, len(head) - 2)])
    before = text[:max(at, 0)].split()
    after = text[max(at, 0):].split()[1:3]  # "the incident at the Calder Dam", "the attack in Paris": a place
    return any(w[:1].isupper() for w in before[1:] or before if w.lower() not in ("the", "a", "an")) or (
        len(after) == 2 and after[0] in ("at", "in", "near", "on") and (after[1][:1].isupper() or after[1] == "the"))


@lru_cache(maxsize=65536)
def _negative_noun(lemma: str) -> str | None:
    emotions = nrc().get(lemma, [])
    hits = [e for e in ("anger", "sadness") if e in emotions]
    if hits:
        return f"NRC: {', '.join(hits)}"
    v = vader().get(lemma)
    if v is not None and v <= -1.5:
        return f"VADER {v:+.1f}"
    return None


def naming_contrasts(analyzed: Sequence[AnalyzedArticle], settings: Settings = DEFAULT) -> list[dict[str, Any]]:
    """Pairs of phrases in different articles that name one event or situation with different nouns,
    at least one of them charged ("disaster" / "incident", "invasion" / "conflict")."""

    place_key = _place_key(analyzed)
    cands: list[dict[str, Any]] = [{"article": a.id, "head": n.head, "start": n.start, "end": n.end, "text": n.text,
              "anchors": sorted({place_key.get(x, x) for x in n.anchors})} for a in analyzed for n in a.naming
              if n.kind in ("event", "actor") and _names_directly(n.text, n.head) and not any(  # the outlet's own naming, not a quoted speaker's
                  _their_words(q) and q.start <= n.start < q.end for q in a.quotes)]
    heads = sorted({c["head"] for c in cands})
    if len(heads) < 2:
        return []
    vecs = dict(zip(heads, nlp.embed(heads, settings.encoder), strict=True))
    known = {a.id: {place_key.get(e.id, e.id) for e in a.entities} for a in analyzed}
    words = {a.id: _counts(a, own_voice=True) for a in analyzed}
    people = people_nouns()
    best: dict[tuple[str, str], tuple[float, dict[str, Any]]] = {}  # one contrast per pair of articles: the closest
    for i, x in enumerate(cands):
        for y in cands[i + 1:]:
            if x["article"] == y["article"] or stem(x["head"]) == stem(y["head"]) or people & {x["head"], y["head"]}:
                continue
            # a naming choice only when each article keeps to its own word: an article that also uses the
            # other's head noun names something else with its own (the court and the government, not one thing)
            if words[y["article"]].get(stem(x["head"])) or words[x["article"]].get(stem(y["head"])):
                continue
            charged = _negative_noun(x["head"]) or _negative_noun(y["head"])
            if charged is None:
                continue
            shared = set(x["anchors"]) & set(y["anchors"])
            cross = set(x["anchors"]) <= known[y["article"]] and set(y["anchors"]) <= known[x["article"]]
            both_charged = _negative_noun(x["head"]) and _negative_noun(y["head"])
            if not shared and not (cross and both_charged):
                continue
            sim = float(vecs[x["head"]] @ vecs[y["head"]])
            if sim < settings.naming_min:
                continue
            pair = (x["article"], y["article"])
            if pair in best and best[pair][0] >= sim:
                continue
            about = ", ".join(sorted(shared or set(x["anchors"]) | set(y["anchors"])))
            best[pair] = (sim, {"articles": [x["article"], y["article"]], "texts": [x["text"], y["text"]],
                                "spans": [[x["start"], x["end"]], [y["start"], y["end"]]],
                                "heads": [x["head"], y["head"]], "similarity": round(sim, 3),
                                "reason": f"both about {about}; “{x['head']}” vs “{y['head']}” (head-noun similarity "
                                          f"{sim:.2f}; charged word: {charged}); neither article uses the other's "
                                          f"word in its own voice"})
    return [c for _, c in best.values()]


def framing_summary(analyzed: Sequence[AnalyzedArticle], topic: dict[str, list[dict[str, Any]]] | None = None,
                    settings: Settings = DEFAULT) -> dict[str, dict[str, Any]]:
    distinct = distinctive_words(analyzed, settings) if len(analyzed) > 1 else {}
    out = {}
    for a in analyzed:
        summary = summarise(a)
        summary["distinctive"] = distinct.get(a.id, [])
        summary["topic"] = (topic or {}).get(a.id, [])
        out[a.id] = summary
    return out


def _their_words(q: Quote) -> bool:
    """A quotation, or a speaker's words set off by a colon without quote marks ("X wrote in a post:" + a
    paragraph; ``stages/quotes.colon_blocks``): someone's words, not the outlet's."""
    return q.kind in ("direct", "partial") or (q.kind == "reported" and q.rule.startswith("colon_block"))


def _own_voice(a: AnalyzedArticle, start: int) -> bool:
    return not any(_their_words(q) and q.start <= start < q.end for q in a.quotes)


def _feeling(word: str, settings: Settings = DEFAULT) -> str | None:
    """Why an adjective puts a feeling or stance on a group of people ("excited protesters", "angry mob"): its
    VADER valence at least ``naming_feeling_min`` in size; None for a participle of action ("supporting
    groups") and for a negative past participle, which may be a harm done to them ("injured people", a fact of
    the story)."""
    low = word.lower()
    v = vader().get(low)
    if v is None or abs(v) < settings.naming_feeling_min or low.endswith("ing") or (low.endswith("ed") and v < 0):
        return None
    return f"VADER {v:+.1f}"


def naming_choices(analyzed: Sequence[AnalyzedArticle], settings: Settings = DEFAULT) -> list[dict[str, Any]]:
    """The words an article puts on a referent the other articles share, where they do not: a description of a
    named actor ("Tehran's archfoe Israel", "Netanyahu, a consistent opponent of a deal") or a modifier of the
    story's event ("an illegal referendum" where the others say "the independence referendum"). A word counts
    when the word-level bias tagger gives it at least ``naming_word_min`` on its own and fewer than
    ``topic_share_min`` of the other articles that name the referent use it in their own voice. Each choice
    lists how those articles name the referent instead."""
    if len(analyzed) < 2:
        return []
    words = {a.id: _counts(a, own_voice=True) for a in analyzed}
    labels = {a.id: a.article.label for a in analyzed}
    names = {e.id: e.name for a in analyzed for e in a.entities}
    mentions = {a.id: {e.id for e in a.entities} for a in analyzed}
    # the words of each actor's titles, as the articles give them ("Chief Executive", "prosecuting attorney")
    titles = {(a.id, e.id): {w.lower() for r in e.roles for w in r.split()} for a in analyzed for e in a.entities}
    phrases: dict[str, list[tuple[AnalyzedArticle, Any]]] = defaultdict(list)  # referent → (article, phrase)
    for a in analyzed:
        for n in a.naming:
            if n.kind in ("record", "personal") or not _own_voice(a, n.start):
                continue
            key = f"actor:{n.anchors[0]}" if n.kind == "actor" and n.anchors else f"{n.kind}:{stem(n.head)}"
            phrases[key].append((a, n))
    out: list[dict[str, Any]] = []
    for key, group in phrases.items():
        kind, _, ref = key.partition(":")
        for a, n in group:
            if n.word is None or n.score is None:
                continue
            # the tagger's probability in the word's sentence, where the framing stage judged it (a loaded word,
            # or one the topic gate set aside), else the word's own
            in_context = [f.score for f in a.framing if (f.cue in ("loaded", SET_ASIDE) or f.word) and f.score is not None
                          and n.start <= (f.word or (f.start, 0))[0] < n.end
                          and a.article.text[slice(*(f.word or (f.start, f.end)))] == n.word]
            score = max([n.score, *in_context])
            meaning = evaluative_logit(n.word.lower())
            # a feeling put on people: a group named with a common noun, or a nationality or group named by its
            # name ("cheerful Norwegians")
            feeling = _feeling(n.word) if kind == "group" or ref.startswith("group:") else None
            if feeling is None and (meaning < settings.naming_evaluative_floor or (
                    score < settings.naming_word_min and (score < settings.naming_word_low
                                                          or meaning < settings.naming_evaluative_min))):
                continue
            if kind == "actor":
                others = [b for b in analyzed if b.id != a.id and ref in mentions[b.id]]
                about = names.get(ref, ref)
            else:  # the event or group: the other articles that use the head noun in their own voice
                others = [b for b in analyzed if b.id != a.id and words[b.id].get(stem(n.head))]
                about = f"the {n.head}" if kind == "event" else f"the {n.text.split()[-1]}"
            alone = not others
            if kind == "actor" and n.word.lower() in titles.get((a.id, ref), set()) and vader().get(n.word.lower()) is None:
                continue  # a word of the actor's title ("chief executive"), no sentiment: who they are, not a choice
            if alone and kind == "actor" and stem(n.word) == stem(n.head) and n.text.lower().endswith(n.word.lower()):
                continue  # the role of someone no other article names ("Luis Muñoz, a volunteer rescuer"): who, not how
            if alone:  # the only article that names it: its word against all the others'
                others = [b for b in analyzed if b.id != a.id]
            share = sum(1 for b in others if words[b.id].get(stem(n.word))) / len(others)
            if share >= settings.topic_share_min:
                continue
            theirs = []
            for b in others if not alone else ():
                said = sorted({(m.text, m.start, m.end) for c, m in group if c.id == b.id}, key=lambda m: len(m[0]))[:2]
                theirs.append(f"{labels[b.id]}: " + ("; ".join(f"“{t}” ({s}–{e})" for t, s, e in said) if said else
                                                    "by name only" if kind == "actor" else f"“{n.head}”"))
            how = ("in its sentence" if score > n.score else "the word alone") + (
                f"; evaluative-word model logit {meaning:+.2f}" if score < settings.naming_word_min else "") + (
                f"; a feeling put on the group: {feeling}" if feeling else "")
            out.append({"article": a.id, "start": n.start, "end": n.end, "text": n.text, "word": n.word,
                        "score": score, "target": ref if kind == "actor" else None,
                        "reason": f"names {about} “{n.text}”: “{n.word}” (word-level bias tagger p={score:.2f}, "
                                  f"{how}) is used by {share:.0%} of the other {len(others)} articles "
                                  + (f"that name it; they say {' · '.join(theirs)}" if not alone else
                                     "(none of them names it)")})
    return out


def _demonstrative(n: NamingPhrase) -> bool:
    return n.text.split(maxsplit=1)[0].lower() in ("this", "that")


def charged_heads(analyzed: Sequence[AnalyzedArticle], settings: Settings = DEFAULT) -> list[dict[str, Any]]:
    """Things an article names with a noun that is itself the choice, where the other articles do not use that
    noun: a named actor's act or quality ("intimidation by the Spanish state", "the bravery of the Catalan people";
    the noun must also carry a feeling, VADER valence at least ``naming_feeling_min`` in size), or a
    definite or demonstrative phrase with no name that labels what the story has told, its head used there for the
    first time ("the crackdown", "this plebiscite"). The head counts when the evaluative-word model's logit for it
    is at least ``naming_head_evaluative_min``, or, in a demonstrative label ("this plebiscite"), when the
    word-level bias tagger gives it at least ``naming_word_low`` and it is no plain description (logit at least
    ``naming_evaluative_floor``); and when fewer than ``topic_share_min`` of the other articles use the noun in
    their own voice. A choice needs the other wording for the same referent: for a phrase with a name, another
    article's own phrase on the same name (listed); for a label, another article's own sentence that tells the
    same thing (sentence cosine at least ``naming_label_twin_min``: the labelled thing is the story's, which that
    outlet words otherwise), quoted."""
    found = _head_candidates(analyzed, settings)
    if not found:
        return []
    labels = {a.id: a.article.label for a in analyzed}
    place_key = _place_key(analyzed)
    # every sentence (one that ends in a quotation tells the story too: "X said the crackdown had been “…”")
    sentences = {a.id: [(s.start, s.end, a.article.text[s.start:s.end]) for s in a.sentences] for a in analyzed}
    vec: dict[str, Any] = {}
    if any(n.kind == "label" for _, n, _, _ in found):
        texts = sorted({t for v in sentences.values() for _, _, t in v})
        vec = dict(zip(texts, nlp.embed(texts, settings.encoder), strict=True)) if texts else {}
    out: list[dict[str, Any]] = []
    for a, n, meaning, share in found:
        others = [b for b in analyzed if b.id != a.id]
        alt = (_named_alternatives(n, others, labels, place_key) if n.kind == "event" else
               _label_twins(a, n, others, labels, sentences, vec, settings))
        if alt is None:
            continue
        how = (f"evaluative-word model logit {meaning:+.2f}" if meaning >= settings.naming_head_evaluative_min else
               f"word-level bias tagger p={n.score:.2f}, evaluative-word model logit {meaning:+.2f}") + (
            f", VADER {vader()[n.head]:+.1f}" if n.kind == "event" else "")
        what = "labels what the story told" if n.kind == "label" else "names it"
        out.append({"article": a.id, "start": n.start, "end": n.end, "text": n.text, "word": n.head,
                    "score": n.score, "reason": f"{what} “{n.text}”: the noun “{n.head}” ({how}) is used by "
                                                f"{share:.0%} of the other {len(others)} articles" + alt})
    return out


def _head_candidates(analyzed: Sequence[AnalyzedArticle],
                     settings: Settings) -> list[tuple[AnalyzedArticle, NamingPhrase, float, float]]:
    """(article, phrase, the head's evaluative logit, share of the other articles using the head) for
    :func:`charged_heads`, before the other wording is looked for."""
    if len(analyzed) < 2:
        return []
    words = {a.id: _counts(a, own_voice=True) for a in analyzed}
    found: list[tuple[AnalyzedArticle, NamingPhrase, float, float]] = []
    for a in analyzed:
        others = [b for b in analyzed if b.id != a.id]
        for n in a.naming:
            if n.kind not in ("event", "label") or not _own_voice(a, n.start) or not _own_voice(a, n.end - 1):
                continue  # a phrase running into a quotation ("the “police brutality …”") is partly a speaker's
            meaning = evaluative_logit(n.head)
            p = n.score if n.kind == "label" and n.score is not None else 0.0
            if meaning < settings.naming_head_evaluative_min and not (
                    _demonstrative(n) and p >= settings.naming_word_low and meaning >= settings.naming_evaluative_floor):
                continue
            valence = vader().get(n.head)
            if n.kind == "event" and (valence is None or abs(valence) < settings.naming_feeling_min):
                continue  # a noun for a named thing without a feeling in it ("an effigy of Park", "an AARP
                # spokeswoman", "Microsoft's tactic"): the evaluative-word model alone over-reads such nouns
            share = sum(1 for b in others if words[b.id].get(stem(n.head))) / len(others)
            if share < settings.topic_share_min:
                found.append((a, n, meaning, share))
    return found


def _named_alternatives(n: NamingPhrase, others: Sequence[AnalyzedArticle], labels: dict[str, str],
                        place_key: dict[str, str]) -> str | None:
    """The other articles' own phrases on a name of ``n`` (two each, shortest first), or None where none names it."""
    mine = {place_key.get(x, x) for x in n.anchors}
    theirs = []
    for b in others:
        said = sorted({m.text for m in b.naming if m.kind in ("event", "actor") and _own_voice(b, m.start)
                       and mine & {place_key.get(x, x) for x in m.anchors}}, key=len)[:2]
        if said:
            theirs.append(f"{labels[b.id]}: " + "; ".join(f"“{t}”" for t in said))
    return ("; the other articles' phrases on the same name: " + " · ".join(theirs)) if theirs else None


def _label_twins(a: AnalyzedArticle, n: NamingPhrase, others: Sequence[AnalyzedArticle], labels: dict[str, str],
                 sentences: dict[str, list[tuple[int, int, str]]], vec: dict[str, Any],
                 settings: Settings) -> str | None:
    """The other articles' sentences (two) that tell what the label's sentence tells without its noun (sentence
    cosine at least ``naming_label_twin_min``), quoted; None where there is none."""
    own = next((t for s0, s1, t in sentences[a.id] if s0 <= n.start < s1), None)
    if own is None:
        return None
    twins = sorted(((float(vec[own] @ vec[t]), labels[b.id], t) for b in others for _, _, t in sentences[b.id]
                    if stem(n.head) not in {stem(w) for w in re.findall(r"[a-z]+", t.lower())}), reverse=True)
    twins = [x for x in twins if x[0] >= settings.naming_label_twin_min][:2]
    if not twins:
        return None  # nothing another outlet tells alike: what it labels is not shown to be the story's
    return "; " + " · ".join(f"{who} tells the same otherwise (sentence cosine {v:.2f}): “{_clip(t)}”"
                             for v, who, t in twins)


def _clip(text: str, size: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 1].rsplit(" ", 1)[0] + " …"


def _stretch_nouns(doc: Any, start: int, end: int, other: set[str]) -> "Phrases":
    """The nouns among tokens ``start``..``end`` of ``doc`` that the ``other`` sentence does not use, each with its
    modifiers the other sentence does not use either (adjectives, participles, nouns before it, "long-term"):
    (first char, last char, text, head token index, whether it has such a modifier)."""
    out = []
    for t in doc[start:end]:
        if t.pos_ != "NOUN" or not t.is_alpha or t.lemma_.lower() in other or (
                t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN")):  # "term" of "long-term curbs": a modifier
            continue
        mods = [c for c in t.children if c.dep_ in ("amod", "compound") and c.i < t.i and c.pos_ in ("ADJ", "NOUN", "VERB")
                and c.lemma_.lower() not in other and c.is_alpha]
        first = doc[min(m.left_edge.i for m in mods)] if mods else t
        out.append((first.idx, t.idx + len(t), doc.text[first.idx:t.idx + len(t)], t.i, bool(mods)))
    return out


def _word_vectors(doc: Any) -> dict[int, Any]:
    """token index → MiniLM's contextual vector of the word in its sentence (``nlp.token_vectors``: the mean of its
    word pieces, unit length), for the tokens the word pieces spell out in order."""
    import unicodedata

    import numpy as np

    pieces, vectors = nlp.token_vectors([doc.text])[0]
    words, groups = nlp.piece_words(pieces)
    out: dict[int, Any] = {}
    at = 0
    for t in doc:
        low = "".join(ch for ch in unicodedata.normalize("NFD", t.lower_) if not unicodedata.combining(ch))
        j = next((j for j in range(at, min(at + 6, len(words))) if words[j] == low), None)
        if j is None:
            continue
        v = vectors[groups[j]].mean(axis=0)
        out[t.i] = v / max(float(np.linalg.norm(v)), 1e-12)
        at = j + 1
    return out


def _bigrams(text: str) -> set[tuple[str, str]]:
    """The sentence's pairs of neighbouring words, lower-cased, leaving out pairs of two stop words ("of the")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = re.findall(r"\w+", text.lower())
    return {(x, y) for x, y in zip(words, words[1:], strict=False) if x not in STOP_WORDS or y not in STOP_WORDS}


def _twins(g: set[tuple[str, str]], h: set[tuple[str, str]]) -> bool:
    """Whether two sentences' word pairs overlap enough to be one sentence reworded (``_reworded_pairs``' filter)."""
    shared = len(g & h)
    return shared >= 3 and shared >= 0.25 * min(len(g), len(h))


def _reworded_pairs(analyzed: Sequence[AnalyzedArticle], settings: Settings, gate: bool = True) -> list[tuple[Any, ...]]:
    """(article, sentence start, sentence, other article, its start, its sentence, cosine) for each pair of own-voice
    sentences of two articles at least ``naming_reworded_min`` alike and not identical that can give a pair of
    namings (``gate``: ``_stretches`` finds a stretch where each side has a noun with a modifier of its own, checked
    on the parse before anything is encoded, unless every vector is kept already; ``gate=False`` encodes every pair
    that passes the word-pair filter, the reference the tests hold the gate to)."""
    sents = {a.id: [(s.start, a.article.text[s.start:s.end]) for s in a.sentences
                    if len(a.article.text[s.start:s.end].split()) >= 6 and _own_voice(a, s.start)
                    and _own_voice(a, s.end - 1)] for a in analyzed}
    # a sentence said again reworded shares runs of words with its twin: only sentences sharing at least 3 word pairs,
    # and a quarter of the shorter one's, with a sentence of another article that is not word for word the same (a wire
    # copy's sentence is never a rewording) are kept (a cheap filter, not a
    # decision: on news-dev's six non-reserved events every pair at cosine >= 0.9 shares 4 or more, 0.4 or more)
    grams = {a.id: [_bigrams(t) for _, t in sents[a.id]] for a in analyzed}
    texts = sorted({t for a in analyzed for (_, t), g in zip(sents[a.id], grams[a.id], strict=True)
                    if any(g != h and _twins(g, h) for b in analyzed if b.id != a.id for h in grams[b.id])})
    if len(analyzed) < 2 or not texts:
        return []
    encodable = set(texts)
    kept = {a.id: [(start, t) for start, t in sents[a.id] if t in encodable] for a in analyzed}
    if gate and len(nlp.kept_vectors(texts, settings.encoder)) < len(texts):
        # (where every vector is kept already — an analysis that encoded its sentences, a comparison run before — the
        # cosines cost nothing and the parse is not spent)
        # the naming pairs need, in one stretch between shared runs, a noun each side alone uses with a modifier of its
        # own (``_stretches``): an exact test on the parse (the one ``reworded_namings`` reads), so a sentence is
        # encoded only where a pair could come of it (a templated batch's sentences differ in names and verbs, not in
        # modified nouns). First each sentence's nouns with modifiers, whatever the other sentence, then per pair the
        # lemma sets, and ``_stretches`` itself on what is left.
        docs = dict(zip(texts, nlp.parse_cached(texts, disable=("ner",)), strict=True))
        lemmas = {t: {w.lemma_.lower() for w in docs[t]} for t in texts}
        nouns = {t: _modified_nouns(docs[t]) for t in texts}
        kept = {aid: [(start, t) for start, t in ts if nouns[t]] for aid, ts in kept.items()}

        def may(ta: str, tb: str) -> bool:
            return (_own_noun(nouns[ta], lemmas[tb]) and _own_noun(nouns[tb], lemmas[ta])
                    and bool(_stretches(docs[ta], docs[tb])))
    else:
        def may(ta: str, tb: str) -> bool:
            return True
    candidates = [(a, sa, ta, b, sb, tb) for i, a in enumerate(analyzed) for b in analyzed[i + 1:]
                  for sa, ta in kept[a.id] for sb, tb in kept[b.id] if ta != tb and may(ta, tb)]
    if not candidates:
        return []
    vec = dict(zip(todo := sorted({t for c in candidates for t in (c[2], c[5])}), nlp.embed(todo, settings.encoder),
                   strict=True))
    return [(a, sa, ta, b, sb, tb, sim) for a, sa, ta, b, sb, tb in candidates
            if (sim := float(vec[ta] @ vec[tb])) >= settings.naming_reworded_min]


def _modified_nouns(doc: Any) -> list[tuple[str, frozenset[str]]]:
    """The nouns ``_stretch_nouns`` can find with a modifier of their own, whatever the other sentence: (lemma, the
    lemmas of its modifiers)."""
    out = []
    for t in doc:
        if t.pos_ != "NOUN" or not t.is_alpha or (t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN")):
            continue
        mods = frozenset(c.lemma_.lower() for c in t.children if c.dep_ in ("amod", "compound") and c.i < t.i
                         and c.pos_ in ("ADJ", "NOUN", "VERB") and c.is_alpha)
        if mods:
            out.append((t.lemma_.lower(), mods))
    return out


def _own_noun(nouns: list[tuple[str, frozenset[str]]], other: set[str]) -> bool:
    """Whether one of a sentence's modified nouns (``_modified_nouns``) and one of its modifiers are words the
    ``other`` sentence's lemmas lack: what ``_stretch_nouns`` needs to give a noun a modifier of its own."""
    return any(noun not in other and not mods <= other for noun, mods in nouns)


Phrases = list[tuple[int, int, str, int, bool]]


def _stretches(da: Any, db: Any) -> list[tuple[Phrases, Phrases]]:
    """The nouns of each side only it uses (``_stretch_nouns``), per stretch between anchors (runs of at least two words both
    sentences share): "a lasting ban on" / "'s … becoming subject to a brief pause", one word shared between them, is
    one stretch; a title before "pleaded guilty" and a court after it are two."""
    import difflib

    la, lb = [t.lemma_.lower() for t in da], [t.lemma_.lower() for t in db]
    out: list[tuple[Phrases, Phrases]] = [([], [])]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=la, b=lb, autojunk=False).get_opcodes():
        if op == "equal":
            if i2 - i1 >= 2:
                out.append(([], []))
            continue
        out[-1][0].extend(_stretch_nouns(da, i1, i2, set(lb)))
        out[-1][1].extend(_stretch_nouns(db, j1, j2, set(la)))
    return [(xs, ys) for xs, ys in out if any(x[4] for x in xs) and any(y[4] for y in ys)]


def reworded_namings(analyzed: Sequence[AnalyzedArticle], settings: Settings = DEFAULT) -> list[dict[str, Any]]:
    """Noun phrases two outlets word differently in the same sentence: a sentence of one article that another
    article's sentence says again reworded (sentence cosine at least ``naming_reworded_min``; identical sentences,
    wire copies, never), both in the outlet's own voice. The words are aligned (difflib over lemmas); in each
    stretch between shared runs of two or more words, the nouns only one side uses are paired by MiniLM's contextual
    vectors of the nouns in their sentences (each the other's best match among the stretch's nouns, cosine at least
    ``naming_reworded_phrase_min``); a pair where both nouns carry modifiers of their own is a naming choice of
    each: "a lasting ban" / "a brief pause" (a noun whose best match is a bare noun, "one fraud count" /
    "charges", is no pair of namings). Each
    phrase is a naming choice of its article, with the other's wording as the alternative."""
    import numpy as np

    pairs = _reworded_pairs(analyzed, settings)
    if not pairs:
        return []
    texts = sorted({t for p in pairs for t in (p[2], p[5])})
    docs = dict(zip(texts, nlp.parse_cached(texts, disable=("ner",)), strict=True))
    out: list[dict[str, Any]] = []
    for a, sa, ta, b, sb, tb, sim in pairs:
        va, vb = _word_vectors(docs[ta]), _word_vectors(docs[tb])
        for xs, ys in _stretches(docs[ta], docs[tb]):
            xs, ys = [x for x in xs if x[3] in va], [y for y in ys if y[3] in vb]
            if not xs or not ys:
                continue
            m = np.stack([va[x[3]] for x in xs]) @ np.stack([vb[y[3]] for y in ys]).T
            for k, x in enumerate(xs):
                j = int(m[k].argmax())
                y = ys[j]
                if int(m[:, j].argmax()) != k or m[k, j] < settings.naming_reworded_phrase_min or not (x[4] and y[4]):
                    continue  # each the other's best match, and both named with words of their own
                for art, start, mine, other, theirs in ((a, sa, x, b, y), (b, sb, y, a, x)):
                    out.append({"article": art.id, "start": start + mine[0], "end": start + mine[1], "text": mine[2],
                                "reason": f"words it “{mine[2]}” where {other.article.label} words the same sentence "
                                          f"(sentence cosine {sim:.2f}) “{theirs[2]}” (head nouns' cosine in their "
                                          f"sentences {m[k, j]:.2f}): the same thing named differently"})
    return out


def record_framing(analyzed: Sequence[AnalyzedArticle], settings: Settings = DEFAULT) -> list[dict[str, Any]]:
    """Superlatives an article sets in history ("Mexico's biggest quake in a century", "the biggest demonstration
    in years"), where fewer than ``topic_share_min`` of the other articles rank the same thing so (a record all
    the outlets report is the story's news, not one outlet's framing)."""
    out: list[dict[str, Any]] = []
    records = {a.id: [n for n in a.naming if n.kind == "record" and _own_voice(a, n.start)] for a in analyzed}
    for a in analyzed:
        others = [b for b in analyzed if b.id != a.id]
        for n in records[a.id]:
            same = [b for b in others if any(stem(m.head) == stem(n.head) for m in records[b.id])]
            share = len(same) / len(others) if others else 0.0
            if others and share >= settings.topic_share_min:
                continue
            out.append({"article": a.id, "start": n.start, "end": n.end, "text": n.text, "score": n.score,
                        "reason": f"ranks the {n.head} in history: the superlative “{n.word}” with a span of time "
                                  f"(“{n.text}”); " + (f"{len(same)} of the other {len(others)} articles rank a {n.head} so"
                                                      if others else "no other article to compare with")})
    return out


def personalisations(analyzed: Sequence[AnalyzedArticle], settings: Settings = DEFAULT) -> list[dict[str, Any]]:
    """Institutions an article names as a person's ("Zuckerberg's Facebook") where fewer than
    ``topic_share_min`` of the other articles that name the institution do so."""
    out: list[dict[str, Any]] = []
    mentions = {a.id: {e.id for e in a.entities} for a in analyzed}
    owned = {a.id: {n.anchors[0] for n in a.naming if n.kind == "personal" and n.anchors} for a in analyzed}
    labels = {a.id: a.article.label for a in analyzed}
    for a in analyzed:
        for n in a.naming:
            if n.kind != "personal" or not n.anchors or not _own_voice(a, n.start):
                continue
            ref = n.anchors[0]
            others = [b for b in analyzed if b.id != a.id and ref in mentions[b.id]]
            same = [b for b in others if ref in owned[b.id]]
            if not others or len(same) / len(others) >= settings.topic_share_min:
                continue
            name = n.text[len(n.word):].lstrip("’'s ").strip() if n.word else n.head
            out.append({"article": a.id, "start": n.start, "end": n.end, "text": n.text,
                        "reason": f"names {name} as {n.word}’s (“{n.text}”): an institution personalised; "
                                  f"{len(same)} of the other {len(others)} articles that name it do so "
                                  f"({', '.join(labels[b.id] for b in others[:4])})"})
    return out


def add_naming_cues(analyzed: Sequence[AnalyzedArticle], settings: Settings = DEFAULT) -> list[AnalyzedArticle]:
    """Naming choices need the other articles: each phrase that names a referent differently from
    another article becomes a ``naming`` cue in its article's framing, with the contrast as reason; so does
    each charged word an article alone puts on a shared referent (``naming_choices``)."""
    contrasts = naming_contrasts(analyzed, settings)
    labels = {a.id: a.article.label for a in analyzed}
    reasons: dict[tuple[str, int, int, str], list[str]] = defaultdict(list)
    for c in contrasts:
        for k in (0, 1):
            aid, other = c["articles"][k], c["articles"][1 - k]
            start, end = c["spans"][k]
            reasons[(aid, start, end, c["texts"][k])].append(
                f"{labels[other]} says “{c['texts'][1 - k]}” ({c['reason']})")
    extra: dict[str, list[FramingCue]] = defaultdict(list)
    for (aid, start, end, text), why in reasons.items():
        extra[aid].append(FramingCue(start=start, end=end, text=text, cue="naming",
                                     reason=f"names it “{text}” where " + "; ".join(why), target=None))
    for c in naming_choices(analyzed, settings):
        if not any(f.start == c["start"] for f in extra[c["article"]]):
            extra[c["article"]].append(FramingCue(start=c["start"], end=c["end"], text=c["text"], cue="naming",
                                                  reason=c["reason"], target=c["target"], score=c["score"]))
    for c in charged_heads(analyzed, settings):
        if not any(f.start == c["start"] for f in extra[c["article"]]):
            extra[c["article"]].append(FramingCue(start=c["start"], end=c["end"], text=c["text"], cue="naming",
                                                  reason=c["reason"], score=c["score"]))
    for c in reworded_namings(analyzed, settings):
        if not any(f.start == c["start"] for f in extra[c["article"]]):
            extra[c["article"]].append(FramingCue(start=c["start"], end=c["end"], text=c["text"], cue="naming",
                                                  reason=c["reason"]))
    for c in personalisations(analyzed, settings):
        if not any(f.start == c["start"] for f in extra[c["article"]]):
            extra[c["article"]].append(FramingCue(start=c["start"], end=c["end"], text=c["text"], cue="naming",
                                                  reason=c["reason"]))
    for c in record_framing(analyzed, settings):
        extra[c["article"]].append(FramingCue(start=c["start"], end=c["end"], text=c["text"], cue="evaluative",
                                              reason=c["reason"], score=c["score"]))
    out = []
    for a in analyzed:
        have = {(f.start, f.cue) for f in a.framing}
        new = [f for f in extra.get(a.id, []) if (f.start, f.cue) not in have]
        out.append(replace(a, framing=tuple(sorted(a.framing + tuple(new), key=lambda f: (f.start, f.cue)))))
    return out


def _one_cue_per_word(a: AnalyzedArticle, framing: list[FramingCue]) -> list[FramingCue]:
    """A naming cue or a superlative set in history (the comparison's cues) built over a loaded word the framing
    stage already gave a cue ("the country's most lethal earthquake in a generation" over "lethal earthquake") is
    the one cue of that act: it takes the word cue's place, with the word's span (``word``) and reason, so the word
    is counted once."""
    new = [f for f in framing if f.cue == "naming" or (f.cue == "evaluative" and f.word is None)]
    framing = [f for f in framing if f not in new]
    merged: list[FramingCue] = []
    for n in new:
        inside = [f for f in framing if (f.cue == "loaded" or f.word is not None) and f.speaker is None
                  and n.start <= (f.word or (f.start, f.end))[0] < n.end]
        if inside:
            w = inside[0]
            span = w.word or (w.start, w.end)
            n = replace(n, word=span, reason=f"{n.reason}; loaded word “{a.article.text[span[0]:span[1]]}”: "
                                              f"{w.reason}", score=n.score if n.score is not None else w.score)
            framing = [f for f in framing if f not in inside]
        merged.append(n)
    return sorted(framing + merged, key=lambda f: (f.start, f.cue))
