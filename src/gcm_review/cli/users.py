"""`gcm-review users ...`: web app accounts."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer
from rich.table import Table

from gcm_review.cli.app import app
from gcm_review.cli.common import (
    DatabaseUrlOption,
    err,
    fail,
    opened,
    out,
    resolve_settings,
    shown,
)
from gcm_review.errors import GcmReviewError, InvalidAccount
from gcm_review.store.passwords import MIN_PASSWORD_LENGTH
from gcm_review.store.users import ROLES, delete_user, list_users, set_active, set_password
from gcm_review.workflows.accounts import add_account

users_app = typer.Typer(
    name="users",
    help="Manage the web app's accounts (admin, analyst, focal-point, viewer): add, list, "
    "deactivate, reactivate, delete, set-password.",
    no_args_is_help=True,
)
app.add_typer(users_app)
CLI_ACTOR = "cli"  # who the audit log names for changes made from the command line


def read_password(*, from_stdin: bool) -> str:
    """The new password: one line of standard input, or typed twice at a hidden prompt."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"Password (at least {MIN_PASSWORD_LENGTH} characters): ")
    second = getpass.getpass("Same password again: ")
    if first != second:
        raise InvalidAccount("the two passwords differ", hint="run the command again")
    return first


@users_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="Account name used to sign in.")],
    role: Annotated[str, typer.Option("--role", help=f"One of: {', '.join(ROLES)}.")],
    country: Annotated[
        str | None,
        typer.Option("--country", help="ISO3 code of a focal point's country (e.g. JOR)."),
    ] = None,
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="Read the password from standard input (scripts)."),
    ] = False,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Create an account; the password is asked twice (or read from standard input).

    Admins may do everything; analysts read, upload and review every document; focal points
    read, upload and review only their country's documents; viewers only read.
    """
    settings = resolve_settings(database_url=database_url)
    try:
        password = read_password(from_stdin=password_stdin)
        with opened(settings) as db:
            user = add_account(
                db, name, role=role, password=password, country=country, by=CLI_ACTOR
            )
    except GcmReviewError as exc:
        raise fail(exc) from None
    where = f" for {user.country}" if user.country else ""
    err.print(shown(f"Added {user.role} {user.name}{where}."), highlight=False)


PasswordStdinOption = Annotated[
    bool,
    typer.Option("--password-stdin", help="Read the password from standard input (scripts)."),
]
NameArgument = Annotated[str, typer.Argument(help="The account's name.")]


@users_app.command("set-password")
def set_password_command(
    name: NameArgument,
    password_stdin: PasswordStdinOption = False,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Give an account a new password, asked twice at a hidden prompt; it is signed out of the
    web app everywhere and its API tokens stop working."""
    settings = resolve_settings(database_url=database_url)
    try:
        password = read_password(from_stdin=password_stdin)
        with opened(settings) as db:
            set_password(db, name, password, by=CLI_ACTOR)
    except GcmReviewError as exc:
        raise fail(exc) from None
    err.print(
        shown(
            f"New password set for {name}; its web sessions were ended and its API tokens revoked."
        ),
        highlight=False,
    )


@users_app.command("deactivate")
def deactivate(name: NameArgument, database_url: DatabaseUrlOption = None) -> None:
    """Stop an account from signing in or using its API tokens (it is signed out everywhere);
    `users reactivate` undoes it."""
    settings = resolve_settings(database_url=database_url)
    try:
        with opened(settings) as db:
            set_active(db, name, active=False, by=CLI_ACTOR)
    except GcmReviewError as exc:
        raise fail(exc) from None
    err.print(shown(f"Deactivated {name}; its web sessions were ended."), highlight=False)


@users_app.command("reactivate")
def reactivate(name: NameArgument, database_url: DatabaseUrlOption = None) -> None:
    """Let a deactivated account sign in again."""
    settings = resolve_settings(database_url=database_url)
    try:
        with opened(settings) as db:
            set_active(db, name, active=True, by=CLI_ACTOR)
    except GcmReviewError as exc:
        raise fail(exc) from None
    err.print(shown(f"Reactivated {name}."), highlight=False)


@users_app.command("delete")
def delete(
    name: NameArgument,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Delete an account with its sessions and API tokens (what it did stays in the audit
    log); asks for confirmation unless --yes is given."""
    settings = resolve_settings(database_url=database_url)
    if not yes and not typer.confirm(f"Delete the account {name}?", err=True):
        err.print("Nothing deleted.")
        raise typer.Exit(1)
    try:
        with opened(settings) as db:
            delete_user(db, name, by=CLI_ACTOR)
    except GcmReviewError as exc:
        raise fail(exc) from None
    err.print(shown(f"Deleted {name}."), highlight=False)


@users_app.command("list")
def list_accounts(database_url: DatabaseUrlOption = None) -> None:
    """List the accounts with their role and country."""
    settings = resolve_settings(database_url=database_url)
    with opened(settings) as db:
        users = list_users(db)
    if not users:
        err.print("No accounts yet: add one with `gcm-review users add NAME --role admin`.")
        return
    table = Table(title=f"{len(users)} account(s)", title_justify="left")
    for column in ("name", "role", "country", "active", "created"):
        table.add_column(column)
    for user in users:
        table.add_row(
            shown(user.name),
            shown(user.role),
            shown(user.country or ""),
            "yes" if user.active else "no",
            user.created_at.strftime("%Y-%m-%d"),
        )
    out.print(table)
