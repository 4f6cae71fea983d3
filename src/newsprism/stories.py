"""Group a stream of articles into stories, incrementally.

Each article is represented by the embedding of its title and lead (all-MiniLM-L6-v2), the names
in them (spaCy NER) and its date. It joins the best-scoring open story among its nearest
neighbours in an approximate nearest-neighbour index (faiss HNSW over story vectors, so the cost
per article stays near O(log n)), or starts a new story. A story's score for an article is

    score = story_vector_weight · cosine(article, story centroid) + story_entity_weight · shared names

plus ``story_term_weight`` · shared event terms (rare words and numbers of the title and opening: places,
figures, key terms, which tell two summits of the same leaders apart where names cannot), minus
``story_date_conflict_penalty`` when the article states a date (in its text) more than
``story_window_days`` from every date its story's articles state; it is zero outside ``story_window_days``
of the story's first and last published date. Stories whose
centroids come within ``story_merge_min`` of each other are merged. Every assignment keeps its
score and a reason that names the numbers behind it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np

from . import nlp
from .records import Article, content_id
from .settings import DEFAULT, Settings
from .text.words import words, zipf

NAME_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}
_MONTHS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                           "nov", "dec"])}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_YEAR = re.compile(r"(19|20)\d\d")
_DATES = [  # (pattern, order of the groups: y m d)
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
    (re.compile(_MONTH + r" (\d{1,2})(?:st|nd|rd|th)?, ?(\d{4})\b", re.I), "mdy"),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? " + _MONTH + r",? (\d{4})\b", re.I), "dmy"),
]


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
    terms: Counter[str] = field(default_factory=Counter)
    stated: set[int] = field(default_factory=set)  # day ordinals of dates its articles state in their text
    top: tuple[frozenset[str], frozenset[str]] | None = field(default=None, repr=False, compare=False)

    def top_sets(self, n_names: int, n_terms: int) -> tuple[frozenset[str], frozenset[str]]:
        """The most frequent names and terms (cached until the story changes)."""
        if self.top is None:
            self.top = (frozenset(self.names) if len(self.names) <= n_names
                        else frozenset(n for n, _ in self.names.most_common(n_names)),
                        frozenset(self.terms) if len(self.terms) <= n_terms
                        else frozenset(t for t, _ in self.terms.most_common(n_terms)))
        return self.top

    unit: Any = field(default=None, repr=False, compare=False)  # the centroid, cached until the story changes

    @property
    def centroid(self) -> Any:
        if self.unit is None:
            v = self.vector_sum
            norm = float(np.linalg.norm(v))
            self.unit = v / norm if norm else v
        return self.unit


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


def opening(article: Article, settings: Settings = DEFAULT) -> str:
    """Title and the first ``story_opening_chars`` of body text: where event terms and stated dates are read."""
    body = " ".join(article.text[p.start:p.end] for p in article.paragraphs if p.kind == "body")
    return f"{article.title or ''}. {body[:settings.story_opening_chars]}"


def event_terms(text: str, settings: Settings = DEFAULT) -> set[str]:
    """Event-specific terms: numbers, and words rarer than ``story_term_max_zipf`` (places, key terms)."""
    out = set()
    for w in words(text):
        low = w.lower()
        if any(ch.isdigit() for ch in low):
            if len(low) >= 2 and not _YEAR.fullmatch(low):  # years are dates (stated_days), not event terms
                out.add(low)
        elif len(low) >= 4 and zipf(low) < settings.story_term_max_zipf:
            out.add(low)
    return out


def latest_stated_day(text: str) -> set[int]:
    """The latest full date a text states, as a one-day set (empty when it states none).

    News reports what just happened; earlier dates in a text are background (a file photo, the last
    summit), so the latest one stands for the event."""
    days = stated_days(text)
    return {max(days)} if days else set()


def stated_days(text: str) -> set[int]:
    """Day ordinals of the full dates (with a year) a text states: 2017-09-19, Sept. 19, 2017, 19th September 2017."""
    days = set()
    for pattern, order in _DATES:
        for m in pattern.finditer(text):
            g = m.groups()
            try:
                if order == "ymd":
                    y, mo, d = int(g[0]), int(g[1]), int(g[2])
                elif order == "mdy":
                    y, mo, d = int(g[2]), _MONTHS[g[0][:3].lower()], int(g[1])
                else:
                    y, mo, d = int(g[2]), _MONTHS[g[1][:3].lower()], int(g[0])
                days.add(dt.date(y, mo, d).toordinal())
            except (ValueError, KeyError):
                continue
    return days


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
        faiss.omp_set_num_threads(1)  # one query at a time: threads only add overhead
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
    def score(self, story: StoryState, vector: Any, names: set[str], day: int | None,
              terms: set[str] = frozenset(), stated: set[int] = frozenset()) -> tuple[float, str]:  # type: ignore[assignment]
        """A story's score for an article, and the reason (the numbers behind it)."""
        total, parts = self._score(story, vector, names, day, terms, stated)
        return total, self._explain(story, parts)

    def _score(self, story: StoryState, vector: Any, names: set[str], day: int | None, terms: set[str],
               stated: set[int]) -> tuple[float, tuple[Any, ...]]:
        s = self.settings
        window = s.story_window_days
        if day is not None and story.first is not None and story.last is not None:
            if day < story.first - window or day > story.last + window:
                return 0.0, ("window",)
        cos = float(vector @ story.centroid)
        top, top_terms = story.top_sets(s.story_top_names, s.story_top_terms)
        shared = names & top
        # full names ("xi jinping") say more than single words ("china"); three full names saturate
        ent = min(1.0, sum(1.0 if " " in n else 0.5 for n in shared) / s.story_names_full_score)
        shared_terms = terms & top_terms
        term = min(1.0, len(shared_terms) / s.story_terms_full_score)
        total = s.story_vector_weight * cos + s.story_entity_weight * ent + s.story_term_weight * term
        gap = None
        if stated and story.stated:
            gap = min(abs(a - b) for a in stated for b in story.stated)
            if gap > window:
                total -= s.story_date_conflict_penalty
            else:
                gap = None
        return total, (cos, shared, shared_terms, gap)

    def _explain(self, story: StoryState, parts: tuple[Any, ...]) -> str:
        s = self.settings
        if parts[0] == "window":
            return f"outside the {s.story_window_days}-day window of story {story.id}"
        cos, shared, shared_terms, gap = parts
        why = f"title+opening cosine {cos:.2f}"
        why += f", shared names {', '.join(sorted(shared)[:5])}" if shared else ", no shared names"
        why += f", shared terms {', '.join(sorted(shared_terms)[:5])}" if shared_terms else ", no shared terms"
        if gap is not None:
            why += f", stated dates {gap} days apart (-{s.story_date_conflict_penalty})"
        return why

    def add(self, article_id: str, vector: Any, names: set[str], day: int | None, title: str | None = None,
            story_id: str | None = None, terms: set[str] = frozenset(),  # type: ignore[assignment]
            stated: set[int] = frozenset()) -> Assignment:  # type: ignore[assignment]
        s = self.settings
        vector = np.asarray(vector, dtype="float32")
        best: tuple[float, int, tuple[Any, ...]] | None = None
        seen: set[int] = set()
        if self.index.ntotal:
            k = min(s.story_neighbours, self.index.ntotal)
            _d, ids = self.index.search(vector.reshape(1, -1), k)
            for raw in ids[0]:
                if raw < 0:
                    continue
                idx = self.by_id[self.resolve(self.stories[int(raw)].id)]
                if idx in seen:
                    continue
                seen.add(idx)
                sc, parts = self._score(self.stories[idx], vector, names, day, terms, stated)
                if best is None or sc > best[0]:
                    best = (sc, idx, parts)
        if best is not None and best[0] >= s.story_join_min:
            story = self.stories[best[1]]
            self._join(story, vector, names, day, terms, stated)
            why = self._explain(story, best[2])
            reason = f"joined {story.id}: score {best[0]:.2f} >= story_join_min {s.story_join_min} ({why})"
            self._maybe_merge(story, seen)
            return Assignment(article_id, self.resolve(story.id), round(best[0], 3), reason, False)
        new_id = story_id or f"s-{content_id(article_id)[:10]}"
        state = StoryState(id=new_id, vector_sum=vector.copy(), n=1, first=day, last=day, names=Counter(names),
                           title=title, terms=Counter(terms), stated=set(stated))
        self._add_story(state)
        if best is None:
            reason = "first story"
        else:
            other = self.stories[best[1]]
            reason = (f"new story: best candidate {other.id} scored {best[0]:.2f} "
                      f"< story_join_min {s.story_join_min} ({self._explain(other, best[2])})")
        return Assignment(article_id, new_id, 1.0 if best is None else round(best[0], 3), reason, True)

    def _join(self, story: StoryState, vector: Any, names: set[str], day: int | None,
              terms: set[str] = frozenset(), stated: set[int] = frozenset()) -> None:  # type: ignore[assignment]
        self.changed.add(story.id)
        story.top = story.unit = None
        story.vector_sum = story.vector_sum + vector
        story.n += 1
        story.names.update(names)
        story.terms.update(terms)
        story.stated.update(stated)
        if day is not None:
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)

    def _maybe_merge(self, story: StoryState, candidates: Iterable[int]) -> None:
        """Stories that turned out to be one: merge the smaller into the larger. The candidates are the
        stories nearest the article that just joined (the story moved towards them), so no second search."""
        s = self.settings
        for idx in sorted(candidates):
            other = self.stories[self.by_id[self.resolve(self.stories[idx].id)]]
            if story.merged_into:  # once merged away, this story has nothing left to merge
                break
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
        big.top = big.unit = None
        big.vector_sum = big.vector_sum + small.vector_sum
        big.n += small.n
        big.names.update(small.names)
        big.terms.update(small.terms)
        big.stated.update(small.stated)
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
    """Vectors of the title and opening (``story_embed_chars``) and the names in title+lead, for
    :meth:`StoryGrouper.add`. The opening rather than the lead alone: a scraped page's first lines are
    often a menu, a player script or a dateline, and a longer opening outvotes them."""
    texts = [story_text(a) for a in articles]
    vectors = nlp.embed([opening(a, settings)[:settings.story_embed_chars] for a in articles], settings.encoder)
    return vectors, names_in(texts)


