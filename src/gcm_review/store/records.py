"""Stored rows as the records of model.stored, field by field from their one definition."""

from __future__ import annotations

from typing import Any

from gcm_review.model.stored import DOCUMENT_FIELDS, PARAGRAPH_FIELDS, StoredTag, TagStatus
from gcm_review.store.tables import DocumentRow, ParagraphRow, TagRow
from gcm_review.store.timestamps import as_utc


def paragraph_fields(row: ParagraphRow) -> dict[str, Any]:
    """The StoredParagraph fields of a paragraph row, by name (the section as a tuple)."""
    values = {name: getattr(row, name) for name in PARAGRAPH_FIELDS}
    values["section"] = tuple(row.section)
    return values


def stored_tag(row: TagRow) -> StoredTag:
    """A tag row as a record."""
    return StoredTag(
        id=row.id,
        paragraph_id=row.paragraph_id,
        label=row.label,
        probability=row.probability,
        decided=row.decided,
        source=row.source,
        tagger=row.tagger,
        status=TagStatus(row.status),
        evidence=tuple(row.evidence),
        created_at=as_utc(row.created_at),
    )


def document_fields(row: DocumentRow) -> dict[str, Any]:
    """The StoredDocument fields of a document row, by name (`name` is its source name)."""
    values = {name: getattr(row, name) for name in DOCUMENT_FIELDS if name != "name"}
    values["name"] = row.source_name
    return values
