"""A tag's panel on the document page (its evidence, and accept and reject for reviewers),
loaded by HTMX when its chip is opened, so that a page of many tagged paragraphs stays small.
Without scripts the page draws every panel itself."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response

from gcm_review.store.browse import tag_with_evidence
from gcm_review.store.users import User
from gcm_review.web.deps import DbDep, render, require, safe_next
from gcm_review.web.permissions import allows

router = APIRouter(include_in_schema=False)

Reader = Annotated[User, Depends(require("document.read"))]
TagId = Annotated[int, Path(ge=1, le=2**63 - 1)]


@router.get("/tags/{tag_id}/panel")
def tag_panel(
    request: Request, db: DbDep, user: Reader, tag_id: TagId, next: str | None = None
) -> Response:
    """One tag's evidence and decision buttons (a fragment); `next` is the page to come back
    to after a decision without scripts."""
    tag = tag_with_evidence(db, tag_id, user=user)
    context = {
        "tag": tag,
        "para": {"id": tag.paragraph_id},
        "may_review": allows(user, "tag.review"),
        "back": safe_next(next, "/documents"),
    }
    return render(request, "_tag_panel.html", context, user=user)