@dataclass
class StoryFeatures:
    """Everything the grouper needs of one article (what ``newsprism batch`` writes to Parquet)."""

    vectors: Any
    names: list[set[str]]
    terms: list[set[str]]
    stated: list[set[int]]


def story_features(articles: Sequence[Article], settings: Settings = DEFAULT) -> StoryFeatures:
    vectors, names = embed_articles(articles, settings)
    openings = [opening(a, settings) for a in articles]
    return StoryFeatures(vectors, names, [event_terms(t, settings) for t in openings],
                         [latest_stated_day(a.text) for a in articles])


# -- stories at scale: a neighbour graph over articles ------------------------------------------------

@dataclass
class TokenSets:
    """Sets of tokens per article in CSR form (``ids[indptr[i]:indptr[i+1]]`` are article i's tokens, each
    with a weight): names or event terms, encoded once so that shared tokens are counted without Python loops."""

    indptr: Any  # (n + 1,) int64
    ids: Any  # int64 token ids
    weights: Any  # float32 weight per token (a full name 1, a single word 0.5; a term 1)

    @classmethod
    def from_sets(cls, sets: Sequence[Iterable[str]], names: bool = False) -> TokenSets:
        vocab: dict[str, int] = {}
        indptr, ids, weights = [0], [], []
        for tokens in sets:
            for t in sorted(set(tokens)):
                ids.append(vocab.setdefault(t, len(vocab)))
                weights.append(1.0 if (not names or " " in t) else 0.5)
            indptr.append(len(ids))
        return cls(np.asarray(indptr, dtype="int64"), np.asarray(ids, dtype="int64"),
                   np.asarray(weights, dtype="float32"))

    def shared(self, a: Any, b: Any) -> Any:
        """Summed weight of the tokens that articles ``a[k]`` and ``b[k]`` share, for each pair k."""
        from scipy import sparse

        n = len(self.indptr) - 1
        width = int(self.ids.max()) + 1 if len(self.ids) else 1
        weighted = sparse.csr_matrix((self.weights, self.ids, self.indptr), shape=(n, width))
        present = sparse.csr_matrix((np.ones(len(self.ids), dtype="float32"), self.ids, self.indptr),
                                    shape=(n, width))
        return np.asarray(weighted[a].multiply(present[b]).sum(axis=1), dtype="float32").ravel()


