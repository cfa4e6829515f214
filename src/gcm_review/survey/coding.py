"""Turn the text cells of an export into arrays: choices, numbers, weights; drop duplicates.

Values are matched to choices by name, then without regard to case, then by LimeSurvey answer
code, then by label in any language of the form. A value matching nothing is reported with its
rows and left out of every denominator.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from gcm_review.survey.columns import (
    NOT_SELECTED_VALUES,
    SELECTED_VALUES,
    ColumnMap,
    ColumnSource,
    normalise,
)
from gcm_review.survey.duplicates import find_duplicates
from gcm_review.survey.limesurvey import answer_code
from gcm_review.survey.records import Form, Problem, Question
from gcm_review.survey.tables import RawTable

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
ObjectArray = npt.NDArray[np.object_]
BLANK_CODE = -1
MAX_LISTED_VALUES = 50  # values not in the form reported one by one; the rest in one problem
MAX_WEIGHT = 1e10  # more than the world's population: no response can stand for more people
INVALID_CODE = -2


@dataclass(frozen=True, eq=False)
class CodedQuestion:
    """One question's answers as arrays, one entry per response."""

    question: Question
    answered: BoolArray  # any value at all, valid or not
    selected: BoolArray | None = None  # selects: n x choices
    invalid: BoolArray | None = None  # selects: a value not in the choice list
    codes: IntArray | None = None  # select_one: choice index, -1 blank, -2 invalid
    numbers: FloatArray | None = None  # integer/decimal: NaN when blank or not a number
    texts: ObjectArray | None = None  # the cell text (text questions, relevant expressions)


@dataclass(frozen=True, eq=False)
class CodedSurvey:
    """All coded questions of the responses kept, with weights and spreadsheet rows."""

    size: int
    row_numbers: IntArray
    weights: FloatArray
    questions: dict[str, CodedQuestion]
    extra: dict[str, ObjectArray] = field(default_factory=dict)
    duplicates_removed: int = 0
    problems: tuple[Problem, ...] = ()
    weighted: bool = False  # weights were asked for and at least one is over 0


def mapped(values: ObjectArray, function: Callable[[str], Any], dtype: Any) -> npt.NDArray[Any]:
    """`function` applied once per distinct value and spread to every entry (fast on columns
    with few distinct values, as survey answers are)."""
    lookup = {value: function(value) for value in set(values)}
    return np.fromiter(map(lookup.__getitem__, values), dtype=dtype, count=len(values))


class _Coder:
    """Codes the columns of one table, collecting problems."""

    def __init__(self, table: RawTable, columns: ColumnMap, keep: IntArray) -> None:
        self.table = table
        self.columns = columns
        self.keep = keep
        self.rows = table.row_numbers[keep]
        self.problems: list[Problem] = []

    def cells(self, column: int) -> ObjectArray:
        """The column's cells of the responses kept, as written (not trimmed)."""
        return self.table.cells[self.keep, column]  # type: ignore[no-any-return]

    def texts(self, column: int) -> ObjectArray:
        """The column's cells of the responses kept, trimmed."""
        return mapped(self.cells(column), str.strip, object)

    def problem(self, kind: str, column: int, message: str, mask: BoolArray | IntArray) -> None:
        """A problem of the column at the responses `mask` selects (booleans or positions)."""
        self.problems.append(
            Problem(
                kind,
                self.table.path,
                message,
                sheet=self.table.sheet,
                column=self.table.header[column],
                rows=tuple(int(row) for row in self.rows[mask]),
            )
        )


def code_responses(
    table: RawTable, columns: ColumnMap, form: Form, *, weights: str | None
) -> CodedSurvey:
    """Code every question of the form found in the table; duplicates (same uuid) removed."""
    keep, duplicate_problems = find_duplicates(table, columns)
    coder = _Coder(table, columns, keep)
    coded: dict[str, CodedQuestion] = {}
    for question in form.questions:
        source = columns.questions.get(question.name)
        if source is None:
            coder.problems.append(
                Problem("missing-column", table.path, f"no column for question '{question.name}'")
            )
            continue
        coded[question.name] = _code_question(coder, question, source)
    weight_array = _weights(coder, columns.weight) if weights is not None else np.ones(len(keep))
    weighted = weights is not None and not any(p.kind == "weights-zero" for p in coder.problems)
    return CodedSurvey(
        size=len(keep),
        row_numbers=coder.rows,
        weights=weight_array,
        questions=coded,
        extra={header: coder.texts(column) for header, column in columns.extra.items()},
        duplicates_removed=table.size - len(keep),
        problems=(*duplicate_problems, *coder.problems),
        weighted=weighted,
    )


