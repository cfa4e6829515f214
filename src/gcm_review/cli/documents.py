"""Commands on stored documents: ingest and documents."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gcm_review.cli.app import app
from gcm_review.cli.common import (
    DatabaseUrlOption,
    FrameworkOption,
    fail,
    opened,
    out,
    print_error,
    print_problem,
    progress_bar,
    resolve_settings,
    shown,
    usage_error,
)
from gcm_review.errors import GcmReviewError
from gcm_review.settings import Settings
from gcm_review.store.database import Database
from gcm_review.store.documents import document_record, list_documents
from gcm_review.workflows.ingest import FileOutcome, IngestReport, expand_paths, ingest_paths


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders (PDF, DOCX, HTML, TXT/Markdown).")
    ],
    output_format: Annotated[
        str, typer.Option("--format", help="table (a summary) or json (every paragraph).")
    ] = "table",
    database_url: DatabaseUrlOption = None,
    max_file_mb: Annotated[
        float | None, typer.Option("--max-file-mb", help="Refuse files larger than this.")
    ] = None,
    framework: FrameworkOption = None,
) -> None:
    """Read documents, repair extraction damage, find structure and attribution, and store them.

    Re-ingesting an unchanged file does nothing; a changed file is stored as a new version.
    Files that cannot be read are reported one line each; the others are still stored, and the
    exit code is 1 if any file failed.
    """
    if output_format not in ("table", "json"):
        raise usage_error("--format must be 'table' or 'json'")
    settings = resolve_settings(
        database_url=database_url, max_file_mb=max_file_mb, framework=framework
    )
    with opened(settings) as db:
        report = _ingest_with_progress(paths, db=db, settings=settings)
        for outcome in report.failed:
            print_error(outcome.error or outcome.path)
        for outcome in report.outcomes:
            for problem in outcome.problems:
                print_problem(f"{Path(outcome.path).name}: {problem}")
        if output_format == "json":
            records = [
                {**document_record(db, o.document_id), "status": o.status}
                for o in report.outcomes
                if o.document_id is not None
            ]
            sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        else:
            out.print(_summary_table(report))
    if report.failed:
        raise typer.Exit(code=1)


def _ingest_with_progress(paths: list[Path], *, db: Database, settings: Settings) -> IngestReport:
    total = len(expand_paths(paths))
    with progress_bar("Ingesting") as (progress, task):
        progress.update(task, total=total, visible=total > 1)
        try:
            return ingest_paths(
                paths,
                db=db,
                settings=settings,
                on_file_done=lambda _outcome: progress.advance(task),
            )
        except GcmReviewError as exc:  # the framework: files' own errors are outcomes
            raise fail(exc) from None


STATUS_STYLE = {
    "new": "green",
    "new-version": "cyan",
    "unchanged": "dim",
    "failed": "bold red",
}


def _summary_table(report: IngestReport) -> Table:
    table = Table(title=f"{len(report.outcomes)} file(s)", title_justify="left")
    table.add_column("file", overflow="fold")
    table.add_column("status", no_wrap=True)
    for column in ("id", "format", "lang", "pages", "paragraphs", "repairs"):
        numeric = column not in ("format", "lang")
        table.add_column(column, justify="right" if numeric else "left", no_wrap=True)
    for outcome in report.outcomes:
        table.add_row(*_summary_row(outcome))
    return table


def _summary_row(o: FileOutcome) -> list[str]:
    style = STATUS_STYLE[o.status]
    status = f"[{style}]{o.status}[/]" + (f" v{o.version}" if o.version and o.version > 1 else "")
    if o.status in ("failed", "unchanged"):
        return [shown(Path(o.path).name), status, str(o.document_id or ""), "", "", "", "", ""]
    return [
        shown(Path(o.path).name),
        status,
        str(o.document_id),
        shown(o.format or ""),
        shown(o.language or ""),
        "" if o.pages is None else str(o.pages),
        str(o.paragraphs),
        str(o.repairs),
    ]


@app.command()
def documents(database_url: DatabaseUrlOption = None) -> None:
    """List the stored documents, newest first."""
    settings = resolve_settings(database_url=database_url)
    with opened(settings) as db:
        rows = list_documents(db)
    table = Table(title=f"{len(rows)} stored document(s)", title_justify="left")
    for column in ("id", "name", "version", "format", "lang", "paragraphs", "repairs", "title"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            str(row.id),
            shown(row.name),
            str(row.version),
            shown(row.format),
            shown(row.language or ""),
            str(row.paragraphs),
            str(row.repairs),
            shown(row.title or ""),
        )
    out.print(table)
