"""Changes to stored documents made by an account, each with its audit row: deleting a
document, recording an upload."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select

from gcm_review.store import audit
from gcm_review.store.browse import visible_document
from gcm_review.store.database import Database
from gcm_review.store.tables import DocumentRow, ParagraphRow
from gcm_review.store.users import User


def delete_document(db: Database, document_id: int, *, user: User) -> dict[str, Any]:
    """Delete a document with its paragraphs and tags; returns what was deleted.

    Raises DocumentNotFound when there is no such document the user may see.
    """
    with db.transaction() as session:
        row = visible_document(session, document_id, user)
        paragraphs = session.scalar(
            select(func.count(ParagraphRow.id)).where(ParagraphRow.document_id == document_id)
        )
        before = {
            "name": row.source_name,
            "version": row.version,
            "sha256": row.sha256,
            "title": row.title,
            "country": row.country,
            "uploaded_by": row.uploaded_by,
            "paragraphs": int(paragraphs or 0),
        }
        session.expunge(row)
        session.execute(delete(DocumentRow).where(DocumentRow.id == document_id))
        audit.record(session, user.name, "document.delete", "document", document_id, before=before)
    return before


def record_upload(db: Database, document_id: int, *, user: User) -> None:
    """Write the audit row of a document stored from an upload."""
    with db.transaction() as session:
        row = session.get(DocumentRow, document_id)
        if row is None:
            return
        paragraphs = session.scalar(
            select(func.count(ParagraphRow.id)).where(ParagraphRow.document_id == document_id)
        )
        after = {
            "name": row.source_name,
            "version": row.version,
            "format": row.format,
            "country": row.country,
            "paragraphs": int(paragraphs or 0),
        }
        audit.record(session, user.name, "document.upload", "document", document_id, after=after)
