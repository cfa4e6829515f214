"""Reading stored documents back as the synthesis input: paragraphs with the tags that count.

A tag counts when an analyst accepted it, or when the tagger decided it and nobody rejected it.
Proposals below the tagger's threshold and rejected tags do not count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from gcm_review.store.database import Database
from gcm_review.store.tables import DocumentRow, ParagraphRow, SectionRow, TagRow
from gcm_review.synthesis.records import (
    DocumentInfo,
    ParagraphTag,
    ReviewInput,
    ReviewParagraph,
    SectionInfo,
)

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
    counts: dict[int, int] = defaultdict(int)
    for para in paragraphs:
        counts[para.document_id] += 1
    infos = tuple(
        DocumentInfo(row.id, row.source_name, row.title, row.language, counts[row.id])
        for row in doc_rows
    )
    return ReviewInput(infos, tuple(sections), tuple(paragraphs))


def _counted_tags(session: Any, document_ids: Sequence[int]) -> dict[int, list[ParagraphTag]]:
    query = (
        select(
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
        .where(ParagraphRow.document_id.in_(document_ids), TagRow.status != "rejected")
        .order_by(TagRow.paragraph_id, TagRow.probability.desc())
    )
    counted: dict[int, list[ParagraphTag]] = defaultdict(list)
    for tag in session.execute(query):
        if tag.status == "accepted" or (tag.decided and tag.source == "model"):
            labels = {t.label for t in counted[tag.paragraph_id]}
            if tag.label not in labels:
                counted[tag.paragraph_id].append(
                    ParagraphTag(
                        tag.label,
                        tag.probability,
                        tag.source,
                        tag.status,
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
    return ReviewParagraph(
        id=row.id,
        document_id=row.document_id,
        document=document,
        seq=row.seq,
        text=row.text,
        kind=row.kind,
        number=row.number,
        section=tuple(row.section),
        page=row.page,
        language=row.language,
        speaker=row.speaker,
        speaker_title=row.speaker_title,
        organisation=row.organisation,
        country=row.country,
        stakeholder_group=row.stakeholder_group,
        tags=tuple(tags),
    )
