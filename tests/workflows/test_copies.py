"""What storing a document does about copies and versions: within one uploader's documents the
rule applies and decisions carry over; across uploaders the decision is held for an analyst."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from copies_documents import report, report_text
from gcm_review.samples import sample_corpus_dir
from gcm_review.settings import Settings
from gcm_review.store.audit import AuditFilter, list_audit
from gcm_review.store.database import Database
from gcm_review.store.documents import Uploader, save_document
from gcm_review.store.review_input import load_review_input
from gcm_review.store.tables import ParagraphRow, TagRow
from gcm_review.synthesis.copies import drop_copies
from gcm_review.workflows.copies import (
    copy_marks,
    decide_proposal,
    pending_proposals,
    relate_new_document,
)
from gcm_review.workflows.ingest import ingest_paths

FOCAL_POINT = Uploader("farid", 3, "JOR")


def counted_documents(db: Database) -> set[int]:
    return {p.document_id for p in drop_copies(load_review_input(db)).paragraphs}


def accept_first_paragraph(db: Database, document_id: int) -> None:
    with db.transaction() as session:
        first = session.scalars(
            select(ParagraphRow.id)
            .where(ParagraphRow.document_id == document_id)
            .order_by(ParagraphRow.seq)
        ).first()
        assert first is not None
        session.add(
            TagRow(
                paragraph_id=first,
                label="objective:8",
                probability=1.0,
                decided=True,
                source="analyst",
                tagger="ana",
                status="accepted",
                evidence=[],
                created_at=datetime.now(UTC),
            )
        )


def labels_of(db: Database, document_id: int) -> list[tuple[str, str]]:
    with db.sessions() as session:
        rows = session.execute(
            select(TagRow.label, TagRow.status)
            .join(ParagraphRow)
            .where(ParagraphRow.document_id == document_id)
        )
        return [(label, status) for label, status in rows]


def test_a_new_version_of_the_same_uploader_takes_over_with_its_decisions(db: Database) -> None:
    text = report_text(1)
    old = save_document(db, report(text, name="egypt.txt"), reader="text.v1")
    accept_first_paragraph(db, old.document_id)
    new = save_document(db, report([*text[:9], "Corrected."], name="egypt.txt"), reader="text.v1")
    related = relate_new_document(db, new.document_id, user_name="cli")
    assert related.proposals == () and related.carried_over == 1
    assert labels_of(db, new.document_id) == [("objective:8", "accepted")]
    assert counted_documents(db) == {new.document_id}
    [mark] = copy_marks(db).values()
    assert (mark.kind, mark.counted_id) == ("superseded", new.document_id)


def test_a_focal_points_copy_of_another_report_is_held_for_an_analyst(db: Database) -> None:
    text = report_text(2)
    egypt = save_document(db, report(text, name="egypt.html", format="html"), reader="html.v1")
    upload = save_document(
        db, report(text, name="egypt-copy.pdf", format="pdf"), reader="pdf.v1", uploader=FOCAL_POINT
    )
    related = relate_new_document(db, upload.document_id, user_name="farid")
    [proposal_id] = related.proposals
    assert counted_documents(db) == {egypt.document_id, upload.document_id}  # nothing applied
    assert copy_marks(db) == {}
    [held] = pending_proposals(db, [egypt.document_id])
    assert held.id == proposal_id and held.kind == "copy"
    assert list_audit(db, where=AuditFilter(action="document.propose"))
    again = relate_new_document(db, upload.document_id, user_name="farid")
    assert again.proposals == ()  # proposed once
    decide_proposal(db, proposal_id, accept=True, user_name="ana")
    assert len(counted_documents(db)) == 1
    assert pending_proposals(db, [egypt.document_id]) == []


def test_a_refused_proposal_leaves_both_counted(db: Database) -> None:
    text = report_text(3)
    first = save_document(db, report(text, name="a.txt"), reader="text.v1")
    upload = save_document(
        db, report(text, name="b.txt", format="html"), reader="html.v1", uploader=FOCAL_POINT
    )
    [proposal_id] = relate_new_document(db, upload.document_id, user_name="farid").proposals
    decide_proposal(db, proposal_id, accept=False, user_name="ana")
    assert counted_documents(db) == {first.document_id, upload.document_id}
    assert relate_new_document(db, upload.document_id, user_name="farid").proposals == ()


def test_an_accepted_version_across_uploaders_carries_decisions_over(db: Database) -> None:
    text = report_text(4)
    old = save_document(db, report(text, name="jordan.txt", country="JOR"), reader="text.v1")
    accept_first_paragraph(db, old.document_id)
    new = save_document(
        db,
        report([*text[:9], "Corrected."], name="jordan.txt", country="JOR"),
        reader="text.v1",
        uploader=FOCAL_POINT,
    )
    [proposal_id] = relate_new_document(db, new.document_id, user_name="farid").proposals
    assert labels_of(db, new.document_id) == []
    decide_proposal(db, proposal_id, accept=True, user_name="ana")
    assert labels_of(db, new.document_id) == [("objective:8", "accepted")]
    assert counted_documents(db) == {new.document_id}


def test_a_cleaner_copy_of_the_same_uploader_takes_the_decisions_over(db: Database) -> None:
    text = report_text(5)
    damaged = save_document(db, report(text, name="egypt.pdf", format="pdf"), reader="pdf.v1")
    accept_first_paragraph(db, damaged.document_id)
    clean = save_document(db, report(text, name="egypt.html", format="html"), reader="html.v1")
    # Both have one recorded repair and the same paragraphs: the first stored stays the one
    # that counts, so nothing is carried over to the later copy.
    assert relate_new_document(db, clean.document_id, user_name="cli").carried_over == 0
    assert counted_documents(db) == {damaged.document_id}


def test_the_demo_egypt_review_as_html_and_as_a_damaged_pdf_counts_once(db: Database) -> None:
    corpus = sample_corpus_dir()
    names = ("egypt-voluntary-review-2024-ar.pdf", "egypt-voluntary-review-2024-ar.html")
    report = ingest_paths([corpus / name for name in names], db=db, settings=Settings())
    pdf, html = (outcome.document_id for outcome in report.outcomes)
    assert pdf is not None and html is not None
    marks = copy_marks(db)
    assert list(marks) == [pdf]  # the longer PDF needed far more repairs: the HTML counts
    assert (marks[pdf].kind, marks[pdf].counted_id) == ("copy", html)
    assert counted_documents(db) == {html}
