"""Server-side sessions: the browser's cookie carries a random token, the `sessions` table the
token's SHA-256 hash, its account, when it began, when it was last used and when it was revoked.

A session ends at sign-out (`end_session`), when the account's password changes or the account
is deactivated or deleted (store.users.revoke_sessions), `lifetime` after it began (absolute:
use does not extend it) and after `idle` without use. A replayed cookie of an ended session finds
no account.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, or_, select

from gcm_review.store.database import Database
from gcm_review.store.tables import SessionRow, UserRow
from gcm_review.store.timestamps import as_utc
from gcm_review.store.users import User, user_of

TOUCH_EVERY = timedelta(minutes=1)  # last_seen_at is written at most this often per session
TOKEN_BYTES = 32


@dataclass(frozen=True)
class SessionPolicy:
    """How long a session lasts: `lifetime` from its start, `idle` since its last use."""

    lifetime: timedelta
    idle: timedelta


def token_hash(token: str) -> str:
    """The stored form of a session or API token (tokens are random, so a plain hash is enough)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(db: Database, user_id: int, *, now: datetime | None = None) -> str:
    """Open a session for the account; returns its token (to put in the cookie, never stored)."""
    now = now or datetime.now(UTC)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with db.transaction() as session:
        session.add(
            SessionRow(id=token_hash(token), user_id=user_id, created_at=now, last_seen_at=now)
        )
    return token


def _ended(row: SessionRow, policy: SessionPolicy, now: datetime) -> bool:
    return (
        row.revoked_at is not None
        or now >= as_utc(row.created_at) + policy.lifetime
        or now >= as_utc(row.last_seen_at) + policy.idle
    )


def session_user(
    db: Database, token: str, *, policy: SessionPolicy, now: datetime | None = None
) -> User | None:
    """The active account of a live session, or None (unknown, ended or revoked token, or an
    inactive account). Records the use, at most once every TOUCH_EVERY."""
    now = now or datetime.now(UTC)
    key = token_hash(token)
    with db.sessions() as session:
        found = session.execute(
            select(SessionRow, UserRow)
            .join(UserRow, UserRow.id == SessionRow.user_id)
            .where(SessionRow.id == key)
        ).first()
        if found is None:
            return None
        row, user_row = found
        if _ended(row, policy, now) or not user_row.active:
            return None
        user = user_of(user_row)
        stale = now - as_utc(row.last_seen_at) >= TOUCH_EVERY
    if stale:
        with db.transaction() as session:
            touched = session.get(SessionRow, key)
            if touched is not None:
                touched.last_seen_at = now
    return user


def end_session(db: Database, token: str) -> int | None:
    """Revoke the session (sign-out); the id of its account, or None for an unknown token."""
    with db.transaction() as session:
        row = session.get(SessionRow, token_hash(token))
        if row is None:
            return None
        if row.revoked_at is None:
            row.revoked_at = datetime.now(UTC)
        return row.user_id


def forget_ended_sessions(
    db: Database, *, policy: SessionPolicy, now: datetime | None = None
) -> int:
    """Delete the rows of sessions that ended over a day ago; how many."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=1)
    with db.transaction() as session:
        result = session.execute(
            delete(SessionRow).where(
                or_(
                    SessionRow.revoked_at < cutoff,
                    SessionRow.created_at < cutoff - policy.lifetime,
                    SessionRow.last_seen_at < cutoff - policy.idle,
                )
            )
        )
    return int(getattr(result, "rowcount", 0) or 0)


def open_sessions(db: Database, user_id: int, *, policy: SessionPolicy) -> int:
    """How many live sessions the account has (for the users page)."""
    now = datetime.now(UTC)
    with db.sessions() as session:
        rows = session.scalars(select(SessionRow).where(SessionRow.user_id == user_id))
        return sum(1 for row in rows if not _ended(row, policy, now))
