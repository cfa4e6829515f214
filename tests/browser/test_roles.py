"""What the other roles see in the browser: a viewer reads without review controls, a focal
point sees only the documents of their country."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import Watched


@pytest.mark.browser
def test_viewer_reads_without_review_controls(watched: Watched) -> None:
    page = watched.page
    watched.sign_in("viewer")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Matrix")).to_be_visible()
    expect(nav.get_by_role("link", name="Review queue")).to_have_count(0)
    expect(page.locator("form.upload-form")).to_have_count(0)
    page.locator("table.documents a", has_text="Egypt").first.click()
    expect(page.locator("article.para").first).to_be_visible()
    expect(page.locator("details.add-label")).to_have_count(0)
    expect(page.locator("form[data-action]")).to_have_count(0)
    watched.shot("roles-viewer-document")
    watched.assert_clean()
    response = page.goto("/review")
    assert response is not None and response.status == 403
    expect(page.locator("h1")).to_have_text("Not allowed")
    expect(page.locator("p.error")).to_contain_text("may not review tags")
    # the browser logs the refused page itself as a failed load, and nothing else
    assert all("403" in error for error in watched.console_errors), watched.console_errors
    assert watched.outside_requests() == []


@pytest.mark.browser
def test_focal_point_sees_only_their_country(watched: Watched) -> None:
    page = watched.page
    watched.sign_in("focal-point")
    expect(page.locator("#document-list")).not_to_contain_text("Egypt")
    expect(page.locator(".hint", has_text="filed under")).to_contain_text("Jordan (JOR)")
    page.goto("/matrix")
    expect(page.locator("[id^=cell-EGY-]")).to_have_count(0)
    watched.shot("roles-focal-point-matrix")
    watched.assert_clean()
