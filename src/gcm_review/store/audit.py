"""The audit log: who changed what, when, with the state before and after; and who signed in
or out, failed to sign in, downloaded an export or was refused a page.

`record` writes into the caller's session, so the change and its audit row commit together;
`log_event` writes an event that changes nothing into the access log (its own table, so that
reading or signing in does not look like a change of the data to the caches keyed on the
audit log's newest id). The reading functions show both, newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Select, cast, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from gcm_review.store.database import Database
from gcm_review.store.tables import AccessRow, AuditRow
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
    """Record an event (sign-in, download, refusal) by `user` in the access log; long values
    are cut to fit."""
    with db.transaction() as session:
        session.add(
            AccessRow(
                at=datetime.now(UTC),
                user_name=user[:USER_NAME_LENGTH],
                action=action,
                object_type=object_type,
                object_id=str(object_id)[:OBJECT_ID_LENGTH],
                after=after,
            )
        )


@dataclass(frozen=True)
class AuditFilter:
    """Which audit rows to show; empty fields match everything."""

    user_name: str = ""
    action: str = ""
    object_type: str = ""
    object_id: str = ""


def _entries(where: AuditFilter) -> Any:
    """The changes and the events matching `where`, as one subquery."""
    changes = select(
        AuditRow.id,
        AuditRow.at,
        AuditRow.user_name,
        AuditRow.action,
        AuditRow.object_type,
        AuditRow.object_id,
        AuditRow.before,
        AuditRow.after,
    )
    events = select(
        AccessRow.id,
        AccessRow.at,
        AccessRow.user_name,
        AccessRow.action,
        AccessRow.object_type,
        AccessRow.object_id,
        cast(null(), JSON).label("before"),
        AccessRow.after,
    )
    return union_all(
        _filtered(changes.add_columns(literal(0).label("kind")), AuditRow, where),
        _filtered(events.add_columns(literal(1).label("kind")), AccessRow, where),
    ).subquery()


def _filtered(query: Select[Any], table: Any, where: AuditFilter) -> Select[Any]:
    for column, value in (
        (table.user_name, where.user_name),
        (table.action, where.action),
        (table.object_type, where.object_type),
        (table.object_id, where.object_id),
    ):
        if value:
            query = query.where(column == value)
    return query


def list_audit(
    db: Database, *, where: AuditFilter | None = None, limit: int = 100, offset: int = 0
) -> list[AuditEntry]:
    """Changes and events matching `where`, newest first."""
    entries = _entries(where or AuditFilter())
    query = (
        select(entries)
        .order_by(entries.c.at.desc(), entries.c.kind.desc(), entries.c.id.desc())
        .limit(limit)
        .offset(offset)
    )
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
            for row in session.execute(query)
        ]


def count_audit(db: Database, *, where: AuditFilter | None = None) -> int:
    """How many changes and events match `where`."""
    entries = _entries(where or AuditFilter())
    with db.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(entries)) or 0)


def audit_actions(db: Database) -> list[str]:
    """The distinct recorded actions, sorted (for the filter of the audit page)."""
    with db.sessions() as session:
        changes = set(session.scalars(select(AuditRow.action).distinct()))
        events = set(session.scalars(select(AccessRow.action).distinct()))
        return sorted(changes | events)
