"""Export shapes (Kobo names, labels, 0/1 columns, XLSX, ';') and bad input reported clearly."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from gcm_review.survey import analyse_survey
from gcm_review.survey.coding import MAX_LISTED_VALUES
from gcm_review.survey.errors import (
    ByVariableMissing,
    DataUnreadable,
    FormInvalid,
    FormUnreadable,
    SurveyError,
    SurveyFileNotFound,
    TooManyGroups,
    WeightColumnMissing,
)
from gcm_review.survey.records import INVALID, SurveyResult
from survey.builders import (
    KOBO_HEADER,
    KOBO_ROWS,
    small_export,
    small_form,
    write_csv,
    write_xlsform,
    write_xlsx_data,
)


def shares(result: SurveyResult, question: str) -> dict[str, tuple[float, float]]:
    return {
        r.option: (r.n, r.total) for r in result.rows_of(question, group="") if r.kind == "answer"
    }


EXPECTED_TOPICS = {"data": (3, 5), "work": (2, 5), "health": (2, 5)}
EXPECTED_TOOK_PART = {"yes": (3, 4), "no": (1, 4)}


def test_select_multiple_as_one_zero_columns(tmp_path: Path) -> None:
    header = ["_uuid", "group", "consult/took_part", "topics/data", "topics/work", "topics/health"]
    flags = {
        "data work": "1 1 0",
        "work": "0 1 0",
        "": "  ",
        "data health": "1 0 1",
        "data": "1 0 0",
        "health": "0 0 1",
    }
    rows = [
        [r[0], r[1], r[2], *(flags[str(r[4])].split(" ") if r[4] else ["", "", ""])]
        for r in KOBO_ROWS
    ]
    data = write_csv(tmp_path / "data.csv", [header, *rows])
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data)
    assert shares(result, "topics") == EXPECTED_TOPICS


def test_label_headers_and_label_values(tmp_path: Path) -> None:
    header = [
        "Stakeholder group",
        "Consultations/Took part?",
        "Consultations/How useful?",
        "Topics/Data",
        "Topics/Decent work",
        "Topics/Health",
    ]
    rows = [
        ["Government", "Yes", "Very useful", "1", "1", "0"],
        ["Civil society", "No", "", "0", "1", "0"],
        ["Government", "Don't know", "", "", "", ""],
        ["Civil society", "Yes", "A little", "1", "0", "1"],
        ["Government", "", "", "1", "0", "0"],
        ["Civil society", "Yes", "", "0", "0", "1"],
    ]
    data = write_csv(tmp_path / "labels.csv", [header, *rows])
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data)
    assert shares(result, "topics") == EXPECTED_TOPICS
    assert shares(result, "took_part") == EXPECTED_TOOK_PART
    assert shares(result, "useful") == {"very": (1, 2), "little": (1, 2)}
    assert not [p for p in result.problems if p.kind != "missing-column"]


def test_semicolons_dots_and_french_labels_as_values(tmp_path: Path) -> None:
    header = ["group", "consult.took_part", "topics"]
    rows = [
        ["Gouvernement", "Oui", "data work"],
        ["Société civile", "Non", "work"],
        ["Gouvernement", "Ne sait pas", ""],
        ["Société civile", "Oui", "data health"],
        ["Gouvernement", "", "data"],
        ["Société civile", "Oui", "health"],
    ]
    data = write_csv(tmp_path / "data.csv", [header, *rows], delimiter=";")
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data)
    assert shares(result, "took_part") == EXPECTED_TOOK_PART
    assert shares(result, "topics") == EXPECTED_TOPICS
    assert shares(result, "group") == {"gov": (3, 6), "cso": (3, 6)}


def test_xlsx_export(tmp_path: Path) -> None:
    rows = [KOBO_HEADER, *[[5 if cell == "5" else cell for cell in r] for r in KOBO_ROWS]]
    data = write_xlsx_data(tmp_path / "data.xlsx", rows)
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data, weights="w")
    yes = next(r for r in result.rows if r.question == "took_part" and r.option == "yes")
    assert (yes.n, yes.total) == (4.0, 5.0)
    assert next(s for s in result.numeric if s.group == "").n == pytest.approx(6.0)


def test_duplicates_are_removed_and_reported(tmp_path: Path) -> None:
    rows = [KOBO_HEADER, *KOBO_ROWS, KOBO_ROWS[0], KOBO_ROWS[3]]  # rows 8 and 9 repeat a and d
    data = write_csv(tmp_path / "data.csv", rows)
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data)
    assert (result.respondents, result.duplicates_removed) == (6, 2)
    assert shares(result, "took_part") == EXPECTED_TOOK_PART
    duplicate = next(p for p in result.problems if p.kind == "duplicate")
    assert duplicate.rows == (8, 9)
    assert duplicate.column == "_uuid"
    assert "rows 8, 9" in duplicate.one_line()


def test_unknown_column_and_unknown_choice_are_listed_and_the_rest_goes_on(tmp_path: Path) -> None:
    header = [*KOBO_HEADER, "region"]
    rows = [list(r) + ["north"] for r in KOBO_ROWS]
    rows[2][2] = "maybe"  # row 4: not a choice of list yn
    rows[4][4] = "data xx"  # row 6: 'xx' is not a topic, 'data' still counts
    rows[5][2] = "maybe"  # row 7
    data = write_csv(tmp_path / "data.csv", [header, *rows])
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data, weights="w")
    unknown = next(p for p in result.problems if p.kind == "unknown-column")
    assert unknown.column == "region"
    assert "region" in unknown.one_line() and "not a question of the form" in unknown.one_line()
    choice = next(p for p in result.problems if p.kind == "unknown-choice" and "maybe" in p.message)
    assert (choice.column, choice.rows) == ("consult/took_part", (4, 7))
    assert "list 'yn'" in choice.message
    assert "rows 4, 7" in choice.one_line()
    token = next(p for p in result.problems if p.kind == "unknown-choice" and "'xx'" in p.message)
    assert token.rows == (6,)
    # took_part now: yes a, d; no b; invalid c, f; blank e.
    assert shares(result, "took_part") == {"yes": (2.5, 3.5), "no": (1, 3.5)}
    invalid = next(r for r in result.rows_of("took_part", group="") if r.option == INVALID)
    assert (invalid.n, invalid.kind) == (2.5, "invalid")
    assert shares(result, "topics")["data"] == (3.5, 6.0)  # e's 'data' kept
    assert result.rows_of("group")  # other questions are analysed


def test_answer_given_though_not_asked_is_left_out(tmp_path: Path) -> None:
    rows = [list(r) for r in KOBO_ROWS]
    rows[1][3] = "very"  # row 3: took_part is 'no', so useful was not asked
    data = write_csv(tmp_path / "data.csv", [KOBO_HEADER, *rows])
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data)
    assert shares(result, "useful") == {"very": (1, 2), "little": (1, 2)}
    stray = next(p for p in result.problems if p.kind == "answered-not-asked")
    assert stray.rows == (3,)


def test_unsupported_relevant_is_reported_and_everyone_counted_as_asked(tmp_path: Path) -> None:
    survey = [
        ("type", "name", "label", "relevant"),
        ("select_one yn", "q1", "Q1", ""),
        ("select_one yn", "q2", "Q2", "${q1} + 1 > 2"),
    ]
    form = write_xlsform(
        tmp_path / "form.xlsx",
        survey,
        [("list_name", "name", "label"), ("yn", "yes", "Yes"), ("yn", "no", "No")],
    )
    data = write_csv(tmp_path / "data.csv", [("q1", "q2"), ("yes", "no"), ("no", "")])
    result = analyse_survey(form, data)
    problem = next(p for p in result.problems if p.kind == "relevant")
    assert "'q2'" in problem.message and "+" in problem.message
    assert shares(result, "q2") == {"yes": (0, 1), "no": (1, 1)}


def test_invalid_weights_are_reported_and_count_zero(tmp_path: Path) -> None:
    rows = [list(r) for r in KOBO_ROWS]
    rows[0][7] = "heavy"
    rows[1][7] = "-1"
    data = write_csv(tmp_path / "data.csv", [KOBO_HEADER, *rows])
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data, weights="w")
    problem = next(p for p in result.problems if p.kind == "weight")
    assert problem.rows == (2, 3)
    assert shares(result, "took_part") == {"yes": (2.0, 2.0), "no": (0.0, 2.0)}


def test_broken_form_gives_one_line_naming_the_file(tmp_path: Path) -> None:
    form = tmp_path / "broken-form.xlsx"
    form.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(FormUnreadable) as caught:
        analyse_survey(form, small_export(tmp_path / "data.csv"))
    line = caught.value.one_line()
    assert "broken-form.xlsx" in line and "XLSX" in line
    assert "\n" not in line
    assert isinstance(caught.value, SurveyError)


def test_broken_data_xlsx_and_other_fatal_errors(tmp_path: Path) -> None:
    form = small_form(tmp_path / "form.xlsx")
    data = tmp_path / "export.xlsx"
    data.write_bytes(b"not a workbook at all")
    with pytest.raises(DataUnreadable, match="not a readable XLSX") as caught:
        analyse_survey(form, data)
    assert "export.xlsx" in caught.value.one_line()
    with pytest.raises(SurveyFileNotFound):
        analyse_survey(form, tmp_path / "missing.csv")
    export = small_export(tmp_path / "data.csv")
    with pytest.raises(WeightColumnMissing, match="'weight'"):
        analyse_survey(form, export, weights="weight")
    with pytest.raises(ByVariableMissing, match="'region'"):
        analyse_survey(form, export, by=["region"])
    no_survey = write_xlsform(tmp_path / "no-survey.xlsx", [("type", "name")])
    workbook = openpyxl.load_workbook(no_survey)
    workbook["survey"].title = "questions"
    workbook.save(no_survey)
    with pytest.raises(FormInvalid) as invalid:
        analyse_survey(no_survey, export)
    assert "no 'survey' sheet" in invalid.value.one_line()


def test_form_without_a_name_column_names_sheet_and_column(tmp_path: Path) -> None:
    form = write_xlsform(tmp_path / "form.xlsx", [("type", "label"), ("text", "Q")])
    with pytest.raises(FormInvalid) as caught:
        analyse_survey(form, small_export(tmp_path / "data.csv"))
    assert "sheet 'survey'" in caught.value.one_line()
    assert "'name'" in caught.value.one_line()


def test_by_a_data_column_that_is_not_in_the_form(tmp_path: Path) -> None:
    header = [*KOBO_HEADER, "region"]
    rows = [list(r) + [region] for r, region in zip(KOBO_ROWS, "NNSSN ", strict=True)]
    data = write_csv(tmp_path / "data.csv", [header, *rows])
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data, by=["region"])
    north = [r for r in result.rows_of("took_part", group="region") if r.group_value == "N"]
    # N: a yes, b no, e blank.
    assert {r.option: (r.n, r.total) for r in north if r.kind == "answer"} == {
        "yes": (1, 2),
        "no": (1, 2),
    }
    assert {r.group_value for r in result.rows_of("took_part", group="region")} == {
        "N",
        "S",
        "(blank)",
    }


def test_select_multiple_with_dont_know_and_by_a_grouped_header(tmp_path: Path) -> None:
    survey = [
        ("type", "name", "label"),
        ("select_one who", "who", "Who"),
        ("begin_group", "g", "G"),
        ("select_multiple t", "topics", "Topics"),
        ("end_group", "", ""),
    ]
    choices = [
        ("list_name", "name", "label"),
        ("who", "a", "A"),
        ("who", "b", "B"),
        ("t", "x", "X"),
        ("t", "y", "Y"),
        ("t", "dont_know", "Don't know"),
    ]
    form = write_xlsform(tmp_path / "form.xlsx", survey, choices)
    rows = [("who", "g/topics"), ("a", "x y"), ("a", "dont_know"), ("b", "y"), ("b", "")]
    result = analyse_survey(form, write_csv(tmp_path / "data.csv", rows), by=["g/who", "who"])
    # Substantive answers: rows 2 and 4; row 3 only "don't know", row 5 blank.
    assert shares(result, "topics") == {"x": (1, 2), "y": (2, 2)}
    whole = {r.option: (r.n, r.total, r.kind) for r in result.rows_of("topics", group="")}
    assert whole["dont_know"] == (1, 4, "excluded")
    assert whole["(blank)"] == (1, 4, "blank")
    assert result.by == ("who",)
    by_a = {
        r.option: (r.n, r.total)
        for r in result.rows_of("topics", group="who")
        if r.group_value == "a" and r.kind == "answer"
    }
    assert by_a == {"x": (1, 1), "y": (1, 1)}


def test_truncated_xlsx_form_and_data(tmp_path: Path) -> None:
    whole = small_form(tmp_path / "whole.xlsx").read_bytes()
    form = tmp_path / "truncated.xlsx"
    form.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(FormUnreadable) as caught:
        analyse_survey(form, small_export(tmp_path / "data.csv"))
    assert caught.value.one_line().startswith(f"{form}: not a readable XLSX workbook")
    data = tmp_path / "data.xlsx"
    data.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(DataUnreadable) as data_error:
        analyse_survey(small_form(tmp_path / "form.xlsx"), data)
    assert str(data) in data_error.value.one_line()


@pytest.mark.parametrize("weight", ["1e308", "1e11", "inf", "-inf", "nan"])
def test_impossible_weights_are_left_out_with_their_row(tmp_path: Path, weight: str) -> None:
    rows = [list(r) for r in KOBO_ROWS]
    rows[0][7] = weight  # row 2: took_part yes
    data = write_csv(tmp_path / "data.csv", [KOBO_HEADER, *rows])
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data, weights="w")
    problem = next(p for p in result.problems if p.kind == "weight")
    assert problem.rows == (2,) and problem in result.losses
    # d (0.5) and f (1.5) said yes, b (1) no: as if row 2 were not there.
    assert shares(result, "took_part") == {"yes": (2.0, 3.0), "no": (1.0, 3.0)}
    assert all(r.percent is None or 0 <= r.percent <= 100 for r in result.rows)


def test_all_weights_zero_is_one_problem_and_counts_each_response_once(tmp_path: Path) -> None:
    rows = [[*r[:7], "0"] for r in KOBO_ROWS]
    data = write_csv(tmp_path / "data.csv", [KOBO_HEADER, *rows])
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data, weights="w")
    assert [p.kind for p in result.problems if p.kind.startswith("weight")] == ["weights-zero"]
    assert not result.weighted and result.losses
    assert shares(result, "took_part") == EXPECTED_TOOK_PART
    assert all(r.percent is not None for r in result.rows_of("took_part") if r.total > 0)


def test_rows_cut_short_are_problems_and_their_duplicates_found(tmp_path: Path) -> None:
    header = [*KOBO_HEADER[1:], "_uuid"]  # as in Kobo exports: the uuid comes last
    rows = [[*r[1:], r[0]] for r in KOBO_ROWS]
    cut = ",".join(str(cell) for cell in rows[0][:5])  # row 2 resent and cut before the uuid
    data = write_csv(tmp_path / "data.csv", [header, *rows])
    data.write_text(data.read_text(encoding="utf-8") + cut + "\n", encoding="utf-8")
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data)
    short = next(p for p in result.problems if p.kind == "short-row")
    assert short.rows == (8,) and short in result.losses
    duplicate = next(p for p in result.problems if p.kind == "duplicate")
    assert duplicate.rows == (8,) and "cut short" in duplicate.message
    assert result.respondents == 6 and result.duplicates_removed == 1
    assert shares(result, "took_part") == EXPECTED_TOOK_PART


def test_a_free_text_by_variable_is_refused_in_one_line(tmp_path: Path) -> None:
    rows = [list(KOBO_HEADER)] + [
        [f"u{i}", "gov", "yes", "", "", "", f"text {i}", "1"] for i in range(150)
    ]
    data = write_csv(tmp_path / "data.csv", rows)
    with pytest.raises(TooManyGroups, match="150 different values") as caught:
        analyse_survey(small_form(tmp_path / "form.xlsx"), data, by=["change"])
    assert "\n" not in caught.value.one_line()


def test_many_values_not_in_the_form_are_reported_in_a_bounded_number_of_lines(
    tmp_path: Path,
) -> None:
    rows = [list(KOBO_HEADER)] + [
        [f"u{i}", f"g{i}", "yes", "", f"t{i} data", "", "", "1"] for i in range(400)
    ]
    data = write_csv(tmp_path / "data.csv", rows)
    result = analyse_survey(small_form(tmp_path / "form.xlsx"), data)
    for column, first in (("group", "'g0'"), ("topics", "'t0'")):
        unknown = [p for p in result.problems if p.kind == "unknown-choice" and p.column == column]
        assert len(unknown) == MAX_LISTED_VALUES + 1
        assert unknown[0].rows == (2,) and first in unknown[0].message
        assert "350 other values" in unknown[-1].message and len(unknown[-1].rows) == 350
    assert shares(result, "topics")["data"] == (400, 400)
