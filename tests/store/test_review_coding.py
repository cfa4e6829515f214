"""Independent coding (code_paragraph, coder_labels), kept apart from decisions on tags: accepting,
rejecting or adding a tag never makes a coding, nor a coder."""

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
from gcm_review.store.feedback import adjudicate, load_adjudications, load_codings
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
OMAR_AS_ANALYST = User(3, "omar", "analyst", None, True, datetime.now(UTC))


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


def test_decisions_on_tags_never_make_codings(db: Database, make_document: MakeDocument) -> None:
    # Accepting, rejecting and adding are review, not coding: nobody becomes a coder by them.
    pid = tagged_paragraph(db, make_document, objective_6=0.7, objective_20=0.3)
    accept_tag(db, tag_id(db, pid, "objective:20"), FIRST)
    accept_tag(db, tag_id(db, pid, "objective:20"), SECOND)  # accepted already: no change
    reject_tag(db, tag_id(db, pid, "objective:6"), SECOND)
    add_tag(db, pid, "principle:human-rights", FIRST)
    assert reviews(db, pid) == {}
    assert load_codings(db) == []
    assert coder_labels(db, [pid], "ana") == {}
    assert statuses(db, pid) == {
        "objective:6": "rejected",
        "objective:20": "accepted",
        "principle:human-rights": "accepted",
    }
    assert len(list_audit(db, where=AuditFilter(action="tag.accept"))) == 1


def test_deciding_the_same_again_writes_nothing(db: Database, make_document: MakeDocument) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7, objective_8=0.9)
    tag = tag_id(db, pid, "objective:6")
    reject_tag(db, tag, FIRST)
    reject_tag(db, tag, SECOND)
    assert len(list_audit(db)) == 1
    assert reviews(db, pid) == {}


def test_a_coding_is_kept_apart_from_the_coders_decisions(
    db: Database, make_document: MakeDocument
) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7, objective_8=0.9)
    code_paragraph(db, pid, ["objective:8"], FIRST)
    accept_tag(db, tag_id(db, pid, "objective:6"), FIRST)  # review leaves the coding alone
    reject_tag(db, tag_id(db, pid, "objective:8"), FIRST)
    assert [c.labels for c in load_codings(db)] == [frozenset({"objective:8"})]


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


def test_adjudicating_records_who_and_when_apart_from_the_codings(
    db: Database, make_document: MakeDocument
) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7)
    code_paragraph(db, pid, ["objective:6"], FIRST)
    code_paragraph(db, pid, ["objective:8"], SECOND)
    before = statuses(db, pid)
    first = adjudicate(db, pid, ["objective:6", "objective:6"], FIRST)
    assert (first.paragraph_id, first.labels, first.adjudicator) == (
        pid,
        frozenset({"objective:6"}),
        "ana",
    )
    later = adjudicate(db, pid, ["objective:8"], SECOND)  # settled again: replaced
    assert later.decided_at >= first.decided_at
    assert load_adjudications(db) == {pid: later}
    assert load_adjudications(db, [999]) == {}
    # The codings and the tags are as they were.
    assert reviews(db, pid) == {"ana": ["objective:6"], "bea": ["objective:8"]}
    assert statuses(db, pid) == before
    entries = list_audit(db, where=AuditFilter(action="paragraph.adjudicate"))
    assert [(e.before, e.after) for e in entries] == [
        ({"labels": ["objective:6"], "by": "ana"}, {"labels": ["objective:8"], "by": "bea"}),
        (None, {"labels": ["objective:6"], "by": "ana"}),
    ]


def test_adjudicating_refuses_unknown_labels_and_hidden_paragraphs(
    db: Database, make_document: MakeDocument
) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7)
    with pytest.raises(InvalidLabel):
        adjudicate(db, pid, ["objective:99"], FIRST)
    with pytest.raises(ParagraphNotFound):
        adjudicate(db, pid, [], FOCAL_EGYPT)
    assert load_adjudications(db) == {}


def test_codings_of_excluded_coders_and_of_old_review_rows_are_left_out(
    db: Database, make_document: MakeDocument
) -> None:
    pid = tagged_paragraph(db, make_document, objective_6=0.7)
    code_paragraph(db, pid, ["objective:6"], FIRST)
    code_paragraph(db, pid, ["objective:8"], SECOND)
    with db.transaction() as session:  # what an earlier version derived from a review click
        session.add(
            ParagraphReviewRow(
                paragraph_id=pid,
                coder="omar",
                labels=["objective:6"],
                reviewed_at=datetime.now(UTC),
                origin="review",
            )
        )
    assert [c.coder for c in load_codings(db)] == ["ana", "bea"]
    assert [c.coder for c in load_codings(db, excluded_coders={"bea"})] == ["ana"]
    assert coder_labels(db, [pid], "omar") == {}
    # Coding on the coding page makes the old row a coding of its own.
    code_paragraph(db, pid, ["objective:2"], OMAR_AS_ANALYST)
    assert {c.coder: c.labels for c in load_codings(db)}["omar"] == frozenset({"objective:2"})
