"""The web app's commands: `gcm-review users add/list` and `gcm-review serve`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gcm_review.cli import app
from gcm_review.store.audit import AuditFilter, list_audit
from gcm_review.store.database import open_database
from web.conftest import TestClient

runner = CliRunner()
SECRET = "a long enough secret"


def add(url: str, *args: str, password: str = SECRET) -> Any:
    command = ["users", "add", *args, "--password-stdin", "--database-url", url]
    return runner.invoke(app, command, input=password + "\n")


def test_add_and_list_accounts(sqlite_url: str) -> None:
    assert add(sqlite_url, "ada", "--role", "admin").exit_code == 0
    added = add(sqlite_url, "farid", "--role", "focal-point", "--country", "jor")
    assert added.exit_code == 0, added.output
    assert "Added focal-point farid for JOR." in added.output
    listed = runner.invoke(app, ["users", "list", "--database-url", sqlite_url])
    assert listed.exit_code == 0
    assert "ada" in listed.output and "admin" in listed.output
    assert "farid" in listed.output and "JOR" in listed.output
    db = open_database(sqlite_url)
    try:
        entries = list_audit(db, where=AuditFilter(action="user.add"))
    finally:
        db.close()
    assert {entry.user_name for entry in entries} == {"cli"}


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (["farid", "--role", "focal-point"], SECRET, "a focal point needs a country"),
        (["ana", "--role", "boss"], SECRET, "unknown role 'boss'"),
        (["ana", "--role", "analyst"], "short", "at least 10 characters"),
        (["ada", "--role", "viewer"], SECRET, "an account named 'ada' already exists"),
    ],
)
def test_account_errors_are_one_line(
    sqlite_url: str, args: list[str], password: str, message: str
) -> None:
    add(sqlite_url, "ada", "--role", "admin")
    result = add(sqlite_url, *args, password=password)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_password_is_asked_twice(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([SECRET, SECRET + "?"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    command = ["users", "add", "ana", "--role", "analyst", "--database-url", sqlite_url]
    result = runner.invoke(app, command)
    assert result.exit_code == 1
    assert "the two passwords differ" in result.output
    answers = iter([SECRET, SECRET])
    assert runner.invoke(app, command).exit_code == 0


def test_serve_builds_the_app_and_runs_uvicorn(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: dict[str, Any] = {}

    def fake_run(web_app: Any, **options: Any) -> None:
        started.update(options, app=web_app)

    monkeypatch.setattr("uvicorn.run", fake_run)
    result = runner.invoke(app, ["serve", "--port", "8123", "--database-url", sqlite_url])
    assert result.exit_code == 0, result.output
    assert "No accounts yet" in result.output
    assert "http://127.0.0.1:8123/" in result.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 8123)
    assert TestClient(started["app"]).get("/healthz").status_code == 200
    started["app"].state.db.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_serve_answers_health_checks(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'gcm-review.db'}"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gcm_review.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as response:
                    assert response.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer within 30 s"
                time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login") as response:
            assert "Sign in" in response.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert (tmp_path / "gcm-review-secret").is_file()
