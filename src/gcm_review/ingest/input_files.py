"""Checks on an input path before anything opens it, and its name as shown and stored.

A named pipe would block a reader and /dev/zero never ends, so a path must be a regular file
(checked with stat, without opening it) before it is read. File names whose bytes are not UTF-8
arrive as lone surrogates (surrogateescape); they are opened under their real name but shown and
stored with U+FFFD in place of the bad bytes.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from gcm_review.errors import FileNotFound

NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def display_path(path: Path | str) -> str:
    """The path as text that can be printed and stored: undecodable bytes become U+FFFD."""
    text = str(path)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that surrogateescape did not make
        return text.encode("utf-8", "replace").decode("utf-8")


def check_input_file(path: Path) -> None:
    """Raise FileNotFound, with the real reason, unless `path` is a regular file we may read.

    Never opens the path. A folder here is one whose files could not be listed.
    """
    try:
        info = path.stat()
    except OSError as exc:
        raise FileNotFound(display_path(path), _stat_problem(path, exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise FileNotFound(display_path(path), _folder_problem(path))
    for test, kind in NOT_REGULAR:
        if test(info.st_mode):
            raise FileNotFound(display_path(path), f"not a regular file but {kind}")
    if not stat.S_ISREG(info.st_mode):
        raise FileNotFound(display_path(path), "not a regular file")
    if not os.access(path, os.R_OK):
        raise FileNotFound(display_path(path), "cannot be read (permission denied)")


def _stat_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    if exc.errno == errno.ENOENT:
        return (
            "a broken symbolic link (its target does not exist)"
            if path.is_symlink()
            else ("no such file")
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot be reached (permission denied on it or a folder above it)"
    if exc.errno == errno.ENOTDIR:
        return "no such file (a part of the path is not a folder)"
    return f"cannot be read ({exc.strerror or exc})"


def _folder_problem(path: Path) -> str:
    try:
        os.listdir(path)
    except OSError as exc:
        return f"a folder whose files cannot be listed ({exc.strerror or exc})"
    return "a folder, not a file"


def is_folder(path: Path) -> bool:
    """Whether `path` is a folder (a link to one included); False when it cannot be reached."""
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        return False


def is_regular_file(path: Path) -> bool:
    """Whether `path` is a regular file (a link to one included); False if it cannot be reached."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def files_under(folder: Path) -> list[Path]:
    """Every non-hidden regular file under `folder`, sorted; linked folders are not entered.

    A folder that cannot be listed is returned itself, so that it is reported, not skipped.
    """
    found: list[Path] = []

    def unlisted(exc: OSError) -> None:
        found.append(Path(exc.filename) if exc.filename else folder)

    for root, folders, names in os.walk(folder, onerror=unlisted):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(
            Path(root) / name
            for name in names
            if not name.startswith(".") and is_regular_file(Path(root) / name)
        )
    return sorted(found)
