"""`CachedEmbedder`: any embedder behind a vector cache, so no text is embedded twice.

Keys are sha256(embedder name, kind, text); vectors live in memory and, when a path is given,
in a small SQLite file (table vectors(key TEXT PRIMARY KEY, vector BLOB), float32 little-endian)
that survives the process. Only texts found in neither are sent to the inner embedder, once
each, in one call; results come back in the order asked, duplicates included.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import numpy as np

from gcm_review.embed.base import (
    Embedder,
    EmbeddingKind,
    Vectors,
    embedder_languages,
    empty_vectors,
)
from gcm_review.errors import StorageError

_VECTOR_DTYPE = np.dtype("<f4")
_SELECT_CHUNK = 500  # keys per SELECT, below SQLite's limit on bound parameters


@dataclass(frozen=True)
class CacheStats:
    """How the texts asked for so far were answered."""

    memory_hits: int = 0
    disk_hits: int = 0
    embedded: int = 0


def cache_key(*, embedder: str, kind: EmbeddingKind, text: str) -> str:
    """The hex sha256 naming one text's vector for one embedder and kind."""
    return hashlib.sha256("\x00".join((embedder, kind, text)).encode("utf-8")).hexdigest()


class CachedEmbedder:
    """Wraps an embedder; has its name and dimension, so stored provenance stays the same."""

    def __init__(self, inner: Embedder, *, path: Path | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.languages = embedder_languages(inner)
        self.stats = CacheStats()
        self._memory: dict[str, Vectors] = {}
        self._connection = _open_store(path) if path is not None else None

    def embed(self, texts: Sequence[str], *, kind: EmbeddingKind = "passage") -> Vectors:
        """The inner embedder's rows, from the cache where possible."""
        if not texts:
            return empty_vectors(self.dimension)
        keys = [cache_key(embedder=self.name, kind=kind, text=text) for text in texts]
        wanted = {key: text for key, text in zip(keys, texts, strict=True)}
        missing = [key for key in wanted if key not in self._memory]
        found = self._read_store(missing)
        self._memory.update(found)
        to_embed = [key for key in missing if key not in found]
        if to_embed:
            vectors = self.inner.embed([wanted[key] for key in to_embed], kind=kind)
            fresh = {key: vectors[row] for row, key in enumerate(to_embed)}
            self._memory.update(fresh)
            self._write_store(fresh)
        self.stats = CacheStats(
            memory_hits=self.stats.memory_hits + len(keys) - len(missing),
            disk_hits=self.stats.disk_hits + len(found),
            embedded=self.stats.embedded + len(to_embed),
        )
        return np.stack([self._memory[key] for key in keys]).astype(np.float32, copy=False)

    def close(self) -> None:
        """Close the SQLite file, if any; the memory cache stays usable."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> CachedEmbedder:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _read_store(self, keys: list[str]) -> dict[str, Vectors]:
        if self._connection is None or not keys:
            return {}
        found: dict[str, Vectors] = {}
        width = self.dimension * _VECTOR_DTYPE.itemsize
        for start in range(0, len(keys), _SELECT_CHUNK):
            chunk = keys[start : start + _SELECT_CHUNK]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, vector FROM vectors WHERE key IN ({marks})"
            for key, blob in _run(self._connection, query, chunk):
                if isinstance(blob, bytes) and len(blob) == width:  # else stale: embed again
                    found[key] = np.frombuffer(blob, dtype=_VECTOR_DTYPE).astype(np.float32)
        return found

    def _write_store(self, vectors: dict[str, Vectors]) -> None:
        if self._connection is None:
            return
        rows = [(key, vector.astype(_VECTOR_DTYPE).tobytes()) for key, vector in vectors.items()]
        try:
            with self._connection:
                self._connection.executemany(
                    "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)", rows
                )
        except sqlite3.Error as exc:
            raise StorageError(f"cannot write the vector cache ({exc})", hint=CACHE_HINT) from exc


CACHE_HINT = "set GCM_REVIEW_VECTOR_CACHE to a writable file, or to an empty value for no cache"


def _open_store(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"cannot open the vector cache {path} ({exc})", hint=CACHE_HINT) from exc
    try:
        with connection:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB)"
            )
    except sqlite3.Error as exc:
        connection.close()
        raise StorageError(f"cannot use {path} as a vector cache ({exc})", hint=CACHE_HINT) from exc
    return connection


def _run(
    connection: sqlite3.Connection, query: str, parameters: Sequence[str]
) -> list[tuple[str, object]]:
    try:
        return connection.execute(query, parameters).fetchall()
    except sqlite3.Error as exc:
        raise StorageError(f"cannot read the vector cache ({exc})", hint=CACHE_HINT) from exc
