"""Storing tags: proposals replaced on re-tagging, reviewed tags kept, explanations read back."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import update

from gcm_review.errors import ParagraphNotFound
from gcm_review.model import Evidence, StructuredDocument, Tag
from gcm_review.store.database import Database, open_database
from gcm_review.store.documents import save_document
from gcm_review.store.tables import TagRow
from gcm_review.store.tags import paragraph_explanation, paragraphs_to_tag, save_tags

MakeDocument = Callable[..., StructuredDocument]
EVIDENCE = (Evidence("lexicon.v1", 0.8, ("remittances",)),)


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    yield database
    database.close()


def proposal(label: str, probability: float = 0.7) -> Tag:
    return Tag(label, probability, probability >= 0.5, "gcm-tagger.v1", EVIDENCE)


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


def test_unknown_paragraph(db: Database) -> None:
    with pytest.raises(ParagraphNotFound):
        paragraph_explanation(db, 12345)
