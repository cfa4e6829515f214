"""Does feedback help? The tagger scored without and with analysts' decisions, on held-out data.

Two held-out evaluations, each BEFORE (trained on the written examples only) and AFTER (trained
on the written examples plus feedback):

- feedback_cv: k-fold over the feedback paragraphs themselves. Each fold is held out in turn;
  AFTER trains on the written examples plus the other folds. Only the labels an analyst decided
  are scored (the same trust rule as training).
- examples_cv: k-fold over the shipped written examples, AFTER adding all the feedback: it
  shows whether learning from analysts costs accuracy on the examples the tagger was built on.

Held-out paragraphs are scored with their near-copies among the training examples left out
(cosine above semantic.NEAR_COPY), so a translation or a second version of the same paragraph
cannot answer for it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import numpy as np

from gcm_review.embed import Embedder
from gcm_review.frameworks import Framework
from gcm_review.frameworks.labels import is_objective
from gcm_review.languages import detect_language
from gcm_review.model import TagInput
from gcm_review.tagging.examples import Example
from gcm_review.tagging.features import GROUPS
from gcm_review.tagging.tagger import GcmTagger
from gcm_review.tagging.training import train_tagger

FOLDS = 5
KINDS = ("objectives", "principles")


def predicted_labels(tagger: GcmTagger, examples: Sequence[Example]) -> np.ndarray:
    """(examples, labels) decided labels, with near-copy training examples left out."""
    if not examples:
        return np.zeros((0, len(tagger.space.labels)), dtype=bool)
    inputs = [TagInput(e.text, e.language) for e in examples]
    scores = tagger.scores(inputs, exclude=[() for _ in inputs])
    languages = [e.language or detect_language(e.text) for e in examples]
    probabilities, thresholds = tagger.decide(scores, languages)
    decided: np.ndarray = probabilities >= thresholds
    return decided


def masked_scores(
    examples: Sequence[Example], predicted: np.ndarray, labels: Sequence[str]
) -> dict[str, Any]:
    """Micro precision, recall and F1 per label kind, over the labels each example knows."""
    truth = np.array([[label in e.labels for label in labels] for e in examples], dtype=bool)
    known = np.array([[e.knows(label) for label in labels] for e in examples], dtype=bool)
    truth = truth.reshape(len(examples), len(labels))
    known = known.reshape(len(examples), len(labels))
    report: dict[str, Any] = {"paragraphs": len(examples), "decisions": int(known.sum())}
    for kind in KINDS:
        columns = [i for i, label in enumerate(labels) if is_objective(label) == (kind == KINDS[0])]
        mask = known[:, columns]
        guess, gold = predicted[:, columns] & mask, truth[:, columns] & mask
        tp = int((guess & gold).sum())
        fp = int((guess & ~gold).sum())
        fn = int((~guess & gold).sum())
        report[kind] = _prf(tp, fp, fn)
    return report


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "support": tp + fn,
    }


def _folds(count: int, folds: int) -> list[np.ndarray]:
    return [np.flatnonzero(np.arange(count) % folds == fold) for fold in range(folds)]


def feedback_cv(
    framework: Framework,
    embedder: Embedder,
    examples: Sequence[Example],
    feedback: Sequence[Example],
    *,
    groups: Collection[str] = GROUPS,
    folds: int = FOLDS,
    probe_embedder: Embedder | None = None,
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(before, after) over held-out feedback folds; None with fewer than two paragraphs."""
    k = min(folds, len(feedback))
    if k < 2:
        return None
    base = train_tagger(framework, embedder, examples, groups=groups, probe_embedder=probe_embedder)
    labels = base.space.labels
    before = predicted_labels(base, feedback)
    after = np.zeros_like(before)
    for held_out in _folds(len(feedback), k):
        chosen = set(held_out.tolist())
        rest = [e for i, e in enumerate(feedback) if i not in chosen]
        tagger = train_tagger(
            framework,
            embedder,
            examples,
            groups=groups,
            feedback=rest,
            probe_embedder=probe_embedder,
        )
        after[held_out] = predicted_labels(tagger, [feedback[i] for i in held_out])
    return (
        {**masked_scores(feedback, before, labels), "folds": k},
        {**masked_scores(feedback, after, labels), "folds": k},
    )


def examples_cv(
    framework: Framework,
    embedder: Embedder,
    examples: Sequence[Example],
    feedback: Sequence[Example],
    *,
    groups: Collection[str] = GROUPS,
    folds: int = FOLDS,
    probe_embedder: Embedder | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(before, after) over held-out folds of the written examples; after adds all feedback."""
    predictions: dict[str, np.ndarray] = {}
    labels: tuple[str, ...] = ()
    for held_out in _folds(len(examples), folds):
        chosen = set(held_out.tolist())
        train = [e for i, e in enumerate(examples) if i not in chosen]
        test = [examples[i] for i in held_out]
        for name, extra in (("before", ()), ("after", feedback)):
            tagger = train_tagger(
                framework,
                embedder,
                train,
                groups=groups,
                feedback=extra,
                probe_embedder=probe_embedder,
            )
            labels = tagger.space.labels
            found = predictions.setdefault(name, np.zeros((len(examples), len(labels)), bool))
            found[held_out] = predicted_labels(tagger, test)
    return (
        {**masked_scores(examples, predictions["before"], labels), "folds": folds},
        {**masked_scores(examples, predictions["after"], labels), "folds": folds},
    )
