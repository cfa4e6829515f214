"""A document's country, reading as one account may see, deleting with an audit row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from gcm_review.errors import DocumentNotFound
from gcm_review.model import Attribution, Evidence, StructuredDocument, Tag
from gcm_review.store.audit import AuditFilter, list_audit
from gcm_review.store.browse import document_page, document_visible
from gcm_review.store.database import Database
from gcm_review.store.document_admin import delete_document, record_upload
from gcm_review.store.documents import (
    Uploader,
    document_country,
    list_documents,
    save_document,
)
from gcm_review.store.review_actions import accept_tag
from gcm_review.store.tables import ParagraphReviewRow, ParagraphRow, TagRow
from gcm_review.store.tags import paragraphs_to_tag, save_tags
from gcm_review.store.users import User

MakeDocument = Callable[..., StructuredDocument]
ADMIN = User(1, "ada", "admin", None, True, datetime.now(UTC))
FOCAL_EGYPT = User(2, "omar", "focal-point", "EGY", True, datetime.now(UTC))


def speaking_for(
    doc: StructuredDocument, *who: tuple[str | None, str | None]
) -> StructuredDocument:
    """doc with one paragraph per (country, stakeholder group)."""
    template = doc.paragraphs[0]
    paragraphs = tuple(
        replace(template, index=i, attribution=Attribution(country=c, stakeholder_group=g))
        for i, (c, g) in enumerate(who)
    )
    return replace(doc, paragraphs=paragraphs)


MS = "member-state"


@pytest.mark.parametrize(
    ("who", "country"),
    [
        ([("JOR", MS), ("JOR", MS), ("JOR", MS), ("EGY", MS), ("MAR", "civil-society")], "JOR"),
        ([("JOR", MS), ("JOR", MS), ("EGY", MS), ("EGY", MS)], None),
        ([("JOR", MS), ("JOR", MS), ("JOR", MS), ("EGY", MS), ("EGY", MS)], "JOR"),
        ([(None, None), ("JOR", "civil-society")], None),
    ],
)
def test_document_country_needs_sixty_percent(
    make_document: MakeDocument, who: list[tuple[str | None, str | None]], country: str | None
) -> None:
    assert document_country(speaking_for(make_document(), *who)) == country


def test_country_and_uploader_are_stored(db: Database, make_document: MakeDocument) -> None:
    jordan = save_document(db, make_document(name="a.txt", content="1. A"), reader="text.v1")
    filed = save_document(
        db,
        make_document(name="b.txt", content="1. B"),
        reader="text.v1",
        uploader=Uploader("omar", 7, "EGY"),
    )
    summaries = {doc.id: doc for doc in list_documents(db)}
    assert (summaries[jordan.document_id].country, summaries[jordan.document_id].uploaded_by) == (
        "JOR",
        None,
    )
    assert (summaries[filed.document_id].country, summaries[filed.document_id].uploaded_by) == (
        "EGY",
        "omar",
    )
    assert [doc.id for doc in list_documents(db, country="EGY")] == [filed.document_id]


def test_reading_as_a_focal_point(db: Database, make_document: MakeDocument) -> None:
    saved = save_document(db, make_document(paragraphs=3), reader="text.v1")
    page = document_page(db, saved.document_id, user=ADMIN, offset=1, limit=1)
    assert page.document.paragraphs == 3
    assert [para.seq for para in page.paragraphs] == [1]
    assert document_visible(db, saved.document_id, user=ADMIN)
    assert not document_visible(db, saved.document_id, user=FOCAL_EGYPT)
    with pytest.raises(DocumentNotFound):
        document_page(db, saved.document_id, user=FOCAL_EGYPT)


def count(db: Database, table: type[ParagraphRow | TagRow | ParagraphReviewRow]) -> int:
    with db.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_delete_removes_everything_of_the_document(
    db: Database, make_document: MakeDocument
) -> None:
    gone = save_document(db, make_document(name="a.txt", content="1. A"), reader="text.v1")
    kept = save_document(db, make_document(name="b.txt", content="1. B"), reader="text.v1")
    tags = [
        (pid, [Tag("objective:6", 0.7, True, "gcm-tagger.v2", (Evidence("lexicon.v1", 0.7),))])
        for pid, _ in paragraphs_to_tag(db)
    ]
    save_tags(db, tags)
    with db.sessions() as session:
        first_tag = session.scalars(select(TagRow.id).order_by(TagRow.id)).first()
    assert first_tag is not None
    accept_tag(db, first_tag, ADMIN)
    with pytest.raises(DocumentNotFound):
        delete_document(db, gone.document_id, user=FOCAL_EGYPT)
    deleted = delete_document(db, gone.document_id, user=ADMIN)
    assert (deleted["name"], deleted["paragraphs"], deleted["country"]) == ("a.txt", 2, "JOR")
    assert [doc.id for doc in list_documents(db)] == [kept.document_id]
    assert (count(db, ParagraphRow), count(db, TagRow), count(db, ParagraphReviewRow)) == (2, 2, 0)
    [entry] = list_audit(db, where=AuditFilter(action="document.delete"))
    assert (entry.user_name, entry.object_id, entry.before) == (
        "ada",
        str(gone.document_id),
        deleted,
    )
    with pytest.raises(DocumentNotFound):
        delete_document(db, gone.document_id, user=ADMIN)


def test_record_upload(db: Database, make_document: MakeDocument) -> None:
    saved = save_document(db, make_document(), reader="text.v1", uploader=Uploader("ada"))
    record_upload(db, saved.document_id, user=ADMIN)
    [entry] = list_audit(db, where=AuditFilter(action="document.upload"))
    assert entry.after == {
        "name": "sample.txt",
        "version": 1,
        "format": "text",
        "country": "JOR",
        "paragraphs": 2,
    }
