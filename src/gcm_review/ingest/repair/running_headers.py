"""Remove running headers, running footers and lone page numbers from paged lines.

Page numbers: see page_numbers. A running header (footer) is a line among the first (last)
`zone` lines of a page that repeats there on at least half the pages and at least three, either
- as the same text (spaces and case aside), or
- as the same text but for one number that follows the page sequence, the page number plus a
  fixed offset ("21-00417 - 14", "Outcome report | 14"), its other numbers unchanged.
Only pages where the line is under half of the page's words count towards that share, so a
page's only sentence is never a header of it. Running lines are stacked at the page's edge: a
repeated line below a line that is no header (above one that is no footer) is body text.
A running footer can also be glued to the end of a page's last line ("... ethical
re21-00417 - 14"), when the extractor put no line break before it: on a page with no footer
line of its own, a last line ending in a repeated footer (its page number in sequence) loses
that ending (`find_glued_footers`). Shape alone never makes a header: a heading or numbered
statement ("Objective 3", "12. The ministry ...", see reflow.is_heading_or_statement) and a
line of more than `MAX_HEADER_WORDS` words are never running lines.

`check_share` is the last guard: removals that would leave nothing, or delete more than a share
of the document's words, are refused and explained in one line.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from itertools import groupby

from gcm_review.ingest.repair.lines import Line
from gcm_review.ingest.repair.page_numbers import find_page_numbers, is_page_number
from gcm_review.ingest.repair.reflow import is_heading_or_statement

__all__ = [
    "check_share",
    "drop_lines",
    "find_glued_footers",
    "find_running_lines",
    "is_page_number",
]

RUNNING_HEADER = "running-header"
RUNNING_FOOTER = "running-footer"
PAGE_NUMBER = "page-number"
MAX_HEADER_WORDS = 25
_MAX_NUMBERS = 4  # lines with more numbers are compared as whole text only

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")

Key = tuple[str | int | tuple[str, ...], ...]


def _keys(line: Line) -> Iterator[Key]:
    """The repetition keys of a line: its text, and its text with a page-sequence number."""
    text = _SPACES.sub(" ", line.text).strip().casefold()
    yield ("same", text)
    numbers = _DIGITS.findall(text)
    if not numbers or len(numbers) > _MAX_NUMBERS or line.page is None:
        return
    shape = _DIGITS.sub("#", text)
    for index, number in enumerate(numbers):
        others = tuple(numbers[:index] + numbers[index + 1 :])
        if len(number) <= 6:
            yield ("page", shape, index, others, int(number) - line.page)


def _zones(page: list[Line], zone: int) -> tuple[int, int]:
    """Sizes of the top and bottom zones; they never overlap on a short page."""
    top = min(zone, len(page) // 2) if len(page) > 1 else len(page)
    return top, min(zone, len(page) - top)


def _edge_lines(page: list[Line], zone: int) -> Iterator[tuple[bool, Line]]:
    """(at the top, line) for the lines of a page's top and bottom zones that may be running."""
    head, foot = _zones(page, zone)
    for index in sorted({*range(head), *range(len(page) - foot, len(page))}):
        line = page[index]
        words = len(line.text.split())
        if 0 < words <= MAX_HEADER_WORDS and not is_heading_or_statement(line.text):
            yield index < head, line


def _repeated(pages: list[list[Line]], zone: int) -> set[tuple[bool, Key]]:
    """The (top, key) pairs repeated on enough pages where the line is a minor part."""
    counts: Counter[tuple[bool, Key]] = Counter()
    for page in pages:
        page_words = sum(len(line.text.split()) for line in page)
        seen = {
            (top, key)
            for top, line in _edge_lines(page, zone)
            if 2 * len(line.text.split()) < page_words
            for key in _keys(line)
        }
        counts.update(seen)
    needed = max(3, math.ceil(0.5 * len(pages)))
    return {found for found, count in counts.items() if count >= needed}


