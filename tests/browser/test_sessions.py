"""Sessions in a real browser: a cookie copied before sign-out, or before an admin deactivates
the account on the Users page, no longer signs anyone in."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Cookie, expect

from gcm_review.store.database import open_database
from gcm_review.store.users import add_user

from .conftest import PASSWORD, LiveServer, Watched, sign_in_form


def _account(server: LiveServer, name: str) -> None:
    """An analyst of this test's own, so that other browser tests keep theirs."""
    db = open_database(server.settings.database_url)
    try:
        add_user(db, name, role="analyst", password=PASSWORD, by="browser-test")
    finally:
        db.close()


def _signed_in(browser: Browser, server: LiveServer, name: str) -> BrowserContext:
    context = browser.new_context(base_url=server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in_form(page, name)
    assert urlsplit(page.url).path == "/documents", page.url
    return context


def _replay_is_refused(browser: Browser, server: LiveServer, cookies: list[Cookie]) -> None:
    """A fresh browser given the copied cookies lands on the sign-in form; the API says 401."""
    thief = browser.new_context(base_url=server.url)
    try:
        thief.add_cookies(cookies)  # type: ignore[arg-type]
        page = thief.new_page()
        page.goto("/documents")
        assert urlsplit(page.url).path == "/login", page.url
        expect(page.locator("h1")).to_have_text("Sign in")
        thief.add_cookies(cookies)  # type: ignore[arg-type]  # the sign-in page reset it
        assert thief.request.get("/api/documents").status == 401
    finally:
        thief.close()


@pytest.mark.browser
def test_a_copied_cookie_is_refused_after_sign_out(
    browser: Browser, live_server: LiveServer
) -> None:
    _account(live_server, "sam-signs-out")
    context = _signed_in(browser, live_server, "sam-signs-out")
    cookies = context.cookies()
    assert context.request.get("/api/documents").status == 200
    page = context.pages[0]
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    assert urlsplit(page.url).path == "/login"
    context.close()
    _replay_is_refused(browser, live_server, cookies)


@pytest.mark.browser
def test_a_copied_cookie_is_refused_after_deactivation(
    browser: Browser, live_server: LiveServer, watched: Watched
) -> None:
    _account(live_server, "sam-deactivated")
    context = _signed_in(browser, live_server, "sam-deactivated")
    cookies = context.cookies()
    watched.sign_in("admin")
    admin = watched.page
    admin.goto("/admin/users")
    row = admin.locator("table.users tr", has_text="sam-deactivated")
    with admin.expect_navigation():
        row.get_by_role("button", name="Deactivate").click()
    expect(admin.locator(".flash")).to_contain_text("sam-deactivated was deactivated")
    expect(row).to_contain_text("Deactivated")
    watched.shot("accounts-users-page")
    watched.assert_clean()
    page = context.pages[0]
    page.reload()
    assert urlsplit(page.url).path == "/login", page.url
    context.close()
    _replay_is_refused(browser, live_server, cookies)
