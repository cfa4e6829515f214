"""The gcm-review command line: each command parses, calls one core function, presents.

Commands live in one module per area; importing them registers them on `app`. A wrong command
line (unknown command, bad option value) is one `error:` line too, like every other error, and
so is a bug: no input ends in a traceback on the console.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer._click.exceptions import ClickException  # the click that typer vendors
from typer.core import TyperGroup

from gcm_review import __version__
from gcm_review.cli.common import err, out, print_error
from gcm_review.logs import internal_error

LOG = logging.getLogger(__name__)


class OneLineErrors(TyperGroup):
    """The command group: usage errors print as one line instead of a boxed panel, and an
    unexpected exception (a bug) as one line naming the log file that holds its traceback."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except ClickException as exc:
            if exc.format_message():  # empty after no_args_is_help printed the help
                print_error(_usage_line(exc))
            sys.exit(exc.exit_code)
        except typer.Abort:
            err.print("Aborted.", highlight=False)
            sys.exit(1)
        except Exception as exc:  # a bug: its traceback goes to the log file, one line here
            print_error(internal_error(LOG, exc, doing="running the command").one_line())
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _usage_line(exc: ClickException) -> str:
    message = " ".join(exc.format_message().split()).rstrip(".")
    ctx = getattr(exc, "ctx", None)
    if ctx is None:
        return message
    return f"{message}; see `{ctx.command_path} --help`"


app = typer.Typer(
    name="gcm-review",
    cls=OneLineErrors,
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
