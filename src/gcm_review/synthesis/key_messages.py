"""Draft key messages: the attention categories and the most supported recommendations.

They are a starting point for the analyst, never the final wording; each carries its evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from gcm_review.frameworks.loader import Framework
from gcm_review.synthesis.records import (
    KeyMessage,
    ObjectiveAttention,
    PrincipleCoverage,
    Recommendation,
)

MAX_RECOMMENDATION_MESSAGES = 5


def key_messages(
    attention: Sequence[ObjectiveAttention],
    recommendations: Sequence[Recommendation],
    principles: Sequence[PrincipleCoverage],
    framework: Framework,
) -> tuple[KeyMessage, ...]:
    """Attention messages first, then the best supported recommendations."""
    messages = [*_attention_messages(attention, framework)]
    most_invoked = max(principles, key=lambda p: len(p.all_paragraph_ids), default=None)
    if most_invoked is not None and most_invoked.all_paragraph_ids:
        messages.append(
            KeyMessage(
                f"The {framework.principle_word()} invoked most often was "
                f"{most_invoked.title.lower()} "
                f"({len(most_invoked.all_paragraph_ids)} paragraphs).",
                "principles",
                most_invoked.all_paragraph_ids,
            )
        )
    for recommendation in recommendations[:MAX_RECOMMENDATION_MESSAGES]:
        messages.append(
            KeyMessage(
                f"Called for by {_supporters(recommendation)}: {recommendation.text}",
                "recommendation",
                recommendation.paragraph_ids,
            )
        )
    return tuple(messages)


def _attention_messages(
    attention: Sequence[ObjectiveAttention], framework: Framework
) -> list[KeyMessage]:
    messages = []
    greatest = [a for a in attention if a.category == "greatest"]
    if greatest:
        names = "; ".join(_name(a.objective, framework) for a in greatest)
        messages.append(
            KeyMessage(
                f"National reporting gave the greatest attention to {names}.",
                "attention",
                tuple(i for a in greatest for i in a.paragraph_ids),
            )
        )
    missing = [a for a in attention if a.category == "not-reported"]
    if missing and attention and attention[0].reporting_countries:
        names = "; ".join(_name(a.objective, framework) for a in missing)
        messages.append(
            KeyMessage(
                f"Most national reviews did not report on {names}.",
                "attention",
                tuple(i for a in missing for i in a.paragraph_ids),
            )
        )
    return messages


def _name(number: int, framework: Framework) -> str:
    word = framework.label_word()
    return f"{word} {number} ({framework.objective(number).label.lower()})"


def _supporters(recommendation: Recommendation) -> str:
    sources = recommendation.supporting_sources
    text = f"{sources} source{'s' if sources != 1 else ''}"
    if recommendation.supporting_countries:
        countries = recommendation.supporting_countries
        text += f" in {countries} countr{'ies' if countries != 1 else 'y'}"
    return text
