"""Review by analysts: accounts, the audit log, each coder's paragraph reviews, training runs,
and full-text search over paragraphs (SQLite FTS5, or a PostgreSQL GIN index).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_FTS_TRIGGERS = (
    """CREATE TRIGGER paragraphs_fts_insert AFTER INSERT ON paragraphs BEGIN
         INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
       END""",
    """CREATE TRIGGER paragraphs_fts_delete AFTER DELETE ON paragraphs BEGIN
         INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text)
         VALUES ('delete', old.id, old.text);
       END""",
    """CREATE TRIGGER paragraphs_fts_update AFTER UPDATE OF text ON paragraphs BEGIN
         INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text)
         VALUES ('delete', old.id, old.text);
         INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
       END""",
)


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("country", sa.String(3), nullable=True))
        batch.add_column(sa.Column("uploaded_by", sa.String(100), nullable=True))
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("country", sa.String(3), nullable=True),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("user_name", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("object_type", sa.String(40), nullable=False),
        sa.Column("object_id", sa.String(60), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
    )
    op.create_table(
        "paragraph_reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "paragraph_id",
            sa.Integer(),
            sa.ForeignKey("paragraphs.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("coder", sa.String(100), nullable=False),
        sa.Column("labels", sa.JSON(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("paragraph_id", "coder", name="uq_paragraph_reviews_coder"),
    )
    op.create_table(
        "training_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(100), nullable=False),
        sa.Column("tagger", sa.String(60), nullable=False),
        sa.Column("examples", sa.Integer(), nullable=False),
        sa.Column("feedback", sa.Integer(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE paragraphs_fts USING fts5("
            "text, content='paragraphs', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute("INSERT INTO paragraphs_fts(rowid, text) SELECT id, text FROM paragraphs")
        for trigger in _FTS_TRIGGERS:
            op.execute(trigger)
    elif op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_paragraphs_text_search ON paragraphs "
            "USING GIN (to_tsvector('simple', text))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS paragraphs_fts_{name}")
        op.execute("DROP TABLE IF EXISTS paragraphs_fts")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_paragraphs_text_search")
    for table in ("training_runs", "paragraph_reviews", "audit_log", "users"):
        op.drop_table(table)
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("uploaded_by")
        batch.drop_column("country")
