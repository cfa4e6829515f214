"""Read an XLSForm (survey, choices and settings sheets) into a Form.

Besides the standard columns, two optional ones are read: `gcm` on the survey sheet (the GCM role
of a question: `principle:KEY`, `objectives`, `participation`, `stakeholder_group`) and
`limesurvey_code` on both sheets (see limesurvey.py). A choice is left out of denominators when
its `exclude` cell is yes/true/1, or when its name or label says "don't know" or "prefer not to
say" (in English, French or Arabic).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gcm_review.survey.errors import FormInvalid, FormUnreadable
from gcm_review.survey.records import Choice, Form, Problem, Question, QuestionKind, language_code
from gcm_review.survey.tables import SheetRows, read_workbook

_LABEL_COLUMN = re.compile(r"label\s*(?:::?\s*(.*))?", re.IGNORECASE)
_SELECT = re.compile(r"select[_ ](one|multiple)\s+(\S+)(\s+or_other)?", re.IGNORECASE)
_NUMBER_TYPES: dict[str, QuestionKind] = {
    "integer": "integer",
    "int": "integer",
    "decimal": "decimal",
    "range": "decimal",
}
_NOT_ANALYSED = frozenset(
    [
        "note",
        "calculate",
        "hidden",
        "date",
        "time",
        "datetime",
        "geopoint",
        "geotrace",
        "geoshape",
        "image",
        "audio",
        "video",
        "file",
        "barcode",
        "acknowledge",
        "start",
        "end",
        "today",
        "deviceid",
        "phonenumber",
        "username",
        "email",
        "simserial",
        "subscriberid",
        "audit",
        "start-geopoint",
        "background-audio",
        "xml-external",
        "csv-external",
        "rank",
        "trigger",
        "background-geopoint",
    ]
)
_TRUE = frozenset({"yes", "true", "1", "y", "oui", "نعم"})
_DONT_KNOW_NAMES = frozenset(
    [
        "dont_know",
        "don_t_know",
        "dontknow",
        "do_not_know",
        "dk",
        "not_know",
        "no_idea",
        "prefer_not_to_say",
        "prefer_not_to_answer",
        "refused",
        "no_answer",
        "not_applicable",
        "n_a",
    ]
)
_DONT_KNOW_LABELS = (
    "don't know",
    "do not know",
    "prefer not to",
    "ne sais pas",
    "ne sait pas",
    "ne se prononce pas",
    "préfère ne pas",
    "لا أعرف",
    "لا اعرف",
    "لا أدري",
    "لا ادري",
)


@dataclass
class _Columns:
    """Where the columns of one sheet are: plain ones by lower-case name, labels by language."""

    index: dict[str, int]
    labels: dict[str, int] = field(default_factory=dict)

    def get(self, cells: list[str], name: str) -> str:
        position = self.index.get(name)
        return cells[position] if position is not None and position < len(cells) else ""

    def label_texts(self, cells: list[str]) -> dict[str, str]:
        return {
            language: cells[i] for language, i in self.labels.items() if i < len(cells) and cells[i]
        }


def read_form(path: Path, *, language: str = "English") -> Form:
    """Read the XLSForm at path; labels are shown in `language` when the form has it."""
    sheets = read_workbook(path, FormUnreadable)
    survey = _find_sheet(sheets, "survey")
    if survey is None:
        raise FormInvalid(str(path), "the workbook has no 'survey' sheet")
    choices = _find_sheet(sheets, "choices")
    settings = _settings(_find_sheet(sheets, "settings"))
    lists, list_languages, problems = _choice_lists(str(path), choices)
    reader = _SurveyReader(str(path), lists)
    reader.read(survey)
    languages = tuple(dict.fromkeys([*reader.languages, *list_languages]))
    chosen, language_problem = resolve_language(
        language, languages, default=settings.get("default_language", "")
    )
    if language_problem:
        problems.append(Problem("language", str(path), language_problem))
    return Form(
        path=str(path),
        title=settings.get("form_title") or path.stem,
        questions=tuple(reader.questions),
        languages=languages,
        language=chosen,
        other_fields=tuple(reader.other_fields),
        problems=(*problems, *reader.problems),
    )


def resolve_language(
    requested: str, available: tuple[str, ...], *, default: str = ""
) -> tuple[str, str]:
    """The label language matching `requested` ('French', 'fr', 'French (fr)'), and a problem
    text when there is none and another language is used instead."""
    wanted = requested.strip().casefold()
    wanted_code = language_code(requested)
    for matches in (
        lambda lang: lang.casefold() == wanted,
        lambda lang: bool(wanted_code) and language_code(lang) == wanted_code,
        lambda lang: bool(wanted) and lang.casefold().startswith(wanted),
    ):
        found = next((lang for lang in available if matches(lang)), None)
        if found is not None:
            return found, ""
    fallback = default if default in available else (available[0] if available else "")
    if not any(available) or requested.strip() == "":
        return fallback, ""  # only a plain `label` column: nothing else to choose from
    shown = fallback or "the plain 'label' column"
    return fallback, f"the form has no labels in '{requested}'; labels are shown in {shown}"


def is_dont_know(name: str, labels: Mapping[str, str]) -> bool:
    """True for "don't know", "prefer not to say" and similar non-answers."""
    if re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_") in _DONT_KNOW_NAMES:
        return True
    texts = (label.casefold().replace("’", "'") for label in labels.values())
    return any(marker in text for text in texts for marker in _DONT_KNOW_LABELS)


def _find_sheet(sheets: dict[str, SheetRows], name: str) -> SheetRows | None:
    return next((rows for title, rows in sheets.items() if title.strip().casefold() == name), None)


def _header(rows: SheetRows) -> tuple[_Columns, SheetRows]:
    for position, (_, cells) in enumerate(rows):
        if any(cells):
            columns = _Columns(index={})
            for i, cell in enumerate(cells):
                label = _LABEL_COLUMN.fullmatch(cell.strip())
                if label:
                    columns.labels[(label.group(1) or "").strip()] = i
                elif cell:
                    columns.index.setdefault(cell.strip().casefold().replace(" ", "_"), i)
            return columns, rows[position + 1 :]
    return _Columns(index={}), []


def _settings(rows: SheetRows | None) -> dict[str, str]:
    if not rows:
        return {}
    columns, body = _header(rows)
    return {name: columns.get(body[0][1], name) for name in columns.index} if body else {}


def _choice_lists(
    path: str, rows: SheetRows | None
) -> tuple[dict[str, tuple[Choice, ...]], list[str], list[Problem]]:
    if rows is None:
        return {}, [], []
    columns, body = _header(rows)
    problems: list[Problem] = []
    if "list_name" not in columns.index or "name" not in columns.index:
        missing = "list_name" if "list_name" not in columns.index else "name"
        problems.append(
            Problem("form", path, f"the choices sheet has no '{missing}' column", sheet="choices")
        )
        return {}, list(columns.labels), problems
    lists: dict[str, list[Choice]] = {}
    names: dict[str, set[str]] = {}  # the choice names of each list, for duplicates
    for number, cells in body:
        list_name, name = columns.get(cells, "list_name"), columns.get(cells, "name")
        if not list_name and not name:
            continue
        if not name or not list_name:
            problems.append(
                Problem(
                    "form", path, "choice without a list name or a name", "choices", "", (number,)
                )
            )
            continue
        labels = columns.label_texts(cells)
        if name in names.setdefault(list_name, set()):
            message = f"choice '{name}' appears twice in list '{list_name}'; the first is used"
            problems.append(Problem("form", path, message, "choices", "name", (number,)))
            continue
        excluded = columns.get(cells, "exclude").casefold() in _TRUE or is_dont_know(name, labels)
        names[list_name].add(name)
        lists.setdefault(list_name, []).append(
            Choice(name, labels, excluded, columns.get(cells, "limesurvey_code"))
        )
    return {key: tuple(value) for key, value in lists.items()}, list(columns.labels), problems


class _SurveyReader:
    """Walks the survey sheet, keeping the stack of open groups and repeats."""

    def __init__(self, path: str, lists: dict[str, tuple[Choice, ...]]) -> None:
        self.path = path
        self.lists = lists
        self.questions: list[Question] = []
        self.other_fields: list[str] = []
        self.problems: list[Problem] = []
        self.languages: list[str] = []
        self._groups: list[tuple[str, str, bool]] = []  # (name, relevant, is a repeat)
        self._names: set[str] = set()

    def read(self, rows: SheetRows) -> None:
        columns, body = _header(rows)
        for required in ("type", "name"):
            if required not in columns.index:
                raise FormInvalid(
                    self.path, f"the survey sheet has no '{required}' column", sheet="survey"
                )
        self.languages = list(columns.labels)
        for number, cells in body:
            self._row(number, cells, columns)

    def _problem(self, number: int, column: str, message: str) -> None:
        self.problems.append(Problem("form", self.path, message, "survey", column, (number,)))

    def _row(self, number: int, cells: list[str], columns: _Columns) -> None:
        type_text = " ".join(columns.get(cells, "type").split())
        name = columns.get(cells, "name")
        relevant = columns.get(cells, "relevant")
        kind = type_text.casefold().replace("_", " ")
        if kind in ("begin group", "begin repeat"):
            self._groups.append((name, relevant, kind == "begin repeat"))
        elif kind in ("end group", "end repeat"):
            if self._groups:
                self._groups.pop()
        elif type_text:
            if not name:
                self._problem(number, "name", f"a '{type_text}' field has no name; it is skipped")
            elif name in self._names:
                self._problem(number, "name", f"name '{name}' is used twice; the first is used")
            else:
                self._names.add(name)
                self._field(number, type_text, name, relevant, cells, columns)

    def _field(
        self,
        number: int,
        type_text: str,
        name: str,
        relevant: str,
        cells: list[str],
        cols: _Columns,
    ) -> None:
        kind, list_name, or_other = _question_kind(type_text)
        if any(is_repeat for _, _, is_repeat in self._groups):
            self.other_fields.append(name)
            if kind is not None:
                self._problem(number, "type", f"'{name}' is inside a repeat; it is not analysed")
            return
        if kind is None:
            self.other_fields.append(name)
            if type_text.split()[0].casefold() not in _NOT_ANALYSED:
                self._problem(number, "type", f"unknown type '{type_text}'; '{name}' not analysed")
            return
        choices: tuple[Choice, ...] = ()
        if list_name:
            if list_name not in self.lists:
                message = f"choice list '{list_name}' is not on the choices sheet; '{name}' skipped"
                self._problem(number, "type", message)
                self.other_fields.append(name)
                return
            choices = self.lists[list_name]
            if or_other and all(choice.name != "other" for choice in choices):
                choices = (*choices, Choice("other", {"": "Other"}))
        conditions = tuple(cond for _, cond, _ in self._groups if cond)
        self.questions.append(
            Question(
                name=name,
                kind=kind,
                labels=cols.label_texts(cells),
                choices=choices,
                list_name=list_name,
                relevant=relevant,
                groups=tuple(group for group, _, _ in self._groups if group),
                conditions=(*conditions, relevant) if relevant else conditions,
                gcm=cols.get(cells, "gcm").casefold(),
                limesurvey_code=cols.get(cells, "limesurvey_code"),
                row=number,
            )
        )


def _question_kind(type_text: str) -> tuple[QuestionKind | None, str, bool]:
    """(kind, choice list name, or_other) of a type cell; kind None when it is not analysed."""
    select = _SELECT.fullmatch(type_text)
    if select and not type_text.casefold().startswith("select_one_from_file"):
        kind: QuestionKind = (
            "select_one" if select.group(1).casefold() == "one" else "select_multiple"
        )
        return kind, select.group(2), select.group(3) is not None
    word = type_text.split()[0].casefold()
    if word in _NUMBER_TYPES:
        return _NUMBER_TYPES[word], "", False
    if word == "text":
        return "text", "", False
    return None, "", False
