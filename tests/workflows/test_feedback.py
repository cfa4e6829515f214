"""Reading analysts' reviews and decisions back, and the feedback examples built from them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from gcm_review.model import Paragraph, StructuredDocument
from gcm_review.store.database import Database
from gcm_review.store.documents import save_document
from gcm_review.store.feedback import analyst_decisions, load_codings
from gcm_review.store.tables import ParagraphReviewRow, ParagraphRow, TagRow
from gcm_review.store.tags import paragraphs_to_tag
from gcm_review.workflows.feedback import feedback_examples

MakeDocument = Callable[..., StructuredDocument]
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def stored_paragraphs(db: Database, make_document: MakeDocument, name: str) -> list[int]:
    doc = make_document(name=name, content=name, paragraphs=1)
    paras = tuple(
        Paragraph(index=i, text=f"{name} paragraph {i}", language="en", section_objective_refs=(4,))
        for i in range(3)
    )
    saved = save_document(db, dataclasses.replace(doc, paragraphs=paras), reader="text.v1")
    return [pid for pid, _ in paragraphs_to_tag(db, [saved.document_id])]


def paragraphs_of_documents(db: Database) -> list[tuple[int, int]]:
    with db.sessions() as session:
        return [(row.document_id, row.id) for row in session.scalars(select(ParagraphRow))]


def tag(pid: int, label: str, status: str, *, source: str = "model", minutes: int = 0) -> TagRow:
    return TagRow(
        paragraph_id=pid,
        label=label,
        probability=0.6,
        decided=True,
        source=source,
        tagger="gcm-tagger.v1" if source == "model" else "ana",
        status=status,
        evidence=[],
        created_at=START + timedelta(minutes=minutes),
    )


def review(pid: int, coder: str, labels: list[str]) -> ParagraphReviewRow:
    return ParagraphReviewRow(paragraph_id=pid, coder=coder, labels=labels, reviewed_at=START)


def test_codings_by_document(db: Database, make_document: MakeDocument) -> None:
    first = stored_paragraphs(db, make_document, "a.txt")
    second = stored_paragraphs(db, make_document, "b.txt")
    with db.transaction() as session:
        session.add_all(
            [
                review(first[0], "ben", ["objective:1"]),
                review(first[0], "ana", []),
                review(second[1], "ana", ["principle:human-rights", "objective:6"]),
            ]
        )
    codings = load_codings(db)
    assert [(c.paragraph_id, c.coder) for c in codings] == [
        (first[0], "ana"),
        (first[0], "ben"),
        (second[1], "ana"),
    ]
    assert codings[2].labels == {"principle:human-rights", "objective:6"}
    [second_document] = {d for d, pid in paragraphs_of_documents(db) if pid == second[1]}
    assert [c.paragraph_id for c in load_codings(db, document_ids=[second_document])] == [second[1]]
    assert load_codings(db, document_ids=[]) == []


def test_decisions_keep_only_judged_and_added_tags(
    db: Database, make_document: MakeDocument
) -> None:
    pids = stored_paragraphs(db, make_document, "a.txt")
    with db.transaction() as session:
        session.add_all(
            [
                tag(pids[0], "objective:1", "accepted"),
                tag(pids[0], "objective:2", "rejected"),
                tag(pids[0], "objective:3", "proposed"),  # not judged: left out
                tag(pids[1], "objective:5", "rejected", minutes=1),
                tag(pids[1], "objective:5", "accepted", source="analyst"),  # analyst wins
                tag(pids[2], "principle:gender-responsive", "proposed", source="analyst"),
            ]
        )
    found = [(d.paragraph_id, d.label, d.accepted, d.source) for d in analyst_decisions(db)]
    assert found == [
        (pids[0], "objective:1", True, "model"),
        (pids[0], "objective:2", False, "model"),
        (pids[1], "objective:5", True, "analyst"),
        (pids[2], "principle:gender-responsive", True, "analyst"),
    ]
    first = analyst_decisions(db)[0]
    assert first.text == "a.txt paragraph 0" and first.language == "en"
    assert first.section_objective_refs == (4,)


def test_feedback_examples_join_decisions_and_reviews(
    db: Database, make_document: MakeDocument
) -> None:
    pids = stored_paragraphs(db, make_document, "a.txt")
    with db.transaction() as session:
        session.add_all(
            [
                tag(pids[0], "objective:1", "accepted"),
                tag(pids[0], "objective:2", "rejected"),
                review(pids[1], "ana", ["objective:7"]),
            ]
        )
    partial, whole = feedback_examples(db, weight=4)
    assert partial.text == "a.txt paragraph 0"
    assert partial.labels == {"objective:1"} and partial.known == {"objective:1", "objective:2"}
    assert whole.text == "a.txt paragraph 1" and whole.language == "en"
    assert whole.labels == {"objective:7"} and whole.known is None
    assert partial.weight == whole.weight == 4
