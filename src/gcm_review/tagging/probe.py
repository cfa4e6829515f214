"""probe.v1: a linear read-out of every label from a paragraph's embedding.

A ridge regression per label from the embedding (and a bias) to 1 or 0, fitted on the training
paragraphs in one solve. Applied to a paragraph and to each of its sentences, it gives two scores
per label: the paragraph's own, and the best of its sentences' (a long paragraph often speaks to
a label in one sentence). The scores are not probabilities: the tagger's linear layer turns them,
with the other features, into calibrated ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

NAME = "probe.v1"
RIDGE = 1.0  # chosen by cross-validation on the training split (1.0 of 0.3, 1, 3 and 10)
Matrix = NDArray[np.float32]


@dataclass(frozen=True)
class Probe:
    """Weights (dim + 1, labels), the bias in the last row."""

    weights: NDArray[np.float64]

    def scores(self, vectors: NDArray[np.floating]) -> Matrix:
        """(rows, labels) read-out of each vector."""
        x = np.asarray(vectors, dtype=np.float64)
        result: Matrix = (x @ self.weights[:-1] + self.weights[-1]).astype(np.float32)
        return result


def fit_probe(
    vectors: NDArray[np.floating],
    targets: NDArray[np.bool_],
    counts: NDArray[np.integer],
    *,
    ridge: float = RIDGE,
) -> Probe:
    """Fit every label's read-out; `counts[i, j]` is how often row i counts for label j (0: the
    row does not know that label). Labels that count the same rows share one solve."""
    x = np.hstack([np.asarray(vectors, dtype=np.float64), np.ones((len(vectors), 1))])
    penalty = np.full(x.shape[1], ridge)
    penalty[-1] = 0.0  # the bias is not penalised
    weights = np.zeros((x.shape[1], targets.shape[1]))
    columns_by_counts: dict[bytes, list[int]] = {}
    for column in range(targets.shape[1]):
        columns_by_counts.setdefault(counts[:, column].tobytes(), []).append(column)
    for columns in columns_by_counts.values():
        weight = counts[:, columns[0]].astype(np.float64)
        gram = (x * weight[:, None]).T @ x + np.diag(penalty + 1e-9)
        right = (x * weight[:, None]).T @ targets[:, columns].astype(np.float64)
        weights[:, columns] = np.linalg.solve(gram, right)
    return Probe(weights)


def first_units(owners: Sequence[int], rows: int) -> NDArray[np.intp]:
    """The index of each paragraph's first unit, which is the paragraph itself (`owners[i]` is
    the paragraph of unit i, in order)."""
    return np.searchsorted(np.asarray(owners), np.arange(rows))


def pooled_scores(probe: Probe, vectors: Matrix, owners: Sequence[int], rows: int) -> Matrix:
    """(rows, labels, 2): each paragraph's own score and the best over its units.

    `vectors` are a batch's units (each paragraph, then its sentences when it has more than one),
    `owners[i]` the paragraph of unit i; a paragraph's first unit is the paragraph itself.
    """
    unit_scores = probe.scores(vectors)
    own = unit_scores[first_units(owners, rows)]
    best = np.full_like(own, -np.inf)
    np.maximum.at(best, np.asarray(owners), unit_scores)
    result: Matrix = np.stack([own, best], axis=2)
    return result
