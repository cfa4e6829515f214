"""Each account's preferences: the language of its web interface."""

from __future__ import annotations

from gcm_review.errors import InvalidAccount
from gcm_review.store.database import Database
from gcm_review.store.tables import UserRow


def user_language(db: Database, user_id: int) -> str | None:
    """The interface language the account chose ("fr"), or None when it chose none."""
    with db.sessions() as session:
        row = session.get(UserRow, user_id)
        return None if row is None else row.language


def set_user_language(db: Database, user_id: int, language: str | None) -> None:
    """Store the account's interface language (None: follow the browser)."""
    with db.transaction() as session:
        row = session.get(UserRow, user_id)
        if row is None:
            raise InvalidAccount(f"there is no account with id {user_id}")
        row.language = language
