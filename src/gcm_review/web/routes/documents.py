"""Documents: the list, uploads with background ingest (several files at once), one document's
paragraphs, copies and versions (marks, and proposals an analyst accepts or refuses), correcting
a document's header, deleting (its uploaded file with it)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from gcm_review.settings import Settings
from gcm_review.store.browse import document_page, document_visible
from gcm_review.store.database import Database
from gcm_review.store.document_admin import (
    DOCUMENT_KINDS,
    DocumentCorrection,
    correct_document,
    delete_document,
    document_names,
    uploaded_file,
)
from gcm_review.store.documents import list_documents
from gcm_review.store.relations import StoredRelation
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
from gcm_review.web.i18n import N_, translate, translate_plural
from gcm_review.web.jobs import IngestJobs, Job
from gcm_review.web.permissions import allows
from gcm_review.web.uploads import (
    check_country,
    check_format,
    display_name,
    remove_upload,
    save_upload,
    upload_folder,
)
from gcm_review.workflows.copies import (
    CopyMark,
    copy_marks,
    decide_proposal,
    pending_proposals,
)

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 200  # paragraphs per page of the document view

Reader = Annotated[User, Depends(require("document.read"))]
Uploader = Annotated[User, Depends(require("document.upload"))]
Admin = Annotated[User, Depends(require("document.delete"))]
Editor = Annotated[User, Depends(require("document.edit"))]


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
        "marks": copy_marks(db),
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
    file: Annotated[list[UploadFile], File(description="PDF, DOCX, HTML or text files.")],
) -> Response:
    """Start ingesting each uploaded file as a job of its own; then follow their progress."""
    jobs = [receive_upload(request, one, user, db=db, settings=settings) for one in file]
    if is_htmx(request):
        parts = [
            render(request, "_job.html", {"job": job, "linked": False}, user=user).body
            for job in reversed(jobs)  # swapped in at the top of the list: the first ends first
        ]
        return HTMLResponse(b"".join(bytes(part) for part in parts))
    if len(jobs) == 1:
        return redirect(f"/documents/jobs/{jobs[0].id}")
    message = translate_plural(
        request,
        "%(num)s file is being read; it appears in the list when done.",
        "%(num)s files are being read; they appear in the list when done.",
        len(jobs),
    )
    flash(request, message)
    return redirect("/documents")


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
        **copies_context(db, document_id, user),
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
    deleted = delete_with_file(db, document_id, user=user, settings=request.app.state.settings)
    message = translate(
        request,
        "Deleted %(name)s (version %(version)s).",
        name=deleted["name"],
        version=deleted["version"],
    )
    flash(request, message)
    return redirect("/documents")


def delete_with_file(
    db: Database, document_id: int, *, user: User, settings: Settings
) -> dict[str, object]:
    """Delete a document, then the file kept from its upload (a file ingested from the command
    line is the user's own and stays)."""
    path = uploaded_file(db, document_id, user=user)
    deleted = delete_document(db, document_id, user=user)
    remove_upload(path, settings)
    return deleted


SAME_FILE = N_("A newer version of the same file.")
CORRECTED_TEXT = N_("A later, corrected text of the same report (%(share)s the same).")
CLEANER_COPY = N_("The same report in a cleaner copy (%(share)s the same text).")


def proposal_reason(proposal: StoredRelation) -> tuple[str, dict[str, str]] | None:
    """Why a copy or version was proposed, as a message and its values (as the copy rule's
    `Relation.reason` says it), or None when its share of text in common is unknown."""
    share = proposal.similarity
    if share is None or proposal.kind not in ("copy", "version"):
        return None
    if proposal.kind == "version" and share >= 1.0:
        return SAME_FILE, {}
    values = {"share": f"{share:.0%}"}
    return (CORRECTED_TEXT if proposal.kind == "version" else CLEANER_COPY), values


def copies_context(db: Database, document_id: int, user: User) -> dict[str, object]:
    """The document page's copies and versions: why it does not count, if it does not, and the
    proposals about it held for an analyst (naming the other document only when visible)."""
    mark: CopyMark | None = copy_marks(db).get(document_id)
    proposals = pending_proposals(db, [document_id])
    others = [p.kept_id if p.document_id == document_id else p.document_id for p in proposals]
    names = document_names(db, others)
    shown = []
    for proposal, other in zip(proposals, others, strict=True):
        name, version, country = names.get(other, ("", 0, None))
        visible = user.may_see(country)
        shown.append(
            {
                "proposal": proposal,
                "reason": proposal_reason(proposal),  # None: show the stored English reason
                "set_aside_here": proposal.document_id == document_id,
                "other_id": other if visible else None,
                "other_name": name if visible else None,
                "other_version": version if visible else None,
            }
        )
    return {
        "mark": mark,
        "mark_visible": mark is not None and document_visible(db, mark.counted_id, user=user),
        "proposals": shown,
        "may_edit": allows(user, "document.edit"),
    }


@router.post("/documents/{document_id}/proposals/{proposal_id}/{decision}")
def decide(
    request: Request, db: DbDep, document_id: int, proposal_id: int, decision: str, user: Editor
) -> Response:
    """Accept or refuse a copy or version decision held for an analyst."""
    if decision not in ("accept", "refuse"):
        raise HTTPException(status_code=404, detail=N_("There is no such decision"))
    held = [p.id for p in pending_proposals(db, [document_id])]
    if proposal_id not in held:
        raise HTTPException(
            status_code=404, detail=N_("There is no such proposal for this document")
        )
    decide_proposal(db, proposal_id, accept=decision == "accept", user_name=user.name)
    recorded = N_("The decision was recorded.")
    refused = N_("The proposal was refused.")
    flash(request, translate(request, recorded if decision == "accept" else refused))
    return redirect(f"/documents/{document_id}")


@router.get("/documents/{document_id}/edit")
def edit_form(request: Request, db: DbDep, document_id: int, user: Editor) -> Response:
    """The form correcting a document's country, title, kind and review cycle."""
    shown = document_page(db, document_id, user=user, limit=0)
    context = {"doc": shown.document, "kinds": DOCUMENT_KINDS}
    return render(request, "document_edit.html", context, user=user)


@router.post("/documents/{document_id}/edit")
def edit(
    request: Request,
    db: DbDep,
    document_id: int,
    user: Editor,
    country: Annotated[str, Form(max_length=3)] = "",
    title: Annotated[str, Form(max_length=1000)] = "",
    kind: Annotated[str, Form(max_length=30)] = "",
    review_cycle: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """Correct the document's header; the change is recorded in the audit log."""
    correction = DocumentCorrection(
        country=check_country(country) if country.strip() else None,
        title=title,
        kind=kind,
        review_cycle=review_cycle,
    )
    changed = correct_document(db, document_id, correction, user=user)
    corrected = N_("The document was corrected.")
    unchanged = N_("Nothing was changed.")
    flash(request, translate(request, corrected if changed["after"] else unchanged))
    return redirect(f"/documents/{document_id}")
