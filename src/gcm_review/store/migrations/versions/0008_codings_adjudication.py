"""Honest agreement: codings apart from review decisions, and adjudications.

Earlier versions wrote a coder's "paragraph review" on every accept or reject click, seeded with
every label that counted, so reviewers who never coded became coders. Each paragraph_reviews
row now says where it came from (`origin`): "coding" when the coder saved it on the coding page
(the audit log holds a `paragraph.code` entry for that coder and paragraph), "review" for the
rest, which agreement no longer counts. The new adjudications table holds the labels an analyst
settled for a paragraph its coders disagreed on, with who settled them and when.

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "paragraph_reviews",
        sa.Column("origin", sa.String(20), nullable=False, server_default="coding"),
    )
    op.execute(
        """UPDATE paragraph_reviews SET origin = 'review'
           WHERE NOT EXISTS (
             SELECT 1 FROM audit_log AS a
             WHERE a.action = 'paragraph.code'
               AND a.user_name = paragraph_reviews.coder
               AND a.object_id = CAST(paragraph_reviews.paragraph_id AS VARCHAR(60))
           )"""
    )
    op.create_table(
        "adjudications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "paragraph_id",
            sa.Integer(),
            sa.ForeignKey("paragraphs.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("labels", sa.JSON(), nullable=False),
        sa.Column("adjudicator", sa.String(100), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    """The adjudications are dropped; rows derived from review decisions count again."""
    op.drop_table("adjudications")
    with op.batch_alter_table("paragraph_reviews") as batch:
        batch.drop_column("origin")
