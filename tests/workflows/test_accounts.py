from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from gcm_review.errors import InvalidAccount
from gcm_review.store import users
from gcm_review.store.database import Database
from gcm_review.store.users import list_users
from gcm_review.workflows.accounts import add_account

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def test_a_focal_point_of_a_known_country(db: Database) -> None:
    user = add_account(db, "farid", role="focal-point", password=PASSWORD, country="jor", by="cli")
    assert (user.name, user.country) == ("farid", "JOR")


def test_an_unknown_country_is_refused(db: Database) -> None:
    with pytest.raises(InvalidAccount, match="unknown country code 'XYZ'"):
        add_account(db, "farid", role="focal-point", password=PASSWORD, country="XYZ", by="cli")
    assert list_users(db) == []


def test_the_store_checks_come_first(db: Database) -> None:
    with pytest.raises(InvalidAccount, match="invalid account name"):
        add_account(db, "../farid", role="focal-point", password=PASSWORD, country="XYZ", by="cli")
