"""Fixtures of the browser tests: a real uvicorn server on a fresh SQLite database (accounts of
every role, one tagged Egyptian review already stored), Debian's Chromium driven by Playwright,
and pages that record console errors and every request they make.

Screenshots go to test-artifacts/screenshots/ at the repository root, named by step.
"""

from __future__ import annotations

import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn
from argon2 import PasswordHasher
from fastapi import FastAPI
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Playwright,
    expect,
    sync_playwright,
)
from playwright.sync_api import Request as BrowserRequest

from gcm_review.settings import Settings
from gcm_review.store import users as users_module
from gcm_review.store.database import open_database
from gcm_review.store.documents import save_document
from gcm_review.store.users import add_user
from gcm_review.tagging.run import load_tagger
from gcm_review.web import create_app
from gcm_review.workflows.ingest import process_file
from gcm_review.workflows.tagging import tag_documents

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PASSWORD = "browser test passphrase"
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
ACCOUNTS = {  # role -> (account name, country)
    "admin": ("alba", None),
    "analyst": ("anouk", None),
    "focal-point": ("fadi", "JOR"),
    "viewer": ("vera", None),
}
SEED_REVIEW = """Egypt: National Review of the Global Compact for Migration, 2025

1. Egypt opened shelters for migrant workers who lost their jobs, with legal advice and health care.

2. Egypt lowered the cost of sending remittances by licensing mobile money providers.

3. The national statistics office added questions on migration to the labour force survey.
"""
STARTUP_SECONDS = 30.0
INGEST_TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class LiveServer:
    """The running app: its address, the app object and its settings."""

    url: str
    app: FastAPI
    settings: Settings

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc


def _listening_socket() -> socket.socket:
    """A socket bound to a free port on the loopback address (handed to uvicorn as it is)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def _wait_until_healthy(url: str, thread: threading.Thread) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if not thread.is_alive():
            pytest.fail("the uvicorn server thread stopped during start-up")
        try:
            with opener.open(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.05)
    pytest.fail(f"GET {url}/healthz did not answer 200 within {STARTUP_SECONDS:g} s")


def _seed(settings: Settings, folder: Path) -> None:
    """The accounts of every role, and one Egyptian review stored and tagged."""
    db = open_database(settings.database_url)
    try:
        for role, (name, country) in ACCOUNTS.items():
            add_user(db, name, role=role, password=PASSWORD, country=country, by="browser-test")
        path = folder / "egypt-national-review-2025.txt"
        path.write_text(SEED_REVIEW, encoding="utf-8")
        saved = save_document(db, process_file(path, settings=settings), reader="text.v1")
        tagger = load_tagger(embedder=settings.embedder, cache_path=None)
        tag_documents(db, tagger=tagger, document_ids=[saved.document_id])
    finally:
        db.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A real uvicorn server in a background thread, on 127.0.0.1 and a free port."""
    patch = pytest.MonkeyPatch()
    patch.setattr(users_module, "HASHER", CHEAP_HASHER)  # fast sign-ins; never rehashed
    folder = tmp_path_factory.mktemp("browser-server")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'gcm-review.db'}",
        embedder="fake.v1",
        vector_cache="",
        max_file_mb=2.0,
        secret_key="browser-test-secret",
        log_file=str(folder / "gcm-review.log"),
    )
    _seed(settings, folder)
    app = create_app(settings)
    if not app.state.htmx:
        app.state.jobs.shutdown()
        app.state.db.close()
        pytest.fail(
            "static/vendor/htmx.min.js is missing: the browser tests drive the pages as HTMX "
            "updates them; fetch it with `bash scripts/vendor-assets` (make runs it)"
        )
    sock = _listening_socket()
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", ws="none", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="uvicorn-browser", daemon=True
    )
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, thread)
        yield LiveServer(url, app, settings)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
        patch.undo()


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless (never a browser Playwright downloads)."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests drive Debian's chromium; install it with "
            "`bash scripts/system-packages` (run as root, or via `make test`)"
        )
    launched = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield launched
    launched.close()


def sign_in_form(page: Page, name: str) -> None:
    """Sign in through the form as `name` (every test account has PASSWORD)."""
    page.goto("/login")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("form[action='/login'] button[type=submit]")


@dataclass
class Watched:
    """A page with what it logged and asked for since it was opened."""

    page: Page
    server: LiveServer
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def outside_requests(self) -> list[str]:
        """Requests to any host other than the test server (data: URLs aside)."""
        return [
            url
            for url in self.requests
            if not url.startswith("data:") and urlsplit(url).netloc != self.server.host
        ]

    def assert_clean(self) -> None:
        """No script error, no console error (CSP violations are logged as such) and no request
        beyond the test server so far."""
        assert not self.page_errors, "script errors:\n" + "\n".join(self.page_errors)
        assert not self.console_errors, "console errors:\n" + "\n".join(self.console_errors)
        outside = self.outside_requests()
        assert not outside, "requests to other hosts:\n" + "\n".join(outside)

    def shot(self, step: str) -> Path:
        """A full-page screenshot saved as test-artifacts/screenshots/<step>.png."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{step}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def sign_in(self, role: str) -> None:
        """Sign in through the form as the account of `role`."""
        name = ACCOUNTS[role][0]
        sign_in_form(self.page, name)
        assert urlsplit(self.page.url).path == "/documents", self.page.url
        assert self.page.locator(".account").inner_text().startswith(name)

    def upload(self, path: Path) -> int:
        """Upload a file from the documents page, wait for its ingest and open the document;
        returns its id."""
        page = self.page
        page.goto("/documents")
        page.set_input_files("#file", str(path))
        page.click("form.upload-form button[type=submit]")
        job = page.locator("#jobs li.job", has_text=path.name).first
        expect(job).to_have_class(re.compile(r"\bjob-done\b"), timeout=INGEST_TIMEOUT_MS)
        expect(job.locator(".step")).to_have_text("Stored and tagged")
        # the list of documents reloads itself when the job is done
        expect(page.locator("#document-list")).to_contain_text(path.name)
        with page.expect_navigation():
            job.get_by_role("link", name="Open the document").click()
        found = re.fullmatch(r"/documents/(\d+)", urlsplit(page.url).path)
        assert found, page.url
        return int(found.group(1))


@pytest.fixture
def watched(browser: Browser, live_server: LiveServer) -> Iterator[Watched]:
    """A fresh browser context and page on the live server, recording console errors, uncaught
    script errors and every request."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="en-GB"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    record = Watched(page, live_server)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            record.console_errors.append(f"{where}: {message.text}")

    def on_request(request: BrowserRequest) -> None:
        record.requests.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: record.page_errors.append(str(error)))
    page.on("request", on_request)
    yield record
    context.close()
