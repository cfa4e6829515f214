"""Label names shared by the taggers: "objective:6", "principle:human-rights".

"objective:N" names the N-th numbered label of any framework (a GCM objective, an SDG goal): the
kind is stored with every tag, so it stays the same whatever the framework calls its labels.
`Wording` holds what the report and the survey annex call them ("Objective 6", "Guiding
principles").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gcm_review.frameworks import Framework

OBJECTIVE_PREFIX = "objective:"
PRINCIPLE_PREFIX = "principle:"


@dataclass(frozen=True)
class Wording:
    """What a framework calls its labels and itself in English running text, as written there."""

    label: str  # "objective"
    labels: str  # "objectives"
    principle: str  # "guiding principle"
    principles: str  # "guiding principles"
    name: str  # "Global Compact"

    def numbered(self, number: int | str) -> str:
        """ "Objective 6"."""
        return f"{capital(self.label)} {number}"


def wording(framework: Framework) -> Wording:
    """The framework's English words for its labels, principles and itself."""
    return Wording(
        framework.label_word(),
        framework.label_word(plural=True),
        framework.principle_word(),
        framework.principle_word(plural=True),
        framework.short_name_in("en"),
    )


def capital(text: str) -> str:
    """The text with its first letter upper case, the rest as written ("Guiding principles")."""
    return text[:1].upper() + text[1:]


def indefinite(word: str) -> str:
    """The word with its indefinite article: "an objective", "a goal" (by its first letter)."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


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