def _weights(coder: _Coder, column: int | None) -> FloatArray:
    """The weight of each response: 0 (left out of weighted figures) when it is blank,
    negative, not a number or larger than any survey weight can be; all 1 when none is over 0."""
    assert column is not None  # the pipeline raises WeightColumnMissing before coding
    values = mapped(coder.cells(column), _number, np.float64)
    bad = ~np.isfinite(values) | (values < 0)
    if bad.any():
        message = "weight is blank, negative or not a number; these responses get weight 0"
        coder.problem("weight", column, message, bad)
        values[bad] = 0.0
    huge = values > MAX_WEIGHT
    if huge.any():
        message = (
            f"weight is larger than {MAX_WEIGHT:.0e} (no survey weight is that large; the totals "
            "would overflow); these responses get weight 0, left out of the weighted figures"
        )
        coder.problem("weight", column, message, huge)
        values[huge] = 0.0
    if len(values) and not (values > 0).any():
        message = (
            "every weight is 0 (or was left out): weighted shares cannot be computed, so each "
            "response counts once (unweighted results)"
        )
        coder.problems.append(
            Problem(
                "weights-zero",
                coder.table.path,
                message,
                sheet=coder.table.sheet,
                column=coder.table.header[column],
            )
        )
        values[:] = 1.0
    return values


def _number(text: str) -> float:
    text = text.strip()
    try:
        return float(text.replace(",", ".")) if text else math.nan
    except ValueError:
        return math.nan


def _code_question(coder: _Coder, question: Question, source: ColumnSource) -> CodedQuestion:
    if question.kind == "select_one" and source.main is not None:
        return _code_select_one(coder, question, source.main)
    if question.kind == "select_multiple":
        if source.main is not None:
            return _code_select_multiple(coder, question, source.main)
        return _code_option_columns(coder, question, source)
    if question.kind in ("integer", "decimal") and source.main is not None:
        return _code_number(coder, question, source.main)
    column = source.main if source.main is not None else next(iter(source.options.values()))
    texts = coder.texts(column)
    return CodedQuestion(question, answered=texts != "", texts=texts)


def choice_lookup(question: Question) -> dict[str, int]:
    """Every way a choice may be written in an export, to its index in the choice list."""
    lookup: dict[str, int] = {}
    for index, choice in enumerate(question.choices):
        lookup.setdefault(choice.name, index)
    for index, choice in enumerate(question.choices):
        lookup.setdefault(choice.name.casefold(), index)
        lookup.setdefault(answer_code(choice).casefold(), index)
    for index, choice in enumerate(question.choices):
        for label in choice.labels.values():
            lookup.setdefault(normalise(label), index)
    return lookup


def _find(lookup: dict[str, int], text: str) -> int:
    text = text.strip()
    if not text:
        return BLANK_CODE
    for key in (text, text.casefold(), normalise(text)):
        if key in lookup:
            return lookup[key]
    return INVALID_CODE


def _code_select_one(coder: _Coder, question: Question, column: int) -> CodedQuestion:
    texts = coder.texts(column)
    lookup = choice_lookup(question)
    code_of = {text: _find(lookup, text) for text in set(texts)}
    codes = np.fromiter(map(code_of.__getitem__, texts), dtype=np.int64, count=len(texts))
    selected = np.zeros((len(texts), len(question.choices)), dtype=bool)
    valid = np.nonzero(codes >= 0)[0]
    selected[valid, codes[valid]] = True
    invalid = codes == INVALID_CODE
    unknown = sorted(text for text, code in code_of.items() if code == INVALID_CODE)
    if unknown:
        wanted = set(unknown)
        positions: dict[str, list[int]] = {}
        for position, text in enumerate(texts):
            if text in wanted:
                positions.setdefault(text, []).append(position)
        _report_unknowns(coder, question, column, [(t, positions[t]) for t in unknown])
    return CodedQuestion(
        question, codes != BLANK_CODE, selected=selected, invalid=invalid, codes=codes, texts=texts
    )


def _report_unknowns(
    coder: _Coder, question: Question, column: int, unknown: Sequence[tuple[str, list[int]]]
) -> None:
    """One problem per value not in the form (with the positions of its responses); past
    MAX_LISTED_VALUES values, one problem for all the others."""
    listed = f"list '{question.list_name}'" if question.list_name else "the form"
    for text, positions in unknown[:MAX_LISTED_VALUES]:
        message = (
            f"'{text}' is not a choice of {listed} ('{question.name}'); left out of its results"
        )
        coder.problem("unknown-choice", column, message, np.asarray(positions, dtype=np.int64))
    rest = unknown[MAX_LISTED_VALUES:]
    if rest:
        message = (
            f"{len(rest)} other values are not choices of {listed} ('{question.name}'); "
            "left out of its results"
        )
        every = sorted(position for _, positions in rest for position in positions)
        coder.problem("unknown-choice", column, message, np.asarray(every, dtype=np.int64))


