"""The survey section of the Word report: headings, the GCM tables, per-question tables, charts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from docx.document import Document

from gcm_review.report.docx_blocks import (
    add_grid_table,
    add_heading,
    add_note,
    add_picture,
    add_text,
)
from gcm_review.survey.charts import chart_name, participation_chart
from gcm_review.survey.records import ResultRow, SurveyResult
from gcm_review.survey.section import (
    SHOWN_PROBLEMS,
    SURVEY_HEADING,
    about_text,
    count_text,
    interval_text,
    percent_text,
)


def survey_docx_section(
    document: Document, result: SurveyResult, charts_png: Mapping[str, bytes]
) -> None:
    """Add the survey section; charts are taken from charts_png by chart name when present."""
    add_heading(document, SURVEY_HEADING, 1)
    add_note(document, about_text(result))
    _gcm(document, result, charts_png)
    add_heading(document, "Results by question", 2)
    for question in result.questions:
        if result.has_results(question.name):
            _question(document, result, question.name, charts_png)
    _problems(document, result)


def _picture(document: Document, charts_png: Mapping[str, bytes], name: str, caption: str) -> None:
    if name in charts_png:
        add_picture(document, charts_png[name], caption)


def _gcm(document: Document, result: SurveyResult, charts_png: Mapping[str, bytes]) -> None:
    view = result.gcm
    if not (view.principles or view.objectives or view.participation):
        return
    add_heading(document, "The Global Compact in the survey", 2)
    for sentence in view.summary:
        add_text(document, sentence, style="List Bullet")
    if view.principles:
        add_heading(document, "Guiding principles: application needs further improvement", 3)
        _picture(
            document,
            charts_png,
            "survey-principles",
            "Share saying application needs further improvement, with 95% intervals",
        )
        rows = [
            [
                s.title,
                percent_text(s.row.percent),
                interval_text(s.row.ci_low, s.row.ci_high),
                count_text(s.row.total),
                count_text(s.excluded),
                count_text(s.blank),
            ]
            for s in view.principles
        ]
        add_grid_table(
            document,
            [
                "Guiding principle",
                "Needs improvement",
                "95% CI",
                "Answered",
                "Don't know",
                "No answer",
            ],
            rows,
            widths=[5.5, 2.2, 2.4, 2.0, 2.0, 1.9],
        )
    if view.objectives:
        add_heading(document, "Priority objectives", 3)
        _picture(
            document,
            charts_png,
            "survey-objectives",
            "Share of respondents choosing each objective as a priority, with 95% intervals",
        )
        rows = [
            [
                str(p.rank),
                f"{p.objective}. {p.title}" if p.objective else p.title,
                percent_text(p.row.percent),
                interval_text(p.row.ci_low, p.row.ci_high),
                count_text(p.row.n),
            ]
            for p in view.objectives
        ]
        add_grid_table(
            document,
            ["Rank", "Objective", "Chosen by", "95% CI", "n"],
            rows,
            widths=[1.2, 8.6, 2.2, 2.4, 1.6],
        )
    if view.participation is not None:
        add_heading(document, "Participation in the consultations, by stakeholder group", 3)
        chart = participation_chart(result)
        if chart is not None:
            _picture(document, charts_png, chart.name, chart.title)
        _crosstab(document, result, view.participation.question, view.participation.rows)


def _crosstab(
    document: Document, result: SurveyResult, question: str, rows: Sequence[ResultRow]
) -> None:
    options = list(dict.fromkeys(r.option for r in rows if r.kind == "answer"))
    groups = list(dict.fromkeys((r.group, r.group_value) for r in rows))
    keyed = {(r.group, r.group_value, r.option): r for r in rows}
    header = ["Group", *(result.form.option_label(question, o) for o in options)]
    table = [
        [
            result.group_value_label(g, v),
            *(
                f"{percent_text(keyed[(g, v, o)].percent)} ({count_text(keyed[(g, v, o)].n)})"
                for o in options
            ),
        ]
        for g, v in groups
    ]
    first = 4.0
    rest = (16.0 - first) / max(len(options), 1)
    add_grid_table(document, header, table, widths=[first, *([rest] * len(options))], font_size=8)


def _question(
    document: Document, result: SurveyResult, name: str, charts_png: Mapping[str, bytes]
) -> None:
    question = result.form.question(name)
    assert question is not None
    add_heading(document, question.label(result.form.language), 3)
    rows = result.rows_of(name, group="")
    if rows:
        _picture(document, charts_png, chart_name(name), question.label(result.form.language))
        table = [
            [
                result.form.option_label(name, r.option),
                count_text(r.n),
                count_text(r.total),
                percent_text(r.percent),
                interval_text(r.ci_low, r.ci_high),
            ]
            for r in rows
        ]
        add_grid_table(
            document,
            ["Answer", "n", "Of", "Share", "95% CI"],
            table,
            widths=[7.6, 2.0, 2.0, 2.0, 2.4],
        )
        if question.kind == "select_multiple":
            add_note(document, "Several answers possible: shares may add up to more than 100%.")
    for s in (s for s in result.numeric if s.question == name and s.group == ""):
        mean = "–" if s.mean is None else f"{s.mean:.1f}"
        median = "–" if s.median is None else f"{s.median:g}"
        add_note(
            document,
            f"n = {count_text(s.n)}, mean {mean}, median {median}, "
            f"no answer {count_text(s.blank)}.",
        )
    for texts in (t for t in result.texts if t.question == name):
        add_note(document, f"{len(texts.answers)} written answers (all in survey_results.xlsx).")


def _problems(document: Document, result: SurveyResult) -> None:
    add_heading(document, "Problems found in the form and the data", 2)
    if not result.problems:
        add_text(document, "None.")
        return
    for problem in result.problems[:SHOWN_PROBLEMS]:
        add_text(document, problem.one_line(), style="List Bullet")
    more = len(result.problems) - SHOWN_PROBLEMS
    if more > 0:
        add_note(document, f"{more} more in survey_problems.csv.")
