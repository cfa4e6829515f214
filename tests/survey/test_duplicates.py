"""Duplicate submissions: by uuid, and rows cut short before the uuid that repeat a row."""

from __future__ import annotations

from pathlib import Path

from gcm_review.survey.columns import ColumnMap
from gcm_review.survey.duplicates import find_duplicates
from gcm_review.survey.tables import read_data_table


def _find(tmp_path: Path, text: str) -> tuple[list[int], list[tuple[int, ...]]]:
    path = tmp_path / "d.csv"
    path.write_text(text, encoding="utf-8")
    table = read_data_table(path)
    uuid = table.header.index("_uuid")
    keep, problems = find_duplicates(table, ColumnMap("kobo", {}, uuid=uuid, uuid_header="_uuid"))
    return keep.tolist(), [p.rows for p in problems]


def test_same_uuid_is_a_duplicate(tmp_path: Path) -> None:
    keep, rows = _find(tmp_path, "q,r,_uuid\nyes,no,a\nno,no,b\nyes,no,a\n")
    assert keep == [0, 1] and rows == [(4,)]


def test_rows_cut_short_at_different_lengths_repeating_earlier_rows(tmp_path: Path) -> None:
    text = (
        "a,b,c,d,e,_uuid\n"
        "1,2,3,4,5,u1\n"  # row 2
        "6,7,8,9,10,u2\n"  # row 3
        "1,2,3\n"  # row 4: row 2 cut after 3 cells
        "6,7,8,9\n"  # row 5: row 3 cut after 4 cells
        "6,7,0,9\n"  # row 6: cut short but differs from every row: kept
        "1,2\n"  # row 7: too short to tell (under half of the columns): kept
    )
    keep, rows = _find(tmp_path, text)
    assert keep == [0, 1, 4, 5]
    assert rows == [(4, 5)]


def test_a_row_cut_short_after_the_uuid_is_judged_by_its_uuid(tmp_path: Path) -> None:
    keep, rows = _find(tmp_path, "_uuid,a,b,c\nu1,1,2,3\nu1,1\nu2,1\n")
    assert keep == [0, 2] and rows == [(3,)]
