"""Storing tags and reading them back with their paragraph (for `explain`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select

from gcm_review.errors import ParagraphNotFound
from gcm_review.model import Tag, TagInput
from gcm_review.model.stored import MODEL_SOURCE, TagStatus
from gcm_review.store.database import Database
from gcm_review.store.documents import paragraph_record
from gcm_review.store.tables import DocumentRow, ParagraphRow, TagRow

SKIPPED_KINDS = ("contents",)


def paragraphs_to_tag(
    db: Database, document_ids: Sequence[int] | None = None
) -> list[tuple[int, TagInput]]:
    """(paragraph id, tagger input) of every paragraph of the given (or all) documents."""
    query = (
        select(ParagraphRow).join(DocumentRow).order_by(ParagraphRow.document_id, ParagraphRow.seq)
    )
    if document_ids:
        query = query.where(ParagraphRow.document_id.in_(document_ids))
    with db.sessions() as session:
        return [
            (row.id, TagInput(row.text, row.language, tuple(row.section_objective_refs)))
            for row in session.scalars(query)
            if row.kind not in SKIPPED_KINDS
        ]


@dataclass(frozen=True)
class SavedTags:
    """What `save_tags` stored: proposals, of which decided by the tagger, and proposals left
    out because an analyst has already decided their label on the paragraph."""

    proposals: int
    decided: int
    left_to_analysts: int


def save_tags(db: Database, tagged: Sequence[tuple[int, Sequence[Tag]]]) -> SavedTags:
    """Refresh the undecided machine proposals of these paragraphs.

    Analysts' work stays as it is: accepted, rejected and analyst-added tags are kept, and a
    label an analyst has decided on a paragraph gets no new proposal there, so re-tagging never
    brings back a rejected label nor doubles an accepted one.
    """
    now = datetime.now(UTC)
    ids = [paragraph_id for paragraph_id, _ in tagged]
    with db.transaction() as session:
        session.execute(
            delete(TagRow).where(
                TagRow.paragraph_id.in_(ids),
                TagRow.source == MODEL_SOURCE,
                TagRow.status == TagStatus.PROPOSED,
            )
        )
        # After the delete, every tag left is an analyst's or judged by one.
        kept = {
            (row.paragraph_id, row.label)
            for row in session.execute(
                select(TagRow.paragraph_id, TagRow.label).where(TagRow.paragraph_id.in_(ids))
            )
        }
        rows = [
            TagRow(
                paragraph_id=paragraph_id,
                label=tag.label,
                probability=tag.probability,
                decided=tag.decided,
                source=MODEL_SOURCE,
                tagger=tag.tagger,
                status=TagStatus.PROPOSED.value,
                evidence=[asdict(evidence) for evidence in tag.evidence],
                created_at=now,
            )
            for paragraph_id, tags in tagged
            for tag in tags
            if (paragraph_id, tag.label) not in kept
        ]
        session.add_all(rows)
    given = sum(len(tags) for _, tags in tagged)
    return SavedTags(len(rows), sum(row.decided for row in rows), given - len(rows))


def paragraph_explanation(db: Database, paragraph_id: int) -> dict[str, Any]:
    """A paragraph with every tag on it, most likely first, and each tag's evidence."""
    with db.sessions() as session:
        para = session.get(ParagraphRow, paragraph_id)
        if para is None:
            raise ParagraphNotFound(f"no paragraph with id {paragraph_id}")
        tags = session.scalars(
            select(TagRow)
            .where(TagRow.paragraph_id == paragraph_id)
            .order_by(TagRow.probability.desc())
        )
        return {
            "paragraph": {**paragraph_record(para), "document": para.document.source_name},
            "tags": [_tag_record(tag) for tag in tags],
        }


def _tag_record(tag: TagRow) -> dict[str, Any]:
    return {
        "label": tag.label,
        "probability": tag.probability,
        "decided": tag.decided,
        "status": tag.status,
        "source": tag.source,
        "tagger": tag.tagger,
        "evidence": list(tag.evidence),
    }
