"""The Alembic migrations build exactly the schema the tables declare."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from gcm_review.model import StructuredDocument
from gcm_review.store.database import (
    MIGRATIONS_DIR,
    Database,
    downgrade,
    migrate,
    open_database,
    schema_is_current,
)
from gcm_review.store.documents import save_document
from gcm_review.store.search import full_text_search, searchable_text
from gcm_review.store.tables import Base, ParagraphRow, declared_here


def test_migrations_match_the_tables(database_url: str) -> None:
    db = open_database(database_url)
    try:
        assert schema_is_current(db.engine)
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_name": declared_here})
            diff = compare_metadata(context, Base.metadata)
        assert diff == []
    finally:
        db.close()


def test_opening_twice_does_not_migrate_again(sqlite_url: str) -> None:
    open_database(sqlite_url).close()
    db = open_database(sqlite_url)
    try:
        assert schema_is_current(db.engine)
    finally:
        db.close()


# --- 0004: paragraphs.search_text, on a database that already holds paragraphs -----------------

VOCALISED = "يَدْعَمُ البَرْنامَجُ العُمّالَ المُهاجِرينَ في الحكومــــة."
LATIN = "La migración de main-d'œuvre."
MIGRATION_0004 = MIGRATIONS_DIR / "versions" / "0004_search_text.py"
MIGRATION_0008 = MIGRATIONS_DIR / "versions" / "0008_codings_adjudication.py"
STEMMING_SAMPLES = [
    "يعمل المهاجرون والمهاجرات بالخارج وللعمال حقوقهم، فبالحكومة لجانها.",
    "Remittances, taxes, churches, wishes, boxes, classes, status, analysis, policies.",
    "Les travailleurs migrants, les journaux, les cheveux, les bateaux.",
    "Las migraciones, las luces, los trabajadores, las ciudades, los canales, las razones.",
    "As migrações, os pães, os canais, os papéis, os trabalhadores.",
    "Смешанный текст 2024 和 中文",
]

_documents = sa.table(
    "documents",
    *(sa.column(name) for name in ("sha256", "source_name", "version", "path", "format")),
    *(sa.column(name) for name in ("reader", "raw_text")),
    sa.column("problems", sa.JSON),
    sa.column("ingested_at", sa.DateTime(timezone=True)),
)
_paragraphs = sa.table(
    "paragraphs",
    *(sa.column(name) for name in ("document_id", "seq", "kind", "text")),
    *(sa.column(name, sa.JSON) for name in ("section", "objective_refs", "section_objective_refs")),
)
_tags = sa.table(
    "tags",
    *(sa.column(name) for name in ("paragraph_id", "label", "probability", "decided", "source")),
    *(sa.column(name) for name in ("tagger", "status")),
    sa.column("evidence", sa.JSON),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def revision_of(engine: sa.Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def fill_at_0003(engine: sa.Engine, texts: list[str]) -> None:
    """Document 1 with these paragraphs (ids 1, 2, ...), each tagged, in the 0003 columns only."""
    now = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(
            _documents.insert(),
            [
                dict(sha256="0" * 64, source_name="old.txt", version=1, path="/tmp/old.txt")
                | dict(format="text", reader="text.v1", raw_text="", problems=[], ingested_at=now)
            ],
        )
        connection.execute(
            _paragraphs.insert(),
            [
                dict(document_id=1, seq=i, kind="paragraph", text=body, section=[])
                | dict(objective_refs=[], section_objective_refs=[])
                for i, body in enumerate(texts)
            ],
        )
        connection.execute(
            _tags.insert(),
            [
                dict(paragraph_id=i + 1, label="objective:6", probability=0.9, decided=True)
                | dict(source="model", tagger="t.v1", status="proposed", evidence=[])
                | dict(created_at=now)
                for i in range(len(texts))
            ],
        )


def fts_integrity_check(db: Database) -> None:
    """FTS5 compares its index with the paragraphs table; an error if the triggers missed any."""
    if db.engine.dialect.name == "sqlite":
        with db.engine.begin() as connection:
            connection.execute(
                sa.text(
                    "INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('integrity-check', 1)"
                )
            )


def postgres_search_index_is_used(db: Database) -> None:
    """On PostgreSQL, the GIN index covers the very expression search filters on."""
    if db.engine.dialect.name != "postgresql":
        return
    query = (
        "EXPLAIN SELECT p.id FROM paragraphs p "
        "WHERE to_tsvector('simple', p.search_text) @@ plainto_tsquery('simple', 'visa')"
    )
    with db.engine.connect() as connection:
        connection.execute(sa.text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(connection.scalars(sa.text(query)))
    assert "ix_paragraphs_text_search" in plan


def test_0004_folds_the_paragraphs_already_stored(
    database_url: str, make_document: Callable[..., StructuredDocument]
) -> None:
    db = open_database(database_url, migrate_schema=False)
    try:
        migrate(db.engine, "0003")
        fill_at_0003(db.engine, [VOCALISED, LATIN, "Plain English words."])
        assert raw_text_search(db, "العمال") == []  # the 0003 index holds the marks
        migrate(db.engine)
        assert schema_is_current(db.engine)
        with db.sessions() as session:
            rows = session.execute(sa.select(ParagraphRow.text, ParagraphRow.search_text))
            stored = {body: folded for body, folded in rows}
        assert stored == {body: searchable_text(body) for body in stored}
        # folded (0004), then the words' light stems on a line of their own (0008)
        assert (
            stored[VOCALISED]
            == "يدعم البرنامج العمال المهاجرين في الحكومه.\nبرنامج عمال مهاجر حكوم"
        )
        assert [hit.paragraph_id for hit in full_text_search(db, "العمال الحكومة")] == [1]
        assert [hit.paragraph_id for hit in full_text_search(db, "migracion")] == [2]
        fts_integrity_check(db)
        postgres_search_index_is_used(db)
        new = save_document(db, make_document(name="new.txt", content="العُمّال"), reader="r")
        assert {hit.document_id for hit in full_text_search(db, "العمال")} == {1, new.document_id}
        with db.engine.begin() as connection:  # the update and delete triggers keep up too
            connection.execute(
                sa.text("UPDATE paragraphs SET text = 'visa', search_text = 'visa' WHERE id = 3")
            )
            connection.execute(sa.text("DELETE FROM paragraphs WHERE id = 2"))
        assert [hit.paragraph_id for hit in full_text_search(db, "visa")] == [3]
        assert full_text_search(db, "migracion") == []
        fts_integrity_check(db)
    finally:
        db.close()


def test_0004_downgrades_to_the_0003_search_and_upgrades_again(database_url: str) -> None:
    db = open_database(database_url, migrate_schema=False)
    try:
        migrate(db.engine, "0003")
        fill_at_0003(db.engine, [VOCALISED, LATIN])
        migrate(db.engine)
        downgrade(db.engine, "0003")
        assert revision_of(db.engine) == "0003"
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("paragraphs")}
        assert "search_text" not in columns and "text" in columns
        with db.engine.connect() as connection:  # nothing cascaded away
            assert connection.scalar(sa.text("SELECT count(*) FROM tags")) == 2
            assert connection.scalar(sa.text("SELECT count(*) FROM paragraphs")) == 2
        assert raw_text_search(db, "المُهاجِرينَ") == [1]  # the 0003 index: raw text again
        fts_integrity_check(db)
        migrate(db.engine)
        assert [hit.paragraph_id for hit in full_text_search(db, "المهاجرين")] == [1]
        fts_integrity_check(db)
    finally:
        db.close()


def raw_text_search(db: Database, word: str) -> list[int]:
    """Paragraph ids whose raw text holds the word, through the 0003 search index."""
    if db.engine.dialect.name == "sqlite":
        query = "SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH :q ORDER BY rowid"
        params = {"q": f'"{word}"'}
    else:
        query = (
            "SELECT id FROM paragraphs WHERE to_tsvector('simple', text) "
            "@@ plainto_tsquery('simple', :q) ORDER BY id"
        )
        params = {"q": word}
        with db.engine.connect() as connection:
            index = connection.scalar(
                sa.text("SELECT indexdef FROM pg_indexes WHERE indexname = :name"),
                {"name": "ix_paragraphs_text_search"},
            )
        assert index is not None and "to_tsvector('simple'::regconfig, text)" in index
    with db.engine.connect() as connection:
        return list(connection.scalars(sa.text(query), params))


FOLDING_SAMPLES = [
    VOCALISED,
    LATIN,
    "إعلان الأمم الآمنة مسؤول اللاجئين على ٱلرحمن",
    "ﻻ ﺍﻹﻧﺴﺎﻥ",
    "Straße İstanbul ÉTÉ ½ ﬁn",
    "ASCII only, OR NEAR",
    "",
]


def load_migration(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    return migration


@pytest.mark.parametrize("sample", FOLDING_SAMPLES + STEMMING_SAMPLES)
def test_0008_folds_text_as_the_app_does(sample: str) -> None:
    # The migration that last re-folded search_text keeps its own copy of the folding; when the
    # app's folding changes, a new migration must re-fold search_text, and this test must point
    # at that migration.
    migration = load_migration(MIGRATION_0008)
    assert migration.searchable_text(sample) == searchable_text(sample)
    # 0008's folding (without the stems) is still 0004's.
    assert migration._fold(sample) == load_migration(MIGRATION_0004).searchable_text(sample)


# --- 0003: downgrading must keep the documents and everything hanging from them ---------------


def test_0003_downgrade_keeps_documents_paragraphs_and_tags(database_url: str) -> None:
    db = open_database(database_url, migrate_schema=False)
    try:
        migrate(db.engine, "0003")
        fill_at_0003(db.engine, [VOCALISED, LATIN])
        downgrade(db.engine, "0002")
        assert revision_of(db.engine) == "0002"
        assert "country" not in {c["name"] for c in sa.inspect(db.engine).get_columns("documents")}
        with db.engine.connect() as connection:  # dropping the old documents table cascaded nothing
            assert connection.scalar(sa.text("SELECT count(*) FROM documents")) == 1
            assert connection.scalar(sa.text("SELECT count(*) FROM paragraphs")) == 2
            assert connection.scalar(sa.text("SELECT count(*) FROM tags")) == 2
            if db.engine.dialect.name == "sqlite":  # switched back on after the migration
                assert connection.scalar(sa.text("PRAGMA foreign_keys")) == 1
        migrate(db.engine)
        assert schema_is_current(db.engine)
        assert [hit.paragraph_id for hit in full_text_search(db, "المهاجرين")] == [1]
        fts_integrity_check(db)
    finally:
        db.close()


# --- 0005: proposals an earlier version added beside analysts' decisions ------------------------


def test_0005_drops_proposals_beside_a_decision(database_url: str) -> None:
    db = open_database(database_url, migrate_schema=False)
    try:
        migrate(db.engine, "0004")
        fill_at_0003(db.engine, [LATIN, "Plain English words."])  # objective:6 proposed on both
        now = datetime.now(UTC)
        with db.engine.begin() as connection:
            connection.execute(sa.text("UPDATE tags SET status = 'rejected' WHERE id = 1"))
            connection.execute(  # what re-tagging used to add: a fresh proposal beside it
                _tags.insert(),
                [
                    dict(paragraph_id=1, label="objective:6", probability=0.9, decided=True)
                    | dict(source="model", tagger="t.v1", status="proposed", evidence=[])
                    | dict(created_at=now)
                ],
            )
        migrate(db.engine)
        with db.engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT paragraph_id, label, status FROM tags ORDER BY paragraph_id")
            ).all()
        # paragraph 2's proposal has no decision beside it and stays
        assert [tuple(row) for row in rows] == [
            (1, "objective:6", "rejected"),
            (2, "objective:6", "proposed"),
        ]
        downgrade(db.engine, "0004")
        assert revision_of(db.engine) == "0004"
    finally:
        db.close()


# --- 0006: copies and uploaders; document ids never given again --------------------------------


def test_0006_keeps_documents_and_never_gives_a_deleted_id_again(database_url: str) -> None:
    db = open_database(database_url, migrate_schema=False)
    try:
        migrate(db.engine, "0005")
        fill_at_0003(db.engine, [LATIN, "Plain English words."])
        with db.engine.begin() as connection:  # document 7 was deleted before the migration
            connection.execute(
                sa.text(
                    "INSERT INTO audit_log (at, user_name, action, object_type, object_id) "
                    "VALUES (:at, 'ada', 'document.delete', 'document', '7')"
                ),
                {"at": datetime.now(UTC)},
            )
        migrate(db.engine)
        with db.engine.connect() as connection:  # rebuilding the table cascaded nothing
            assert connection.scalar(sa.text("SELECT count(*) FROM paragraphs")) == 2
            assert connection.scalar(sa.text("SELECT count(*) FROM tags")) == 2
            assert connection.scalar(sa.text("SELECT signature FROM documents")) is None
        if db.engine.dialect.name == "sqlite":
            with db.engine.begin() as connection:
                connection.execute(
                    _documents.insert(),
                    [
                        dict(sha256="1" * 64, source_name="new.txt", version=1, path="/tmp/n")
                        | dict(format="text", reader="text.v1", raw_text="", problems=[])
                        | dict(ingested_at=datetime.now(UTC))
                    ],
                )
                assert connection.scalar(sa.text("SELECT max(id) FROM documents")) == 8
        downgrade(db.engine, "0005")
        assert revision_of(db.engine) == "0005"
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("documents")}
        assert "uploader_id" not in columns and "country" in columns
        migrate(db.engine)
        assert schema_is_current(db.engine)
    finally:
        db.close()


# --- 0008: codings apart from review decisions; adjudications ---------------------------------


def test_0008_keeps_only_coding_page_rows_as_codings(database_url: str) -> None:
    db = open_database(database_url, migrate_schema=False)
    try:
        migrate(db.engine, "0005")
        fill_at_0003(db.engine, [LATIN])
        now = datetime.now(UTC)
        reviews = sa.table(
            "paragraph_reviews",
            *(sa.column(name) for name in ("paragraph_id", "coder", "reviewed_at")),
            sa.column("labels", sa.JSON),
        )
        audit_log = sa.table(
            "audit_log",
            *(sa.column(name) for name in ("at", "user_name", "action", "object_type")),
            sa.column("object_id"),
        )
        with db.engine.begin() as connection:
            connection.execute(
                reviews.insert(),
                [
                    dict(paragraph_id=1, coder=coder, labels=["objective:6"], reviewed_at=now)
                    for coder in ("ana", "farid")
                ],
            )
            connection.execute(  # ana saved hers on the coding page; farid only clicked accept
                audit_log.insert(),
                [
                    dict(at=now, user_name="ana", action="paragraph.code")
                    | dict(object_type="paragraph", object_id="1"),
                    dict(at=now, user_name="farid", action="tag.accept")
                    | dict(object_type="tag", object_id="1"),
                ],
            )
        migrate(db.engine)
        with db.engine.connect() as connection:
            origins = dict(
                connection.execute(sa.text("SELECT coder, origin FROM paragraph_reviews")).all()
            )
        assert origins == {"ana": "coding", "farid": "review"}
        downgrade(db.engine, "0005")
        assert "adjudications" not in sa.inspect(db.engine).get_table_names()
        migrate(db.engine)
        assert schema_is_current(db.engine)
    finally:
        db.close()
