"""Server-side sessions, personal API tokens and account changes: a session ends at sign-out,
after its absolute lifetime, after idling, on a password change, deactivation and deletion;
tokens are stored hashed, revocable and refused for inactive accounts; the last admin stays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from gcm_review.errors import InvalidAccount
from gcm_review.store import users
from gcm_review.store.api_tokens import (
    TOKEN_PREFIX,
    create_token,
    list_tokens,
    revoke_token,
    token_user,
)
from gcm_review.store.audit import AuditFilter, list_audit, log_event
from gcm_review.store.database import Database
from gcm_review.store.sessions import (
    SessionPolicy,
    end_session,
    forget_ended_sessions,
    open_sessions,
    session_user,
    start_session,
    token_hash,
)
from gcm_review.store.tables import ApiTokenRow, SessionRow
from gcm_review.store.users import (
    User,
    add_user,
    delete_user,
    get_user_by_name,
    set_active,
    set_password,
    verify_password,
)

PASSWORD = "a long enough secret"
NEW_PASSWORD = "another fine phrase"
POLICY = SessionPolicy(lifetime=timedelta(hours=12), idle=timedelta(hours=2))


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture
def ana(db: Database) -> User:
    add_user(db, "ada", role="admin", password=PASSWORD, by="cli")
    return add_user(db, "ana", role="analyst", password=PASSWORD, by="cli")


def test_the_cookie_token_is_not_stored(db: Database, ana: User) -> None:
    token = start_session(db, ana.id)
    with db.sessions() as session:
        [stored] = session.scalars(select(SessionRow.id))
    assert stored == token_hash(token) and token not in stored
    assert session_user(db, token, policy=POLICY) == ana
    assert session_user(db, "forged", policy=POLICY) is None


def test_sign_out_ends_the_session(db: Database, ana: User) -> None:
    token, other = start_session(db, ana.id), start_session(db, ana.id)
    assert end_session(db, token) == ana.id
    assert session_user(db, token, policy=POLICY) is None
    assert session_user(db, other, policy=POLICY) == ana  # another browser stays signed in
    assert end_session(db, "unknown") is None


def test_absolute_lifetime_is_not_extended_by_use(db: Database, ana: User) -> None:
    start = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    token = start_session(db, ana.id, now=start)
    for hour in range(1, 12):  # used every hour: never idle
        assert session_user(db, token, policy=POLICY, now=start + timedelta(hours=hour)) == ana
    assert session_user(db, token, policy=POLICY, now=start + timedelta(hours=12)) is None


def test_idle_sessions_end(db: Database, ana: User) -> None:
    start = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    token = start_session(db, ana.id, now=start)
    assert session_user(db, token, policy=POLICY, now=start + timedelta(minutes=119)) == ana
    later = start + timedelta(minutes=119) + timedelta(hours=2)
    assert session_user(db, token, policy=POLICY, now=later) is None


def test_password_change_deactivation_and_deletion_end_sessions(db: Database, ana: User) -> None:
    token = start_session(db, ana.id)
    set_password(db, "ana", NEW_PASSWORD, by="ada")
    assert session_user(db, token, policy=POLICY) is None
    assert verify_password(db, "ana", NEW_PASSWORD).name == "ana"
    token = start_session(db, ana.id)
    set_active(db, "ana", active=False, by="ada")
    assert session_user(db, token, policy=POLICY) is None
    set_active(db, "ana", active=True, by="ada")
    assert session_user(db, token, policy=POLICY) is None  # revoked, not merely paused
    assert open_sessions(db, ana.id, policy=POLICY) == 0
    token = start_session(db, ana.id)
    delete_user(db, "ana", by="ada")
    assert session_user(db, token, policy=POLICY) is None
    assert get_user_by_name(db, "ana") is None
    with db.sessions() as session:
        assert session.scalars(select(SessionRow).where(SessionRow.user_id == ana.id)).all() == []


def test_account_changes_are_audited(db: Database, ana: User) -> None:
    set_password(db, "ana", NEW_PASSWORD, by="ada")
    set_active(db, "ana", active=False, by="ada")
    set_active(db, "ana", active=False, by="ada")  # no change, no entry
    set_active(db, "ana", active=True, by="ada")
    delete_user(db, "ana", by="ada")
    actions = [entry.action for entry in list_audit(db, where=AuditFilter(user_name="ada"))]
    assert actions == ["user.delete", "user.reactivate", "user.deactivate", "user.password"]
    [deleted] = list_audit(db, where=AuditFilter(action="user.delete"))
    assert deleted.before == {"name": "ana", "role": "analyst", "country": None, "active": True}
    assert NEW_PASSWORD not in str(list_audit(db))


def test_weak_new_password_is_refused(db: Database, ana: User) -> None:
    with pytest.raises(InvalidAccount, match="commonly used"):
        set_password(db, "ana", "Welcome2026!", by="ada")
    with pytest.raises(InvalidAccount, match="account name"):
        set_password(db, "ana", "ana-is-my-name", by="ada")
    with pytest.raises(InvalidAccount, match="no account named 'nobody'"):
        set_password(db, "nobody", NEW_PASSWORD, by="ada")


def test_the_last_active_admin_stays(db: Database, ana: User) -> None:
    with pytest.raises(InvalidAccount, match="last active admin"):
        set_active(db, "ada", active=False, by="cli")
    with pytest.raises(InvalidAccount, match="last active admin"):
        delete_user(db, "ada", by="cli")
    add_user(db, "alba", role="admin", password=PASSWORD, by="cli")
    set_active(db, "ada", active=False, by="cli")
    delete_user(db, "ada", by="cli")


def test_forgetting_ended_sessions(db: Database, ana: User) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=3)
    start_session(db, ana.id, now=long_ago)
    live = start_session(db, ana.id)
    assert forget_ended_sessions(db, policy=POLICY) == 1
    assert session_user(db, live, policy=POLICY) == ana


def test_api_tokens_are_hashed_listed_used_and_revoked(db: Database, ana: User) -> None:
    token, secret = create_token(db, ana, "  nightly   export ")
    assert token.name == "nightly export" and secret.startswith(TOKEN_PREFIX)
    with db.sessions() as session:
        [stored] = session.scalars(select(ApiTokenRow.token_hash))
    assert stored == token_hash(secret)
    assert token_user(db, secret) == ana
    assert token_user(db, secret + "x") is None
    assert token_user(db, "not a token") is None
    [listed] = list_tokens(db, ana.id)
    assert listed.last_used_at is not None and listed.revoked_at is None
    revoke_token(db, ana, token.id)
    assert token_user(db, secret) is None
    assert list_tokens(db, ana.id)[0].revoked_at is not None
    actions = {entry.action for entry in list_audit(db, where=AuditFilter(user_name="ana"))}
    assert actions == {"token.create", "token.revoke"}


def test_tokens_of_inactive_accounts_and_of_others(db: Database, ana: User) -> None:
    token, secret = create_token(db, ana, "script")
    ada = get_user_by_name(db, "ada")
    assert ada is not None
    with pytest.raises(InvalidAccount, match="no API token"):
        revoke_token(db, ada, token.id)
    set_active(db, "ana", active=False, by="ada")
    assert token_user(db, secret) is None
    with pytest.raises(InvalidAccount, match="needs a name"):
        create_token(db, ana, "   ")


def test_events_are_listed_with_changes(db: Database, ana: User) -> None:
    log_event(db, "ana", "sign-in", "user", "ana", after={"address": "10.0.0.1"})
    log_event(db, "x" * 300, "sign-in.failed", "user", "y" * 300)
    entries = list_audit(db)
    assert [entry.action for entry in entries[:2]] == ["sign-in.failed", "sign-in"]
    assert len(entries[0].user_name) == 100 and len(entries[0].object_id) == 60
    assert entries[1].before is None and entries[1].after == {"address": "10.0.0.1"}
    assert {entry.action for entry in entries[2:]} == {"user.add"}
    assert len(list_audit(db, where=AuditFilter(user_name="ana"))) == 1


def test_a_password_change_revokes_the_accounts_api_tokens(db: Database, ana: User) -> None:
    _, secret = create_token(db, ana, "script")
    ada = get_user_by_name(db, "ada")
    assert ada is not None
    _, other = create_token(db, ada, "another account's")
    set_password(db, "ana", NEW_PASSWORD, by="ana")
    assert token_user(db, secret) is None
    assert list_tokens(db, ana.id)[0].revoked_at is not None
    assert token_user(db, other) == ada
    [changed] = list_audit(db, where=AuditFilter(action="user.password"))
    assert changed.after == {"sessions ended": 0, "API tokens revoked": 1}
