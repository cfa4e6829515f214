"""What every router shares: the database, settings, the signed-in user, permission checks,
the navigation and page rendering.

A router for a new area needs only this module: `Depends(require("export"))` for the account,
`render(request, "page.html", {...}, user=user)` for a page extending base.html, and a
`NavItem` in `app.NAV` for its menu entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from gcm_review.errors import AccessDenied, NotSignedIn
from gcm_review.settings import Settings
from gcm_review.store.api_tokens import token_user
from gcm_review.store.database import Database
from gcm_review.store.sessions import SessionPolicy, session_user
from gcm_review.store.users import User
from gcm_review.web.display import LabelNames
from gcm_review.web.permissions import ACTION_TEXT, allows
from gcm_review.web.security import bearer_token, csrf_token

SESSION_TOKEN_KEY = "session"  # the signed cookie's key for the server-side session's token
FLASH_KEY = "flash"


@dataclass(frozen=True)
class NavItem:
    """A menu entry, shown to accounts allowed `action`."""

    label: str
    path: str
    action: str


def get_db(request: Request) -> Database:
    """The database the app opened at start-up."""
    db: Database = request.app.state.db
    return db


def get_labels(request: Request) -> LabelNames:
    """The labels of the app's framework, with their codes and titles."""
    labels: LabelNames = request.app.state.labels
    return labels


def get_settings(request: Request) -> Settings:
    """The app's resolved settings."""
    settings: Settings = request.app.state.settings
    return settings


DbDep = Annotated[Database, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
LabelsDep = Annotated[LabelNames, Depends(get_labels)]


def session_policy(settings: Settings) -> SessionPolicy:
    """How long sessions last, from the settings session_hours and session_idle_minutes."""
    return SessionPolicy(
        lifetime=timedelta(hours=settings.session_hours),
        idle=timedelta(minutes=settings.session_idle_minutes),
    )


def _authenticated(request: Request, db: Database) -> User | None:
    bearer = bearer_token(request)
    if bearer is not None:  # an API request with a token is signed in by it alone
        return token_user(db, bearer)
    token = request.session.get(SESSION_TOKEN_KEY)
    if not isinstance(token, str) or not token:
        return None
    user = session_user(db, token, policy=session_policy(get_settings(request)))
    if user is None:  # ended, revoked or replayed after sign-out: forget it
        request.session.clear()
    return user


def current_user(request: Request, db: DbDep) -> User | None:
    """The signed-in, active account (by its API token on the JSON API, else by the session
    cookie's live server-side session), or None. Kept on request.state for the audit of
    downloads."""
    user = _authenticated(request, db)
    request.state.user = user
    return user


def signed_in(user: Annotated[User | None, Depends(current_user)]) -> User:
    """The signed-in account; NotSignedIn (a redirect to the sign-in page) otherwise."""
    if user is None:
        raise NotSignedIn("please sign in")
    return user


def require(action: str) -> Callable[..., User]:
    """A dependency giving the signed-in account if its role allows `action` (403 otherwise)."""
    if action not in ACTION_TEXT:
        raise ValueError(f"unknown action {action!r}")

    def allowed_user(user: Annotated[User, Depends(signed_in)]) -> User:
        if not allows(user, action):
            raise AccessDenied(f"your role ({user.role}) may not {ACTION_TEXT[action]}")
        return user

    return allowed_user


def is_htmx(request: Request) -> bool:
    """Whether HTMX sent the request (it then wants a fragment, not a page)."""
    return request.headers.get("HX-Request") == "true"


def safe_next(target: str | None, default: str) -> str:
    """A local path to go back to after a form post; anything else becomes `default`."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    if "\\" in target:
        return default
    return target


def redirect(path: str) -> RedirectResponse:
    """See-other redirect after a form post."""
    return RedirectResponse(path, status_code=303)


def flash(request: Request, message: str) -> None:
    """A one-line message shown on the next page."""
    request.session[FLASH_KEY] = message


def render(
    request: Request,
    template: str,
    context: Mapping[str, Any] | None = None,
    *,
    user: User | None,
    status_code: int = 200,
) -> HTMLResponse:
    """A page (or fragment) with what base.html needs: user, navigation, CSRF token, flash."""
    templates: Jinja2Templates = request.app.state.templates
    nav: list[NavItem] = request.app.state.nav
    full = {
        "user": user,
        "nav": [item for item in nav if user is not None and allows(user, item.action)],
        "csrf_token": csrf_token(request),
        "take_flash": (lambda: request.session.pop(FLASH_KEY, None)),
        "htmx": request.app.state.htmx,
        "can": (lambda action: user is not None and allows(user, action)),
        **(context or {}),
    }
    return templates.TemplateResponse(request, template, full, status_code=status_code)
