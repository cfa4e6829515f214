"""Duplicate submissions: the same uuid as an earlier row, or a row cut short before its uuid
that repeats an earlier row cell for cell as far as it goes."""

from __future__ import annotations

from collections import Counter

import numpy as np
import numpy.typing as npt

from gcm_review.survey.columns import ColumnMap
from gcm_review.survey.records import Problem
from gcm_review.survey.tables import RawTable

IntArray = npt.NDArray[np.int64]
MAX_CUT_LENGTHS = 8  # lengths of rows cut short checked for duplicates (the most common ones)


def find_duplicates(table: RawTable, columns: ColumnMap) -> tuple[IntArray, list[Problem]]:
    """Positions of the responses kept (the first of each submission) and the problems."""
    if columns.uuid is None:
        return np.arange(table.size, dtype=np.int64), []
    seen: set[str] = set()
    keep: list[int] = []
    removed: list[int] = []
    stripped: dict[str, str] = {}
    for index, cell in enumerate(table.cells[:, columns.uuid]):
        uuid = stripped.setdefault(cell, cell.strip())
        if uuid and uuid in seen:
            removed.append(int(table.row_numbers[index]))
        else:
            seen.add(uuid)
            keep.append(index)
    problems = []
    if removed:
        message = (
            f"{len(removed)} duplicate submission(s) removed: same {columns.uuid_header} "
            "as an earlier row (the first one is kept)"
        )
        problems.append(
            Problem(
                "duplicate",
                table.path,
                message,
                sheet=table.sheet,
                column=columns.uuid_header,
                rows=tuple(removed),
            )
        )
    keep, cut = _cut_duplicates(table, columns.uuid, keep)
    if cut:
        message = (
            f"{len(cut)} row(s) cut short before the {columns.uuid_header} column repeat an "
            "earlier row cell for cell as far as they go: duplicate submission(s) removed"
        )
        problems.append(Problem("duplicate", table.path, message, rows=tuple(cut)))
    return np.asarray(keep, dtype=np.int64), problems


def _cut_lengths(table: RawTable, uuid: int, keep: list[int]) -> set[int]:
    """The lengths of the rows cut short before the uuid column, over at least half of the
    columns (shorter ones say too little to be called duplicates); the most common ones."""
    counts = table.cell_counts
    if counts is None:
        return set()
    least = max(2, (len(table.header) + 1) // 2)
    lengths = Counter(int(counts[i]) for i in keep if uuid >= counts[i] >= least)
    return {length for length, _ in lengths.most_common(MAX_CUT_LENGTHS)}


def _cut_duplicates(table: RawTable, uuid: int, keep: list[int]) -> tuple[list[int], list[int]]:
    """Rows cut short that repeat the start of an earlier row: each row's cells are hashed
    once, prefix by prefix, so the check is linear in the cells."""
    lengths = _cut_lengths(table, uuid, keep)
    if not lengths or table.cell_counts is None:
        return keep, []
    counts = table.cell_counts
    starts: dict[tuple[int, int], int] = {}  # (length, hash of the first cells) -> position
    kept: list[int] = []
    cut: list[int] = []
    for index in keep:
        length = int(counts[index])
        hashes = _prefix_hashes(table.cells[index, : max(lengths)], lengths)
        earlier = starts.get((length, hashes.get(length, 0))) if length in lengths else None
        if earlier is not None and _same_start(table, earlier, index, length):
            cut.append(int(table.row_numbers[index]))
            continue
        kept.append(index)
        for size, value in hashes.items():
            if size <= length:
                starts.setdefault((size, value), index)
    return kept, cut


def _prefix_hashes(cells: npt.NDArray[np.object_], lengths: set[int]) -> dict[int, int]:
    hashes: dict[int, int] = {}
    value = 0
    for position, cell in enumerate(cells, 1):
        value = hash((value, cell))
        if position in lengths:
            hashes[position] = value
    return hashes


def _same_start(table: RawTable, earlier: int, index: int, length: int) -> bool:
    return bool((table.cells[earlier, :length] == table.cells[index, :length]).all())
