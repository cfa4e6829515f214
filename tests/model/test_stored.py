"""The stored records: the one rule for a counting tag, statuses as stored, fields as columns."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from gcm_review.model.stored import (
    PARAGRAPH_FIELDS,
    ParagraphView,
    ReviewParagraph,
    StoredParagraph,
    TagStatus,
    field_names,
    label_counts,
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


@dataclass(frozen=True)
class T:
    id: int
    status: str
    decided: bool = True
    source: str = "model"


@pytest.mark.parametrize(
    ("tags", "counts"),
    [
        ([T(1, "proposed")], True),
        ([T(1, "proposed", decided=False)], False),
        # a rejection stands beside any proposal, however sure (old databases hold such pairs)
        ([T(1, "rejected"), T(2, "proposed")], False),
        ([T(2, "proposed"), T(1, "rejected", decided=False)], False),
        ([T(1, "accepted", decided=False), T(2, "proposed", decided=False)], True),
        # the newer decision stands ...
        ([T(1, "rejected"), T(2, "accepted")], True),
        ([T(1, "accepted"), T(2, "rejected")], False),
        # ... and a tag an analyst added outranks a judged proposal, even a newer one
        ([T(1, "accepted", source="analyst"), T(2, "rejected")], True),
        ([T(1, "rejected", source="analyst"), T(2, "accepted")], False),
        ([], False),
    ],
)
def test_an_analysts_decision_on_a_label_stands(tags: list[T], counts: bool) -> None:
    assert label_counts(tags) is counts
    assert label_counts(reversed(tags)) is counts  # whatever order the rows come in


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
