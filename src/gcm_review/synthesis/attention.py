"""Which objectives received the greatest attention, some attention, or were not reported.

Counted over member-state statements only: a country addressed an objective when at least one
of its member-state paragraphs carries a counted tag for it. Stakeholder paragraphs are listed
beside, never counted in the share.
"""

from __future__ import annotations

from collections.abc import Sequence

from gcm_review.frameworks.loader import Framework
from gcm_review.synthesis.records import (
    AttentionRule,
    ObjectiveAttention,
    PrincipleCoverage,
    ReviewParagraph,
)


def reporting_countries(paragraphs: Sequence[ReviewParagraph]) -> tuple[str, ...]:
    """ISO3 codes of the member states with at least one paragraph, in order of appearance."""
    return tuple(dict.fromkeys(p.country for p in paragraphs if p.is_member_state and p.country))


def objective_attention(
    paragraphs: Sequence[ReviewParagraph], rule: AttentionRule, framework: Framework
) -> tuple[ObjectiveAttention, ...]:
    """One entry per objective of the framework, in objective order."""
    countries = reporting_countries(paragraphs)
    result = []
    for objective in framework.objectives:
        member = [p for p in paragraphs if p.is_member_state and objective.number in p.objectives]
        others = [
            p.id for p in paragraphs if not p.is_member_state and objective.number in p.objectives
        ]
        addressed = tuple(dict.fromkeys(p.country for p in member if p.country))
        share = len(addressed) / len(countries) if countries else 0.0
        result.append(
            ObjectiveAttention(
                objective=objective.number,
                title=objective.titles["en"],
                category=rule.category(share) if countries else "not-reported",
                countries=addressed,
                reporting_countries=len(countries),
                share=share,
                paragraph_ids=tuple(p.id for p in member),
                stakeholder_paragraph_ids=tuple(others),
            )
        )
    return tuple(result)


def principle_coverage(
    paragraphs: Sequence[ReviewParagraph], framework: Framework
) -> tuple[PrincipleCoverage, ...]:
    """How often each guiding principle was invoked, by member states and by others."""
    result = []
    for principle in framework.principles:
        invoking = [p for p in paragraphs if principle.key in p.principles]
        result.append(
            PrincipleCoverage(
                key=principle.key,
                title=principle.titles["en"],
                paragraph_ids=tuple(p.id for p in invoking if p.is_member_state),
                countries=tuple(
                    dict.fromkeys(p.country for p in invoking if p.is_member_state and p.country)
                ),
                stakeholder_paragraph_ids=tuple(p.id for p in invoking if not p.is_member_state),
            )
        )
    return tuple(result)
