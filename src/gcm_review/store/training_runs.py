"""Recorded refits of the tagger: how much feedback each used and its figures before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from gcm_review.store import audit
from gcm_review.store.database import Database
from gcm_review.store.tables import TrainingRunRow


@dataclass(frozen=True)
class TrainingRun:
    """A recorded refit: how much feedback it used and the held-out figures before and after."""

    id: int
    at: datetime
    user: str
    tagger: str
    examples: int  # written examples shipped with the package
    feedback: int  # analysts' decisions: judged or added tags, and coders' paragraph reviews
    before: dict[str, Any]  # {"feedback_cv": scores or None, "examples_cv": scores or None}
    after: dict[str, Any]  # the same, plus "feedback_paragraphs" and "retagged"


def record_training_run(
    db: Database,
    *,
    user: str,
    tagger: str,
    examples: int,
    decisions: int,
    before: dict[str, Any],
    after: dict[str, Any],
) -> TrainingRun:
    """Store a run with an audit row (action "tagger.retrain") and return it."""
    with db.transaction() as session:
        row = TrainingRunRow(
            at=datetime.now(UTC),
            user_name=user,
            tagger=tagger,
            examples=examples,
            feedback=decisions,
            before=before,
            after=after,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            user,
            "tagger.retrain",
            "training_run",
            row.id,
            after={"feedback": decisions, "before": before, "after": after},
        )
        return _training_run(row)


def training_runs(db: Database) -> list[TrainingRun]:
    """Every recorded run, newest first."""
    query = select(TrainingRunRow).order_by(TrainingRunRow.at.desc(), TrainingRunRow.id.desc())
    with db.sessions() as session:
        return [_training_run(row) for row in session.scalars(query)]


def _training_run(row: TrainingRunRow) -> TrainingRun:
    return TrainingRun(
        id=row.id,
        at=row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC),  # SQLite drops the zone
        user=row.user_name,
        tagger=row.tagger,
        examples=row.examples,
        feedback=row.feedback,
        before=dict(row.before),
        after=dict(row.after),
    )
