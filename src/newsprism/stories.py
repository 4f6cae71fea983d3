"""Group a stream of articles into stories, incrementally.

Each article is represented by the embedding of its title and lead (all-MiniLM-L6-v2), the names
in them (spaCy NER) and its date. It joins the best-scoring open story among its nearest
neighbours in an approximate nearest-neighbour index (faiss HNSW over story vectors, so the cost
per article stays near O(log n)), or starts a new story. A story's score for an article is

    score = story_vector_weight · cosine(article, story centroid) + story_entity_weight · shared names

and is zero outside ``story_window_days`` of the story's first and last article. Stories whose
centroids come within ``story_merge_min`` of each other are merged. Every assignment keeps its
score and a reason that names the numbers behind it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np

from . import nlp
from .records import Article, content_id
from .settings import DEFAULT, Settings

NAME_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}


@dataclass
class Assignment:
    article_id: str
    story_id: str
    score: float
    reason: str
    new: bool


@dataclass
class StoryState:
    id: str
    vector_sum: Any
    n: int = 0
    first: int | None = None  # day ordinal
    last: int | None = None
    names: Counter[str] = field(default_factory=Counter)
    title: str | None = None
    merged_into: str | None = None

    @property
    def centroid(self) -> Any:
        v = self.vector_sum
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v


def day_of(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def story_text(article: Article) -> str:
    """Title and lead: the title and the first two body sentences (roughly)."""
    body = [article.text[p.start:p.end] for p in article.paragraphs if p.kind == "body"]
    lead = " ".join(body[:2])[:600]
    return f"{article.title or ''}. {lead}".strip(". ")


def names_in(texts: Sequence[str]) -> list[set[str]]:
    """Lower-cased names (people, organisations, places) found by spaCy's NER in each text."""
    pipeline = nlp.spacy_pipeline()
    out = []
    with pipeline.select_pipes(enable=["tok2vec", "ner"]):
        for doc in pipeline.pipe(texts, batch_size=64):
            out.append({e.text.lower().removesuffix("’s").removesuffix("'s") for e in doc.ents
                        if e.label_ in NAME_TYPES})
    return out


