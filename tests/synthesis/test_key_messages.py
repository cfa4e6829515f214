"""Draft key messages: attention categories, the most invoked principle, top recommendations."""

from __future__ import annotations

from gcm_review.frameworks import load_framework
from gcm_review.synthesis.evidence import objective_evidence
from gcm_review.synthesis.key_messages import key_messages
from gcm_review.synthesis.records import (
    ObjectiveAttention,
    ParagraphTag,
    PrincipleCoverage,
    Recommendation,
    RecommendationSource,
    ReviewParagraph,
)


def attention(objective: int, category: str, ids: tuple[int, ...]) -> ObjectiveAttention:
    return ObjectiveAttention(objective, "t", category, (), 4, 0.0, ids, ())  # type: ignore[arg-type]


def test_messages_carry_their_evidence() -> None:
    recommendation = Recommendation(
        text="End the detention of migrant children.",
        sources=(
            RecommendationSource(8, "End child detention.", "UNICEF"),
            RecommendationSource(9, "Stop detaining children.", "Jordan", "JOR", "member-state"),
        ),
        objectives=(13,),
        supporting_sources=2,
        supporting_countries=1,
    )
    messages = key_messages(
        [
            attention(6, "greatest", (1, 2)),
            attention(7, "some", (3,)),
            attention(8, "not-reported", ()),
        ],
        [recommendation],
        [PrincipleCoverage("human-rights", "Human rights", (1,), ("JOR",), (5,))],
        load_framework(),
    )
    texts = [m.text for m in messages]
    assert texts[0].startswith("National reporting gave the greatest attention to objective 6")
    assert messages[0].paragraph_ids == (1, 2)
    assert "objective 8" in texts[1] and messages[1].basis == "attention"
    assert texts[2] == "The guiding principle invoked most often was human rights (2 paragraphs)."
    assert texts[3] == (
        "Called for by 2 sources in 1 country: End the detention of migrant children."
    )
    assert messages[3].paragraph_ids == (8, 9)


def test_evidence_falls_back_to_the_first_sentence() -> None:
    para = ReviewParagraph(
        id=1,
        document_id=1,
        document="d",
        seq=0,
        text="Jordan reformed recruitment. It also opened shelters.",
        tags=(ParagraphTag("objective:6", 0.8, "model", "proposed", None),),
    )
    [evidence] = objective_evidence([para])
    assert evidence.sentence == "Jordan reformed recruitment."
