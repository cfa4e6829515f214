"""A review's output folder, replaced whole: the files of one run, never a mix of two.

`replaced_whole(out_dir)` gives a staging folder beside `out_dir` (same parent, so the same
filesystem) to write every output into; when the writing is done the staging folder takes
`out_dir`'s place in one step (Linux: one `renameat2` exchange; elsewhere two renames, undone on
the next run if a kill falls between them). A run killed at any moment leaves `out_dir` with
the previous run's files or with the new run's, and its leftovers beside `out_dir`
(`.NAME.writing-PID-TOKEN`, `.NAME.old-PID-TOKEN`) are cleared by the next run once their
process is gone.

Replacing a folder deletes what was in it, so only report folders are replaced: `out_dir`
must be missing, empty, or hold nothing but the files a review writes (`OWNED`). A folder
holding anything else (the user's own files) is refused before any work, with the names found.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import secrets
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from fnmatch import fnmatch
from pathlib import Path

from gcm_review.errors import OutputError

# What a review writes, by folder: the report, the matrices, the data, charts and the survey.
OWNED: dict[str, tuple[str, ...]] = {
    ".": (
        "report.html",
        "report.docx",
        "matrix.csv",
        "matrix-addressed.csv",
        "matrix.xlsx",
        "synthesis.json",
        "paragraphs.csv",
        "paragraphs.jsonl",
        "charts/",
        "survey/",
    ),
    "charts": ("*.svg", "*.png"),
    "survey": ("survey_*.csv", "survey_*.xlsx", "survey_report.html", "charts/"),
    "survey/charts": ("*.svg", "*.png"),
}
NOT_A_REPORT_HINT = (
    "give --out a new or empty folder, or one holding only an earlier report "
    "(its files are replaced whole)"
)
_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def foreign_entries(folder: Path) -> list[str]:
    """The entries of `folder` (and of its chart and survey folders) a review does not write."""
    found: list[str] = []
    for where, patterns in OWNED.items():
        sub = folder if where == "." else folder / where
        if where != "." and not sub.is_dir():
            continue
        for entry in sorted(sub.iterdir()):
            name = entry.name + ("/" if entry.is_dir() and not entry.is_symlink() else "")
            if not any(fnmatch(name, pattern) for pattern in patterns):
                found.append(name if where == "." else f"{where}/{name}")
    return found


def _real(out_dir: Path) -> Path:
    """The folder itself, symbolic links followed: the staging folder goes beside it."""
    return Path(os.path.realpath(out_dir))


def check_output_folder(out_dir: Path) -> None:
    """OutputError unless out_dir may be replaced by a review's files (see the module's doc)."""
    shown, out_dir = out_dir, _real(out_dir)
    if Path.cwd().is_relative_to(out_dir):
        raise OutputError(f"{shown}: is the current folder or holds it", hint=NOT_A_REPORT_HINT)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{shown}: is not a folder", hint=NOT_A_REPORT_HINT)
    if not out_dir.is_dir():
        return
    try:
        foreign = foreign_entries(out_dir)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot be read ({exc.strerror or exc})") from exc
    if foreign:
        more = f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
        raise OutputError(
            f"{shown}: holds files a review does not write ({', '.join(foreign[:5])}{more}); "
            "nothing was replaced",
            hint=NOT_A_REPORT_HINT,
        )


@contextmanager
def replaced_whole(out_dir: Path) -> Iterator[Path]:
    """A new staging folder beside out_dir to write into; swapped in for out_dir at the end
    (removed instead when the block raises)."""
    check_output_folder(out_dir)
    shown, out_dir = out_dir, _real(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        clear_leftovers(out_dir)
        staging = _sibling(out_dir, "writing")
        staging.mkdir()
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write the report ({exc.strerror or exc})") from exc
    try:
        yield staging
        check_output_folder(shown)  # again: the user may have added files meanwhile
        _swap_in(staging, out_dir)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write the report ({exc.strerror or exc})") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _sibling(out_dir: Path, kind: str) -> Path:
    return out_dir.parent / f".{out_dir.name}.{kind}-{os.getpid()}-{secrets.token_hex(4)}"


def _leftover_pattern(out_dir: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(out_dir.name)}\.(writing|old)-(\d+)-[0-9a-f]+")


def clear_leftovers(out_dir: Path) -> None:
    """Undo what killed runs left beside out_dir: a folder set aside in the middle of a swap
    goes back in place when out_dir is missing; staging folders are removed. Leftovers of a
    process still running (another review writing the same folder) are left alone."""
    pattern = _leftover_pattern(out_dir)
    for entry in sorted(out_dir.parent.iterdir()):
        match = pattern.fullmatch(entry.name)
        if match is None or _running(int(match.group(2))):
            continue
        if match.group(1) == "old" and not out_dir.exists():
            os.rename(entry, out_dir)
        else:
            shutil.rmtree(entry)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _swap_in(staging: Path, out_dir: Path) -> None:
    """Put staging in out_dir's place; the old out_dir ends up in staging's name (or gone)."""
    if not out_dir.exists() or not any(out_dir.iterdir()):
        os.replace(staging, out_dir)  # a missing or empty folder is replaced in one rename
        return
    if _exchange(staging, out_dir):
        return
    aside = _sibling(out_dir, "old")
    os.rename(out_dir, aside)  # a kill from here to the next line: clear_leftovers puts it back
    os.rename(staging, out_dir)
    shutil.rmtree(aside, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False  # this filesystem or kernel has no exchange
    raise OSError(code, os.strerror(code), str(second))
