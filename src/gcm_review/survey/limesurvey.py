"""Map the columns of a LimeSurvey CSV export ("Export responses" -> CSV) onto the form.

Supported coding (export with "Question code" headings and "Answer codes" or "Full answers"):

* A question's LimeSurvey code is the `limesurvey_code` cell of its row on the XLSForm survey
  sheet, or else its name with everything but letters and digits removed (LimeSurvey codes allow
  only those), compared without regard to case: name `stakeholder_group` -> code
  `stakeholdergroup`.
* A subquestion of an array (LimeSurvey's grid, e.g. one row per guiding principle) is one
  select_one question in the form whose `limesurvey_code` is `ARRAY[SUBCODE]`, e.g. `GP[SQ001]`.
* A multiple-choice question (select_multiple) has one column per option, `CODE[ANSWER]`, where
  ANSWER is the choice's `limesurvey_code` on the choices sheet or its name reduced to letters and
  digits; `Y` (or `Yes`, `1`) means selected, an empty cell or `N` not selected. `CODE[other]` and
  `CODE[comment]` columns hold free text and are left aside.
* A single-choice answer is the choice's answer code (`limesurvey_code` or name), or its label in
  any language of the form when the export has full answers.
* `id` identifies a response (duplicates); `token`, `submitdate`, `lastpage`, `startlanguage`,
  `seed`, `startdate`, `datestamp`, `ipaddr`, `refurl` and timing columns are metadata.
* Headings with question text instead of codes are matched to the form's labels, and
  `Question text [Option text]` to the option of a multiple-choice question.
"""

from __future__ import annotations

import re

from gcm_review.survey.columns import (
    ColumnCollector,
    ColumnMap,
    find_weight_column,
    label_index,
    normalise,
    split_code,
)
from gcm_review.survey.records import Choice, Form, Question
from gcm_review.survey.tables import RawTable

LIMESURVEY_META = frozenset(
    [
        "id",
        "token",
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "startdate",
        "datestamp",
        "ipaddr",
        "refurl",
        "interviewtime",
    ]
)
_TIMING = re.compile(r".*time\d*", re.IGNORECASE)
_FREE_TEXT_SUBCODES = re.compile(r".*comment|other", re.IGNORECASE)
_TEXT_WITH_OPTION = re.compile(r"(.+?)\s*\[([^\[\]]+)\]")


def limesurvey_code(question: Question) -> str:
    """The LimeSurvey code of a question: its limesurvey_code, else its name in letters/digits."""
    return question.limesurvey_code or re.sub(r"[^A-Za-z0-9]", "", question.name)


def answer_code(choice: Choice) -> str:
    """The LimeSurvey answer code of a choice: its limesurvey_code, else its name."""
    return choice.limesurvey_code or re.sub(r"[^A-Za-z0-9]", "", choice.name)


def looks_like_limesurvey(header: tuple[str, ...]) -> bool:
    """True when the headers are those of a LimeSurvey export (its metadata or CODE[SUB])."""
    lowered = {name.strip().casefold() for name in header}
    if {"submitdate", "lastpage", "startlanguage"} & lowered:
        return True
    coded = sum(1 for name in header if split_code(name) is not None)
    return coded > 0 and not any("/" in name for name in header)


def map_limesurvey_columns(table: RawTable, form: Form, *, weights: str | None) -> ColumnMap:
    """Which column holds which question (and option), the id and weight columns, problems."""
    codes = {limesurvey_code(question).casefold(): question for question in form.questions}
    labels = label_index(form)
    collector = ColumnCollector(table)
    weight = find_weight_column(table.header, weights)
    lowered = [name.strip().casefold() for name in table.header]
    uuid = lowered.index("id") if "id" in lowered else None
    extra: dict[str, int] = {}
    for column, header in enumerate(table.header):
        if column in (weight, uuid) or not header:
            continue
        if _add_match(collector, column, header, codes, labels):
            continue
        if not _is_known_other(header, codes, form):
            extra.setdefault(header, column)
            collector.unknown(column, "this column is not a question of the form; not analysed")
    return ColumnMap(
        source="limesurvey",
        questions=collector.sources(),
        uuid=uuid,
        uuid_header=table.header[uuid] if uuid is not None else "",
        weight=weight,
        extra=extra,
        problems=tuple(collector.problems),
    )


def _add_match(
    collector: ColumnCollector,
    column: int,
    header: str,
    codes: dict[str, Question],
    labels: dict[str, Question],
) -> bool:
    text = header.strip()
    question = codes.get(text.casefold()) or labels.get(normalise(text))
    if question is not None:
        collector.add_main(question.name, column)
        return True
    parts = split_code(text) or _split_text_heading(text)
    if parts is None:
        return False
    owner = codes.get(parts[0].strip().casefold()) or labels.get(normalise(parts[0]))
    if owner is None or owner.kind != "select_multiple":
        return False
    choice = _option(owner, parts[1])
    if choice is None:
        return False
    collector.add_option(owner.name, choice, column)
    return True


def _split_text_heading(text: str) -> tuple[str, str] | None:
    match = _TEXT_WITH_OPTION.fullmatch(text)
    return (match.group(1), match.group(2)) if match else None


def _option(question: Question, subcode: str) -> str | None:
    wanted = subcode.strip().casefold()
    loose = normalise(subcode)
    for choice in question.choices:
        if wanted in (answer_code(choice).casefold(), choice.name.casefold()):
            return choice.name
        if loose in {normalise(label) for label in choice.labels.values()}:
            return choice.name
    return None


def _is_known_other(header: str, codes: dict[str, Question], form: Form) -> bool:
    text = header.strip()
    if text.casefold() in LIMESURVEY_META or _TIMING.fullmatch(text):
        return True
    parts = split_code(text)
    if parts is not None and parts[0].casefold() in codes:
        return _FREE_TEXT_SUBCODES.fullmatch(parts[1]) is not None
    return text in form.other_fields
