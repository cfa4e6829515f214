"""Personal API tokens for scripts: made for one account and shown once, stored as the SHA-256
hash of the secret, listed with their name, creation and last use, revocable.

A token acts with its account's role; it stops working when revoked, and while the account is
inactive. The secret starts with TOKEN_PREFIX so that it is easy to recognise in a leaked file.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from gcm_review.errors import InvalidAccount
from gcm_review.store import audit
from gcm_review.store.database import Database
from gcm_review.store.sessions import TOUCH_EVERY, token_hash
from gcm_review.store.tables import ApiTokenRow, UserRow
from gcm_review.store.timestamps import as_utc
from gcm_review.store.users import User, user_of

TOKEN_PREFIX = "gcmr_"
MAX_NAME = 100


@dataclass(frozen=True)
class ApiToken:
    """A token as its owner sees it listed (never its secret)."""

    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def _token(row: ApiTokenRow) -> ApiToken:
    return ApiToken(
        row.id,
        row.name,
        as_utc(row.created_at),
        None if row.last_used_at is None else as_utc(row.last_used_at),
        None if row.revoked_at is None else as_utc(row.revoked_at),
    )


def create_token(db: Database, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for the account, and its secret (shown once, never stored)."""
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise InvalidAccount(
            f"a token needs a name of 1 to {MAX_NAME} characters",
            hint="name it after the script that will use it",
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiTokenRow(
        user_id=user.id, name=name, token_hash=token_hash(secret), created_at=datetime.now(UTC)
    )
    with db.transaction() as session:
        session.add(row)
        session.flush()
        audit.record(session, user.name, "token.create", "token", row.id, after={"name": name})
        return _token(row), secret


def list_tokens(db: Database, user_id: int) -> list[ApiToken]:
    """The account's tokens, newest first, revoked ones included."""
    with db.sessions() as session:
        rows = session.scalars(
            select(ApiTokenRow)
            .where(ApiTokenRow.user_id == user_id)
            .order_by(ApiTokenRow.id.desc())
        )
        return [_token(row) for row in rows]


def revoke_token(db: Database, user: User, token_id: int) -> ApiToken:
    """Revoke one of the account's own tokens (another account's token is not found)."""
    with db.transaction() as session:
        row = session.get(ApiTokenRow, token_id)
        if row is None or row.user_id != user.id:
            raise InvalidAccount(f"you have no API token {token_id}", hint="reload the page")
        if row.revoked_at is None:
            row.revoked_at = datetime.now(UTC)
            audit.record(
                session, user.name, "token.revoke", "token", row.id, after={"name": row.name}
            )
        return _token(row)


def token_user(db: Database, secret: str, *, now: datetime | None = None) -> User | None:
    """The active account of an unrevoked token, or None. Records its use (at most once a
    minute)."""
    now = now or datetime.now(UTC)
    if not secret.startswith(TOKEN_PREFIX):
        return None
    with db.sessions() as session:
        found = session.execute(
            select(ApiTokenRow, UserRow)
            .join(UserRow, UserRow.id == ApiTokenRow.user_id)
            .where(ApiTokenRow.token_hash == token_hash(secret))
        ).first()
        if found is None:
            return None
        row, user_row = found
        if row.revoked_at is not None or not user_row.active:
            return None
        user, token_id = user_of(user_row), row.id
        last = row.last_used_at
    if last is None or now - as_utc(last) >= TOUCH_EVERY:
        with db.transaction() as session:
            touched = session.get(ApiTokenRow, token_id)
            if touched is not None:
                touched.last_used_at = now
    return user
