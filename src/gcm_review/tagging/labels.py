"""Label names shared by the taggers: "objective:6", "principle:human-rights"."""

from __future__ import annotations

from collections.abc import Iterable

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


def gold_labels(objectives: Iterable[int], principles: Iterable[str]) -> frozenset[str]:
    """The label set of an annotated paragraph."""
    return frozenset(
        [objective_label(n) for n in objectives] + [principle_label(k) for k in principles]
    )
