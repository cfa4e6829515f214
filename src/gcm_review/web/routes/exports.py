"""Exports: the matrix, the paragraphs and the report files of the documents the account may
see, as downloads; the long ones (report.html, report.docx, matrix.xlsx) also made in the
background, their progress shown, and downloaded when ready."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel

from gcm_review.store.users import User
from gcm_review.web.deps import is_htmx, redirect, render, require
from gcm_review.web.export_files import (
    EXPORT_NAMES,
    EXPORTS,
    ExportFile,
    download_name,
    export_content,
    export_maker,
)
from gcm_review.web.i18n import N_
from gcm_review.web.jobs import IngestJobs, Job
from gcm_review.web.synthesis_cache import scoped_synthesis

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["analysis"])

Exporter = Annotated[User, Depends(require("export"))]
NAMES = ", ".join(EXPORT_NAMES)
RECENT_JOBS = 10


class ExportJobOut(BaseModel):
    """An export being made in the background."""

    id: str
    name: str
    state: str
    step: str
    progress: float
    error: str | None
    created_at: datetime
    download: str | None  # where to get the file once it is ready


def _export(name: str, *, background: bool = False) -> ExportFile:
    export = EXPORT_NAMES.get(name)
    if export is None or (background and not export.background):
        raise HTTPException(status_code=404, detail=f"There is no export named {name!r}")
    return export


def _jobs(request: Request) -> IngestJobs:
    jobs: IngestJobs = request.app.state.jobs
    return jobs


def _attachment(filename: str) -> dict[str, str]:
    return {
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store",
    }


def download(request: Request, user: User, name: str) -> Response:
    """The export as an attachment."""
    export = _export(name)
    framework = request.app.state.synthesis.framework
    content = export_content(scoped_synthesis(request, user), export, framework)
    filename = download_name(export, user.document_scope)
    return Response(content, media_type=export.media_type, headers=_attachment(filename))


def start_export(request: Request, user: User, name: str) -> Job:
    """Queue the export's writing from the data as it is now."""
    export = _export(name, background=True)
    framework = request.app.state.synthesis.framework
    make = export_maker(scoped_synthesis(request, user), export, framework)
    return _jobs(request).submit_export(user, export.name, make)


def _job_or_404(request: Request, job_id: str, user: User) -> Job:
    job = _jobs(request).get(job_id, user)
    if job is None or job.kind != "export":
        raise HTTPException(status_code=404, detail=N_("There is no such export job"))
    return job


def job_out(job: Job) -> ExportJobOut:
    ready = job.state == "done" and job.file is not None
    return ExportJobOut(
        id=job.id,
        name=job.name,
        state=job.state,
        step=job.step,
        progress=job.progress,
        error=job.error,
        created_at=job.created_at,
        download=f"/exports/jobs/{job.id}/file" if ready else None,
    )


@router.get("/exports")
def exports_page(request: Request, user: Exporter) -> Response:
    """The files to download, and the exports being made."""
    entry = scoped_synthesis(request, user)
    context = {
        "exports": EXPORTS,
        "documents": len(entry.review.documents),
        "jobs": _jobs(request).recent(user, limit=RECENT_JOBS, kind="export"),
    }
    return render(request, "exports.html", context, user=user)


@router.post("/exports/{name}/jobs")
def make_export(request: Request, user: Exporter, name: str) -> Response:
    """Start making a long export in the background; then follow its progress."""
    job = start_export(request, user, name)
    if is_htmx(request):
        return render(request, "_export_job.html", {"job": job}, user=user)
    return redirect(f"/exports/jobs/{job.id}")


@router.get("/exports/jobs/{job_id}")
def export_job_page(request: Request, user: Exporter, job_id: str) -> Response:
    """An export's progress (refreshes itself until it is ready)."""
    job = _job_or_404(request, job_id, user)
    return render(request, "export_job.html", {"job": job}, user=user)


@router.get("/exports/jobs/{job_id}/status")
def export_job_status(request: Request, user: Exporter, job_id: str) -> Response:
    """The progress fragment HTMX polls every second."""
    job = _job_or_404(request, job_id, user)
    return render(request, "_export_job.html", {"job": job}, user=user)


def job_file(request: Request, user: User, job_id: str) -> Response:
    """A finished export's file as an attachment."""
    job = _job_or_404(request, job_id, user)
    if job.state != "done" or job.file is None or not job.file.is_file():
        raise HTTPException(status_code=404, detail=N_("This export is not ready, or is gone"))
    export = _export(job.name)
    return FileResponse(
        job.file,
        media_type=export.media_type,
        headers=_attachment(download_name(export, job.scope)),
    )


@router.get("/exports/jobs/{job_id}/file")
def export_job_file(request: Request, user: Exporter, job_id: str) -> Response:
    """The file a finished export wrote."""
    return job_file(request, user, job_id)


@router.get("/exports/{name}")
def export_file(request: Request, user: Exporter, name: str) -> Response:
    """One file, as an attachment."""
    return download(request, user, name)


@api.post("/exports/{name}/jobs", status_code=202, summary="Make a long export in the background")
def make_export_api(request: Request, user: Exporter, name: str) -> ExportJobOut:
    """Start writing report.html, report.docx or matrix.xlsx in the background; poll GET
    /api/exports/jobs/{id} until `download` gives the file's address."""
    return job_out(start_export(request, user, name))


@api.get("/exports/jobs/{job_id}", summary="An export's progress")
def export_job_api(request: Request, user: Exporter, job_id: str) -> ExportJobOut:
    """The state of an export you started."""
    return job_out(_job_or_404(request, job_id, user))


@api.get(
    "/exports/jobs/{job_id}/file",
    summary="Download a finished export",
    response_class=Response,
    responses={200: {"description": "The file, as an attachment."}},
)
def export_job_file_api(request: Request, user: Exporter, job_id: str) -> Response:
    """The file a finished export wrote."""
    return job_file(request, user, job_id)


@api.get(
    "/exports/{name}",
    summary="Download an export",
    response_class=Response,
    responses={200: {"description": f"The file, as an attachment. Names: {NAMES}."}},
)
def export_api(request: Request, user: Exporter, name: str) -> Response:
    """One export of the documents you may see, as an attachment: matrix.csv (counts),
    matrix-addressed.csv (0/1), matrix.xlsx, paragraphs.csv, paragraphs.jsonl, report.html,
    report.docx or synthesis.json."""
    return download(request, user, name)
