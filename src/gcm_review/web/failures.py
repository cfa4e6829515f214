"""Errors to responses, in one place: named core errors get a status and their one-line message,
as JSON under /api and as a page elsewhere; a missing sign-in sends pages to the sign-in form; any
other exception is a bug: logged with its traceback, answered 500 as an internal error.

Web users never see advice to run a command: a hint naming one (meant for the command line) is
replaced by plain advice (WEB_HINTS). A refusal (403, or 404 of what the account may not see)
of a signed-in account goes into the audit log."""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from gcm_review.errors import (
    AccessDenied,
    DocumentNotFound,
    DocumentTooLarge,
    EmbedderUnavailable,
    GcmReviewError,
    InputError,
    InternalError,
    InvalidAccount,
    InvalidCredentials,
    InvalidDocumentCorrection,
    InvalidLabel,
    NotSignedIn,
    ParagraphNotFound,
    TagNotFound,
    TooManyAttempts,
    UnsupportedFormat,
    UserExists,
)
from gcm_review.feedback.agreement import InvalidCoders
from gcm_review.feedback.retrain import NoFeedbackYet
from gcm_review.logs import internal_error
from gcm_review.web.access_audit import record_refusal
from gcm_review.web.catalogues import N_
from gcm_review.web.deps import current_user, redirect, render
from gcm_review.web.i18n import translate

LOG = logging.getLogger(__name__)

# Checked in order: the first class the error is an instance of gives the status.
STATUS: tuple[tuple[type[GcmReviewError], int], ...] = (
    (NotSignedIn, 401),
    (InvalidCredentials, 401),
    (AccessDenied, 403),
    (DocumentNotFound, 404),
    (ParagraphNotFound, 404),
    (TagNotFound, 404),
    (UserExists, 409),
    (NoFeedbackYet, 409),
    (DocumentTooLarge, 413),
    (UnsupportedFormat, 415),
    (InvalidLabel, 422),
    (InvalidDocumentCorrection, 422),
    (InvalidAccount, 422),
    (InvalidCoders, 422),
    (TooManyAttempts, 429),
    (InputError, 422),
    (InternalError, 500),
)


# Plain advice in place of a hint that names a command; checked in order like STATUS.
WEB_HINTS: tuple[tuple[type[GcmReviewError], str], ...] = (
    (DocumentNotFound, "go back to the list of documents"),
    (ParagraphNotFound, "go back to the document and choose a paragraph there"),
    (UserExists, "choose another name"),
    (InvalidAccount, "check the name, role, country and password"),
    (InvalidCoders, "choose two different coders who both coded paragraphs"),
    (EmbedderUnavailable, "ask your administrator to install the embedding model"),
)
DEFAULT_WEB_HINT = "ask your administrator for help"
_COMMAND_MARKS = ("`", "gcm-review ", "pip install", "make ")


def web_message(exc: GcmReviewError) -> str:
    """The error's one line for a web user: its hint, unless that names a command."""
    if not any(mark in exc.hint for mark in _COMMAND_MARKS):
        return exc.one_line()
    hint = next((text for kind, text in WEB_HINTS if isinstance(exc, kind)), DEFAULT_WEB_HINT)
    return f"{exc}; {hint}"


def status_of(exc: GcmReviewError) -> int:
    """The HTTP status for a named error (500 for one not listed)."""
    return next((status for kind, status in STATUS if isinstance(exc, kind)), 500)


def wants_json(request: Request) -> bool:
    """API requests get JSON errors; pages get an error page."""
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error_page(request: Request, status: int, message: str) -> Response:
    try:
        user = current_user(request, request.app.state.db)
    except Exception:  # the error page must render even when the database fails
        user = None
    return render(
        request, "error.html", {"status": status, "message": message}, user=user, status_code=status
    )


def _headers(exc: GcmReviewError) -> dict[str, str]:
    if isinstance(exc, TooManyAttempts):
        return {"Retry-After": str(exc.retry_after)}
    return {}


async def core_error(request: Request, exc: Exception) -> Response:
    """A named core error as a response."""
    assert isinstance(exc, GcmReviewError)
    if isinstance(exc, NotSignedIn) and not wants_json(request):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return redirect(f"/login?next={quote(target, safe='')}")
    status = status_of(exc)
    message = web_message(exc)
    if status in (403, 404):
        record_refusal(request, status, message)
    if wants_json(request):
        body = {"detail": message, "error": type(exc).__name__}
        return JSONResponse(body, status_code=status, headers=_headers(exc))
    response = _error_page(request, status, message)
    response.headers.update(_headers(exc))
    return response


async def http_error(request: Request, exc: Exception) -> Response:
    """Starlette/FastAPI HTTP errors (404 of unknown paths, CSRF refusals) as JSON or a page."""
    assert isinstance(exc, StarletteHTTPException)
    if wants_json(request):
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )
    message = exc.detail if isinstance(exc.detail, str) else N_("Request refused")
    if exc.status_code == 404 and message == "Not Found":
        message = N_("There is no such page")
    return _error_page(request, exc.status_code, message)


async def validation_error(request: Request, exc: Exception) -> Response:
    """Bad form or query values: JSON details for the API, one readable line for pages."""
    assert isinstance(exc, RequestValidationError)
    if wants_json(request):
        return JSONResponse({"detail": exc.errors()}, status_code=422)
    fields = ", ".join(
        ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        for error in exc.errors()
    )
    message = translate(request, "Missing or invalid value in: %(fields)s", fields=fields)
    return _error_page(request, 422, message)


async def unexpected_error(request: Request, exc: Exception) -> Response:
    """A bug (an exception that is no named error): logged with its traceback, answered 500.

    Starlette still re-raises it afterwards, so the server's own log shows it too.
    """
    bug = internal_error(LOG, exc, doing=f"answering {request.method} {request.url.path}")
    return await core_error(request, bug)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on the app."""
    app.add_exception_handler(Exception, unexpected_error)
    app.add_exception_handler(GcmReviewError, core_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
