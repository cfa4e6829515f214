"""The review's output folder: replaced whole, never a mix of two runs, never the user's files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gcm_review.errors import OutputError
from gcm_review.workflows import output_folder
from gcm_review.workflows.output_folder import (
    check_output_folder,
    clear_leftovers,
    foreign_entries,
    replaced_whole,
)


def report_set(folder: Path, run: str) -> None:
    """A report set as a review writes it, every file saying which run wrote it."""
    (folder / "charts").mkdir(parents=True)
    (folder / "survey" / "charts").mkdir(parents=True)
    for name in ("report.html", "synthesis.json", "matrix.csv", "paragraphs.jsonl"):
        (folder / name).write_text(run, encoding="utf-8")
    (folder / "charts" / "attention.svg").write_text(run, encoding="utf-8")
    (folder / "survey" / "survey_results.csv").write_text(run, encoding="utf-8")
    (folder / "survey" / "charts" / "q1.png").write_text(run, encoding="utf-8")


def runs_in(folder: Path) -> set[str]:
    return {path.read_text(encoding="utf-8") for path in folder.rglob("*") if path.is_file()}


def siblings(out: Path) -> list[str]:
    return sorted(entry.name for entry in out.parent.iterdir() if entry.name != out.name)


def test_a_new_folder_is_made(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "out"
    with replaced_whole(out) as staging:
        assert staging.parent == out.parent and not out.exists()
        report_set(staging, "new")
    assert runs_in(out) == {"new"}
    assert siblings(out) == []


def test_an_earlier_report_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report_set(out, "old")
    (out / "report.docx").write_text("old", encoding="utf-8")  # not written by the new run
    with replaced_whole(out) as staging:
        report_set(staging, "new")
        assert runs_in(out) == {"old"}  # untouched while the new run writes
    assert runs_in(out) == {"new"}
    assert not (out / "report.docx").exists()  # no file of the old run is left beside the new
    assert siblings(out) == []


def test_the_two_rename_swap_where_there_is_no_exchange(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output_folder, "_exchange", lambda first, second: False)
    out = tmp_path / "out"
    report_set(out, "old")
    with replaced_whole(out) as staging:
        report_set(staging, "new")
    assert runs_in(out) == {"new"}
    assert siblings(out) == []


def test_an_empty_folder_is_used(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with replaced_whole(out) as staging:
        report_set(staging, "new")
    assert runs_in(out) == {"new"}


def test_a_failed_run_leaves_the_earlier_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report_set(out, "old")
    with pytest.raises(RuntimeError), replaced_whole(out) as staging:
        (staging / "report.html").write_text("half", encoding="utf-8")
        raise RuntimeError("killed by a bug")
    assert runs_in(out) == {"old"}
    assert siblings(out) == []


def test_a_folder_with_the_users_files_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report_set(out, "old")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "charts" / "drawing.psd").write_text("mine", encoding="utf-8")
    assert foreign_entries(out) == ["notes.txt", "charts/drawing.psd"]
    with pytest.raises(OutputError) as raised, replaced_whole(out):
        pytest.fail("no staging folder for a folder holding the user's files")
    line = raised.value.one_line()
    assert "notes.txt" in line and "charts/drawing.psd" in line and "nothing was replaced" in line
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_files_the_user_adds_while_it_runs_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report_set(out, "old")
    with pytest.raises(OutputError), replaced_whole(out) as staging:
        report_set(staging, "new")
        (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert (out / "notes.txt").exists() and runs_in(out) == {"old", "mine"}


@pytest.mark.parametrize("kind", ["file", "cwd"])
def test_a_file_or_the_current_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    out = tmp_path / "out"
    if kind == "file":
        out.write_text("a file", encoding="utf-8")
    else:
        out.mkdir()
        monkeypatch.chdir(out)
    with pytest.raises(OutputError):
        check_output_folder(Path(".") if kind == "cwd" else out)


def test_a_symlinked_folder_is_replaced_where_it_points(tmp_path: Path) -> None:
    real = tmp_path / "real"
    report_set(real, "old")
    link = tmp_path / "link"
    link.symlink_to(real)
    with replaced_whole(link) as staging:
        report_set(staging, "new")
    assert link.is_symlink() and runs_in(real) == {"new"}


def dead_pid() -> int:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(child.stdout)


def test_leftovers_of_a_killed_run_are_cleared(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report_set(out, "old")
    pid = dead_pid()
    report_set(tmp_path / f".out.writing-{pid}-0badc0de", "half")
    report_set(tmp_path / f".out.writing-{os.getppid()}-00c0ffee", "another run")  # alive
    (tmp_path / ".outside.writing-1-0").mkdir()  # another folder's name: not ours
    clear_leftovers(out)
    assert runs_in(out) == {"old"}
    assert siblings(out) == [f".out.writing-{os.getppid()}-00c0ffee", ".outside.writing-1-0"]


def test_a_folder_set_aside_mid_swap_comes_back(tmp_path: Path) -> None:
    """Killed between the two renames: out is missing, the old set aside; it goes back."""
    out = tmp_path / "out"
    pid = dead_pid()
    report_set(tmp_path / f".out.old-{pid}-0badc0de", "old")
    report_set(tmp_path / f".out.writing-{pid}-0badc0de", "new")
    clear_leftovers(out)
    assert runs_in(out) == {"old"}
    assert siblings(out) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_the_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    report_set(first, "one")
    second.mkdir()
    if not output_folder._exchange(first, second):
        pytest.skip("this filesystem has no RENAME_EXCHANGE")
    assert runs_in(second) == {"one"} and not any(first.iterdir())
