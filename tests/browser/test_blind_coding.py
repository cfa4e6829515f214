"""Blind coding in the browser: the coding page shows neither the model's suggestions nor another
coder's labels and ticks no box; two coders who disagree are settled on the adjudication page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import Watched


def open_coding(page: Page) -> None:
    page.goto("/coding")
    with page.expect_navigation():
        page.locator("ul.document-choices a", has_text="Egypt").first.click()
    expect(page.locator("h1")).to_have_text("Independent coding")


def code_first(page: Page, labels: list[str]) -> None:
    article = page.locator("article.coding").first
    for label in labels:
        article.locator(f"input[value='{label}']").check()
    article.get_by_role("button", name="Save my coding").click()
    expect(page.locator("article.coding").first.locator(".saved")).to_contain_text(
        f"Saved: {len(labels)} label"
    )


def assert_blind(page: Page) -> None:
    expect(page.locator("article.coding").first).to_be_visible()
    body = page.locator("main").inner_text()
    assert "suggests" not in body and "●" not in body and "%" not in body
    expect(page.locator(".suggestions, .suggestion, .choice.suggested")).to_have_count(0)
    expect(page.locator("article.coding input[type=checkbox]:checked")).to_have_count(0)


@pytest.mark.browser
def test_coding_is_blind_and_disagreements_are_adjudicated(watched: Watched) -> None:
    page = watched.page
    watched.sign_in("admin")
    open_coding(page)
    assert_blind(page)  # the seeded review is tagged: the model has proposals for it
    watched.shot("coding-blind-first-coder")
    code_first(page, ["objective:6", "objective:20"])

    page.context.clear_cookies()
    watched.sign_in("analyst")
    open_coding(page)
    assert_blind(page)  # nothing of the first coder's labels either
    assert "alba" not in page.locator("main").inner_text()
    watched.shot("coding-blind-second-coder")
    code_first(page, ["objective:6"])

    page.goto("/adjudication")
    article = page.locator("article.adjudication").first
    expect(article.locator("table.side-by-side thead")).to_contain_text("alba")
    expect(article.locator("table.side-by-side thead")).to_contain_text("anouk")
    expect(article.locator("input[type=checkbox]:checked")).to_have_count(1)  # agreed: O6
    watched.shot("adjudication-side-by-side")
    article.locator("input[value='objective:20']").check()
    with page.expect_navigation():
        article.get_by_role("button", name="Settle these labels").click()
    expect(page.locator("p.summary")).to_contain_text(re.compile(r"Settled: 1 of 1 "))
    page.goto("/agreement")
    expect(page.locator("#adjudicated")).to_contain_text("Adjudicated: 1 of 1 paragraph")
    watched.shot("agreement-adjudicated")
    watched.assert_clean()
