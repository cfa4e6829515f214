"""Reading a file in a worker process: the same document or the same named error."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcm_review.errors import CorruptDocument, NestingTooDeep, ReadingTooSlow
from gcm_review.settings import Settings
from gcm_review.workflows import isolated
from gcm_review.workflows.ingest import process_file
from gcm_review.workflows.isolated import process_file_isolated

SETTINGS = Settings(log_file="")
REPORT = "Review of Jordan\n\n1. Jordan\n\n12. The ministry opened a shelter for migrants.\n"


def test_the_worker_gives_the_same_document(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert process_file_isolated(path, settings=SETTINGS) == process_file(path, settings=SETTINGS)


def test_a_named_error_comes_back_with_its_class_and_message(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<div>" * 50 + "text", encoding="utf-8")
    with pytest.raises(NestingTooDeep) as caught:
        process_file_isolated(path, settings=Settings(log_file="", max_nesting_depth=10))
    assert caught.value.path == str(path)
    assert caught.value.one_line().startswith(f"{path}: HTML elements nest deeper than 10 levels")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04" + b"word/" + b"\0" * 100)
    with pytest.raises(CorruptDocument):
        process_file_isolated(broken, settings=SETTINGS)


def test_a_worker_that_does_not_answer_is_killed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(isolated, "GRACE_SECONDS", 0.0)
    path = tmp_path / "long.txt"
    path.write_text("".join(f"{n}. A shelter opened.\n\n" for n in range(100_000)))
    settings = Settings(log_file="", max_read_seconds=0.5)
    with pytest.raises(ReadingTooSlow, match=r"longer than 0\.5 s \(max_read_seconds\)"):
        process_file_isolated(path, settings=settings)
