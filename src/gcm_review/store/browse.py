"""Reading documents, paragraphs and tags as one account may see them (web pages and the API).

A focal point sees only the documents of their country; anything else reads as not found, so a
guessed id reveals nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gcm_review.errors import DocumentNotFound, ParagraphNotFound, TagNotFound
from gcm_review.store.database import Database
from gcm_review.store.tables import DocumentRow, ParagraphRow, TagRow
from gcm_review.store.timestamps import as_utc
from gcm_review.store.users import User


@dataclass(frozen=True)
class TagView:
    """A tag on a paragraph, with its evidence."""

    id: int
    paragraph_id: int
    label: str
    probability: float
    decided: bool
    source: str  # "model" or "analyst"
    tagger: str  # versioned tagger name, or the analyst's account name
    status: str  # "proposed", "accepted" or "rejected"
    evidence: tuple[dict[str, Any], ...]
    created_at: datetime

    @property
    def counts(self) -> bool:
        """Whether the synthesis counts it: accepted, or decided by the model and not rejected."""
        return self.status == "accepted" or (
            self.status == "proposed" and self.decided and self.source == "model"
        )


@dataclass(frozen=True)
class ParagraphView:
    """A paragraph with its place, attribution and tags (most likely first)."""

    id: int
    document_id: int
    seq: int
    number: str | None
    kind: str
    section: tuple[str, ...]
    text: str
    page: int | None
    language: str | None
    speaker: str | None
    organisation: str | None
    country: str | None
    stakeholder_group: str | None
    tags: tuple[TagView, ...] = ()


@dataclass(frozen=True)
class DocumentView:
    """A stored document's header."""

    id: int
    name: str
    version: int
    format: str
    title: str | None
    language: str | None
    country: str | None
    uploaded_by: str | None
    page_count: int | None
    ingested_at: datetime
    paragraphs: int
    problems: tuple[str, ...]


@dataclass(frozen=True)
class DocumentPage:
    """A document with one page of its paragraphs, in order."""

    document: DocumentView
    paragraphs: tuple[ParagraphView, ...]
    offset: int


def tag_view(row: TagRow) -> TagView:
    """A stored tag as a record."""
    return TagView(
        id=row.id,
        paragraph_id=row.paragraph_id,
        label=row.label,
        probability=row.probability,
        decided=row.decided,
        source=row.source,
        tagger=row.tagger,
        status=row.status,
        evidence=tuple(row.evidence),
        created_at=as_utc(row.created_at),
    )


def paragraph_view(row: ParagraphRow, tags: Sequence[TagView] = ()) -> ParagraphView:
    """A stored paragraph as a record."""
    return ParagraphView(
        id=row.id,
        document_id=row.document_id,
        seq=row.seq,
        number=row.number,
        kind=row.kind,
        section=tuple(row.section),
        text=row.text,
        page=row.page,
        language=row.language,
        speaker=row.speaker,
        organisation=row.organisation,
        country=row.country,
        stakeholder_group=row.stakeholder_group,
        tags=tuple(tags),
    )


def visible_document(session: Session, document_id: int, user: User) -> DocumentRow:
    """The document row if it exists and the user may see it; DocumentNotFound otherwise."""
    row = session.get(DocumentRow, document_id)
    if row is None or not user.may_see(row.country):
        raise DocumentNotFound(f"no document with id {document_id}")
    return row


def visible_paragraph(session: Session, paragraph_id: int, user: User) -> ParagraphRow:
    """The paragraph row if it exists and the user may see its document."""
    row = session.get(ParagraphRow, paragraph_id)
    if row is None or not user.may_see(row.document.country):
        raise ParagraphNotFound(f"no paragraph with id {paragraph_id}")
    return row


def visible_tag(session: Session, tag_id: int, user: User) -> TagRow:
    """The tag row if it exists and the user may see its document."""
    row = session.get(TagRow, tag_id)
    if row is None:
        raise TagNotFound(f"no tag with id {tag_id}")
    paragraph = session.get(ParagraphRow, row.paragraph_id)
    if paragraph is None or not user.may_see(paragraph.document.country):
        raise TagNotFound(f"no tag with id {tag_id}")
    return row


def _document_view(session: Session, row: DocumentRow) -> DocumentView:
    count = session.scalar(
        select(func.count(ParagraphRow.id)).where(ParagraphRow.document_id == row.id)
    )
    return DocumentView(
        id=row.id,
        name=row.source_name,
        version=row.version,
        format=row.format,
        title=row.title,
        language=row.language,
        country=row.country,
        uploaded_by=row.uploaded_by,
        page_count=row.page_count,
        ingested_at=as_utc(row.ingested_at),
        paragraphs=int(count or 0),
        problems=tuple(row.problems),
    )


def tags_of(session: Session, paragraph_ids: Sequence[int]) -> dict[int, list[TagView]]:
    """The tags of these paragraphs, most likely first, by paragraph id."""
    tags: dict[int, list[TagView]] = defaultdict(list)
    if not paragraph_ids:
        return tags
    query = (
        select(TagRow)
        .where(TagRow.paragraph_id.in_(paragraph_ids))
        .order_by(TagRow.paragraph_id, TagRow.probability.desc(), TagRow.id)
    )
    for row in session.scalars(query):
        tags[row.paragraph_id].append(tag_view(row))
    return tags


def document_page(
    db: Database, document_id: int, *, user: User, offset: int = 0, limit: int | None = None
) -> DocumentPage:
    """The document and its paragraphs from `offset` (all, or at most `limit`), with tags."""
    with db.sessions() as session:
        document = _document_view(session, visible_document(session, document_id, user))
        query = (
            select(ParagraphRow)
            .where(ParagraphRow.document_id == document_id)
            .order_by(ParagraphRow.seq)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        rows = list(session.scalars(query))
        tags = tags_of(session, [row.id for row in rows])
        paragraphs = tuple(paragraph_view(row, tags.get(row.id, ())) for row in rows)
        return DocumentPage(document, paragraphs, offset)


def paragraph_with_tags(db: Database, paragraph_id: int, *, user: User) -> ParagraphView:
    """One paragraph with its tags."""
    with db.sessions() as session:
        row = visible_paragraph(session, paragraph_id, user)
        return paragraph_view(row, tags_of(session, [row.id]).get(row.id, ()))


def document_of_paragraph(db: Database, paragraph_id: int, *, user: User) -> DocumentView:
    """The document a visible paragraph belongs to."""
    with db.sessions() as session:
        return _document_view(session, visible_paragraph(session, paragraph_id, user).document)


def get_tag(db: Database, tag_id: int, *, user: User) -> TagView:
    """One tag the user may see."""
    with db.sessions() as session:
        return tag_view(visible_tag(session, tag_id, user))


def document_visible(db: Database, document_id: int, *, user: User) -> bool:
    """Whether the document exists and the user may see it."""
    with db.sessions() as session:
        row = session.get(DocumentRow, document_id)
        return row is not None and user.may_see(row.country)
