"""The kernel probe: a ridge read-out per label from closeness to the training paragraphs."""

from __future__ import annotations

import numpy as np
import pytest

from gcm_review.embed.base import normalise_rows
from gcm_review.tagging import kernel_probe
from gcm_review.tagging.kernel_probe import fit_kernel_probe, paragraph_kernel

# Two clusters of directions: the label is carried by the first only.
VECTORS = np.array(
    [[1, 0, 0], [0.9, 0.1, 0], [0.95, 0, 0.05], [0, 1, 0], [0, 0.9, 0.1], [0.05, 0.95, 0]],
    dtype=np.float32,
)
TARGETS = np.array([[True], [True], [True], [False], [False], [False]])
ONES = np.ones((6, 1), dtype=np.int64)


def test_the_kernel_is_one_for_the_same_direction_and_smaller_apart() -> None:
    units = normalise_rows(np.array([[2, 0], [0, 3], [1, 1], [0, 0]], dtype=np.float32))
    kernel = paragraph_kernel(units, units)
    assert np.allclose(np.diag(kernel)[:3], 1.0)
    assert kernel[0, 1] < kernel[0, 2] < 1.0
    assert np.all(units[3] == 0)  # a zero vector stays zero instead of dividing by zero


def test_the_probe_reads_a_label_off_the_paragraphs_near_it() -> None:
    folds = np.array([0, 1, 2, 0, 1, 2], dtype=np.int64)
    probe, held_out = fit_kernel_probe(VECTORS, TARGETS, ONES, folds)
    near, far = probe.scores(np.array([[3, 0.2, 0], [0, 2, 0.1]], dtype=np.float32))[:, 0]
    assert near > 0.7 and far < 0.3
    assert held_out.shape == (6, 1)
    # Each paragraph's held-out score comes from the other folds and still tells them apart.
    assert held_out[:3, 0].min() > held_out[3:, 0].max()


def test_a_paragraph_that_does_not_know_a_label_does_not_train_it() -> None:
    targets = np.hstack([TARGETS, TARGETS])
    counts = np.ones((6, 2), dtype=np.int64)
    targets[0] = [False, False]  # paragraph 0 contradicts its cluster ...
    counts[0, 0] = 0  # ... but knows only label 1
    probe, _ = fit_kernel_probe(VECTORS, targets, counts, np.zeros(6, dtype=np.int64))
    first, second = probe.scores(VECTORS[:1])[0]
    assert second < first


def test_scores_are_the_same_whatever_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    probe, _ = fit_kernel_probe(VECTORS, TARGETS, ONES, np.zeros(6, dtype=np.int64))
    whole = probe.scores(VECTORS)
    monkeypatch.setattr(kernel_probe, "SCORED_AT_ONCE", 4)
    assert np.allclose(probe.scores(VECTORS), whole)