class StoryGrouper:
    """Incremental grouping over vectors; pure (no I/O), so it can be fed from a store or a benchmark."""

    def __init__(self, settings: Settings = DEFAULT, dim: int = 384) -> None:
        import faiss

        self.settings = settings
        self.dim = dim
        self.index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        self.index.hnsw.efSearch = 64
        self.stories: list[StoryState] = []
        self.by_id: dict[str, int] = {}
        self.changed: set[str] = set()  # stories created, joined or merged since loading: the ones to save

    # -- state ------------------------------------------------------------------------------
    def load(self, states: Iterable[StoryState]) -> None:
        for s in states:
            self._add_story(s)
        self.changed.clear()

    def _add_story(self, state: StoryState) -> int:
        idx = len(self.stories)
        self.stories.append(state)
        self.by_id[state.id] = idx
        self.index.add(state.centroid.reshape(1, -1).astype("float32"))
        self.changed.add(state.id)
        return idx

    def resolve(self, story_id: str) -> str:
        while True:
            s = self.stories[self.by_id[story_id]]
            if s.merged_into is None:
                return s.id
            story_id = s.merged_into

    # -- scoring ----------------------------------------------------------------------------
    def score(self, story: StoryState, vector: Any, names: set[str], day: int | None) -> tuple[float, str]:
        s = self.settings
        window = s.story_window_days
        if day is not None and story.first is not None and story.last is not None:
            if day < story.first - window or day > story.last + window:
                return 0.0, f"outside the {window}-day window of story {story.id}"
        cos = float(vector @ story.centroid)
        top = {n for n, _ in story.names.most_common(self.settings.story_top_names)}
        shared = sorted(names & top)
        # full names ("xi jinping") say more than single words ("china"); three full names saturate
        ent = min(1.0, sum(1.0 if " " in n else 0.5 for n in shared) / self.settings.story_names_full_score)
        total = self.settings.story_vector_weight * cos + self.settings.story_entity_weight * ent
        why = f"title+lead cosine {cos:.2f}"
        why += f", shared names {', '.join(shared[:5])}" if shared else ", no shared names"
        return total, why

    def add(self, article_id: str, vector: Any, names: set[str], day: int | None, title: str | None = None,
            story_id: str | None = None) -> Assignment:
        s = self.settings
        vector = np.asarray(vector, dtype="float32")
        best: tuple[float, int, str] | None = None
        if self.index.ntotal:
            k = min(s.story_neighbours, self.index.ntotal)
            _d, ids = self.index.search(vector.reshape(1, -1), k)
            seen: set[int] = set()
            for raw in ids[0]:
                if raw < 0:
                    continue
                idx = self.by_id[self.resolve(self.stories[int(raw)].id)]
                if idx in seen:
                    continue
                seen.add(idx)
                sc, why = self.score(self.stories[idx], vector, names, day)
                if best is None or sc > best[0]:
                    best = (sc, idx, why)
        if best is not None and best[0] >= s.story_join_min:
            story = self.stories[best[1]]
            self._join(story, vector, names, day)
            reason = f"joined {story.id}: score {best[0]:.2f} >= story_join_min {s.story_join_min} ({best[2]})"
            self._maybe_merge(story)
            return Assignment(article_id, self.resolve(story.id), round(best[0], 3), reason, False)
        new_id = story_id or f"s-{content_id(article_id)[:10]}"
        state = StoryState(id=new_id, vector_sum=vector.copy(), n=1, first=day, last=day, names=Counter(names),
                           title=title)
        self._add_story(state)
        if best is None:
            reason = "first story"
        else:
            reason = (f"new story: best candidate {self.stories[best[1]].id} scored {best[0]:.2f} "
                      f"< story_join_min {s.story_join_min} ({best[2]})")
        return Assignment(article_id, new_id, 1.0 if best is None else round(best[0], 3), reason, True)

    def _join(self, story: StoryState, vector: Any, names: set[str], day: int | None) -> None:
        self.changed.add(story.id)
        story.vector_sum = story.vector_sum + vector
        story.n += 1
        story.names.update(names)
        if day is not None:
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)

    def _maybe_merge(self, story: StoryState) -> None:
        """Stories that turned out to be one: merge the smaller into the larger."""
        s = self.settings
        k = min(s.story_neighbours, self.index.ntotal)
        _d, ids = self.index.search(story.centroid.reshape(1, -1).astype("float32"), k)
        for raw in ids[0]:
            if raw < 0 or story.merged_into:  # once merged away, this story has nothing left to merge
                continue
            other = self.stories[self.by_id[self.resolve(self.stories[int(raw)].id)]]
            if other.id == story.id or other.merged_into:
                continue
            cos = float(story.centroid @ other.centroid)
            if cos < s.story_merge_min:
                continue
            if other.first is not None and story.last is not None and (
                    other.first > story.last + s.story_window_days or story.first is not None
                    and other.last is not None and other.last < story.first - s.story_window_days):
                continue
            big, small = (story, other) if story.n >= other.n else (other, story)
            self._join_state(big, small)
            small.merged_into = big.id
            self.changed.update((big.id, small.id))

    def _join_state(self, big: StoryState, small: StoryState) -> None:
        big.vector_sum = big.vector_sum + small.vector_sum
        big.n += small.n
        big.names.update(small.names)
        for d in (small.first, small.last):
            if d is not None:
                big.first = d if big.first is None else min(big.first, d)
                big.last = d if big.last is None else max(big.last, d)


def bcubed(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item → cluster label) against gold labels."""
    items = [i for i in gold if i in predicted]
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for i in items:
        by_pred.setdefault(predicted[i], set()).add(i)
        by_gold.setdefault(gold[i], set()).add(i)
    p = r = 0.0
    for i in items:
        same_pred = by_pred[predicted[i]]
        same_gold = by_gold[gold[i]]
        both = len(same_pred & same_gold)
        p += both / len(same_pred)
        r += both / len(same_gold)
    n = max(len(items), 1)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def embed_articles(articles: Sequence[Article], settings: Settings = DEFAULT) -> tuple[Any, list[set[str]]]:
    """Title+lead vectors (by the ``encoder`` setting) and the names in them, for :meth:`StoryGrouper.add`."""
    texts = [story_text(a) for a in articles]
    return nlp.embed(texts, settings.encoder), names_in(texts)
