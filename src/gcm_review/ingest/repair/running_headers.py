"""Remove running headers, running footers and lone page numbers from paged lines.

A header or footer is a line that, with its digits replaced by a placeholder, is among the first
(last) `zone` lines of at least half the pages and of at least three pages. A page number is a
line such as "12", "- 12 -", "Page 12 of 40" or "12/40" among the first or last two lines.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from itertools import groupby

from gcm_review.ingest.repair.lines import Line

RUNNING_HEADER = "running-header"
RUNNING_FOOTER = "running-footer"
PAGE_NUMBER = "page-number"

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_PAGE_NUMBER = re.compile(
    r"""^\s*(?:
        [-–—]?\s*\d{1,4}\s*[-–—]?                       # 12, - 12 -
      | (?:page|p\.|pág\.?|página|ال?صفحة)\s*\d{1,4}(?:\s*(?:of|/|sur|de|من)\s*\d{1,4})?
      | \d{1,4}\s*/\s*\d{1,4}                            # 12/40
      | [ivxlc]{1,7}                                     # roman, front matter
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def _key(text: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", text)).strip().casefold()


def is_page_number(text: str) -> bool:
    """True for a line that is only a page number."""
    return _PAGE_NUMBER.match(text) is not None


def _drop_page_numbers(page: list[Line]) -> tuple[list[Line], list[Line]]:
    """Split off lone page numbers among the first and last two lines of a page."""
    edges = set(range(min(2, len(page)))) | set(range(max(0, len(page) - 2), len(page)))
    kept: list[Line] = []
    dropped: list[Line] = []
    for index, line in enumerate(page):
        (dropped if index in edges and is_page_number(line.text) else kept).append(line)
    return kept, dropped


def _zones(page: list[Line], zone: int) -> tuple[int, int]:
    """Sizes of the top and bottom zones; they never overlap on a short page."""
    top = min(zone, len(page) // 2) if len(page) > 1 else len(page)
    return top, min(zone, len(page) - top)


def _repeated_keys(pages: list[list[Line]], *, top: bool, zone: int) -> set[str]:
    counts: Counter[str] = Counter()
    for page in pages:
        head, foot = _zones(page, zone)
        edge = page[:head] if top else page[len(page) - foot :]
        counts.update({_key(line.text) for line in edge if line.text.strip()})
    needed = max(3, math.ceil(0.5 * len(pages)))
    return {key for key, count in counts.items() if count >= needed}


def find_running_lines(lines: list[Line], *, zone: int = 3) -> list[tuple[str, Line]]:
    """The header, footer and page-number lines among `lines`, with their kind, in order.

    Lines without a page are never candidates.
    """
    removed: list[tuple[str, Line]] = []
    pages: list[list[Line]] = []
    paged = [line for line in lines if line.page is not None]
    for _page, group in groupby(paged, key=lambda line: line.page):
        kept, numbers = _drop_page_numbers(list(group))
        removed.extend((PAGE_NUMBER, line) for line in numbers)
        pages.append(kept)
    headers = _repeated_keys(pages, top=True, zone=zone)
    footers = _repeated_keys(pages, top=False, zone=zone)
    if headers or footers:
        for page in pages:
            head, foot = _zones(page, zone)
            edges = sorted({*range(head), *range(max(0, len(page) - foot), len(page))})
            for index in edges:  # only lines at the top or bottom can be headers or footers
                line, key = page[index], _key(page[index].text)
                if index < head and key in headers:
                    removed.append((RUNNING_HEADER, line))
                elif index >= len(page) - foot and key in footers:
                    removed.append((RUNNING_FOOTER, line))
    position = {id(line): index for index, line in enumerate(lines)}
    removed.sort(key=lambda item: position[id(item[1])])
    return removed


def drop_lines(lines: list[Line], gone: set[int]) -> list[Line]:
    """`lines` minus those whose id() is in `gone`.

    A line that follows removed lines and now opens its page loses its gap, as a page's first
    line has none.
    """
    kept: list[Line] = []
    after_removed = False
    for line in lines:
        if id(line) in gone:
            after_removed = True
            continue
        opens_page = line.page is not None and (not kept or kept[-1].page != line.page)
        if after_removed and opens_page and line.gap is not None:
            line = replace(line, gap=None)
        kept.append(line)
        after_removed = False
    return kept
