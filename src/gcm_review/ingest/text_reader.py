"""Plain text and Markdown reader (text.v1): one block per non-blank line, blank lines as gaps.

Lines are kept exactly as written (leading "- ", tabs, split letters): the repair and structure
stages work on them. Form feeds (\\f) mark page breaks, as in `pdftotext` output. In Markdown
(a .md/.markdown file, or text whose first line is an ATX heading) "# Title" lines become
headings; bullets stay lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from gcm_review.ingest.encoding import decode_text
from gcm_review.ingest.result import DEFAULT_LIMITS, ReadLimits, ReadResult
from gcm_review.model import Block

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


def read_text(data: bytes, *, path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> ReadResult:
    """Read a text or Markdown file into "line" (and Markdown "heading") blocks.

    Raises TooManyParagraphs as soon as the lines pass `limits.max_blocks`.
    """
    text, encoding = decode_text(data)
    markdown = _is_markdown(text, path=path)
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()  # a form feed that ends the file does not open a page
    paged = len(pages) > 1
    blocks: list[Block] = []
    for number, page_text in enumerate(pages, start=1):
        page = number if paged else None
        _add_page_blocks(blocks, page_text, page=page, markdown=markdown, limits=limits, path=path)
    return ReadResult(
        blocks=tuple(blocks), page_count=len(pages) if paged else None, encoding=encoding
    )


def _is_markdown(text: str, *, path: Path) -> bool:
    if path.suffix.lower() in _MARKDOWN_SUFFIXES:
        return True
    first_line = next((line for line in _lines(text) if line.strip()), "")
    return _ATX_HEADING.match(first_line) is not None


def _add_page_blocks(
    blocks: list[Block],
    text: str,
    *,
    page: int | None,
    markdown: bool,
    limits: ReadLimits,
    path: Path,
) -> None:
    """Add one page's blocks; the first line of a page (when there are pages) has no gap, as in
    PDF."""
    blank_lines = 0
    opens_page = page is not None
    for line in _lines(text):
        if not line.strip():
            blank_lines += 1
            continue
        gap = None if opens_page else float(blank_lines)
        blocks.append(_line_block(line, page=page, gap_before=gap, markdown=markdown))
        limits.check_blocks(len(blocks), path=path)
        blank_lines = 0
        opens_page = False


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` one at a time, as text.split("\\n") gives them but without a list."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _line_block(line: str, *, page: int | None, gap_before: float | None, markdown: bool) -> Block:
    heading = _ATX_HEADING.match(line) if markdown else None
    if heading is not None and heading.group(2):
        return Block(
            text=heading.group(2),
            page=page,
            kind="heading",
            level=len(heading.group(1)),
            gap_before=gap_before,
        )
    return Block(text=line, page=page, kind="line", gap_before=gap_before)
