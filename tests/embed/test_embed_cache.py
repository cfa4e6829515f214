"""CachedEmbedder: one inner call for the missing texts only, in memory and on disk."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from gcm_review.embed.base import EmbeddingKind, Vectors
from gcm_review.embed.cache import CachedEmbedder, cache_key
from gcm_review.embed.fake import FakeEmbedder
from gcm_review.errors import StorageError


class CountingEmbedder:
    """The fake embedder, recording every batch it is asked for."""

    def __init__(self) -> None:
        self.inner = FakeEmbedder(dimension=32)
        self.name = "counting.v1"
        self.dimension = 32
        self.calls: list[tuple[list[str], EmbeddingKind]] = []

    def embed(self, texts: Sequence[str], *, kind: EmbeddingKind = "passage") -> Vectors:
        self.calls.append((list(texts), kind))
        return self.inner.embed(texts, kind=kind)


def test_repeated_texts_are_embedded_once() -> None:
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner)
    cached.embed(["a b", "c d"])
    cached.embed(["c d", "e f", "a b"])
    assert inner.calls == [(["a b", "c d"], "passage"), (["e f"], "passage")]
    assert cached.stats.embedded == 3
    assert cached.stats.memory_hits == 2


def test_order_is_kept_with_duplicates() -> None:
    inner = CountingEmbedder()
    texts = ["one", "two", "one", "three", "two", "one"]
    vectors = CachedEmbedder(inner).embed(texts)
    assert inner.calls == [(["one", "two", "three"], "passage")]
    assert np.array_equal(vectors, inner.inner.embed(texts))


def test_kind_is_part_of_the_key() -> None:
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner)
    cached.embed(["same"], kind="query")
    cached.embed(["same"], kind="passage")
    assert len(inner.calls) == 2
    assert cache_key(embedder="x", kind="query", text="t") != cache_key(
        embedder="x", kind="passage", text="t"
    )


def test_vectors_persist_across_instances(tmp_path: Path) -> None:
    path = tmp_path / "vectors.sqlite"
    first_inner = CountingEmbedder()
    with CachedEmbedder(first_inner, path=path) as first:
        expected = first.embed(["alpha beta", "gamma"])
    second_inner = CountingEmbedder()
    with CachedEmbedder(second_inner, path=path) as second:
        again = second.embed(["gamma", "alpha beta", "delta"])
        assert second.stats.disk_hits == 2
    assert second_inner.calls == [(["delta"], "passage")]
    assert np.array_equal(again[:2], expected[::-1])


def test_wraps_transparently() -> None:
    cached = CachedEmbedder(CountingEmbedder())
    assert (cached.name, cached.dimension) == ("counting.v1", 32)
    assert cached.embed([]).shape == (0, 32)


def test_unusable_path_is_a_storage_error(tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    with pytest.raises(StorageError):
        CachedEmbedder(CountingEmbedder(), path=a_file / "v.sqlite")
    not_a_database = tmp_path / "notes.sqlite"
    not_a_database.write_bytes(b"this is not a database file at all, just bytes" * 20)
    with pytest.raises(StorageError):
        CachedEmbedder(CountingEmbedder(), path=not_a_database)


def test_a_missing_cache_folder_is_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "v.sqlite"
    CachedEmbedder(CountingEmbedder(), path=path).close()
    assert path.is_file()
