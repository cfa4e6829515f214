"""The survey section of the report as safe HTML: the GCM view, results by question, problems.

Every text from the form or the data goes through html.escape; charts are inline SVG made by the
report's renderer. The fragment starts at <h3>: the report gives it its <h2> heading.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path

from gcm_review.report.svg_charts import render_svg
from gcm_review.survey.charts import chart_name, participation_chart, survey_charts
from gcm_review.survey.records import Question, ResultRow, SurveyResult

SURVEY_ANCHOR = "survey"
SURVEY_HEADING = "Stakeholder survey"
SHOWN_PROBLEMS = 50
SHOWN_TEXTS = 10
_PAGE_STYLE = (
    "body{font-family:system-ui,'Noto Sans','Noto Naskh Arabic',sans-serif;max-width:60rem;"
    "margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:.5rem 0}"
    "th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}"
    "td.num{text-align:right;white-space:nowrap}"
    ".note{color:#555;font-size:.9em}svg{max-width:100%;height:auto}"
)


def percent_text(value: float | None) -> str:
    """'72.3%' or '–' when there is no share."""
    return "–" if value is None else f"{value:.1f}%"


def interval_text(low: float | None, high: float | None) -> str:
    """'65.1–78.4' (percent) or '–'."""
    return "–" if low is None or high is None else f"{low:.1f}–{high:.1f}"


def count_text(value: float) -> str:
    """A count: whole numbers without decimals, sums of weights with one."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def about_text(result: SurveyResult) -> str:
    """One plain sentence on what was analysed and how shares are computed."""
    weights = (
        f"weighted by '{result.weights}' (intervals use Kish's effective sample size)"
        if result.weighted
        else "unweighted"
    )
    return (
        f"{result.respondents} responses to '{result.form.title}' "
        f"({Path(result.data_path).name}, {result.source} export), "
        f"{result.duplicates_removed} duplicate submission(s) removed; {weights}. "
        'Shares are of those who answered: "don\'t know", blank answers and those not asked '
        "are left out and shown separately. Intervals are 95% Wilson intervals."
    )


def survey_report_section(result: SurveyResult) -> tuple[str, str, str]:
    """(anchor id, heading, HTML) as the report's extra_sections expects."""
    return SURVEY_ANCHOR, SURVEY_HEADING, survey_html_section(result)


def survey_html_section(
    result: SurveyResult, *, charts_svg: Mapping[str, str] | None = None
) -> str:
    """The survey section as a safe HTML fragment (charts rendered here unless given)."""
    svgs = charts_svg if charts_svg is not None else _render(result)
    parts = [f'<p class="note">{escape(about_text(result))}</p>']
    parts += _gcm_part(result, svgs)
    parts.append('<h3 id="survey-questions">Results by question</h3>')
    for question in result.questions:
        if result.has_results(question.name):
            parts += _question_part(result, question, svgs)
    parts += _problems_part(result)
    return "\n".join(parts)


def survey_html_page(result: SurveyResult, *, charts_svg: Mapping[str, str] | None = None) -> str:
    """A standalone HTML page holding the survey section (written by write_survey_outputs)."""
    title = escape(f"{SURVEY_HEADING}: {result.form.title}")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        f"<style>{_PAGE_STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
        f"{survey_html_section(result, charts_svg=charts_svg)}\n</body>\n</html>\n"
    )


def _render(result: SurveyResult) -> dict[str, str]:
    return {chart.name: render_svg(chart) for chart in survey_charts(result)}


def _figure(svgs: Mapping[str, str], name: str) -> list[str]:
    return [f'<figure class="chart">{svgs[name]}</figure>'] if name in svgs else []


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric_from: int = 1) -> str:
    head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{escape(cell)}</td>'
            if i >= numeric_from
            else f'<td dir="auto">{escape(cell)}</td>'
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _gcm_part(result: SurveyResult, svgs: Mapping[str, str]) -> list[str]:
    view = result.gcm
    if not (view.principles or view.objectives or view.participation):
        return []
    parts = ['<h3 id="survey-gcm">The Global Compact in the survey</h3>']
    if view.summary:
        parts.append("<ul>" + "".join(f"<li>{escape(s)}</li>" for s in view.summary) + "</ul>")
    if view.principles:
        parts.append("<h4>Guiding principles: application needs further improvement</h4>")
        parts += _figure(svgs, "survey-principles")
        rows = [
            [
                s.title,
                percent_text(s.row.percent),
                interval_text(s.row.ci_low, s.row.ci_high),
                count_text(s.row.n),
                count_text(s.row.total),
                count_text(s.excluded),
                count_text(s.blank),
            ]
            for s in view.principles
        ]
        header = [
            "Guiding principle",
            "Needs further improvement",
            "95% CI",
            "n",
            "Answered",
            "Don't know",
            "No answer",
        ]
        parts.append(_table(header, rows))
    if view.objectives:
        parts.append("<h4>Priority objectives</h4>")
        parts += _figure(svgs, "survey-objectives")
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
        parts.append(_table(["Rank", "Objective", "Chosen by", "95% CI", "n"], rows, 2))
    if view.participation is not None:
        parts.append("<h4>Participation in the consultations, by stakeholder group</h4>")
        chart = participation_chart(result)
        if chart is not None:
            parts += _figure(svgs, chart.name)
        parts.append(_crosstab(result, view.participation.question, view.participation.rows))
    return parts


