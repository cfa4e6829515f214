"""Semantic search over the stored paragraphs: the query and the paragraphs are embedded and the
paragraphs ranked by cosine, so an English query finds French and Arabic paragraphs on the same
topic. Full-text search is the store's own (store.search.full_text_search)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

import numpy as np

from gcm_review.embed import CachedEmbedder, Embedder
from gcm_review.store.database import Database
from gcm_review.store.search import SearchHit, paragraph_texts, query_words, snippet


def semantic_search(
    db: Database,
    query: str,
    *,
    embedder: Embedder,
    limit: int = 20,
    document_ids: Collection[int] | None = None,
    cache_path: Path | None = None,
) -> list[SearchHit]:
    """Paragraphs closest in meaning to the query, in any language, best first (rank: cosine).

    With `cache_path`, paragraph vectors are kept in that vector cache file between searches.
    """
    if not query.strip() or limit < 1 or (document_ids is not None and not document_ids):
        return []
    paragraphs = paragraph_texts(db, document_ids)
    if not paragraphs:
        return []
    if cache_path is not None and not isinstance(embedder, CachedEmbedder):
        with CachedEmbedder(embedder, path=cache_path) as cached:
            cosines = _cosines(cached, query, [row[3] for row in paragraphs])
    else:
        cosines = _cosines(embedder, query, [row[3] for row in paragraphs])
    best = np.argsort(-cosines, kind="stable")[:limit]
    words = query_words(query)
    return [
        SearchHit(
            paragraphs[i][0],
            paragraphs[i][1],
            paragraphs[i][2],
            snippet(paragraphs[i][3], words),
            float(cosines[i]),
        )
        for i in best
    ]


def _cosines(embedder: Embedder, query: str, passages: Sequence[str]) -> np.ndarray:
    query_vector = embedder.embed([query], kind="query")[0]
    result: np.ndarray = embedder.embed(passages, kind="passage") @ query_vector
    return result
