"""The same report in two formats is counted once."""

from __future__ import annotations

from gcm_review.synthesis.copies import drop_copies
from gcm_review.synthesis.records import DocumentInfo, ReviewInput, ReviewParagraph, SectionInfo


def para(pid: int, document_id: int, country: str) -> ReviewParagraph:
    return ReviewParagraph(
        id=pid,
        document_id=document_id,
        document=f"d{document_id}",
        seq=pid,
        text="Text.",
        country=country,
        stakeholder_group="member-state",
    )


def test_same_title_language_and_countries_is_a_copy() -> None:
    review = ReviewInput(
        documents=(
            DocumentInfo(1, "egypt.pdf", "Voluntary review", "ar", 1),
            DocumentInfo(2, "egypt.html", "Voluntary  review", "ar", 2),
            DocumentInfo(3, "jordan.pdf", "Voluntary review", "ar", 1),  # another country
            DocumentInfo(4, "egypt-en.pdf", "Voluntary review", "en", 1),  # another language
        ),
        sections=(SectionInfo(1, "Roundtable 1", "roundtable"),),
        paragraphs=(
            para(1, 1, "EGY"),
            para(2, 2, "EGY"),
            para(3, 2, "EGY"),
            para(4, 3, "JOR"),
            para(5, 4, "EGY"),
        ),
    )
    result = drop_copies(review)
    assert [d.copy_of for d in result.documents] == ["egypt.html", None, None, None]
    assert [p.id for p in result.paragraphs] == [2, 3, 4, 5]
    assert result.sections == ()


def test_no_copies_leaves_the_input_alone() -> None:
    review = ReviewInput((DocumentInfo(1, "a", None, "en", 1),), (), (para(1, 1, "EGY"),))
    assert drop_copies(review) is review
