"""Accounts of the web app: add, list, look up, check passwords (argon2 hashes only), change
passwords, deactivate, reactivate and delete; each change is audited.

Changing a password, deactivating and deleting revoke the account's sessions (store.sessions) in
the same transaction; changing a password revokes its API tokens too (a new password is often a
sign that the old one leaked, and a token may have been made with it). The last active admin can
be neither deactivated nor deleted.

A focal point is limited to the documents of one country: `User.document_scope` names it, and
the store's reading and reviewing functions only show that country's documents to them.
"""

from __future__ import annotations

import functools
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from gcm_review.errors import InvalidAccount, InvalidCredentials, UserExists
from gcm_review.store import audit
from gcm_review.store.database import Database
from gcm_review.store.passwords import check_password
from gcm_review.store.tables import ApiTokenRow, SessionRow, UserRow
from gcm_review.store.timestamps import as_utc

ROLES = ("admin", "analyst", "focal-point", "viewer")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")
_COUNTRY_CODE = re.compile(r"[A-Z]{3}")  # whether it is a known country: workflows.accounts

# Module-level so tests can swap in a cheaper hasher; the defaults are argon2-cffi's (RFC 9106).
HASHER = PasswordHasher()


@dataclass(frozen=True)
class User:
    """An account, without its password hash."""

    id: int
    name: str
    role: str
    country: str | None
    active: bool
    created_at: datetime

    @property
    def document_scope(self) -> str | None:
        """The only country whose documents this account may see, or None for every country."""
        return self.country if self.role == "focal-point" else None

    def may_see(self, document_country: str | None) -> bool:
        """Whether a document of that country is visible to this account."""
        scope = self.document_scope
        return scope is None or scope == document_country


def user_of(row: UserRow) -> User:
    """The account record of a row (without its password hash)."""
    return User(row.id, row.name, row.role, row.country, row.active, as_utc(row.created_at))


