"""Signing in and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from gcm_review.errors import InvalidCredentials, TooManyAttempts
from gcm_review.store.users import User, verify_password
from gcm_review.web.catalogues import N_
from gcm_review.web.deps import (
    SESSION_USER_KEY,
    DbDep,
    current_user,
    redirect,
    render,
    safe_next,
)
from gcm_review.web.security import LoginLimiter, csrf_token

router = APIRouter(include_in_schema=False)
HOME = "/documents"


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


@router.post("/login")
def login(
    request: Request,
    db: DbDep,
    name: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form()] = "",
) -> Response:
    """Check the name and password; start a new session on success."""
    limiter: LoginLimiter = request.app.state.login_limiter
    address = client_address(request)
    context = {"next": safe_next(next, ""), "name": name}
    try:
        limiter.check(name, address)
    except TooManyAttempts as exc:
        response = render(
            request, "login.html", {**context, "error": exc.one_line()}, user=None, status_code=429
        )
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    try:
        user = verify_password(db, name, password)
    except InvalidCredentials:
        limiter.failed(name, address)
        context["error"] = N_("Wrong name or password.")
        return render(request, "login.html", context, user=None, status_code=401)
    limiter.succeeded(name, address)
    request.session.clear()
    request.session[SESSION_USER_KEY] = user.id
    csrf_token(request)  # a fresh token for the new session
    return redirect(safe_next(next, HOME))


@router.post("/logout")
def logout(request: Request) -> Response:
    """End the session."""
    request.session.clear()
    return redirect("/login")
