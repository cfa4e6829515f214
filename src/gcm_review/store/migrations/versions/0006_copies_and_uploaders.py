"""Copies and versions, and who uploaded what: the uploading account and a focal point's country,
the document's kind and review cycle (corrected by analysts), its text signature, proposals of
copies and versions across uploaders, and document ids never given again (SQLite AUTOINCREMENT;
PostgreSQL's sequence already never reuses one).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_NEW_COLUMNS = ("uploader_id", "uploader_country", "kind", "review_cycle", "signature")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table(
        "documents",
        recreate="always" if sqlite else "auto",  # SQLite: rebuilt with AUTOINCREMENT
        table_kwargs={"sqlite_autoincrement": True},
    ) as batch:
        batch.add_column(sa.Column("uploader_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("uploader_country", sa.String(3), nullable=True))
        batch.add_column(sa.Column("kind", sa.String(30), nullable=True))
        batch.add_column(sa.Column("review_cycle", sa.String(40), nullable=True))
        batch.add_column(sa.Column("signature", sa.JSON(), nullable=True))
    if sqlite:
        _never_reuse_deleted_ids()
    op.create_table(
        "document_relations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "kept_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(100), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("document_id", "kept_id", name="uq_document_relations_pair"),
    )
    op.create_index("ix_document_relations_document_id", "document_relations", ["document_id"])
    op.create_index("ix_document_relations_kept_id", "document_relations", ["kept_id"])


def _never_reuse_deleted_ids() -> None:
    """Start SQLite's counter past every id ever given: the highest stored, or the highest a
    recorded deletion names (the ids deleted before this migration)."""
    op.execute(
        """UPDATE sqlite_sequence SET seq = max(seq, coalesce((
             SELECT max(CAST(object_id AS INTEGER)) FROM audit_log
             WHERE action = 'document.delete' AND object_type = 'document'), 0))
           WHERE name = 'documents'"""
    )
    op.execute(
        """INSERT INTO sqlite_sequence (name, seq)
           SELECT 'documents', max(CAST(object_id AS INTEGER)) FROM audit_log
           WHERE action = 'document.delete' AND object_type = 'document'
             AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'documents')
           HAVING count(*) > 0"""
    )


def downgrade() -> None:
    op.drop_index("ix_document_relations_kept_id", table_name="document_relations")
    op.drop_index("ix_document_relations_document_id", table_name="document_relations")
    op.drop_table("document_relations")
    with op.batch_alter_table("documents") as batch:
        for name in reversed(_NEW_COLUMNS):
            batch.drop_column(name)
