"""Scoring against the project's gold sets (tests/data/gold): precision, recall and F1.

Gold items for real articles carry offsets into newsprism's cleaned text and a sha256
prefix of the text they mark, so a change in cleaning that moves them is caught (``stale``)
instead of silently scoring the wrong span.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .compare import link_across
from .compare.framing import add_naming_cues, relative_framing
from .extract import extract
from .pipeline import load_one
from .records import RawDocument
from .settings import DEFAULT
from .stages import analyze_many
from .stories import StoryFeatures, StoryGrouper, TokenSets, bcubed, day_of, group_graph, story_features


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    stale: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        return (f"{label}: precision {self.precision:.3f} · recall {self.recall:.3f} · F1 {self.f1:.3f} "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn})")


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _norm(name: str | None) -> str | None:
    return " ".join(name.lower().split()) if name else None


def check_gold_span(text: str, item: dict[str, Any]) -> bool:
    chunk = text[item["start"]:item["end"]]
    if "text" in item:
        return chunk == str(item["text"])
    return hashlib.sha256(chunk.encode("utf-8")).hexdigest()[:12] == str(item["sha"])


def match_spans(gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]], same: Any,
                min_iou: float = 0.5) -> tuple[int, int, int]:
    """Greedy one-to-one matching by overlap; ``same(g, p)`` says whether the labels agree."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = iou((g["start"], g["end"]), (p["start"], p["end"]))
            if overlap >= min_iou:
                pairs.append((overlap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    tp = 0
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi in used_g or pi in used_p or not same(gold[gi], predicted[pi]):
            continue
        used_g.add(gi)
        used_p.add(pi)
        tp += 1
    return tp, len(predicted) - tp, len(gold) - tp


def tally(total: Score, by_kind: dict[str, Score], gold: Sequence[dict[str, Any]],
          predicted: Sequence[dict[str, Any]], kind_key: str, same: Any) -> None:
    """Add one document's matches to the overall score and to the score of each kind."""
    tp, fp, fn = match_spans(gold, predicted, same)
    total.tp += tp
    total.fp += fp
    total.fn += fn
    for kind in {g[kind_key] for g in gold} | {p[kind_key] for p in predicted}:
        k = by_kind.setdefault(kind, Score())
        t, f, n = match_spans([g for g in gold if g[kind_key] == kind], [p for p in predicted if p[kind_key] == kind],
                              same)
        k.tp += t
        k.fp += f
        k.fn += n


def load_gold(path: str | Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def score_quotes(gold_path: str | Path, root: str | Path = ".") -> tuple[Score, dict[str, Score]]:
    """(quote, speaker) pairs: a prediction is right when it overlaps a gold quote (IoU >= 0.5)
    and names the same speaker (both null for scare quotes)."""

    gold = load_gold(gold_path)
    docs = gold["documents"]
    articles = [load_one(str(Path(root) / d["source"])) for d in docs]
    analyzed = analyze_many(articles)
    total = Score()
    by_kind: dict[str, Score] = {}
    for doc, a in zip(docs, analyzed, strict=True):
        items = doc["quotes"]
        for item in items:
            if not check_gold_span(a.article.text, item):
                total.stale.append(f"{doc['source']}:{item['start']}")
        predicted = [q.to_dict() for q in a.quotes]
        tally(total, by_kind, items, predicted, "kind", lambda g, p: _norm(g["speaker"]) == _norm(p["speaker"]))
    return total, by_kind


def score_framing(gold_path: str | Path, root: str | Path = ".") -> tuple[Score, dict[str, Score]]:
    """(span, cue) pairs: a predicted cue is right when it overlaps a gold cue of the same kind
    (IoU >= 0.5). Documents of one group are compared together, so naming contrasts are found."""

    gold = load_gold(gold_path)
    total = Score()
    by_cue: dict[str, Score] = {}
    groups: dict[int, list[dict[str, Any]]] = {}
    for doc in gold["documents"]:
        groups.setdefault(doc["group"], []).append(doc)
    for docs in groups.values():
        analyzed, _ = relative_framing(add_naming_cues(link_across(
            analyze_many([load_one(str(Path(root) / d["source"])) for d in docs]))))
        for doc, a in zip(docs, analyzed, strict=True):
            items = doc["framing"]
            for item in items:
                if not check_gold_span(a.article.text, item):
                    total.stale.append(f"{doc['source']}:{item['start']}")
            # phrase cues (evaluative, epithet) have no kind in this word-level gold set and are left out; a cue built
            # on a loaded word (a phrase, or a naming cue that took the word's place) is also scored as that word
            predicted = [f.to_dict() for f in a.framing if f.cue not in ("biased_sentence", "evaluative", "epithet", "set_aside")]
            predicted += [{"start": f.word[0], "end": f.word[1], "cue": "loaded"} for f in a.framing
                          if f.word is not None]
            tally(total, by_cue, items, predicted, "cue", lambda g, p: g["cue"] == p["cue"])
    return total, by_cue


def graph_groups(ids: Sequence[str], published: Sequence[str | None], f: StoryFeatures,
                 settings: Any = None) -> dict[str, str]:
    """id → story with the batch path's pair-graph grouper (``stories build``) over the same features."""
    days = np.array([d if d is not None else -1 for d in map(day_of, published)], dtype="int64")
    stated = np.array([max(s) if s else -1 for s in f.stated], dtype="int64")
    g = group_graph(np.asarray(f.vectors, dtype="float32"), days, stated, TokenSets.from_sets(f.names, names=True),
                    TokenSets.from_sets(f.terms), settings or DEFAULT)
    return {ident: f"s{g.story[i]}" for i, ident in enumerate(ids)}


def _group(items: list[tuple[str, str, str | None, str, str]], settings: Any = None,
           grouper: str = "incremental") -> dict[str, str]:
    """(id, title, date, text, outlet) items → id → story id, fed in date order through the grouper
    (``incremental``: the store's; ``graph``: the batch path's)."""

    settings = settings or DEFAULT
    articles = []
    for ident, title, date, text, outlet in items:
        a = extract(RawDocument(source=ident, data=f"{title}\n\n{text}".encode(), kind="text", published=date,
                                outlet=outlet), settings)
        articles.append((ident, a))
    articles.sort(key=lambda x: (x[1].published or "", x[0]))
    f = story_features([a for _, a in articles], settings)
    if grouper == "graph":
        return graph_groups([i for i, _ in articles], [a.published for _, a in articles], f, settings)
    grouper_ = StoryGrouper(settings)
    out = {}
    for i, (ident, a) in enumerate(articles):
        out[ident] = grouper_.add(ident, f.vectors[i], f.names[i], day_of(a.published), a.title,
                                  terms=f.terms[i], stated=f.stated[i]).story_id
    return {k: grouper_.resolve(v) for k, v in out.items()}


def group_gold_stories(path: str | Path, settings: Any = None) -> tuple[float, float, float, dict[str, str]]:

    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    predicted = _group([(r["id"], r["title"], r["date"], r["text"], r["source"]) for r in rows], settings)
    p, r, f1 = bcubed({row["id"]: row["event"] for row in rows}, predicted)
    return p, r, f1, predicted


def basil_annotated(folder: str | Path) -> list[tuple[str, Any, list[dict[str, Any]]]]:
    """BASIL articles that have phrase annotations, cleaned as newsprism cleans text: (event key, cleaned
    Article, phrase annotations). The benchmarks and the word tagger's trainer read BASIL through this."""
    folder = Path(folder)
    out = []
    for f in sorted((folder / "articles").glob("*/*.json")):
        ann = folder / "annotations" / f.parent.name / f"{f.stem}_ann.json"
        if not ann.exists():
            continue
        d = json.loads(f.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(p) for p in d["body-paragraphs"])
        article = extract(RawDocument(source=str(f), data=f"{d['title']}\n\n{body}".encode(), kind="text"))
        out.append((f.stem.rsplit("_", 1)[0], article,
                    json.loads(ann.read_text(encoding="utf-8"))["phrase-level-annotations"]))
    return out


def group_basil(folder: str | Path, settings: Any = None, drop_dates: bool = False,
                grouper: str = "incremental") -> tuple[float, float, float, int]:
    """B-cubed of story grouping on BASIL (the triplet uuid is the event); ``drop_dates`` forgets the dates."""

    items = []
    gold = {}
    for f in sorted(Path(folder).glob("*/*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(p) for p in d["body-paragraphs"])
        items.append((f.stem, d["title"], None if drop_dates else d.get("date"), body, d.get("source")))
        gold[f.stem] = d["triplet-uuid"]
    p, r, f1 = bcubed(gold, _group(items, settings, grouper))
    return p, r, f1, len(items)


def group_news_dev(folder: str | Path, settings: Any = None, drop_dates: bool = False,
                   grouper: str = "incremental") -> tuple[float, float, float, dict[str, str]]:
    """B-cubed of story grouping on news-dev (GOLD.json ``stories`` is only the answer key: the grouper sees
    each article's cleaned text under its content id, never the file or folder name). ``drop_dates``: forget
    every published date, the case where only dates stated in the text can keep events apart."""

    folder = Path(folder)
    gold_stories = json.loads((folder / "GOLD.json").read_text(encoding="utf-8"))["stories"]
    gold: dict[str, str] = {}
    items = []
    for event, files in gold_stories.items():
        for rel in files:
            article = load_one(str(folder / rel), settings or DEFAULT)
            if drop_dates:
                article = replace(article, published=None)
            gold[article.id] = event
            items.append(article)
    items.sort(key=lambda a: (a.published or "9999", a.id))
    f = story_features(items, settings or DEFAULT)
    if grouper == "graph":
        predicted = graph_groups([a.id for a in items], [a.published for a in items], f, settings)
    else:
        grouper_ = StoryGrouper(settings or DEFAULT)
        out = {a.id: grouper_.add(a.id, f.vectors[i], f.names[i], day_of(a.published), a.title,
                                  terms=f.terms[i], stated=f.stated[i]).story_id for i, a in enumerate(items)}
        predicted = {k: grouper_.resolve(v) for k, v in out.items()}
    p, r, f1 = bcubed(gold, predicted)
    return p, r, f1, predicted
