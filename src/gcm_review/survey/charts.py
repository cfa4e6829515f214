"""The survey's charts as chart models: GCM view charts, then one bar chart per question."""

from __future__ import annotations

import re

from gcm_review.frameworks.labels import capital
from gcm_review.report.chart_model import Bar, BarChart
from gcm_review.survey.gcm_view import is_neither
from gcm_review.survey.records import ResultRow, SurveyResult

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")


def chart_name(question: str) -> str:
    """A file-safe chart name for a question: survey-q-NAME."""
    return "survey-q-" + (_UNSAFE_NAME.sub("-", question).strip("-") or "question")


def _bar(label: str, row: ResultRow) -> Bar:
    return Bar(
        label=label,
        value=row.percent if row.percent is not None else 0.0,
        low=row.ci_low,
        high=row.ci_high,
    )


def survey_charts(result: SurveyResult) -> list[BarChart]:
    """The GCM charts (principles, objectives, participation), then one chart per question."""
    charts = [*_gcm_charts(result)]
    used = {chart.name for chart in charts}
    for question in result.questions:
        rows = [r for r in result.rows_of(question.name, group="") if r.kind == "answer"]
        if not rows:
            continue
        name = chart_name(question.name)
        while name in used:
            name += "-"
        used.add(name)
        title = question.label(result.form.language)
        if question.kind == "select_multiple":
            title += " (several answers possible)"
        bars = tuple(_bar(result.form.option_label(question.name, r.option), r) for r in rows)
        charts.append(BarChart(name, title, bars, unit="%", max_value=100.0))
    return charts


def _gcm_charts(result: SurveyResult) -> list[BarChart]:
    view = result.gcm
    charts = []
    if view.principles:
        ordered = sorted(view.principles, key=lambda s: -(s.row.percent or 0.0))
        charts.append(
            BarChart(
                "survey-principles",
                f"{capital(view.wording.principles)}: share saying application needs further "
                "improvement",
                tuple(_bar(share.title, share.row) for share in ordered),
                unit="%",
                max_value=100.0,
            )
        )
    if view.objectives:
        charts.append(
            BarChart(
                "survey-objectives",
                f"Priority {view.wording.labels}: share of respondents choosing each",
                tuple(
                    _bar(f"{p.objective}. {p.title}" if p.objective else p.title, p.row)
                    for p in view.objectives
                ),
                unit="%",
                max_value=100.0,
            )
        )
    participation = participation_chart(result)
    if participation is not None:
        charts.append(participation)
    return charts


def participation_chart(result: SurveyResult) -> BarChart | None:
    """Share who took part in neither consultation, overall and by stakeholder group."""
    table = result.gcm.participation
    if table is None:
        return None
    neither = next(
        (row.option for row in table.rows if row.kind == "answer" and is_neither(row.option)),
        None,
    )
    if neither is None:
        return None
    bars = tuple(
        _bar(result.group_value_label(row.group, row.group_value), row)
        for row in table.rows
        if row.option == neither and row.total > 0
    )
    label = result.form.option_label(table.question, neither)
    return BarChart(
        "survey-participation",
        f"Consultations: share answering '{label}', by stakeholder group",
        bars,
        unit="%",
        max_value=100.0,
    )
