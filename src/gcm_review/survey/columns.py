"""Which data column holds which question: the contract between the export readers and coding."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from gcm_review.survey.records import Form, Problem, Question
from gcm_review.survey.tables import RawTable

# Values of a per-option column (KoboToolbox 0/1, LimeSurvey Y/blank) that mean "selected".
SELECTED_VALUES = frozenset({"1", "1.0", "true", "y", "yes"})
NOT_SELECTED_VALUES = frozenset({"0", "0.0", "false", "n", "no", ""})


@dataclass(frozen=True)
class ColumnSource:
    """The data columns of one question: one answer column and/or one column per option."""

    question: str
    main: int | None = None  # the answer column (select_multiple: names separated by spaces)
    options: Mapping[str, int] = field(default_factory=dict, hash=False)  # choice -> column


@dataclass(frozen=True)
class ColumnMap:
    """How the columns of an export map onto the form, and what could not be mapped."""

    source: str  # "kobo" or "limesurvey"
    questions: Mapping[str, ColumnSource] = field(hash=False)
    uuid: int | None = None  # the column identifying a submission (duplicates)
    uuid_header: str = ""
    weight: int | None = None
    extra: Mapping[str, int] = field(default_factory=dict, hash=False)  # other columns by header
    problems: tuple[Problem, ...] = ()


def normalise(text: str) -> str:
    """Text compared loosely: case folded, curly quotes straightened, spaces collapsed."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split()).rstrip(":").strip()


def label_index(form: Form) -> dict[str, Question]:
    """Every label of every question (all languages), loosely compared, to its question."""
    index: dict[str, Question] = {}
    for question in form.questions:
        for label in question.labels.values():
            index.setdefault(normalise(label), question)
    return index


def find_weight_column(header: tuple[str, ...], weights: str | None) -> int | None:
    """The column named `weights` (exactly, else loosely); None when not asked for or absent."""
    if weights is None:
        return None
    if weights in header:
        return header.index(weights)
    wanted = normalise(weights)
    return next((i for i, name in enumerate(header) if normalise(name) == wanted), None)


class ColumnCollector:
    """Collects question columns, reporting a second column for the same question."""

    def __init__(self, table: RawTable) -> None:
        self.table = table
        self.main: dict[str, int] = {}
        self.options: dict[str, dict[str, int]] = {}
        self.problems: list[Problem] = []

    def add_main(self, question: str, column: int) -> None:
        if question in self.main:
            self._duplicate(column, question)
        else:
            self.main[question] = column

    def add_option(self, question: str, choice: str, column: int) -> None:
        columns = self.options.setdefault(question, {})
        if choice in columns:
            self._duplicate(column, f"{question}/{choice}")
        else:
            columns[choice] = column

    def unknown(self, column: int, message: str) -> None:
        self.problems.append(
            Problem(
                "unknown-column",
                self.table.path,
                message,
                sheet=self.table.sheet,
                column=self.table.header[column],
            )
        )

    def _duplicate(self, column: int, what: str) -> None:
        self.unknown(column, f"a second column for '{what}'; the first one is used")

    def sources(self) -> dict[str, ColumnSource]:
        names = dict.fromkeys([*self.main, *self.options])
        return {
            name: ColumnSource(name, self.main.get(name), self.options.get(name, {}))
            for name in names
        }


def split_code(header: str) -> tuple[str, str] | None:
    """'Q2[SQ001]' -> ('Q2', 'SQ001'); None when the header has no [...] part."""
    match = re.fullmatch(r"([^\[\]]+)\[([^\[\]]*)\]", header.strip())
    return (match.group(1), match.group(2)) if match else None
