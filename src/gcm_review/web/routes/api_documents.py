"""JSON API: the session, documents, uploads and paragraphs (same permissions as the pages)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, Response, UploadFile

from gcm_review.store.browse import document_page, document_visible, paragraph_with_tags
from gcm_review.store.document_admin import DocumentCorrection, correct_document
from gcm_review.store.documents import list_documents
from gcm_review.store.users import User
from gcm_review.web.api_models import (
    DeletedOut,
    DocumentCorrectionIn,
    DocumentDetailOut,
    DocumentOut,
    JobOut,
    ParagraphOut,
    ProposalOut,
    SessionOut,
    document_detail_out,
    document_out,
    job_out,
    paragraph_out,
    proposal_out,
    user_out,
)
from gcm_review.web.deps import DbDep, LabelsDep, SettingsDep, current_user, require
from gcm_review.web.routes.documents import delete_with_file, jobs_of, receive_upload
from gcm_review.web.security import csrf_token
from gcm_review.web.uploads import check_country
from gcm_review.workflows.copies import copy_marks, decide_proposal, pending_proposals

router = APIRouter(prefix="/api", tags=["documents"])

Reader = Annotated[User, Depends(require("document.read"))]
Uploader = Annotated[User, Depends(require("document.upload"))]
Admin = Annotated[User, Depends(require("document.delete"))]
Editor = Annotated[User, Depends(require("document.edit"))]
PARAGRAPHS_PAGE = 100  # paragraphs of a document a request gets unless it asks for fewer or more
PARAGRAPHS_MAX = 1000
DOCUMENTS_PAGE = 100
DOCUMENTS_MAX = 500


@router.get("/session", tags=["session"])
def session(request: Request, user: Annotated[User | None, Depends(current_user)]) -> SessionOut:
    """Who is signed in, and the CSRF token for POST and DELETE requests."""
    return SessionOut(user=None if user is None else user_out(user), csrf_token=csrf_token(request))


@router.get("/documents")
def documents(
    db: DbDep,
    user: Reader,
    response: Response,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=DOCUMENTS_MAX)] = DOCUMENTS_PAGE,
) -> list[DocumentOut]:
    """The documents you may see, newest first: `limit` of them from `offset` (the header
    X-Total-Count gives how many there are). A copy or an older version set aside is marked
    `counted: false` with the id of the document that counts instead."""
    found = list_documents(db, country=user.document_scope)
    response.headers["X-Total-Count"] = str(len(found))
    marks = copy_marks(db)
    return [
        document_out(doc, marks[doc.id].counted_id if doc.id in marks else None)
        for doc in found[offset : offset + limit]
    ]


@router.get("/documents/{document_id}")
def document(
    db: DbDep,
    labels: LabelsDep,
    document_id: int,
    user: Reader,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=0, le=PARAGRAPHS_MAX)] = PARAGRAPHS_PAGE,
) -> DocumentDetailOut:
    """A document with `limit` of its paragraphs from `offset`, in order, each with its tags;
    `paragraph_count` says how many it has (ask again with the next offset for more)."""
    page = document_page(db, document_id, user=user, offset=offset, limit=limit)
    detail = document_detail_out(page.document, page.paragraphs, page.offset, labels)
    mark = copy_marks(db).get(document_id)
    if mark is None:
        return detail
    return detail.model_copy(update={"counted": False, "counted_instead": mark.counted_id})


@router.delete("/documents/{document_id}")
def remove_document(db: DbDep, settings: SettingsDep, document_id: int, user: Admin) -> DeletedOut:
    """Delete a document with its paragraphs, tags and uploaded file (administrators)."""
    return DeletedOut(deleted=delete_with_file(db, document_id, user=user, settings=settings))


@router.patch("/documents/{document_id}")
def correct(
    db: DbDep, document_id: int, body: DocumentCorrectionIn, user: Editor
) -> dict[str, dict[str, Any]]:
    """Correct a document's country, title, kind or review cycle (analysts and administrators);
    returns the fields changed, before and after, as the audit log records them."""
    correction = DocumentCorrection(
        country=None if body.country is None else check_country(body.country),
        title=body.title,
        kind=body.kind,
        review_cycle=body.review_cycle,
    )
    return correct_document(db, document_id, correction, user=user)


@router.get("/documents/{document_id}/proposals")
def proposals(db: DbDep, document_id: int, user: Editor) -> list[ProposalOut]:
    """Copy and version decisions about this document held for an analyst."""
    return [proposal_out(p) for p in pending_proposals(db, [document_id])]


@router.post("/proposals/{proposal_id}/{decision}")
def decide(db: DbDep, proposal_id: int, decision: str, user: Editor) -> ProposalOut:
    """Accept or refuse a copy or version decision held for an analyst."""
    if decision not in ("accept", "refuse"):
        raise HTTPException(status_code=404, detail="no such decision: use accept or refuse")
    p = decide_proposal(db, proposal_id, accept=decision == "accept", user_name=user.name)
    return proposal_out(p)


@router.post("/documents", status_code=202)
def upload_document(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    user: Uploader,
    file: Annotated[UploadFile, File(description="A PDF, DOCX, HTML or text file.")],
) -> JobOut:
    """Upload a file; it is read, stored and tagged in the background (poll /api/jobs/{id})."""
    job = receive_upload(request, file, user, db=db, settings=settings)
    return job_out(job, linked=False)


@router.get("/jobs/{job_id}")
def job(request: Request, db: DbDep, job_id: str, user: Uploader) -> JobOut:
    """The progress of one of your uploads."""
    found = jobs_of(request).get(job_id, user)
    if found is None:
        raise HTTPException(status_code=404, detail="no such upload job")
    linked = found.document_id is not None and document_visible(db, found.document_id, user=user)
    return job_out(found, linked=linked)


@router.get("/paragraphs/{paragraph_id}")
def paragraph(db: DbDep, labels: LabelsDep, paragraph_id: int, user: Reader) -> ParagraphOut:
    """A paragraph with its tags and their evidence."""
    return paragraph_out(paragraph_with_tags(db, paragraph_id, user=user), labels)
