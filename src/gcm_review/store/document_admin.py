"""Changes to stored documents made by an account, each with its audit row: deleting a
document, recording an upload, correcting a document's country, title, kind and review cycle."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update

from gcm_review.errors import InvalidDocumentCorrection
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


DOCUMENT_KINDS: tuple[str, ...] = (
    "national-review",
    "conference-record",
    "stakeholder-submission",
    "regional-report",
    "other",
)


@dataclass(frozen=True)
class DocumentCorrection:
    """What an analyst corrects in a document's header; None leaves a field as it is, and an
    empty string clears the title, kind or review cycle."""

    country: str | None = None  # ISO 3166 alpha-3
    title: str | None = None
    kind: str | None = None  # one of DOCUMENT_KINDS
    review_cycle: str | None = None


CORRECTED_FIELDS = ("country", "title", "kind", "review_cycle")


def correct_document(
    db: Database, document_id: int, correction: DocumentCorrection, *, user: User
) -> dict[str, dict[str, Any]]:
    """Correct a document's country, title, kind or review cycle, with an audit row holding the
    fields before and after; returns them. DocumentNotFound when the user may not see it.

    Moving a focal point's upload to another country moves its paragraphs filed under the old
    country with it (they were filed under the focal point's country on upload)."""
    if correction.kind and correction.kind not in DOCUMENT_KINDS:
        raise InvalidDocumentCorrection(
            f"unknown kind of document {correction.kind!r}",
            hint=f"use one of: {', '.join(DOCUMENT_KINDS)}",
        )
    with db.transaction() as session:
        row = visible_document(session, document_id, user)
        before = {name: getattr(row, name) for name in CORRECTED_FIELDS}
        for name in CORRECTED_FIELDS:
            value = getattr(correction, name)
            if value is not None:
                setattr(row, name, value.strip() or None)
        after = {name: getattr(row, name) for name in CORRECTED_FIELDS}
        changed = [name for name in CORRECTED_FIELDS if before[name] != after[name]]
        if not changed:
            return {"before": {}, "after": {}}
        if "country" in changed and row.uploader_id is not None and row.uploader_country:
            session.execute(
                update(ParagraphRow)
                .where(ParagraphRow.document_id == document_id)
                .where(ParagraphRow.country == before["country"])
                .values(country=after["country"])
            )
        old = {name: before[name] for name in changed}
        new = {name: after[name] for name in changed}
        audit.record(
            session, user.name, "document.correct", "document", document_id, before=old, after=new
        )
        return {"before": old, "after": new}


def uploaded_file(db: Database, document_id: int, *, user: User) -> str:
    """Where the document's file was kept when it was stored (its server path for an upload)."""
    with db.sessions() as session:
        return visible_document(session, document_id, user).path


def document_names(db: Database, document_ids: list[int]) -> dict[int, tuple[str, int, str | None]]:
    """Name, version and country of these documents, by id (for links between them)."""
    with db.sessions() as session:
        rows = session.execute(
            select(
                DocumentRow.id, DocumentRow.source_name, DocumentRow.version, DocumentRow.country
            ).where(DocumentRow.id.in_(document_ids))
        )
        return {doc_id: (name, version, country) for doc_id, name, version, country in rows}