def _stacked(
    page: list[Line], repeated: set[tuple[bool, Key]], zone: int
) -> list[tuple[str, Line]]:
    """The running lines of a page: repeated lines stacked from its top or bottom edge."""
    edges = list(_edge_lines(page, zone))
    head, foot = _zones(page, zone)
    found: list[tuple[str, Line]] = []
    for top, run in ((True, page[:head]), (False, page[len(page) - foot :][::-1])):
        candidates = {id(line) for at_top, line in edges if at_top == top}
        for line in run:
            if id(line) not in candidates or all((top, key) not in repeated for key in _keys(line)):
                break  # a line below a header (above a footer) that is not one ends the stack
            found.append((RUNNING_HEADER if top else RUNNING_FOOTER, line))
    return found


def _pages(lines: list[Line]) -> list[list[Line]]:
    paged = [line for line in lines if line.page is not None]
    return [list(group) for _page, group in groupby(paged, key=lambda line: line.page)]


def find_running_lines(lines: list[Line], *, zone: int = 3) -> list[tuple[str, Line]]:
    """The header, footer and page-number lines among `lines`, with their kind, in order.

    Lines without a page are never candidates.
    """
    removed: list[tuple[str, Line]] = []
    pages: list[list[Line]] = []
    all_pages = _pages(lines)
    for page, numbers in zip(all_pages, find_page_numbers(all_pages), strict=True):
        removed.extend((PAGE_NUMBER, page[index]) for index in sorted(numbers))
        pages.append([line for index, line in enumerate(page) if index not in numbers])
    repeated = _repeated(pages, zone)
    if repeated:
        for page in pages:
            removed.extend(_stacked(page, repeated, zone))
    position = {id(line): index for index, line in enumerate(lines)}
    removed.sort(key=lambda item: position[id(item[1])])
    return removed


def find_glued_footers(lines: list[Line], *, zone: int = 3) -> list[tuple[Line, int]]:
    """(line, offset) for each page's last line that ends in a running footer glued to its text.

    Only pages without a footer line of their own are looked at; `offset` is where the footer
    starts in the line's text.
    """
    pages = _pages(lines)
    repeated = _repeated(pages, zone)
    footers = [key for top, key in repeated if not top]
    if not footers:
        return []
    found: list[tuple[Line, int]] = []
    for page in pages:
        if any(kind == RUNNING_FOOTER for kind, _line in _stacked(page, repeated, zone)):
            continue
        last = page[-1]
        for key in footers:
            offset = _glued_at(last, key)
            if offset is not None:
                found.append((last, offset))
                break
    return found


def _glued_at(line: Line, key: Key) -> int | None:
    """Where a footer of repetition key `key` starts at the end of `line`, after other text."""
    shape = str(key[1])
    parts = [re.escape(part).replace(r"\ ", r"\s+") for part in shape.split("#")]
    pattern = re.compile(r"(?P<footer>" + r"(\d+)".join(parts) + r")\s*$", re.IGNORECASE)
    match = pattern.search(line.text)
    if match is None or not line.text[: match.start()].strip():
        return None
    if key[0] == "page":
        numbers = _DIGITS.findall(match["footer"])
        index, others, offset = int(str(key[2])), key[3], key[4]
        if line.page is None or int(numbers[index]) - line.page != offset:
            return None
        if tuple(n for i, n in enumerate(numbers) if i != index) != others:
            return None
    return match.start()


def check_share(
    lines: list[Line], found: list[tuple[str, Line]], *, max_share: float
) -> str | None:
    """Why removing `found` from `lines` is refused, in one line; None when it is allowed.

    Refused: removals that leave no text, and headers and footers that hold more than
    `max_share` of the words (page numbers hold none).
    """
    gone = {id(line) for _kind, line in found}
    if found and all(id(line) in gone for line in lines if line.text.strip()):
        return "running headers and page numbers kept: removing them would leave no text"
    running = [line for kind, line in found if kind != PAGE_NUMBER]
    removed = sum(len(line.text.split()) for line in running)
    total = sum(len(line.text.split()) for line in lines)
    if not running or removed <= max_share * total:
        return None
    example = " ".join(running[0].text.split())[:60]
    return (
        f"running headers and footers kept: removing them would delete {removed:,} of {total:,} "
        f"words ({removed / total:.0%}, e.g. {example!r}), over the repair_max_share setting "
        f"({max_share:.0%})"
    )


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
