"""Copies and versions in the store: uploaders kept, a focal point's upload filed under their
country only, proposals and decisions audited, decisions carried over to a new version,
corrections audited, and document ids never given twice."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import null, select, update

from copies_documents import report, report_text
from gcm_review.errors import DocumentNotFound, InvalidDocumentCorrection
from gcm_review.model.stored import TagStatus
from gcm_review.store.audit import AuditFilter, list_audit
from gcm_review.store.database import Database
from gcm_review.store.document_admin import (
    DocumentCorrection,
    correct_document,
    delete_document,
)
from gcm_review.store.documents import Uploader, list_documents, save_document
from gcm_review.store.relations import (
    accepted_pairs,
    carry_over_decisions,
    copy_candidates,
    decide,
    propose,
    relations_of,
    store_missing_signatures,
)
from gcm_review.store.review_input import load_review_input
from gcm_review.store.tables import DocumentRow, ParagraphRow, TagRow
from gcm_review.store.users import User
from gcm_review.synthesis.copies import drop_copies

ANALYST = User(2, "ana", "analyst", None, True, datetime.now(UTC))
FOCAL_POINT = User(3, "farid", "focal-point", "JOR", True, datetime.now(UTC))


def paragraph_ids(db: Database, document_id: int) -> list[int]:
    with db.sessions() as session:
        return list(
            session.scalars(
                select(ParagraphRow.id)
                .where(ParagraphRow.document_id == document_id)
                .order_by(ParagraphRow.seq)
            )
        )


def countries_of(db: Database, document_id: int) -> set[str | None]:
    with db.sessions() as session:
        return set(
            session.scalars(
                select(ParagraphRow.country).where(ParagraphRow.document_id == document_id)
            )
        )


def decide_tag(db: Database, paragraph_id: int, label: str, status: TagStatus) -> None:
    with db.transaction() as session:
        session.add(
            TagRow(
                paragraph_id=paragraph_id,
                label=label,
                probability=0.7,
                decided=True,
                source="model",
                tagger="gcm-tagger.v2",
                status=status.value,
                evidence=[],
                created_at=datetime.now(UTC),
            )
        )


def test_a_focal_points_upload_is_filed_under_their_country_only(db: Database) -> None:
    titled_egypt = report(
        report_text(1), name="egypt-review.txt", country="EGY", title="Egypt: voluntary review"
    )
    saved = save_document(db, titled_egypt, reader="text.v1", uploader=Uploader("farid", 3, "JOR"))
    [doc] = list_documents(db)
    assert (doc.country, doc.uploaded_by, doc.uploader_id, doc.uploader_country) == (
        "JOR",
        "farid",
        3,
        "JOR",
    )
    assert countries_of(db, saved.document_id) == {"JOR"}
    [record] = [r for r in load_review_input(db).documents]
    assert record.owner == "JOR"
    problems = load_document_problems(db, saved.document_id)
    assert any("attributed to another country (EGY)" in p for p in problems)


def load_document_problems(db: Database, document_id: int) -> list[str]:
    from gcm_review.store.documents import document_record

    return list(document_record(db, document_id)["problems"])


def test_a_secretariat_upload_keeps_its_attribution(db: Database) -> None:
    saved = save_document(
        db, report(report_text(2), name="e.txt"), reader="text.v1", uploader=Uploader("ana", 2)
    )
    assert countries_of(db, saved.document_id) == {"EGY"}
    [doc] = list_documents(db)
    assert (doc.country, doc.uploader_country) == ("EGY", None)


def test_signatures_are_stored_and_missing_ones_made(db: Database) -> None:
    saved = save_document(db, report(report_text(3), name="a.txt"), reader="text.v1")
    with db.sessions() as session:
        [candidate] = copy_candidates(session)
    assert candidate.signature and candidate.paragraphs == 10 and candidate.version == 1
    with db.transaction() as session:  # as a document stored before migration 0006
        session.execute(
            update(DocumentRow).where(DocumentRow.id == saved.document_id).values(signature=null())
        )
    assert store_missing_signatures(db) == 1
    with db.sessions() as session:
        [again] = copy_candidates(session)
    assert again.signature == candidate.signature
    assert store_missing_signatures(db) == 0


def test_a_newer_version_supersedes_the_older_in_the_synthesis_input(db: Database) -> None:
    text = report_text(4)
    first = save_document(db, report(text, name="jordan.txt"), reader="text.v1")
    second = save_document(
        db, report([*text[:9], "A corrected last paragraph."], name="jordan.txt"), reader="text.v1"
    )
    review = drop_copies(load_review_input(db))
    assert {p.document_id for p in review.paragraphs} == {second.document_id}
    [older] = [d for d in review.documents if d.id == first.document_id]
    assert older.superseded_by == "jordan.txt (version 2)"


def test_proposals_are_decided_and_audited(db: Database) -> None:
    text = report_text(5)
    kept = save_document(db, report(text, name="egypt.txt"), reader="text.v1")
    other = save_document(
        db,
        report(text, name="copy.pdf", format="pdf"),
        reader="pdf.v1",
        uploader=Uploader("farid", 3, "JOR"),
    )
    made = propose(
        db, other.document_id, kept.document_id, kind="copy", reason="Same.", user_name="farid"
    )
    assert made is not None
    assert (
        propose(db, kept.document_id, other.document_id, kind="copy", reason="", user_name="x")
        is None
    )
    [held] = relations_of(db, [kept.document_id])
    assert held.status == "proposed"
    with db.sessions() as session:
        assert accepted_pairs(session) == frozenset()
    decided = decide(db, made, accept=True, user_name="ana")
    assert (decided.status, decided.decided_by) == ("accepted", "ana")
    with db.sessions() as session:
        assert accepted_pairs(session) == {frozenset((kept.document_id, other.document_id))}
    [entry] = list_audit(db, where=AuditFilter(action="document.accept"))
    assert (entry.user_name, entry.before["status"], entry.after["status"]) == (
        "ana",
        "proposed",
        "accepted",
    )
    assert list_audit(db, where=AuditFilter(action="document.propose"))
    with pytest.raises(DocumentNotFound):
        decide(db, made + 100, accept=False, user_name="ana")


def test_decisions_carry_over_to_unchanged_paragraphs(db: Database) -> None:
    text = report_text(6, 3)
    old = save_document(db, report(text, name="r.txt"), reader="text.v1")
    old_ids = paragraph_ids(db, old.document_id)
    decide_tag(db, old_ids[0], "objective:6", TagStatus.ACCEPTED)
    decide_tag(db, old_ids[1], "objective:7", TagStatus.REJECTED)
    changed = [text[0].upper(), "A rewritten second paragraph.", text[2]]  # case does not matter
    new = save_document(db, report(changed, name="r.txt"), reader="text.v1")
    carried = carry_over_decisions(db, old.document_id, new.document_id, user_name="cli")
    assert carried == 1
    new_ids = paragraph_ids(db, new.document_id)
    with db.sessions() as session:
        tags = list(session.scalars(select(TagRow).where(TagRow.paragraph_id.in_(new_ids))))
    assert [(t.paragraph_id, t.label, t.status) for t in tags] == [
        (new_ids[0], "objective:6", "accepted")
    ]
    assert carry_over_decisions(db, old.document_id, new.document_id, user_name="cli") == 0
    [entry] = list_audit(db, where=AuditFilter(action="document.carry-over"))
    assert entry.after == {"from": old.document_id, "to": new.document_id, "tags": 1}


def test_corrections_are_audited_with_before_and_after(db: Database) -> None:
    saved = save_document(
        db,
        report(report_text(7), name="j.txt", country="JOR"),
        reader="text.v1",
        uploader=Uploader("farid", 3, "JOR"),
    )
    changed = correct_document(
        db,
        saved.document_id,
        DocumentCorrection(country="EGY", kind="national-review", review_cycle="2024"),
        user=ANALYST,
    )
    assert changed == {
        "before": {"country": "JOR", "kind": None, "review_cycle": None},
        "after": {"country": "EGY", "kind": "national-review", "review_cycle": "2024"},
    }
    assert countries_of(db, saved.document_id) == {"EGY"}  # a focal point's upload moves whole
    [entry] = list_audit(db, where=AuditFilter(action="document.correct"))
    assert (entry.user_name, entry.before, entry.after) == (
        "ana",
        changed["before"],
        changed["after"],
    )
    with pytest.raises(InvalidDocumentCorrection):
        correct_document(db, saved.document_id, DocumentCorrection(kind="novel"), user=ANALYST)
    with pytest.raises(DocumentNotFound):  # now Egypt's: the Jordan focal point cannot see it
        correct_document(db, saved.document_id, DocumentCorrection(title="x"), user=FOCAL_POINT)


def test_document_ids_are_never_given_twice(db: Database) -> None:
    first = save_document(db, report(report_text(8), name="a.txt"), reader="text.v1")
    last = save_document(db, report(report_text(9), name="b.txt"), reader="text.v1")
    delete_document(db, last.document_id, user=ANALYST)
    again = save_document(db, report(report_text(10), name="c.txt"), reader="text.v1")
    assert again.document_id > last.document_id > first.document_id
