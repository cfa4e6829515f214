"""The synthesis page: attention by objective, country profiles, roundtables, principles,
recommendations and draft key messages, each linked to its paragraphs.

The page's body depends only on the account's document scope, so it is rendered once per
cached synthesis and reused by every request until the data changes.
"""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from gcm_review.report.synthesis_charts import ATTENTION_LEGEND, attention_chart, principles_chart
from gcm_review.report.synthesis_json import synthesis_record
from gcm_review.store.users import User
from gcm_review.synthesis.records import (
    ATTENTION_CATEGORIES,
    PROFILE_STATEMENT_TYPES,
    STATEMENT_TYPE_TITLES,
)
from gcm_review.web.charts import inline_svg
from gcm_review.web.deps import render, require
from gcm_review.web.synthesis_cache import ScopedSynthesis, scoped_synthesis

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["analysis"])

Reader = Annotated[User, Depends(require("synthesis.read"))]


def synthesis_body(templates: Jinja2Templates, entry: ScopedSynthesis) -> Markup:
    """The page's body for this synthesis (rendered with autoescape, so it is safe HTML)."""
    synthesis = entry.synthesis
    charts = bool(synthesis.matrix.countries)
    context = {
        "synthesis": synthesis,
        "link": entry.link,
        "categories": [(key, ATTENTION_LEGEND[key]) for key in ATTENTION_CATEGORIES],
        "statement_types": PROFILE_STATEMENT_TYPES,
        "statement_titles": STATEMENT_TYPE_TITLES,
        "attention_svg": inline_svg(attention_chart(synthesis)) if charts else None,
        "principles_svg": inline_svg(principles_chart(synthesis)) if charts else None,
    }
    return Markup(templates.get_template("_synthesis_body.html").render(context))


@router.get("/synthesis")
def synthesis_page(request: Request, user: Reader) -> Response:
    """The draft synthesis of the documents the user may see."""
    entry = scoped_synthesis(request, user)
    templates: Jinja2Templates = request.app.state.templates
    body = entry.memo("synthesis-body", lambda: synthesis_body(templates, entry))
    context = {"synthesis": entry.synthesis, "body": body}
    return render(request, "synthesis.html", context, user=user)


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
