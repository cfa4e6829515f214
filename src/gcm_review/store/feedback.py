"""Reading analysts' work back: coders' paragraph reviews and their decisions on tags."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select

from gcm_review.model import TagInput
from gcm_review.model.coding import AnalystDecision, Coding
from gcm_review.model.stored import ANALYST_SOURCE, TagStatus
from gcm_review.store.database import Database
from gcm_review.store.tables import ParagraphReviewRow, ParagraphRow, TagRow


def load_codings(db: Database, document_ids: Collection[int] | None = None) -> list[Coding]:
    """Every coder's final label set per paragraph (of the given documents, or all)."""
    query = select(ParagraphReviewRow).order_by(
        ParagraphReviewRow.paragraph_id, ParagraphReviewRow.coder
    )
    if document_ids is not None:
        query = query.join(ParagraphRow).where(ParagraphRow.document_id.in_(list(document_ids)))
    with db.sessions() as session:
        return [
            Coding(row.paragraph_id, row.coder, frozenset(row.labels))
            for row in session.scalars(query)
        ]


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
