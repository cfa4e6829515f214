"""Tables of contents: the "Contents" heading and the entry lines that follow it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from gcm_review.languages import ascii_digits, clean_text, fold_arabic, word_count

_CONTENTS_TITLES = frozenset(
    {
        "contents",
        "table of contents",
        "table des matières",
        "table des matieres",
        "sommaire",
        "índice",
        "indice",
        "contenido",
        fold_arabic("المحتويات"),
        fold_arabic("جدول المحتويات"),
        fold_arabic("الفهرس"),
    }
)
_COLUMN_HEADERS = frozenset({"paragraphs", "page", "pages", "paragraphes", "الفقرات", "الصفحة"})
_PAGE_REF = r"\d{1,3}(?:\s*[-–]\s*\d{1,3})?"
# "...<TAB>22-30<TAB>9", "Introduction .......... 3", "I. Key messages 10 4"
_TABBED_ENTRY = re.compile(rf"\S.*\t\s*{_PAGE_REF}\s*(?:\t\s*\d{{1,3}})?\s*$")
_LEADER_ENTRY = re.compile(rf"\S.*?(?:\.{{3,}}|…+|\s\.\s\.)\s*{_PAGE_REF}\s*$")
_TRAILING_PAGES = re.compile(rf"\s{_PAGE_REF}(?:\s+\d{{1,3}})?\s*$")
# "Opening session 11-18 6", "Key messages 10 4": paragraphs (a range or one) and a page
_PARAGRAPHS_AND_PAGE = re.compile(r"[^\W\d].*\s\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s+\d{1,3}\s*$")
_MAX_ENTRY_WORDS = 30
_MAX_PART_TITLE_WORDS = 6


def is_contents_title(text: str) -> bool:
    """Whether the line is the heading of a table of contents."""
    return fold_arabic(clean_text(text).strip(" :").casefold()) in _CONTENTS_TITLES


def is_contents_entry(text: str, *, inside: bool) -> bool:
    """Whether the line is an entry of a table of contents.

    Anywhere, a line whose page numbers are set off by tabs or dot leaders is an entry, and so
    is a line that ends in paragraph numbers and a page ("Opening session 11-18 6"). Right
    after a "Contents" heading (inside=True), lines split by several tabs, column headers
    ("Paragraphs  Page") and short lines ending in page numbers count too.
    """
    raw = ascii_digits(text).rstrip()
    if not raw.strip() or word_count(raw) > _MAX_ENTRY_WORDS:
        return False
    if _TABBED_ENTRY.match(raw.strip("\n")) or _LEADER_ENTRY.match(raw):
        return True
    if ends_with_paragraphs_and_page(raw):
        return True
    if not inside:
        return False
    words = clean_text(raw).casefold().split()
    if words and all(word in _COLUMN_HEADERS for word in words):
        return True
    return raw.count("\t") >= 2 or bool(_TRAILING_PAGES.search(raw) and not raw.endswith("."))


def ends_with_paragraphs_and_page(text: str) -> bool:
    """Whether the line ends like an entry of a contents: paragraph numbers, then a page."""
    return _PARAGRAPHS_AND_PAGE.match(clean_text(ascii_digits(text))) is not None


def contents_lines(texts: Sequence[str]) -> frozenset[int]:
    """Indexes of the lines that belong to a table of contents (its title included)."""
    found: set[int] = set()
    inside = False
    for index, text in enumerate(texts):
        if is_contents_title(text):
            found.add(index)
            inside = True
        elif is_contents_entry(text, inside=inside) or (
            inside and _is_part_title(text, texts[index + 1 : index + 2])
        ):
            found.add(index)
        else:
            inside = False
    return frozenset(found)


def _is_part_title(text: str, following: Sequence[str]) -> bool:
    """A short line without page numbers ("Chapter") between two entries of the contents."""
    short = word_count(text) <= _MAX_PART_TITLE_WORDS and not text.rstrip().endswith(".")
    return short and bool(following) and is_contents_entry(following[0], inside=True)
