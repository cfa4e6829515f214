"""The interface's language: which one a request gets, and its messages.

A request is answered in the language its account chose (`users.language`), else the one chosen
with the header's switcher before signing in (the `gcm_review_language` cookie), else the
browser's Accept-Language, else English. Templates translate with `_()`, `ngettext()` and
`{% trans %}` (Jinja's i18n extension, one environment per language: `LocalisedTemplates`);
Python code with `translate(request, "...")` (`translate_plural` for a message with a number),
and marks text translated later with `N_("...")`.
Every message has an entry in each catalogue of web/locale (tests/web/test_i18n.py checks it).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import Request
from sqlalchemy.exc import SQLAlchemyError
from starlette.background import BackgroundTask
from starlette.templating import Jinja2Templates, _TemplateResponse

from gcm_review.errors import GcmReviewError
from gcm_review.store.preferences import user_language
from gcm_review.web.catalogues import N_ as N_  # re-exported: web code marks messages with it
from gcm_review.web.catalogues import translations
from gcm_review.web.deps import current_user

LOG = logging.getLogger(__name__)

LANGUAGES = ("en", "fr", "ar")  # the interface's languages; the first is the default
DEFAULT_LANGUAGE = LANGUAGES[0]
RIGHT_TO_LEFT = frozenset({"ar"})
NAMES = {"en": "English", "fr": "Français", "ar": "العربية"}  # each in its own language
LANGUAGE_COOKIE = "gcm_review_language"


def direction(language: str) -> str:
    """The text direction of a language: "rtl" (right to left) or "ltr"."""
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def negotiate(accept_language: str) -> str | None:
    """The interface language the browser prefers most (Accept-Language), or None."""
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(accept_language.split(",")):
        tag, _, parameters = item.strip().partition(";")
        quality = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else None


def chosen_language(value: str | None) -> str | None:
    """A language code from a form or cookie if the interface has it, None otherwise."""
    return value if value in LANGUAGES else None


def _account_language(request: Request) -> str | None:
    if "session" not in request.scope:
        return None
    db = request.app.state.db
    try:
        user = current_user(request, db)
        return None if user is None else chosen_language(user_language(db, user.id))
    except (SQLAlchemyError, GcmReviewError):  # an error page must render without the database
        LOG.warning("the signed-in account's interface language could not be read")
        return None


def language_of(request: Request) -> str:
    """The interface language of this request (worked out once, then kept on the request)."""
    known = getattr(request.state, "language", None)
    if isinstance(known, str):
        return known
    language = (
        _account_language(request)
        or chosen_language(request.cookies.get(LANGUAGE_COOKIE))
        or negotiate(request.headers.get("accept-language", ""))
        or DEFAULT_LANGUAGE
    )
    request.state.language = language
    return language


def translate(request: Request, message: str, **values: object) -> str:
    """A message in the request's language, its %(name)s places filled from `values`."""
    text = translations(language_of(request)).gettext(message)
    return text % values if values else text


def translate_plural(
    request: Request, singular: str, plural: str, count: int, **values: object
) -> str:
    """A message with a number in the request's language, in the plural form the number takes
    there; %(num)s is the number, other %(name)s places are filled from `values`."""
    text = translations(language_of(request)).ngettext(singular, plural, count)
    return text % {"num": count, **values}


class LocalisedTemplates(Jinja2Templates):
    """Templates rendered by the Jinja environment of the request's language."""

    def __init__(self, by_language: Mapping[str, Jinja2Templates]) -> None:
        super().__init__(env=by_language[DEFAULT_LANGUAGE].env)
        self.by_language = dict(by_language)

    def TemplateResponse(  # noqa: N802 (Starlette's name)
        self,
        request: Request,
        name: str,
        context: dict[str, Any] | None = None,
        status_code: int = 200,
        headers: Mapping[str, str] | None = None,
        media_type: str | None = None,
        background: BackgroundTask | None = None,
    ) -> _TemplateResponse:
        """The page in the request's language, saying which language it is in."""
        language = language_of(request)
        response = self.by_language[language].TemplateResponse(
            request, name, context, status_code, headers, media_type, background
        )
        response.headers["Content-Language"] = language
        response.headers.append("Vary", "Accept-Language")
        return response
