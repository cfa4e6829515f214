"""Analysts' decisions on tags: accept, reject, add; independent coding; the review queue.

Every change writes an audit row. Decisions on tags change tags only: they are review, not
coding, and never count in inter-coder agreement. `code_paragraph` records a coder's own labels
for a paragraph (given blind on the coding page) without touching any tag: those codings alone
are what agreement is measured on.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from gcm_review.errors import InvalidLabel
from gcm_review.frameworks import load_framework
from gcm_review.frameworks.labels import framework_labels, label_hint
from gcm_review.model.coding import Coding
from gcm_review.model.stored import (
    ANALYST_SOURCE,
    MODEL_SOURCE,
    ParagraphView,
    TagStatus,
)
from gcm_review.store import audit
from gcm_review.store.browse import (
    TagView,
    paragraph_view,
    tag_view,
    visible_paragraph,
    visible_tag,
)
from gcm_review.store.database import Database
from gcm_review.store.tables import DocumentRow, ParagraphReviewRow, ParagraphRow, TagRow
from gcm_review.store.users import User

CODING_ORIGIN = "coding"  # paragraph_reviews.origin of labels given on the coding page
UNCERTAIN = 0.5  # the queue shows first the proposals whose probability is closest to this
ANALYST_EVIDENCE = ({"tagger": "analyst", "score": 1.0, "matched": [], "sentence": None},)


@dataclass(frozen=True)
class QueueItem:
    """A proposed tag to review, with its paragraph and document."""

    tag: TagView
    paragraph: ParagraphView
    document_name: str


@functools.cache
def known_labels(framework: str = "gcm") -> frozenset[str]:
    """Every label of the framework: objective:N and principle:<key>."""
    return frozenset(framework_labels(load_framework(framework)))


def _snapshot(row: TagRow) -> dict[str, Any]:
    return {
        "paragraph_id": row.paragraph_id,
        "label": row.label,
        "status": row.status,
        "source": row.source,
        "probability": row.probability,
    }


def _review_row(session: Session, paragraph_id: int, coder: str) -> ParagraphReviewRow | None:
    return session.scalars(
        select(ParagraphReviewRow).where(
            ParagraphReviewRow.paragraph_id == paragraph_id, ParagraphReviewRow.coder == coder
        )
    ).first()


def _decide(db: Database, tag_id: int, user: User, status: TagStatus) -> TagView:
    with db.transaction() as session:
        row = visible_tag(session, tag_id, user)
        if row.status == status:
            return tag_view(row)  # as it is already: no change, no audit row
        before = _snapshot(row)
        row.status = status
        action = "tag.accept" if status == TagStatus.ACCEPTED else "tag.reject"
        audit.record(session, user.name, action, "tag", row.id, before=before, after=_snapshot(row))
        session.flush()
        return tag_view(row)


def accept_tag(db: Database, tag_id: int, user: User) -> TagView:
    """Accept a tag (a no-op when it is accepted already)."""
    return _decide(db, tag_id, user, TagStatus.ACCEPTED)


def reject_tag(db: Database, tag_id: int, user: User) -> TagView:
    """Reject a tag (a no-op when it is rejected already)."""
    return _decide(db, tag_id, user, TagStatus.REJECTED)


def add_tag(db: Database, paragraph_id: int, label: str, user: User) -> TagView:
    """Give a paragraph a label as an analyst; returns the accepted tag that already has it."""
    if label not in known_labels():
        raise InvalidLabel(f"unknown label {label!r}", hint=label_hint(load_framework()))
    with db.transaction() as session:
        visible_paragraph(session, paragraph_id, user)
        accepted = session.scalars(
            select(TagRow).where(
                TagRow.paragraph_id == paragraph_id,
                TagRow.label == label,
                TagRow.status == TagStatus.ACCEPTED,
            )
        ).first()
        if accepted is not None:
            return tag_view(accepted)
        row = TagRow(
            paragraph_id=paragraph_id,
            label=label,
            probability=1.0,
            decided=True,
            source=ANALYST_SOURCE,
            tagger=user.name,
            status=TagStatus.ACCEPTED,
            evidence=[dict(item) for item in ANALYST_EVIDENCE],
            created_at=datetime.now(UTC),
        )
        session.add(row)
        session.flush()
        audit.record(session, user.name, "tag.add", "tag", row.id, after=_snapshot(row))
        return tag_view(row)


def code_paragraph(db: Database, paragraph_id: int, labels: Collection[str], user: User) -> Coding:
    """Record `labels` as the user's whole, independent judgement of a paragraph (every label
    not in it is a "no"); tags and their statuses are left alone. Audited when it changes."""
    chosen = sorted(set(labels))
    unknown = [label for label in chosen if label not in known_labels()]
    if unknown:
        raise InvalidLabel(f"unknown label {unknown[0]!r}", hint=label_hint(load_framework()))
    with db.transaction() as session:
        visible_paragraph(session, paragraph_id, user)
        review = _review_row(session, paragraph_id, user.name)
        # A row an earlier version derived from review decisions was never this coder's coding.
        coded = review is not None and review.origin == CODING_ORIGIN
        before = sorted(review.labels) if review is not None and coded else None
        now = datetime.now(UTC)
        if review is None:
            session.add(
                ParagraphReviewRow(
                    paragraph_id=paragraph_id,
                    coder=user.name,
                    labels=chosen,
                    reviewed_at=now,
                    origin=CODING_ORIGIN,
                )
            )
        else:
            review.labels, review.reviewed_at, review.origin = chosen, now, CODING_ORIGIN
        if before != chosen:
            audit.record(
                session,
                user.name,
                "paragraph.code",
                "paragraph",
                paragraph_id,
                before=None if before is None else {"coder": user.name, "labels": before},
                after={"coder": user.name, "labels": chosen},
            )
    return Coding(paragraph_id, user.name, frozenset(chosen))


def coder_labels(
    db: Database, paragraph_ids: Collection[int], coder: str
) -> dict[int, frozenset[str]]:
    """The coder's own labels for those of the paragraphs they coded."""
    if not paragraph_ids:
        return {}
    query = select(ParagraphReviewRow).where(
        ParagraphReviewRow.coder == coder,
        ParagraphReviewRow.origin == CODING_ORIGIN,
        ParagraphReviewRow.paragraph_id.in_(sorted(paragraph_ids)),
    )
    with db.sessions() as session:
        return {row.paragraph_id: frozenset(row.labels) for row in session.scalars(query)}


