"""Independent coding (code_paragraph, coder_labels) and every coder's decision being recorded,
even when the tag already had the status they chose."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from gcm_review.errors import InvalidLabel, ParagraphNotFound
from gcm_review.model import Evidence, StructuredDocument, Tag
from gcm_review.store.audit import AuditFilter, list_audit
from gcm_review.store.browse import paragraph_with_tags
from gcm_review.store.database import Database
from gcm_review.store.documents import save_document
from gcm_review.store.feedback import load_codings
from gcm_review.store.review_actions import (
    accept_tag,
    add_tag,
    code_paragraph,
    coder_labels,
    reject_tag,
)
from gcm_review.store.tables import ParagraphReviewRow, TagRow
from gcm_review.store.tags import paragraphs_to_tag, save_tags
from gcm_review.store.users import User

MakeDocument = Callable[..., StructuredDocument]
FIRST = User(1, "ana", "analyst", None, True, datetime.now(UTC))
SECOND = User(2, "bea", "analyst", None, True, datetime.now(UTC))
FOCAL_EGYPT = User(3, "omar", "focal-point", "EGY", True, datetime.now(UTC))


def tagged_paragraph(db: Database, make_document: MakeDocument, **tags: float) -> int:
    """A Jordanian paragraph with model proposals label -> probability (objective_6=0.7 ...)."""
    saved = save_document(db, make_document(paragraphs=1), reader="text.v1")
    [(pid, _)] = paragraphs_to_tag(db, [saved.document_id])
    evidence = (Evidence("lexicon.v1", 0.7, ("fees",)),)
    proposals = [
        Tag(key.replace("_", ":"), p, p >= 0.5, "gcm-tagger.v2", evidence)
        for key, p in tags.items()
    ]
    save_tags(db, [(pid, proposals)])
    return pid


def tag_id(db: Database, pid: int, label: str) -> int:
    para = paragraph_with_tags(db, pid, user=FIRST)
    return next(tag.id for tag in para.tags if tag.label == label)


def reviews(db: Database, pid: int) -> dict[str, list[str]]:
    with db.sessions() as session:
        rows = session.scalars(
            select(ParagraphReviewRow).where(ParagraphReviewRow.paragraph_id == pid)
        )
        return {row.coder: list(row.labels) for row in rows}


def statuses(db: Database, pid: int) -> dict[str, str]:
    with db.sessions() as session:
        rows = session.scalars(select(TagRow).where(TagRow.paragraph_id == pid))
        return {row.label: row.status for row in rows}


def test_a_second_coder_agreeing_is_recorded(db: Database, make_document: MakeDocument) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7, objective_20=0.3)
    tag = tag_id(db, pid, "objective:20")
    accept_tag(db, tag, FIRST)
    accept_tag(db, tag, SECOND)  # the tag is accepted already: its status does not change ...
    # ... but the second coder's judgement is theirs to record.
    assert reviews(db, pid) == {
        "ana": ["objective:20", "objective:6"],
        "bea": ["objective:20", "objective:6"],
    }
    assert len(list_audit(db, where=AuditFilter(action="tag.accept"))) == 1
    assert statuses(db, pid)["objective:20"] == "accepted"


def test_a_second_coder_rejecting_a_rejected_tag_is_recorded(
    db: Database, make_document: MakeDocument
) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7, objective_8=0.9)
    tag = tag_id(db, pid, "objective:6")
    reject_tag(db, tag, FIRST)
    reject_tag(db, tag, SECOND)
    assert reviews(db, pid) == {"ana": ["objective:8"], "bea": ["objective:8"]}
    assert len(list_audit(db, where=AuditFilter(action="tag.reject"))) == 1
    # Deciding the same again changes nothing, and writes nothing to the audit log.
    reject_tag(db, tag, SECOND)
    assert reviews(db, pid)["bea"] == ["objective:8"]
    assert len(list_audit(db)) == 1


def test_a_second_coder_adding_an_accepted_label_is_recorded(
    db: Database, make_document: MakeDocument
) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7)
    first = add_tag(db, pid, "principle:human-rights", FIRST)
    second = add_tag(db, pid, "principle:human-rights", SECOND)
    assert second.id == first.id
    assert reviews(db, pid)["bea"] == ["objective:6", "principle:human-rights"]
    assert len(list_audit(db, where=AuditFilter(action="tag.add"))) == 1


def test_code_paragraph_records_the_coders_labels_only(
    db: Database, make_document: MakeDocument
) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7, objective_20=0.3)
    before = statuses(db, pid)
    coding = code_paragraph(db, pid, ["objective:20", "principle:human-rights"], FIRST)
    assert (coding.paragraph_id, coding.coder) == (pid, "ana")
    assert coding.labels == frozenset({"objective:20", "principle:human-rights"})
    # Independent of what counts: the decided objective 6 is not carried over.
    assert reviews(db, pid) == {"ana": ["objective:20", "principle:human-rights"]}
    assert statuses(db, pid) == before  # no tag changes
    [entry] = list_audit(db, where=AuditFilter(action="paragraph.code"))
    assert (entry.user_name, entry.object_type, entry.object_id) == ("ana", "paragraph", str(pid))
    assert entry.before is None
    assert entry.after == {"coder": "ana", "labels": ["objective:20", "principle:human-rights"]}


def test_coding_again_replaces_and_audits_changes_only(
    db: Database, make_document: MakeDocument
) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7)
    code_paragraph(db, pid, ["objective:6"], FIRST)
    code_paragraph(db, pid, ["objective:6"], FIRST)  # the same: no second audit row
    code_paragraph(db, pid, [], FIRST)  # nothing present: every label is a "no"
    assert reviews(db, pid) == {"ana": []}
    entries = list_audit(db, where=AuditFilter(action="paragraph.code"))
    assert len(entries) == 2
    assert entries[0].before == {"coder": "ana", "labels": ["objective:6"]}
    assert entries[0].after == {"coder": "ana", "labels": []}
    code_paragraph(db, pid, ["objective:3"], SECOND)
    assert {c.coder: c.labels for c in load_codings(db)} == {
        "ana": frozenset(),
        "bea": frozenset({"objective:3"}),
    }


def test_coder_labels_are_the_coders_own(db: Database, make_document: MakeDocument) -> None:
    first = tagged_paragraph(db, make_document, objective_6=0.7)
    second = tagged_paragraph(db, make_document, objective_8=0.7)
    code_paragraph(db, first, ["objective:6"], FIRST)
    code_paragraph(db, first, ["objective:7"], SECOND)
    assert coder_labels(db, [first, second], "ana") == {first: frozenset({"objective:6"})}
    assert coder_labels(db, [first], "bea") == {first: frozenset({"objective:7"})}
    assert coder_labels(db, [], "ana") == {}


def test_code_paragraph_refuses_unknown_labels_and_hidden_paragraphs(
    db: Database, make_document: MakeDocument
) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7)
    with pytest.raises(InvalidLabel, match="objective:99"):
        code_paragraph(db, pid, ["objective:6", "objective:99"], FIRST)
    with pytest.raises(ParagraphNotFound):
        code_paragraph(db, pid, ["objective:6"], FOCAL_EGYPT)  # a Jordanian paragraph
    with pytest.raises(ParagraphNotFound):
        code_paragraph(db, 999_999, [], FIRST)
    assert reviews(db, pid) == {}
    assert list_audit(db) == []
