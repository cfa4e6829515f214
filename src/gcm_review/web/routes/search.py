"""Search: paragraphs holding the query's words (full text), or closest to it in meaning in any
language (semantic), among the documents the account may see."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from gcm_review.embed import Embedder
from gcm_review.store.database import Database
from gcm_review.store.search import SearchHit, full_text_search
from gcm_review.store.users import User
from gcm_review.web.analysis_models import SearchHitOut, SearchOut, SnippetPieceOut
from gcm_review.web.deps import DbDep, render, require
from gcm_review.web.paragraph_links import ParagraphLink, document_ids_of, paragraph_links
from gcm_review.workflows.search import semantic_search

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["analysis"])

Reader = Annotated[User, Depends(require("document.read"))]
Mode = Literal["text", "semantic"]
QueryText = Annotated[str, Query(max_length=500, description="words, or a sentence")]
PAGE_HITS = 50


def find(
    db: Database, embedder: Embedder, user: User, query: str, *, mode: Mode, limit: int
) -> tuple[list[SearchHit], dict[int, ParagraphLink]]:
    """The hits among the user's documents, best first, with a link to each."""
    scope = user.document_scope
    document_ids = None if scope is None else document_ids_of(db, scope)
    if mode == "text":
        hits = full_text_search(db, query, limit=limit, document_ids=document_ids)
    else:
        hits = semantic_search(db, query, embedder=embedder, limit=limit, document_ids=document_ids)
    return hits, paragraph_links(db, [hit.paragraph_id for hit in hits])


def _embedder(request: Request) -> Embedder:
    embedder: Embedder = request.app.state.embedder
    return embedder


@router.get("/search")
def search_page(
    request: Request, db: DbDep, user: Reader, q: QueryText = "", mode: Mode = "text"
) -> Response:
    """The search form, and the paragraphs found for `q`."""
    hits: list[SearchHit] = []
    links: dict[int, ParagraphLink] = {}
    if q.strip():
        hits, links = find(db, _embedder(request), user, q, mode=mode, limit=PAGE_HITS)
    context = {"q": q, "mode": mode, "hits": hits, "links": links, "searched": bool(q.strip())}
    return render(request, "search.html", context, user=user)


@api.get("/search", summary="Search paragraphs")
def search_api(
    request: Request,
    db: DbDep,
    user: Reader,
    q: QueryText,
    mode: Mode = "text",
    limit: Annotated[int, Query(ge=1, le=200)] = PAGE_HITS,
) -> SearchOut:
    """Full text (`text`: every word of `q`, whole words, case and accents ignored) or meaning
    (`semantic`: across languages), among the documents you may see, best first."""
    hits, links = find(db, _embedder(request), user, q, mode=mode, limit=limit)
    return SearchOut(
        query=q,
        mode=mode,
        hits=[
            SearchHitOut(
                paragraph_id=hit.paragraph_id,
                document_id=hit.document_id,
                document=hit.document,
                href=links[hit.paragraph_id].href if hit.paragraph_id in links else "",
                rank=hit.rank,
                snippet=[SnippetPieceOut(text=p.text, match=p.match) for p in hit.snippet],
            )
            for hit in hits
        ],
    )
