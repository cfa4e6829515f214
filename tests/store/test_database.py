"""Opening the database: a bad DATABASE_URL or a driver error is one line naming the setting."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from gcm_review.errors import StorageError
from gcm_review.store.database import error_line, open_database


def one_line(exc: StorageError) -> str:
    line = exc.one_line()
    assert "\n" not in line and "[SQL" not in line and "sqlalche.me" not in line
    return line


def test_an_empty_sqlite_url_is_refused_not_kept_in_memory() -> None:
    with pytest.raises(StorageError) as raised:
        open_database("sqlite:///")
    line = one_line(raised.value)
    assert "DATABASE_URL" in line and "names no database file" in line
    assert "sqlite:///path/to/gcm-review.db" in line


def test_an_explicit_memory_database_still_opens() -> None:
    open_database("sqlite:///:memory:").close()  # asked for by name, not by accident


@pytest.mark.parametrize("url", ["foo://bar", "mysql://user@host/db", "oracle://x"])
def test_an_unknown_database_kind_is_one_line(url: str) -> None:
    with pytest.raises(StorageError) as raised:
        open_database(url)
    line = one_line(raised.value)
    assert "unknown database kind" in line and "DATABASE_URL" in line
    assert "SQLite or PostgreSQL" in line


def test_a_missing_postgresql_driver_is_one_line() -> None:
    with pytest.raises(StorageError) as raised:
        open_database("postgresql+nosuchdriver://u@h/d")
    assert "driver is not available" in one_line(raised.value)


def test_an_unreachable_server_is_one_line() -> None:
    with pytest.raises(StorageError) as raised:
        open_database("postgresql://nobody@127.0.0.1:1/none")
    assert "cannot open the database" in one_line(raised.value)


def test_error_line_keeps_the_drivers_first_line_only() -> None:
    exc = OperationalError("INSERT INTO t VALUES (?)\n(1)", {}, Exception("disk I/O error\nmore"))
    assert error_line(exc) == "disk I/O error"


def test_a_failure_inside_a_transaction_is_one_line(database_url: str) -> None:
    db = open_database(database_url)
    try:
        with pytest.raises(StorageError) as raised, db.transaction() as session:
            session.execute(text("SELECT * FROM no_such_table"))
    finally:
        db.close()
    line = one_line(raised.value)
    assert line.startswith("the database failed while writing: ") and "no_such_table" in line


def test_integrity_errors_reach_their_callers(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    try:
        with pytest.raises(IntegrityError), db.transaction() as session:
            session.execute(text("INSERT INTO users (name) VALUES (NULL)"))
    finally:
        db.close()
