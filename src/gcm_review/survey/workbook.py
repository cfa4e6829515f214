"""survey_results.xlsx: contents, the GCM view, problems, then one sheet per question.

Every text is written as text (an answer starting with '=' never becomes a formula); numbers keep
their full value and are shown rounded to one decimal. The workbook is written in openpyxl's
write-only mode: rows stream to disk as they are appended, so time and memory grow linearly with
the number of answers (column widths are therefore set before a sheet's first row).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell as StyledCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from gcm_review.frameworks.labels import capital
from gcm_review.survey.records import Question, ResultRow, SurveyResult

MAX_TITLE = 31
RESERVED_TITLES = ("Contents", "GCM view", "Problems")
_BAD_TITLE_CHARS = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
KIND_LABELS = {
    "answer": "Answer (share of those who answered)",
    "excluded": "Left out of the share (share of those asked)",
    "blank": "No answer (share of those asked)",
    "invalid": "Value not in the form (share of those asked)",
    "not-asked": "Not asked, skip logic (share of all respondents)",
}
Cell = str | float | int | None
Sheet = WriteOnlyWorksheet
_BOLD = Font(bold=True)


def sheet_titles(names: Sequence[str], *, reserved: Sequence[str] = RESERVED_TITLES) -> list[str]:
    """Excel-safe sheet titles, one per name: at most 31 characters, no []:*?/\\ and unique
    without regard to case (a clash gets ~2, ~3, ...)."""
    taken = {title.casefold() for title in reserved}
    titles = []
    for position, name in enumerate(names, 1):
        base = _BAD_TITLE_CHARS.sub("_", name).strip("' ") or f"Question {position}"
        title = base[:MAX_TITLE]
        counter = 2
        while title.casefold() in taken or title.casefold() == "history":
            suffix = f"~{counter}"
            title = base[: MAX_TITLE - len(suffix)] + suffix
            counter += 1
        taken.add(title.casefold())
        titles.append(title)
    return titles


def _clean(value: Cell) -> Cell:
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def _cell(sheet: Sheet, value: Cell, *, bold: bool, link: str = "") -> Cell | StyledCell:
    """The value as appended: plain when openpyxl's default is right, else a styled cell."""
    value = _clean(value)
    formula_like = isinstance(value, str) and value.startswith("=")
    if not (bold or link or formula_like or isinstance(value, float)):
        return value
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula
    elif isinstance(value, float):
        cell.number_format = "0.0"
    if bold:
        cell.font = _BOLD
    if link:
        cell.hyperlink = link
    return cell


def _append(sheet: Sheet, values: Iterable[Cell], *, bold: bool = False, link: str = "") -> None:
    """One row; `link` makes its first cell a hyperlink."""
    sheet.append(
        [
            _cell(sheet, value, bold=bold, link=link if column == 0 else "")
            for column, value in enumerate(values)
        ]
    )


def _widths(sheet: Sheet, widths: Iterable[tuple[str, float]]) -> Sheet:
    for letter, width in widths:
        # made by Worksheet._setup, which the write-only sheet shares; the stubs omit it
        sheet.column_dimensions[letter].width = width  # type: ignore[attr-defined]
    return sheet


def write_results_xlsx(result: SurveyResult, path: Path) -> Path:
    """Write the workbook; return its path."""
    workbook = Workbook(write_only=True)
    questions = [q for q in result.questions if result.has_results(q.name)]
    titles = sheet_titles([q.name for q in questions])
    contents = _widths(workbook.create_sheet(RESERVED_TITLES[0]), (("A", 32), ("C", 60)))
    _contents(contents, result, questions, titles)
    _gcm_sheet(_widths(workbook.create_sheet(RESERVED_TITLES[1]), (("A", 40),)), result)
    _problems_sheet(_widths(workbook.create_sheet(RESERVED_TITLES[2]), (("F", 80),)), result)
    for question, title in zip(questions, titles, strict=True):
        sheet = _widths(workbook.create_sheet(title), (("A", 24), ("B", 28), ("D", 36), ("J", 44)))
        _question_sheet(sheet, result, question)
    workbook.save(path)
    return path


