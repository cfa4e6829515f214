"""The gcm-review command line: each command parses, calls one core function, presents.

Commands live in one module per area; importing them registers them on `app`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from gcm_review import __version__
from gcm_review.cli.common import out

app = typer.Typer(
    name="gcm-review",
    help="Read GCM review reports, map them to the GCM objectives, and draft the review report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback(invoke_without_command=True)
def main(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    """gcm-review: follow-up and review of the Global Compact for Migration."""
    if version:
        out.print(f"gcm-review {__version__}")
        raise typer.Exit()
