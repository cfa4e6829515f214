"""The analyst web app: `create_app(settings)` builds it on the configured database.

Each area is one APIRouter in web/routes/; a new area adds its router to ROUTERS and, if it has a
page, a NavItem to NAV. Every form post and API call that changes something needs the session's
CSRF token (an app-wide dependency), and every page runs with a strict Content-Security-Policy.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import jinja2
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.middleware.sessions import SessionMiddleware

from gcm_review import __version__
from gcm_review.frameworks import load_framework
from gcm_review.logs import setup_logging
from gcm_review.settings import Settings
from gcm_review.store.database import open_database
from gcm_review.web import display
from gcm_review.web.access_audit import DownloadAudit
from gcm_review.web.catalogues import translations
from gcm_review.web.deps import NavItem
from gcm_review.web.embedding import SearchIndex, SharedEmbedder
from gcm_review.web.failures import install_error_handlers
from gcm_review.web.i18n import LANGUAGES, N_, NAMES, LocalisedTemplates, direction
from gcm_review.web.jobs import IngestJobs
from gcm_review.web.path_ids import check_path_ids
from gcm_review.web.routes import (
    account,
    adjudication,
    agreement,
    api_documents,
    api_tags,
    audit,
    auth,
    documents,
    exports,
    language,
    matrix,
    review,
    search,
    synthesis,
    tag_evidence,
    training,
    users,
)
from gcm_review.web.security import (
    BodySizeLimit,
    LoginLimiter,
    SecurityHeaders,
    check_csrf,
    session_secret,
)
from gcm_review.web.synthesis_cache import SynthesisCache

WEB_DIR = Path(__file__).parent
STATIC_DIR = WEB_DIR / "static"
TEMPLATES_DIR = WEB_DIR / "templates"
HTMX_FILE = STATIC_DIR / "vendor" / "htmx.min.js"
FORM_OVERHEAD = 1_000_000  # bytes a multipart form may add around the largest file

NAV: tuple[NavItem, ...] = (
    NavItem(N_("Documents"), "/documents", "document.read"),
    NavItem(N_("Review queue"), "/review", "tag.review"),
    NavItem(N_("Matrix"), "/matrix", "synthesis.read"),
    NavItem(N_("Synthesis"), "/synthesis", "synthesis.read"),
    NavItem(N_("Search"), "/search", "document.read"),
    NavItem(N_("Agreement"), "/agreement", "agreement.read"),
    NavItem(N_("Exports"), "/exports", "export"),
    NavItem(N_("Training"), "/admin/training", "retrain"),
    NavItem(N_("Audit log"), "/audit", "audit.read"),
    NavItem(N_("Users"), "/admin/users", "user.manage"),
    NavItem(N_("Account"), "/account/tokens", "document.read"),
)
ROUTERS: tuple[APIRouter, ...] = (
    auth.router,
    language.router,
    documents.router,
    review.router,
    audit.router,
    matrix.router,
    synthesis.router,
    tag_evidence.router,
    search.router,
    agreement.router,
    adjudication.router,
    exports.router,
    training.router,
    users.router,
    account.router,
    api_documents.router,
    api_tags.router,
    matrix.api,
    synthesis.api,
    search.api,
    agreement.api,
    adjudication.api,
    exports.api,
    training.api,
)

health = APIRouter()


@health.get("/healthz", include_in_schema=False)
def healthz(request: Request) -> JSONResponse:
    """200 once the app is up and its database answers; 503 otherwise."""
    try:
        with request.app.state.db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return JSONResponse({"status": "database unavailable"}, status_code=503)
    return JSONResponse({"status": "ok", "version": __version__})


def _environment(framework: str, language: str) -> jinja2.Environment:
    """The Jinja environment of the pages in one language."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package: never stat them per request
        extensions=["jinja2.ext.i18n"],
    )
    env.policies["ext.i18n.trimmed"] = True  # {% trans %} text with its whitespace collapsed
    messages = translations(language)
    env.install_gettext_translations(messages, newstyle=True)  # type: ignore[attr-defined]
    page_language = display.PageLanguage(
        code=language,
        direction=direction(language),
        choices=tuple((code, NAMES[code]) for code in LANGUAGES),
        message=messages.gettext,
    )
    display.install(env, display.label_names(framework, language), page_language)
    return env


def _templates(framework: str) -> LocalisedTemplates:
    """The pages in every interface language, each request's chosen by its language."""
    return LocalisedTemplates(
        {language: Jinja2Templates(env=_environment(framework, language)) for language in LANGUAGES}
    )


def create_app(settings: Settings) -> FastAPI:
    """The web app on the database of `settings` (opened, and migrated, here once)."""
    setup_logging(settings.log_file_path)
    db = open_database(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.search_index.warm()
        yield
        app.state.search_index.close()
        app.state.jobs.shutdown()
        app.state.embedder.close()
        db.close()

    app = FastAPI(
        title="gcm-review",
        version=__version__,
        description="Review GCM reports: documents, paragraphs and their tags, the country matrix, "
        "the synthesis, search, coder agreement and exports. Scripts send a personal API "
        "token (made on the API tokens page) as `Authorization: Bearer <token>`, and need no "
        "CSRF token. In the browser the JSON API uses the session; send the session's CSRF "
        "token (GET /api/session) in the X-CSRF-Token header with every POST or DELETE.",
        docs_url=None,  # the Swagger and ReDoc pages load scripts from a CDN; /openapi.json stays
        redoc_url=None,
        lifespan=lifespan,
        dependencies=[Depends(check_csrf), Depends(check_path_ids)],
    )
    app.state.settings = settings
    app.state.db = db
    app.state.labels = display.label_names(settings.framework)
    app.state.templates = _templates(settings.framework)
    app.state.nav = list(NAV)
    app.state.htmx = HTMX_FILE.is_file()
    app.state.login_limiter = LoginLimiter()
    app.state.jobs = IngestJobs(db, settings)
    # One embedder for search and the synthesis, and the synthesis of each scope cached.
    app.state.embedder = SharedEmbedder(settings.embedder, cache_path=settings.vector_cache_path)
    app.state.search_index = SearchIndex(db, app.state.embedder)
    app.state.jobs.on_stored = app.state.search_index.warm  # new paragraphs get their vectors
    app.state.synthesis = SynthesisCache(
        db,
        rule=settings.attention_rule,
        embedder=app.state.embedder,
        framework=load_framework(settings.framework),
        max_scopes=settings.synthesis_cache_scopes,
        warm=True,
    )
    install_error_handlers(app)
    app.add_middleware(
        SessionMiddleware,
        secret_key=session_secret(settings),
        session_cookie="gcm_review_session",
        max_age=int(settings.session_hours * 3600),  # the server ends the session itself
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    app.add_middleware(DownloadAudit)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(
        BodySizeLimit,
        max_bytes=settings.max_file_bytes + FORM_OVERHEAD,
        message=f"The upload is larger than the limit of {settings.max_file_mb:g} MB; split the "
        "file, or ask the administrator to raise max_file_mb.",
    )
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(health)
    for router in ROUTERS:
        app.include_router(router)
    return app
