"""The files written for analysts: CSV, workbook, charts, HTML and Word sections."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import docx
import openpyxl
import pytest
from PIL import Image

from gcm_review.report import document as d
from gcm_review.report.docx_render import DocxContext, add_section
from gcm_review.report.html_render import render_blocks
from gcm_review.survey import SurveyResult, analyse_survey, survey_section, write_survey_outputs
from gcm_review.survey.charts import survey_charts
from gcm_review.survey.outputs import RESULT_COLUMNS
from gcm_review.survey.workbook import sheet_titles
from survey.builders import KOBO_HEADER, KOBO_ROWS, small_form, write_csv


@pytest.fixture
def result(tmp_path: Path) -> SurveyResult:
    rows = [list(r) for r in KOBO_ROWS]
    rows[1][6] = "<script>alert('x')</script> =1+1"
    rows[2][2] = "maybe"
    data = write_csv(tmp_path / "data.csv", [KOBO_HEADER, *rows])
    return analyse_survey(small_form(tmp_path / "form.xlsx"), data, by=["group"])


def read_results(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_results_csv(result: SurveyResult, tmp_path: Path) -> None:
    written = write_survey_outputs(result, tmp_path / "out")
    path = tmp_path / "out" / "survey_results.csv"
    assert path in written
    lines = read_results(path)
    assert tuple(lines[0]) == RESULT_COLUMNS
    yes = next(
        r for r in lines if (r["question"], r["option"], r["group"]) == ("took_part", "yes", "")
    )
    # yes a, d, f; no b; c 'maybe' (invalid) and e blank left out.
    assert (yes["group_value"], yes["n"], yes["total"], yes["percent"]) == ("", "3", "4", "75.0")
    assert float(yes["ci_low"]) == pytest.approx(30.064184, abs=1e-6)
    by_group = [r for r in lines if r["group"] == "group" and r["question"] == "topics"]
    assert {r["group_value"] for r in by_group} == {"gov", "cso"}
    assert len(lines) == len(result.rows)


def test_workbook_has_one_sheet_per_question(result: SurveyResult, tmp_path: Path) -> None:
    write_survey_outputs(result, tmp_path / "out")
    workbook = openpyxl.load_workbook(tmp_path / "out" / "survey_results.xlsx")
    assert workbook.sheetnames == [
        "Contents",
        "GCM view",
        "Problems",
        "group",
        "took_part",
        "useful",
        "topics",
        "years",
        "change",
    ]
    change = [row for row in workbook["change"].iter_rows(values_only=True) if row[0] == 3]
    assert change[0][1] == "<script>alert('x')</script> =1+1"
    problems = [row[5] for row in workbook["Problems"].iter_rows(min_row=2, values_only=True)]
    assert any("'maybe'" in str(message) for message in problems)
    took_part = list(workbook["took_part"].iter_rows(values_only=True))
    header = next(row for row in took_part if row and row[0] == "Group")
    assert header[:5] == ("Group", "Group value", "Option", "Option label", "n")
    assert any(row[2] == "yes" and row[6] == 75.0 for row in took_part)


def test_sheet_titles_are_safe_short_and_unique() -> None:
    names = ["a" * 40, "a" * 40, "what/should:change?", "contents", "History", ""]
    titles = sheet_titles(names)
    assert all(len(title) <= 31 for title in titles)
    assert len({title.casefold() for title in titles}) == len(titles)
    assert titles[0] == "a" * 31 and titles[1] == "a" * 29 + "~2"
    assert titles[2] == "what_should_change_"
    assert titles[3] == "contents~2"  # "Contents" is the first sheet
    assert titles[4] == "History~2"  # Excel reserves History
    assert titles[5] == "Question 6"


def test_charts_have_intervals_and_files(result: SurveyResult, tmp_path: Path) -> None:
    charts = {chart.name: chart for chart in survey_charts(result)}
    took_part = charts["survey-q-took_part"]
    assert took_part.unit == "%"
    assert [(b.label, b.value) for b in took_part.bars] == [("Yes", 75.0), ("No", 25.0)]
    assert took_part.bars[0].low == pytest.approx(30.064184, abs=1e-6)
    written = write_survey_outputs(result, tmp_path / "out")
    png = tmp_path / "out" / "charts" / "survey-q-took_part.png"
    svg = tmp_path / "out" / "charts" / "survey-q-took_part.svg"
    assert png in written and svg in written
    assert png.read_bytes().startswith(b"\x89PNG")
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_html_section_escapes_everything(result: SurveyResult) -> None:
    section = survey_section(result)
    html = render_blocks(section.blocks)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<svg" in html  # charts inline
    assert "75.0%" in html and "30.1–95.4" in html
    # Left-out answers of took_part are shown: c's 'maybe', e's blank, no "don't know".
    assert "Don&#39;t know: 0; No answer: 1; Value not in the form: 1." in html
    assert "&#39;maybe&#39; is not a choice" in html
    assert (section.anchor, section.title) == ("survey", "Stakeholder survey")


def test_html_page_is_written(result: SurveyResult, tmp_path: Path) -> None:
    write_survey_outputs(result, tmp_path / "out")
    page = (tmp_path / "out" / "survey_report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "http" not in page.split("<body>")[0]


def test_docx_section(result: SurveyResult) -> None:
    document = docx.Document()
    charts = {"survey-q-took_part": write_png_placeholder()}
    add_section(document, survey_section(result), DocxContext(charts=charts))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Stakeholder survey"
    assert "Took part?" in headings and "Results by question" in headings
    assert len(document.inline_shapes) == 0  # per-question charts are in the HTML only
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "75.0%" in cells


def write_png_placeholder() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_survey_section_is_built_once_for_both_media(result: SurveyResult) -> None:
    section = survey_section(result)
    headings = [b for b in section.blocks if isinstance(b, d.Heading)]
    took_part = next(h for h in headings if h.text == "Took part?")
    assert (took_part.anchor, took_part.dir, took_part.only) == ("survey-q-took_part", "auto", None)
    figures = [b for b in section.blocks if isinstance(b, d.Figure)]
    assert figures and all(f.only == "html" and f.chart is not None for f in figures)
    tables = {
        medium: [b.header for b in d.for_medium(section.blocks, medium) if isinstance(b, d.Table)]
        for medium in ("html", "docx")
    }
    assert ("Answer", "n", "Share", "95% CI") in tables["html"]
    assert ("Answer", "n", "Of", "Share", "95% CI") in tables["docx"]


def test_workbook_cells_keep_text_styles_and_links(result: SurveyResult, tmp_path: Path) -> None:
    write_survey_outputs(result, tmp_path / "out")
    workbook = openpyxl.load_workbook(tmp_path / "out" / "survey_results.xlsx")
    contents = workbook["Contents"]
    assert contents["A1"].font.b and contents.column_dimensions["C"].width == 60
    link = next(row[0] for row in contents.iter_rows() if row[0].value == "took_part")
    assert link.hyperlink is not None and link.hyperlink.target == "#'took_part'!A1"
    change = next(row for row in workbook["change"].iter_rows() if row[0].value == 3)
    assert change[1].data_type == "s"  # '<script>... =1+1' stays text
    took_part = workbook["took_part"]
    share = next(row for row in took_part.iter_rows() if row[2].value == "yes")
    assert share[6].number_format == "0.0"
