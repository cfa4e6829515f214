"""PDF reader: one block per printed line with page and gap; named errors for bad PDFs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from ingest_builders import BLANK, blank_pdf, image_pdf, text_pdf

from gcm_review.errors import CorruptDocument, EncryptedDocument, ScannedDocument
from gcm_review.ingest import pdf_reader
from gcm_review.ingest.pdf_reader import _Line, _usual_pitch, read_pdf

PDF = Path("report.pdf")
PAGE_ONE = ["Outcome document", BLANK, "10. First line of a paragraph", "its second line"]
PAGE_ONE += [BLANK, BLANK, "11. After two empty lines", "3"]
PAGE_TWO = ["Outcome document", "23. Iraq reviewed progress", "on labour mobility", "4"]


def test_lines_pages_and_metadata() -> None:
    result = read_pdf(text_pdf([PAGE_ONE, PAGE_TWO], title="Regional review"), path=PDF)
    printed = [line for line in PAGE_ONE + PAGE_TWO if line]
    assert [block.text for block in result.blocks] == printed  # headers and page numbers kept
    assert [block.page for block in result.blocks] == [1] * 5 + [2] * 4
    assert {block.kind for block in result.blocks} == {"line"}
    assert result.page_count == 2
    assert result.metadata_title == "Regional review"
    assert result.problems == ()


def test_gap_before_counts_empty_lines() -> None:
    blocks = read_pdf(text_pdf([PAGE_ONE, PAGE_TWO]), path=PDF).blocks
    gaps = [block.gap_before for block in blocks]
    assert gaps[0] is None and gaps[5] is None  # the first line of each page
    measured = [gap for index, gap in enumerate(gaps) if index not in (0, 5)]
    assert measured == pytest.approx([1.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0], abs=0.1)


def test_no_metadata_title() -> None:
    assert read_pdf(text_pdf([["Iraq"]]), path=PDF).metadata_title is None


def test_pdf_protected_only_against_editing_reads() -> None:
    result = read_pdf(text_pdf([["Egypt"]], user_password=""), path=PDF)
    assert [block.text for block in result.blocks] == ["Egypt"]


def test_password_protected_pdf() -> None:
    with pytest.raises(EncryptedDocument, match="password"):
        read_pdf(text_pdf([["Kuwait"]], user_password="secret"), path=PDF)


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_truncated_pdf(keep: float) -> None:
    data = text_pdf([PAGE_ONE, PAGE_TWO])
    with pytest.raises(CorruptDocument, match="cannot be parsed"):
        read_pdf(data[: int(len(data) * keep)], path=PDF)


def test_image_only_pdf_is_scanned() -> None:
    with pytest.raises(ScannedDocument) as caught:
        read_pdf(image_pdf(), path=PDF)
    assert "no text layer" in str(caught.value)
    assert "OCR is not supported yet" in str(caught.value)


def test_image_page_among_text_pages_is_a_problem() -> None:
    result = read_pdf(image_pdf(text_pages=[["Jordan"]]), path=PDF)
    assert [block.text for block in result.blocks] == ["Jordan"]
    assert result.page_count == 2
    assert len(result.problems) == 1 and "pages 2:" in result.problems[0]


def test_blank_pdf_gives_no_blocks() -> None:
    result = read_pdf(blank_pdf(), path=PDF)
    assert result.blocks == () and result.page_count == 1


def test_failing_page_is_skipped_and_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    real_page_lines = pdf_reader._page_lines

    def page_lines(pdf: Any, index: int) -> list[Any]:
        if index == 1:
            raise pdfium.PdfiumError("Failed to load page.")
        return real_page_lines(pdf, index)

    monkeypatch.setattr(pdf_reader, "_page_lines", page_lines)
    result = read_pdf(text_pdf([["Oman"], ["Libya"], ["Sudan"]]), path=PDF)
    assert [block.text for block in result.blocks] == ["Oman", "Sudan"]
    assert [block.page for block in result.blocks] == [1, 3]
    assert len(result.problems) == 1 and result.problems[0].startswith("page 2:")


def _claiming(pages: int, data: bytes) -> bytes:
    """`data` (a one-page PDF) with a page tree that claims `pages` pages."""
    claimed = re.sub(rb"/Count 1\b", b"/Count %d" % pages, data)
    assert claimed != data
    return claimed


def test_pages_the_file_only_claims_are_one_problem_line() -> None:
    result = read_pdf(_claiming(10_000, text_pdf([["Jordan"]])), path=PDF)
    assert [block.text for block in result.blocks] == ["Jordan"]
    assert result.page_count == 1
    assert result.problems == (
        "pages 2-10000 (9,999 of the 10,000 pages the file lists): text could not be "
        "extracted, pages skipped (the page is missing or damaged)",
    )


def test_page_ranges_are_short() -> None:
    assert pdf_reader.page_ranges([2, 3, 4, 7, 9, 10]) == "2-4, 7, 9-10"
    many = pdf_reader.page_ranges(list(range(1, 60, 2)))
    assert many.endswith("19 and 20 more ranges")


@pytest.mark.parametrize("code", [0, 1, 3, None])
def test_load_failure_gives_a_reason_not_pdfium_success(
    monkeypatch: pytest.MonkeyPatch, code: int | None
) -> None:
    def failing(_data: bytes) -> None:
        raise pdfium.PdfiumError("Failed to load document (PDFium: Success).", err_code=code)

    monkeypatch.setattr(pdfium, "PdfDocument", failing)
    with pytest.raises(CorruptDocument) as caught:
        read_pdf(b"%PDF-1.7\n", path=PDF)
    message = str(caught.value)
    assert "Success" not in message and "PDFium:" not in message
    assert "the PDF cannot be parsed (" in message


def test_line_pitch_is_the_smallest_recurring_step() -> None:
    # a contents page: one-line entries 18 points apart, two wrapped entries 12 points apart
    bottoms = [700.0, 682.0, 664.0, 652.0, 634.0, 616.0, 598.0, 586.0, 568.0, 550.0]
    lines = [_Line(text="entry", bottom=bottom, height=10.0) for bottom in bottoms]
    assert _usual_pitch(lines) == 12.0
    plain = [_Line(text="line", bottom=700.0 - 12.0 * step, height=10.0) for step in range(6)]
    assert _usual_pitch(plain) == 12.0
