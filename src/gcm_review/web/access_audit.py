"""The audit of access: refused requests (403, and 404 of what the account may not see) and
downloads, recorded with who, what path and why.

Changes are audited by the store in the transaction that makes them; these events change
nothing, so they are written on their own. Sign-ins and sign-outs are recorded by routes.auth.
"""

from __future__ import annotations

import logging

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gcm_review.errors import GcmReviewError, StorageError
from gcm_review.store.audit import log_event
from gcm_review.store.database import Database
from gcm_review.store.users import User

LOG = logging.getLogger(__name__)
REFUSED = "access.refused"
DOWNLOAD = "download"


def record_refusal(request: Request, status: int, reason: str) -> None:
    """Record that the signed-in account of the request was refused it (nothing when nobody is
    signed in: those requests are sent to the sign-in page)."""
    user = getattr(request.state, "user", None)
    if not isinstance(user, User):
        return
    db: Database = request.app.state.db
    try:
        log_event(
            db,
            user.name,
            REFUSED,
            "page",
            request.url.path,
            after={"method": request.method, "status": status, "reason": reason},
        )
    except StorageError:  # the refusal is answered even when it cannot be recorded
        LOG.warning("could not record a refused %s %s", request.method, request.url.path)


def _attachment(message: Message) -> str | None:
    for name, value in message.get("headers", []):
        if name.lower() == b"content-disposition" and value.startswith(b"attachment"):
            text: str = value.decode("latin-1")
            return text
    return None


class DownloadAudit:
    """Records every successful download (a response sent as an attachment) with its account."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def watching_send(message: Message) -> None:
            if message["type"] == "http.response.start" and message.get("status") == 200:
                attachment = _attachment(message)
                user = scope.get("state", {}).get("user")
                if attachment is not None and isinstance(user, User):
                    await run_in_threadpool(self._record, scope, user, attachment)
            await send(message)

        await self.app(scope, receive, watching_send)

    def _record(self, scope: Scope, user: User, attachment: str) -> None:
        db: Database = scope["app"].state.db
        name = attachment.partition("filename=")[2].strip('"')
        try:
            path = str(scope.get("path", ""))
            log_event(db, user.name, DOWNLOAD, "export", path, after={"file": name})
        except GcmReviewError:
            LOG.warning("could not record the download of %s by %s", name, user.name)
