"""Documents: the list, uploads with background ingest, one document's paragraphs, deleting."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, Request, UploadFile
from fastapi.responses import Response

from gcm_review.settings import Settings
from gcm_review.store.browse import document_page, document_visible
from gcm_review.store.database import Database
from gcm_review.store.document_admin import delete_document
from gcm_review.store.documents import list_documents
from gcm_review.store.users import User
from gcm_review.web.deps import (
    DbDep,
    SettingsDep,
    flash,
    is_htmx,
    redirect,
    render,
    require,
)
from gcm_review.web.i18n import N_, translate
from gcm_review.web.jobs import IngestJobs, Job
from gcm_review.web.permissions import allows
from gcm_review.web.uploads import check_format, display_name, save_upload, upload_folder

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 200  # paragraphs per page of the document view

Reader = Annotated[User, Depends(require("document.read"))]
Uploader = Annotated[User, Depends(require("document.upload"))]
Admin = Annotated[User, Depends(require("document.delete"))]


def jobs_of(request: Request) -> IngestJobs:
    """The app's background ingest jobs."""
    jobs: IngestJobs = request.app.state.jobs
    return jobs


@router.get("/documents")
def documents_page(request: Request, db: DbDep, user: Reader) -> Response:
    """The documents the user may see, newest first, with the upload form."""
    settings: Settings = request.app.state.settings
    context = {
        "documents": list_documents(db, country=user.document_scope),
        "jobs": [_job_context(db, job, user) for job in jobs_of(request).recent(user)],
        "max_file_mb": f"{settings.max_file_mb:g}",
    }
    return render(request, "documents.html", context, user=user)


def receive_upload(
    request: Request, file: UploadFile, user: User, *, db: Database, settings: Settings
) -> Job:
    """Save the uploaded file under a generated name, check its type, queue its ingest."""
    name = display_name(file.filename)
    upload = save_upload(
        file.file, upload_folder(settings), name=name, max_bytes=settings.max_file_bytes
    )
    try:
        check_format(upload)
    except Exception:
        upload.path.unlink(missing_ok=True)
        raise
    return jobs_of(request).submit(upload, user)


@router.post("/documents/upload")
def upload(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    user: Uploader,
    file: Annotated[UploadFile, File(description="A PDF, DOCX, HTML or text file.")],
) -> Response:
    """Start ingesting an uploaded file; then follow its progress."""
    job = receive_upload(request, file, user, db=db, settings=settings)
    if is_htmx(request):
        return render(request, "_job.html", {"job": job, "linked": False}, user=user)
    return redirect(f"/documents/jobs/{job.id}")


def _job_or_404(request: Request, job_id: str, user: User) -> Job:
    job = jobs_of(request).get(job_id, user)
    if job is None:
        raise HTTPException(status_code=404, detail=N_("There is no such upload job"))
    return job


def _job_context(db: Database, job: Job, user: User) -> dict[str, object]:
    linked = job.document_id is not None and document_visible(db, job.document_id, user=user)
    return {"job": job, "linked": linked}


@router.get("/documents/jobs/{job_id}")
def job_page(request: Request, db: DbDep, job_id: str, user: Uploader) -> Response:
    """An upload's progress (refreshes itself until it is finished)."""
    job = _job_or_404(request, job_id, user)
    return render(request, "job.html", _job_context(db, job, user), user=user)


@router.get("/documents/jobs/{job_id}/status")
def job_status(request: Request, db: DbDep, job_id: str, user: Uploader) -> Response:
    """The progress fragment HTMX polls every second."""
    job = _job_or_404(request, job_id, user)
    response = render(request, "_job.html", _job_context(db, job, user), user=user)
    if job.finished and job.document_id is not None:
        response.headers["HX-Trigger"] = "documents-changed"  # the list reloads itself
    return response


@router.get("/documents/{document_id}")
def document_view(
    request: Request, db: DbDep, document_id: int, user: Reader, page: int = 1
) -> Response:
    """A document's paragraphs in order, with their tags and evidence."""
    page = max(page, 1)
    shown = document_page(
        db, document_id, user=user, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE
    )
    pages = max(1, -(-shown.document.paragraphs // PAGE_SIZE))
    context = {
        "doc": shown.document,
        "paragraphs": shown.paragraphs,
        "page": page,
        "pages": pages,
        "may_review": allows(user, "tag.review"),
        "back": f"/documents/{document_id}" + (f"?page={page}" if page > 1 else ""),
    }
    return render(request, "document.html", context, user=user)


@router.get("/documents/{document_id}/delete")
def confirm_delete(request: Request, db: DbDep, document_id: int, user: Admin) -> Response:
    """Ask before deleting a document."""
    shown = document_page(db, document_id, user=user, limit=0)
    return render(request, "delete.html", {"doc": shown.document}, user=user)


@router.post("/documents/{document_id}/delete")
def delete(request: Request, db: DbDep, document_id: int, user: Admin) -> Response:
    """Delete a document with its paragraphs and tags."""
    deleted = delete_document(db, document_id, user=user)
    message = translate(
        request,
        "Deleted %(name)s (version %(version)s).",
        name=deleted["name"],
        version=deleted["version"],
    )
    flash(request, message)
    return redirect("/documents")
