"""Tags: labels on paragraphs, proposed by a tagger or given by an analyst.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "paragraph_id",
            sa.Integer(),
            sa.ForeignKey("paragraphs.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("label", sa.String(60), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("decided", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("tagger", sa.String(60), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_tags_paragraph_label", "tags", ["paragraph_id", "label"])


def downgrade() -> None:
    op.drop_index("ix_tags_paragraph_label", table_name="tags")
    op.drop_table("tags")
