"""Documents, their sections, paragraphs and recorded repairs.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _document_fk() -> sa.Column[int]:
    return sa.Column(
        "document_id",
        sa.Integer(),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("source_name", sa.String(400), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("reader", sa.String(40), nullable=False),
        sa.Column("encoding", sa.String(40), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("page_count", sa.Integer(), nullable=True),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("problems", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("source_name", "version", name="uq_documents_version"),
    )
    op.create_index("ix_documents_sha256", "documents", ["sha256"], unique=True)
    op.create_index("ix_documents_source_name", "documents", ["source_name"])
    op.create_table(
        "sections",
        sa.Column("id", sa.Integer(), primary_key=True),
        _document_fk(),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("objective_refs", sa.JSON(), nullable=False),
        sa.Column("country", sa.String(3), nullable=True),
    )
    op.create_table(
        "paragraphs",
        sa.Column("id", sa.Integer(), primary_key=True),
        _document_fk(),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(20), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("section", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("speaker_title", sa.Text(), nullable=True),
        sa.Column("organisation", sa.Text(), nullable=True),
        sa.Column("country", sa.String(3), nullable=True),
        sa.Column("stakeholder_group", sa.String(30), nullable=True),
        sa.Column("objective_refs", sa.JSON(), nullable=False),
        sa.Column("section_objective_refs", sa.JSON(), nullable=False),
    )
    op.create_index("ix_paragraphs_document_seq", "paragraphs", ["document_id", "seq"])
    op.create_index("ix_paragraphs_country", "paragraphs", ["country"])
    op.create_table(
        "repairs",
        sa.Column("id", sa.Integer(), primary_key=True),
        _document_fk(),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("block", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("offset", sa.Integer(), nullable=True),
        sa.Column("removed", sa.Text(), nullable=False),
        sa.Column("inserted", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("repairs")
    op.drop_index("ix_paragraphs_country", table_name="paragraphs")
    op.drop_index("ix_paragraphs_document_seq", table_name="paragraphs")
    op.drop_table("paragraphs")
    op.drop_table("sections")
    op.drop_index("ix_documents_source_name", table_name="documents")
    op.drop_index("ix_documents_sha256", table_name="documents")
    op.drop_table("documents")
