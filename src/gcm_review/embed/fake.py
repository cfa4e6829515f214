"""`fake.v1`: a deterministic, model-free embedder for tests.

The hashing trick over word unigrams and bigrams of the casefolded text: each feature adds +1 or
-1 (both from a blake2b hash, stable across processes, unlike `hash`) to one of 256 dimensions,
and the row is L2-normalised. Texts sharing words get a positive cosine; it ignores `kind`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

from gcm_review.embed.base import EmbeddingKind, Vectors, empty_vectors, normalise_rows

FAKE_DIMENSION = 256
_WORD = re.compile(r"\w+")
_EMPTY_FEATURE = "\x00empty"  # gives texts without words a fixed unit vector


def text_features(text: str) -> list[str]:
    """The word unigrams and bigrams of the casefolded text."""
    words = _WORD.findall(text.casefold())
    bigrams = [f"{first} {second}" for first, second in zip(words, words[1:], strict=False)]
    return [*words, *bigrams] or [_EMPTY_FEATURE]


def _slot(feature: str, *, dimension: int) -> tuple[int, float]:
    digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
    value = int.from_bytes(digest, "little")
    return value % dimension, (1.0 if value >> 63 else -1.0)


class FakeEmbedder:
    """Hashed bag of words and word pairs; fast, deterministic, no model to load."""

    def __init__(self, *, dimension: int = FAKE_DIMENSION, name: str = "fake.v1") -> None:
        self.name = name
        self.dimension = dimension

    def embed(self, texts: Sequence[str], *, kind: EmbeddingKind = "passage") -> Vectors:
        """One unit row per text; `kind` makes no difference."""
        if not texts:
            return empty_vectors(self.dimension)
        rows = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature in text_features(text):
                column, sign = _slot(feature, dimension=self.dimension)
                rows[row, column] += sign
            if not rows[row].any():  # features that cancelled out exactly
                column, sign = _slot(_EMPTY_FEATURE, dimension=self.dimension)
                rows[row, column] = sign
        return normalise_rows(rows)
