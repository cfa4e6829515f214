"""JSON API: reviewing tags (accept, reject, add) and the review queue."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from gcm_review.store.review_actions import accept_tag, add_tag, reject_tag, review_queue
from gcm_review.store.users import User
from gcm_review.web.api_models import AddTagIn, QueueItemOut, TagOut, queue_item_out, tag_out
from gcm_review.web.deps import DbDep, LabelsDep, require

router = APIRouter(prefix="/api", tags=["tags"])

Reviewer = Annotated[User, Depends(require("tag.review"))]


@router.post("/tags/{tag_id}/accept")
def accept(db: DbDep, labels: LabelsDep, tag_id: int, user: Reviewer) -> TagOut:
    """Accept a tag (no change when it is accepted already)."""
    return tag_out(accept_tag(db, tag_id, user), labels)


@router.post("/tags/{tag_id}/reject")
def reject(db: DbDep, labels: LabelsDep, tag_id: int, user: Reviewer) -> TagOut:
    """Reject a tag (no change when it is rejected already)."""
    return tag_out(reject_tag(db, tag_id, user), labels)


@router.post("/tags", status_code=201)
def add(db: DbDep, labels: LabelsDep, body: AddTagIn, user: Reviewer) -> TagOut:
    """Give a paragraph a label; returns the accepted tag (an existing one if it had it)."""
    return tag_out(add_tag(db, body.paragraph_id, body.label, user), labels)


@router.get("/review-queue")
def queue(
    db: DbDep,
    labels: LabelsDep,
    user: Reviewer,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    document_id: int | None = None,
) -> list[QueueItemOut]:
    """Proposals nobody decided yet in documents you may see, most uncertain first."""
    items = review_queue(db, user, limit=limit, document_id=document_id)
    return [queue_item_out(item, labels) for item in items]
