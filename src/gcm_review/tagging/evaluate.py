"""Precision, recall and F1 of tags against annotated paragraphs: micro, macro, per label."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from gcm_review.frameworks.labels import is_objective, objective_number, principle_key
from gcm_review.model import TagInput
from gcm_review.tagging.examples import Example

Predict = Callable[[Sequence[TagInput]], list[frozenset[str]]]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def label_metrics(
    gold: Sequence[frozenset[str]], predicted: Sequence[frozenset[str]], labels: Collection[str]
) -> dict[str, Any]:
    """Micro and macro scores over `labels`; macro averages the labels that occur in gold."""
    counts = {label: [0, 0, 0] for label in labels}  # tp, fp, fn
    for truth, guess in zip(gold, predicted, strict=True):
        for label in labels:
            if label in guess and label in truth:
                counts[label][0] += 1
            elif label in guess:
                counts[label][1] += 1
            elif label in truth:
                counts[label][2] += 1
    per_label = {label: {**_prf(*c), "support": c[0] + c[2]} for label, c in counts.items()}
    present = [scores for scores in per_label.values() if scores["support"]]
    macro = {
        key: round(sum(s[key] for s in present) / len(present), 4) if present else 0.0
        for key in ("precision", "recall", "f1")
    }
    totals = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"micro": _prf(*totals), "macro": macro, "per_label": per_label}


def evaluate_predictions(
    examples: Sequence[Example], predicted: Sequence[frozenset[str]], label_set: Collection[str]
) -> dict[str, Any]:
    """The evaluate report: objectives and principles scored separately."""
    gold = [example.labels for example in examples]
    objectives = [label for label in label_set if is_objective(label)]
    principles = [label for label in label_set if not is_objective(label)]
    report_objectives = label_metrics(gold, predicted, objectives)
    report_objectives["per_label"] = {
        str(objective_number(k)): v for k, v in report_objectives["per_label"].items()
    }
    report_principles = label_metrics(gold, predicted, principles)
    report_principles["per_label"] = {
        principle_key(k): v for k, v in report_principles["per_label"].items()
    }
    return {"objectives": report_objectives, "principles": report_principles, "n": len(examples)}


def inputs_of(examples: Sequence[Example]) -> list[TagInput]:
    """What the taggers read of annotated paragraphs (their text only)."""
    return [TagInput(example.text, example.language) for example in examples]


def group_scores(
    examples: Sequence[Example],
    predicted: Sequence[frozenset[str]],
    label_set: Collection[str],
    groups: Sequence[str],
) -> dict[str, dict[str, Any]]:
    """The scores of each group of paragraphs (`groups[i]` names the group of `examples[i]`).

    Per group: paragraph count, objectives micro and macro, principles micro, and how many gold
    and predicted labels of each kind (so a small group's figures can be read for what they are).
    """
    members: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        members.setdefault(group, []).append(index)
    return {
        group: _group_report(
            [examples[i] for i in indices], [predicted[i] for i in indices], label_set
        )
        for group, indices in sorted(members.items())
    }


def _group_report(
    examples: Sequence[Example], predicted: Sequence[frozenset[str]], label_set: Collection[str]
) -> dict[str, Any]:
    report: dict[str, Any] = {"n": len(examples)}
    for kind, labels in (
        ("objectives", [label for label in label_set if is_objective(label)]),
        ("principles", [label for label in label_set if not is_objective(label)]),
    ):
        scores = label_metrics([e.labels for e in examples], predicted, labels)
        wanted = set(labels)
        report[kind] = {
            "micro": scores["micro"],
            "macro": scores["macro"],
            "gold": sum(len(e.labels & wanted) for e in examples),
            "predicted": sum(len(guess & wanted) for guess in predicted),
        }
    return report
