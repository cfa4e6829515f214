"""LimeSurvey CSV exports: question codes, CODE[SUB] option columns, answer codes, full answers."""

from __future__ import annotations

import csv
from pathlib import Path

from gcm_review.survey import analyse_survey
from gcm_review.survey.limesurvey import looks_like_limesurvey
from gcm_review.survey.records import SurveyResult
from survey.builders import small_form, write_xlsform


def write_limesurvey(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL).writerows(rows)
    return path


HEADER = [
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "group",
    "tookpart",
    "useful",
    "topics[data]",
    "topics[work]",
    "topics[health]",
    "years",
    "change",
    "interviewtime",
]


def shares(result: SurveyResult, question: str) -> dict[str, tuple[float, float]]:
    return {
        r.option: (r.n, r.total) for r in result.rows_of(question, group="") if r.kind == "answer"
    }


def test_codes_from_names_and_y_columns(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "2025-03-01 10:00:00", "3", "en", "gov", "yes", "very", "Y", "Y", "", "5", "", "120"],
        ["2", "2025-03-01 11:00:00", "3", "fr", "cso", "no", "", "", "Y", "", "", "Non", "99"],
        ["3", "2025-03-01 12:00:00", "3", "ar", "gov", "dontknow", "", "", "", "", "12", "", "80"],
        ["3", "2025-03-01 12:00:00", "3", "ar", "gov", "dontknow", "", "", "", "", "12", "", "80"],
    ]
    data = write_limesurvey(tmp_path / "results-survey123.csv", rows)
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data)
    assert result.source == "limesurvey"
    assert (result.respondents, result.duplicates_removed) == (3, 1)
    assert shares(result, "took_part") == {"yes": (1, 2), "no": (1, 2)}
    assert shares(result, "topics") == {"data": (1, 2), "work": (2, 2), "health": (0, 2)}
    assert shares(result, "useful") == {"very": (1, 1), "little": (0, 1)}
    assert [p.kind for p in result.problems] == ["duplicate"]


def test_explicit_codes_arrays_and_full_answers(tmp_path: Path) -> None:
    survey = [
        ("type", "name", "label::English", "limesurvey_code"),
        ("select_one app", "p_people", "People-centred", "GP[SQ001]"),
        ("select_one app", "p_society", "Whole-of-society", "GP[SQ002]"),
        ("select_multiple obj", "priorities", "Priorities", "prio"),
    ]
    choices = [
        ("list_name", "name", "label::English", "limesurvey_code"),
        ("app", "well", "Well applied", "A1"),
        ("app", "improve", "Needs further improvement", "A3"),
        ("app", "dont_know", "Don't know", "DK"),
        ("obj", "obj1", "Data", "SQ001"),
        ("obj", "obj2", "Drivers", "SQ002"),
    ]
    form = write_xlsform(tmp_path / "form.xlsx", survey, choices)
    rows = [
        ["id", "submitdate", "GP[SQ001]", "GP[SQ002]", "prio[SQ001]", "prio[SQ002]", "prio[other]"],
        ["1", "x", "A3", "Needs further improvement", "Y", "", "more jobs"],
        ["2", "x", "A1", "A3", "Y", "Y", ""],
        ["3", "x", "DK", "", "", "Y", ""],
    ]
    result = analyse_survey(form, write_limesurvey(tmp_path / "export.csv", rows))
    assert shares(result, "p_people") == {"well": (1, 2), "improve": (1, 2)}
    assert shares(result, "p_society") == {"well": (0, 2), "improve": (2, 2)}
    assert shares(result, "priorities") == {"obj1": (2, 3), "obj2": (2, 3)}
    assert not result.problems


def test_detection_of_limesurvey_headers() -> None:
    assert looks_like_limesurvey(("id", "submitdate", "lastpage", "Q1"))
    assert looks_like_limesurvey(("id", "Q1", "Q2[SQ001]"))
    assert not looks_like_limesurvey(("_uuid", "group/q1", "q2"))
