"""Each account's interface language, stored with the account."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from gcm_review.errors import InvalidAccount
from gcm_review.store import users
from gcm_review.store.database import Database
from gcm_review.store.preferences import set_user_language, user_language
from gcm_review.store.users import add_user


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def test_an_account_has_no_language_until_it_chooses_one(db: Database) -> None:
    account = add_user(db, "ana", role="analyst", password="a long enough secret", by="cli")
    other = add_user(db, "vic", role="viewer", password="a long enough secret", by="cli")
    assert user_language(db, account.id) is None
    set_user_language(db, account.id, "ar")
    assert (user_language(db, account.id), user_language(db, other.id)) == ("ar", None)
    set_user_language(db, account.id, None)
    assert user_language(db, account.id) is None


def test_an_unknown_account_has_no_language(db: Database) -> None:
    assert user_language(db, 999) is None
    with pytest.raises(InvalidAccount):
        set_user_language(db, 999, "fr")