@dataclass
class GraphGrouping:
    """Stories of a graph grouping, in input order: each article's story (its earliest article's index),
    its best link (the partner's index, -1 when it has none) and that link's score and parts."""

    story: Any  # int64 index of the story's first article
    partner: Any  # int64
    score: Any  # float32 best link score (0 when none)
    cosine: Any  # float32
    names: Any  # float32 shared name weight of the best link
    terms: Any  # float32 shared terms of the best link
    conflict: Any  # bool: the best link's stated dates conflict

    def reason(self, i: int, ids: Sequence[str], settings: Settings = DEFAULT) -> str:
        j = int(self.partner[i])
        if j < 0:
            return "no neighbour scored story_link_min or more: a story of its own"
        why = (f"title+opening cosine {self.cosine[i]:.2f}, shared name weight {self.names[i]:g}, "
               f"shared terms {self.terms[i]:g}")
        if self.conflict[i]:
            why += f", stated dates over {settings.story_window_days} days apart (-{settings.story_date_conflict_penalty})"
        return f"linked to {ids[j]}: score {self.score[i]:.2f} >= story_link_min {settings.story_link_min} ({why})"


def _as32(vectors: Any) -> Any:
    return np.ascontiguousarray(vectors, dtype="float32")


def neighbour_pairs(vectors: Any, k: int, settings: Settings = DEFAULT) -> tuple[Any, Any]:
    """Pairs (a, b) of each article and its ``k`` nearest articles by inner product: exact (faiss flat) up to
    ``story_exact_max`` articles; above, an IVF index over a ``story_ann_dims`` PCA of the vectors (candidates
    only: every pair's cosine is recomputed on the full vectors). ``vectors`` may be float16."""
    import faiss

    n, dim = vectors.shape
    k = min(k + 1, n)  # the article itself comes back too
    chunk = max(1, settings.story_search_chunk)
    project = None
    if n <= settings.story_exact_max:
        index: Any = faiss.IndexFlatIP(dim)
    else:
        rng = np.random.default_rng(0)
        dims = min(dim, settings.story_ann_dims)
        lists = max(1, int(settings.story_ivf_lists * np.sqrt(n)))
        sample = _as32(vectors[np.sort(rng.choice(n, size=min(n, 16 * lists), replace=False))])
        project = faiss.PCAMatrix(dim, dims)
        project.train(sample[:settings.story_exact_max])
        # a light spherical k-means for the cells (5 rounds over 16 articles per cell: cells need only be
        # roughly even, the search looks into several)
        kmeans = faiss.Kmeans(dims, lists, niter=5, spherical=True, seed=1, min_points_per_centroid=4,
                              verbose=False)
        kmeans.train(_unit_rows(project.apply(sample)))
        quantizer = faiss.IndexFlatIP(dims)
        quantizer.add(np.asarray(kmeans.centroids, dtype="float32"))
        index = faiss.IndexIVFFlat(quantizer, dims, lists, faiss.METRIC_INNER_PRODUCT)
        index.nprobe = settings.story_ivf_nprobe
        del sample

    def rows(lo: int) -> Any:
        part = _as32(vectors[lo:lo + chunk])
        return part if project is None else _unit_rows(project.apply(part))

    for lo in range(0, n, chunk):
        index.add(rows(lo))
    found = np.empty((n, k), dtype="int64")
    for lo in range(0, n, chunk):
        found[lo:lo + chunk] = index.search(rows(lo), k)[1]
    a = np.repeat(np.arange(n, dtype="int64"), k)
    b = found.ravel()
    keep = (b >= 0) & (b != a)
    return a[keep], b[keep]


