"""The survey command: a stakeholder survey's form and export in, shares with intervals out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gcm_review.cli.app import app
from gcm_review.cli.common import err, fail, out, print_problem, shown
from gcm_review.errors import GcmReviewError
from gcm_review.survey import analyse_survey, write_survey_outputs

WeightsOption = Annotated[
    str | None, typer.Option("--weights", help="Data column holding each response's weight.")
]
ByOption = Annotated[
    list[str] | None,
    typer.Option("--by", help="Disaggregate by this question or column (repeatable)."),
]
LanguageOption = Annotated[
    str, typer.Option(help="Label language of the form: English, French or Arabic.")
]


@app.command()
def survey(
    form: Annotated[Path, typer.Argument(help="The XLSForm (survey and choices sheets).")],
    data: Annotated[Path, typer.Argument(help="KoboToolbox (CSV/XLSX) or LimeSurvey CSV export.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the results.")],
    weights: WeightsOption = None,
    by: ByOption = None,
    language: LanguageOption = "English",
    source: Annotated[str, typer.Option(help="auto, kobo or limesurvey.")] = "auto",
) -> None:
    """Analyse a stakeholder survey: survey_results.csv (shares with 95% Wilson intervals, per
    group with --by), survey_results.xlsx, charts, and the GCM view of principles, objectives and
    participation. Problems in the data are listed; the other questions are still analysed.

    Exit code 1 when responses (or answers of them) were lost or left out: rows swallowed by a
    stray quote, rows cut short, weights that cannot be used. The outputs are written all the
    same, and survey_problems.csv lists every problem with its rows."""
    try:
        result = analyse_survey(
            form, data, weights=weights, by=tuple(by or ()), language=language, source=source
        )
        written = write_survey_outputs(result, out_dir)
    except GcmReviewError as exc:
        raise fail(exc) from None
    for problem in result.problems:
        print_problem(problem.one_line())  # file names and cells may hold [markup]
    out.print(
        f"{result.respondents} response(s) analysed ({result.duplicates_removed} duplicate(s) "
        f"removed), {len(result.questions)} question(s); {len(result.problems)} problem(s)."
    )
    results = shown(out_dir / "survey_results.csv")
    out.print(f"Results: {results} ({len(written)} files)", highlight=False)
    if result.losses:
        err.print(
            f"[bold red]responses lost:[/] {len(result.losses)} of the problems above mean that "
            "responses or answers were lost or left out; the results were written all the same "
            "(survey_problems.csv lists them with their rows)",
            highlight=False,
        )
        raise typer.Exit(code=1)
