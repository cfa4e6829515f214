"""Read a sheet of cells from an XLSX workbook or a CSV file, every cell as trimmed text."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt
import openpyxl

from gcm_review.survey.csv_records import CsvRecords, quote_damage, read_csv_records
from gcm_review.survey.errors import (
    DataInvalid,
    DataUnreadable,
    SurveyError,
    SurveyFileNotFound,
)
from gcm_review.survey.records import Problem

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old binary .xls

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
    cell_counts: npt.NDArray[np.int64] | None = None  # CSV: cells each row had before padding

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
    records = read_csv_records(path)
    return _table(path, "", records.rows, csv_records=records)


@dataclass
class _Collected:
    """The responses kept from the rows of a sheet, and the rows found damaged or cut short."""

    numbers: list[int] = field(default_factory=list)
    records: list[list[str]] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)  # cells each kept row had
    long_rows: list[int] = field(default_factory=list)
    short_rows: list[int] = field(default_factory=list)
    damaged: list[Problem] = field(default_factory=list)


def _collect(
    path: Path, rows: list[list[str]], first: int, width: int, records: CsvRecords | None
) -> _Collected:
    kept = _Collected()
    for position in range(first + 1, len(rows)):
        cells = rows[position]
        if not any(cells):
            continue
        why = quote_damage(records, position, width) if records is not None else ""
        if why:
            kept.damaged.append(Problem("quote-damage", str(path), why, rows=(position + 1,)))
            continue
        kept.counts.append(len(cells))
        if len(cells) != width:
            if any(cell.strip() for cell in cells[width:]):
                kept.long_rows.append(position + 1)
            elif records is not None and len(cells) < width:
                kept.short_rows.append(position + 1)
            cells = cells[:width] + [""] * (width - len(cells))
        kept.numbers.append(position + 1)
        kept.records.append(cells)
    return kept


def _table(
    path: Path, sheet: str, rows: list[list[str]], *, csv_records: CsvRecords | None = None
) -> RawTable:
    """Rows (row number = position + 1) to a table: header, rectangular cells, row numbers.
    For a CSV file, rows damaged by a stray quote are left out and rows cut short reported."""
    first = next((i for i, cells in enumerate(rows) if any(c.strip() for c in cells)), None)
    if first is None:
        raise DataInvalid(str(path), "the file has no header row and no responses", sheet=sheet)
    header = [cell.strip() for cell in rows[first]]
    while header and not header[-1]:
        header.pop()
    width = len(header)
    kept = _collect(path, rows, first, width, csv_records)
    if not kept.records:
        damage = f" ({kept.damaged[0].one_line()})" if kept.damaged else ""
        raise DataInvalid(
            str(path), f"the file has a header row but no responses{damage}", sheet=sheet
        )
    grid: npt.NDArray[np.object_] = np.empty((len(kept.records), width), dtype=object)
    grid[:] = kept.records
    return RawTable(
        path=str(path),
        sheet=sheet,
        header=tuple(header),
        cells=grid,
        row_numbers=np.asarray(kept.numbers, dtype=np.int64),
        problems=_row_problems(path, sheet, width, kept),
        cell_counts=np.asarray(kept.counts, dtype=np.int64) if csv_records is not None else None,
    )


def _row_problems(path: Path, sheet: str, width: int, kept: _Collected) -> tuple[Problem, ...]:
    problems = list(kept.damaged)
    if kept.short_rows:
        message = (
            f"row cut short: fewer cells than the {width} header columns; the answers of the "
            "missing columns are lost and counted as not given"
        )
        problems.append(Problem("short-row", str(path), message, rows=tuple(kept.short_rows)))
    if kept.long_rows:
        message = "cells beyond the last header column were ignored"
        problems.append(
            Problem("extra-cells", str(path), message, sheet=sheet, rows=tuple(kept.long_rows))
        )
    return tuple(problems)
