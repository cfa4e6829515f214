"""The password rule's refusals in the page's language: the core names each problem with a
stable code (`WeakPassword.code`), and this maps the code to a message."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import Request

from gcm_review.errors import GcmReviewError
from gcm_review.store.passwords import MIN_DISTINCT, MIN_PASSWORD_LENGTH, WeakPassword
from gcm_review.web.catalogues import N_
from gcm_review.web.failures import web_message
from gcm_review.web.i18n import translate

PROBLEM_TEXT: Mapping[str, str] = {
    "too-short": N_("the password must have at least %(count)s characters"),
    "account-name": N_("the password must not contain the account name"),
    "password-word": N_("the password must not be a variant of the word password"),
    "too-few-characters": N_("the password must use at least %(count)s different characters"),
    "repeated": N_("the password must not be a shorter piece repeated"),
    "run": N_("the password must not be a run of letters, digits or keyboard keys"),
    "common": N_("the password is on the list of commonly used passwords"),
}
COUNTS = {"too-short": MIN_PASSWORD_LENGTH, "too-few-characters": MIN_DISTINCT}
HINT_TEXT = N_("choose a longer phrase of unrelated words, or a password manager's suggestion")
WITH_HINT = N_("%(problem)s; %(hint)s")


def account_reason(request: Request, exc: GcmReviewError) -> str:
    """Why an account change was refused, for a page: a broken password rule in the page's
    language, any other error as `web_message` gives it (in English)."""
    code = exc.code if isinstance(exc, WeakPassword) else ""
    if code not in PROBLEM_TEXT:
        return web_message(exc)
    problem = translate(request, PROBLEM_TEXT[code], count=COUNTS.get(code, 0))
    return translate(request, WITH_HINT, problem=problem, hint=translate(request, HINT_TEXT))
