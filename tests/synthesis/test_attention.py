"""Attention categories, principle coverage and the country x objective matrix."""

from __future__ import annotations

import pytest

from gcm_review.frameworks import load_framework
from gcm_review.synthesis.attention import (
    objective_attention,
    principle_coverage,
    reporting_countries,
)
from gcm_review.synthesis.matrix import country_matrix
from gcm_review.synthesis.records import AttentionRule, ParagraphTag, ReviewParagraph


def para(
    pid: int, country: str | None, *labels: str, group: str = "member-state"
) -> ReviewParagraph:
    return ReviewParagraph(
        id=pid,
        document_id=1,
        document="d.txt",
        seq=pid,
        text=f"Paragraph {pid}.",
        country=country,
        stakeholder_group=group,
        tags=tuple(ParagraphTag(label, 0.9, "model", "proposed") for label in labels),
    )


PARAGRAPHS = (
    para(1, "JOR", "objective:6", "objective:7", "principle:human-rights"),
    para(2, "JOR", "objective:6"),
    para(3, "EGY", "objective:6", "objective:10"),
    para(4, "MAR", "objective:23"),
    para(5, "TUN"),  # reported, addressed nothing
    para(6, None, "objective:13", "principle:human-rights", group="civil-society"),
    para(7, "LBN", "objective:6", group="trade-union"),  # a stakeholder, not a member state
)
RULE = AttentionRule(greatest_share=0.5, some_share=0.25)


def test_reporting_countries_are_member_states_only() -> None:
    assert reporting_countries(PARAGRAPHS) == ("JOR", "EGY", "MAR", "TUN")


def test_attention_categories_follow_the_rule() -> None:
    attention = {a.objective: a for a in objective_attention(PARAGRAPHS, RULE, load_framework())}
    assert len(attention) == 23
    six = attention[6]
    assert six.countries == ("JOR", "EGY") and six.share == 0.5 and six.category == "greatest"
    assert six.paragraph_ids == (1, 2, 3)
    assert six.stakeholder_paragraph_ids == (7,)
    assert six.reporting_countries == 4
    assert attention[10].category == "some" and attention[10].share == 0.25
    assert attention[13].category == "not-reported"
    assert attention[13].stakeholder_paragraph_ids == (6,)
    assert attention[6].title.startswith("Facilitate fair and ethical recruitment")


@pytest.mark.parametrize(
    ("greatest", "some", "expected"),
    [(0.5, 0.25, "some"), (0.25, 0.2, "greatest"), (0.9, 0.5, "not-reported")],
)
def test_the_rule_is_a_setting(greatest: float, some: float, expected: str) -> None:
    rule = AttentionRule(greatest, some)
    attention = objective_attention(PARAGRAPHS, rule, load_framework())
    assert attention[9].category == expected  # objective 10: one country in four


def test_no_member_state_means_nothing_is_ranked() -> None:
    attention = objective_attention([PARAGRAPHS[5]], RULE, load_framework())
    assert {a.category for a in attention} == {"not-reported"}
    assert attention[12].stakeholder_paragraph_ids == (6,)


def test_principle_coverage() -> None:
    coverage = {p.key: p for p in principle_coverage(PARAGRAPHS, load_framework())}
    rights = coverage["human-rights"]
    assert rights.paragraph_ids == (1,)
    assert rights.all_paragraph_ids == (1, 6)
    assert rights.countries == ("JOR",)
    assert rights.stakeholder_paragraph_ids == (6,)
    assert coverage["child-sensitive"].paragraph_ids == ()


def test_matrix_counts_and_cells() -> None:
    matrix = country_matrix(PARAGRAPHS, range(1, 24))
    assert [code for code, _ in matrix.countries] == ["EGY", "JOR", "MAR", "TUN"]  # by name
    assert matrix.countries[1] == ("JOR", "Jordan")
    jordan = matrix.counts[1]
    assert jordan[5] == 2 and jordan[6] == 1 and sum(jordan) == 3
    assert matrix.cells[("JOR", 6)] == (1, 2)
    assert matrix.count("EGY", 10) == 1 and matrix.count("TUN", 6) == 0
    assert sum(matrix.counts[3]) == 0  # Tunisia reported but addressed nothing
    assert ("LBN", 6) not in matrix.cells
