"""The gcm-review command line: each command parses, calls one core function, presents."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from gcm_review import __version__
from gcm_review.errors import GcmReviewError
from gcm_review.pipeline import FileOutcome, IngestReport, expand_paths, ingest_paths
from gcm_review.settings import Settings, load_settings
from gcm_review.store.database import Database, open_database
from gcm_review.store.documents import document_record, list_documents

app = typer.Typer(
    name="gcm-review",
    help="Read GCM review reports, find their structure and who speaks, and store them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

DatabaseUrlOption = Annotated[
    str | None,
    typer.Option("--database-url", help="Database URL (default: DATABASE_URL or gcm-review.db)."),
]


def fail(exc: GcmReviewError) -> typer.Exit:
    """Print a core error as one line with what to do, and give the exit to raise."""
    err.print(f"[bold red]error:[/] {exc.one_line()}", highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


@contextmanager
def opened(settings: Settings) -> Iterator[Database]:
    """The configured database, closed afterwards; storage errors become one line."""
    try:
        db = open_database(settings.database_url)
    except GcmReviewError as exc:
        raise fail(exc) from None
    try:
        yield db
    finally:
        db.close()


def resolve_settings(**overrides: Any) -> Settings:
    try:
        return load_settings(overrides=overrides)
    except GcmReviewError as exc:
        raise fail(exc) from None


@app.callback(invoke_without_command=True)
def main(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    """gcm-review: follow-up and review of the Global Compact for Migration."""
    if version:
        out.print(f"gcm-review {__version__}")
        raise typer.Exit()


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
) -> None:
    """Read documents, repair extraction damage, find structure and attribution, and store them.

    Re-ingesting an unchanged file does nothing; a changed file is stored as a new version.
    Files that cannot be read are reported one line each; the others are still stored, and the
    exit code is 1 if any file failed.
    """
    if output_format not in ("table", "json"):
        err.print("[bold red]error:[/] --format must be 'table' or 'json'")
        raise typer.Exit(code=2)
    settings = resolve_settings(database_url=database_url, max_file_mb=max_file_mb)
    with opened(settings) as db:
        report = _ingest_with_progress(paths, db=db, settings=settings)
        for outcome in report.failed:
            err.print(f"[bold red]error:[/] {outcome.error}", highlight=False, soft_wrap=True)
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
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=total < 2 or not err.is_terminal,
    )
    with progress:
        task = progress.add_task("Ingesting", total=total)
        return ingest_paths(
            paths,
            db=db,
            settings=settings,
            on_file_done=lambda _outcome: progress.advance(task),
        )


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
        return [Path(o.path).name, status, str(o.document_id or ""), "", "", "", "", ""]
    return [
        Path(o.path).name,
        status,
        str(o.document_id),
        o.format or "",
        o.language or "",
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
            row.name,
            str(row.version),
            row.format,
            row.language or "",
            str(row.paragraphs),
            str(row.repairs),
            row.title or "",
        )
    out.print(table)


if __name__ == "__main__":
    app()
