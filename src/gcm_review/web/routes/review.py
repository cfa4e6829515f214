"""Reviewing tags: the queue of uncertain proposals, and accept / reject / add as form posts.

Each form works without JavaScript (post, then a redirect back); with HTMX the response is the
changed fragment: the queue item, or the paragraph of the document view.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from gcm_review.store.browse import TagView, document_of_paragraph, paragraph_with_tags
from gcm_review.store.database import Database
from gcm_review.store.review_actions import (
    QueueItem,
    accept_tag,
    add_tag,
    reject_tag,
    review_queue,
    review_queue_size,
)
from gcm_review.store.users import User
from gcm_review.web.deps import DbDep, is_htmx, redirect, render, require, safe_next

router = APIRouter(include_in_schema=False)
QUEUE_LENGTH = 25

Reviewer = Annotated[User, Depends(require("tag.review"))]
View = Literal["queue", "paragraph"]


@router.get("/review")
def queue_page(
    request: Request, db: DbDep, user: Reviewer, document: int | None = None
) -> Response:
    """Proposed tags nobody decided yet, most uncertain first."""
    context = {
        "items": review_queue(db, user, limit=QUEUE_LENGTH, document_id=document),
        "waiting": review_queue_size(db, user, document_id=document),
        "document": document,
        "back": "/review" + (f"?document={document}" if document is not None else ""),
    }
    return render(request, "review.html", context, user=user)


def _after_change(
    request: Request, db: Database, user: User, tag: TagView, *, view: View, next_path: str
) -> Response:
    if not is_htmx(request):
        return redirect(safe_next(next_path, "/review"))
    paragraph = paragraph_with_tags(db, tag.paragraph_id, user=user)
    back = safe_next(next_path, "/review")
    if view == "queue":
        document = document_of_paragraph(db, tag.paragraph_id, user=user)
        item = QueueItem(tag, paragraph, document.name)
        return render(request, "_queue_item.html", {"item": item, "back": back}, user=user)
    context = {"para": paragraph, "may_review": True, "back": back}
    return render(request, "_paragraph.html", context, user=user)


@router.post("/tags/{tag_id}/accept")
def accept(
    request: Request,
    db: DbDep,
    tag_id: int,
    user: Reviewer,
    next: Annotated[str, Form()] = "/review",
    view: Annotated[View, Form()] = "queue",
) -> Response:
    """Accept a tag."""
    tag = accept_tag(db, tag_id, user)
    return _after_change(request, db, user, tag, view=view, next_path=next)


@router.post("/tags/{tag_id}/reject")
def reject(
    request: Request,
    db: DbDep,
    tag_id: int,
    user: Reviewer,
    next: Annotated[str, Form()] = "/review",
    view: Annotated[View, Form()] = "queue",
) -> Response:
    """Reject a tag."""
    tag = reject_tag(db, tag_id, user)
    return _after_change(request, db, user, tag, view=view, next_path=next)


@router.post("/paragraphs/{paragraph_id}/tags")
def add(
    request: Request,
    db: DbDep,
    paragraph_id: int,
    user: Reviewer,
    label: Annotated[str, Form(max_length=60)],
    next: Annotated[str, Form()] = "/review",
    view: Annotated[View, Form()] = "paragraph",
) -> Response:
    """Give a paragraph a label."""
    tag = add_tag(db, paragraph_id, label, user)
    return _after_change(request, db, user, tag, view=view, next_path=next)
