"""`gcm-review serve`: the analyst web app on uvicorn."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from gcm_review.cli.app import app
from gcm_review.cli.common import DatabaseUrlOption, err, fail, resolve_settings, shown
from gcm_review.errors import AddressUnavailable, GcmReviewError
from gcm_review.store.database import safe_url

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (0.0.0.0 for every interface).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Port to listen on (1-65535).")
    ] = 8000,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Run the analyst web app: documents, uploads, tags to review, the audit log.

    Sign in with an account made by `gcm-review users add`. GET /healthz answers 200 once the
    app is ready; the JSON API is described at /openapi.json.
    """
    import uvicorn

    from gcm_review.store.users import list_users
    from gcm_review.web import create_app

    settings = resolve_settings(database_url=database_url)
    try:
        check_address(host, port)
        web_app = create_app(settings)
    except GcmReviewError as exc:
        raise fail(exc) from None
    if not list_users(web_app.state.db):
        err.print(
            "No accounts yet: create one with "
            "`gcm-review users add NAME --role admin` before signing in.",
            highlight=False,
        )
    if host not in LOCAL_HOSTS and not settings.secure_cookies:
        err.print(
            "note: listening beyond this computer; serve it behind HTTPS and set "
            "GCM_REVIEW_SECURE_COOKIES=true so session cookies never travel in clear.",
            highlight=False,
        )
    err.print(
        shown(
            f"gcm-review on http://{host}:{port}/ (database {safe_url(settings.database_url)}); "
            "press Ctrl+C to stop."
        ),
        highlight=False,
        soft_wrap=True,
    )
    uvicorn.run(web_app, host=host, port=port, log_level="info")


def check_address(host: str, port: int) -> None:
    """Raise AddressUnavailable unless `host` resolves and `port` is free there (bound, let go)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte; UnicodeError: a bad name
        raise AddressUnavailable(f"cannot listen on {host}:{port} ({exc})") from None
