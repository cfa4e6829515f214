"""Training gcm-tagger.v3: label space, probes and linear layer, from labelled paragraphs.

Every choice is made on the training examples alone: the probes' scores that train the layer are
out of fold, and the layer's threshold per label kind is the one that gives the best
cross-validated micro-F1. Folds keep the paragraphs of one source document together (`group`),
so a document's other paragraphs never vouch for it. The threshold is chosen on the paragraphs of
real documents (examples with a source document, and analysts' feedback): the written examples
train the layer too, but they are shorter and plainer than what the tagger reads. A framework
whose examples are all written chooses it on them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from gcm_review.embed import Embedder
from gcm_review.frameworks import Framework
from gcm_review.frameworks.labels import is_objective
from gcm_review.model import TagInput
from gcm_review.tagging.examples import Example
from gcm_review.tagging.explicit import NAMED_PROBABILITY
from gcm_review.tagging.features import GROUPS, Scores, feature_tensor
from gcm_review.tagging.kernel_probe import fit_kernel_probe
from gcm_review.tagging.lexicon import compile_lexicon
from gcm_review.tagging.linear import best_threshold, fit_logistic
from gcm_review.tagging.probe import Probe, first_units, fit_probe, pooled_scores
from gcm_review.tagging.second_probe import fit_second_probe
from gcm_review.tagging.semantic import LabelSpace, build_label_space
from gcm_review.tagging.tagger import KINDS, GcmTagger, KindModel, Layer
from gcm_review.tagging.word_probe import RIDGE as WORD_RIDGE
from gcm_review.tagging.word_probe import (
    Slots,
    WordProbe,
    fit_word_probe,
    held_out_dual,
    word_kernel,
    word_slots,
)

FOLDS = 5


@dataclass(frozen=True)
class TrainingRow:
    """A training paragraph: a labelled example, or a paragraph an analyst reviewed."""

    text: str
    language: str | None
    labels: frozenset[str]
    sources: tuple[int, ...]  # its rows in the label space (left out of its own neighbours)
    known: frozenset[str] | None = None  # labels it trains on; None: all of them
    weight: int = 1  # times each known label counts
    group: str | None = None  # its source document: one fold holds the whole group
    real: bool = True  # from a real document (not written for training): it chooses thresholds


def training_rows(examples: Sequence[Example]) -> list[TrainingRow]:
    """One row per labelled example; an example without a source document is a written one."""
    return [
        TrainingRow(
            e.text,
            e.language,
            e.labels,
            (index,),
            weight=e.weight,
            group=e.group,
            real=e.group is not None,
        )
        for index, e in enumerate(examples)
    ]


def feedback_rows(feedback: Sequence[Example], *, first: int) -> list[TrainingRow]:
    """Analysts' paragraphs as training rows (their labels may be partial: `known`).

    `first` is the index of the first feedback paragraph among the label space's examples.
    """
    return [
        TrainingRow(e.text, e.language, e.labels, (first + offset,), e.known, e.weight, e.group)
        for offset, e in enumerate(feedback)
    ]


def train_tagger(
    framework: Framework,
    embedder: Embedder,
    examples: Sequence[Example],
    *,
    groups: Collection[str] = GROUPS,
    feedback: Sequence[Example] = (),
    probe_embedder: Embedder | None = None,
) -> GcmTagger:
    """Build the label space from the framework and fit the probes and the linear layer.

    `feedback` holds paragraphs analysts reviewed: they join the examples in the label space (so
    similar paragraphs get their accepted labels' nearest-example similarity), and the probe
    and the layer train on the labels they decided only, each cell counted `weight` times.
    `probe_embedder`, when given, adds a probe over its paragraph vectors (second_probe.py).
    """
    space = build_label_space(framework, [*examples, *feedback], embedder)
    untrained = GcmTagger(
        embedder,
        space,
        compile_lexicon(framework),
        frozenset(groups),
        Layer(frozenset(), {}),
        framework,
    )
    rows = training_rows(examples) + feedback_rows(feedback, first=len(examples))
    inputs = [TagInput(row.text, row.language) for row in rows]
    scores, units, owners = untrained.scores_and_units(inputs, exclude=[r.sources for r in rows])
    targets = np.array(
        [[label in row.labels for label in space.labels] for row in rows], dtype=bool
    ).reshape(len(rows), len(space.labels))
    counts = _cell_counts(rows, space.labels)
    folds = _folds(rows)
    probe = kernel_probe = None
    if "semantic" in groups:
        paragraphs = units[first_units(owners, len(rows))]
        probe = fit_probe(paragraphs, targets, counts)
        kernel_probe, kernel = fit_kernel_probe(paragraphs, targets, counts, folds)
        probe_scores = _out_of_fold_probe(units, owners, targets, counts, folds)
        scores = replace(scores, probe=probe_scores, kernel=kernel)
    second_probe = None
    if "semantic" in groups and probe_embedder is not None:
        texts = [row.text for row in rows]
        second_probe, second = fit_second_probe(probe_embedder, texts, targets, counts, folds)
        scores = replace(scores, second=second)
    word_probe = None
    if "words" in groups:
        word_probe, words = _word_probe(rows, targets, counts, folds)
        scores = replace(scores, words=words)
    real = np.array([row.real for row in rows], dtype=bool)
    layer = _fit_layer(
        scores, space, targets, counts, folds, real, frozenset(groups) - {"explicit"}
    )
    return GcmTagger(
        embedder,
        space,
        untrained.lexicon,
        frozenset(groups),
        layer,
        framework,
        probe,
        word_probe,
        second_probe,
        kernel_probe,
    )


def _word_probe(
    rows: Sequence[TrainingRow],
    targets: NDArray[np.bool_],
    counts: NDArray[np.int64],
    folds: NDArray[np.int64],
) -> tuple[WordProbe, NDArray[np.float32]]:
    """The word probe fitted on every row, and each row's scores from one fitted without its
    fold (for the layer)."""
    slots: list[Slots] = [word_slots(row.text) for row in rows]
    kernel = word_kernel(slots, slots)
    held_out = held_out_dual(kernel, targets, counts, folds, ridge=WORD_RIDGE)
    return fit_word_probe(slots, targets, counts, kernel=kernel), held_out


def _folds(rows: Sequence[TrainingRow]) -> NDArray[np.int64]:
    """Each row's fold: from a hash of its group (its own position when it has none)."""
    keys = [row.group if row.group is not None else f"row-{i}" for i, row in enumerate(rows)]
    return np.array(
        [int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % FOLDS for key in keys],
        dtype=np.int64,
    )


def _out_of_fold_probe(
    units: NDArray[np.float32],
    owners: Sequence[int],
    targets: NDArray[np.bool_],
    counts: NDArray[np.int64],
    folds: NDArray[np.int64],
) -> NDArray[np.float32]:
    """(rows, labels, 2) probe scores of each row from a probe fitted without its fold."""
    owner_array = np.asarray(owners)
    paragraphs = units[first_units(owners, len(targets))]
    result = np.zeros((len(targets), targets.shape[1], 2), dtype=np.float32)
    for fold in range(FOLDS):
        held = np.flatnonzero(folds == fold)
        if not len(held):
            continue
        training = folds != fold
        probe = fit_probe(paragraphs[training], targets[training], counts[training])
        unit_rows = np.flatnonzero(np.isin(owner_array, held))
        local = np.searchsorted(held, owner_array[unit_rows])
        result[held] = pooled_scores(probe, units[unit_rows], list(local), len(held))
    return result


def _cell_counts(rows: Sequence[TrainingRow], labels: Sequence[str]) -> NDArray[np.int64]:
    """(rows, labels) times each cell counts in training: 0 where the row's label is unknown."""
    return np.array(
        [
            [row.weight if row.known is None or label in row.known else 0 for label in labels]
            for row in rows
        ],
        dtype=np.int64,
    ).reshape(len(rows), len(labels))


def _fit_layer(
    scores: Scores,
    space: LabelSpace,
    targets: NDArray[np.bool_],
    counts: NDArray[np.int64],
    folds: NDArray[np.int64],
    choosing: NDArray[np.bool_],
    groups: frozenset[str],
) -> Layer:
    """The layer per label kind; `choosing` marks the rows whose held-out probabilities choose
    its threshold."""
    tensor = feature_tensor(scores, groups)
    return Layer(
        groups,
        {kind: _fit_kind(tensor, space, targets, counts, folds, choosing, kind) for kind in KINDS},
    )


def _fit_kind(
    tensor: NDArray[np.float32],
    space: LabelSpace,
    targets: NDArray[np.bool_],
    counts: NDArray[np.int64],
    folds: NDArray[np.int64],
    choosing: NDArray[np.bool_],
    kind: str,
) -> KindModel:
    columns = tuple(
        i for i, label in enumerate(space.labels) if is_objective(label) == (kind == "objective")
    )
    block = tensor[:, columns, :]
    if block.shape[2] == 0:
        return KindModel(columns, None, NAMED_PROBABILITY)
    features = block.reshape(-1, block.shape[2])
    flat_targets = targets[:, columns].reshape(-1)
    flat_folds = np.repeat(folds, len(columns))
    flat_choosing = np.repeat(choosing, len(columns))
    # Weighted and unknown cells: each cell repeated as often as it counts (0 drops it).
    keep = np.repeat(np.arange(len(flat_targets)), counts[:, columns].reshape(-1))
    features, flat_targets, flat_folds = features[keep], flat_targets[keep], flat_folds[keep]
    flat_choosing = flat_choosing[keep]
    held_out = np.zeros(len(flat_targets))
    for fold in range(FOLDS):
        train = flat_folds != fold
        if train.all() or not train.any():
            continue
        model = fit_logistic(features[train], flat_targets[train])
        held_out[~train] = model.probabilities(features[~train])
    if not flat_choosing.any():  # all written, or no real paragraph knows a label of this kind
        flat_choosing = np.ones(len(flat_targets), dtype=bool)
    threshold = best_threshold(held_out[flat_choosing], flat_targets[flat_choosing])
    return KindModel(columns, fit_logistic(features, flat_targets), threshold)


__all__ = ["FOLDS", "Probe", "TrainingRow", "feedback_rows", "train_tagger", "training_rows"]