def _queue_query(user: User, document_id: int | None) -> Any:
    decided = aliased(TagRow)
    already_decided = exists().where(
        and_(
            decided.paragraph_id == TagRow.paragraph_id,
            decided.label == TagRow.label,
            decided.status != TagStatus.PROPOSED,
        )
    )
    query = (
        select(TagRow, ParagraphRow, DocumentRow.source_name)
        .join(ParagraphRow, TagRow.paragraph_id == ParagraphRow.id)
        .join(DocumentRow, ParagraphRow.document_id == DocumentRow.id)
        .where(TagRow.source == MODEL_SOURCE, TagRow.status == TagStatus.PROPOSED, ~already_decided)
    )
    if user.document_scope is not None:
        query = query.where(DocumentRow.country == user.document_scope)
    if document_id is not None:
        query = query.where(DocumentRow.id == document_id)
    return query


def review_queue(
    db: Database, user: User, *, limit: int = 50, document_id: int | None = None
) -> list[QueueItem]:
    """Proposals nobody has decided yet in documents the user may see, most uncertain first."""
    query = _queue_query(user, document_id).order_by(
        func.abs(TagRow.probability - UNCERTAIN), TagRow.id
    )
    with db.sessions() as session:
        return [
            QueueItem(tag_view(tag), paragraph_view(paragraph), name)
            for tag, paragraph, name in session.execute(query.limit(limit))
        ]


def review_queue_size(db: Database, user: User, *, document_id: int | None = None) -> int:
    """How many proposals wait in the user's queue."""
    query = select(func.count()).select_from(_queue_query(user, document_id).subquery())
    with db.sessions() as session:
        return int(session.scalar(query) or 0)
