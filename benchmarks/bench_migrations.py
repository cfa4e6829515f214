"""Migration time on a database that already holds paragraphs, and that nothing is lost.

No target in the issues; this measures what an upgrade costs a secretariat with a full database.
Run: .venv/bin/python benchmarks/bench_migrations.py [--paragraphs 10000]
SQLite in a temporary folder by default; set BENCH_DATABASE_URL to an empty PostgreSQL database to
time that instead (the tables made here are dropped at the end; a database holding tables is
refused). DATABASE_URL is ignored, so a real database is never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa

from gcm_review.store.database import downgrade, migrate, open_database
from gcm_review.store.tables import Base

TEXTS = (
    "يَدْعَمُ البَرْنامَجُ العُمّالَ المُهاجِرينَ ويُوَفِّرُ لَهُم الحِمايَةَ الاجتِماعِيَّة.",
    "La migración laboral y la protección de los trabajadores migrantes.",
    "The ministry adopted a national strategy to protect migrant workers and their families.",
)


def fill_at_0003(engine: sa.Engine, paragraphs: int) -> None:
    """One document holding the paragraphs, each with one tag, written in the 0003 columns."""
    now = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO documents (sha256, source_name, version, path, format, reader, "
                "raw_text, problems, ingested_at) VALUES (:sha, 'bench.txt', 1, '/tmp/bench.txt', "
                "'text', 'text.v1', '', '[]', :now)"
            ),
            {"sha": "0" * 64, "now": now},
        )
        document_id = connection.scalar(sa.text("SELECT max(id) FROM documents"))
        connection.execute(
            sa.text(
                "INSERT INTO paragraphs (document_id, seq, kind, text, section, objective_refs, "
                "section_objective_refs) VALUES (:doc, :seq, 'paragraph', :text, '[]', '[]', '[]')"
            ),
            [
                {"doc": document_id, "seq": i, "text": f"{i}. {TEXTS[i % len(TEXTS)]}"}
                for i in range(paragraphs)
            ],
        )
        connection.execute(
            sa.text(
                "INSERT INTO tags (paragraph_id, label, probability, decided, source, tagger, "
                "status, evidence, created_at) SELECT id, 'objective:6', 0.9, true, 'model', "
                "'t.v1', 'proposed', '[]', :now FROM paragraphs"
            ),
            {"now": now},
        )


def counts(engine: sa.Engine) -> tuple[int, int, int]:
    with engine.connect() as connection:
        return tuple(  # type: ignore[return-value]
            connection.scalar(sa.text(f"SELECT count(*) FROM {table}"))
            for table in ("documents", "paragraphs", "tags")
        )


def timed(label: str, step: Callable[[], None], engine: sa.Engine, expected: tuple) -> None:
    start = time.perf_counter()
    step()
    seconds = time.perf_counter() - start
    found = counts(engine)
    kept = "kept" if found == expected else f"LOST: {found} instead of {expected}"
    print(f"{label:<24} {seconds:6.2f} s   documents/paragraphs/tags {kept}")
    if found != expected:
        sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paragraphs", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder}/bench.db"
        db = open_database(url, migrate_schema=False)
        if sa.inspect(db.engine).get_table_names():
            db.close()
            sys.exit(f"{url} already holds tables: give BENCH_DATABASE_URL an empty database")
        try:
            migrate(db.engine, "0003")
            fill_at_0003(db.engine, args.paragraphs)
            expected = (1, args.paragraphs, args.paragraphs)
            print(f"{db.engine.dialect.name}, {args.paragraphs:,} paragraphs stored at 0003")
            steps: list[tuple[str, Callable[[], None]]] = [
                ("upgrade 0003 -> 0004", lambda: migrate(db.engine)),
                ("downgrade 0004 -> 0003", lambda: downgrade(db.engine, "0003")),
                ("downgrade 0003 -> 0002", lambda: downgrade(db.engine, "0002")),
                ("upgrade 0002 -> 0004", lambda: migrate(db.engine)),
            ]
            for label, step in steps:
                timed(label, step, db.engine, expected)
        finally:
            Base.metadata.drop_all(db.engine)
            with db.engine.begin() as connection:
                connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
            db.close()


if __name__ == "__main__":
    main()
