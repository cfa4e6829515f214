"""Logging set up once at each edge; bugs logged with their traceback and reported as internal
errors, bad input as before."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gcm_review.cli import app
from gcm_review.errors import InternalError
from gcm_review.ingest import READERS, ReadLimits, ReadResult
from gcm_review.logs import internal_error, log_file_in_use, setup_logging


def test_the_file_and_its_folder_appear_with_the_first_record(tmp_path: Path) -> None:
    log_file = tmp_path / "deep" / "gcm-review.log"
    setup_logging(log_file)
    assert log_file_in_use() == log_file
    assert not log_file.parent.exists()
    logging.getLogger("gcm_review.some.module").warning("first record")
    assert "WARNING gcm_review.some.module: first record" in log_file.read_text(encoding="utf-8")


def test_setting_up_again_replaces_the_file(tmp_path: Path) -> None:
    setup_logging(tmp_path / "one.log")
    setup_logging(tmp_path / "two.log")
    logging.getLogger("gcm_review.x").error("only in two")
    assert not (tmp_path / "one.log").exists()
    assert "only in two" in (tmp_path / "two.log").read_text(encoding="utf-8")
    setup_logging(None)
    assert log_file_in_use() is None


def test_internal_error_logs_the_traceback_and_names_the_log(tmp_path: Path) -> None:
    log_file = tmp_path / "gcm-review.log"
    setup_logging(log_file)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        error = internal_error(logging.getLogger("gcm_review.t"), exc, doing="counting", path="a")
    assert isinstance(error, InternalError)
    assert error.one_line() == (
        "a: internal error while counting (ZeroDivisionError: division by zero); this is a bug in "
        f"gcm-review, not a fault of the file: please report it; the details are in {log_file}"
    )
    logged = log_file.read_text(encoding="utf-8")
    assert "ERROR gcm_review.t: internal error while counting (a)" in logged
    assert "Traceback (most recent call last)" in logged


def test_cli_reports_a_reader_bug_as_internal_and_bad_input_as_before(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch, test_log_file: Path
) -> None:
    def broken(data: bytes, *, path: Path, limits: ReadLimits) -> ReadResult:
        raise AttributeError("'NoneType' object has no attribute 'text'")

    monkeypatch.setitem(READERS, "text.v1", broken)
    report = tmp_path / "review.txt"
    report.write_text("1. The ministry opened a shelter.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(
        app, ["ingest", str(report), str(empty), "--database-url", sqlite_url]
    )
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 2
    bug = next(line for line in lines if str(report) in line)
    assert "internal error" in bug and "please report it" in bug and str(test_log_file) in bug
    bad = next(line for line in lines if str(empty) in line)
    assert bad == f"error: {empty}: the file is empty; check that the right file was given"
    assert "AttributeError" in test_log_file.read_text(encoding="utf-8")
