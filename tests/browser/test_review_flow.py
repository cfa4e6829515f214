"""The main flow in a real browser: sign in, upload a national review, wait for its ingest,
open it, accept a proposal with the review queue's keys, add a label, see the matrix change,
sign out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from .conftest import Watched

JORDAN_REVIEW = "\n\n".join(
    (
        "Jordan: National Review of the Global Compact for Migration, 2025",
        (
            "1. The Government of Jordan reports on its implementation of the Global Compact "
            "for Safe, Orderly and Regular Migration."
        ),
        (
            "2. Jordan abolished recruitment fees for migrant domestic workers in 2024. "
            "Employers now pay all recruitment fees and related costs, and private "
            "recruitment agencies that charge workers lose their licence."
        ),
        (
            "3. The Ministry of Labour inspects recruitment agencies and publishes the list "
            "of licensed agencies, so that workers can check an agency before they sign a "
            "contract."
        ),
        (
            "4. Jordan lowered the cost of sending remittances by licensing new mobile money "
            "providers, which helped families of migrant workers receive money at home."
        ),
        (
            "5. Migrant workers who lose their job may change employer without the consent of "
            "the former employer, and labour inspectors visit farms and homes."
        ),
        (
            "6. The national statistics office added questions on migration to the labour "
            "force survey, so that data on migrant workers are collected every year and "
            "disaggregated by sex and age."
        ),
        (
            "7. Jordan works with neighbouring countries to reduce the risks migrants face on "
            "their journey, and border officials are trained to identify victims of "
            "trafficking."
        ),
        (
            "8. Consular offices of Jordan abroad help citizens who work in the Gulf "
            "countries, and a hotline answers their questions."
        ),
        (  # a paragraph the tagger is unsure about, for the review queue
            "9. Jordan also takes part in regional meetings on labour mobility and shares its "
            "experience with other countries of the region."
        ),
        (  # and one it gives no tag at all, for adding a label
            "10. The tables in the annex are given in Jordanian dinars at the prices of the year "
            "in question."
        ),
    )
)
FILE_NAME = "jordan-national-review-2025.txt"
QUEUE_KEY_PRESSES = 30  # at most this many `n` presses to reach the proposal


@dataclass(frozen=True)
class Proposal:
    """An undecided objective proposal as the document view shows it."""

    tag_id: int
    objective: int
    paragraph_id: int


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def undecided_objective_proposal(page: Page) -> Proposal:
    """The first proposed objective chip that does not count yet (below the tagger's threshold)."""
    chips = page.eval_on_selector_all(
        "li.chip.status-proposed:not(.counts)",
        """chips => chips.map(chip => ({
            code: chip.querySelector('.code').textContent.trim(),
            action: `/tags/${chip.dataset.tag}/accept`,
            paragraph: chip.closest('article.para').id,
        }))""",
    )
    for chip in chips:
        code = re.fullmatch(r"O(\d+)", chip["code"])
        if code:
            tag = re.fullmatch(r"/tags/(\d+)/accept", chip["action"])
            assert tag, chip
            return Proposal(int(tag.group(1)), int(code.group(1)), int(chip["paragraph"][2:]))
    raise AssertionError(
        f"no undecided objective proposal in {FILE_NAME}: the tagger decided every objective it "
        f"proposed ({chips}); give the test text a paragraph the tagger is unsure about"
    )


def untagged_paragraph(page: Page) -> tuple[int, str]:
    """The id and text of the first paragraph without tags."""
    article = page.locator("article.para:not(:has(li.chip))").first
    expect(article).to_be_visible()
    identifier = article.get_attribute("id") or ""
    return int(identifier.removeprefix("p-")), article.locator("p.text").inner_text()


def cell_count(page: Page, country: str, objective: int) -> int:
    """The matrix's count for a cell (0 when the country has no row yet)."""
    cell = page.locator(f"#cell-{country}-{objective}")
    return int(cell.inner_text().strip()) if cell.count() else 0


@pytest.mark.browser
def test_upload_review_and_matrix_change(watched: Watched, tmp_path: Path) -> None:
    page = watched.page
    page.goto("/documents")
    assert path_of(page) == "/login"  # signed out: sent to the sign-in form
    watched.shot("flow-01-sign-in")
    watched.sign_in("analyst")

    report = tmp_path / FILE_NAME
    report.write_text(JORDAN_REVIEW, encoding="utf-8")
    document_id = watched.upload(report)
    expect(page.locator("h1")).to_have_text(
        "Jordan: National Review of the Global Compact for Migration, 2025"
    )
    expect(page.locator(".facts")).to_contain_text("Paragraphs")
    assert page.locator("article.para").count() == 10
    watched.shot("flow-02-document")

    proposal = undecided_objective_proposal(page)
    added_to, added_text = untagged_paragraph(page)
    added = 23 if proposal.objective != 23 else 22  # an objective the bare paragraph lacks

    page.goto("/matrix")
    expect(page.locator("#matrix-table")).to_be_visible()
    accepted_before = cell_count(page, "JOR", proposal.objective)
    added_before = cell_count(page, "JOR", added)
    watched.shot("flow-03-matrix-before")

    # Accept the proposal from the review queue with the keyboard: n (next) until it, then a.
    page.goto(f"/review?document={document_id}")
    current = page.locator("[data-queue-item].current")
    expect(current).to_have_count(1)
    target = f"q-{proposal.tag_id}"
    for _ in range(QUEUE_KEY_PRESSES):
        if current.get_attribute("id") == target:
            break
        page.keyboard.press("n")
    assert current.get_attribute("id") == target, "the proposal is not in the review queue"
    watched.shot("flow-04-queue-selected")
    page.keyboard.press("a")
    decided = page.locator(f"#{target}")
    expect(decided).to_have_class(re.compile(r"\bstatus-accepted\b"))
    expect(decided.locator(".decided")).to_have_text("Accepted")
    watched.shot("flow-05-queue-accepted")

    # Add a label to an untagged paragraph in the document view.
    page.goto(f"/documents/{document_id}")
    article = page.locator(f"#p-{added_to}")
    article.locator("details.add-label summary").click()
    article.locator(f"#label-{added_to}").fill(f"objective:{added}")
    article.get_by_role("button", name="Add").click()
    expect(article.locator("li.chip.status-accepted.source-analyst .code")).to_have_text(
        f"O{added}"
    )
    accepted_chip = page.locator(f"#p-{proposal.paragraph_id} li.chip.status-accepted.counts")
    expect(accepted_chip.locator(".code", has_text=f"O{proposal.objective}")).to_have_count(1)
    watched.shot("flow-06-tag-added")

    page.goto("/matrix")
    expect(page.locator(f"#cell-JOR-{proposal.objective}")).to_have_text(str(accepted_before + 1))
    expect(page.locator(f"#cell-JOR-{added}")).to_have_text(str(added_before + 1))
    watched.shot("flow-07-matrix-after")

    link = page.locator(f"#cell-JOR-{added} a")
    assert link.get_attribute("href") == f"/matrix/cell/JOR/{added}"
    link.click()
    expect(page.locator("#cell-panel")).to_contain_text(added_text[:60])
    watched.shot("flow-08-matrix-cell")

    with page.expect_navigation():
        page.locator("form[action='/logout'] button[type=submit]").click()
    assert path_of(page) == "/login"
    expect(page.locator(".account")).to_have_count(0)
    page.goto(f"/documents/{document_id}")
    assert path_of(page) == "/login"
    watched.shot("flow-09-signed-out")

    watched.assert_clean()
