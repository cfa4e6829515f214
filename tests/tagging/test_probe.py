"""The probe (a ridge read-out per label), pooled over a paragraph's sentences."""

from __future__ import annotations

import numpy as np

from gcm_review.tagging.probe import fit_probe, pooled_scores


def test_the_probe_reads_a_label_off_the_direction_that_carries_it() -> None:
    vectors = np.array([[1, 0], [0.9, 0.1], [0, 1], [0.1, 0.9]], dtype=np.float32)
    targets = np.array([[True], [True], [False], [False]])
    probe = fit_probe(vectors, targets, np.ones((4, 1), dtype=np.int64), ridge=0.01)
    high, low = probe.scores(np.array([[1, 0], [0, 1]], dtype=np.float32))[:, 0]
    assert high > 0.8 and low < 0.2


def test_a_row_that_does_not_know_a_label_does_not_train_it() -> None:
    vectors = np.array([[1, 0], [0, 1], [1, 0]], dtype=np.float32)
    targets = np.array([[True, True], [False, False], [False, False]])
    counts = np.array([[1, 1], [1, 1], [1, 0]], dtype=np.int64)  # row 3 knows label 1 only
    probe = fit_probe(vectors, targets, counts, ridge=0.01)
    first, second = probe.scores(np.array([[1, 0]], dtype=np.float32))[0]
    assert first < 0.6 < second  # the contradicting row pulls only the label it knows


def test_pooling_keeps_the_paragraph_and_its_best_sentence() -> None:
    vectors = np.array([[0, 1], [1, 0], [0, 1], [0.2, 0.8]], dtype=np.float32)
    targets = np.array([[True], [True], [False], [False]])
    probe = fit_probe(vectors[:2].repeat(2, axis=0), targets, np.ones((4, 1), dtype=np.int64))
    # paragraph 0 is units 0-2 (itself, then two sentences), paragraph 1 is unit 3 alone
    pooled = pooled_scores(probe, vectors, [0, 0, 0, 1], 2)
    assert pooled.shape == (2, 1, 2)
    own, best = pooled[0, 0]
    assert best >= own
    assert pooled[1, 0, 0] == pooled[1, 0, 1]
