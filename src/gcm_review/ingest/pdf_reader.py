"""PDF reader (pdf.v1) on pypdfium2: one "line" block per printed line, with page and gap above.

Every line is kept, running headers, footers and page numbers included: the repair stage removes
them and records it. `gap_before` is the vertical space above a line in lines: about 0 for the
next line of a paragraph, about n after n empty lines, negative when the line does not sit below
the previous one (a new column, a table cell on the same row, text drawn out of order); None for
the first line of a page. The unit is the page's usual baseline-to-baseline distance.

Speed: one text extraction per page plus one character box per line (no per-character work).
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from gcm_review.errors import CorruptDocument, EncryptedDocument, ScannedDocument
from gcm_review.ingest.result import DEFAULT_LIMITS, ReadLimits, ReadResult, one_line
from gcm_review.model import Block

_LINE = re.compile(r"[^\r\n]+")
_PASSWORD_ERRORS = frozenset({pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY})
_SCANNED = "no text layer: it looks scanned; OCR is not supported yet"
_USUAL_LEADING = 1.2  # baseline distance / font box height, when a page has too few lines to tell
_RECURRING_SHARE = 0.1  # a plain line step is met on at least this share of a page's steps
_SAME_STEP = 0.03  # steps within this share of each other are the same step
# PDFium's load error codes in words; it may fail without a code ("PDFium: Success")
_LOAD_REASONS = {
    pdfium_c.FPDF_ERR_FILE: "the file could not be opened",
    pdfium_c.FPDF_ERR_FORMAT: "it is not a PDF, or its structure is damaged",
    pdfium_c.FPDF_ERR_PAGE: "its page tree is damaged",
}
_UNKNOWN_LOAD_REASON = "its structure is damaged or uses a feature the reader does not support"
_MISSING_PAGE = "the page is missing or damaged"
_LISTED_RANGES = 10


class _MissingPage(Exception):
    """PDFium could not open a page the document claims to have."""


@dataclass(frozen=True)
class _Line:
    text: str
    bottom: float | None  # bottom of the first character's font box (baseline minus descent)
    height: float | None  # height of that font box (about the font size)


def read_pdf(data: bytes, *, path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> ReadResult:
    """Read a PDF's text layer; raise EncryptedDocument, CorruptDocument or ScannedDocument,
    and TooManyParagraphs once the lines pass `limits.max_blocks`."""
    pdf = _open_document(data, path=path)
    try:
        return _read_document(pdf, path=path, limits=limits)
    finally:
        pdf.close()


def _open_document(data: bytes, *, path: Path) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in _PASSWORD_ERRORS:
            raise EncryptedDocument(str(path), "the PDF is password-protected") from exc
        reason = _LOAD_REASONS.get(getattr(exc, "err_code", None), _UNKNOWN_LOAD_REASON)
        raise CorruptDocument(str(path), f"the PDF cannot be parsed ({reason})") from exc


def _read_document(pdf: Any, *, path: Path, limits: ReadLimits) -> ReadResult:
    """Every page's lines; pages that fail are summed up in one problem line per reason.

    `page_count` is the last page PDFium could open: a page tree that claims more pages than
    the file holds gets a problem line, not a higher count.
    """
    claimed = len(pdf)
    blocks: list[Block] = []
    failed: dict[str, list[int]] = {}
    image_pages: list[int] = []
    last_opened = 0
    for number in range(1, claimed + 1):
        try:
            lines = _page_lines(pdf, number - 1)
        except _MissingPage:
            failed.setdefault(_MISSING_PAGE, []).append(number)
            continue
        except pdfium.PdfiumError as exc:
            failed.setdefault(one_line(str(exc)), []).append(number)
            last_opened = number
            continue
        last_opened = number
        if lines:
            blocks.extend(_line_blocks(lines, page=number))
            limits.check_blocks(len(blocks), path=path)
        elif _page_has_images(pdf, number - 1):
            image_pages.append(number)
    if not blocks and image_pages:
        raise ScannedDocument(str(path), _SCANNED)
    problems = [_skipped(pages, reason, claimed=claimed) for reason, pages in failed.items()]
    if image_pages:
        listed = page_ranges(image_pages)
        problems.append(f"pages {listed}: images without a text layer (scanned?), text missing")
    return ReadResult(
        blocks=tuple(blocks),
        page_count=last_opened,
        metadata_title=_metadata_title(pdf),
        problems=tuple(problems),
    )


def page_ranges(pages: list[int]) -> str:
    """Ascending page numbers as short ranges: "2, 5-9, 12"; past ten ranges, a count."""
    ranges: list[tuple[int, int]] = []
    for number in pages:
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], number)
        else:
            ranges.append((number, number))
    shown = [str(a) if a == b else f"{a}-{b}" for a, b in ranges[:_LISTED_RANGES]]
    more = len(ranges) - len(shown)
    return ", ".join(shown) + (f" and {more:,} more ranges" if more else "")


def _skipped(pages: list[int], reason: str, *, claimed: int) -> str:
    if len(pages) == 1:
        return f"page {pages[0]}: text could not be extracted, page skipped ({reason})"
    return (
        f"pages {page_ranges(pages)} ({len(pages):,} of the {claimed:,} pages the file "
        f"lists): text could not be extracted, pages skipped ({reason})"
    )


def _page_lines(pdf: Any, index: int) -> list[_Line]:
    try:
        page = pdf.get_page(index)
    except pdfium.PdfiumError as exc:
        raise _MissingPage from exc
    try:
        textpage = page.get_textpage()
        try:
            return _textpage_lines(textpage)
        finally:
            textpage.close()
    finally:
        page.close()


def _textpage_lines(textpage: Any) -> list[_Line]:
    """Split the page text at pdfium's line breaks; measure each line by its first character."""
    text: str = textpage.get_text_range()
    lines: list[_Line] = []
    for match in _LINE.finditer(text):
        content = match.group()
        stripped = content.lstrip()
        if not stripped:
            continue
        first_char = match.start() + len(content) - len(stripped)
        bottom, height = _font_box(textpage, first_char)
        lines.append(_Line(text=content, bottom=bottom, height=height))
    return lines


