"""Lone page numbers: lines such as "12", "- 12 -", "Page 12 of 40", "12/40" or "iv".

A page number sits among the first or last two lines of a page. A line of bare digits ("12",
"- 12 -", "12/40") is taken for a page number only when it follows the page sequence: its value
minus the page's place in the file is the same on at least two pages (printed numbers often
start after unnumbered front matter), or the document has a single page. A line that names
the page ("Page 3", "p. 3", "الصفحة 3") or a roman numeral is a page number on its own.
"""

from __future__ import annotations

import re
from collections import Counter

from gcm_review.ingest.repair.lines import Line

_BARE = r"[-–—]?\s*(?P<bare>\d{1,4})\s*[-–—]?|(?P<ratio>\d{1,4})\s*/\s*\d{1,4}"
_NAMED = (
    r"(?:page|p\.|pág\.?|página|ال?صفحة)\s*\d{1,4}(?:\s*(?:of|/|sur|de|من)\s*\d{1,4})?"
    r"|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"  # a roman numeral: front matter
)
_PAGE_NUMBER = re.compile(rf"^\s*(?:{_BARE}|{_NAMED})\s*$", re.IGNORECASE)
_EDGE_LINES = 2


def is_page_number(text: str) -> bool:
    """True for a line that is only a page number."""
    return _PAGE_NUMBER.match(text) is not None


def _bare_value(text: str) -> int | None:
    """The number of a bare-digit page number ("12", "- 12 -", "12/40"), else None."""
    match = _PAGE_NUMBER.match(text)
    if match is None:
        return None
    digits = match["bare"] or match["ratio"]
    return int(digits) if digits else None


def _edge_candidates(pages: list[list[Line]]) -> list[tuple[int, int]]:
    """(page index, line index) of every page-number-shaped line among a page's edge lines."""
    found: list[tuple[int, int]] = []
    for page_index, page in enumerate(pages):
        size = len(page)
        edges = set(range(min(_EDGE_LINES, size))) | set(range(max(0, size - _EDGE_LINES), size))
        found.extend(
            (page_index, index) for index in sorted(edges) if is_page_number(page[index].text)
        )
    return found


def _offset(line: Line, fallback: int) -> int | None:
    """A bare page number's value minus the line's page (None for other page numbers)."""
    value = _bare_value(line.text)
    return None if value is None else value - (line.page if line.page is not None else fallback)


def find_page_numbers(pages: list[list[Line]]) -> list[set[int]]:
    """For each page (a non-empty list of its lines), the indexes of its page-number lines."""
    candidates = _edge_candidates(pages)
    offsets = Counter(
        offset
        for page_index, index in candidates
        if (offset := _offset(pages[page_index][index], page_index)) is not None
    )
    found: list[set[int]] = [set() for _page in pages]
    for page_index, index in candidates:
        offset = _offset(pages[page_index][index], page_index)
        if offset is None or len(pages) == 1 or offsets[offset] >= 2:
            found[page_index].add(index)
    return found
