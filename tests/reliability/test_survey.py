"""Issue 13, survey: damaged exports are never analysed silently, and nothing is unbounded.

Each case starts from the fictional sample export (152 responses, 2 of them duplicates) and
damages it the way the issue found: a stray quote, rows cut short, impossible weights, all
weights 0, a `relevant` nested 1,000 deep; and a free-text-heavy export for the workbook.
"""

from __future__ import annotations

import collections
import csv
import time
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from typer.testing import CliRunner

from gcm_review.cli import app
from gcm_review.samples import sample_survey_dir
from gcm_review.survey import analyse_survey, write_survey_outputs
from survey.builders import write_csv, write_xlsform

pytestmark = pytest.mark.reliability
runner = CliRunner()
FORM = sample_survey_dir() / "gcm-stakeholder-survey-form.xlsx"
EXPORT = sample_survey_dir() / "gcm-stakeholder-survey-export.csv"


def _lines() -> list[str]:
    return EXPORT.read_text(encoding="utf-8-sig").splitlines(keepends=True)


def _survey(data: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(app, ["survey", str(FORM), str(data), "--out", str(out), *extra])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def _problems(out: Path) -> list[dict[str, str]]:
    with (out / "survey_problems.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _percents(out: Path) -> list[str]:
    with (out / "survey_results.csv").open(encoding="utf-8-sig", newline="") as handle:
        return [row["percent"] for row in csv.DictReader(handle)]


def test_the_sample_export_loses_nothing(tmp_path: Path) -> None:
    code, output = _survey(EXPORT, tmp_path / "out", "--weights", "weight")
    assert code == 0, output
    assert "150 response(s) analysed" in output and "responses lost" not in output


def test_a_stray_quote_on_row_3_is_reported_and_the_exit_code_is_1(tmp_path: Path) -> None:
    lines = _lines()
    lines[2] = '"' + lines[2]
    data = tmp_path / "quoted.csv"
    data.write_text("".join(lines), encoding="utf-8")
    code, output = _survey(data, tmp_path / "out")
    assert code == 1
    assert "responses lost" in output and "stray" in output
    damage = [p for p in _problems(tmp_path / "out") if p["kind"] == "quote-damage"]
    assert len(damage) == 1 and damage[0]["rows"] == "3"
    assert "line 3 to line 153" in damage[0]["message"]
    assert (tmp_path / "out" / "survey_results.xlsx").is_file()  # the analysis went on


def test_rows_cut_short_are_reported_and_their_duplicates_still_found(tmp_path: Path) -> None:
    lines = _lines()
    # The last two rows (152, 153) are resubmissions of rows 40 and 41: cut them short after
    # three quarters of their cells, so that their _uuid (a late column) is lost.
    cells = [line.rstrip("\n").split(";") for line in lines]
    cut = [";".join(cells[row][: len(cells[0]) * 3 // 4]) + "\n" for row in (39, 40)]
    shortened = [*lines[:151], *cut]
    shortened[10] = ";".join(cells[10][:20]) + "\n"  # row 11 cut short too
    data = tmp_path / "short.csv"
    data.write_text("".join(shortened), encoding="utf-8")
    code, output = _survey(data, tmp_path / "out")
    assert code == 1, output
    problems = _problems(tmp_path / "out")
    short = next(p for p in problems if p["kind"] == "short-row")
    assert short["rows"] == "11 152 153"
    duplicates = [p for p in problems if p["kind"] == "duplicate"]
    assert any(p["rows"] == "152 153" and "cut short" in p["message"] for p in duplicates)
    assert "150 response(s) analysed" in output  # 152 rows - 2 duplicates; row 11 is kept


@pytest.mark.parametrize("weight", ["1e308", "-2", "inf", "nan"])
def test_an_impossible_weight_is_reported_with_its_row(tmp_path: Path, weight: str) -> None:
    rows = list(csv.reader(_lines(), delimiter=";"))
    column = rows[0].index("weight")
    rows[4][column] = weight  # row 5
    data = write_csv(tmp_path / "weights.csv", rows, delimiter=";")
    code, output = _survey(data, tmp_path / "out", "--weights", "weight")
    assert code == 1, output
    problem = next(p for p in _problems(tmp_path / "out") if p["kind"] == "weight")
    assert problem["rows"] == "5"
    percents = [float(p) for p in _percents(tmp_path / "out") if p]
    assert percents and all(np.isfinite(percents)) and max(percents) > 0.0


def test_all_weights_zero_is_one_problem_and_no_blank_percentages(tmp_path: Path) -> None:
    rows = list(csv.reader(_lines(), delimiter=";"))
    column = rows[0].index("weight")
    for row in rows[1:]:
        row[column] = "0"
    data = write_csv(tmp_path / "zero.csv", rows, delimiter=";")
    code, output = _survey(data, tmp_path / "out", "--weights", "weight")
    assert code == 1, output
    zero = [p for p in _problems(tmp_path / "out") if p["kind"].startswith("weight")]
    assert [p["kind"] for p in zero] == ["weights-zero"]
    with (tmp_path / "out" / "survey_results.csv").open(encoding="utf-8-sig") as handle:
        rows_out = list(csv.DictReader(handle))
    assert all(r["percent"] for r in rows_out if float(r["total"]) > 0)


def test_a_relevant_nested_1000_deep_is_refused_in_one_line(tmp_path: Path) -> None:
    deep = "(" * 1000 + "${q1} = 'yes'" + ")" * 1000
    form = write_xlsform(
        tmp_path / "form.xlsx",
        [
            ("type", "name", "label", "relevant"),
            ("select_one yn", "q1", "Q1", ""),
            ("select_one yn", "q2", "Q2", deep),
        ],
        [("list_name", "name", "label"), ("yn", "yes", "Yes"), ("yn", "no", "No")],
    )
    data = write_csv(tmp_path / "data.csv", [("q1", "q2"), ("yes", "no"), ("no", "")])
    result = runner.invoke(app, ["survey", str(form), str(data), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if "relevant" in line)
    assert "more than 100 levels deep" in line and len(line) < 600


def test_random_relevant_expressions_never_give_a_traceback(tmp_path: Path) -> None:
    tokens = ("${q1}", "'yes'", "(", ")", "and", "or", "not", "selected", ",", "=", "1", "-")
    rng = np.random.default_rng(13)
    survey = [("type", "name", "label", "relevant"), ("select_one yn", "q1", "Q1", "")]
    for i in range(40):
        chosen = rng.integers(0, len(tokens), int(rng.integers(1, 12)))
        survey.append(("select_one yn", f"r{i}", f"R{i}", " ".join(tokens[k] for k in chosen)))
    form = write_xlsform(
        tmp_path / "form.xlsx",
        survey,
        [("list_name", "name", "label"), ("yn", "yes", "Yes"), ("yn", "no", "No")],
    )
    header = ["q1", *(f"r{i}" for i in range(40))]
    data = write_csv(tmp_path / "data.csv", [header, ["yes"] * 41, ["no"] * 41])
    result = analyse_survey(form, data)
    assert result.respondents == 2


def test_the_workbook_is_linear_in_written_answers(tmp_path: Path) -> None:
    form = write_xlsform(
        tmp_path / "form.xlsx",
        [("type", "name", "label"), ("text", "t0", "What should change?")],
    )
    answers = 60_000  # quadratic before issue 13: about 100 s; linear: a few seconds
    rows = [["t0"], *([f"=answer {i}, with more words"] for i in range(answers))]
    result = analyse_survey(form, write_csv(tmp_path / "data.csv", rows))
    start = time.perf_counter()
    write_survey_outputs(result, tmp_path / "out")
    assert time.perf_counter() - start < 40.0
    workbook = openpyxl.load_workbook(tmp_path / "out" / "survey_results.xlsx", read_only=True)
    last = collections.deque(workbook["t0"].iter_rows(values_only=True), maxlen=1)[0]
    assert last == (answers + 1, f"=answer {answers - 1}, with more words")  # text, not formula
    workbook.close()


def test_a_choice_column_full_of_distinct_text_stays_linear(tmp_path: Path) -> None:
    form = write_xlsform(
        tmp_path / "form.xlsx",
        [
            ("type", "name", "label"),
            ("select_one yn", "q1", "Q1"),
            ("select_multiple yn", "q2", "Q2"),
        ],
        [("list_name", "name", "label"), ("yn", "yes", "Yes"), ("yn", "no", "No")],
    )
    responses = 40_000  # one value test per distinct value before: about a minute
    rows = [["q1", "q2"], *([f"free text {i} [/b]", f"yes w{i}"] for i in range(responses))]
    data = write_csv(tmp_path / "data.csv", rows)
    start = time.perf_counter()
    code, output = _survey_with(form, data, tmp_path / "out")
    assert time.perf_counter() - start < 60.0
    assert code == 0, output
    # (the rows cell of the last lines is over the csv module's default field limit)
    lines = (tmp_path / "out" / "survey_problems.csv").read_text(encoding="utf-8-sig")
    unknown = [line for line in lines.splitlines() if line.startswith("unknown-choice,")]
    assert len(unknown) == 2 * 51  # 50 values each, then one line for the others
    assert "[/b]" in output  # shown as written, not read as console markup


def _survey_with(form: Path, data: Path, out: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["survey", str(form), str(data), "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_review_with_a_damaged_survey_says_so_and_exits_1(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GCM_REVIEW_EMBEDDER", "fake.v1")
    report = tmp_path / "jordan.txt"
    report.write_text("1. Jordan\n\n2. The ministry abolished recruitment fees.\n", "utf-8")
    lines = _lines()
    lines[2] = '"' + lines[2]
    data = tmp_path / "quoted.csv"
    data.write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "review", str(report), "--out", str(out), "--database-url", sqlite_url,
            "--survey-form", str(FORM), "--survey-data", str(data),
        ],
    )  # fmt: skip
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == 1
    assert "problem:" in result.output and "stray" in result.output
    assert (out / "report.html").is_file()  # the report was written all the same
