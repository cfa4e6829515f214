"""Personal API tokens: each account makes its own for scripts, sees the secret once, and
lists and revokes them. A script sends one as `Authorization: Bearer <token>` to the JSON API,
with the account's role and no CSRF token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import Response

from gcm_review.errors import GcmReviewError
from gcm_review.store.api_tokens import create_token, list_tokens, revoke_token
from gcm_review.store.users import User
from gcm_review.web.deps import DbDep, flash, redirect, render, signed_in
from gcm_review.web.failures import web_message

router = APIRouter(include_in_schema=False)
PAGE = "/account/tokens"
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
        flash(request, f"No token was made: {web_message(exc)}.")
        return redirect(PAGE)
    return _page(request, db, user, secret=secret, status=201)


@router.post(PAGE + "/{token_id}/revoke")
def revoke(request: Request, db: DbDep, user: Owner, token_id: TokenId) -> Response:
    """Revoke one of your tokens: scripts using it are refused from now on."""
    try:
        token = revoke_token(db, user, token_id)
    except GcmReviewError as exc:
        flash(request, f"Nothing was revoked: {web_message(exc)}.")
        return redirect(PAGE)
    flash(request, f"The token {token.name} was revoked.")
    return redirect(PAGE)
