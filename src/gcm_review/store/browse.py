"""Reading documents, paragraphs and tags as one account may see them (web pages and the API).

A focal point sees only the documents of their country; anything else reads as not found, so a
guessed id reveals nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gcm_review.errors import DocumentNotFound, ParagraphNotFound, TagNotFound
from gcm_review.model.stored import ParagraphView, StoredDocument, StoredTag
from gcm_review.store.database import Database
from gcm_review.store.records import document_fields, paragraph_fields, stored_tag
from gcm_review.store.tables import DocumentRow, ParagraphRow, TagRow
from gcm_review.store.timestamps import as_utc
from gcm_review.store.users import User

TagView = StoredTag  # the names the web app and the API use


@dataclass(frozen=True)
class DocumentView(StoredDocument):
    """A stored document's header with its page and paragraph counts and reading problems."""

    page_count: int | None
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
    return stored_tag(row)


def paragraph_view(row: ParagraphRow, tags: Sequence[TagView] = ()) -> ParagraphView:
    """A stored paragraph with these tags as a record."""
    return ParagraphView(**paragraph_fields(row), tags=tuple(tags))


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
        **{**document_fields(row), "ingested_at": as_utc(row.ingested_at)},
        page_count=row.page_count,
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


def tag_with_evidence(db: Database, tag_id: int, *, user: User) -> TagView:
    """One tag with its evidence, if the user may see its document; TagNotFound otherwise."""
    with db.sessions() as session:
        return tag_view(visible_tag(session, tag_id, user))
