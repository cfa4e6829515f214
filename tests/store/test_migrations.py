"""The Alembic migrations build exactly the schema the tables declare."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from gcm_review.store.database import open_database, schema_is_current
from gcm_review.store.tables import Base, declared_here


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