def _unit_rows(x: Any) -> Any:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return np.ascontiguousarray(x / np.where(norms > 0, norms, 1.0), dtype="float32")


def token_pairs(tokens: Sequence[TokenSets], max_df: int) -> tuple[Any, Any]:
    """Pairs (a < b) of articles that share a rare token (names or event terms found in 2 to ``max_df``
    articles): blocking, so that coverage sharing a place, a figure or a key term is compared even when the
    vector search misses it."""
    from scipy import sparse

    mats = []
    for t in tokens:
        n = len(t.indptr) - 1
        width = int(t.ids.max()) + 1 if len(t.ids) else 1
        mats.append(sparse.csr_matrix((np.ones(len(t.ids), dtype="int32"), t.ids, t.indptr), shape=(n, width)))
    m = sparse.hstack(mats, format="csc")
    m.data[:] = 1
    m.sum_duplicates()
    m.data[:] = 1
    df = np.diff(m.indptr)
    m = m[:, np.flatnonzero((df >= 2) & (df <= max_df))].tocsr()
    pairs = sparse.triu(m @ m.T, k=1).tocoo()
    return pairs.row.astype("int64"), pairs.col.astype("int64")


def pair_cosines(vectors: Any, a: Any, b: Any, chunk: int) -> Any:
    """Cosine of each pair of rows (the vectors are unit length), computed in chunks of pairs."""
    out = np.empty(len(a), dtype="float32")
    for lo in range(0, len(a), max(1, chunk)):
        hi = lo + chunk
        out[lo:hi] = np.einsum("ij,ij->i", _as32(vectors[a[lo:hi]]), _as32(vectors[b[lo:hi]]))
    return out


