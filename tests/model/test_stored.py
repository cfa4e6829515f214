"""The stored records: the one rule for a counting tag, statuses as stored, fields as columns."""

from __future__ import annotations

import pytest

from gcm_review.model.stored import (
    PARAGRAPH_FIELDS,
    ParagraphView,
    ReviewParagraph,
    StoredParagraph,
    TagStatus,
    field_names,
    record_fields,
    tag_counts,
)
from gcm_review.store.tables import ParagraphRow


@pytest.mark.parametrize(
    ("status", "decided", "source", "counts"),
    [
        ("accepted", False, "model", True),
        ("accepted", True, "analyst", True),
        ("proposed", True, "model", True),
        ("proposed", False, "model", False),
        ("proposed", True, "analyst", False),
        ("rejected", True, "model", False),
        ("rejected", True, "analyst", False),
    ],
)
def test_which_tags_count(status: str, decided: bool, source: str, counts: bool) -> None:
    assert tag_counts(status, decided=decided, source=source) is counts
    assert tag_counts(TagStatus(status), decided=decided, source=source) is counts


def test_statuses_are_the_stored_strings() -> None:
    assert [status.value for status in TagStatus] == ["proposed", "accepted", "rejected"]
    assert str(TagStatus.ACCEPTED) == "accepted" and TagStatus.ACCEPTED == "accepted"


def test_every_paragraph_field_is_a_stored_column() -> None:
    columns = set(ParagraphRow.__table__.columns.keys())
    assert set(PARAGRAPH_FIELDS) <= columns
    assert "speaker_title" in PARAGRAPH_FIELDS


def test_views_share_the_fields_and_record_fields_gives_them_in_order() -> None:
    para = ReviewParagraph(id=1, document_id=2, document="a.pdf", seq=0, text="Text.")
    view = ParagraphView(id=1, document_id=2, seq=0, text="Text.")
    assert field_names(ReviewParagraph) == field_names(ParagraphView) == PARAGRAPH_FIELDS
    assert list(record_fields(para)) == list(PARAGRAPH_FIELDS)
    assert record_fields(para) == record_fields(view)
    assert isinstance(para, StoredParagraph) and isinstance(view, StoredParagraph)
