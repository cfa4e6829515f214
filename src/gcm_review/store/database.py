"""Opening the database: SQLite by default, PostgreSQL through DATABASE_URL; migrations on open."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    IntegrityError,
    NoSuchModuleError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, sessionmaker

from gcm_review.errors import StorageError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SUPPORTED = "sqlite:///path/to/gcm-review.db or postgresql://user@host/database"
SQLITE_WAIT_SECONDS = 60  # how long a SQLite connection waits for another process's write lock
WAL_RETRY_SECONDS = 0.05  # pause between two tries at switching a new database to WAL mode
# The key of the PostgreSQL advisory lock migrations hold (any fixed number; "gcmr" in ASCII).
MIGRATION_LOCK_KEY = 0x67636D72


@dataclass(frozen=True)
class Database:
    """An open database: its engine and a session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back whole on error.

        On SQLite it takes the write lock at its start (waiting for another process's writes to
        end), so what it reads stays true until it commits: a transaction that read first and
        took the lock on its first write would fail outright once another process had written
        in the meantime.
        """
        with storage_errors("writing"), self.sessions() as session, session.begin():
            if self.engine.dialect.name == "sqlite":
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            yield session

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def storage_errors(doing: str) -> Iterator[None]:
    """Database failures in the block as a one-line StorageError (the driver's first line, never
    the SQL). Integrity errors pass as they are: their callers handle them."""
    try:
        yield
    except IntegrityError:
        raise
    except SQLAlchemyError as exc:
        raise StorageError(f"the database failed while {doing}: {error_line(exc)}") from exc


def normalise_url(url: str) -> str:
    """Use the psycopg 3 driver for plain postgresql:// URLs."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """Put the database in WAL mode, waiting for other processes doing the same.

    When several processes open a new database file at once, the switch can fail at once with
    "database is locked": SQLite skips its busy wait where waiting could deadlock. So the switch
    is retried for as long as a connection would wait for a lock."""
    deadline = time.monotonic() + SQLITE_WAIT_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


def error_line(exc: BaseException) -> str:
    """A database error as one line for a user: the driver's first line, never the SQL."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _create_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(f"DATABASE_URL {url!r} is not a valid database URL") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if not parsed.database:
            raise StorageError(
                f"DATABASE_URL {url!r} names no database file (SQLite would keep nothing)",
                hint=f"give a file, e.g. {SUPPORTED.split(' or ')[0]}",
            )
        if parsed.database != ":memory:":
            folder = Path(parsed.database).parent
            if not folder.is_dir():
                raise StorageError(f"folder {folder} for the SQLite database does not exist")
        engine = _new_engine(parsed, connect_args={"timeout": SQLITE_WAIT_SECONDS})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if backend != "postgresql":
        raise StorageError(
            f"DATABASE_URL {safe_url(url)}: unknown database kind {backend!r}",
            hint=f"gcm-review stores in SQLite or PostgreSQL: use {SUPPORTED}",
        )
    return _new_engine(parsed, pool_pre_ping=True)


def _new_engine(url: Any, **options: Any) -> Engine:
    try:
        return create_engine(url, **options)
    except (NoSuchModuleError, ImportError) as exc:
        raise StorageError(
            f"DATABASE_URL {safe_url(str(url))}: the database driver is not available "
            f"({error_line(exc)})",
            hint=f"use {SUPPORTED} (the postgresql driver is psycopg 3)",
        ) from exc


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to a migration, the newest by default."""
    _run_migrations(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back down to an earlier migration, keeping the stored rows."""
    _run_migrations(engine, command.downgrade, revision)


def _run_migrations(engine: Engine, step: Callable[[Config, str], None], revision: str) -> None:
    """Run an Alembic command in one transaction under a lock, with SQLite's foreign keys off.

    The lock lets several processes open a new database at once: the first migrates, the others
    wait and then find the schema current. On SQLite it is the write lock of the transaction,
    taken at its start (BEGIN IMMEDIATE, before Alembic reads the schema version); on PostgreSQL
    an advisory lock held until the transaction ends.

    On SQLite a migration that rebuilds a table (Alembic's batch mode) drops the old copy; with
    foreign keys on, that drop would cascade and delete every paragraph of every document.
    The keys are checked before the transaction commits and switched back on afterwards.
    """
    config = _alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                _lock_migrations(connection, sqlite=sqlite)
                config.attributes["connection"] = connection
                step(config, revision)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise StorageError("a migration left rows pointing at missing rows")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def _lock_migrations(connection: Any, *, sqlite: bool) -> None:
    """Take the migration lock for the rest of the connection's current transaction."""
    if sqlite:
        # pysqlite begins transactions lazily; an explicit BEGIN takes the write lock now (and
        # waits SQLITE_WAIT_SECONDS for another process holding it), and pysqlite adopts it.
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")


def schema_is_current(engine: Engine) -> bool:
    """Whether the database is at the newest migration."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head


def open_database(url: str, *, migrate_schema: bool = True) -> Database:
    """Open (and by default migrate) the database at url."""
    url = normalise_url(url)
    engine = _create_engine(url)
    try:
        if migrate_schema:
            migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        raise StorageError(f"cannot open the database {safe_url(url)}: {error_line(exc)}") from exc
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(
            f"cannot prepare the database {safe_url(url)}: {error_line(exc)}"
        ) from exc
    except StorageError:
        engine.dispose()
        raise
    return Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid url>"
