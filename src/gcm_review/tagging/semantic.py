"""semantic.v1: how close a paragraph is, in a multilingual embedding space, to each label.

Two similarities per label: to the label's prototype (its titles in three languages and its scope
description) and to the nearest written example that carries the label. Both work for any language
the embedder knows, without term lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from gcm_review.embed import Embedder
from gcm_review.frameworks import Framework
from gcm_review.frameworks.labels import objective_label, principle_label
from gcm_review.languages import split_sentences
from gcm_review.tagging.examples import Example

NAME = "semantic.v1"
NEAR_COPY = 0.8  # cosine above which two written examples count as the same text
NEIGHBOURS = 5  # written examples that vote on a paragraph's labels
Matrix = NDArray[np.float32]


@dataclass(frozen=True)
class LabelSpace:
    """Label prototypes and labelled example vectors in one embedding space."""

    labels: tuple[str, ...]
    prototypes: Matrix  # (labels, dim)
    examples: Matrix  # (examples, dim)
    example_labels: NDArray[np.bool_]  # (examples, labels)


def label_descriptions(framework: Framework) -> dict[str, list[str]]:
    """Texts that describe each label: titles in every language, then the scope."""
    described: dict[str, list[str]] = {}
    for objective in framework.objectives:
        texts = [*objective.titles.values(), objective.scope]
        described[objective_label(objective.number)] = texts
    for principle in framework.principles:
        described[principle_label(principle.key)] = [*principle.titles.values(), principle.scope]
    return described


def build_label_space(
    framework: Framework, examples: Sequence[Example], embedder: Embedder
) -> LabelSpace:
    """Embed the label descriptions and the written examples."""
    described = label_descriptions(framework)
    labels = tuple(described)
    flat = [text for label in labels for text in described[label]]
    vectors = embedder.embed(flat, kind="query")
    prototypes = np.zeros((len(labels), vectors.shape[1]), dtype=np.float32)
    row = 0
    for index, label in enumerate(labels):
        count = len(described[label])
        prototypes[index] = _unit(vectors[row : row + count].mean(axis=0))
        row += count
    example_vectors = embedder.embed([e.text for e in examples], kind="query")
    membership = np.array(
        [[label in example.labels for label in labels] for example in examples], dtype=bool
    ).reshape(len(examples), len(labels))
    return LabelSpace(labels, prototypes, example_vectors, membership)


def similarities(
    vectors: Matrix, space: LabelSpace, *, exclude: Sequence[Sequence[int]] | None = None
) -> tuple[Matrix, Matrix, Matrix]:
    """(prototype similarity, nearest-example similarity, neighbour votes), each
    (paragraphs, labels).

    A label's neighbour vote is the share of the paragraph's NEIGHBOURS nearest written examples
    that carry it: unlike the two similarities it also hears the examples without the label, such
    as procedural paragraphs, which carry none.

    `exclude[i]` names the example rows to leave out for paragraph i (leave-one-out on the
    training examples themselves).
    """
    proto = vectors @ space.prototypes.T
    to_examples = vectors @ space.examples.T  # (paragraphs, examples)
    if exclude is not None:
        for row, skip in enumerate(exclude):
            to_examples[row, list(skip)] = -1.0
        # Training rows also lose their near-copies (translations of the same written
        # example), or the nearest-example feature would look far more reliable than it is.
        to_examples[to_examples > NEAR_COPY] = -1.0
    nearest = np.full((len(vectors), len(space.labels)), -1.0, dtype=np.float32)
    for index in range(len(space.labels)):
        members = space.example_labels[:, index]
        if members.any():
            nearest[:, index] = to_examples[:, members].max(axis=1)
    return proto.astype(np.float32), nearest, _neighbour_votes(to_examples, space.example_labels)


def _neighbour_votes(to_examples: Matrix, example_labels: NDArray[np.bool_]) -> Matrix:
    count = min(NEIGHBOURS, to_examples.shape[1])
    if count == 0:
        return np.zeros((to_examples.shape[0], example_labels.shape[1]), dtype=np.float32)
    closest = np.argpartition(-to_examples, count - 1, axis=1)[:, :count]
    voting = np.take_along_axis(to_examples, closest, axis=1) > -1.0  # left-out examples: -1
    tally = (example_labels[closest] & voting[:, :, None]).sum(axis=1)
    votes: Matrix = (tally / np.maximum(voting.sum(axis=1), 1)[:, None]).astype(np.float32)
    return votes


@dataclass(frozen=True)
class PooledSimilarity:
    """Per paragraph and label, the best similarity over the paragraph and its sentences."""

    prototype: Matrix  # (paragraphs, labels)
    nearest: Matrix  # (paragraphs, labels)
    votes: Matrix  # (paragraphs, labels)
    sentences: list[list[str]]
    closest_sentence: NDArray[np.int_]  # (paragraphs, labels): index into sentences[p], or -1
    units: Matrix  # (units, dim): each paragraph's vector, then its sentences' (if more than one)
    owners: list[int]  # the paragraph of each unit, in order


def pooled_similarities(
    texts: Sequence[str],
    embedder: Embedder,
    space: LabelSpace,
    *,
    exclude: Sequence[Sequence[int]] | None = None,
) -> PooledSimilarity:
    """Similarities of each paragraph, pooled (max) over the whole text and each sentence.

    A long paragraph often speaks to several objectives, one sentence each: pooling over its
    sentences keeps each of them visible, and gives the sentence to show as evidence.
    """
    sentences = [split_sentences(text) for text in texts]
    units: list[str] = []
    owners: list[int] = []
    for row, (text, parts) in enumerate(zip(texts, sentences, strict=True)):
        pieces = [text, *parts] if len(parts) > 1 else [text]
        units.extend(pieces)
        owners.extend([row] * len(pieces))
    vectors = embedder.embed(units, kind="query")
    skip = None if exclude is None else [exclude[owner] for owner in owners]
    proto_units, nearest_units, vote_units = similarities(vectors, space, exclude=skip)
    owner_array = np.array(owners)
    shape = (len(texts), len(space.labels))
    prototype = np.full(shape, -1.0, dtype=np.float32)
    nearest = np.full(shape, -1.0, dtype=np.float32)
    votes = np.zeros(shape, dtype=np.float32)
    closest = np.full(shape, -1, dtype=np.int_)
    for row in range(len(texts)):
        rows = np.flatnonzero(owner_array == row)
        prototype[row] = proto_units[rows].max(axis=0)
        nearest[row] = nearest_units[rows].max(axis=0)
        votes[row] = vote_units[rows].max(axis=0)
        if len(rows) > 1:  # the first unit is the whole paragraph
            closest[row] = proto_units[rows[1:]].argmax(axis=0)
    return PooledSimilarity(prototype, nearest, votes, sentences, closest, vectors, owners)


def _unit(vector: NDArray[np.float32]) -> NDArray[np.float32]:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector
