"""Search in the browser: a search by meaning shows each hit's similarity and language, and says
so when nothing is close; full text finds a word's plural."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import Watched


@pytest.mark.browser
def test_search_by_meaning_shows_scores_and_a_cut_off(watched: Watched) -> None:
    page = watched.page
    watched.sign_in("analyst")
    page.goto("/search")
    page.fill("#q", "remittances sent by mobile money")
    page.check("input[name=mode][value=semantic]")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    expect(page.locator("li.hit").first).to_be_visible()
    expect(page.locator("li.hit .score").first).to_have_text(re.compile(r"Similarity 0\.\d\d"))
    expect(page.locator("li.hit .language").first).to_have_text("In English")
    expect(page.locator("p.explain")).to_contain_text("similarity of at least 0.25")
    watched.shot("search-by-meaning")
    page.goto("/search?mode=semantic&q=qwzx+blorft+zzzz")
    expect(page.locator("li.hit")).to_have_count(0)
    expect(page.locator("p.empty")).to_have_text(
        "No close matches. No paragraph is close enough in meaning to your query."
    )
    page.goto("/search?q=remittance")  # singular: the seeded paragraph says "remittances"
    expect(page.locator("li.hit mark").first).to_have_text("remittances")
    watched.assert_clean()
