"""`gcm-review users set-password / deactivate / reactivate / delete`: one core call each,
one-line errors, sessions ended, changes audited as made from the command line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher
from typer.testing import CliRunner

from gcm_review.cli import app
from gcm_review.store import users
from gcm_review.store.audit import AuditFilter, list_audit
from gcm_review.store.database import Database, open_database
from gcm_review.store.sessions import SessionPolicy, session_user, start_session
from gcm_review.store.users import add_user, get_user_by_name, verify_password

runner = CliRunner()
PASSWORD = "a long enough secret"
NEW_PASSWORD = "quiet orchard lantern"
POLICY = SessionPolicy(lifetime=timedelta(hours=12), idle=timedelta(hours=2))


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture
def accounts(sqlite_url: str) -> Iterator[Database]:
    db = open_database(sqlite_url)
    add_user(db, "ada", role="admin", password=PASSWORD, by="test")
    add_user(db, "ana", role="analyst", password=PASSWORD, by="test")
    yield db
    db.close()


def run(url: str, *args: str, given: str | None = None) -> Any:
    return runner.invoke(app, ["users", *args, "--database-url", url], input=given)


def test_set_password_asks_twice_hidden_and_ends_sessions(
    sqlite_url: str, accounts: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = get_user_by_name(accounts, "ana")
    assert ana is not None
    token = start_session(accounts, ana.id)
    prompts: list[str] = []
    answers = iter([NEW_PASSWORD, NEW_PASSWORD])

    def hidden(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("getpass.getpass", hidden)
    result = run(sqlite_url, "set-password", "ana")
    assert result.exit_code == 0, result.output
    assert len(prompts) == 2
    assert "New password set for ana" in result.output
    assert verify_password(accounts, "ana", NEW_PASSWORD).name == "ana"
    assert session_user(accounts, token, policy=POLICY) is None
    [entry] = list_audit(accounts, where=AuditFilter(action="user.password"))
    assert entry.user_name == "cli"


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short", "at least 10 characters"),
        ("qwerty123456", "run of letters, digits or keyboard keys"),
        ("ana-and-more", "must not contain the account name"),
    ],
)
def test_weak_passwords_are_refused_in_one_line(
    sqlite_url: str, accounts: Database, password: str, message: str
) -> None:
    result = run(sqlite_url, "set-password", "ana", "--password-stdin", given=password + "\n")
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert verify_password(accounts, "ana", PASSWORD).name == "ana"


def test_deactivate_and_reactivate(sqlite_url: str, accounts: Database) -> None:
    ana = get_user_by_name(accounts, "ana")
    assert ana is not None
    token = start_session(accounts, ana.id)
    result = run(sqlite_url, "deactivate", "ana")
    assert result.exit_code == 0, result.output
    assert session_user(accounts, token, policy=POLICY) is None
    listed = run(sqlite_url, "list")
    assert "no" in listed.output
    assert run(sqlite_url, "reactivate", "ana").exit_code == 0
    assert verify_password(accounts, "ana", PASSWORD).active


def test_delete_asks_first(sqlite_url: str, accounts: Database) -> None:
    kept = run(sqlite_url, "delete", "ana", given="n\n")
    assert kept.exit_code == 1
    assert get_user_by_name(accounts, "ana") is not None
    deleted = run(sqlite_url, "delete", "ana", "--yes")
    assert deleted.exit_code == 0, deleted.output
    assert get_user_by_name(accounts, "ana") is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["deactivate", "nobody"], "no account named 'nobody'"),
        (["delete", "ada", "--yes"], "last active admin"),
        (["deactivate", "ada"], "last active admin"),
    ],
)
def test_account_errors_are_one_line(
    sqlite_url: str, accounts: Database, args: list[str], message: str
) -> None:
    result = run(sqlite_url, *args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
