"""Drop machine proposals standing beside an analyst's decision on the same paragraph and label.

Earlier versions re-proposed every label on re-tagging, so a label an analyst had rejected (or
accepted) got a fresh proposal beside the decision, which could count again. Such proposals carry
no information the decision does not outrank (the reading rule, `model.stored.label_counts`,
already lets the decision stand), and `save_tags` no longer makes them. Removing them keeps the
review queue, the browsing pages and the exported tags free of them. There is nothing to put
back on downgrade.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """DELETE FROM tags
           WHERE source = 'model' AND status = 'proposed'
             AND EXISTS (
               SELECT 1 FROM tags AS judged
               WHERE judged.paragraph_id = tags.paragraph_id
                 AND judged.label = tags.label
                 AND judged.status <> 'proposed'
             )"""
    )


def downgrade() -> None:
    """The dropped proposals are not restored (they were duplicates of decided labels)."""
