"""Analysts' work: coders' independent codings, the adjudications that settle their
disagreements, and analysts' decisions on tags.

Only labels given on the coding page are codings. Accepting or rejecting a tag is a review
decision: it changes the tag, never a coding, and never makes the reviewer a coder.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime

from sqlalchemy import select

from gcm_review.errors import InvalidLabel
from gcm_review.frameworks import load_framework
from gcm_review.frameworks.labels import label_hint
from gcm_review.model import TagInput
from gcm_review.model.coding import Adjudication, AnalystDecision, Coding
from gcm_review.model.stored import ANALYST_SOURCE, TagStatus
from gcm_review.store import audit
from gcm_review.store.browse import visible_paragraph
from gcm_review.store.database import Database
from gcm_review.store.review_actions import CODING_ORIGIN, known_labels
from gcm_review.store.tables import AdjudicationRow, ParagraphReviewRow, ParagraphRow, TagRow
from gcm_review.store.timestamps import as_utc
from gcm_review.store.users import User


def load_codings(
    db: Database,
    document_ids: Collection[int] | None = None,
    *,
    excluded_coders: Collection[str] = (),
) -> list[Coding]:
    """Every coder's independent label set per paragraph (of the given documents, or all),
    leaving out the coders named in `excluded_coders`."""
    query = (
        select(ParagraphReviewRow)
        .where(ParagraphReviewRow.origin == CODING_ORIGIN)
        .order_by(ParagraphReviewRow.paragraph_id, ParagraphReviewRow.coder)
    )
    if excluded_coders:
        query = query.where(ParagraphReviewRow.coder.not_in(sorted(excluded_coders)))
    if document_ids is not None:
        query = query.join(ParagraphRow).where(ParagraphRow.document_id.in_(list(document_ids)))
    with db.sessions() as session:
        return [
            Coding(row.paragraph_id, row.coder, frozenset(row.labels))
            for row in session.scalars(query)
        ]


def load_adjudications(
    db: Database, document_ids: Collection[int] | None = None
) -> dict[int, Adjudication]:
    """The settled labels of each adjudicated paragraph (of the given documents, or all)."""
    query = select(AdjudicationRow).order_by(AdjudicationRow.paragraph_id)
    if document_ids is not None:
        query = query.join(ParagraphRow).where(ParagraphRow.document_id.in_(list(document_ids)))
    with db.sessions() as session:
        return {row.paragraph_id: _adjudication(row) for row in session.scalars(query)}


def adjudicate(
    db: Database, paragraph_id: int, labels: Collection[str], user: User
) -> Adjudication:
    """Settle a paragraph's labels as `user` (replacing an earlier adjudication); audited.

    Codings and tags are left as they are: agreement stays a measure of the independent codings.
    """
    chosen = sorted(set(labels))
    unknown = [label for label in chosen if label not in known_labels()]
    if unknown:
        raise InvalidLabel(f"unknown label {unknown[0]!r}", hint=label_hint(load_framework()))
    with db.transaction() as session:
        visible_paragraph(session, paragraph_id, user)
        row = session.scalars(
            select(AdjudicationRow).where(AdjudicationRow.paragraph_id == paragraph_id)
        ).first()
        before = None if row is None else {"labels": list(row.labels), "by": row.adjudicator}
        now = datetime.now(UTC)
        if row is None:
            row = AdjudicationRow(paragraph_id=paragraph_id, labels=chosen, adjudicator=user.name)
            session.add(row)
        row.labels, row.adjudicator, row.decided_at = chosen, user.name, now
        after = {"labels": chosen, "by": user.name}
        audit.record(
            session,
            user.name,
            "paragraph.adjudicate",
            "paragraph",
            paragraph_id,
            before=before,
            after=after,
        )
        session.flush()
        return _adjudication(row)


def _adjudication(row: AdjudicationRow) -> Adjudication:
    return Adjudication(
        row.paragraph_id, frozenset(row.labels), row.adjudicator, as_utc(row.decided_at)
    )


def analyst_decisions(db: Database) -> list[AnalystDecision]:
    """Accepted, rejected and analyst-added tags with their paragraph, one per paragraph and label.

    When a label of a paragraph has several such tags, a tag an analyst added wins over a judged
    proposal, and a newer one over an older one.
    """
    query = (
        select(TagRow, ParagraphRow)
        .join(ParagraphRow, TagRow.paragraph_id == ParagraphRow.id)
        .where(
            TagRow.status.in_((TagStatus.ACCEPTED, TagStatus.REJECTED))
            | (TagRow.source == ANALYST_SOURCE)
        )
    )
    with db.sessions() as session:
        rows = [(row[0], row[1]) for row in session.execute(query)]
    rows.sort(key=lambda pair: (pair[0].source == ANALYST_SOURCE, pair[0].created_at, pair[0].id))
    latest: dict[tuple[int, str], AnalystDecision] = {}
    for tag, para in rows:
        latest[(tag.paragraph_id, tag.label)] = AnalystDecision(
            paragraph_id=tag.paragraph_id,
            label=tag.label,
            accepted=tag.status != TagStatus.REJECTED,
            source=tag.source,
            tagger=tag.tagger,
            text=para.text,
            language=para.language,
            section_objective_refs=tuple(para.section_objective_refs),
        )
    return sorted(latest.values(), key=lambda d: (d.paragraph_id, d.label))


def paragraph_inputs(db: Database, ids: Collection[int]) -> dict[int, TagInput]:
    """The tagger's input for each of these paragraphs, by id."""
    if not ids:
        return {}
    found: dict[int, TagInput] = {}
    ordered = sorted(ids)
    with db.sessions() as session:
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            for row in session.scalars(select(ParagraphRow).where(ParagraphRow.id.in_(chunk))):
                found[row.id] = TagInput(row.text, row.language, tuple(row.section_objective_refs))
    return found
