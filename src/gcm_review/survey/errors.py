"""Named errors of survey analysis: each says which file, sheet, column and row, on one line."""

from __future__ import annotations

from collections.abc import Sequence

from gcm_review.errors import GcmReviewError

_SHOWN_ROWS = 10


def location_text(*, sheet: str = "", column: str = "", rows: Sequence[int] = ()) -> str:
    """Where in a file something is, e.g. "sheet 'survey', column 'type', row 5"."""
    parts = []
    if sheet:
        parts.append(f"sheet '{sheet}'")
    if column:
        parts.append(f"column '{column}'")
    if rows:
        parts.append(rows_text(rows))
    return ", ".join(parts)


def rows_text(rows: Sequence[int]) -> str:
    """'row 5' or 'rows 5, 9, 12' (the first ten, then how many more)."""
    if len(rows) == 1:
        return f"row {rows[0]}"
    shown = ", ".join(str(row) for row in rows[:_SHOWN_ROWS])
    more = len(rows) - _SHOWN_ROWS
    return f"rows {shown} and {more} more" if more > 0 else f"rows {shown}"


def one_line(text: str) -> str:
    """The text with line breaks and runs of spaces folded into single spaces."""
    return " ".join(text.split())


class SurveyError(GcmReviewError):
    """A survey form or data file cannot be analysed."""

    hint = "check the survey form and the data export"

    def __init__(
        self,
        path: str,
        message: str,
        *,
        sheet: str = "",
        column: str = "",
        row: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(one_line(message), hint=hint)
        self.path = path
        self.sheet = sheet
        self.column = column
        self.row = row

    def one_line(self) -> str:
        """File, place in the file, problem and what to do, on one line."""
        where = location_text(
            sheet=self.sheet, column=self.column, rows=() if self.row is None else (self.row,)
        )
        text = f"{self.path}: {where}: {self}" if where else f"{self.path}: {self}"
        return f"{text}; {self.hint}" if self.hint else text


class SurveyFileNotFound(SurveyError):
    """The form or data file does not exist."""

    hint = "check the path"


class FormUnreadable(SurveyError):
    """The form is not a readable XLSX workbook."""

    hint = "save the XLSForm again as .xlsx (Excel workbook) and try again"


class FormInvalid(SurveyError):
    """The workbook is not an XLSForm: a sheet or a required column is missing."""

    hint = "an XLSForm needs a 'survey' sheet with 'type' and 'name' columns (see xlsform.org)"


class DataUnreadable(SurveyError):
    """The data export cannot be read as CSV or XLSX."""

    hint = "export the data again from KoboToolbox, ODK or LimeSurvey as CSV or XLSX"


class DataInvalid(SurveyError):
    """The data export has no header row or no responses."""

    hint = "the first row of the export must name the columns; check that the right file was given"


class WeightColumnMissing(SurveyError):
    """The weight column asked for is not in the data."""

    hint = "give the exact header of the weight column with --weights"


class ByVariableMissing(SurveyError):
    """A variable to disaggregate by is neither a question of the form nor a data column."""

    hint = "give a question name of the form (or a data column header) with --by"


class TooManyGroups(SurveyError):
    """A variable to disaggregate by has more distinct values than groups can be drawn for."""

    hint = "disaggregate by a question with fewer values (a choice question, not a free text)"


class SurveyOutputError(SurveyError):
    """The survey outputs cannot be written."""

    hint = "choose a folder you can write to with --out"
