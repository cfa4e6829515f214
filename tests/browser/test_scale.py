"""The main pages with 10,000 paragraphs stored (issue 16.4): each under 2 MB, under 3 s the
first time it is asked for and under 1 s after, as the server answers it; the layout fits a
390 px wide phone, and the matrix's Total column is in view at 1366 px.

The limits are for a machine with its cores free; when other work keeps them busy (the load
average above the number of cores), they are stretched by that ratio, which the failure
message shows. The first draft of the full synthesis (seconds: grouping recommendations,
profiles) is measured by `benchmarks/bench_web_load.py`, not here: a synthesis part is timed
once drafted.

The corpus (one record of 8,000 paragraphs and four smaller documents) is stored directly
through the store and tagged with the fake embedder's tagger (`tests/large_corpus.py`), on a
server of its own.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, Response

from gcm_review.settings import Settings
from gcm_review.store import users as users_module
from gcm_review.store.database import open_database
from gcm_review.store.users import add_user
from gcm_review.tagging.run import load_tagger
from gcm_review.web import create_app
from large_corpus import store_large_corpus

from .conftest import (
    CHEAP_HASHER,
    PASSWORD,
    SCREENSHOTS,
    LiveServer,
    _listening_socket,
    _wait_until_healthy,
    sign_in_form,
)

PARAGRAPHS = 10_000
MAX_BYTES = 2_000_000
COLD_SECONDS = 3.0
WARM_SECONDS = 1.0
PAGES = (
    "/documents",
    "/documents/{record}",
    "/documents/{record}?page=20",
    "/review",
    "/matrix",
    "/matrix/cell/JOR/1",
    "/search?q=remittances",
    "/exports",
    "/audit",
)
ADMIN = "admin-large"


@pytest.fixture(scope="module")
def large_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, int]]:
    """A server on a database of PARAGRAPHS paragraphs; the id of the largest document."""
    patch = pytest.MonkeyPatch()
    patch.setattr(users_module, "HASHER", CHEAP_HASHER)
    folder = tmp_path_factory.mktemp("large-server")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'gcm-review.db'}",
        embedder="fake.v1",
        vector_cache="",
        secret_key="large-test-secret",
        log_file=str(folder / "gcm-review.log"),
    )
    db = open_database(settings.database_url)
    try:
        add_user(db, ADMIN, role="admin", password=PASSWORD, by="browser-test")
        tagger = load_tagger(embedder=settings.embedder, cache_path=None)
        corpus = store_large_corpus(db, tagger, paragraphs=PARAGRAPHS)
    finally:
        db.close()
    app = create_app(settings)
    sock = _listening_socket()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="none", lifespan="on"))
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="uvicorn-large", daemon=True
    )
    thread.start()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    try:
        _wait_until_healthy(url, thread)
        yield LiveServer(url, app, settings), corpus.document_ids[0]
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
        patch.undo()


def _signed_in(browser: Browser, url: str, width: int, height: int) -> Page:
    context = browser.new_context(base_url=url, viewport={"width": width, "height": height})
    context.set_default_timeout(60_000)
    page = context.new_page()
    sign_in_form(page, ADMIN)
    return page


def _busy() -> float:
    """How much slower than with free cores pages are expected to be (1 on an idle machine)."""
    return max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))


def _served(response: Response | None) -> tuple[float, int]:
    """Seconds from sending the request to the response's last byte, and its size."""
    assert response is not None and response.status == 200, response
    size = len(response.body())
    timing = response.request.timing
    return (timing["responseEnd"] - timing["requestStart"]) / 1000, size


def _too_slow(page: Page, address: str, round_name: str, limit: float) -> list[str]:
    """Open the page (failing if it is 2 MB or more); what to report if it took `limit`
    seconds or more, stretched by the machine's load."""
    busy = _busy()
    seconds, size = _served(page.goto(address))
    assert size < MAX_BYTES, (address, size)
    if seconds >= limit * busy:
        return [f"{round_name} {address}: {seconds:.2f} s (load {busy:.1f}x)"]
    return []


@pytest.mark.browser
def test_pages_of_a_large_review_are_small_and_quick(
    browser: Browser, large_server: tuple[LiveServer, int]
) -> None:
    server, record = large_server
    page = _signed_in(browser, server.url, 1366, 900)
    slow: list[str] = []
    for round_name, limit in (("cold", COLD_SECONDS), ("warm", WARM_SECONDS)):
        for path in PAGES:
            slow += _too_slow(page, path.format(record=record), round_name, limit)
    # The synthesis and a further part of it: small, and quick once drafted (until then the
    # page answers at once that it is being drafted, and reloads itself).
    page.goto("/synthesis")
    page.wait_for_selector("#top", timeout=120_000)
    for address in ("/synthesis", "/synthesis/parts/countries/1"):
        slow += _too_slow(page, address, "warm", WARM_SECONDS)
    assert not slow, slow
    page.context.close()


@pytest.mark.browser
def test_layout_fits_a_phone_and_the_matrix_total_is_in_view(
    browser: Browser, large_server: tuple[LiveServer, int]
) -> None:
    server, record = large_server
    phone = _signed_in(browser, server.url, 390, 844)
    for path in ("/documents", f"/documents/{record}", "/matrix", "/review", "/exports"):
        phone.goto(path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (path, overflow)
    phone.context.close()

    laptop = _signed_in(browser, server.url, 1366, 768)
    laptop.goto("/matrix")
    total = laptop.locator("#matrix-table thead th").last
    assert (total.text_content() or "").strip() == "Total"
    box = total.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 1366, box
    clip = laptop.evaluate(
        """() => {
            const cell = document.querySelector('#matrix-table td.total');
            const frame = cell.closest('.table-scroll').getBoundingClientRect();
            const box = cell.getBoundingClientRect();
            return box.right - frame.right;
        }"""
    )
    assert clip <= 0, clip
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    laptop.screenshot(path=str(SCREENSHOTS / "scale-matrix-1366.png"))
    laptop.context.close()
