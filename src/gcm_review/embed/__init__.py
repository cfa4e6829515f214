"""Text embedders behind one interface, a name registry and a vector cache.

Importing this package loads no model: `get_embedder(name)` builds one on first use.
"""

from gcm_review.embed.base import Embedder, EmbeddingKind, Vectors, embedder_languages
from gcm_review.embed.cache import CachedEmbedder, CacheStats
from gcm_review.embed.registry import (
    embedder_names,
    forget_embedders,
    get_embedder,
    register_embedder,
)

__all__ = [
    "CacheStats",
    "CachedEmbedder",
    "Embedder",
    "EmbeddingKind",
    "Vectors",
    "embedder_languages",
    "embedder_names",
    "forget_embedders",
    "get_embedder",
    "register_embedder",
]
