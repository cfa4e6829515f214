"""The audit log page: who did what and when (changes with each field before and after, and
sign-ins, sign-outs, failed sign-ins, downloads and refusals), linked to what it concerned."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from gcm_review.store.audit import AuditFilter, audit_actions, count_audit, list_audit
from gcm_review.store.users import User
from gcm_review.web.audit_view import audit_lines
from gcm_review.web.deps import DbDep, LabelsDep, render, require
from gcm_review.web.i18n import translate

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 100

Auditor = Annotated[User, Depends(require("audit.read"))]


@router.get("/audit")
def audit_page(
    request: Request,
    db: DbDep,
    labels: LabelsDep,
    user: Auditor,
    who: str = "",
    action: str = "",
    object_type: str = "",
    object_id: str = "",
    page: int = 1,
) -> Response:
    """The latest entries first, filtered by account, action or object."""
    page = max(page, 1)
    where = AuditFilter(who.strip(), action.strip(), object_type.strip(), object_id.strip())
    total = count_audit(db, where=where)
    context = {
        "lines": audit_lines(
            db,
            list_audit(db, where=where, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE),
            labels,
            lambda text: translate(request, text),  # field names and words in the page's language
        ),
        "actions": audit_actions(db),
        "where": where,
        "page": page,
        "pages": max(1, -(-total // PAGE_SIZE)),
        "total": total,
    }
    return render(request, "audit.html", context, user=user)
