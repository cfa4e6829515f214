"""The synthesis page: the report's sections (key messages, regional synthesis, what each
country reported, roundtables, guiding principles, stakeholders, recommendations), each
statement linked to its paragraphs on their document's page; and the synthesis as JSON.

A synthesis not drafted within DRAFT_WAIT_SECONDS (a regional corpus takes seconds the first
time) is drafted in the background while the page says so and reloads itself.

The page's body depends only on the account's document scope and the interface language (of
the links around the report's text), so it is rendered once per cached synthesis and language
and reused by every request until the data changes.
"""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from gcm_review.report.synthesis_json import synthesis_record
from gcm_review.store.users import User
from gcm_review.web.catalogues import translations
from gcm_review.web.deps import is_htmx, render, require
from gcm_review.web.i18n import N_, language_of
from gcm_review.web.report_view import SynthesisView, synthesis_view
from gcm_review.web.synthesis_cache import ScopedSynthesis, SynthesisCache, scoped_synthesis

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["analysis"])

DRAFT_WAIT_SECONDS = 1.5  # how long the page waits for a synthesis being drafted ...
RELOAD_SECONDS = 3  # ... before it answers "being drafted" and reloads itself this much later
Reader = Annotated[User, Depends(require("synthesis.read"))]
Anchor = Annotated[str, Path(pattern=r"^[a-z0-9-]{1,60}$")]
PageNumber = Annotated[int, Path(ge=0, le=100_000)]


def _view(request: Request, entry: ScopedSynthesis) -> SynthesisView:
    cache: SynthesisCache = request.app.state.synthesis
    language = language_of(request)
    gettext = translations(language).gettext
    return entry.memo(
        f"synthesis-view:{language}", lambda: synthesis_view(entry, cache.framework, gettext)
    )


@router.get("/synthesis")
def synthesis_page(request: Request, user: Reader) -> Response:
    """The draft synthesis of the documents the user may see; while it is being drafted (a
    regional corpus takes seconds), a page saying so that reloads itself."""
    entry = scoped_synthesis(request, user)
    cache: SynthesisCache = request.app.state.synthesis
    if not entry.failed:  # after a failed draft, this request drafts again and shows the error
        cache.draft_soon(entry)
        if entry.synthesis_within(DRAFT_WAIT_SECONDS) is None:
            waiting = {"paragraphs": len(entry.paragraphs), "reload": RELOAD_SECONDS}
            return render(request, "synthesis_drafting.html", waiting, user=user)
    context = {"synthesis": entry.synthesis, "view": _view(request, entry)}
    return render(request, "synthesis.html", context, user=user)


@router.get("/synthesis/parts/{anchor}/{number}")
def synthesis_part(request: Request, user: Reader, anchor: Anchor, number: PageNumber) -> Response:
    """One further page of a section of the synthesis page (the fragment when HTMX asks)."""
    view = _view(request, scoped_synthesis(request, user))
    page = view.page(anchor, number)
    if page is None:
        raise HTTPException(status_code=404, detail=N_("There is no such part of the synthesis"))
    if is_htmx(request):
        return HTMLResponse(page)
    context = {"title": view.titles[anchor], "anchor": anchor, "page": page}
    return render(request, "synthesis_part.html", context, user=user)


def synthesis_json(entry: ScopedSynthesis) -> bytes:
    """synthesis.json's content for this synthesis."""
    return json.dumps(synthesis_record(entry.synthesis), ensure_ascii=False).encode("utf-8")


@api.get(
    "/synthesis",
    summary="The draft synthesis",
    response_class=JSONResponse,
    responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}},
)
def synthesis_api(request: Request, user: Reader) -> Response:
    """The synthesis of the documents you may see, as in synthesis.json: `rule` (with its text),
    `objectives` (attention category, countries, share, paragraph ids), `countries` (profiles:
    objectives with the strongest sentence, statements by type), `roundtables`, `principles`,
    `recommendations` (most supported first, with their sources) and draft `key_messages`.
    Every item carries the ids of its paragraphs (GET /api/paragraphs/{id})."""
    entry = scoped_synthesis(request, user)
    body = entry.memo("synthesis-json", lambda: synthesis_json(entry))
    return Response(body, media_type="application/json")
