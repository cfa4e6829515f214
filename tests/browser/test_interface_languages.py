"""The interface in Arabic reads right to left: navigation, tables and the matrix mirrored, no
horizontal overflow; the language follows the browser, the switcher and then the account."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from gcm_review.store.users import add_user

from .conftest import PASSWORD, LiveServer, Watched, sign_in_form

VIEWPORT = {"width": 1280, "height": 900}
ACCOUNT = "layla"  # an account of this test's own: its language choice touches no other test


@pytest.fixture(scope="module")
def account(live_server: LiveServer) -> str:
    add_user(live_server.app.state.db, ACCOUNT, role="analyst", password=PASSWORD, by="test")
    return ACCOUNT


@pytest.fixture
def english_browser(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, viewport=VIEWPORT, locale="en-GB")
    yield context.new_page()
    context.close()


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG file's header."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def lefts(page: Page, selector: str) -> list[float]:
    return page.locator(selector).evaluate_all(
        "elements => elements.map(element => element.getBoundingClientRect().left)"
    )


def assert_no_horizontal_overflow(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page is {overflow}px wider than the window"


def assert_right_to_left(page: Page) -> None:
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ar",
        "rtl",
    ]
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"


@pytest.mark.browser
def test_the_interface_in_arabic_reads_right_to_left(
    browser: Browser, live_server: LiveServer, account: str, english_browser: Page
) -> None:
    context = browser.new_context(base_url=live_server.url, viewport=VIEWPORT, locale="ar")
    watched = Watched(context.new_page(), live_server)
    page = watched.page
    page.on("pageerror", lambda error: watched.page_errors.append(str(error)))
    try:
        # before signing in: the browser's language
        page.goto("/login")
        assert_right_to_left(page)
        expect(page.locator("h1")).to_have_text("تسجيل الدخول")
        sign_in_form(page, account)
        assert_right_to_left(page)
        expect(page.locator("h1")).to_have_text("الوثائق")

        # the switcher: French, then Arabic again, kept with the account
        with page.expect_navigation():
            page.click("form.languages button[value=fr]")
        expect(page.locator("h1")).to_have_text("Documents")
        assert page.evaluate("document.documentElement.dir") == "ltr"
        with page.expect_navigation():
            page.click("form.languages button[value=ar]")
        assert_right_to_left(page)

        # navigation: the brand at the right, menu entries running right to left
        brand = page.locator(".brand").bounding_box()
        assert brand is not None and brand["x"] > VIEWPORT["width"] / 2
        entries = lefts(page, ".top nav li")
        assert len(entries) >= 4 and entries == sorted(entries, reverse=True)
        # the documents table: its first column at the right
        headers = lefts(page, "table.documents thead th")
        assert headers == sorted(headers, reverse=True)
        assert_no_horizontal_overflow(page)
        shot = watched.shot("arabic-interface-01-documents")
        assert png_size(shot)[0] == VIEWPORT["width"]  # the full page is no wider than the window

        # the matrix: countries at the right, objectives 1, 2, ... leftwards, titles in Arabic
        page.goto("/matrix")
        assert_right_to_left(page)
        columns = lefts(page, "table.matrix thead th")
        assert len(columns) > 3 and columns == sorted(columns, reverse=True)
        expect(page.locator("table.matrix thead abbr").first).to_have_attribute(
            "title", "الهدف 1: جمع واستخدام بيانات دقيقة ومصنفة كأساس لسياسات قائمة على الأدلة"
        )
        assert_no_horizontal_overflow(page)
        shot = watched.shot("arabic-interface-02-matrix")
        assert png_size(shot)[0] == VIEWPORT["width"]
        # the other pages stay inside the window too
        for step, path in (("03-review", "/review"), ("04-document", "/documents/1")):
            page.goto(path)
            assert_right_to_left(page)
            assert_no_horizontal_overflow(page)
            assert png_size(watched.shot(f"arabic-interface-{step}"))[0] == VIEWPORT["width"]
        assert not watched.page_errors, watched.page_errors

        # the same account in an English browser: its choice holds
        sign_in_form(english_browser, account)
        assert english_browser.evaluate("document.documentElement.dir") == "rtl"
    finally:
        context.close()
