"""Signing in and out: a server-side session per sign-in, throttled failures, each recorded in
the audit log (sign-in, sign-out, failed sign-in, with the client's address)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from gcm_review.errors import InvalidCredentials, TooManyAttempts
from gcm_review.store.audit import log_event
from gcm_review.store.sessions import end_session, forget_ended_sessions, start_session
from gcm_review.store.users import User, verify_password
from gcm_review.web.catalogues import N_
from gcm_review.web.deps import (
    SESSION_TOKEN_KEY,
    DbDep,
    SettingsDep,
    current_user,
    redirect,
    render,
    safe_next,
    session_policy,
)
from gcm_review.web.security import LoginLimiter, csrf_token

router = APIRouter(include_in_schema=False)
HOME = "/documents"
WRONG = N_("Wrong name or password.")


def client_address(request: Request) -> str:
    """The client's address (uvicorn puts the proxy's client here when it trusts the proxy)."""
    return request.client.host if request.client else "unknown"


@router.get("/")
def home(user: Annotated[User | None, Depends(current_user)]) -> Response:
    """The documents for a signed-in account, the sign-in form otherwise."""
    return redirect(HOME if user is not None else "/login")


@router.get("/login")
def login_form(
    request: Request,
    user: Annotated[User | None, Depends(current_user)],
    next: str = "",
) -> Response:
    """The sign-in form."""
    if user is not None:
        return redirect(safe_next(next, HOME))
    return render(request, "login.html", {"next": safe_next(next, ""), "name": ""}, user=None)


def _throttled(request: Request, context: dict[str, str], exc: TooManyAttempts) -> Response:
    response = render(
        request, "login.html", {**context, "error": exc.one_line()}, user=None, status_code=429
    )
    response.headers["Retry-After"] = str(exc.retry_after)
    return response


@router.post("/login")
def login(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    name: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form()] = "",
) -> Response:
    """Check the name and password; start a new server-side session on success."""
    limiter: LoginLimiter = request.app.state.login_limiter
    address = client_address(request)
    context = {"next": safe_next(next, ""), "name": name}
    try:
        limiter.check(name, address)
    except TooManyAttempts as exc:
        return _throttled(request, context, exc)
    try:
        user = verify_password(db, name, password)
    except InvalidCredentials:
        limiter.failed(name, address)
        log_event(db, name, "sign-in.failed", "user", name, after={"address": address})
        return render(
            request, "login.html", {**context, "error": WRONG}, user=None, status_code=401
        )
    limiter.succeeded(name, address)
    previous = request.session.get(SESSION_TOKEN_KEY)
    if isinstance(previous, str) and previous:  # signing in again replaces the old session
        end_session(db, previous)
    forget_ended_sessions(db, policy=session_policy(settings))
    token = start_session(db, user.id)
    log_event(db, user.name, "sign-in", "user", user.name, after={"address": address})
    request.session.clear()
    request.session[SESSION_TOKEN_KEY] = token
    csrf_token(request)  # a fresh token for the new session
    return redirect(safe_next(next, HOME))


@router.post("/logout")
def logout(request: Request, db: DbDep) -> Response:
    """End the session: revoked on the server, so a copy of the cookie no longer signs in."""
    token = request.session.get(SESSION_TOKEN_KEY)
    if isinstance(token, str) and token:
        user = current_user(request, db)
        end_session(db, token)
        if user is not None:
            log_event(db, user.name, "sign-out", "user", user.name)
    request.session.clear()
    return redirect("/login")
