"""Every page under the strict Content-Security-Policy: no console error, no script error and no
request to any host but the test server, for an administrator (who may open every page)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import Watched

STATIC_PAGES = (
    ("documents", "/documents"),
    ("review", "/review"),
    ("matrix", "/matrix"),
    ("synthesis", "/synthesis"),
    ("search", "/search?q=remittances"),
    ("search-semantic", "/search?q=money+sent+home&mode=semantic"),
    ("agreement", "/agreement"),
    ("coding", "/coding"),
    ("exports", "/exports"),
    ("training", "/admin/training"),
    ("audit", "/audit"),
)


@pytest.mark.browser
def test_pages_have_no_console_errors_or_outside_requests(watched: Watched) -> None:
    page = watched.page
    watched.sign_in("admin")
    for step, path in STATIC_PAGES:
        response = page.goto(path)
        assert response is not None and response.status == 200, (path, response)
        policy = response.headers.get("content-security-policy", "")
        assert "default-src 'self'" in policy and "script-src 'self'" in policy, path
        expect(page.locator("h1").first).to_be_visible()
        watched.shot(f"pages-{step}")

    page.goto("/documents")
    page.locator("table.documents a", has_text="Egypt").first.click()
    assert re.fullmatch(r".*/documents/\d+", page.url), page.url
    expect(page.locator("article.para").first).to_be_visible()
    watched.shot("pages-document")

    page.goto("/matrix")
    cell = page.locator("#matrix-table td a").first
    href = cell.get_attribute("href") or ""
    assert re.fullmatch(r"/matrix/cell/[A-Z]{3}/\d+", href), href
    cell.click()  # HTMX loads the cell's paragraphs beside the table
    expect(page.locator("#cell-panel ol.evidence-list li").first).to_be_visible()
    response = page.goto(href)
    assert response is not None and response.status == 200
    watched.shot("pages-matrix-cell")

    page.goto("/synthesis")  # a reference [n] opens paragraph n on its document's page
    reference = page.locator("#countries sup.refs a").first
    number = (reference.text_content() or "").strip("[]")
    reference.click()
    assert re.fullmatch(rf".*/documents/\d+(\?page=\d+)?#p-{number}", page.url), page.url
    expect(page.locator(f"article.para#p-{number}")).to_be_in_viewport()
    watched.shot("pages-synthesis-reference")

    watched.assert_clean()
    assert any(url.endswith("/static/app.js") for url in watched.requests)
