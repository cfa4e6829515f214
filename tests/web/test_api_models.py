"""The API's paragraph, tag and document shapes against their one definition in model.stored."""

from __future__ import annotations

from datetime import UTC, datetime

from gcm_review.model.stored import (
    DOCUMENT_FIELDS,
    PARAGRAPH_FIELDS,
    TAG_FIELDS,
    ParagraphView,
    StoredTag,
    TagStatus,
)
from gcm_review.web.api_models import (
    DocumentDetailOut,
    DocumentOut,
    ParagraphOut,
    TagOut,
    paragraph_out,
)
from gcm_review.web.display import label_names

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def test_paragraph_out_has_exactly_the_stored_fields_in_order() -> None:
    assert tuple(ParagraphOut.model_fields) == (*PARAGRAPH_FIELDS, "tags")


def test_tag_out_has_the_stored_fields_and_what_the_api_adds() -> None:
    assert set(TagOut.model_fields) == {*TAG_FIELDS, "title", "counts"}


def test_document_out_has_the_stored_fields() -> None:
    assert set(DOCUMENT_FIELDS) <= set(DocumentOut.model_fields)
    assert set(DOCUMENT_FIELDS) <= set(DocumentDetailOut.model_fields)


def test_a_paragraph_keeps_its_speaker_title_and_its_tag_status_as_text() -> None:
    tag = StoredTag(
        id=3,
        paragraph_id=1,
        label="objective:6",
        probability=0.9,
        decided=True,
        source="model",
        tagger="gcm-tagger.v1",
        status=TagStatus.PROPOSED,
        evidence=({"tagger": "lexicon.v1", "score": 0.5},),
        created_at=NOW,
    )
    para = ParagraphView(
        id=1,
        document_id=2,
        seq=0,
        text="Fair recruitment.",
        section=("Achievements",),
        speaker="Ms. Rana Haddad",
        speaker_title="Director",
        tags=(tag,),
    )
    out = paragraph_out(para, label_names("gcm")).model_dump(mode="json")
    assert out["speaker_title"] == "Director"
    assert out["section"] == ["Achievements"]
    assert out["tags"][0]["status"] == "proposed"
    assert out["tags"][0]["counts"] is True
    assert out["tags"][0]["title"]
