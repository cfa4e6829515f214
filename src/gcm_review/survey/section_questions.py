"""The survey annex's results by question and its list of problems, as report blocks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from gcm_review.report import document as d
from gcm_review.report.chart_model import BarChart
from gcm_review.survey.charts import chart_name
from gcm_review.survey.records import Question, ResultRow, SurveyResult
from gcm_review.survey.section_text import count_text, interval_text, percent_text

SHOWN_PROBLEMS = 50
SHOWN_TEXTS = 10


def questions_part(result: SurveyResult, charts: Mapping[str, BarChart]) -> list[d.Block]:
    """ "Results by question", then each question that has results."""
    blocks: list[d.Block] = [d.Heading("Results by question", 2, "survey-questions")]
    for question in result.questions:
        if result.has_results(question.name):
            blocks += _question(result, question, charts)
    return blocks


def _question(
    result: SurveyResult, question: Question, charts: Mapping[str, BarChart]
) -> list[d.Block]:
    label = question.label(result.form.language)
    name = chart_name(question.name)
    note = f"{question.name} ({question.kind})"
    if question.conditions:
        note += "; asked only when " + " and ".join(question.conditions)
    if question.kind == "select_multiple":
        note += "; several answers possible, so shares may add up to more than 100%"
    blocks: list[d.Block] = [d.Heading(label, 3, name, dir="auto"), d.Note(note, only="html")]
    if result.rows_of(question.name):
        if name in charts:  # the Word annex shows only the GCM charts
            blocks.append(d.Figure(name, label, charts[name], only="html"))
        blocks += _select_tables(result, question)
    if result.rows_of(question.name, group=""):
        blocks += _docx_select_table(result, question)
    blocks += _numbers(result, question)
    blocks += _texts(result, question)
    return blocks


def _select_tables(result: SurveyResult, question: Question) -> list[d.Block]:
    rows = result.rows_of(question.name)
    whole = [r for r in rows if r.group == ""]
    answers = [r for r in whole if r.kind == "answer"]
    table_rows = tuple(
        (
            result.form.option_label(question.name, r.option),
            count_text(r.n),
            percent_text(r.percent),
            interval_text(r.ci_low, r.ci_high),
        )
        for r in answers
    )
    total = count_text(answers[0].total) if answers else "0"
    left_out = "; ".join(
        f"{result.form.option_label(question.name, r.option)}: {count_text(r.n)}"
        for r in whole
        if r.kind != "answer"
    )
    blocks: list[d.Block] = [
        d.Table(("Answer", "n", "Share", "95% CI"), table_rows, only="html"),
        d.Note(f"Answered: {total}. Left out of the shares: {left_out}.", only="html"),
    ]
    for group in result.by:
        grouped = [r for r in rows if r.group == group]
        if grouped:
            table = crosstab(result, question.name, grouped)
            summary = f"By {result.group_label(group)}"
            blocks.append(d.Details(summary, (table,), only="html"))
    return blocks


def _docx_select_table(result: SurveyResult, question: Question) -> list[d.Block]:
    rows = tuple(
        (
            result.form.option_label(question.name, r.option),
            count_text(r.n),
            count_text(r.total),
            percent_text(r.percent),
            interval_text(r.ci_low, r.ci_high),
        )
        for r in result.rows_of(question.name, group="")
    )
    header = ("Answer", "n", "Of", "Share", "95% CI")
    widths = (7.6, 2.0, 2.0, 2.0, 2.4)
    blocks: list[d.Block] = [d.Table(header, rows, widths=widths, only="docx")]
    if question.kind == "select_multiple":
        several = "Several answers possible: shares may add up to more than 100%."
        blocks.append(d.Note(several, only="docx"))
    return blocks


def _numbers(result: SurveyResult, question: Question) -> list[d.Block]:
    """A table by group (HTML); a sentence on the whole sample (Word)."""
    summaries = result.numeric_of(question.name)
    rows = tuple(
        (
            result.group_value_label(s.group, s.group_value),
            count_text(s.n),
            "–" if s.mean is None else f"{s.mean:.1f}",
            "–" if s.median is None else f"{s.median:g}",
            "–" if s.minimum is None else f"{s.minimum:g}–{s.maximum:g}",
            count_text(s.blank),
        )
        for s in summaries
    )
    header = ("Group", "n", "Mean", "Median", "Range", "No answer")
    blocks: list[d.Block] = [d.Table(header, rows, only="html")] if summaries else []
    for s in (s for s in summaries if s.group == ""):
        mean = "–" if s.mean is None else f"{s.mean:.1f}"
        median = "–" if s.median is None else f"{s.median:g}"
        sentence = (
            f"n = {count_text(s.n)}, mean {mean}, median {median}, no answer {count_text(s.blank)}."
        )
        blocks.append(d.Note(sentence, only="docx"))
    return blocks


def _texts(result: SurveyResult, question: Question) -> list[d.Block]:
    """The first written answers (HTML); how many there are (Word)."""
    found = result.texts_of(question.name)
    blocks: list[d.Block] = []
    if found:
        answers = found[0].answers
        shown = answers[:SHOWN_TEXTS]
        more = len(answers) - len(shown)
        tail = (
            f" The first {len(shown)} are shown; all are in survey_results.xlsx."
            if more > 0
            else ""
        )
        blocks.append(d.Note(f"{len(answers)} written answers.{tail}", only="html"))
        if shown:
            items = tuple(d.text(answer, dir="auto") for _, answer in shown)
            blocks.append(d.BulletList(items, only="html"))
    for texts in found:
        count = f"{len(texts.answers)} written answers (all in survey_results.xlsx)."
        blocks.append(d.Note(count, only="docx"))
    return blocks


def problems_part(result: SurveyResult) -> list[d.Block]:
    """The problems found in the form and the data (the first SHOWN_PROBLEMS)."""
    heading = "Problems found in the form and the data"
    if not result.problems:
        return [
            d.Heading("Problems found", 2, "survey-problems", only="html"),
            d.Heading(heading, 2, only="docx"),
            d.text("None."),
        ]
    shown = result.problems[:SHOWN_PROBLEMS]
    more = len(result.problems) - len(shown)
    went_on = f"The analysis went on; {len(result.problems)} problem(s):"
    blocks: list[d.Block] = [
        d.Heading(heading, 2, "survey-problems"),
        d.Note(went_on, only="html"),
        d.bullets(problem.one_line() for problem in shown),
    ]
    if more > 0:
        blocks.append(d.Note(f"{more} more in survey_problems.csv."))
    return blocks


def crosstab(result: SurveyResult, question: str, rows: Sequence[ResultRow]) -> d.Table:
    """Groups down, options across: 'percent (n)' of those who answered in the group (HTML)."""
    options = list(dict.fromkeys(r.option for r in rows if r.kind == "answer"))
    others = list(dict.fromkeys(r.option for r in rows if r.kind != "answer"))
    header = (
        "Group",
        *(result.form.option_label(question, o) for o in options),
        "Answered",
        *(result.form.option_label(question, o) for o in others),
    )
    keyed = {(r.group, r.group_value, r.option): r for r in rows}
    table_rows = []
    for group, value in dict.fromkeys((r.group, r.group_value) for r in rows):
        cells = [result.group_value_label(group, value)]
        first = keyed.get((group, value, options[0])) if options else None
        for option in options:
            row = keyed[(group, value, option)]
            cells.append(f"{percent_text(row.percent)} ({count_text(row.n)})")
        cells.append(count_text(first.total) if first else "0")
        cells += [count_text(keyed[(group, value, option)].n) for option in others]
        table_rows.append(tuple(cells))
    return d.Table(header, tuple(table_rows), only="html")
