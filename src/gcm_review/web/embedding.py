"""The web app's one embedder for search and the synthesis, shared by every request, and the
search index of paragraph vectors it fills in the background.

The configured embedder sits behind a CachedEmbedder (with the vector cache file when one is
set), so no text is embedded twice while the app runs. A SQLite connection may only be used on
the thread that opened it, and models are best not run by many threads at once, so every call
runs on one thread of its own; requests wait for their turn.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from gcm_review.embed import CachedEmbedder, Embedder, EmbeddingKind, Vectors, get_embedder
from gcm_review.store.database import Database
from gcm_review.store.search import paragraph_texts
from gcm_review.workflows.search import FILL_BATCH, ParagraphVectors

T = TypeVar("T")
LOG = logging.getLogger(__name__)


class SharedEmbedder:
    """An Embedder whose model (loaded on first use) and cache live on one worker thread."""

    def __init__(self, name: str, *, cache_path: Path | None) -> None:
        self.name = name
        self.cache_path = cache_path
        self._cached: CachedEmbedder | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    @property
    def dimension(self) -> int:
        """The model's dimension (loads it)."""
        return self._call(lambda: self._embedder().dimension)

    @dimension.setter
    def dimension(self, value: int) -> None:
        raise AttributeError("the dimension is the model's")

    def embed(self, texts: Sequence[str], *, kind: EmbeddingKind = "passage") -> Vectors:
        """The texts' vectors, from the cache where possible."""
        items = list(texts)
        return self._call(lambda: self._embedder().embed(items, kind=kind))

    def close(self) -> None:
        """Close the vector cache file and stop the thread (a later call starts them again)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is None:
            return
        executor.submit(self._close_cache).result()
        executor.shutdown(wait=True)

    def _call(self, work: Callable[[], T]) -> T:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix="gcm-review-embed"
                )
            executor = self._executor
        return executor.submit(work).result()

    def _embedder(self) -> CachedEmbedder:
        if self._cached is None:
            self._cached = CachedEmbedder(get_embedder(self.name), path=self.cache_path)
        return self._cached

    def _close_cache(self) -> None:
        if self._cached is not None:
            self._cached.close()
            self._cached = None


class SearchIndex:
    """Passage vectors of every stored paragraph for search by meaning, filled by a background
    thread (started with the app, and again when a search finds many paragraphs without one),
    so no search embeds the whole corpus while the user waits. The embedder's vector cache
    makes a restart cheap; the vectors of deleted paragraphs are dropped at each fill."""

    def __init__(self, db: Database, embedder: Embedder) -> None:
        self.db = db
        self.embedder = embedder
        self.vectors = ParagraphVectors()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()

    def warm(self) -> None:
        """Start filling the missing vectors in the background (once at a time)."""
        with self._lock:
            if self._stop.is_set() or (self._thread is not None and self._thread.is_alive()):
                return
            self._thread = threading.Thread(
                target=self._fill, name="gcm-review-search-index", daemon=True
            )
            self._thread.start()

    def close(self) -> None:
        """Stop the background fill and wait for it (a later `warm` does nothing)."""
        self._stop.set()
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join()

    def _fill(self) -> None:
        try:
            while not self._stop.is_set():
                rows = paragraph_texts(self.db, None)
                self.vectors.prune([row.paragraph_id for row in rows])
                missing = self.vectors.missing(rows)
                if not missing:
                    return
                for start in range(0, len(missing), FILL_BATCH):
                    if self._stop.is_set():
                        return
                    self.vectors.fill(self.embedder, missing[start : start + FILL_BATCH])
        except Exception:  # a background thread: log it, searches embed on demand meanwhile
            LOG.exception("filling the search vectors failed")
