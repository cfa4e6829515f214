"""Links from the analysis pages to paragraphs in the document view, and which documents an
account's analysis covers.

The document view shows PAGE_SIZE paragraphs a page with each one's element id "p-<id>", so a
link names the page a paragraph falls on: /documents/3?page=2#p-512.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from sqlalchemy import Subquery, func, select

from gcm_review.store.database import Database
from gcm_review.store.tables import DocumentRow, ParagraphRow
from gcm_review.web.catalogues import N_
from gcm_review.web.routes.documents import PAGE_SIZE

CHUNK = 500  # ids per query, well below every database's limit on bound parameters


NUMBERED = "%(document)s ¶ %(number)s"  # the same in every language: nothing to translate
UNNUMBERED = N_("%(document)s, paragraph %(position)s")
UNKNOWN = N_("paragraph")  # a paragraph that vanished meanwhile


@dataclass(frozen=True)
class ParagraphLink:
    """Where a paragraph is shown, and what a short name for it is made of."""

    paragraph_id: int
    document_id: int
    href: str
    document: str  # the document's file name ("" when unknown)
    number: str | None  # the paragraph's own number, when it has one
    position: int  # 1-based place in its document (0 when unknown)

    @property
    def label(self) -> str:
        """The short name in English: "jordan.pdf ¶ 12", or "jordan.pdf, paragraph 40" when the
        paragraph has no number."""
        return self.label_in(_english)

    def label_in(self, message: Callable[[str], str]) -> str:
        """The short name in the language `message` translates messages into."""
        values = {"document": self.document, "number": self.number, "position": self.position}
        if self.number:
            return NUMBERED % values
        return message(UNNUMBERED if self.position else UNKNOWN) % values


def _english(message: str) -> str:
    return message


def paragraph_href(document_id: int, paragraph_id: int, position: int) -> str:
    """The document view's address of the paragraph at `position` (0-based) of its document."""
    page = position // PAGE_SIZE + 1
    query = f"?page={page}" if page > 1 else ""
    return f"/documents/{document_id}{query}#p-{paragraph_id}"


def document_ids_of(db: Database, country: str) -> list[int]:
    """The ids of the documents filed under a country."""
    with db.sessions() as session:
        return list(
            session.scalars(
                select(DocumentRow.id)
                .where(DocumentRow.country == country)
                .order_by(DocumentRow.id)
            )
        )


def _positions(document_ids: Collection[int] | None) -> Subquery:
    position = func.row_number().over(
        partition_by=ParagraphRow.document_id, order_by=ParagraphRow.seq
    )
    query = select(
        ParagraphRow.id,
        ParagraphRow.document_id,
        ParagraphRow.number,
        DocumentRow.source_name,
        (position - 1).label("position"),
    ).join(DocumentRow, ParagraphRow.document_id == DocumentRow.id)
    if document_ids is not None:
        query = query.where(ParagraphRow.document_id.in_(sorted(document_ids)))
    return query.subquery()


def _link(row: tuple[int, int, str | None, str, int]) -> ParagraphLink:
    paragraph_id, document_id, number, name, position = row
    href = paragraph_href(document_id, paragraph_id, position)
    return ParagraphLink(paragraph_id, document_id, href, name, number or None, position + 1)


def document_links(
    db: Database, document_ids: Collection[int] | None = None
) -> dict[int, ParagraphLink]:
    """A link for every paragraph of the given (or all) documents, by paragraph id."""
    if document_ids is not None and not document_ids:
        return {}
    return _links(db, document_ids)


def _links(
    db: Database, document_ids: Collection[int] | None, only: Collection[int] | None = None
) -> dict[int, ParagraphLink]:
    positions = _positions(document_ids)
    query = select(positions)
    if only is not None and len(only) <= CHUNK:
        query = query.where(positions.c.id.in_(sorted(only)))
    wanted = None if only is None else set(only)
    with db.engine.connect() as connection:
        rows = connection.execute(query)
        return {
            row[0]: _link((row[0], row[1], row[2], row[3], row[4]))
            for row in rows
            if wanted is None or row[0] in wanted
        }


def paragraph_links(db: Database, paragraph_ids: Collection[int]) -> dict[int, ParagraphLink]:
    """A link for each of the given paragraphs that exists, by paragraph id."""
    ordered = sorted(set(paragraph_ids))
    if not ordered:
        return {}
    with db.sessions() as session:
        document_ids: set[int] = set()
        for start in range(0, len(ordered), CHUNK):
            chunk = ordered[start : start + CHUNK]
            document_ids.update(
                session.scalars(
                    select(ParagraphRow.document_id).where(ParagraphRow.id.in_(chunk)).distinct()
                )
            )
    return _links(db, document_ids, only=ordered) if document_ids else {}
