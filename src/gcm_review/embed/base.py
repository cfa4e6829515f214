"""The one interface every embedder follows, and the vector helpers they share.

An embedder turns texts into float32 rows of unit length, so that a dot product is a cosine.
`kind` says whether a text is a query (an objective's description) or a passage (a paragraph of
a report); models trained with that distinction (e5) use it, symmetric ones ignore it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal, Protocol, TypeAlias

import numpy as np
import numpy.typing as npt

EmbeddingKind = Literal["query", "passage"]
Vectors: TypeAlias = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Something that embeds texts; registered under a versioned name such as "usem3.v1"."""

    name: str
    dimension: int

    def embed(self, texts: Sequence[str], *, kind: EmbeddingKind = "passage") -> Vectors:
        """One L2-normalised float32 row per text, shape (len(texts), dimension), in order."""
        ...


def embedder_languages(embedder: object) -> frozenset[str] | None:
    """The languages (ISO 639-1) an embedder was trained on, from its optional `languages`
    attribute; None when it does not say (it is then trusted with any language)."""
    languages = getattr(embedder, "languages", None)
    return None if languages is None else frozenset(languages)


def normalise_rows(matrix: npt.ArrayLike) -> Vectors:
    """Rows scaled to unit length as float32; an all-zero row stays zero rather than NaN."""
    rows = np.array(matrix, dtype=np.float32, ndmin=2)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    np.maximum(norms, np.float32(1e-12), out=norms)
    return np.asarray(rows / norms, dtype=np.float32)


def empty_vectors(dimension: int) -> Vectors:
    """The result for no texts: shape (0, dimension)."""
    return np.zeros((0, dimension), dtype=np.float32)


def batches(texts: Sequence[str], *, size: int) -> Iterator[Sequence[str]]:
    """Consecutive slices of at most `size` texts."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    for start in range(0, len(texts), size):
        yield texts[start : start + size]
