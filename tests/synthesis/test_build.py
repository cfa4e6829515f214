"""The matrix made alone (`coverage`) is the matrix of the whole synthesis."""

from __future__ import annotations

from gcm_review.embed.registry import get_embedder
from gcm_review.frameworks import load_framework
from gcm_review.synthesis.build import counted_input, coverage, synthesise
from gcm_review.synthesis.records import (
    AttentionRule,
    DocumentInfo,
    ParagraphTag,
    ReviewInput,
    ReviewParagraph,
)


def _paragraph(pid: int, document_id: int, country: str, label: str) -> ReviewParagraph:
    return ReviewParagraph(
        id=pid,
        document_id=document_id,
        document=f"doc{document_id}.txt",
        seq=pid,
        text=f"The government of {country} acted on migration ({pid}).",
        language="en",
        country=country,
        stakeholder_group="member-state",
        tags=(ParagraphTag(label, 0.9, "model", "proposed", None),),
    )


def test_coverage_is_the_matrix_of_the_synthesis() -> None:
    paragraphs = (
        _paragraph(1, 1, "JOR", "objective:6"),
        _paragraph(2, 1, "JOR", "objective:7"),
        _paragraph(3, 2, "EGY", "objective:6"),
        _paragraph(4, 3, "EGY", "objective:6"),  # a copy of document 2 (same title, country)
    )
    documents = (
        DocumentInfo(1, "doc1.txt", "Review of Jordan", "en", 2),
        DocumentInfo(2, "doc2.txt", "Review of Egypt", "en", 1),
        DocumentInfo(3, "doc3.txt", "Review of Egypt", "en", 1),
    )
    review = ReviewInput(documents, (), paragraphs)
    framework = load_framework()
    synthesis = synthesise(
        review,
        rule=AttentionRule(0.5, 0.25),
        framework=framework,
        embedder=get_embedder("fake.v1"),
    )
    assert coverage(counted_input(review), framework) == synthesis.matrix
    assert synthesis.matrix.count("EGY", 6) == 1  # the copy is not counted twice
