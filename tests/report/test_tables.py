"""The matrix and paragraph tables: CSV, XLSX and JSONL, read back."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path

from openpyxl import load_workbook

from gcm_review.report.tables import (
    ADDRESSED_SHEET,
    COUNTS_SHEET,
    PARAGRAPH_COLUMNS,
    paragraph_rows,
    spreadsheet_safe,
    write_matrix_csv,
    write_matrix_xlsx,
    write_paragraphs_csv,
    write_paragraphs_jsonl,
)
from gcm_review.synthesis.records import CountryMatrix, Synthesis

OBJECTIVE_HEADER = [str(n) for n in range(1, 24)]


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:  # a byte-order mark is skipped
        return list(csv.reader(handle))


def _with_counts(matrix: CountryMatrix, jordan_six: int) -> CountryMatrix:
    jordan = tuple(jordan_six if n == 6 else c for n, c in enumerate(matrix.counts[0], start=1))
    return dataclasses.replace(matrix, counts=(jordan, *matrix.counts[1:]))


def _with_paragraph_fields(synthesis: Synthesis, **fields: object) -> Synthesis:
    first = dataclasses.replace(synthesis.paragraphs[0], **fields)
    return dataclasses.replace(synthesis, paragraphs=(first, *synthesis.paragraphs[1:]))


def test_matrix_csv_holds_counts(small_synthesis: Synthesis, tmp_path: Path) -> None:
    path = tmp_path / "matrix.csv"
    write_matrix_csv(_with_counts(small_synthesis.matrix, 3), path)
    rows = _read_csv(path)
    assert rows[0] == ["iso3", "country", *OBJECTIVE_HEADER]
    jordan = ["JOR", "Jordan", *("3" if n == 6 else "1" if n == 7 else "0" for n in range(1, 24))]
    egypt = ["EGY", "Egypt", *("1" if n == 10 else "0" for n in range(1, 24))]
    assert rows[1:] == [jordan, egypt]
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")  # plain UTF-8, no BOM


def test_binary_matrix_csv_holds_zero_or_one(small_synthesis: Synthesis, tmp_path: Path) -> None:
    path = tmp_path / "matrix-addressed.csv"
    write_matrix_csv(_with_counts(small_synthesis.matrix, 3), path, binary=True)
    rows = _read_csv(path)
    assert rows[1][2 + 5] == "1"  # objective 6: three paragraphs, addressed
    assert rows[1][2 + 6] == "1"
    assert {cell for row in rows[1:] for cell in row[2:]} == {"0", "1"}


def test_matrix_xlsx_has_both_sheets(small_synthesis: Synthesis, tmp_path: Path) -> None:
    path = tmp_path / "matrix.xlsx"
    write_matrix_xlsx(_with_counts(small_synthesis.matrix, 4), path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == [COUNTS_SHEET, ADDRESSED_SHEET]
    counts, addressed = workbook[COUNTS_SHEET], workbook[ADDRESSED_SHEET]
    for sheet in (counts, addressed):
        header = [cell.value for cell in sheet[1]]
        assert header == ["iso3", "country", *OBJECTIVE_HEADER]
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.freeze_panes == "C2"
        assert sheet.column_dimensions["B"].width >= len("Jordan")
    jordan_counts = [cell.value for cell in counts[2]]
    assert jordan_counts[:2] == ["JOR", "Jordan"]
    assert jordan_counts[2 + 5] == 4 and jordan_counts[2 + 6] == 1
    assert [cell.value for cell in addressed[2]][2 + 5] == 1
    assert [cell.value for cell in addressed[3]][2 + 9] == 1  # Egypt, objective 10
    assert counts.max_row == addressed.max_row == 3


def test_paragraph_rows_flatten_place_and_labels(small_synthesis: Synthesis) -> None:
    synthesis = _with_paragraph_fields(small_synthesis, section=("Part II", "Achievements"))
    rows = paragraph_rows(synthesis)
    assert [row["id"] for row in rows] == [1, 2, 3]
    jordan = rows[0]
    assert jordan["section"] == "Part II > Achievements"
    assert jordan["objectives"] == "6;7"
    assert jordan["principles"] == "gender-responsive"
    assert jordan["speaker"] == "Ms. Rana Haddad" and jordan["country"] == "JOR"
    assert jordan["tags"][0] == {
        "label": "objective:6",
        "probability": 0.91,
        "source": "model",
        "status": "proposed",
    }
    assert rows[1]["page"] is None and rows[1]["number"] is None


def test_paragraphs_csv_has_flat_columns(small_synthesis: Synthesis, tmp_path: Path) -> None:
    path = tmp_path / "paragraphs.csv"
    write_paragraphs_csv(small_synthesis, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfid,")  # a UTF-8 byte-order mark for Excel
    rows = _read_csv(path)
    assert rows[0] == [*PARAGRAPH_COLUMNS, "tags"]
    jordan = dict(zip(rows[0], rows[1], strict=True))
    assert jordan["objectives"] == "6;7"
    assert jordan["page"] == "2"
    assert jordan["tags"].startswith("objective:6 (0.91, model, proposed); objective:7")
    egypt = dict(zip(rows[0], rows[2], strict=True))
    assert (
        egypt["text"] == small_synthesis.paragraphs[1].text
    )  # Arabic and the <script> tag, unchanged
    assert egypt["page"] == "" and egypt["speaker"] == ""


def test_formula_cells_get_an_apostrophe(small_synthesis: Synthesis, tmp_path: Path) -> None:
    synthesis = _with_paragraph_fields(
        small_synthesis,
        text='=HYPERLINK("http://evil.example","click")',
        organisation="+cmd|' /C calc'!A0",
        speaker="@SUM(1+1)",
        speaker_title="-2+3",
    )
    path = tmp_path / "paragraphs.csv"
    write_paragraphs_csv(synthesis, path)
    header, jordan = _read_csv(path)[:2]
    row = dict(zip(header, jordan, strict=True))
    assert row["text"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["organisation"] == "'+cmd|' /C calc'!A0"
    assert row["speaker"] == "'@SUM(1+1)"
    assert row["speaker_title"] == "'-2+3"
    assert row["id"] == "1"  # numbers are not touched
    jsonl = tmp_path / "paragraphs.jsonl"
    write_paragraphs_jsonl(synthesis, jsonl)
    first = json.loads(jsonl.read_text(encoding="utf-8").splitlines()[0])
    assert first["text"].startswith("=HYPERLINK")  # JSONL keeps the text exactly


def test_xlsx_country_names_cannot_become_formulas(
    small_synthesis: Synthesis, tmp_path: Path
) -> None:
    matrix = dataclasses.replace(
        small_synthesis.matrix, countries=(("JOR", "=1+1"), ("EGY", "Egy\x01pt"))
    )
    path = tmp_path / "matrix.xlsx"
    write_matrix_xlsx(matrix, path)
    sheet = load_workbook(path)[COUNTS_SHEET]
    assert sheet["B2"].value == "'=1+1"
    assert sheet["B2"].data_type == "s"
    assert sheet["B3"].value == "Egypt"  # a control character XML cannot hold is dropped


def test_spreadsheet_safe_leaves_other_values() -> None:
    assert spreadsheet_safe("Jordan") == "Jordan"
    assert spreadsheet_safe(-3) == -3
    assert spreadsheet_safe(None) is None
    assert spreadsheet_safe("\t=1") == "'\t=1"


def test_jsonl_round_trip_keeps_arabic(small_synthesis: Synthesis, tmp_path: Path) -> None:
    path = tmp_path / "paragraphs.jsonl"
    write_paragraphs_jsonl(small_synthesis, path)
    raw = path.read_bytes()
    arabic = small_synthesis.paragraphs[1].text
    assert "مصر" in arabic
    assert arabic.encode("utf-8") in raw  # written as UTF-8, not \u escapes
    lines = raw.decode("utf-8").splitlines()
    assert len(lines) == 3
    assert [json.loads(line) for line in lines] == paragraph_rows(small_synthesis)
    assert json.loads(lines[1])["text"] == arabic


def test_paragraph_columns_follow_the_stored_paragraph_in_their_fixed_order() -> None:
    # Derived from model.stored.StoredParagraph; the files' column order must not move.
    assert PARAGRAPH_COLUMNS == (
        "id",
        "document",
        "seq",
        "number",
        "kind",
        "section",
        "page",
        "language",
        "speaker",
        "speaker_title",
        "organisation",
        "country",
        "stakeholder_group",
        "objectives",
        "principles",
        "text",
    )