def _crosstab(result: SurveyResult, question: str, rows: Sequence[ResultRow]) -> str:
    """Groups down, options across: 'percent (n)' of those who answered in the group."""
    options = list(dict.fromkeys(r.option for r in rows if r.kind == "answer"))
    others = list(dict.fromkeys(r.option for r in rows if r.kind != "answer"))
    header = [
        "Group",
        *(result.form.option_label(question, o) for o in options),
        "Answered",
        *(result.form.option_label(question, o) for o in others),
    ]
    keyed = {(r.group, r.group_value, r.option): r for r in rows}
    groups = list(dict.fromkeys((r.group, r.group_value) for r in rows))
    table_rows = []
    for group, value in groups:
        cells = [result.group_value_label(group, value)]
        first = keyed.get((group, value, options[0])) if options else None
        for option in options:
            row = keyed[(group, value, option)]
            cells.append(f"{percent_text(row.percent)} ({count_text(row.n)})")
        cells.append(count_text(first.total) if first else "0")
        cells += [count_text(keyed[(group, value, option)].n) for option in others]
        table_rows.append(cells)
    return _table(header, table_rows)


def _question_part(result: SurveyResult, question: Question, svgs: Mapping[str, str]) -> list[str]:
    language = result.form.language
    name = chart_name(question.name)
    parts = [f'<h4 id="{escape(name)}" dir="auto">{escape(question.label(language))}</h4>']
    note = f"{question.name} ({question.kind})"
    if question.conditions:
        note += "; asked only when " + " and ".join(question.conditions)
    if question.kind == "select_multiple":
        note += "; several answers possible, so shares may add up to more than 100%"
    parts.append(f'<p class="note">{escape(note)}</p>')
    rows = result.rows_of(question.name)
    if rows:
        parts += _figure(svgs, name)
        parts += _select_tables(result, question, rows)
    parts += _numeric_table(result, question)
    parts += _text_list(result, question)
    return parts


def _select_tables(
    result: SurveyResult, question: Question, rows: Sequence[ResultRow]
) -> list[str]:
    whole = [r for r in rows if r.group == ""]
    answers = [r for r in whole if r.kind == "answer"]
    table_rows = [
        [
            result.form.option_label(question.name, r.option),
            count_text(r.n),
            percent_text(r.percent),
            interval_text(r.ci_low, r.ci_high),
        ]
        for r in answers
    ]
    total = count_text(answers[0].total) if answers else "0"
    parts = [
        _table(["Answer", "n", "Share", "95% CI"], table_rows),
        f'<p class="note">Answered: {escape(total)}. Left out of the shares: '
        + escape(
            "; ".join(
                f"{result.form.option_label(question.name, r.option)}: {count_text(r.n)}"
                for r in whole
                if r.kind != "answer"
            )
        )
        + ".</p>",
    ]
    for group in result.by:
        grouped = [r for r in rows if r.group == group]
        if grouped:
            summary = escape(f"By {result.group_label(group)}")
            parts.append(
                f"<details><summary>{summary}</summary>"
                f"{_crosstab(result, question.name, grouped)}</details>"
            )
    return parts


def _numeric_table(result: SurveyResult, question: Question) -> list[str]:
    summaries = [s for s in result.numeric if s.question == question.name]
    if not summaries:
        return []
    rows = [
        [
            result.group_value_label(s.group, s.group_value),
            count_text(s.n),
            "–" if s.mean is None else f"{s.mean:.1f}",
            "–" if s.median is None else f"{s.median:g}",
            "–" if s.minimum is None else f"{s.minimum:g}–{s.maximum:g}",
            count_text(s.blank),
        ]
        for s in summaries
    ]
    return [_table(["Group", "n", "Mean", "Median", "Range", "No answer"], rows)]


def _text_list(result: SurveyResult, question: Question) -> list[str]:
    texts = next((t for t in result.texts if t.question == question.name), None)
    if texts is None:
        return []
    shown = texts.answers[:SHOWN_TEXTS]
    items = "".join(f'<li dir="auto">{escape(text)}</li>' for _, text in shown)
    more = len(texts.answers) - len(shown)
    tail = f" The first {len(shown)} are shown; all are in survey_results.xlsx." if more > 0 else ""
    return [
        f'<p class="note">{len(texts.answers)} written answers.{escape(tail)}</p>',
        f"<ul>{items}</ul>" if items else "",
    ]


def _problems_part(result: SurveyResult) -> list[str]:
    if not result.problems:
        return ['<h3 id="survey-problems">Problems found</h3><p>None.</p>']
    shown = result.problems[:SHOWN_PROBLEMS]
    items = "".join(f"<li>{escape(p.one_line())}</li>" for p in shown)
    more = len(result.problems) - len(shown)
    tail = f'<p class="note">{more} more in survey_problems.csv.</p>' if more > 0 else ""
    return [
        '<h3 id="survey-problems">Problems found in the form and the data</h3>',
        f'<p class="note">The analysis went on; {len(result.problems)} problem(s):</p>',
        f"<ul>{items}</ul>{tail}",
    ]
