"""Read a sheet of cells from an XLSX workbook or a CSV file, every cell as trimmed text."""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import openpyxl

from gcm_review.ingest.encoding import decode_text
from gcm_review.survey.errors import (
    DataInvalid,
    DataUnreadable,
    SurveyError,
    SurveyFileNotFound,
)
from gcm_review.survey.records import Problem

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old binary .xls
_DELIMITERS = (",", ";", "\t")

SheetRows = list[tuple[int, list[str]]]  # (spreadsheet row number, cells)


@dataclass(frozen=True, eq=False)
class RawTable:
    """A data export as a grid of text; row_numbers[i] is the spreadsheet row of response i."""

    path: str
    sheet: str  # "" for CSV
    header: tuple[str, ...]
    cells: npt.NDArray[np.object_]  # responses x columns, as written (not trimmed)
    row_numbers: npt.NDArray[np.int64]
    problems: tuple[Problem, ...] = ()

    @property
    def size(self) -> int:
        """Number of responses (rows below the header that are not empty)."""
        return len(self.row_numbers)


def cell_text(value: object) -> str:
    """A cell as text: numbers without a spurious '.0', dates in ISO form, spaces trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def require_file(path: Path) -> None:
    """Raise SurveyFileNotFound unless path is a readable file."""
    if not path.is_file():
        raise SurveyFileNotFound(str(path), "no such file")


def read_workbook(path: Path, error: type[SurveyError]) -> dict[str, SheetRows]:
    """Every sheet of an XLSX workbook as (row number, cells) lists, keyed by sheet title."""
    require_file(path)
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic == OLE_MAGIC:
        raise error(str(path), "this is an old binary Excel file (.xls), not an XLSX workbook")
    if magic != ZIP_MAGIC:
        raise error(str(path), "not a readable XLSX workbook (the file is not a ZIP archive)")
    with warnings.catch_warnings():
        # openpyxl warns about Excel features it drops (data validation, default styles): they
        # do not matter for reading cell values.
        warnings.simplefilter("ignore", UserWarning)
        return _read_sheets(path, error)


def _read_sheets(path: Path, error: type[SurveyError]) -> dict[str, SheetRows]:
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # any failure of the library on a damaged file is the same to users
        raise error(str(path), f"not a readable XLSX workbook ({_reason(exc)})") from exc
    try:
        return {
            sheet.title: _sheet_rows(sheet.iter_rows(min_row=1, values_only=True))
            for sheet in workbook
        }
    except Exception as exc:
        raise error(str(path), f"the XLSX workbook is damaged ({_reason(exc)})") from exc
    finally:
        workbook.close()


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _sheet_rows(rows: Iterable[Sequence[object]]) -> SheetRows:
    return [(number, [cell_text(cell) for cell in row]) for number, row in enumerate(rows, 1)]


def read_data_table(path: Path) -> RawTable:
    """The first sheet of an XLSX export, or a CSV export (delimiter and encoding detected)."""
    require_file(path)
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic in (ZIP_MAGIC, OLE_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        sheets = read_workbook(path, DataUnreadable)
        sheet, rows = next(iter(sheets.items()), ("", []))
        return _table(path, sheet, [cells for _, cells in rows])
    return _table(path, "", _csv_rows(path))


def _csv_rows(path: Path) -> list[list[str]]:
    try:
        text, _ = decode_text(path.read_bytes())
    except OSError as exc:
        raise DataUnreadable(str(path), f"cannot be read ({exc.strerror or exc})") from exc
    delimiter = sniff_delimiter(text[: text.find("\n") if "\n" in text else len(text)])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error as exc:
        raise DataUnreadable(
            str(path), f"not a readable CSV file ({exc})", row=reader.line_num
        ) from exc


def sniff_delimiter(header_line: str) -> str:
    """The delimiter used most often outside quotes in the header line (',' when none is)."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _table(path: Path, sheet: str, rows: list[list[str]]) -> RawTable:
    """Rows (row number = position + 1) to a table: header, rectangular cells, row numbers."""
    first = next((i for i, cells in enumerate(rows) if any(c.strip() for c in cells)), None)
    if first is None:
        raise DataInvalid(str(path), "the file has no header row and no responses", sheet=sheet)
    header = [cell.strip() for cell in rows[first]]
    while header and not header[-1]:
        header.pop()
    width = len(header)
    numbers: list[int] = []
    records: list[list[str]] = []
    long_rows: list[int] = []
    for position in range(first + 1, len(rows)):
        cells = rows[position]
        if not any(cells):
            continue
        if len(cells) != width:
            if any(cell.strip() for cell in cells[width:]):
                long_rows.append(position + 1)
            cells = cells[:width] + [""] * (width - len(cells))
        numbers.append(position + 1)
        records.append(cells)
    if not records:
        raise DataInvalid(str(path), "the file has a header row but no responses", sheet=sheet)
    problems: tuple[Problem, ...] = ()
    if long_rows:
        message = "cells beyond the last header column were ignored"
        problems = (Problem("extra-cells", str(path), message, sheet=sheet, rows=tuple(long_rows)),)
    grid: npt.NDArray[np.object_] = np.empty((len(records), width), dtype=object)
    grid[:] = records
    return RawTable(
        path=str(path),
        sheet=sheet,
        header=tuple(header),
        cells=grid,
        row_numbers=np.asarray(numbers, dtype=np.int64),
        problems=problems,
    )
