"""Reading stored documents back as the synthesis input: paragraphs with the tags that count,
and what the copy rule reads of each document (`store.relations`).

Which labels count is `model.stored.label_counts`, per paragraph and label: an analyst's
decision stands whatever other tags of the label exist; without one, the tagger's decided
proposals count and proposals below the tagger's threshold do not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, or_, select

from gcm_review.model.stored import (
    MODEL_SOURCE,
    ParagraphTag,
    ReviewParagraph,
    TagStatus,
    label_counts,
    tag_counts,
)
from gcm_review.model.synthesis_input import ReviewInput, SectionInfo
from gcm_review.store.database import Database
from gcm_review.store.records import paragraph_fields
from gcm_review.store.relations import accepted_pairs, document_info
from gcm_review.store.tables import DocumentRow, ParagraphRow, RepairRow, SectionRow, TagRow

SKIPPED_KINDS = ("contents",)


def load_review_input(db: Database, document_ids: Sequence[int] | None = None) -> ReviewInput:
    """The given (or all) stored documents as synthesis input, in storage order."""
    with db.sessions() as session:
        documents = select(DocumentRow).order_by(DocumentRow.id)
        if document_ids:
            documents = documents.where(DocumentRow.id.in_(document_ids))
        doc_rows = list(session.scalars(documents))
        ids = [row.id for row in doc_rows]
        para_rows = list(
            session.scalars(
                select(ParagraphRow)
                .where(ParagraphRow.document_id.in_(ids))
                .order_by(ParagraphRow.document_id, ParagraphRow.seq)
            )
        )
        tags = _counted_tags(session, ids)
        sections = [
            SectionInfo(row.document_id, row.title, row.kind, tuple(row.objective_refs))
            for row in session.scalars(
                select(SectionRow)
                .where(SectionRow.document_id.in_(ids))
                .order_by(SectionRow.document_id, SectionRow.seq)
            )
        ]
        names = {row.id: row.source_name for row in doc_rows}
        paragraphs = [
            _paragraph(row, names[row.document_id], tags.get(row.id, ()))
            for row in para_rows
            if row.kind not in SKIPPED_KINDS
        ]
        repairs = _repairs(session, ids)
        pairs = accepted_pairs(session)
    counts: dict[int, int] = defaultdict(int)
    for para in paragraphs:
        counts[para.document_id] += 1
    infos = tuple(
        document_info(row, paragraphs=counts[row.id], repairs=repairs.get(row.id, 0))
        for row in doc_rows
    )
    return ReviewInput(infos, tuple(sections), tuple(paragraphs), accepted_pairs=pairs)


def _repairs(session: Any, document_ids: Sequence[int]) -> dict[int, int]:
    """The repairs recorded for each document (a record may sum up several)."""
    query = (
        select(RepairRow.document_id, func.sum(RepairRow.count))
        .where(RepairRow.document_id.in_(document_ids))
        .group_by(RepairRow.document_id)
    )
    return {document_id: int(total or 0) for document_id, total in session.execute(query)}


def _counted_tags(session: Any, document_ids: Sequence[int]) -> dict[int, list[ParagraphTag]]:
    """The counted labels of each paragraph, most likely first, each once (its likeliest tag).

    Proposals the tagger did not decide are not read: they never count, and `label_counts`
    weighs them in no case (only judged tags and decided proposals decide a label)."""
    query = (
        select(
            TagRow.id,
            TagRow.paragraph_id,
            TagRow.label,
            TagRow.probability,
            TagRow.source,
            TagRow.status,
            TagRow.decided,
            TagRow.evidence,
            TagRow.tagger,
        )
        .join(ParagraphRow)
        .where(ParagraphRow.document_id.in_(document_ids))
        .where(
            or_(
                TagRow.status != TagStatus.PROPOSED.value,
                and_(TagRow.decided.is_(True), TagRow.source == MODEL_SOURCE),
            )
        )
        .order_by(TagRow.paragraph_id, TagRow.probability.desc(), TagRow.label, TagRow.id)
    )
    rows = list(session.execute(query))
    by_label: dict[tuple[int, str], list[Any]] = defaultdict(list)
    for tag in rows:
        by_label[(tag.paragraph_id, tag.label)].append(tag)
    counting = {key for key, tags in by_label.items() if label_counts(tags)}
    counted: dict[int, list[ParagraphTag]] = defaultdict(list)
    done: set[tuple[int, str]] = set()
    for tag in rows:
        key = (tag.paragraph_id, tag.label)
        counts = tag_counts(tag.status, decided=tag.decided, source=tag.source)
        if counts and key in counting and key not in done:
            done.add(key)
            counted[tag.paragraph_id].append(
                ParagraphTag(
                    tag.label,
                    tag.probability,
                    tag.source,
                    TagStatus(tag.status),
                    _sentence(tag.evidence),
                    tag.tagger,
                )
            )
    return counted


def _sentence(evidence: Sequence[dict[str, Any]]) -> str | None:
    """The sentence the strongest piece of evidence points at."""
    with_sentence = [item for item in evidence if item.get("sentence")]
    if not with_sentence:
        return None
    best = max(with_sentence, key=lambda item: float(item.get("score") or 0.0))
    return str(best["sentence"])


def _paragraph(row: ParagraphRow, document: str, tags: Sequence[ParagraphTag]) -> ReviewParagraph:
    return ReviewParagraph(**paragraph_fields(row), document=document, tags=tuple(tags))
