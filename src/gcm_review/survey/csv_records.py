"""Read a CSV export record by record, keeping where each record lies in the file, and find the
damage a stray quote does.

A `"` left open makes the CSV reader take every following line, delimiters and all, into one
cell until the next `"`: a whole export can collapse into one response with no error. Each record
therefore keeps the number of its last line in the file; a record that runs over several lines,
and whose cells hold lines that look like whole rows of the file, is reported as quote damage.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gcm_review.ingest.encoding import decode_text
from gcm_review.survey.errors import DataUnreadable

_DELIMITERS = (",", ";", "\t")
ROW_LIKE_LINES = 3  # lines looking like whole rows inside one record that are damage whatever


@dataclass(frozen=True, eq=False)
class CsvRecords:
    """The records of a CSV file and, for each, the number of its last line in the file."""

    rows: list[list[str]]
    end_lines: list[int]
    delimiter: str

    def lines_of(self, position: int) -> tuple[int, int]:
        """First and last line of the file that record `position` (0-based) spans."""
        start = self.end_lines[position - 1] + 1 if position else 1
        return start, self.end_lines[position]


def read_csv_records(path: Path) -> CsvRecords:
    """Every record of a CSV file (encoding and delimiter detected), equal cells shared."""
    try:
        text, _ = decode_text(path.read_bytes())
    except OSError as exc:
        raise DataUnreadable(str(path), f"cannot be read ({exc.strerror or exc})") from exc
    delimiter = sniff_delimiter(text[: text.find("\n") if "\n" in text else len(text)])
    reader = csv.reader(_lines(text), delimiter=delimiter)
    rows: list[list[str]] = []
    end_lines: list[int] = []
    shared: dict[str, str] = {}  # survey answers repeat: one string object per distinct cell
    try:
        for row in reader:
            rows.append([shared.setdefault(cell, cell) if len(cell) < 64 else cell for cell in row])
            end_lines.append(reader.line_num)
    except csv.Error as exc:
        raise _unreadable(path, exc, start=end_lines[-1] + 1 if end_lines else 1) from exc
    return CsvRecords(rows, end_lines, delimiter)


def _unreadable(path: Path, exc: csv.Error, *, start: int) -> DataUnreadable:
    if "field larger than field limit" in str(exc):
        message = (
            f"a cell starting on line {start} runs over more than {csv.field_size_limit():,} "
            "characters: probably a stray '\"' (quote) there, which takes in the lines after it"
        )
        return DataUnreadable(str(path), message)
    return DataUnreadable(str(path), f"not a readable CSV file ({exc})", row=start)


def _lines(text: str) -> Iterator[str]:
    """The lines of the text, each with its '\\n', without copying the whole text again."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


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


def row_like_lines(cells: list[str], width: int, delimiter: str) -> int:
    """How many lines inside the cells (after a line break) hold as many delimiters as a row of
    `width` cells does, that is, look like a whole row of the file swallowed by a quote."""
    needed = max(1, width - 1)
    return sum(
        1
        for cell in cells
        if "\n" in cell
        for line in cell.split("\n")[1:]
        if line.count(delimiter) >= needed
    )


def quote_damage(records: CsvRecords, position: int, width: int) -> str:
    """Why record `position` looks damaged by a stray quote; '' when it does not."""
    start, end = records.lines_of(position)
    if end <= start or width < 2:
        return ""
    cells = records.rows[position]
    swallowed = row_like_lines(cells, width, records.delimiter)
    if swallowed == 0 or (len(cells) == width and swallowed < ROW_LIKE_LINES):
        return ""
    return (
        f"a quoted cell runs from line {start} to line {end} of the file and holds {swallowed} "
        "line(s) that look like whole rows: probably a stray '\"' (quote); this row and the "
        "responses inside it are left out; fix the quote in the file and run again"
    )
