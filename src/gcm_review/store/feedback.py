"""Reading analysts' work back: coders' paragraph reviews, decisions on tags, training examples."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select

from gcm_review.feedback.agreement import Coding
from gcm_review.feedback.examples import (
    FEEDBACK_WEIGHT,
    AnalystDecision,
    feedback_examples_from,
)
from gcm_review.frameworks import load_framework
from gcm_review.model import TagInput
from gcm_review.store.database import Database
from gcm_review.store.tables import ParagraphReviewRow, ParagraphRow, TagRow
from gcm_review.tagging.examples import Example
from gcm_review.tagging.labels import objective_label, principle_label


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
        .where((TagRow.status.in_(("accepted", "rejected"))) | (TagRow.source == "analyst"))
    )
    with db.sessions() as session:
        rows = [(row[0], row[1]) for row in session.execute(query)]
    rows.sort(key=lambda pair: (pair[0].source == "analyst", pair[0].created_at, pair[0].id))
    latest: dict[tuple[int, str], AnalystDecision] = {}
    for tag, para in rows:
        latest[(tag.paragraph_id, tag.label)] = AnalystDecision(
            paragraph_id=tag.paragraph_id,
            label=tag.label,
            accepted=tag.status != "rejected",
            source=tag.source,
            tagger=tag.tagger,
            text=para.text,
            language=para.language,
            section_objective_refs=tuple(para.section_objective_refs),
        )
    return sorted(latest.values(), key=lambda d: (d.paragraph_id, d.label))


def framework_labels(framework: str = "gcm") -> list[str]:
    """Every objective and principle label of a framework."""
    loaded = load_framework(framework)
    return [objective_label(o.number) for o in loaded.objectives] + [
        principle_label(p.key) for p in loaded.principles
    ]


def feedback_examples(
    db: Database, *, framework: str = "gcm", weight: int = FEEDBACK_WEIGHT
) -> list[Example]:
    """Training examples from analysts' decisions and reviews (rule in feedback.examples)."""
    decisions = analyst_decisions(db)
    codings = load_codings(db)
    paragraphs = {
        d.paragraph_id: TagInput(d.text, d.language, d.section_objective_refs) for d in decisions
    }
    paragraphs.update(_paragraph_inputs(db, {c.paragraph_id for c in codings} - set(paragraphs)))
    return feedback_examples_from(
        decisions, codings, paragraphs, labels=framework_labels(framework), weight=weight
    )


def _paragraph_inputs(db: Database, ids: Collection[int]) -> dict[int, TagInput]:
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