def _code_select_multiple(coder: _Coder, question: Question, column: int) -> CodedQuestion:
    texts = coder.texts(column)
    lookup = choice_lookup(question)
    labels = _label_lookup(question)
    patterns: dict[str, int] = {}
    unique_rows: list[tuple[list[int], list[str]]] = []
    for text in set(texts):
        patterns[text] = len(unique_rows)
        unique_rows.append(_parse_selection(text, lookup, labels))
    table = np.zeros((len(unique_rows), len(question.choices)), dtype=bool)
    unique_invalid = np.zeros(len(unique_rows), dtype=bool)
    bad_tokens: dict[str, list[int]] = {}
    for position, (indices, unknown) in enumerate(unique_rows):
        table[position, indices] = True
        unique_invalid[position] = bool(unknown)
        for token in unknown:
            bad_tokens.setdefault(token, []).append(position)
    inverse = np.fromiter(map(patterns.__getitem__, texts), dtype=np.int64, count=len(texts))
    if bad_tokens:
        responses: dict[int, list[int]] = {}  # unique pattern -> positions of its responses
        for position in np.flatnonzero(unique_invalid[inverse]).tolist():
            responses.setdefault(int(inverse[position]), []).append(position)
        reported = [
            (token, sorted(p for pattern in set(bad_tokens[token]) for p in responses[pattern]))
            for token in sorted(bad_tokens)
        ]
        _report_unknowns(coder, question, column, reported)
    return CodedQuestion(
        question,
        texts != "",
        selected=table[inverse],
        invalid=unique_invalid[inverse],
        texts=texts,
    )


def _label_lookup(question: Question) -> list[tuple[str, int]]:
    """Choice labels, longest first, for exports that write selected labels joined by spaces."""
    pairs = {
        (normalise(label), index)
        for index, choice in enumerate(question.choices)
        for label in choice.labels.values()
        if label
    }
    return sorted(pairs, key=lambda pair: (-len(pair[0]), pair[1]))


def _parse_selection(
    text: str, lookup: dict[str, int], labels: Sequence[tuple[str, int]]
) -> tuple[list[int], list[str]]:
    """(indices of the choices selected, tokens that are not choices) of one cell."""
    tokens = text.split()
    found = [_find(lookup, token) for token in tokens]
    if all(code >= 0 for code in found):
        return found, []
    rest = normalise(text)
    indices: list[int] = []
    while rest:
        match = next(
            (
                (label, index)
                for label, index in labels
                if rest == label or rest.startswith(label + " ")
            ),
            None,
        )
        if match is None:
            break
        indices.append(match[1])
        rest = rest[len(match[0]) :].strip()
    if not rest:
        return indices, []
    return [code for code in found if code >= 0], [
        token for token, code in zip(tokens, found, strict=True) if code < 0
    ]


def _code_option_columns(coder: _Coder, question: Question, source: ColumnSource) -> CodedQuestion:
    size = len(coder.keep)
    selected = np.zeros((size, len(question.choices)), dtype=bool)
    answered = np.zeros(size, dtype=bool)
    invalid = np.zeros(size, dtype=bool)
    for index, choice in enumerate(question.choices):
        column = source.options.get(choice.name)
        if column is None:
            message = f"no column for option '{choice.name}' of '{question.name}'; counted as 0"
            coder.problems.append(Problem("missing-column", coder.table.path, message))
            continue
        states = mapped(coder.cells(column), _option_state, np.int8)
        selected[:, index] = states == 1
        answered |= states != 0
        bad = states == 3
        if bad.any():
            message = f"values other than 1/0 (or Y/blank) in an option column of '{question.name}'"
            coder.problem("unknown-choice", column, message, bad)
            invalid |= bad
    return CodedQuestion(question, answered, selected=selected, invalid=invalid)


def _option_state(text: str) -> int:
    """0 empty, 1 selected, 2 not selected, 3 neither (a value that is not 1/0 or Y/N)."""
    text = text.strip().casefold()
    if not text:
        return 0
    if text in SELECTED_VALUES:
        return 1
    return 2 if text in NOT_SELECTED_VALUES else 3


def _code_number(coder: _Coder, question: Question, column: int) -> CodedQuestion:
    texts = coder.texts(column)
    numbers = mapped(texts, _number, np.float64)
    bad = (texts != "") & np.isnan(numbers)
    if bad.any():
        coder.problem("not-a-number", column, f"'{question.name}' expects a number", bad)
    return CodedQuestion(question, texts != "", numbers=numbers, texts=texts)
