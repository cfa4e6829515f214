"""The header's language switcher: the account's choice is stored with it, and a cookie keeps
the choice of someone not signed in (it also survives signing in and out)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form
from fastapi.responses import Response

from gcm_review.store.preferences import set_user_language
from gcm_review.store.users import User
from gcm_review.web.deps import DbDep, SettingsDep, current_user, redirect, safe_next
from gcm_review.web.i18n import LANGUAGE_COOKIE, chosen_language

router = APIRouter(include_in_schema=False)
COOKIE_MAX_AGE = 365 * 24 * 60 * 60  # seconds: a year


@router.post("/language")
def choose_language(
    db: DbDep,
    settings: SettingsDep,
    user: Annotated[User | None, Depends(current_user)],
    language: Annotated[str, Form(max_length=10)],
    next: Annotated[str, Form()] = "",
) -> Response:
    """Show the interface in `language` from now on (an unknown code changes nothing)."""
    response = redirect(safe_next(next, "/"))
    chosen = chosen_language(language)
    if chosen is None:
        return response
    if user is not None:
        set_user_language(db, user.id, chosen)
    response.set_cookie(
        LANGUAGE_COOKIE,
        chosen,
        max_age=COOKIE_MAX_AGE,
        samesite="lax",
        secure=settings.secure_cookies,
    )
    return response
