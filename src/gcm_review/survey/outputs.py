"""Write the survey outputs: survey_results.csv, the workbook, problems, charts, an HTML page.

CSV files are UTF-8 with a byte-order mark, so Excel shows Arabic and French text correctly.
Numbers in survey_results.csv are written in full (no rounding) so that they can be checked
against an independent computation; the workbook and the report round them for reading.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from gcm_review.report.chart_model import BarChart
from gcm_review.report.png_charts import render_png
from gcm_review.report.svg_charts import render_svg
from gcm_review.survey.charts import survey_charts
from gcm_review.survey.errors import SurveyOutputError
from gcm_review.survey.records import ResultRow, SurveyResult
from gcm_review.survey.section import survey_html_page
from gcm_review.survey.workbook import write_results_xlsx

RESULT_COLUMNS = (
    "question",
    "option",
    "group",
    "group_value",
    "n",
    "total",
    "percent",
    "ci_low",
    "ci_high",
)
PROBLEM_COLUMNS = ("kind", "file", "sheet", "column", "rows", "message")
NUMERIC_COLUMNS = ("question", "group", "group_value", "n", "mean", "median", "min", "max", "blank")


def number_text(value: float | None, *, whole: bool = False) -> str:
    """A number in full for CSV: '' for None, no '.0' for whole counts."""
    if value is None:
        return ""
    if whole and float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def result_cells(row: ResultRow, *, weighted: bool) -> list[str]:
    """The cells of one survey_results.csv line."""
    return [
        row.question,
        row.option,
        row.group,
        row.group_value,
        number_text(row.n, whole=not weighted),
        number_text(row.total, whole=not weighted),
        number_text(row.percent),
        number_text(row.ci_low),
        number_text(row.ci_high),
    ]


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    """A UTF-8 (with BOM) CSV file."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_results_csv(result: SurveyResult, path: Path) -> Path:
    """survey_results.csv: one line per question, option, group and group value."""
    rows = (result_cells(row, weighted=result.weighted) for row in result.rows)
    return write_csv(path, RESULT_COLUMNS, rows)


def write_problems_csv(result: SurveyResult, path: Path) -> Path:
    """survey_problems.csv: every problem found, with its sheet, column and rows."""
    rows = (
        [p.kind, p.file, p.sheet, p.column, " ".join(str(r) for r in p.rows), p.message]
        for p in result.problems
    )
    return write_csv(path, PROBLEM_COLUMNS, rows)


def write_numeric_csv(result: SurveyResult, path: Path) -> Path:
    """survey_numbers.csv: count, mean, median and range of each number question by group."""
    rows = (
        [
            s.question,
            s.group,
            s.group_value,
            number_text(s.n, whole=not result.weighted),
            number_text(s.mean),
            number_text(s.median),
            number_text(s.minimum),
            number_text(s.maximum),
            number_text(s.blank, whole=not result.weighted),
        ]
        for s in result.numeric
    )
    return write_csv(path, NUMERIC_COLUMNS, rows)


def render_charts(charts: Sequence[BarChart]) -> tuple[dict[str, str], dict[str, bytes]]:
    """Each chart as SVG text and as PNG bytes, by chart name."""
    svgs = {chart.name: render_svg(chart) for chart in charts}
    pngs = {chart.name: render_png(chart) for chart in charts}
    return svgs, pngs


def write_survey_outputs(result: SurveyResult, out_dir: Path) -> list[Path]:
    """Write every survey output into out_dir (created if needed); return the files written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        written = [
            write_results_csv(result, out_dir / "survey_results.csv"),
            write_problems_csv(result, out_dir / "survey_problems.csv"),
        ]
        if result.numeric:
            written.append(write_numeric_csv(result, out_dir / "survey_numbers.csv"))
        written.append(write_results_xlsx(result, out_dir / "survey_results.xlsx"))
        charts = survey_charts(result)
        svgs, pngs = render_charts(charts)
        chart_dir = out_dir / "charts"
        chart_dir.mkdir(exist_ok=True)
        for chart in charts:
            svg_path, png_path = chart_dir / f"{chart.name}.svg", chart_dir / f"{chart.name}.png"
            svg_path.write_text(svgs[chart.name], encoding="utf-8")
            png_path.write_bytes(pngs[chart.name])
            written += [svg_path, png_path]
        page = out_dir / "survey_report.html"
        page.write_text(survey_html_page(result, charts_svg=svgs), encoding="utf-8")
        written.append(page)
    except OSError as exc:
        raise SurveyOutputError(
            str(out_dir), f"cannot write the survey outputs ({exc.strerror or exc})"
        ) from exc
    return written
