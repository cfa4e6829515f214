"""analyse_survey: read form and export, code the answers, apply skip logic, count, GCM view."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from gcm_review.frameworks import Framework
from gcm_review.survey.analysis import (
    Grouping,
    categorical_rows,
    grouping_by_choices,
    grouping_by_values,
    numeric_summaries,
    whole_sample,
)
from gcm_review.survey.coding import BoolArray, CodedSurvey, ObjectArray, code_responses
from gcm_review.survey.columns import ColumnMap
from gcm_review.survey.errors import (
    ByVariableMissing,
    SurveyError,
    TooManyGroups,
    WeightColumnMissing,
)
from gcm_review.survey.gcm_view import build_gcm_view, participation_questions
from gcm_review.survey.kobo import map_kobo_columns
from gcm_review.survey.limesurvey import looks_like_limesurvey, map_limesurvey_columns
from gcm_review.survey.records import (
    BLANK,
    CrossTab,
    Form,
    NumericSummary,
    ResultRow,
    SurveyResult,
    TextAnswers,
    special_label,
)
from gcm_review.survey.skips import answered_not_asked, asked_masks
from gcm_review.survey.tables import RawTable, read_data_table
from gcm_review.survey.xlsform import read_form

SOURCES = ("auto", "kobo", "limesurvey")
MAX_GROUPS = 100  # values of a --by variable: each is a column of every table (memory: n x groups)


def analyse_survey(
    form_path: Path,
    data_path: Path,
    *,
    weights: str | None = None,
    by: Sequence[str] = (),
    language: str = "English",
    source: str = "auto",
    framework: Framework | None = None,
) -> SurveyResult:
    """Analyse a KoboToolbox/ODK or LimeSurvey export against its XLSForm.

    `weights` names a data column of weights; `by` lists questions (or data columns) to
    disaggregate by; labels are shown in `language`; `source` is auto, kobo or limesurvey;
    the principles and objectives are those of `framework` (the GCM unless another is given).
    """
    if source not in SOURCES:
        raise SurveyError(
            str(data_path), f"unknown export kind '{source}'", hint="use auto, kobo or limesurvey"
        )
    form = read_form(form_path, language=language)
    table = read_data_table(data_path)
    columns = _map_columns(table, form, weights=weights, source=source)
    if weights is not None and columns.weight is None:
        raise WeightColumnMissing(
            str(data_path), f"there is no weight column '{weights}' in the data", sheet=table.sheet
        )
    coded = code_responses(table, columns, form, weights=weights)
    asked, relevant_problems = asked_masks(coded, form)
    stray = answered_not_asked(coded, asked, path=str(data_path), sheet=table.sheet)
    by_groupings = {g.variable: g for g in (_grouping(coded, name, data_path) for name in by)}
    groupings = [whole_sample(coded.size), *by_groupings.values()]
    weighted = coded.weighted  # False when every weight is 0 (reported as a problem)
    rows, numeric, texts = _analyse(coded, asked, groupings, weighted=weighted)
    rows_by_question: dict[str, list[ResultRow]] = {}
    for row in rows:
        rows_by_question.setdefault(row.question, []).append(row)
    participation = _participation(form, coded, asked, groupings, weighted=weighted)
    return SurveyResult(
        form=form,
        data_path=str(data_path),
        source=columns.source,
        respondents=coded.size,
        duplicates_removed=coded.duplicates_removed,
        weights=weights if weighted else None,
        by=tuple(by_groupings),
        rows=tuple(rows),
        numeric=tuple(numeric),
        texts=tuple(texts),
        group_labels={g.variable: _value_labels(form, g) for g in groupings[1:]},
        gcm=build_gcm_view(
            form,
            lambda name: rows_by_question.get(name, []),
            participation,
            weighted=weighted,
            framework=framework,
        ),
        problems=(
            *form.problems,
            *table.problems,
            *columns.problems,
            *coded.problems,
            *relevant_problems,
            *stray,
        ),
    )


def _map_columns(table: RawTable, form: Form, *, weights: str | None, source: str) -> ColumnMap:
    if source == "limesurvey" or (source == "auto" and looks_like_limesurvey(table.header)):
        return map_limesurvey_columns(table, form, weights=weights)
    return map_kobo_columns(table, form, weights=weights)


def _grouping(coded: CodedSurvey, name: str, data_path: Path) -> Grouping:
    if name not in coded.questions and name not in coded.extra:
        last = name.replace(".", "/").rsplit("/", 1)[-1]  # a Kobo header such as group/name
        name = last if last in coded.questions else name
    question = coded.questions.get(name)
    if question is not None:
        if question.selected is not None:
            return grouping_by_choices(question)
        texts = question.texts
        assert texts is not None
        _check_groups(name, texts, data_path)
        return grouping_by_values(name, texts, numeric=question.numbers is not None)
    if name in coded.extra:
        _check_groups(name, coded.extra[name], data_path)
        return grouping_by_values(name, coded.extra[name])
    raise ByVariableMissing(
        str(data_path), f"'{name}' is neither a question of the form found in the data nor a column"
    )


def _check_groups(name: str, texts: ObjectArray, data_path: Path) -> None:
    values = len(set(texts))
    if values > MAX_GROUPS:
        raise TooManyGroups(
            str(data_path),
            f"'{name}' has {values:,} different values: too many to disaggregate by "
            f"(at most {MAX_GROUPS})",
        )


def _analyse(
    coded: CodedSurvey,
    asked: dict[str, BoolArray],
    groupings: Sequence[Grouping],
    *,
    weighted: bool,
) -> tuple[list[ResultRow], list[NumericSummary], list[TextAnswers]]:
    rows: list[ResultRow] = []
    numeric: list[NumericSummary] = []
    texts: list[TextAnswers] = []
    for name, question in coded.questions.items():
        crossed = [g for g in groupings if g.variable != name]
        if question.selected is not None:
            rows.extend(
                categorical_rows(question, asked[name], coded.weights, crossed, weighted=weighted)
            )
        elif question.numbers is not None:
            numeric.extend(
                numeric_summaries(question, asked[name], coded.weights, crossed, weighted=weighted)
            )
        elif question.texts is not None:
            given = np.nonzero(asked[name] & (question.texts != ""))[0]
            answers = tuple((int(coded.row_numbers[i]), str(question.texts[i])) for i in given)
            texts.append(TextAnswers(name, answers))
    return rows, numeric, texts


def _participation(
    form: Form,
    coded: CodedSurvey,
    asked: dict[str, BoolArray],
    groupings: Sequence[Grouping],
    *,
    weighted: bool,
) -> CrossTab | None:
    pair = participation_questions(form)
    if pair is None:
        return None
    participation, group = (coded.questions.get(q.name) for q in pair)
    if participation is None or group is None or group.selected is None:
        return None
    grouping = next((g for g in groupings if g.variable == group.question.name), None)
    rows = categorical_rows(
        participation,
        asked[participation.question.name],
        coded.weights,
        [groupings[0], grouping or grouping_by_choices(group)],
        weighted=weighted,
    )
    return CrossTab(participation.question.name, group.question.name, tuple(rows))


def _value_labels(form: Form, grouping: Grouping) -> dict[str, str]:
    question = form.question(grouping.variable)
    labels = {}
    for value in grouping.values:
        choice = question.choice(value) if question else None
        if choice is not None:
            labels[value] = choice.label(form.language)
        elif value == BLANK:
            labels[value] = special_label(BLANK, form.language)
        else:
            labels[value] = value
    return labels
