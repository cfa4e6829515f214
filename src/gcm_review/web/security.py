"""Request security: CSRF tokens, bearer tokens of the API, sign-in throttling, the session
secret, response headers (no caching of anything but static files) and the request size cap.
"""

from __future__ import annotations

import hmac
import os
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

from fastapi import HTTPException, Request
from sqlalchemy.engine import make_url
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gcm_review.errors import TooManyAttempts
from gcm_review.settings import Settings
from gcm_review.web.catalogues import N_

CSRF_SESSION_KEY = "csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
SECRET_FILE_NAME = "gcm-review-secret"
CSRF_REFUSED = N_(
    "This form has expired or did not come from this site (missing or wrong CSRF token): "
    "reload the page and try again"
)


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use."""
    token = request.session.get(CSRF_SESSION_KEY)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        request.session[CSRF_SESSION_KEY] = token
    return token


def bearer_token(request: Request) -> str | None:
    """The API token of an `Authorization: Bearer ...` request to the JSON API (None for pages,
    which take only the session cookie)."""
    if not (request.url.path.startswith("/api/") or request.url.path == "/api"):
        return None
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip() or None


async def check_csrf(request: Request) -> None:
    """Refuse (403) a state-changing request without the session's token in the form field
    `csrf_token` or the header `X-CSRF-Token`. Used as an app-wide dependency.

    A bearer-token API request needs none: it is signed in by its header alone, never by the
    cookie, and another site cannot make a browser send that header."""
    if request.method not in UNSAFE_METHODS or bearer_token(request) is not None:
        return
    expected = request.session.get(CSRF_SESSION_KEY)
    sent = request.headers.get(CSRF_HEADER)
    if not sent and request.headers.get("content-type", "").startswith(FORM_TYPES):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not (isinstance(expected, str) and expected and sent):
        raise HTTPException(status_code=403, detail=CSRF_REFUSED)
    if not hmac.compare_digest(expected.encode(), sent.encode()):
        raise HTTPException(status_code=403, detail=CSRF_REFUSED)


class LoginLimiter:
    """Sign-in throttling per account and per address, in memory (one count per server process).

    The rule, within a sliding `window` (15 minutes):
    - Per address: an address with `address_failures` (20) failed sign-ins, whatever the names
      tried, is refused for every name until its oldest failure leaves the window. One password
      tried across many names is slowed this way.
    - Per account: an account with `account_failures` (5) failed sign-ins, from any addresses, is
      throttled: an address that has itself failed on that account in the window must wait
      until its last failure on it leaves the window. An address with no failure on the account
      may still try, so a guesser elsewhere cannot lock the owner out: the right password from
      the owner's address still works, and each new address only gets a try or two.
    A successful sign-in forgets the failures of that name from that address.
    """

    def __init__(
        self,
        *,
        account_failures: int = 5,
        address_failures: int = 20,
        window: float = 900.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.account_failures = account_failures
        self.address_failures = address_failures
        self.window = window
        self.clock = clock
        self._by_account: dict[str, deque[tuple[float, str]]] = {}  # name -> (time, address)
        self._by_address: dict[str, deque[tuple[float, str]]] = {}  # address -> (time, name)
        self._lock = threading.Lock()

    def _recent(
        self, table: dict[str, deque[tuple[float, str]]], key: str, now: float
    ) -> deque[tuple[float, str]]:
        times = table.get(key, deque())
        while times and times[0][0] <= now - self.window:
            times.popleft()
        return times

    def _wait(self, since: float, now: float) -> int:
        return int(since + self.window - now) + 1

    def check(self, name: str, address: str) -> None:
        """Raise TooManyAttempts while this address may not try this name."""
        account = name.casefold()
        with self._lock:
            now = self.clock()
            by_address = self._recent(self._by_address, address, now)
            if len(by_address) >= self.address_failures:
                raise TooManyAttempts(
                    "too many failed sign-ins from your address",
                    retry_after=self._wait(by_address[0][0], now),
                )
            by_account = self._recent(self._by_account, account, now)
            mine = [at for at, where in by_account if where == address]
            if len(by_account) >= self.account_failures and mine:
                raise TooManyAttempts(
                    f"too many failed sign-ins for {name!r} from your address",
                    retry_after=self._wait(mine[-1], now),
                )

    def failed(self, name: str, address: str) -> None:
        """Count one failed sign-in."""
        account = name.casefold()
        with self._lock:
            now = self.clock()
            self._by_account[account] = self._recent(self._by_account, account, now)
            self._by_account[account].append((now, address))
            self._by_address[address] = self._recent(self._by_address, address, now)
            self._by_address[address].append((now, account))
            if len(self._by_account) + len(self._by_address) > 20_000:
                self._forget_old(now)

    def succeeded(self, name: str, address: str) -> None:
        """Forget the failures of a name from an address after a good sign-in."""
        account = name.casefold()
        with self._lock:
            if account in self._by_account:
                kept = (entry for entry in self._by_account[account] if entry[1] != address)
                self._by_account[account] = deque(kept)
            if address in self._by_address:
                kept = (entry for entry in self._by_address[address] if entry[1] != account)
                self._by_address[address] = deque(kept)

    def _forget_old(self, now: float) -> None:
        for table in (self._by_account, self._by_address):
            for key in list(table):
                if not self._recent(table, key, now):
                    del table[key]


def session_secret(settings: Settings) -> str:
    """The key that signs session cookies: the setting, else one kept beside a SQLite database
    (in the file gcm-review-secret, readable by its owner only), else a new one in memory."""
    if settings.secret_key:
        return settings.secret_key
    url = make_url(settings.database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return secrets.token_urlsafe(48)
    path = Path(url.database).parent / SECRET_FILE_NAME
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    secret = secrets.token_urlsafe(48)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secret + "\n")
    return secret


SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
)


NO_STORE = (b"cache-control", b"no-store")
CACHEABLE_PREFIX = "/static/"


class SecurityHeaders:
    """Adds a strict Content-Security-Policy and related headers to every response, and
    `Cache-Control: no-store` to every response but static files' (pages and API answers hold
    what only the signed-in account may see)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cacheable = str(scope.get("path", "")).startswith(CACHEABLE_PREFIX)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                if NO_STORE[0] not in present and not cacheable:
                    extra.append(NO_STORE)
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodySizeLimit:
    """Refuses (413) request bodies over `max_bytes`, before reading them when the length is
    declared, and as soon as the limit is passed when it is not."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, message: str) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.message = message

    async def _refuse(self, send: Send) -> None:
        body = self.message.encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        refused = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes and not refused:
                    refused = True
                    await self._refuse(send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not refused:
                await send(message)

        await self.app(scope, counting_receive, guarded_send)
