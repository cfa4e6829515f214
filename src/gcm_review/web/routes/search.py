"""Search: paragraphs holding the query's words (full text), or closest to it in meaning in any
language (semantic), among the documents the account may see.

A search by meaning shows each hit's similarity and language (marked when it is not the query's),
only hits above the cut-off, and reads paragraph vectors from the app's search index, which a
background thread fills: paragraphs still without one are counted, never embedded all at once
while the user waits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from gcm_review.languages import known_languages
from gcm_review.store.database import Database
from gcm_review.store.search import SearchHit, full_text_search
from gcm_review.store.users import User
from gcm_review.web.analysis_models import SearchHitOut, SearchOut, SnippetPieceOut
from gcm_review.web.catalogues import N_
from gcm_review.web.deps import DbDep, render, require
from gcm_review.web.embedding import SearchIndex
from gcm_review.web.paragraph_links import ParagraphLink, document_ids_of, paragraph_links
from gcm_review.workflows.search import SemanticResult, min_score_for, semantic_search

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["analysis"])

Reader = Annotated[User, Depends(require("document.read"))]
Mode = Literal["text", "semantic"]
QueryText = Annotated[str, Query(max_length=500, description="words, or a sentence")]
PAGE_HITS = 50
INLINE_VECTORS = 200  # paragraphs without a vector a search embeds itself; more: left to the index


@dataclass(frozen=True)
class Found:
    """What a search found, with a link to each hit (and, by meaning, what it could not see)."""

    hits: list[SearchHit]
    links: dict[int, ParagraphLink]
    semantic: SemanticResult | None = None


def find(
    request: Request, db: Database, user: User, query: str, *, mode: Mode, limit: int
) -> Found:
    """The hits among the user's documents, best first, with a link to each."""
    scope = user.document_scope
    document_ids = None if scope is None else document_ids_of(db, scope)
    semantic = None
    if mode == "text":
        hits = full_text_search(db, query, limit=limit, document_ids=document_ids)
    else:
        index: SearchIndex = request.app.state.search_index
        setting = request.app.state.settings.semantic_min_score
        semantic = semantic_search(
            db,
            query,
            embedder=index.embedder,
            limit=limit,
            document_ids=document_ids,
            min_score=min_score_for(index.embedder.name, setting),
            vectors=index.vectors,
            inline_limit=INLINE_VECTORS,
        )
        if semantic.pending:
            index.warm()
        hits = list(semantic.hits)
    return Found(hits, paragraph_links(db, [hit.paragraph_id for hit in hits]), semantic)


# The English names of the languages `known_languages` has, marked so that each interface
# language says them ("In French" -> "En français"); tests/web/test_i18n.py checks the list.
LANGUAGE_NAMES = (
    N_("Arabic"),
    N_("Chinese"),
    N_("English"),
    N_("French"),
    N_("German"),
    N_("Portuguese"),
    N_("Russian"),
    N_("Spanish"),
)


def language_name(code: str | None) -> str | None:
    """The language's English name ("French"), or None when unknown (pages translate it)."""
    found = known_languages().get(code) if code else None
    return found.name if found is not None else None


def other_language(hit: SearchHit, semantic: SemanticResult | None) -> bool:
    """Whether the hit is in another language than the query (when both are known)."""
    if semantic is None or semantic.query_language is None or hit.language is None:
        return False
    return hit.language != semantic.query_language


@router.get("/search")
def search_page(
    request: Request, db: DbDep, user: Reader, q: QueryText = "", mode: Mode = "text"
) -> Response:
    """The search form, and the paragraphs found for `q`."""
    found = Found([], {})
    if q.strip():
        found = find(request, db, user, q, mode=mode, limit=PAGE_HITS)
    context = {
        "q": q,
        "mode": mode,
        "hits": found.hits,
        "links": found.links,
        "semantic": found.semantic,
        "searched": bool(q.strip()),
        "language_name": language_name,
        "other_language": other_language,
    }
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
    """Full text (`text`: every word of `q`, in any of its light forms, case and accents
    ignored) or meaning (`semantic`: across languages, only hits at least `min_score` similar),
    among the documents you may see, best first."""
    found = find(request, db, user, q, mode=mode, limit=limit)
    semantic = found.semantic
    return SearchOut(
        query=q,
        mode=mode,
        min_score=semantic.min_score if semantic else None,
        pending=semantic.pending if semantic else 0,
        query_language=semantic.query_language if semantic else None,
        hits=[
            SearchHitOut(
                paragraph_id=hit.paragraph_id,
                document_id=hit.document_id,
                document=hit.document,
                href=found.links[hit.paragraph_id].href if hit.paragraph_id in found.links else "",
                rank=hit.rank,
                language=hit.language,
                other_language=other_language(hit, semantic),
                snippet=[SnippetPieceOut(text=p.text, match=p.match) for p in hit.snippet],
            )
            for hit in found.hits
        ],
    )
