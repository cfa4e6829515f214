"""New accounts: the store's checks, then a focal point's country against the country list."""

from __future__ import annotations

from gcm_review.errors import InvalidAccount
from gcm_review.store.database import Database
from gcm_review.store.users import User, add_user, check_new_account
from gcm_review.structure.countries import country_name


def add_account(
    db: Database,
    name: str,
    *,
    role: str,
    password: str,
    country: str | None = None,
    by: str,
) -> User:
    """Create an account (store.users.add_user) once its country, if any, is a known ISO3 code."""
    code = check_new_account(name, role, country, password)
    if code is not None and country_name(code) is None:
        raise InvalidAccount(f"unknown country code {country!r}: use ISO 3166 alpha-3 (JOR, EGY)")
    return add_user(db, name, role=role, password=password, country=country, by=by)
