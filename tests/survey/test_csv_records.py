"""CSV records keep their lines in the file; stray quotes and rows cut short are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcm_review.survey.csv_records import (
    CsvRecords,
    quote_damage,
    read_csv_records,
    row_like_lines,
    sniff_delimiter,
)
from gcm_review.survey.errors import DataInvalid, DataUnreadable
from gcm_review.survey.tables import read_data_table


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_records_know_their_lines(tmp_path: Path) -> None:
    data = _write(tmp_path / "d.csv", 'a,b\n1,"two\nlines"\n3,4\n')
    records = read_csv_records(data)
    assert records.rows == [["a", "b"], ["1", "two\nlines"], ["3", "4"]]
    assert [records.lines_of(i) for i in range(3)] == [(1, 1), (2, 3), (4, 4)]
    assert records.delimiter == ","


def test_delimiter_is_sniffed_outside_quotes() -> None:
    assert sniff_delimiter('"a,b";c;d') == ";"
    assert sniff_delimiter("a\tb\tc") == "\t"
    assert sniff_delimiter("single") == ","


def test_row_like_lines_count_lines_with_a_row_of_delimiters() -> None:
    assert row_like_lines(["x\n1,2,3\n4,5,6", "y"], 3, ",") == 2
    assert row_like_lines(["a written answer\nwith, a comma"], 4, ",") == 0


def test_a_multi_line_answer_is_not_damage() -> None:
    text = "He said:\nwe need data, jobs, and rights, now."  # 3 commas on one line, width 4
    records = CsvRecords([["a", "b", "c", "d"], ["1", "2", "3", text]], [1, 3], ",")
    assert quote_damage(records, 1, 4) == ""


def test_a_stray_quote_is_damage_naming_the_lines() -> None:
    swallowed = "x,y,z\n2,b,c\n3,b,c\n4,b,c\n"
    records = CsvRecords([["a", "b", "c"], [swallowed]], [1, 5], ",")
    why = quote_damage(records, 1, 3)
    assert "from line 2 to line 5" in why and "3 line(s)" in why and "stray" in why


def test_stray_quote_rows_are_left_out_and_reported(tmp_path: Path) -> None:
    rows = ["id,q,r"] + [f"u{i},yes,no" for i in range(1, 11)]
    rows[3] = '"' + rows[3]
    table = read_data_table(_write(tmp_path / "d.csv", "\n".join(rows) + "\n"))
    assert table.size == 2  # rows 2 and 3; row 4 swallowed the 7 after it
    problem = next(p for p in table.problems if p.kind == "quote-damage")
    assert problem.rows == (4,)
    assert "line 4 to line 11" in problem.message


def test_a_file_whose_only_row_is_damaged_says_so(tmp_path: Path) -> None:
    data = _write(tmp_path / "d.csv", 'id,q,r\n"u1,yes,no\nu2,yes,no\nu3,no,no\nu4,a,b\n')
    with pytest.raises(DataInvalid, match="stray"):
        read_data_table(data)


def test_rows_cut_short_are_reported_and_padded(tmp_path: Path) -> None:
    data = _write(tmp_path / "d.csv", "id,q,r\nu1,yes,no\nu2,yes\nu3\n")
    table = read_data_table(data)
    problem = next(p for p in table.problems if p.kind == "short-row")
    assert problem.rows == (3, 4)
    assert table.cells.tolist() == [["u1", "yes", "no"], ["u2", "yes", ""], ["u3", "", ""]]
    assert table.cell_counts is not None and table.cell_counts.tolist() == [3, 2, 1]


def test_equal_cells_share_one_string(tmp_path: Path) -> None:
    data = _write(tmp_path / "d.csv", "q,r\n" + "yes,no\n" * 3)
    rows = read_csv_records(data).rows
    assert rows[1][0] is rows[3][0]


def test_a_stray_quote_before_a_huge_cell_is_named_by_its_line(tmp_path: Path) -> None:
    rows = ["id,q,r"] + [f"u{i},yes,{'x' * 100}" for i in range(1, 3000)]
    rows[2] = '"' + rows[2]
    with pytest.raises(DataUnreadable, match="starting on line 3 .* stray") as caught:
        read_csv_records(_write(tmp_path / "d.csv", "\n".join(rows)))
    assert "\n" not in caught.value.one_line()
