"""Per (paragraph, label) features from the explicit, lexicon and semantic taggers."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from gcm_review.frameworks.labels import is_objective
from gcm_review.model import Evidence

GROUPS = ("explicit", "lexicon", "semantic", "words")
# Features per (paragraph, label): lexicon (term score, top term label) and semantic (prototype
# and nearest-example similarity centred over the labels, nearest rank 1, rank <= 3, for
# principles the share of the nearest training examples that carry the label, and the label's
# probe read-out of the paragraph and of its best sentence, the second probe's when one is
# set, and the kernel probe's), words (the word probe's read-out),
# and, with any of these, which label it is (so each label has its own bias: some are far more
# common than others). Explicit references act as rules on
# top of the linear layer (explicit.apply_references): few training examples name objectives, so
# it could not learn their weight.
Array = NDArray[np.float32]


@dataclass(frozen=True)
class Scores:
    """Raw tagger outputs for a batch of paragraphs over a list of labels."""

    labels: tuple[str, ...]
    explicit: Sequence[dict[str, Evidence]]
    lexicon: Sequence[dict[str, Evidence]]
    prototype: Array  # (paragraphs, labels)
    nearest: Array  # (paragraphs, labels)
    votes: Array | None = None  # (paragraphs, labels): share of nearest examples with the label
    sentences: Sequence[Sequence[str]] = ()
    closest_sentence: NDArray[np.int_] | None = None  # (paragraphs, labels), -1 for none
    probe: Array | None = None  # (paragraphs, labels, 2): probe read-out, paragraph and best unit
    words: Array | None = None  # (paragraphs, labels): the word probe's read-out
    second: Array | None = None  # (paragraphs, labels): probe2's read-out, when one is set
    kernel: Array | None = None  # (paragraphs, labels): the kernel probe's read-out


def _column_matrix(per_paragraph: Sequence[dict[str, Evidence]], labels: Sequence[str]) -> Array:
    matrix = np.zeros((len(per_paragraph), len(labels)), dtype=np.float32)
    index = {label: i for i, label in enumerate(labels)}
    for row, found in enumerate(per_paragraph):
        for label, evidence in found.items():
            if label in index:
                matrix[row, index[label]] = evidence.score
    return matrix


def _centred(matrix: Array) -> Array:
    spread = matrix.std(axis=1, keepdims=True) + 1e-6
    centred: Array = ((matrix - matrix.mean(axis=1, keepdims=True)) / spread).astype(np.float32)
    return centred


def _principle_votes(votes: Array, labels: Sequence[str]) -> Array:
    """The neighbour votes of principle labels; 0 for objectives.

    Principles are sparse and often absent, so the share of similar examples that carry one tells
    the layer what the similarities alone cannot (procedural paragraphs carry none). Objectives
    are left out: their similarities already separate them, and the vote made them worse on our
    check set.
    """
    principle = np.array([not is_objective(label) for label in labels], dtype=bool)
    masked: Array = np.where(principle[None, :], votes, 0.0).astype(np.float32)
    return masked


def feature_tensor(scores: Scores, groups: Collection[str]) -> Array:
    """(paragraphs, labels, features) for the chosen feature groups, in GROUPS order."""
    parts: list[NDArray[np.float32] | NDArray[np.bool_]] = []
    if "lexicon" in groups:
        lexicon = _column_matrix(scores.lexicon, scores.labels)
        top = (lexicon == lexicon.max(axis=1, keepdims=True)) & (lexicon > 0)
        parts += [lexicon, top]
    if "semantic" in groups:
        order = np.argsort(-scores.nearest, axis=1).argsort(axis=1)
        parts += [
            _centred(scores.prototype),
            _centred(scores.nearest),
            order == 0,
            order < 3,
        ]
        if scores.votes is not None:
            parts.append(_principle_votes(scores.votes, scores.labels))
        if scores.probe is not None:
            parts += [scores.probe[:, :, 0], scores.probe[:, :, 1]]
        if scores.second is not None:
            parts.append(scores.second)
        if scores.kernel is not None:
            parts.append(scores.kernel)
    if "words" in groups and scores.words is not None:
        parts.append(scores.words)
    paragraphs, labels = len(scores.explicit), len(scores.labels)
    if not parts:
        return np.zeros((paragraphs, labels, 0), dtype=np.float32)
    stacked = np.stack([np.asarray(p, dtype=np.float32) for p in parts], axis=2)
    which = np.broadcast_to(np.eye(labels, dtype=np.float32), (paragraphs, labels, labels))
    return np.concatenate([stacked, which], axis=2)


def explicit_matrix(scores: Scores) -> Array:
    """(paragraphs, labels) explicit reference scores: 1 named in the text, 0.5 by a heading."""
    return _column_matrix(scores.explicit, scores.labels)
