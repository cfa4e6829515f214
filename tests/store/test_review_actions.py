"""Analysts' decisions: accept, reject, add; audit rows, coders' paragraph reviews, the queue."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from gcm_review.errors import InvalidLabel, ParagraphNotFound, TagNotFound
from gcm_review.model import Attribution, Evidence, StructuredDocument, Tag
from gcm_review.store.audit import AuditFilter, list_audit
from gcm_review.store.browse import get_tag, paragraph_with_tags
from gcm_review.store.database import Database
from gcm_review.store.documents import save_document
from gcm_review.store.review_actions import (
    accept_tag,
    add_tag,
    reject_tag,
    review_queue,
    review_queue_size,
)
from gcm_review.store.tables import ParagraphReviewRow
from gcm_review.store.tags import paragraphs_to_tag, save_tags
from gcm_review.store.users import User

MakeDocument = Callable[..., StructuredDocument]
ANALYST = User(1, "ana", "analyst", None, True, datetime.now(UTC))
SECOND = User(2, "bea", "analyst", None, True, datetime.now(UTC))
FOCAL_EGYPT = User(3, "omar", "focal-point", "EGY", True, datetime.now(UTC))
FOCAL_JORDAN = User(4, "farid", "focal-point", "JOR", True, datetime.now(UTC))


def proposal(label: str, probability: float) -> Tag:
    evidence = (Evidence("lexicon.v1", 0.7, ("fees",)),)
    return Tag(label, probability, probability >= 0.5, "gcm-tagger.v2", evidence)


def tagged_paragraph(db: Database, make_document: MakeDocument, **tags: float) -> int:
    """A Jordanian paragraph with proposals label -> probability (objective_6=0.7 ...)."""
    saved = save_document(db, make_document(paragraphs=1), reader="text.v1")
    [(pid, _)] = paragraphs_to_tag(db, [saved.document_id])
    save_tags(db, [(pid, [proposal(k.replace("_", ":"), p) for k, p in tags.items()])])
    return pid


def tag_id(db: Database, pid: int, label: str) -> int:
    para = paragraph_with_tags(db, pid, user=ANALYST)
    return next(tag.id for tag in para.tags if tag.label == label and tag.source == "model")


def reviews(db: Database, pid: int) -> dict[str, list[str]]:
    with db.sessions() as session:
        rows = session.scalars(
            select(ParagraphReviewRow).where(ParagraphReviewRow.paragraph_id == pid)
        )
        return {row.coder: list(row.labels) for row in rows}


def test_accept_records_audit_and_no_coding(db: Database, make_document: MakeDocument) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7, objective_20=0.4)
    tag = accept_tag(db, tag_id(db, pid, "objective:20"), ANALYST)
    assert (tag.status, tag.counts) == ("accepted", True)
    [entry] = list_audit(db, where=AuditFilter(action="tag.accept"))
    assert entry.user_name == "ana"
    assert entry.object_id == str(tag.id)
    assert entry.before["status"] == "proposed"
    assert entry.after == {**entry.before, "status": "accepted"}
    # A decision on a tag is review, not coding: the reviewer does not become a coder.
    assert reviews(db, pid) == {}
    # Accepting again changes nothing and writes no second audit row.
    accept_tag(db, tag.id, ANALYST)
    assert len(list_audit(db, where=AuditFilter(action="tag.accept"))) == 1


def test_reject_and_a_change_of_mind_are_audited(db: Database, make_document: MakeDocument) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7, objective_8=0.9)
    tag = reject_tag(db, tag_id(db, pid, "objective:6"), ANALYST)
    assert (tag.status, tag.counts) == ("rejected", False)
    # A change of mind is recorded too.
    accept_tag(db, tag.id, ANALYST)
    assert reviews(db, pid) == {}
    actions = [entry.action for entry in list_audit(db)]
    assert actions[:2] == ["tag.accept", "tag.reject"]


def test_add_gives_an_accepted_analyst_tag(db: Database, make_document: MakeDocument) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7)
    tag = add_tag(db, pid, "principle:human-rights", ANALYST)
    assert (tag.source, tag.status, tag.tagger) == ("analyst", "accepted", "ana")
    assert (tag.probability, tag.decided) == (1.0, True)
    assert tag.evidence == ({"tagger": "analyst", "score": 1.0, "matched": [], "sentence": None},)
    assert reviews(db, pid) == {}  # adding a tag is not coding either
    [entry] = list_audit(db, where=AuditFilter(action="tag.add"))
    assert (entry.before, entry.after["label"]) == (None, "principle:human-rights")
    assert add_tag(db, pid, "principle:human-rights", SECOND).id == tag.id
    assert len(list_audit(db, where=AuditFilter(action="tag.add"))) == 1


def test_add_refuses_unknown_labels(db: Database, make_document: MakeDocument) -> None:
    pid = tagged_paragraph(db, make_document)
    for label in ("objective:24", "principle:nothing", "objective:6; DROP TABLE tags"):
        with pytest.raises(InvalidLabel):
            add_tag(db, pid, label, ANALYST)
    assert list_audit(db) == []


def test_focal_points_cannot_touch_other_countries(
    db: Database, make_document: MakeDocument
) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7)  # a Jordanian document
    tid = tag_id(db, pid, "objective:6")
    with pytest.raises(TagNotFound):
        accept_tag(db, tid, FOCAL_EGYPT)
    with pytest.raises(TagNotFound):
        get_tag(db, tid, user=FOCAL_EGYPT)
    with pytest.raises(ParagraphNotFound):
        add_tag(db, pid, "objective:1", FOCAL_EGYPT)
    assert list_audit(db) == []
    assert accept_tag(db, tid, FOCAL_JORDAN).status == "accepted"


def test_queue_most_uncertain_first_without_decided_labels(
    db: Database, make_document: MakeDocument
) -> None:
    pid = tagged_paragraph(
        db, make_document, objective_6=0.9, objective_8=0.45, objective_2=0.2, objective_3=0.62
    )
    queue = review_queue(db, ANALYST)
    assert [item.tag.label for item in queue] == [
        "objective:8",
        "objective:3",
        "objective:2",
        "objective:6",
    ]
    assert queue[0].document_name == "sample.txt"
    assert queue[0].paragraph.id == pid
    accept_tag(db, tag_id(db, pid, "objective:8"), ANALYST)
    reject_tag(db, tag_id(db, pid, "objective:2"), ANALYST)
    assert [item.tag.label for item in review_queue(db, ANALYST)] == ["objective:3", "objective:6"]
    assert review_queue_size(db, ANALYST) == 2
    assert len(review_queue(db, ANALYST, limit=1)) == 1
    # Re-tagging proposes objective 8 again: it was decided, so it stays out of the queue.
    save_tags(db, [(pid, [proposal("objective:8", 0.5), proposal("objective:3", 0.6)])])
    assert [item.tag.label for item in review_queue(db, ANALYST)] == ["objective:3"]


def test_queue_is_limited_to_what_the_user_may_see(
    db: Database, make_document: MakeDocument
) -> None:
    jordan = tagged_paragraph(db, make_document, objective_6=0.6)
    egypt_doc = make_document(name="egypt.txt", content="1. Egypt text", paragraphs=1)
    egypt_doc = replace(
        egypt_doc,
        paragraphs=tuple(
            replace(p, attribution=Attribution(country="EGY", stakeholder_group="member-state"))
            for p in egypt_doc.paragraphs
        ),
    )
    saved = save_document(db, egypt_doc, reader="text.v1")
    [(egypt, _)] = paragraphs_to_tag(db, [saved.document_id])
    save_tags(db, [(egypt, [proposal("objective:7", 0.5)])])
    assert [item.paragraph.id for item in review_queue(db, ANALYST)] == [egypt, jordan]
    assert [item.paragraph.id for item in review_queue(db, FOCAL_JORDAN)] == [jordan]
    assert [item.paragraph.id for item in review_queue(db, FOCAL_EGYPT)] == [egypt]
    only = review_queue(db, ANALYST, document_id=saved.document_id)
    assert [item.paragraph.id for item in only] == [egypt]
    assert review_queue_size(db, FOCAL_JORDAN) == 1
