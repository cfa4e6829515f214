"""kernel.v1: a read-out of every label from how close a paragraph is to each training paragraph.

probe.v1 reads each label off the embedding along one direction. This probe compares the paragraph
with every training paragraph instead: a kernel exp(GAMMA * (cosine - 1)) of their embeddings (1
for the same vector, smaller as they part) and a ridge regression per label in dual form
(word_probe.fit_dual), so a label that training paragraphs of several different kinds carry is
not forced onto one direction. Its scores are not probabilities: the tagger's linear layer turns
them, with the other features, into calibrated ones.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from gcm_review.embed.base import normalise_rows
from gcm_review.tagging.word_probe import fit_dual, held_out_dual

NAME = "kernel.v1"
# Both chosen by cross-validation on the training split's real paragraphs (GAMMA of 1, 2, 3, 5, 10
# and 20; RIDGE of 0.03, 0.1, 0.3 and 1 at GAMMA 2). From GAMMA 1 to 3 and RIDGE 0.03 to 0.3,
# objectives micro-F1 stayed within 0.002 and principles within 0.005 (5 and more scored lower):
# these are the middle of that range.
GAMMA = 2.0
RIDGE = 0.1
SCORED_AT_ONCE = 1024  # paragraphs whose kernel rows are computed together
Matrix = NDArray[np.float32]


@dataclass(frozen=True)
class KernelProbe:
    """The training paragraphs' unit vectors and each label's dual coefficients and bias."""

    vectors: Matrix  # (training paragraphs, dim), unit length
    coefficients: NDArray[np.float64]  # (training paragraphs, labels)
    bias: NDArray[np.float64]  # (labels,)

    def scores(self, vectors: NDArray[np.floating]) -> Matrix:
        """(rows, labels) read-out of each paragraph vector, SCORED_AT_ONCE rows at a time (the
        kernel of 10,000 paragraphs against the training set would take a few hundred MB)."""
        units = normalise_rows(vectors)
        result = np.zeros((len(units), len(self.bias)), dtype=np.float32)
        for start in range(0, len(units), SCORED_AT_ONCE):
            kernel = paragraph_kernel(units[start : start + SCORED_AT_ONCE], self.vectors)
            result[start : start + SCORED_AT_ONCE] = kernel @ self.coefficients + self.bias
        return result


def paragraph_kernel(first: Matrix, second: Matrix) -> NDArray[np.float64]:
    """(len(first), len(second)) kernel of unit vectors: exp(GAMMA * (cosine - 1))."""
    cosines = (first @ second.T).astype(np.float64)
    return np.exp(GAMMA * (np.minimum(cosines, 1.0) - 1.0))


def fit_kernel_probe(
    vectors: NDArray[np.floating],
    targets: NDArray[np.bool_],
    counts: NDArray[np.integer],
    folds: NDArray[np.int64],
) -> tuple[KernelProbe, Matrix]:
    """The probe fitted on every training paragraph, and each paragraph's scores from one fitted
    without its fold (for the linear layer). `counts[i, j]` is how often paragraph i counts for
    label j (0: it does not know that label)."""
    units = normalise_rows(vectors)
    kernel = paragraph_kernel(units, units)
    held_out = held_out_dual(kernel, targets, counts, folds, ridge=RIDGE)
    coefficients, bias = fit_dual(kernel, targets, counts, ridge=RIDGE)
    return KernelProbe(units, coefficients, bias), held_out


__all__ = ["NAME", "KernelProbe", "fit_kernel_probe", "paragraph_kernel"]
