"""A focal point for Jordan uploads a file titled as Egypt's report: it is filed under Jordan,
Egypt's matrix counts do not change, and the copy decision is held for an analyst."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from gcm_review.store.document_admin import delete_document
from gcm_review.store.documents import list_documents
from gcm_review.store.users import User

from .conftest import SEED_REVIEW, Watched

INVENTED = """
4. Egypt abolished every recruitment fee and guaranteed decent work for all migrant workers.

5. Egypt reported that remittances doubled thanks to the new mobile money providers.
"""


def egypt_counts(watched: Watched) -> dict[str, str]:
    """Egypt's row of the matrix as an administrator sees it, freshly computed."""
    watched.server.app.state.synthesis.invalidate()
    page = watched.page
    page.goto("/matrix")
    cells = page.locator("[id^=cell-EGY-]")
    expect(cells.first).to_be_visible()
    return {
        str(cell.get_attribute("id")): str(cell.get_attribute("data-count")) for cell in cells.all()
    }


@pytest.mark.browser
def test_a_focal_points_upload_titled_as_egypts_is_held_for_an_analyst(
    watched: Watched, browser_upload_file: Path
) -> None:
    page, db = watched.page, watched.server.app.state.db
    watched.sign_in("admin")
    before = egypt_counts(watched)
    page.context.clear_cookies()
    watched.sign_in("focal-point")
    uploaded = watched.upload(browser_upload_file)
    try:
        expect(page.locator("dl.facts")).to_contain_text("Jordan")
        expect(page.locator(".notice.proposal")).to_contain_text("held for an analyst")
        watched.shot("integrity-focal-point-upload")
        page.context.clear_cookies()
        watched.sign_in("admin")
        assert egypt_counts(watched) == before
        seeded = "egypt-national-review-2025.txt"
        egypt = next(d.id for d in list_documents(db) if d.name == seeded)
        page.goto(f"/documents/{egypt}")
        held = page.locator(".notice.proposal")
        expect(held).to_contain_text("Held for an analyst")
        expect(held.get_by_role("button", name="Accept: count one document")).to_be_visible()
        expect(held.get_by_role("button", name="Refuse: count both")).to_be_visible()
        watched.shot("integrity-held-for-analyst")
        watched.assert_clean()
    finally:
        admin = User(1, "alba", "admin", None, True, datetime.now(UTC))
        delete_document(db, uploaded, user=admin)  # the shared server's other tests expect none


@pytest.fixture
def browser_upload_file(tmp_path: Path) -> Path:
    """Egypt's report with two invented paragraphs, named and titled as Egypt's."""
    path = tmp_path / "egypt-national-review-2025-official.txt"
    path.write_text(SEED_REVIEW + INVENTED, encoding="utf-8")
    return path
