"""Accounts of the web app: add, list, look up and check passwords (argon2 hashes only).

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
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from gcm_review.errors import InvalidAccount, InvalidCredentials, UserExists
from gcm_review.store import audit
from gcm_review.store.database import Database
from gcm_review.store.tables import UserRow
from gcm_review.store.timestamps import as_utc

ROLES = ("admin", "analyst", "focal-point", "viewer")
MIN_PASSWORD_LENGTH = 10
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


def _user(row: UserRow) -> User:
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
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidAccount(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
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
    return _user(row)


def list_users(db: Database) -> list[User]:
    """Every account, by name."""
    with db.sessions() as session:
        return [_user(row) for row in session.scalars(select(UserRow).order_by(UserRow.name))]


def get_user(db: Database, user_id: int) -> User | None:
    """The account with this id, if any."""
    with db.sessions() as session:
        row = session.get(UserRow, user_id)
        return None if row is None else _user(row)


def get_user_by_name(db: Database, name: str) -> User | None:
    """The account with this name, if any."""
    with db.sessions() as session:
        row = session.scalars(select(UserRow).where(UserRow.name == name)).first()
        return None if row is None else _user(row)


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
        return _user(row)