def _contents(
    sheet: Sheet, result: SurveyResult, questions: Sequence[Question], titles: Sequence[str]
) -> None:
    _append(sheet, [result.form.title], bold=True)
    _append(sheet, ["Data file", result.data_path])
    _append(sheet, ["Export kind", result.source])
    _append(sheet, ["Responses analysed", result.respondents])
    _append(sheet, ["Duplicate submissions removed", result.duplicates_removed])
    _append(sheet, ["Weights", result.weights or "none (each response counts once)"])
    _append(sheet, ["Disaggregated by", ", ".join(result.by) or "none"])
    _append(sheet, ["Label language", result.form.language or "(plain label column)"])
    _append(sheet, ["Problems found", len(result.problems)])
    _append(sheet, [])
    _append(sheet, ["Sheet", "Question", "Label", "Type", "Asked when"], bold=True)
    for question, title in zip(questions, titles, strict=True):
        label = question.label(result.form.language)
        cells = [title, question.name, label, question.kind, " and ".join(question.conditions)]
        _append(sheet, cells, link=f"#'{title}'!A1")


def _row_cells(result: SurveyResult, row: ResultRow) -> list[Cell]:
    return [
        result.group_label(row.group),
        result.group_value_label(row.group, row.group_value),
        row.option,
        result.form.option_label(row.question, row.option),
        row.n,
        row.total,
        row.percent,
        row.ci_low,
        row.ci_high,
        KIND_LABELS[row.kind],
    ]


_ROW_HEADER = [
    "Group",
    "Group value",
    "Option",
    "Option label",
    "n",
    "Total",
    "Percent",
    "95% CI low",
    "95% CI high",
    "Counted as",
]


def _question_sheet(sheet: Sheet, result: SurveyResult, question: Question) -> None:
    _append(sheet, [question.label(result.form.language)], bold=True)
    _append(sheet, [f"{question.name} ({question.kind})"])
    if question.conditions:
        _append(sheet, ["Asked only when: " + " and ".join(question.conditions)])
    _append(sheet, [])
    rows = result.rows_of(question.name)
    if rows:
        if question.kind == "select_multiple":
            _append(sheet, ["Several answers possible: shares may add up to more than 100%."])
        _append(sheet, _ROW_HEADER, bold=True)
        for row in rows:
            _append(sheet, _row_cells(result, row))
    summaries = result.numeric_of(question.name)
    if summaries:
        header = ["Group", "Group value", "n", "Mean", "Median", "Minimum", "Maximum", "No answer"]
        _append(sheet, header, bold=True)
        for s in summaries:
            _append(
                sheet,
                [
                    result.group_label(s.group),
                    result.group_value_label(s.group, s.group_value),
                    s.n,
                    s.mean,
                    s.median,
                    s.minimum,
                    s.maximum,
                    s.blank,
                ],
            )
    for texts in result.texts_of(question.name):
        _append(sheet, ["Row", "Answer"], bold=True)
        for number, text in texts.answers:
            _append(sheet, [number, text])


def _gcm_sheet(sheet: Sheet, result: SurveyResult) -> None:
    view = result.gcm
    for sentence in view.summary:
        _append(sheet, [sentence])
    if view.principles:
        _append(sheet, [])
        _append(
            sheet,
            [
                capital(view.wording.principle),
                "Question",
                "n",
                "Total",
                "Percent",
                "95% CI low",
                "95% CI high",
                "Don't know",
                "No answer",
            ],
            bold=True,
        )
        for share in view.principles:
            r = share.row
            _append(
                sheet,
                [
                    share.title,
                    share.question,
                    r.n,
                    r.total,
                    r.percent,
                    r.ci_low,
                    r.ci_high,
                    share.excluded,
                    share.blank,
                ],
            )
    if view.objectives:
        _append(sheet, [])
        _append(
            sheet,
            [
                "Rank",
                capital(view.wording.label),
                "Title",
                "n",
                "Total",
                "Percent",
                "95% CI low",
                "95% CI high",
            ],
            bold=True,
        )
        for p in view.objectives:
            r = p.row
            _append(
                sheet, [p.rank, p.objective, p.title, r.n, r.total, r.percent, r.ci_low, r.ci_high]
            )
    if view.participation is not None:
        _append(sheet, [])
        _append(sheet, ["Participation in consultations by stakeholder group"], bold=True)
        _append(sheet, _ROW_HEADER, bold=True)
        for row in view.participation.rows:
            _append(sheet, _row_cells(result, row))


def _problems_sheet(sheet: Sheet, result: SurveyResult) -> None:
    _append(sheet, ["Kind", "File", "Sheet", "Column", "Rows", "Problem"], bold=True)
    for p in result.problems:
        rows = " ".join(str(number) for number in p.rows)
        _append(sheet, [p.kind, p.file, p.sheet, p.column, rows, p.message])
