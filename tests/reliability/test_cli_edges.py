"""Issue 13, points 9 and 10 at the command line: no traceback for any input.

Every command is run with hostile arguments (unknown ids, bad option values, paths that are not
files, unusable settings and database URLs). Each must end with a non-zero exit code and exactly
one `error:` line on stderr, and never print a traceback. `{tmp}` in an argument is the test's
temporary folder, `{db}` a fresh SQLite database URL there.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from gcm_review.cli import app

pytestmark = pytest.mark.reliability

runner = CliRunner()
DB = ["--database-url", "{db}"]
GOOD = "{tmp}/good.txt"
MISSING = "{tmp}/missing.txt"
OUT = ["--out", "{tmp}/out"]

# (arguments, environment, exit code, words of the one error line)
CASES: list[tuple[list[str], dict[str, str], int, str]] = [
    (["nosuch"], {}, 2, "No such command"),
    (["documents", "--bogus"], {}, 2, "No such option"),
    (["documents", "--database-url", "sqlite:////no/such/dir/x.db"], {}, 1, "database"),
    (["documents"], {"DATABASE_URL": "foo://bar"}, 1, "foo"),
    (["ingest", *DB], {}, 2, "Missing argument"),
    (["ingest", MISSING, *DB], {}, 1, "missing.txt: no such file"),
    (["ingest", GOOD, "--format", "xml", *DB], {}, 2, "--format"),
    (["ingest", GOOD, "--max-file-mb", "nan", *DB], {}, 1, "finite"),
    (["ingest", GOOD, "--max-file-mb", "inf", *DB], {}, 1, "finite"),
    (["ingest", GOOD, "--max-file-mb", "-1", *DB], {}, 1, "greater than 0"),
    (["ingest", GOOD, "--max-file-mb", "ten", *DB], {}, 2, "--max-file-mb"),
    (["ingest", GOOD, *DB], {"GCM_REVIEW_MAX_FILE_MB": "nan"}, 1, "GCM_REVIEW_MAX_FILE_MB"),
    (["ingest", GOOD, *DB], {"GCM_REVIEW_REPAIR_MAX_SHARE": "inf%"}, 1, "finite"),
    (["ingest", GOOD, "--framework", "{tmp}/no-such.toml", *DB], {}, 1, "no-such.toml"),
    (["ingest", "{tmp}/pipe", *DB], {}, 1, "named pipe"),
    (["ingest", "/dev/zero", *DB], {}, 1, "character device"),
    (["ingest", "{tmp}/loop", *DB], {}, 1, "symbolic link loop"),
    (["tag", "424242", *DB], {}, 1, "no document with id 424242"),
    (["tag", "abc", *DB], {}, 2, "documents"),
    (["tag", "--embedder", "no.such.v9", *DB], {}, 1, "no.such.v9"),
    (["explain", "424242", *DB], {}, 1, "no paragraph with id 424242"),
    (["explain", "1", "--format", "xml", *DB], {}, 2, "--format"),
    (["explain", "one", *DB], {}, 2, "paragraph_id"),
    (["evaluate", MISSING, "--embedder", "fake.v1"], {}, 1, "missing.txt"),
    (["evaluate", GOOD, "--format", "xml"], {}, 2, "--format"),
    (["review", MISSING, *OUT, *DB], {}, 1, "no such file"),  # then "no document could be read"
    (["review", GOOD, *DB], {}, 2, "--out"),
    (["review", GOOD, *OUT, "--survey-form", "f", *DB], {}, 2, "--survey-data"),
    (["survey", MISSING, MISSING, *OUT], {}, 1, "missing.txt"),
    (["serve", "--port", "99999", *DB], {}, 2, "--port"),
    (["serve", "--port", "http", *DB], {}, 2, "--port"),
    (["serve", "--port", "{busy_port}", *DB], {}, 1, "cannot listen on 127.0.0.1"),
    (["serve", "--host", "bad\x00host", *DB], {}, 1, "cannot listen on"),
    (["users", "add", "x y", "--role", "admin", "--password-stdin", *DB], {}, 1, "account name"),
    (["users", "add", "bob", "--role", "emperor", "--password-stdin", *DB], {}, 1, "role"),
    (["users", "add", "bob", *DB], {}, 2, "--role"),
    (["users", "list", "--database-url", "sqlite:////no/such/dir/x.db"], {}, 1, "database"),
    (["users", "remove", "bob"], {}, 2, "No such command"),
    (["retrain", "--format", "xml", *DB], {}, 2, "--format"),
    (["agreement", "--document", "424242", *DB], {}, 1, "no document with id 424242"),
    (["agreement", "--format", "xml", *DB], {}, 2, "--format"),
]


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A port another socket is listening on."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


@pytest.fixture
def hostile_files(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text("1. The ministry opened a shelter.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    return tmp_path


def run(args: list[str], env: dict[str, str], *, tmp: Path, port: int) -> Result:
    values = {"tmp": str(tmp), "db": f"sqlite:///{tmp / 'hostile.db'}", "busy_port": str(port)}
    filled = [arg.format(**values) for arg in args]
    return runner.invoke(app, filled, env=env, input="a-long-enough-password\n")


@pytest.mark.parametrize(
    ("args", "env", "code", "words"), CASES, ids=[" ".join(case[0][:3]) for case in CASES]
)
def test_hostile_arguments_give_one_line_and_a_non_zero_exit(
    args: list[str],
    env: dict[str, str],
    code: int,
    words: str,
    hostile_files: Path,
    busy_port: int,
) -> None:
    result = run(args, env, tmp=hostile_files, port=busy_port)
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception), result.exception  # SystemExit only
    assert result.exit_code == code, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    if args[0] == "review" and code == 1:  # each failed file, then why nothing was reviewed
        assert errors[-1].endswith("(see the errors above)") and len(errors) == 2
        errors = errors[:1]
    assert len(errors) == 1, result.stderr
    assert words in errors[0]
    others = [line for line in result.stderr.splitlines() if line and not line.startswith("error")]
    assert not others, others  # nothing else on stderr: no usage panel, no log records


def test_every_command_has_a_hostile_case() -> None:
    tried = {" ".join(case[0][:2]) if case[0][0] == "users" else case[0][0] for case in CASES}
    commands = {c.name or c.callback.__name__ for c in app.registered_commands if c.callback}
    assert commands <= tried
    assert {"users add", "users list"} <= tried
