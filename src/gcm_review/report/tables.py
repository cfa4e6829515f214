"""Tables of a review for spreadsheets and scripts: the country matrix and every paragraph.

Paragraph text comes from untrusted documents, so every text cell that a spreadsheet could read as
a formula (one starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe in
CSV and XLSX files; numbers are written as numbers. JSONL keeps the text exactly as it was.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gcm_review.model.stored import PARAGRAPH_FIELDS, record_fields
from gcm_review.synthesis.records import CountryMatrix, ReviewParagraph, Synthesis

Cell = str | int | float | None

# The paragraph's stored fields (model.stored.StoredParagraph) in their order, except that the
# document is named rather than numbered, the labels follow the attribution and the long text
# comes last; then the counted tags.
PARAGRAPH_COLUMNS: tuple[str, ...] = (
    *("document" if name == "document_id" else name for name in PARAGRAPH_FIELDS if name != "text"),
    "objectives",
    "principles",
    "text",
)
SECTION_SEPARATOR = " > "
LIST_SEPARATOR = ";"
COUNTS_SHEET = "counts"
ADDRESSED_SHEET = "addressed (0-1)"

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters that XML 1.0 (and so an XLSX file) cannot hold.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def spreadsheet_safe(value: Cell) -> Cell:
    """The value, with a leading apostrophe when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


# --- country matrix ---------------------------------------------------------------------------


def matrix_rows(matrix: CountryMatrix, *, binary: bool = False) -> list[list[Cell]]:
    """Header `iso3, country, 1..N`, then one row per country: counts, or 0/1 when binary."""
    header: list[Cell] = ["iso3", "country", *(str(n) for n in matrix.objectives)]
    rows = [header]
    for (code, name), counts in zip(matrix.countries, matrix.counts, strict=True):
        cells = [(1 if count else 0) if binary else count for count in counts]
        rows.append([code, name, *cells])
    return rows


def write_matrix_csv(matrix: CountryMatrix, path: Path, *, binary: bool = False) -> None:
    """Write the country x objective matrix as UTF-8 CSV (counts, or 0/1 when `binary`)."""
    _write_csv(path, matrix_rows(matrix, binary=binary))


def write_matrix_xlsx(matrix: CountryMatrix, path: Path) -> None:
    """Write the matrix as an Excel workbook: a "counts" sheet and an "addressed (0-1)" sheet."""
    workbook = Workbook()
    counts = workbook.active
    assert counts is not None  # a new workbook always has one sheet
    counts.title = COUNTS_SHEET
    _fill_matrix_sheet(counts, matrix_rows(matrix))
    _fill_matrix_sheet(workbook.create_sheet(ADDRESSED_SHEET), matrix_rows(matrix, binary=True))
    workbook.save(path)


def _fill_matrix_sheet(sheet: Worksheet, rows: Sequence[Sequence[Cell]]) -> None:
    for row in rows:
        sheet.append([_xlsx_value(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "C2"  # header row and the two country columns stay in view
    names = [str(row[1]) for row in rows[1:]]
    sheet.column_dimensions["A"].width = 7
    sheet.column_dimensions["B"].width = min(40, max([12, *(len(name) + 2 for name in names)]))
    for index in range(3, len(rows[0]) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 5


def _xlsx_value(value: Cell) -> Cell:
    if isinstance(value, str):
        return spreadsheet_safe(_XML_ILLEGAL.sub("", value))
    return value


# --- paragraphs -------------------------------------------------------------------------------


def paragraph_rows(synthesis: Synthesis) -> list[dict[str, object]]:
    """One dict per paragraph, in order: place, attribution, labels, text and the counted tags."""
    return [_paragraph_row(para) for para in synthesis.paragraphs]


def _paragraph_row(para: ReviewParagraph) -> dict[str, object]:
    values = {
        **record_fields(para),
        "document": para.document,
        "section": SECTION_SEPARATOR.join(para.section),
        "objectives": LIST_SEPARATOR.join(str(n) for n in para.objectives),
        "principles": LIST_SEPARATOR.join(para.principles),
    }
    return {
        **{column: values[column] for column in PARAGRAPH_COLUMNS},
        "tags": [
            {
                "label": tag.label,
                "probability": tag.probability,
                "source": tag.source,
                "status": str(tag.status),
            }
            for tag in para.tags
        ],
    }


def write_paragraphs_csv(synthesis: Synthesis, path: Path) -> None:
    """Write every paragraph as one CSV row; tags flattened to `label (p, source, status); ...`.

    The file starts with a UTF-8 byte-order mark, so Excel opens Arabic and French text as UTF-8.
    """
    header: list[Cell] = [*PARAGRAPH_COLUMNS, "tags"]
    rows = [header]
    for row in paragraph_rows(synthesis):
        cells = [_csv_value(row[column]) for column in PARAGRAPH_COLUMNS]
        rows.append([*cells, _flat_tags(row["tags"])])
    _write_csv(path, rows, byte_order_mark=True)


def write_paragraphs_jsonl(synthesis: Synthesis, path: Path) -> None:
    """Write every paragraph as one JSON object per line (UTF-8, non-ASCII kept as is)."""
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for row in paragraph_rows(synthesis):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _csv_value(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float):
        return value
    return str(value)


def _flat_tags(tags: object) -> str:
    if not isinstance(tags, list):
        return ""
    return "; ".join(
        f"{tag['label']} ({tag['probability']:.2f}, {tag['source']}, {tag['status']})"
        for tag in tags
    )


def _write_csv(
    path: Path, rows: Iterable[Sequence[Cell]], *, byte_order_mark: bool = False
) -> None:
    encoding = "utf-8-sig" if byte_order_mark else "utf-8"
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        for row in rows:
            writer.writerow(["" if value is None else spreadsheet_safe(value) for value in row])
