"""Full-text search over a folded copy of each paragraph's text (paragraphs.search_text), so
Arabic words written with harakat, shadda, tatweel or hamza forms are found by plain spellings.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH_ROWS = 2000  # paragraphs folded and written per round of the backfill

# A frozen copy of gcm_review.store.search.searchable_text (with textnorm.fold_arabic) as it was
# when this migration was written: a migration must keep doing what it did, whatever the app's
# function becomes. tests/store/test_migrations.py checks that the two agree; when the app's
# function changes, a new migration re-folds search_text and that test points at it.
_ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ة", "ه"),
    ("ى", "ي"),
    ("ؤ", "و"),
)


def searchable_text(text: str) -> str:
    """Casefolded, Arabic folded, no accents or other marks (the form search compares)."""
    if text.isascii():
        return text.casefold()
    folded = _ARABIC_DIACRITICS.sub("", unicodedata.normalize("NFKD", text))
    for old, new in _ARABIC_LETTERS:
        folded = folded.replace(old, new)
    return "".join(c for c in folded.casefold() if not unicodedata.category(c).startswith("M"))


def _fts_triggers(column: str) -> tuple[str, ...]:
    """The triggers keeping the external-content FTS5 table in step with paragraphs.<column>."""
    return (
        f"""CREATE TRIGGER paragraphs_fts_insert AFTER INSERT ON paragraphs BEGIN
         INSERT INTO paragraphs_fts(rowid, {column}) VALUES (new.id, new.{column});
       END""",
        f"""CREATE TRIGGER paragraphs_fts_delete AFTER DELETE ON paragraphs BEGIN
         INSERT INTO paragraphs_fts(paragraphs_fts, rowid, {column})
         VALUES ('delete', old.id, old.{column});
       END""",
        f"""CREATE TRIGGER paragraphs_fts_update AFTER UPDATE OF {column} ON paragraphs BEGIN
         INSERT INTO paragraphs_fts(paragraphs_fts, rowid, {column})
         VALUES ('delete', old.id, old.{column});
         INSERT INTO paragraphs_fts(rowid, {column}) VALUES (new.id, new.{column});
       END""",
    )


def _drop_fts() -> None:
    for name in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS paragraphs_fts_{name}")
    op.execute("DROP TABLE IF EXISTS paragraphs_fts")


def _create_fts(column: str) -> None:
    """An FTS5 index over paragraphs.<column>, filled from the rows already there."""
    op.execute(
        f"CREATE VIRTUAL TABLE paragraphs_fts USING fts5("
        f"{column}, content='paragraphs', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild')")
    for trigger in _fts_triggers(column):
        op.execute(trigger)


def _create_gin(column: str) -> None:
    op.execute(
        "CREATE INDEX ix_paragraphs_text_search ON paragraphs "
        f"USING GIN (to_tsvector('simple', {column}))"
    )


def _backfill() -> None:
    """Fill search_text for every paragraph, BATCH_ROWS at a time, in id order."""
    paragraphs = sa.table(
        "paragraphs", sa.column("id"), sa.column("text"), sa.column("search_text")
    )
    update = (
        paragraphs.update()
        .where(paragraphs.c.id == sa.bindparam("row_id"))
        .values(search_text=sa.bindparam("folded"))
    )
    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.execute(
            sa.select(paragraphs.c.id, paragraphs.c.text)
            .where(paragraphs.c.id > last)
            .order_by(paragraphs.c.id)
            .limit(BATCH_ROWS)
        ).all()
        if not rows:
            return
        bind.execute(update, [{"row_id": id_, "folded": searchable_text(t)} for id_, t in rows])
        last = rows[-1][0]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _drop_fts()
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_paragraphs_text_search")
    with op.batch_alter_table("paragraphs") as batch:
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=True))
    _backfill()
    if dialect == "sqlite":
        _create_fts("search_text")
    elif dialect == "postgresql":
        _create_gin("search_text")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _drop_fts()
        # SQLite's own DROP COLUMN: a batch copy of the table would drop the old one, and
        # foreign keys would then delete every tag and review of its paragraphs.
        op.execute("ALTER TABLE paragraphs DROP COLUMN search_text")
        _create_fts("text")
        return
    if dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_paragraphs_text_search")
    op.drop_column("paragraphs", "search_text")
    if dialect == "postgresql":
        _create_gin("text")