def check_new_account(name: str, role: str, country: str | None, password: str) -> str | None:
    """Raise InvalidAccount when the account cannot be made; return the upper-cased country.

    The country must look like an ISO3 code; workflows.accounts.add_account also checks that it
    names a known country."""
    if not _NAME.fullmatch(name):
        raise InvalidAccount(
            f"invalid account name {name!r}: use up to 100 letters, digits, '.', '_', '@' or '-', "
            "starting with a letter or digit"
        )
    if role not in ROLES:
        raise InvalidAccount(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
    if role == "focal-point" and not country:
        raise InvalidAccount("a focal point needs a country: give --country with its ISO3 code")
    if role != "focal-point" and country:
        raise InvalidAccount(f"only focal points have a country, not a {role}")
    code = country.strip().upper() if country else None
    if code is not None and not _COUNTRY_CODE.fullmatch(code):
        raise InvalidAccount(f"invalid country code {country!r}: use ISO 3166 alpha-3 (JOR, EGY)")
    check_password(password, name=name)
    return code


def add_user(
    db: Database,
    name: str,
    *,
    role: str,
    password: str,
    country: str | None = None,
    by: str,
) -> User:
    """Create an account (recorded in the audit log as done by `by`)."""
    code = check_new_account(name, role, country, password)
    row = UserRow(
        name=name,
        role=role,
        country=code,
        password_hash=HASHER.hash(password),
        active=True,
        created_at=datetime.now(UTC),
    )
    try:
        with db.transaction() as session:
            session.add(row)
            session.flush()
            audit.record(
                session,
                by,
                "user.add",
                "user",
                name,
                after={"name": name, "role": role, "country": code, "active": True},
            )
    except IntegrityError:
        raise UserExists(f"an account named {name!r} already exists") from None
    return user_of(row)


def list_users(db: Database) -> list[User]:
    """Every account, by name."""
    with db.sessions() as session:
        return [user_of(row) for row in session.scalars(select(UserRow).order_by(UserRow.name))]


def get_user(db: Database, user_id: int) -> User | None:
    """The account with this id, if any."""
    with db.sessions() as session:
        row = session.get(UserRow, user_id)
        return None if row is None else user_of(row)


def get_user_by_name(db: Database, name: str) -> User | None:
    """The account with this name, if any."""
    with db.sessions() as session:
        row = session.scalars(select(UserRow).where(UserRow.name == name)).first()
        return None if row is None else user_of(row)


@functools.cache
def _unknown_name_hash() -> str:
    """A hash checked when the name is unknown, so that both failures take as long."""
    return HASHER.hash(secrets.token_urlsafe(16))


def verify_password(db: Database, name: str, password: str) -> User:
    """The active account with this name and password; InvalidCredentials otherwise."""
    with db.transaction() as session:
        row = session.scalars(select(UserRow).where(UserRow.name == name)).first()
        stored = row.password_hash if row is not None else _unknown_name_hash()
        try:
            HASHER.verify(stored, password)
        except (VerificationError, InvalidHashError):
            row = None
        if row is None or not row.active:
            raise InvalidCredentials("wrong name or password")
        if HASHER.check_needs_rehash(row.password_hash):
            row.password_hash = HASHER.hash(password)
        return user_of(row)


def _row_named(session: Session, name: str) -> UserRow:
    row = session.scalars(select(UserRow).where(UserRow.name == name)).first()
    if row is None:
        raise InvalidAccount(f"there is no account named {name!r}", hint="check the name")
    return row


def revoke_sessions(session: Session, user_id: int) -> int:
    """Revoke every open session of the account (in the caller's transaction); how many."""
    result = session.execute(
        update(SessionRow)
        .where(SessionRow.user_id == user_id, SessionRow.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _check_not_last_admin(session: Session, row: UserRow, doing: str) -> None:
    if row.role != "admin" or not row.active:
        return
    admins = session.scalar(
        select(func.count(UserRow.id)).where(UserRow.role == "admin", UserRow.active.is_(True))
    )
    if (admins or 0) <= 1:
        raise InvalidAccount(
            f"{row.name!r} is the last active admin and cannot be {doing}",
            hint="make another admin account first",
        )


def set_password(db: Database, name: str, password: str, *, by: str) -> User:
    """Give the account a new password (the password rule applies), end its sessions and revoke
    its API tokens."""
    check_password(password, name=name)
    new_hash = HASHER.hash(password)
    with db.transaction() as session:
        row = _row_named(session, name)
        row.password_hash = new_hash
        ended = revoke_sessions(session, row.id)
        revoked = revoke_tokens(session, row.id)
        changes = {"sessions ended": ended, "API tokens revoked": revoked}
        audit.record(session, by, "user.password", "user", name, after=changes)
        return user_of(row)


def revoke_tokens(session: Session, user_id: int) -> int:
    """Revoke every API token of the account still in use (in the caller's transaction); how
    many."""
    result = session.execute(
        update(ApiTokenRow)
        .where(ApiTokenRow.user_id == user_id, ApiTokenRow.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    return int(getattr(result, "rowcount", 0) or 0)


def set_active(db: Database, name: str, *, active: bool, by: str) -> User:
    """Deactivate (ending its sessions; it can no longer sign in or use its API tokens) or
    reactivate an account."""
    with db.transaction() as session:
        row = _row_named(session, name)
        if not active:
            _check_not_last_admin(session, row, "deactivated")
        before = row.active
        row.active = active
        if not active:
            revoke_sessions(session, row.id)
        if before != active:
            action = "user.reactivate" if active else "user.deactivate"
            audit.record(
                session,
                by,
                action,
                "user",
                name,
                before={"active": before},
                after={"active": active},
            )
        return user_of(row)


def delete_user(db: Database, name: str, *, by: str) -> None:
    """Delete an account with its sessions and API tokens; what it did stays in the audit log
    and on the tags under its name."""
    with db.transaction() as session:
        row = _row_named(session, name)
        _check_not_last_admin(session, row, "deleted")
        before = {"name": row.name, "role": row.role, "country": row.country, "active": row.active}
        session.delete(row)
        audit.record(session, by, "user.delete", "user", name, before=before)
