"""Input paths are checked with stat before anything opens them; odd names are shown safely."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from gcm_review.errors import FileNotFound
from gcm_review.ingest.input_files import check_input_file, display_path, files_under


def refusal(path: Path) -> str:
    with pytest.raises(FileNotFound) as caught:
        check_input_file(path)
    return caught.value.one_line()


def test_a_regular_file_passes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("text", encoding="utf-8")
    check_input_file(path)


def test_a_link_to_a_file_passes(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("text", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(target)
    check_input_file(tmp_path / "link.txt")


def test_each_kind_of_non_file_gets_its_own_reason(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "not a regular file but a named pipe (FIFO)" in refusal(fifo)  # and did not block
    assert "not a regular file but a character device" in refusal(Path("/dev/zero"))
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert "a symbolic link loop" in refusal(loop)
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "gone")
    assert "broken symbolic link" in refusal(dangling)
    assert "no such file" in refusal(tmp_path / "missing.txt")
    file = tmp_path / "file.txt"
    file.write_text("x", encoding="utf-8")
    assert "not a folder" in refusal(file / "below.txt")


def test_permission_errors_name_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")
    monkeypatch.setattr(os, "access", lambda *_args, **_kw: False)
    assert "permission denied" in refusal(path)

    def denied(self: Path, **_kw: object) -> os.stat_result:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "stat", denied)
    assert "permission denied" in refusal(path)


def test_undecodable_bytes_become_replacement_characters() -> None:
    name = os.fsdecode(b"report-\xff\xfe.txt")
    assert display_path(Path(name)) == "report-\ufffd\ufffd.txt"
    assert display_path("\ud800") == "?"  # a lone surrogate not from a file name
    assert display_path("plain.txt") == "plain.txt"


def test_files_under_skips_hidden_and_odd_entries_and_keeps_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a-1.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".dot.txt").write_text("x", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert files_under(tmp_path) == [tmp_path / "a-1.txt", tmp_path / "b" / "2.txt"]


def test_a_folder_that_cannot_be_listed_is_kept_to_be_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()

    def walk(top: Path, onerror: object = None, **_kw: object) -> list[object]:
        assert callable(onerror)
        onerror(PermissionError(errno.EACCES, "Permission denied", str(top)))
        return []

    def listdir(path: Path) -> list[str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "walk", walk)
    assert files_under(locked) == [locked]
    monkeypatch.setattr(os, "listdir", listdir)
    assert "a folder whose files cannot be listed (Permission denied)" in refusal(locked)
