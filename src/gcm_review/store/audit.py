"""The audit log: who changed what, when, with the state before and after; and who signed in
or out, failed to sign in, downloaded an export or was refused a page.

`record` writes into the caller's session, so the change and its audit row commit together;
`log_event` writes an event that changes nothing else in a transaction of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gcm_review.store.database import Database
from gcm_review.store.tables import AuditRow
from gcm_review.store.timestamps import as_utc

USER_NAME_LENGTH = 100  # the columns' sizes (store.tables.AuditRow)
OBJECT_ID_LENGTH = 60


@dataclass(frozen=True)
class AuditEntry:
    """One recorded change."""

    id: int
    at: datetime
    user_name: str
    action: str  # "tag.accept", "document.delete", "user.add", ...
    object_type: str
    object_id: str
    before: Any
    after: Any


def record(
    session: Session,
    user: str,
    action: str,
    object_type: str,
    object_id: str | int,
    *,
    before: Any = None,
    after: Any = None,
) -> None:
    """Add an audit row for a change made by `user` (an account name, or "cli")."""
    session.add(
        AuditRow(
            at=datetime.now(UTC),
            user_name=user,
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            before=before,
            after=after,
        )
    )


def log_event(
    db: Database,
    user: str,
    action: str,
    object_type: str,
    object_id: str | int,
    *,
    after: Any = None,
) -> None:
    """Record an event (sign-in, download, refusal) by `user`; long values are cut to fit."""
    with db.transaction() as session:
        record(
            session,
            user[:USER_NAME_LENGTH],
            action,
            object_type,
            str(object_id)[:OBJECT_ID_LENGTH],
            after=after,
        )


@dataclass(frozen=True)
class AuditFilter:
    """Which audit rows to show; empty fields match everything."""

    user_name: str = ""
    action: str = ""
    object_type: str = ""
    object_id: str = ""


def _filtered(query: Any, where: AuditFilter) -> Any:
    for column, value in (
        (AuditRow.user_name, where.user_name),
        (AuditRow.action, where.action),
        (AuditRow.object_type, where.object_type),
        (AuditRow.object_id, where.object_id),
    ):
        if value:
            query = query.where(column == value)
    return query


def list_audit(
    db: Database, *, where: AuditFilter | None = None, limit: int = 100, offset: int = 0
) -> list[AuditEntry]:
    """Audit rows matching `where`, newest first."""
    query = _filtered(select(AuditRow), where or AuditFilter())
    query = query.order_by(AuditRow.id.desc()).limit(limit).offset(offset)
    with db.sessions() as session:
        return [
            AuditEntry(
                row.id,
                as_utc(row.at),
                row.user_name,
                row.action,
                row.object_type,
                row.object_id,
                row.before,
                row.after,
            )
            for row in session.scalars(query)
        ]


def count_audit(db: Database, *, where: AuditFilter | None = None) -> int:
    """How many audit rows match `where`."""
    query = _filtered(select(func.count(AuditRow.id)), where or AuditFilter())
    with db.sessions() as session:
        return int(session.scalar(query) or 0)


def audit_actions(db: Database) -> list[str]:
    """The distinct recorded actions, sorted (for the filter of the audit page)."""
    with db.sessions() as session:
        return sorted(session.scalars(select(AuditRow.action).distinct()))
