"""The Users page for admins (`user.manage`): list, add, deactivate or reactivate, delete and
set a new password; the same as `gcm-review users ...`, each change audited under the admin's
name. An admin cannot deactivate or delete their own account, nor the last active admin."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import Response

from gcm_review.errors import GcmReviewError, InvalidAccount
from gcm_review.store.passwords import MIN_PASSWORD_LENGTH
from gcm_review.store.sessions import open_sessions
from gcm_review.store.users import (
    ROLES,
    User,
    delete_user,
    get_user_by_name,
    list_users,
    set_active,
    set_password,
)
from gcm_review.web.deps import DbDep, SettingsDep, flash, redirect, render, require, session_policy
from gcm_review.web.display import WORDS
from gcm_review.web.failures import web_message
from gcm_review.web.i18n import N_, translate
from gcm_review.web.password_words import account_reason
from gcm_review.workflows.accounts import add_account

router = APIRouter(include_in_schema=False)
PAGE = "/admin/users"
Manager = Annotated[User, Depends(require("user.manage"))]
NameField = Annotated[str, Form(max_length=100)]
PasswordField = Annotated[str, Form(max_length=1000)]


def _account(request: Request, db: DbDep, name: str) -> User:
    user = get_user_by_name(db, name)
    if user is None:
        detail = translate(request, "There is no account named %(name)s", name=repr(name))
        raise HTTPException(status_code=404, detail=detail)
    return user


def _same_twice(password: str, again: str) -> None:
    if password != again:
        raise InvalidAccount("the two passwords differ", hint="type the same password twice")


def _not_yourself(manager: User, name: str, doing: str) -> None:
    if manager.name == name:
        raise InvalidAccount(
            f"you cannot {doing} your own account", hint="ask another administrator"
        )


@router.get(PAGE)
def users_page(request: Request, db: DbDep, settings: SettingsDep, user: Manager) -> Response:
    """Every account, with the form to add one."""
    policy = session_policy(settings)
    accounts = [
        (account, open_sessions(db, account.id, policy=policy)) for account in list_users(db)
    ]
    context = {"accounts": accounts, "roles": ROLES, "min_length": MIN_PASSWORD_LENGTH}
    return render(request, "users.html", context, user=user)


@router.post(PAGE)
def add(
    request: Request,
    db: DbDep,
    user: Manager,
    name: NameField,
    role: Annotated[str, Form(max_length=20)],
    password: PasswordField,
    password_again: PasswordField,
    country: Annotated[str, Form(max_length=3)] = "",
) -> Response:
    """Create an account."""
    try:
        _same_twice(password, password_again)
        made = add_account(
            db, name, role=role, password=password, country=country or None, by=user.name
        )
    except GcmReviewError as exc:
        flash(
            request,
            translate(
                request,
                "The account was not added: %(reason)s.",
                reason=account_reason(request, exc),
            ),
        )
        return redirect(PAGE)
    role = translate(request, WORDS.get(made.role, made.role))
    flash(
        request,
        translate(request, "Added the account %(name)s (%(role)s).", name=made.name, role=role),
    )
    return redirect(PAGE)


@router.get(PAGE + "/{name}")
def account_page(request: Request, db: DbDep, user: Manager, name: str) -> Response:
    """One account: new password, deactivate or reactivate, delete."""
    context = {"account": _account(request, db, name), "min_length": MIN_PASSWORD_LENGTH}
    return render(request, "user.html", context, user=user)


@router.post(PAGE + "/{name}/password")
def new_password(
    request: Request,
    db: DbDep,
    user: Manager,
    name: str,
    password: PasswordField,
    password_again: PasswordField,
) -> Response:
    """Set a new password; the account's sessions end (yours too, when it is your own)."""
    try:
        _same_twice(password, password_again)
        set_password(db, _account(request, db, name).name, password, by=user.name)
    except GcmReviewError as exc:
        message = translate(
            request,
            "The password was not changed: %(reason)s.",
            reason=account_reason(request, exc),
        )
        flash(request, message)
        return redirect(f"{PAGE}/{name}")
    if name == user.name:
        flash(request, translate(request, "Your password was changed. Please sign in again."))
        return redirect("/login")
    message = N_("The password of %(name)s was changed; they were signed out everywhere.")
    flash(request, translate(request, message, name=name))
    return redirect(PAGE)


@router.post(PAGE + "/{name}/active")
def activate(
    request: Request,
    db: DbDep,
    user: Manager,
    name: str,
    active: Annotated[bool, Form()],
) -> Response:
    """Deactivate (signed out everywhere, tokens refused) or reactivate an account."""
    try:
        _not_yourself(user, name, "deactivate")
        changed = set_active(db, _account(request, db, name).name, active=active, by=user.name)
    except GcmReviewError as exc:
        flash(
            request, translate(request, "Nothing was changed: %(reason)s.", reason=web_message(exc))
        )
        return redirect(PAGE)
    reactivated = N_("The account %(name)s was reactivated.")
    deactivated = N_("The account %(name)s was deactivated and signed out everywhere.")
    flash(request, translate(request, reactivated if changed.active else deactivated, name=name))
    return redirect(PAGE)


@router.post(PAGE + "/{name}/delete")
def delete(
    request: Request,
    db: DbDep,
    user: Manager,
    name: str,
    confirm: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """Delete an account once its name is typed again; its past actions stay in the log."""
    try:
        _not_yourself(user, name, "delete")
        if confirm != name:
            raise InvalidAccount(
                "the name typed to confirm does not match", hint="type the account's name"
            )
        delete_user(db, _account(request, db, name).name, by=user.name)
    except GcmReviewError as exc:
        message = translate(
            request, "The account was not deleted: %(reason)s.", reason=web_message(exc)
        )
        flash(request, message)
        return redirect(f"{PAGE}/{name}")
    flash(request, translate(request, "The account %(name)s was deleted.", name=name))
    return redirect(PAGE)