def _font_box(textpage: Any, text_index: int) -> tuple[float | None, float | None]:
    char_index = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, text_index)
    if char_index < 0:
        return None, None
    try:
        _left, bottom, _right, top = textpage.get_charbox(char_index, loose=True)
    except pdfium.PdfiumError:
        return None, None
    height = float(top - bottom)
    return (float(bottom), height) if height > 0 else (None, None)


def _line_blocks(lines: list[_Line], *, page: int) -> list[Block]:
    pitch = _usual_pitch(lines)
    blocks: list[Block] = []
    previous: _Line | None = None
    for line in lines:
        gap: float | None = None
        if previous is not None and previous.bottom is not None and line.bottom is not None:
            unit = pitch or _USUAL_LEADING * (line.height or 1.0)
            gap = round((previous.bottom - line.bottom) / unit - 1.0, 2) + 0.0
        blocks.append(Block(text=line.text, page=page, kind="line", gap_before=gap))
        if line.bottom is not None:
            previous = line
    return blocks


def _usual_pitch(lines: list[_Line]) -> float | None:
    """The page's usual baseline distance: the smallest step down between lines that recurs.

    Steps under half a font height (a superscript, a cell on the same row) are not line steps.
    The smallest step met on at least a tenth of the steps (and twice) is the plain line step,
    even on a page where most steps are paragraph gaps (a contents page, a list of one-line
    items); without one, the lower median of the steps.
    """
    boxes = [
        (line.bottom, line.height)
        for line in lines
        if line.bottom is not None and line.height is not None
    ]
    steps = [
        upper - lower
        for (upper, _), (lower, height) in zip(boxes, boxes[1:], strict=False)
        if upper - lower >= 0.5 * height
    ]
    if len(steps) < 2:
        return None
    needed = max(2, math.ceil(_RECURRING_SHARE * len(steps)))
    for step in sorted(steps):
        alike = [other for other in steps if abs(other - step) <= _SAME_STEP * step]
        if len(alike) >= needed:
            return statistics.median_low(alike)
    return statistics.median_low(steps)


def _page_has_images(pdf: Any, index: int) -> bool:
    try:
        page = pdf.get_page(index)
    except pdfium.PdfiumError:
        return False
    try:
        images = page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4)
        return next(iter(images), None) is not None
    except pdfium.PdfiumError:
        return False
    finally:
        page.close()


def _metadata_title(pdf: Any) -> str | None:
    try:
        title: str = pdf.get_metadata_value("Title")
    except (pdfium.PdfiumError, UnicodeDecodeError):
        return None
    return one_line(title) or None
