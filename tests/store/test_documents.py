"""Storing documents: hashing, versions, transactions, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from gcm_review.errors import DocumentNotFound, StorageError
from gcm_review.model import StructuredDocument
from gcm_review.store.database import Database, open_database
from gcm_review.store.documents import document_record, list_documents, save_document
from gcm_review.store.tables import DocumentRow, ParagraphRow

MakeDocument = Callable[..., StructuredDocument]


def count(db: Database, table: type[DocumentRow] | type[ParagraphRow]) -> int:
    with db.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_new_document_is_stored_with_everything(db: Database, make_document: MakeDocument) -> None:
    saved = save_document(db, make_document(paragraphs=3), reader="text.v1")
    assert (saved.status, saved.version) == ("new", 1)
    record = document_record(db, saved.document_id)
    assert record["title"] == "Sample"
    assert record["reader"] == "text.v1"
    assert [p["number"] for p in record["paragraphs"]] == ["1", "2", "3"]
    first = record["paragraphs"][0]
    assert first["country"] == "JOR"
    assert first["stakeholder_group"] == "member-state"
    assert first["section"] == ["Roundtable 2"]
    assert first["objective_refs"] == [4, 6, 8]
    assert first["objective_refs_in_text"] == [6]
    assert record["repairs"][0]["kind"] == "hyphenation"
    assert record["repairs"][0]["count"] == 1
    assert record["sections"][0]["objective_refs"] == [4, 8]


def test_same_bytes_again_is_a_no_op(db: Database, make_document: MakeDocument) -> None:
    first = save_document(db, make_document(), reader="text.v1")
    again = save_document(db, make_document(), reader="text.v1")
    assert again.status == "unchanged"
    assert again.document_id == first.document_id
    assert count(db, DocumentRow) == 1


def test_changed_file_becomes_a_new_version(db: Database, make_document: MakeDocument) -> None:
    save_document(db, make_document(content="first text"), reader="text.v1")
    second = save_document(db, make_document(content="second text"), reader="text.v1")
    other = save_document(db, make_document(name="other.txt", content="x"), reader="text.v1")
    assert (second.status, second.version) == ("new-version", 2)
    assert (other.status, other.version) == ("new", 1)
    assert [(d.name, d.version) for d in list_documents(db)] == [
        ("other.txt", 1),
        ("sample.txt", 2),
        ("sample.txt", 1),
    ]


def test_failed_save_leaves_nothing_half_written(db: Database, make_document: MakeDocument) -> None:
    save_document(db, make_document(content="kept"), reader="text.v1")
    good = make_document(content="broken one", paragraphs=4)
    # A paragraph whose kind is None violates NOT NULL after the document row was added.
    bad_paragraph = replace(good.paragraphs[-1], kind=None)  # type: ignore[arg-type]
    broken = replace(good, paragraphs=(*good.paragraphs[:-1], bad_paragraph))
    with pytest.raises(StorageError) as raised:
        save_document(db, broken, reader="text.v1")
    message = raised.value.one_line()
    assert "\n" not in message and "SQL" not in message  # the driver's own line, no SQL dump
    assert "other processes" not in message  # not mistaken for a clash of versions
    assert count(db, DocumentRow) == 1
    assert count(db, ParagraphRow) == 2


def test_unknown_document_id(db: Database) -> None:
    with pytest.raises(DocumentNotFound):
        document_record(db, 999)


def test_unreachable_database_is_a_storage_error(tmp_path: object) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        open_database("sqlite:////nonexistent-folder/x/gcm-review.db")
    with pytest.raises(StorageError, match="cannot open the database"):
        open_database("postgresql://nobody@127.0.0.1:1/none")


def test_nul_characters_are_dropped_and_recorded(db: Database, make_document: MakeDocument) -> None:
    """SQLite would keep U+0000 and PostgreSQL refuse it: both store the text without it."""
    doc = make_document(content="1. The ministry\x00 opened a shelter.\x00", paragraphs=2)
    saved = save_document(db, doc, reader="text.v1")
    record = document_record(db, saved.document_id)
    assert [p["text"] for p in record["paragraphs"]] == [
        "1. The ministry opened a shelter. (0)",
        "1. The ministry opened a shelter. (1)",
    ]
    assert record["repairs"][-1]["kind"] == "nul-character"
    assert record["repairs"][-1]["count"] == 2  # in the text as read, once
    with db.sessions() as session:
        raw = session.scalar(select(DocumentRow.raw_text))
    assert raw is not None and "\x00" not in raw
    assert save_document(db, doc, reader="text.v1").status == "unchanged"  # same bytes
