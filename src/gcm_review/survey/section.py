"""The survey annex of the report as a Section: about, the GCM view, results by question, problems.

Built once as blocks (report/document.py) and drawn by the report's HTML and Word renderers.
Where the Word annex says less than the HTML one (fewer columns, no per-question charts),
the blocks say so with `only`. Figures carry their chart; the renderers draw it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from gcm_review.frameworks.labels import capital
from gcm_review.report import document as d
from gcm_review.report.chart_model import BarChart
from gcm_review.report.html_render import chart_drawer, environment
from gcm_review.survey.charts import participation_chart, survey_charts
from gcm_review.survey.records import ResultRow, SurveyResult
from gcm_review.survey.section_questions import crosstab, problems_part, questions_part
from gcm_review.survey.section_text import (
    about_text,
    count_text,
    interval_text,
    percent_text,
)

SURVEY_ANCHOR = "survey"
SURVEY_HEADING = "Stakeholder survey"
_CSS = Path(__file__).parents[1] / "report" / "assets" / "survey.css"
Charts = Mapping[str, BarChart]


def survey_section(result: SurveyResult) -> d.Section:
    """The survey annex of the report."""
    charts = {chart.name: chart for chart in survey_charts(result)}
    blocks = (
        d.Note(about_text(result)),
        *_gcm_part(result, charts),
        *questions_part(result, charts),
        *problems_part(result),
    )
    return d.Section(SURVEY_ANCHOR, SURVEY_HEADING, blocks)


def survey_html_page(result: SurveyResult, *, charts_svg: Mapping[str, str] | None = None) -> str:
    """A standalone HTML page holding the survey annex (written by write_survey_outputs)."""
    template = environment().get_template("survey_page.html.j2")
    return template.render(
        title=f"{SURVEY_HEADING}: {result.form.title}",
        css=_CSS.read_text(encoding="utf-8").strip(),
        section=survey_section(result),
        draw=chart_drawer(charts_svg),
    )


def _figure(charts: Charts, name: str, caption: str) -> list[d.Block]:
    return [d.Figure(name, caption, charts[name])] if name in charts else []


def _gcm_part(result: SurveyResult, charts: Charts) -> list[d.Block]:
    view = result.gcm
    if not (view.principles or view.objectives or view.participation):
        return []
    heading = f"The {view.wording.name} in the survey"
    blocks: list[d.Block] = [d.Heading(heading, 2, "survey-gcm")]
    if view.summary:
        blocks.append(d.bullets(view.summary))
    if view.principles:
        blocks += _principles(result, charts)
    if view.objectives:
        blocks += _objectives(result, charts)
    if view.participation is not None:
        blocks.append(d.Heading("Participation in the consultations, by stakeholder group", 3))
        chart = participation_chart(result)
        if chart is not None:
            blocks += _figure(charts, chart.name, chart.title)
        question, rows = view.participation.question, view.participation.rows
        blocks += [crosstab(result, question, rows), _docx_crosstab(result, question, rows)]
    return blocks


def _principles(result: SurveyResult, charts: Charts) -> list[d.Block]:
    shares = result.gcm.principles
    words = result.gcm.wording
    caption = "Share saying application needs further improvement, with 95% intervals"
    rows = [
        (
            s.title,
            percent_text(s.row.percent),
            interval_text(s.row.ci_low, s.row.ci_high),
            count_text(s.row.n),
            count_text(s.row.total),
            count_text(s.excluded),
            count_text(s.blank),
        )
        for s in shares
    ]
    html = d.Table(
        (capital(words.principle), "Needs further improvement", "95% CI", "n", "Answered")
        + ("Don't know", "No answer"),
        tuple(rows),
        only="html",
    )
    word = d.Table(
        (capital(words.principle), "Needs improvement", "95% CI", "Answered", "Don't know")
        + ("No answer",),
        tuple((*row[:3], *row[4:]) for row in rows),
        widths=(5.5, 2.2, 2.4, 2.0, 2.0, 1.9),
        only="docx",
    )
    title = f"{capital(words.principles)}: application needs further improvement"
    heading = d.Heading(title, 3)
    return [heading, *_figure(charts, "survey-principles", caption), html, word]


def _objectives(result: SurveyResult, charts: Charts) -> list[d.Block]:
    words = result.gcm.wording
    caption = f"Share of respondents choosing each {words.label} as a priority, with 95% intervals"
    rows = tuple(
        (
            str(p.rank),
            f"{p.objective}. {p.title}" if p.objective else p.title,
            percent_text(p.row.percent),
            interval_text(p.row.ci_low, p.row.ci_high),
            count_text(p.row.n),
        )
        for p in result.gcm.objectives
    )
    table = d.Table(
        ("Rank", capital(words.label), "Chosen by", "95% CI", "n"),
        rows,
        numeric_from=2,
        widths=(1.2, 8.6, 2.2, 2.4, 1.6),
    )
    heading = d.Heading(f"Priority {words.labels}", 3)
    return [heading, *_figure(charts, "survey-objectives", caption), table]


def _docx_crosstab(result: SurveyResult, question: str, rows: Sequence[ResultRow]) -> d.Table:
    """The Word cross-table: shares only, in a small font."""
    options = list(dict.fromkeys(r.option for r in rows if r.kind == "answer"))
    keyed = {(r.group, r.group_value, r.option): r for r in rows}
    table = tuple(
        (
            result.group_value_label(g, v),
            *(
                f"{percent_text(keyed[(g, v, o)].percent)} ({count_text(keyed[(g, v, o)].n)})"
                for o in options
            ),
        )
        for g, v in dict.fromkeys((r.group, r.group_value) for r in rows)
    )
    first = 4.0
    rest = (16.0 - first) / max(len(options), 1)
    return d.Table(
        ("Group", *(result.form.option_label(question, o) for o in options)),
        table,
        widths=(first, *([rest] * len(options))),
        font_size=8,
        only="docx",
    )
