"""Accounts: argon2 hashes, roles and countries checked, passwords verified, every add audited."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from gcm_review.errors import InvalidAccount, InvalidCredentials, UserExists
from gcm_review.store import users
from gcm_review.store.audit import AuditFilter, list_audit
from gcm_review.store.database import Database
from gcm_review.store.tables import UserRow
from gcm_review.store.users import add_user, get_user, get_user_by_name, list_users, verify_password

PASSWORD = "a long enough secret"


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def test_add_list_and_get(db: Database) -> None:
    admin = add_user(db, "ada", role="admin", password=PASSWORD, by="cli")
    focal = add_user(db, "farid", role="focal-point", password=PASSWORD, country="jor", by="ada")
    assert (focal.role, focal.country, focal.active) == ("focal-point", "JOR", True)
    assert [user.name for user in list_users(db)] == ["ada", "farid"]
    assert get_user(db, admin.id) == admin
    assert get_user_by_name(db, "farid") == focal
    assert get_user(db, 999) is None
    assert focal.document_scope == "JOR"
    assert admin.document_scope is None
    assert focal.may_see("JOR") and not focal.may_see("EGY") and not focal.may_see(None)
    assert admin.may_see(None)


def test_password_is_stored_as_an_argon2_hash(db: Database) -> None:
    add_user(db, "ana", role="analyst", password=PASSWORD, by="cli")
    with db.sessions() as session:
        stored = session.scalars(select(UserRow.password_hash)).one()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_verify_password(db: Database) -> None:
    add_user(db, "ana", role="analyst", password=PASSWORD, by="cli")
    assert verify_password(db, "ana", PASSWORD).name == "ana"
    with pytest.raises(InvalidCredentials):
        verify_password(db, "ana", PASSWORD + "!")
    with pytest.raises(InvalidCredentials):
        verify_password(db, "nobody", PASSWORD)
    with db.transaction() as session:
        session.execute(update(UserRow).values(active=False))
    with pytest.raises(InvalidCredentials):
        verify_password(db, "ana", PASSWORD)


def test_outdated_hash_is_upgraded_on_sign_in(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_user(db, "ana", role="analyst", password=PASSWORD, by="cli")
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    monkeypatch.setattr(users, "HASHER", stronger)
    verify_password(db, "ana", PASSWORD)
    with db.sessions() as session:
        stored = session.scalars(select(UserRow.password_hash)).one()
    assert "m=2048,t=2" in stored


def test_same_name_twice(db: Database) -> None:
    add_user(db, "ana", role="analyst", password=PASSWORD, by="cli")
    with pytest.raises(UserExists, match="'ana' already exists"):
        add_user(db, "ana", role="viewer", password=PASSWORD, by="cli")


@pytest.mark.parametrize(
    ("name", "role", "country", "password", "message"),
    [
        ("ana", "boss", None, PASSWORD, "unknown role 'boss'"),
        ("farid", "focal-point", None, PASSWORD, "a focal point needs a country"),
        ("ana", "analyst", "JOR", PASSWORD, "only focal points have a country"),
        ("farid", "focal-point", "JO1", PASSWORD, "invalid country code 'JO1'"),
        ("ana", "analyst", None, "short", "at least 10 characters"),
        ("../ana", "analyst", None, PASSWORD, "invalid account name"),
        ("", "analyst", None, PASSWORD, "invalid account name"),
    ],
)
def test_invalid_accounts(
    db: Database, name: str, role: str, country: str | None, password: str, message: str
) -> None:
    with pytest.raises(InvalidAccount, match=message):
        add_user(db, name, role=role, password=password, country=country, by="cli")
    assert list_users(db) == []


def test_adding_an_account_is_audited_without_the_password(db: Database) -> None:
    add_user(db, "farid", role="focal-point", password=PASSWORD, country="JOR", by="ada")
    [entry] = list_audit(db, where=AuditFilter(action="user.add"))
    assert (entry.user_name, entry.object_type, entry.object_id) == ("ada", "user", "farid")
    assert entry.after == {"name": "farid", "role": "focal-point", "country": "JOR", "active": True}
    assert PASSWORD not in str(entry.after)
