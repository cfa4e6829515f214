"""The review command: ingest, tag, synthesise and write the draft report in one go."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gcm_review.cli.app import app
from gcm_review.cli.common import (
    DatabaseUrlOption,
    EmbedderOption,
    FrameworkOption,
    ProbeEmbedderOption,
    fail,
    out,
    print_error,
    print_problem,
    progress_bar,
    resolve_settings,
    shown,
    usage_error,
)
from gcm_review.errors import GcmReviewError
from gcm_review.synthesis.conference import CONFERENCE_FILE
from gcm_review.workflows.ingest import FileOutcome, expand_paths
from gcm_review.workflows.review import ReviewResult, SurveyInput, run_review

STAGE_NAMES = {
    "ingest": "Reading",
    "tag": "Tagging",
    "synthesise": "Synthesising",
    "write": "Writing",
}


@app.command()
def review(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of review reports.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the report files.")],
    title: Annotated[str | None, typer.Option(help="Title of the report.")] = None,
    conference: Annotated[
        Path | None,
        typer.Option(help="TOML file on the meeting: name, dates, venue, organisers, attendance."),
    ] = None,
    survey_form: Annotated[
        Path | None, typer.Option(help="XLSForm of a stakeholder survey to add as an annex.")
    ] = None,
    survey_data: Annotated[
        Path | None, typer.Option(help="The survey's KoboToolbox or LimeSurvey export.")
    ] = None,
    survey_weights: Annotated[
        str | None, typer.Option(help="Data column with each survey response's weight.")
    ] = None,
    survey_by: Annotated[
        list[str] | None, typer.Option(help="Disaggregate the survey by this (repeatable).")
    ] = None,
    database_url: DatabaseUrlOption = None,
    embedder: EmbedderOption = None,
    probe_embedder: ProbeEmbedderOption = None,
    framework: FrameworkOption = None,
) -> None:
    """Run the whole review: read, tag, synthesise, and write report.html, report.docx,
    matrix.csv/.xlsx, synthesis.json and paragraphs.csv/.jsonl into the --out folder.

    With --survey-form and --survey-data, the survey is analysed too (results in --out/survey)
    and its section added to the report. A conference.toml in a folder given (or --conference
    FILE) names the meeting (dates, venue, organisers, attendance) in the introduction. Files
    that cannot be read are reported one line each and left out, and survey responses lost to
    damage in the export are listed; the exit code is then 1. The --out folder is replaced whole
    when the new report set is complete; a folder holding other files than a report's is refused.
    """
    if (survey_form is None) != (survey_data is None):
        raise usage_error("give both --survey-form and --survey-data, or neither")
    surveyed = None
    if survey_form is not None and survey_data is not None:
        surveyed = SurveyInput(
            survey_form, survey_data, weights=survey_weights, by=tuple(survey_by or ())
        )
    settings = resolve_settings(
        database_url=database_url,
        embedder=embedder,
        probe_embedder=probe_embedder,
        framework=framework,
    )
    total = len([path for path in expand_paths(paths) if path.name != CONFERENCE_FILE])
    outcomes: list[FileOutcome] = []  # to report each failed file even when none could be read

    def on_file_done(outcome: FileOutcome) -> None:
        outcomes.append(outcome)
        progress.advance(task)

    with progress_bar("Reading") as (progress, task):
        progress.update(task, total=total)

        def on_progress(stage: str, done: int, of: int) -> None:
            progress.update(task, description=STAGE_NAMES[stage], completed=done, total=of)

        try:
            result = run_review(
                paths,
                out_dir=out_dir,
                settings=settings,
                title=title,
                conference=conference,
                survey=surveyed,
                on_progress=on_progress,
                on_file_done=on_file_done,
            )
        except GcmReviewError as exc:
            _print_failed(outcomes)
            raise fail(exc) from None
    _print_failed(result.ingest.outcomes)
    out.print(_summary(result))
    out.print(
        f"Report: {shown(out_dir / 'report.html')} (and report.docx beside it)", highlight=False
    )
    lost = _print_survey_losses(result)
    if result.ingest.failed or lost:
        raise typer.Exit(code=1)


def _print_survey_losses(result: ReviewResult) -> bool:
    """Print the survey problems that lost responses; whether there were any."""
    losses = result.survey.losses if result.survey is not None else ()
    for problem in losses:
        print_problem(problem.one_line())
    return bool(losses)


def _print_failed(outcomes: Sequence[FileOutcome]) -> None:
    for outcome in outcomes:
        if outcome.status == "failed":
            print_error(outcome.error or outcome.path)


def _summary(result: ReviewResult) -> Table:
    synthesis = result.synthesis
    read = len(result.ingest.outcomes) - len(result.ingest.failed)
    table = Table(title=shown(synthesis.title), title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("value", overflow="fold")
    table.add_row("documents", f"{read} read, {len(result.ingest.failed)} failed")
    table.add_row("paragraphs tagged", str(result.tagging.paragraphs))
    table.add_row("reporting member states", str(len(synthesis.matrix.countries)))
    for category, label in (
        ("greatest", "greatest attention"),
        ("some", "some attention"),
        ("not-reported", "not reported in most"),
    ):
        numbers = [str(a.objective) for a in synthesis.attention if a.category == category]
        table.add_row(label, ", ".join(numbers) or "none")
    table.add_row("recommendations", str(len(synthesis.recommendations)))
    if result.survey is not None:
        table.add_row("survey responses", str(result.survey.respondents))
    table.add_row(
        "files",
        shown(", ".join(p.name for p in result.files if p.parent.name not in ("charts", "survey"))),
    )
    return table
