"""Your own account: personal API tokens and your password.

Each account makes its own tokens for scripts, sees the secret once, and lists and revokes them.
A script sends one as `Authorization: Bearer <token>` to the JSON API, with the account's role
and no CSRF token. Changing your password (the current one is asked first) ends all your
sessions, this one too."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import Response

from gcm_review.errors import GcmReviewError, InvalidAccount, InvalidCredentials, TooManyAttempts
from gcm_review.store.api_tokens import create_token, list_tokens, revoke_token
from gcm_review.store.passwords import MIN_PASSWORD_LENGTH
from gcm_review.store.users import User, set_password, verify_password
from gcm_review.web.deps import DbDep, flash, redirect, render, signed_in
from gcm_review.web.failures import web_message
from gcm_review.web.i18n import translate
from gcm_review.web.password_words import account_reason
from gcm_review.web.routes.auth import client_address
from gcm_review.web.security import LoginLimiter

router = APIRouter(include_in_schema=False)
PAGE = "/account/tokens"
PASSWORD_PAGE = "/account/password"
PasswordField = Annotated[str, Form(max_length=1000)]
Owner = Annotated[User, Depends(signed_in)]
TokenId = Annotated[int, Path(ge=1, le=2**63 - 1)]


def _page(
    request: Request, db: DbDep, user: User, *, secret: str = "", status: int = 200
) -> Response:
    context = {"tokens": list_tokens(db, user.id), "secret": secret}
    return render(request, "tokens.html", context, user=user, status_code=status)


@router.get(PAGE)
def tokens_page(request: Request, db: DbDep, user: Owner) -> Response:
    """Your tokens, and the form to make one."""
    return _page(request, db, user)


@router.post(PAGE)
def make(
    request: Request, db: DbDep, user: Owner, name: Annotated[str, Form(max_length=200)]
) -> Response:
    """Make a token; its secret is shown on this answer only."""
    try:
        _, secret = create_token(db, user, name)
    except GcmReviewError as exc:
        flash(
            request, translate(request, "No token was made: %(reason)s.", reason=web_message(exc))
        )
        return redirect(PAGE)
    return _page(request, db, user, secret=secret, status=201)


@router.post(PAGE + "/{token_id}/revoke")
def revoke(request: Request, db: DbDep, user: Owner, token_id: TokenId) -> Response:
    """Revoke one of your tokens: scripts using it are refused from now on."""
    try:
        token = revoke_token(db, user, token_id)
    except GcmReviewError as exc:
        flash(
            request, translate(request, "Nothing was revoked: %(reason)s.", reason=web_message(exc))
        )
        return redirect(PAGE)
    flash(request, translate(request, "The token %(name)s was revoked.", name=token.name))
    return redirect(PAGE)


@router.get(PASSWORD_PAGE)
def password_page(request: Request, user: Owner) -> Response:
    """The form to change your password."""
    return render(request, "password.html", {"min_length": MIN_PASSWORD_LENGTH}, user=user)


@router.post(PASSWORD_PAGE)
def change_password(
    request: Request,
    db: DbDep,
    user: Owner,
    current: PasswordField,
    password: PasswordField,
    password_again: PasswordField,
) -> Response:
    """Change your password once the current one is checked; then sign in again."""
    limiter: LoginLimiter = request.app.state.login_limiter
    address = client_address(request)
    try:  # wrong current passwords count as failed sign-ins: a stolen session cannot guess
        limiter.check(user.name, address)
        verify_password(db, user.name, current)
    except TooManyAttempts as exc:
        flash(
            request, translate(request, "Nothing was changed: %(reason)s.", reason=exc.one_line())
        )
        return redirect(PASSWORD_PAGE)
    except InvalidCredentials:
        limiter.failed(user.name, address)
        flash(request, translate(request, "The current password is wrong; nothing was changed."))
        return redirect(PASSWORD_PAGE)
    try:
        if password != password_again:
            raise InvalidAccount("the two passwords differ", hint="type the same password twice")
        set_password(db, user.name, password, by=user.name)
    except GcmReviewError as exc:
        message = translate(
            request,
            "The password was not changed: %(reason)s.",
            reason=account_reason(request, exc),
        )
        flash(request, message)
        return redirect(PASSWORD_PAGE)
    flash(request, translate(request, "Your password was changed. Please sign in again."))
    return redirect("/login")
