"""Neighbour votes of the semantic tagger, and how the feature tensor uses them."""

from __future__ import annotations

import numpy as np
import pytest

from gcm_review.tagging.features import Scores, feature_tensor
from gcm_review.tagging.semantic import NEIGHBOURS, LabelSpace, similarities

LABELS = ("objective:1", "principle:human-rights")


def unit_rows(*rows: list[float]) -> np.ndarray:
    matrix = np.array(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def space_of_six() -> LabelSpace:
    """Six examples along a line: the first two carry human-rights, all carry objective 1."""
    examples = unit_rows([1.0, 0.0], [1.0, 0.1], [1.0, 0.3], [1.0, 0.5], [1.0, 0.8], [0.0, 1.0])
    membership = np.array([[True, i < 2] for i in range(6)], dtype=bool)
    return LabelSpace(LABELS, unit_rows([1.0, 0.0], [0.0, 1.0]), examples, membership)


def test_votes_are_the_share_of_the_nearest_examples_with_the_label() -> None:
    assert NEIGHBOURS == 5
    _, nearest, votes = similarities(unit_rows([1.0, 0.0]), space_of_six())
    # The five nearest examples are the first five: all carry objective 1, two human-rights.
    assert votes[0].tolist() == pytest.approx([1.0, 0.4])
    assert nearest[0, 1] > 0.99


def test_excluded_examples_do_not_vote() -> None:
    # Leaving out examples 0 and 1 also leaves out their near-copies (2 and 3); 4 and 5 vote.
    _, _, votes = similarities(unit_rows([1.0, 0.0]), space_of_six(), exclude=[[0, 1]])
    assert votes[0].tolist() == [1.0, 0.0]


def test_votes_feed_principles_only() -> None:
    votes = np.array([[0.8, 0.6]], dtype=np.float32)
    similarity = np.array([[0.5, 0.2]], dtype=np.float32)
    base = Scores(LABELS, [{}], [{}], similarity, similarity)
    with_votes = Scores(LABELS, [{}], [{}], similarity, similarity, votes=votes)
    without = feature_tensor(base, {"semantic"})
    tensor = feature_tensor(with_votes, {"semantic"})
    assert tensor.shape[2] == without.shape[2] + 1
    votes_column = tensor.shape[2] - len(LABELS) - 1  # the label indicators come last
    assert tensor[0, :, votes_column].tolist() == [0.0, np.float32(0.6)]


def test_each_label_has_its_own_indicator_and_words_feed_the_layer() -> None:
    similarity = np.array([[0.5, 0.2]], dtype=np.float32)
    words = np.array([[0.9, -0.1]], dtype=np.float32)
    scores = Scores(LABELS, [{}], [{}], similarity, similarity, words=words)
    tensor = feature_tensor(scores, {"words"})
    assert tensor.shape == (1, 2, 1 + len(LABELS))
    assert tensor[0, :, 0].tolist() == [np.float32(0.9), np.float32(-0.1)]
    assert tensor[0, :, 1:].tolist() == [[1.0, 0.0], [0.0, 1.0]]
    assert feature_tensor(scores, {"explicit"}).shape == (1, 2, 0)
