"""Label names shared by the taggers: "objective:6", "principle:human-rights".

"objective:N" names the N-th numbered label of any framework (a GCM objective, an SDG goal): the
kind is stored with every tag, so it stays the same whatever the framework calls its labels.
"""

from __future__ import annotations

from collections.abc import Iterable

from gcm_review.frameworks import Framework

OBJECTIVE_PREFIX = "objective:"
PRINCIPLE_PREFIX = "principle:"


def objective_label(number: int) -> str:
    return f"{OBJECTIVE_PREFIX}{number}"


def principle_label(key: str) -> str:
    return f"{PRINCIPLE_PREFIX}{key}"


def is_objective(label: str) -> bool:
    return label.startswith(OBJECTIVE_PREFIX)


def objective_number(label: str) -> int:
    """The objective number of an objective label."""
    return int(label[len(OBJECTIVE_PREFIX) :])


def principle_key(label: str) -> str:
    """The principle key of a principle label."""
    return label[len(PRINCIPLE_PREFIX) :]


def framework_labels(framework: Framework) -> tuple[str, ...]:
    """Every label of a framework: objective:1..objective:N, then principle:<key>."""
    return tuple(
        [objective_label(objective.number) for objective in framework.objectives]
        + [principle_label(principle.key) for principle in framework.principles]
    )


def label_hint(framework: Framework) -> str:
    """What a valid label looks like in this framework, for InvalidLabel's hint."""
    keys = ", ".join(principle.key for principle in framework.principles) or "none"
    return (
        f"use objective:N ({framework.label_word()} N, from 1 to {framework.size}) "
        f"or principle:<key> ({keys})"
    )


def gold_labels(objectives: Iterable[int], principles: Iterable[str]) -> frozenset[str]:
    """The label set of an annotated paragraph."""
    return frozenset(
        [objective_label(n) for n in objectives] + [principle_label(k) for k in principles]
    )
