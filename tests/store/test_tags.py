"""Storing tags: proposals replaced on re-tagging, analysts' decisions kept (no new proposal for
a label an analyst decided), explanations read back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from gcm_review.errors import ParagraphNotFound
from gcm_review.model import Evidence, StructuredDocument, Tag
from gcm_review.store.database import Database
from gcm_review.store.documents import save_document
from gcm_review.store.tables import TagRow
from gcm_review.store.tags import SavedTags, paragraph_explanation, paragraphs_to_tag, save_tags

MakeDocument = Callable[..., StructuredDocument]
EVIDENCE = (Evidence("lexicon.v1", 0.8, ("remittances",)),)


def proposal(label: str, probability: float = 0.7) -> Tag:
    return Tag(label, probability, probability >= 0.5, "gcm-tagger.v1", EVIDENCE)


def analyst_tag(pid: int, label: str) -> TagRow:
    return TagRow(
        paragraph_id=pid,
        label=label,
        probability=1.0,
        decided=True,
        source="analyst",
        tagger="ana",
        status="accepted",
        evidence=[],
        created_at=datetime.now(UTC),
    )


def test_tags_are_stored_and_explained(db: Database, make_document: MakeDocument) -> None:
    saved = save_document(db, make_document(paragraphs=2), reader="text.v1")
    todo = paragraphs_to_tag(db, [saved.document_id])
    assert len(todo) == 2
    first_id, first_input = todo[0]
    assert first_input.section_objective_refs == (4, 8)
    save_tags(db, [(first_id, [proposal("objective:20"), proposal("objective:6", 0.3)])])
    explained = paragraph_explanation(db, first_id)
    assert explained["paragraph"]["id"] == first_id
    assert [t["label"] for t in explained["tags"]] == ["objective:20", "objective:6"]
    assert explained["tags"][0]["evidence"][0]["matched"] == ["remittances"]
    assert explained["tags"][0]["tagger"] == "gcm-tagger.v1"


def test_retagging_keeps_reviewed_tags(db: Database, make_document: MakeDocument) -> None:
    saved = save_document(db, make_document(paragraphs=1), reader="text.v1")
    [(pid, _)] = paragraphs_to_tag(db, [saved.document_id])
    save_tags(db, [(pid, [proposal("objective:20"), proposal("objective:6")])])
    with db.transaction() as session:
        session.execute(
            update(TagRow).where(TagRow.label == "objective:6").values(status="accepted")
        )
    save_tags(db, [(pid, [proposal("objective:21")])])
    labels = sorted(t["label"] for t in paragraph_explanation(db, pid)["tags"])
    assert labels == ["objective:21", "objective:6"]


def statuses(db: Database, pid: int) -> list[tuple[str, str, str]]:
    """(label, status, source) of every tag of the paragraph, sorted."""
    with db.sessions() as session:
        rows = session.scalars(select(TagRow).where(TagRow.paragraph_id == pid))
        return sorted((row.label, row.status, row.source) for row in rows)


def test_retagging_leaves_decided_labels_to_the_analysts(
    db: Database, make_document: MakeDocument
) -> None:
    saved = save_document(db, make_document(paragraphs=1), reader="text.v1")
    [(pid, _)] = paragraphs_to_tag(db, [saved.document_id])
    labels = ("objective:20", "objective:6", "objective:3", "objective:21")
    save_tags(db, [(pid, [proposal(label) for label in labels[:2]])])
    with db.transaction() as session:
        session.execute(
            update(TagRow).where(TagRow.label == "objective:20").values(status="rejected")
        )
        session.execute(
            update(TagRow).where(TagRow.label == "objective:6").values(status="accepted")
        )
        session.add(analyst_tag(pid, "objective:3"))

    saved_tags = save_tags(db, [(pid, [proposal(label) for label in labels])])

    assert saved_tags == SavedTags(proposals=1, decided=1, left_to_analysts=3)
    assert statuses(db, pid) == [
        ("objective:20", "rejected", "model"),
        ("objective:21", "proposed", "model"),
        ("objective:3", "accepted", "analyst"),
        ("objective:6", "accepted", "model"),
    ]


def test_retagging_refreshes_undecided_proposals(db: Database, make_document: MakeDocument) -> None:
    saved = save_document(db, make_document(paragraphs=1), reader="text.v1")
    [(pid, _)] = paragraphs_to_tag(db, [saved.document_id])
    save_tags(db, [(pid, [proposal("objective:20", 0.9)])])
    saved_tags = save_tags(db, [(pid, [proposal("objective:20", 0.2)])])
    assert saved_tags == SavedTags(proposals=1, decided=0, left_to_analysts=0)
    [explained] = paragraph_explanation(db, pid)["tags"]
    assert (explained["probability"], explained["decided"]) == (0.2, False)


def test_unknown_paragraph(db: Database) -> None:
    with pytest.raises(ParagraphNotFound):
        paragraph_explanation(db, 12345)
