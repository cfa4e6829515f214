"""Issue 13, point 2: repairs never delete content silently.

Each measured case of the issue, generated here: pages that open with "Objective N", one
numbered statement per page (10,000 pages; 200,000 form-feed pages), the same sentence on every
page, and a removal over the `repair_max_share` setting, which is refused and reported by
`ingest`. A true running header must still go.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fpdf import FPDF
from typer.testing import CliRunner

from gcm_review.cli import app
from gcm_review.ingest import read
from gcm_review.ingest.repair import repair
from gcm_review.ingest.text_reader import read_text
from gcm_review.model import Block, SourceDocument, StructuredDocument
from gcm_review.settings import Settings
from gcm_review.store.database import open_database
from gcm_review.store.documents import document_record, list_documents
from gcm_review.workflows.ingest import process_file

pytestmark = pytest.mark.reliability

PLACES = ("Amman", "Irbid", "Zarqa", "Aqaba", "Mafraq", "Jerash", "Madaba", "Karak", "Tafilah")
HEADER_KINDS = {"running-header", "running-footer"}


def _pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF with one 11 pt line per entry; an empty entry leaves a blank line."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path.write_bytes(bytes(pdf.output()))
    return path


def _ingested(path: Path) -> StructuredDocument:
    return process_file(path, settings=Settings())


def _text(doc: StructuredDocument) -> str:
    return " ".join(paragraph.text for paragraph in doc.paragraphs)


def _source(blocks: list[Block] | tuple[Block, ...], *, format: str = "pdf") -> SourceDocument:
    return SourceDocument(
        path=f"/tmp/hostile.{format}",
        name=f"hostile.{format}",
        sha256="0" * 64,
        format="pdf" if format == "pdf" else "text",
        blocks=tuple(blocks),
    )


def _statement(n: int) -> list[str]:
    """A numbered paragraph over four printed lines."""
    place = PLACES[n % len(PLACES)]
    return [
        f"{n}. The ministry reported that {place} opened a shelter for migrant",
        f"workers and trained the staff of {place} on referral and protection,",
        "with the support of civil society organisations and of the local",
        f"authorities of {place}, who also fund legal aid for migrant workers.",
    ]


_TITLE_PAGE = [
    "Voluntary review of the Global Compact for Migration",
    "",
    "This review reports on the objectives in turn, one on each page.",
    "",
]


def test_eight_pages_opening_with_objectives_keep_every_heading(tmp_path: Path) -> None:
    pages = [
        [
            *(_TITLE_PAGE if n == 1 else []),
            f"Objective {n}",
            "",
            *_statement(n),
        ]
        for n in range(1, 9)
    ]
    doc = _ingested(_pdf(tmp_path / "objectives.pdf", pages))
    assert [section.title for section in doc.sections] == [f"Objective {n}" for n in range(1, 9)]
    assert [section.objective_refs for section in doc.sections] == [(n,) for n in range(1, 9)]
    numbered = [paragraph.number for paragraph in doc.paragraphs if paragraph.number]
    assert numbered == [str(n) for n in range(1, 9)]
    for n in range(1, 9):
        assert " ".join(_statement(n)[1:])[:-1] in _text(doc)
    assert not [item for item in doc.repaired.repairs if item.kind in HEADER_KINDS]


@pytest.mark.parametrize(
    "statement",
    [
        "{n}. The ministry reported on the shelters it opened for migrant workers.",
        "Statement {n}: the ministry reported on the shelters it opened.",
        "The ministry reported that shelter {n} opened for migrant workers.",
    ],
)
def test_ten_thousand_pages_of_numbered_statements_keep_every_paragraph(statement: str) -> None:
    blocks = [Block(statement.format(n=n), page=n, kind="line") for n in range(1, 10_001)]
    repaired = repair(_source(blocks))
    assert [block.text for block in repaired.blocks] == [block.text for block in blocks]
    assert repaired.repairs == () and repaired.source.problems == ()


def test_a_real_pdf_of_numbered_statements_keeps_every_paragraph(tmp_path: Path) -> None:
    pages = [[f"{n}. Statement {n}: the ministry reported on its shelters."] for n in range(1, 41)]
    doc = _ingested(_pdf(tmp_path / "statements.pdf", pages))
    assert [paragraph.number for paragraph in doc.paragraphs] == [str(n) for n in range(1, 41)]


def _form_feed_statements(pages: int) -> SourceDocument:
    text = "\f".join(
        f"Statement {n}: the ministry opened a shelter for migrant workers."
        for n in range(1, pages + 1)
    )
    result = read_text(text.encode("utf-8"), path=Path("statements.txt"))
    return _source(result.blocks, format="text")


def _repair_seconds(doc: SourceDocument) -> tuple[float, int]:
    started = time.perf_counter()
    repaired = repair(doc)
    return time.perf_counter() - started, len(repaired.blocks)


def test_two_hundred_thousand_form_feed_pages_keep_every_statement_in_linear_time() -> None:
    small_seconds, small_count = _repair_seconds(_form_feed_statements(20_000))
    big_seconds, big_count = _repair_seconds(_form_feed_statements(200_000))
    assert (small_count, big_count) == (20_000, 200_000)
    # ten times the pages: linear work takes about ten times as long, quadratic a hundred
    assert big_seconds < 40 * max(small_seconds, 0.05)


def test_the_same_sentence_on_every_page_is_kept(tmp_path: Path) -> None:
    sentence = "The ministry supports the safe return and reintegration of migrants."
    doc = _ingested(_pdf(tmp_path / "same.pdf", [[sentence]] * 3))
    assert doc.paragraphs and _text(doc).count(sentence) == 3
    assert not doc.repaired.repairs


def test_a_true_running_header_of_three_pages_is_still_removed(tmp_path: Path) -> None:
    pages = [
        [
            "Migration governance review",
            "",
            *_statement(n),
            "",
            f"Page {n} of 3",
        ]
        for n in range(1, 4)
    ]
    doc = _ingested(_pdf(tmp_path / "headed.pdf", pages))
    assert "Migration governance review" not in _text(doc)
    assert "Page 2 of 3" not in _text(doc)
    assert [paragraph.number for paragraph in doc.paragraphs] == ["1", "2", "3"]
    kinds = sorted(item.kind for item in doc.repaired.repairs if item.kind != "page-join")
    assert kinds == ["page-number"] * 3 + ["running-header"] * 3


def test_a_removal_over_the_share_is_refused_and_ingest_reports_it(tmp_path: Path) -> None:
    pages = [["Migration governance review", f"Work in {PLACES[n]} went on."] for n in range(5)]
    path = _pdf(tmp_path / "short-pages.pdf", pages)
    repaired = repair(read(path, max_bytes=10**6))
    assert " ".join(block.text for block in repaired.blocks).count("governance review") == 5
    (problem,) = repaired.source.problems
    assert problem.startswith("running headers and footers kept: removing them would delete")
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    result = CliRunner().invoke(app, ["ingest", str(path), "--database-url", url])
    assert result.exit_code == 0, result.output
    assert "problem:" in result.output and "running headers and footers kept" in result.output
    db = open_database(url)
    try:
        (stored,) = list_documents(db)
        assert document_record(db, stored.id)["problems"] == [problem]
    finally:
        db.close()
