"""Candidate loaded words on BASIL training events, for hand labelling and for the cue classifier (issue 14).

``--dump PATH`` writes every word the framing stage could flag as loaded (the tagger at 0.7, as
scripts/train_cue_gate.py) in the BASIL training events (``train_bias_words.basil_split``; held-out events are
never dumped) with its context, to a file OUTSIDE the repository for a person to label. Labels live in
``scripts/data/cue_labels.json`` as (article, start, end, label) only — no article text.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from train_bias_words import BASIL, basil_split  # noqa: E402

from newsprism import nlp  # noqa: E402
from newsprism.settings import DEFAULT  # noqa: E402
from newsprism.stages.framing import (gate_features, is_loaded_candidate, loaded_verdict,  # noqa: E402
                                      sentence_bias_scores, word_counts)

LABELS = ROOT / "scripts" / "data" / "cue_labels.json"
DRAGNET = ROOT.parent / "shared" / "corpus" / "extraction" / "dragnet" / "GoldStandard"
# crime and disaster reports, where the wrong cues of news-dev are (vivid description): Dragnet gold main texts
# (news and blogs, 2010-2012; neither BASIL nor news-dev) of 300-1,500 words, the 30 with most lines naming police,
# fire, storms, crashes, shootings, floods, quakes, arrests, murders, victims or rescues; first ~2,500 characters
CRIME_WORDS = re.compile(r"police|killed|fire|storm|crash|shooting|flood|earthquake|arrested|murder|victim|rescue",
                         re.IGNORECASE)
N_DRAGNET, DRAGNET_CHARS = 30, 2500
# science, technology, business and sport reports (session 8: the wrong cues of news-dev's science events are literal
# description read as loaded — "dim", "faint", "habitable"): Dragnet gold main texts of 300-1,500 words ranked by
# the density of each topic's words, then read and kept when a news report or feature (not a press release, blog
# diary or game promotion); first ~2,500 characters, like the crime reports
TOPIC_DRAGNET = ("134", "R227", "R30", "149", "T173", "425",  # science, space, health studies
                 "R141", "R819", "R313", "R380", "R477", "T105",  # technology
                 "R374", "R174", "R143", "R710", "R119", "R202",  # business
                 "117", "T42", "R495", "R859", "R517",  # sport
                 "R48", "R226", "222", "T177", "R818", "302", "76", "524", "R459")  # more science, technology, health
# session 9 (sci10, a second labeller): more science, technology, health, business and environment reports, not in
# TOPIC_DRAGNET nor among the crime reports, picked the same way (ranked by the density of those topics' words, then
# read and kept when a news report, feature or comment piece of an outlet, not a press release, how-to, product
# promotion or blog diary); first ~2,500 characters
TOPIC_DRAGNET_2 = ("R345", "R458", "R457", "R346", "190", "191",  # health
                   "30", "T161", "R239", "332", "116",  # science
                   "R105", "R130", "R106", "T143", "R166", "50",  # environment and energy
                   "R373", "198", "R377", "501", "R36", "R375", "205", "145", "R144", "R709", "168", "R817",
                   "R146", "R588",  # technology
                   "R107", "R128", "95", "T72", "R129", "R580", "R145", "R167", "T94", "R169", "R771", "T25")  # business
# session 10 (label11, a second labeller; issue 14's review: most wrong cues are neutral physical description and
# science terms, and the positives of real slant must not be lost): Dragnet gold main texts of 300-1,500 words not in
# the groups above, whose first ~2,500 characters match SCIENCE_WORDS at >= 1.2% of their words and more than 1.5
# times POLITICS_WORDS (science pool; then, once it ran out, >= 0.6% and more than POLITICS_WORDS), or POLITICS_WORDS
# at >= 2% and more than twice SCIENCE_WORDS (politics pool); each pool shuffled with random.Random(11) and walked in
# that order, keeping the first 25 of each (then, a second batch, 13 and 3 more) that are a news report, feature,
# analysis or comment piece of an outlet (press releases, company or government announcements, job ads, how-tos,
# product promotions, personal diaries and letters, and a page already used skipped; ``science_politics_pools``
# lists the pools in that order); first ~2,500 characters, like the groups above
SCIENCE_WORDS = re.compile(r"\b(scien\w*|research\w*|stud(y|ies)|planet\w*|nasa|space|astronom\w*|physic\w*|species|climate|"
                           r"genes?|genetic\w*|cells?|patients?|disease|brain|telescope|galax\w*|star|fossil\w*|ocean|"
                           r"biolog\w*|chemi\w*|universe|particle|vaccine|virus|cancer|medical|health|energy|robot\w*|"
                           r"software|technolog\w*|engineer\w*|wildlife|animals?|ecolog\w*|evolution\w*)\b", re.IGNORECASE)
POLITICS_WORDS = re.compile(r"\b(obama|romney|republican\w*|democrat\w*|congress\w*|senat\w*|gop|election|campaign|vote\w*|"
                            r"voters?|president\w*|conservative\w*|liberal\w*|tea party|white house|parliament|minister|"
                            r"governor|policy|polic(y|ies)|tax(es)?|abortion|immigra\w*|gun|legislat\w*|partisan|political|"
                            r"politic\w*|government)\b", re.IGNORECASE)
TOPIC_DRAGNET_3 = ("R486", "R379", "R376", "R404", "244", "T166", "409", "R172", "R350", "T158", "R94", "R482", "R483",
                   "R193", "R775", "383", "R120", "R323", "R889", "35", "R349", "220", "R191", "100", "T23",  # science
                   "R352", "R581", "R523", "R366", "R92", "R565", "R368", "T62", "97", "T152", "R216", "88", "R694",
                   "R406", "R314", "R364", "R562", "R175", "R649", "R367", "R587", "T64", "R970", "T167", "R526",  # politics
                   # second batch, the same walk continued: the next 13 politics pages and 3 science pages kept
                   "R435", "R698", "R563", "R165", "R248", "R431", "T63", "R168", "T147", "R718", "R873", "R585", "T2",
                   "330", "R225", "R372")
CANDIDATES = DEFAULT.replace(bias_word_min=0.7)
# session 12 (frame15; issue 14's review: the wrong cues of the reserved science event are description of things and
# the subject's technical terms; the seeded Dragnet science pools above are used up: the five pages left in that walk
# are a blog diary, a car promotion, an event notice, a personal essay and a patient blog): page-signal's Google News
# pages (``extraction/page-signal``, the gold's marked elements), 300-1,500 words, whose first ~2,500 characters match
# SCIENCE_WORDS at >= 1.2% of their words and more than 1.5 times POLITICS_WORDS (``pagesignal_science_pool``, shuffled
# with random.Random(15), 22 pages), walked in that order keeping the first 10 science, space, health-research or
# technology news reports (skipped: two items on a celebrity biography, matched by "Scientology"; four copies of
# one press release; a film review; a hospital-abuse report, health policy rather than science); first ~2,500
# characters, like the Dragnet groups
PAGESIGNAL = ROOT.parent / "shared" / "corpus" / "extraction" / "page-signal" / "GoldStandard"
TOPIC_PAGESIGNAL_12 = ("bdc7803f-ac9f-44db-8250-8779e8c33d3e", "fbf01fe1-3317-49af-b820-1c0ea5e1acb7",
                       "5e69c0cd-7970-4888-a0a8-2cc4276b614b", "3f642f89-a583-4296-9bba-a94da2700c41",
                       "f535db06-a427-41ec-bc3a-e4efd8060314", "7c877f3c-cdb1-4be0-88ba-a665b798cd62",
                       "14b84dfd-8f2c-4a91-b493-18174ad4c7db", "8f167db5-c23b-4df6-be0f-99a9f700b9d6",
                       "fb6b0ed0-340e-4eaa-86fc-496c647c9c3b", "5b6ac14e-7c41-40c3-983f-206b44408f68")


# session 14 (frame17; issue 14's reviews: the wrong cues are neutral or colloquial description, technical terms of
# science coverage and a site's promo lines; the sensible ones hedges, naming, loaded attribution verbs and charged
# adjectives of opinion): two seeded pools of real text that is neither news-dev nor BASIL (no page naming a news-dev
# event: ``NEWS_DEV_EVENTS``). Page-signal's Google News pages of 300-1,500 words not in TOPIC_PAGESIGNAL_12 whose
# first ~2,500 characters match POLITICS_WORDS at under 1% of their words (science, technology, culture, sport,
# business and local reports; ``pagesignal_other_pool``, shuffled with random.Random(17)), the first
# ``N_PAGESIGNAL_17`` of that walk; and PolNeAR *train* articles (US political news of 7 publishers, 2015-2016,
# partisan sites among them; ``polnear_pool``, shuffled with random.Random(17)), the first ``N_POLNEAR_17``; first
# ~2,500 characters of each, like the groups above. Every candidate labelled (site chrome, promo lines and words
# inside quotations the stage did not skip labelled 0)
N_PAGESIGNAL_17, N_POLNEAR_17 = 45, 30
POLNEAR = ROOT.parent / "shared" / "corpus" / "polnear" / "train" / "text"
NEWS_DEV_EVENTS = re.compile(r"whatsapp|trappist|chapo|guzm[aá]n|iran\w* nuclear|nuclear deal|ultra-?cool dwarf|"
                             r"park geun|chiapas|puebla|catalan|catalonia|hong kong|extradition", re.IGNORECASE)


def articles(which: str = "train") -> list[tuple[str, str, str, list[tuple[int, int]], list[tuple[int, int]]]]:
    """(event, article id, text, lexical-bias spans in the outlet's voice, quoted stretches) of the BASIL
    training (or held-out) events."""
    from newsprism.evaluate import basil_annotated

    data = basil_annotated(BASIL)
    train, held, _ = basil_split([d[0] for d in data])
    keep = set(train if which == "train" else held)
    out = []
    for event, article, phrases in data:
        if event not in keep:
            continue
        text = article.text
        lex, skip = [], []
        for p in phrases:
            phrase = p["txt"].strip("“”\" ")
            pos = text.find(phrase) if p["bias"] == "lex" and phrase else -1
            if pos >= 0:
                (lex if p["quote"] == "no" else skip).append((pos, pos + len(phrase)))
        skip += [(m.start(), m.end()) for m in re.finditer(r"“[^”\n]*”|\"[^\"\n]*\"", text)]
        out.append((event, Path(article.source).stem, text, lex, skip))
    return out


def dragnet_articles() -> list[tuple[str, str, str, list[tuple[int, int]], list[tuple[int, int]]]]:
    """(group, article id, text, [], quoted stretches) of the Dragnet crime and disaster reports (``CRIME_WORDS``)."""
    import gzip

    scored = []
    for f in sorted(DRAGNET.glob("*.txt.gz")):
        text = gzip.open(f, "rt", encoding="utf-8", errors="replace").read().strip()
        words = len(text.split())
        if 300 < words < 1500:
            hits = sum(1 for line in text.splitlines() if CRIME_WORDS.search(line))
            scored.append((-hits, f.name, text))
    out = []
    seen: set[int] = set()
    for _, name, text in sorted(scored)[:N_DRAGNET + 5]:
        if hash(text[:300]) in seen or len(out) == N_DRAGNET:
            continue  # the same page twice
        seen.add(hash(text[:300]))
        cut = text.rfind("\n", 0, DRAGNET_CHARS)
        text = text[:cut if cut > 500 else DRAGNET_CHARS]
        aid = "dragnet-" + name.split(".")[0]
        skip = [(m.start(), m.end()) for m in re.finditer(r"“[^”\n]*”|\"[^\"\n]*\"", text)]
        out.append((aid, aid, text, [], skip))
    return out


def topic_articles(names: Sequence[str] = TOPIC_DRAGNET + TOPIC_DRAGNET_2 + TOPIC_DRAGNET_3
                   ) -> list[tuple[str, str, str, list[tuple[int, int]], list[tuple[int, int]]]]:
    """(article id, article id, text, [], quoted stretches) of the science, technology, business and sport
    reports (``TOPIC_DRAGNET``, session 8), the second labeller's (``TOPIC_DRAGNET_2``, session 9) and the
    science and politics pages of ``TOPIC_DRAGNET_3`` (session 10)."""
    import gzip

    out = []
    for name in names:
        text = gzip.open(DRAGNET / f"{name}.txt.gz", "rt", encoding="utf-8", errors="replace").read().strip()
        out.append(_report("dragnet-" + name, text))
    return out


def _report(aid: str, text: str) -> tuple[str, str, str, list[tuple[int, int]], list[tuple[int, int]]]:
    """(article id, article id, text cut at a line break before ``DRAGNET_CHARS``, [], quoted stretches): a report
    as the labelling reads it."""
    cut = text.rfind("\n", 0, DRAGNET_CHARS)
    text = text[:cut if cut > 500 else DRAGNET_CHARS]
    skip = [(m.start(), m.end()) for m in re.finditer(r"“[^”\n]*”|\"[^\"\n]*\"", text)]
    return aid, aid, text, [], skip


def pagesignal_text(name: str) -> str:
    """The main text of a page-signal page: its gold's elements marked ``x-nc-sel1``-``5``, one line each."""
    import gzip
    import html

    raw = gzip.open(PAGESIGNAL / f"{name}.txt.gz", "rt", encoding="utf-8", errors="replace").read()
    marked = re.findall(r"<(\w+)[^>]*x-nc-sel[1-9][^>]*>(.*?)</\1>", raw, re.S)
    text = "\n".join(html.unescape(re.sub(r"<[^>]+>", " ", m[1])).strip() for m in marked)
    return re.sub(r"[ \t]+", " ", text).strip()


def pagesignal_science_pool() -> list[str]:
    """The seeded pool ``TOPIC_PAGESIGNAL_12`` was read from (see the comment there)."""
    import random

    pool = []
    for f in sorted(PAGESIGNAL.glob("*.txt.gz")):
        name = f.name.split(".")[0]
        text = pagesignal_text(name)
        if not 300 < len(text.split()) < 1500:
            continue
        head = text[:DRAGNET_CHARS]
        sci, pol, words = len(SCIENCE_WORDS.findall(head)), len(POLITICS_WORDS.findall(head)), len(head.split())
        if sci / words >= 0.012 and sci > 1.5 * pol:
            pool.append(name)
    random.Random(15).shuffle(pool)
    return pool


def pagesignal_articles(names: Sequence[str] = TOPIC_PAGESIGNAL_12
                        ) -> list[tuple[str, str, str, list[tuple[int, int]], list[tuple[int, int]]]]:
    """(article id, article id, text, [], quoted stretches) of the page-signal science reports (session 12)."""
    return [_report("pagesignal-" + name, pagesignal_text(name)) for name in names]


def pagesignal_other_pool() -> list[str]:
    """Session 14's page-signal pool (see ``N_PAGESIGNAL_17``): pages of 300-1,500 words, not in
    TOPIC_PAGESIGNAL_12, naming no news-dev event, whose head is not political (POLITICS_WORDS under 1% of its words),
    shuffled with random.Random(17)."""
    import random

    pool = []
    for f in sorted(PAGESIGNAL.glob("*.txt.gz")):
        name = f.name.split(".")[0]
        if name in TOPIC_PAGESIGNAL_12:
            continue
        text = pagesignal_text(name)
        if not 300 < len(text.split()) < 1500:
            continue
        head = text[:DRAGNET_CHARS]
        if NEWS_DEV_EVENTS.search(head) or len(POLITICS_WORDS.findall(head)) >= 0.01 * len(head.split()):
            continue
        pool.append(name)
    random.Random(17).shuffle(pool)
    return pool


def polnear_pool() -> list[str]:
    """Session 14's PolNeAR pool (see ``N_POLNEAR_17``): PolNeAR train articles of 300-1,500 words naming no
    news-dev event, shuffled with random.Random(17)."""
    import random

    pool = []
    for f in sorted(POLNEAR.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        if 300 < len(text.split()) < 1500 and not NEWS_DEV_EVENTS.search(text[:DRAGNET_CHARS]):
            pool.append(f.stem)
    random.Random(17).shuffle(pool)
    return pool


def session14_articles() -> list[tuple[str, str, str, list[tuple[int, int]], list[tuple[int, int]]]]:
    """(article id, article id, text, [], quoted stretches) of session 14's pools: the first ``N_PAGESIGNAL_17``
    page-signal pages and the first ``N_POLNEAR_17`` PolNeAR train articles of their seeded walks."""
    out = [_report("pagesignal-" + n, pagesignal_text(n)) for n in pagesignal_other_pool()[:N_PAGESIGNAL_17]]
    return out + [_report("polnear-" + n, (POLNEAR / f"{n}.txt").read_text(encoding="utf-8"))
                  for n in polnear_pool()[:N_POLNEAR_17]]


def science_politics_pools() -> dict[str, list[str]]:
    """The seeded pools ``TOPIC_DRAGNET_3`` was read from, in the order they were walked: Dragnet gold main texts of
    300-1,500 words in no older group, ranked by neither but shuffled with random.Random(11) (see the comment there)."""
    import gzip
    import random

    used = set(TOPIC_DRAGNET) | set(TOPIC_DRAGNET_2) | {a[1].removeprefix("dragnet-") for a in dragnet_articles()}
    pools: dict[str, list[str]] = {"science": [], "politics": [], "science, looser": []}
    for f in sorted(DRAGNET.glob("*.txt.gz")):
        name = f.name.split(".")[0]
        text = gzip.open(f, "rt", encoding="utf-8", errors="replace").read().strip()
        if name in used or not 300 < len(text.split()) < 1500:
            continue
        head = text[:DRAGNET_CHARS]
        sci, pol, words = len(SCIENCE_WORDS.findall(head)), len(POLITICS_WORDS.findall(head)), len(head.split())
        if sci / words >= 0.012 and sci > 1.5 * pol:
            pools["science"].append(name)
        elif sci / words >= 0.006 and sci > pol:
            pools["science, looser"].append(name)
        if pol / words >= 0.02 and pol > 2 * sci:
            pools["politics"].append(name)
    for names in pools.values():
        random.Random(11).shuffle(names)
    return pools


def candidates(arts: Sequence[tuple[str, str, str, list[tuple[int, int]], list[tuple[int, int]]]]
               ) -> list[dict[str, Any]]:
    """One row per word the stage could flag as loaded, outside quotations: ids, offsets, the token (for
    features), the tagger probability, the sentence score and whether it lies in a BASIL lexical-bias span."""
    docs = nlp.parse([a[2] for a in arts], batch_size=16)
    out = []
    for (event, aid, _, lex, skip), doc in zip(arts, docs, strict=True):
        counts = word_counts(doc)
        sents = list(doc.sents)
        for sent, score in zip(sents, sentence_bias_scores([s.text for s in sents]), strict=True):
            for tok in sent:
                if not is_loaded_candidate(tok) or any(a <= tok.idx < b for a, b in skip):
                    continue
                found = loaded_verdict(tok, float(score), CANDIDATES)
                if found is None:
                    continue
                out.append({"event": event, "article": aid, "start": tok.idx, "end": tok.idx + len(tok),
                            "tok": tok, "p": found[0].probability, "sent": float(score), "counts": counts,
                            "gate": gate_features(tok, found[0].probability, counts),
                            "in_span": int(any(a <= tok.idx < b for a, b in lex))})
    return out


def main(argv: Sequence[str]) -> None:
    if "--dump" in argv:
        rows = candidates(session14_articles() if "--session14" in argv
                          else pagesignal_articles() if "--pagesignal12" in argv
                          else topic_articles(TOPIC_DRAGNET_3) if "--topics3" in argv
                          else topic_articles(TOPIC_DRAGNET_2) if "--topics2" in argv
                          else topic_articles(TOPIC_DRAGNET) if "--topics" in argv else dragnet_articles() if "--dragnet" in argv
                          else articles("train"))
        with open(argv[argv.index("--dump") + 1], "w", encoding="utf-8") as f:
            for n, r in enumerate(rows):
                tok = r["tok"]
                text = tok.doc.text
                ctx = text[max(0, r["start"] - 90):r["start"]] + "[[" + tok.text + "]]" + text[r["end"]:r["end"] + 50]
                f.write(json.dumps({"n": n, "article": r["article"], "start": r["start"], "end": r["end"],
                                    "word": tok.text, "p": round(r["p"], 2), "span": r["in_span"],
                                    "ctx": ctx.replace("\n", " ")}, ensure_ascii=False) + "\n")
        print(f"{len(rows)} candidates")


if __name__ == "__main__":
    main(sys.argv[1:])
