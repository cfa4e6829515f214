"""words.v1: a linear read-out of every label from a paragraph's words.

Where the embedding probe (probe.py) hears what a paragraph is about, this one hears how the
training paragraphs said it: the words of laws, statistics and reports in each language, which
no term list holds in full. A paragraph is the set of its words (lower case, digits left out,
Latin and Cyrillic words cut to their first WORD_PREFIX letters, Chinese and Japanese runs as
character pairs, traditional Chinese written as simplified), hashed into DIMENSIONS slots and
scaled to unit length. Every label gets a ridge regression from those slots to 1 or 0, solved in
its dual form (one system of the size of the training set), and kept as one weight per slot. Its
scores are not probabilities: the tagger's linear layer turns them, with the other features,
into calibrated ones.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from gcm_review.languages import fold_han

NAME = "words.v1"
DIMENSIONS = 1 << 17  # hash slots for the words (2^16 and 2^18 scored the same on the dev set)
WORD_PREFIX = 7  # letters kept of a Latin or Cyrillic word (a light stem; 5, 6 and 9 did no better
# on the development set)
RIDGE = 0.1  # by cross-validation on the training split: best of 0.03, 0.1, 0.3 and 1 (3 and 10
# scored lower in cross-validation before the per-label bias was added)
_WORD = re.compile(r"\w+")
_HAN_OR_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
Matrix = NDArray[np.float32]
Slots = NDArray[np.int64]


def word_slots(text: str) -> Slots:
    """The sorted hash slots of a text's distinct words."""
    words: set[str] = set()
    for word in _WORD.findall(text.lower()):
        if _HAN_OR_KANA.search(word):
            word = fold_han(word)
            words.update(word[i : i + 2] for i in range(max(len(word) - 1, 1)))
        elif not word.isdigit():
            words.add(word[:WORD_PREFIX])
    slots = {zlib.crc32(word.encode("utf-8")) % DIMENSIONS for word in words}
    return np.array(sorted(slots), dtype=np.int64)


def word_kernel(first: Sequence[Slots], second: Sequence[Slots]) -> NDArray[np.float64]:
    """(len(first), len(second)) cosines of the texts' word sets: shared slots over the square
    root of the product of their sizes."""
    postings: dict[int, list[int]] = {}
    for column, slots in enumerate(second):
        for slot in slots.tolist():
            postings.setdefault(slot, []).append(column)
    shared = np.zeros((len(first), len(second)))
    for row, slots in enumerate(first):
        counts = shared[row]
        for slot in slots.tolist():
            columns = postings.get(slot)
            if columns:
                counts[columns] += 1.0
    sizes_first = np.array([max(len(s), 1) for s in first], dtype=np.float64)
    sizes_second = np.array([max(len(s), 1) for s in second], dtype=np.float64)
    result: NDArray[np.float64] = shared / np.sqrt(sizes_first[:, None] * sizes_second[None, :])
    return result


@dataclass(frozen=True)
class WordProbe:
    """Weights (DIMENSIONS, labels) and a bias per label."""

    weights: Matrix
    bias: Matrix

    def scores(self, texts: Sequence[str]) -> Matrix:
        """(texts, labels) read-out of each text."""
        return self.scores_of([word_slots(text) for text in texts])

    def scores_of(self, rows: Sequence[Slots]) -> Matrix:
        """(rows, labels) read-out of texts given as their word slots."""
        result = np.tile(self.bias, (len(rows), 1))
        for index, slots in enumerate(rows):
            if len(slots):
                result[index] += self.weights[slots].sum(axis=0) / np.sqrt(len(slots))
        return result


def fit_word_probe(
    rows: Sequence[Slots],
    targets: NDArray[np.bool_],
    counts: NDArray[np.integer],
    *,
    kernel: NDArray[np.float64] | None = None,
    ridge: float = RIDGE,
) -> WordProbe:
    """Fit every label's read-out; `counts[i, j]` is how often row i counts for label j (0: the
    row does not know that label). `kernel` is `word_kernel(rows, rows)` when already made."""
    if kernel is None:
        kernel = word_kernel(rows, rows)
    coefficients, bias = fit_dual(kernel, targets, counts, ridge=ridge)
    weights = np.zeros((DIMENSIONS, targets.shape[1]), dtype=np.float32)
    for row, slots in enumerate(rows):
        if len(slots) and coefficients[row].any():
            weights[slots] += (coefficients[row] / np.sqrt(len(slots))).astype(np.float32)
    return WordProbe(weights, bias.astype(np.float32))


def fit_dual(
    kernel: NDArray[np.float64],
    targets: NDArray[np.bool_],
    counts: NDArray[np.integer],
    *,
    ridge: float = RIDGE,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The ridge regressions in dual form: (rows, labels) coefficients and a bias per label, so
    that a text's scores are its kernel row times the coefficients, plus the bias. Each row
    counts as often as `counts` says; labels that count the same rows share one solve."""
    coefficients = np.zeros(targets.shape)
    bias = np.zeros(targets.shape[1])
    columns_by_counts: dict[bytes, list[int]] = {}
    for column in range(targets.shape[1]):
        columns_by_counts.setdefault(counts[:, column].tobytes(), []).append(column)
    for group in columns_by_counts.values():
        columns = np.array(group, dtype=np.int64)
        weight = counts[:, group[0]].astype(np.float64)
        used = np.flatnonzero(weight > 0)
        if not len(used):
            continue
        y = targets[np.ix_(used, columns)].astype(np.float64)
        mean = np.average(y, axis=0, weights=weight[used])
        system = kernel[np.ix_(used, used)] + np.diag(ridge / weight[used])
        coefficients[np.ix_(used, columns)] = np.linalg.solve(system, y - mean)
        bias[columns] = mean
    return coefficients, bias


def held_out_dual(
    kernel: NDArray[np.float64],
    targets: NDArray[np.bool_],
    counts: NDArray[np.integer],
    folds: NDArray[np.int64],
    *,
    ridge: float,
) -> NDArray[np.float32]:
    """(rows, labels) scores of each row from the dual ridge regressions (fit_dual) fitted on the
    rows of the other folds: what the linear layer trains on."""
    held_out = np.zeros(targets.shape, dtype=np.float32)
    for fold in np.unique(folds):
        held, training = np.flatnonzero(folds == fold), np.flatnonzero(folds != fold)
        if not len(training):
            continue
        coefficients, bias = fit_dual(
            kernel[np.ix_(training, training)], targets[training], counts[training], ridge=ridge
        )
        held_out[held] = kernel[np.ix_(held, training)] @ coefficients + bias
    return held_out


__all__ = [
    "NAME",
    "WordProbe",
    "fit_dual",
    "fit_word_probe",
    "held_out_dual",
    "word_kernel",
    "word_slots",
]