def group_graph(vectors: Any, days: Any, stated: Any, names: TokenSets, terms: TokenSets,
                settings: Settings = DEFAULT) -> GraphGrouping:
    """Stories as the connected components of a graph over articles, vectorised (no per-article Python loop).

    Candidate pairs are each article's ``story_neighbours`` nearest articles (title+opening vectors) and the
    articles that share a rare name or event term (found in at most ``story_block_max_df`` articles). A pair
    is linked when its score reaches ``story_link_min``; the pair score is the story score between two
    articles: ``story_vector_weight`` · cosine + ``story_entity_weight`` · shared names +
    ``story_term_weight`` · shared terms, minus ``story_date_conflict_penalty`` when the dates they state are
    more than ``story_window_days`` apart; no link when their published days are. ``days`` and ``stated``
    are day ordinals, -1 where unknown. Stories are the components; each is named after its earliest
    article (by published day, then input order)."""
    from scipy import sparse
    from scipy.sparse import csgraph

    s = settings
    n = len(vectors)
    days = np.asarray(days, dtype="int64")
    stated = np.asarray(stated, dtype="int64")
    if n == 0:
        empty = np.zeros(0, dtype="float32")
        return GraphGrouping(np.zeros(0, dtype="int64"), np.zeros(0, dtype="int64"), empty, empty, empty, empty,
                             np.zeros(0, dtype=bool))
    va, vb = neighbour_pairs(vectors, s.story_neighbours, s)
    ta, tb = token_pairs([names, terms], s.story_block_max_df)
    lo, hi = np.minimum(np.concatenate([va, ta]), np.concatenate([vb, tb])), np.maximum(
        np.concatenate([va, ta]), np.concatenate([vb, tb]))
    del va, vb, ta, tb
    key = np.unique(lo * n + hi)
    a, b = key // n, key % n
    del key, lo, hi
    da, db = days[a], days[b]
    keep = (da < 0) | (db < 0) | (np.abs(da - db) <= s.story_window_days)
    a, b = a[keep], b[keep]
    cos = pair_cosines(vectors, a, b, s.story_search_chunk)
    shared_names = names.shared(a, b)
    shared_terms = terms.shared(a, b)
    sa, sb = stated[a], stated[b]
    conflict = (sa >= 0) & (sb >= 0) & (np.abs(sa - sb) > s.story_window_days)
    score = (s.story_vector_weight * cos
             + s.story_entity_weight * np.minimum(1.0, shared_names / s.story_names_full_score)
             + s.story_term_weight * np.minimum(1.0, shared_terms / s.story_terms_full_score)
             - s.story_date_conflict_penalty * conflict).astype("float32")
    keep = score >= s.story_link_min
    a, b, score = a[keep], b[keep], score[keep]
    cos, shared_names, shared_terms, conflict = cos[keep], shared_names[keep], shared_terms[keep], conflict[keep]
    graph = sparse.coo_matrix((np.ones(len(a), dtype="int8"), (a, b)), shape=(n, n)).tocsr()
    _count, label = csgraph.connected_components(graph, directed=True, connection="weak")
    # each component is named after its earliest article: order by (day, index), unknown days last
    order = np.lexsort((np.arange(n), np.where(days < 0, np.iinfo("int64").max, days)))
    first = np.full(label.max() + 1, -1, dtype="int64")
    by_rank = order[np.unique(label[order], return_index=True)[1]]
    first[label[by_rank]] = by_rank
    # each article's best link (either direction)
    ends = np.concatenate([a, b])
    other = np.concatenate([b, a])
    both = np.concatenate([score, score])
    pick = np.lexsort((-both, ends))
    ends, other = ends[pick], other[pick]
    head = np.unique(ends, return_index=True)[1]
    partner = np.full(n, -1, dtype="int64")
    best = np.zeros(n, dtype="float32")
    out = [np.zeros(n, dtype="float32") for _ in range(3)]
    flag = np.zeros(n, dtype=bool)
    src = np.concatenate([np.arange(len(a))] * 2)[pick][head]
    partner[ends[head]] = other[head]
    best[ends[head]] = score[src]
    for arr, values in zip(out, (cos, shared_names, shared_terms), strict=True):
        arr[ends[head]] = values[src]
    flag[ends[head]] = conflict[src]
    return GraphGrouping(first[label], partner, best, out[0], out[1], out[2], flag)
