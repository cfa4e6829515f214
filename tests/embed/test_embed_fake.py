"""fake.v1: deterministic, normalised, sensitive to shared words, never loads a model."""

from __future__ import annotations

import numpy as np

from gcm_review.embed.fake import FAKE_DIMENSION, FakeEmbedder, text_features


def test_rows_are_unit_float32_of_the_right_shape() -> None:
    texts = ["Migrant workers", "", "!!!", "عمال مهاجرون", "travailleurs migrants"]
    vectors = FakeEmbedder().embed(texts)
    assert vectors.shape == (len(texts), FAKE_DIMENSION)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-6)


def test_same_text_same_vector_across_instances_and_case() -> None:
    first = FakeEmbedder().embed(["Border management and data"])
    again = FakeEmbedder().embed(["BORDER management AND data"], kind="query")
    assert np.array_equal(first, again)


def test_shared_words_score_higher_than_unrelated_text() -> None:
    base, near, far = FakeEmbedder().embed(
        ["labour migration data", "migration data systems", "football scores tonight"]
    )
    assert float(base @ near) > float(base @ far)


def test_features_are_unigrams_and_bigrams() -> None:
    assert text_features("Safe, orderly migration") == [
        "safe",
        "orderly",
        "migration",
        "safe orderly",
        "orderly migration",
    ]


def test_no_texts_gives_an_empty_matrix() -> None:
    assert FakeEmbedder().embed([]).shape == (0, FAKE_DIMENSION)
