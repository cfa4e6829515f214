"""Exports: the matrix, the paragraphs and the report files of the documents the account may
see, as downloads."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from gcm_review.store.users import User
from gcm_review.web.deps import render, require
from gcm_review.web.export_files import (
    EXPORT_NAMES,
    EXPORTS,
    ExportFile,
    download_name,
    export_content,
)
from gcm_review.web.synthesis_cache import scoped_synthesis

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["analysis"])

Exporter = Annotated[User, Depends(require("export"))]
NAMES = ", ".join(EXPORT_NAMES)


def _export(name: str) -> ExportFile:
    export = EXPORT_NAMES.get(name)
    if export is None:
        raise HTTPException(status_code=404, detail=f"There is no export named {name!r}")
    return export


def download(request: Request, user: User, name: str) -> Response:
    """The export as an attachment."""
    export = _export(name)
    framework = request.app.state.synthesis.framework
    content = export_content(scoped_synthesis(request, user), export, framework)
    filename = download_name(export, user.document_scope)
    return Response(
        content,
        media_type=export.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/exports")
def exports_page(request: Request, user: Exporter) -> Response:
    """The files to download."""
    entry = scoped_synthesis(request, user)
    context = {"exports": EXPORTS, "documents": len(entry.review.documents)}
    return render(request, "exports.html", context, user=user)


@router.get("/exports/{name}")
def export_file(request: Request, user: Exporter, name: str) -> Response:
    """One file, as an attachment."""
    return download(request, user, name)


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
