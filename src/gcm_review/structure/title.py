"""The document title: the file's metadata title, else the short lines that open the document."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gcm_review.languages import clean_text, word_count
from gcm_review.structure.vocabulary import FUNCTION_WORDS

_MAX_TITLE_LINES = 3
_MAX_LINE_WORDS = 15
_FILE_NAME = re.compile(r"\.(?:docx?|pdf|txt|html?|rtf|odt)$|^microsoft word\s*-|^untitled", re.I)
_JOINED = re.compile(r"[,\-–]$")


@dataclass(frozen=True)
class TitleLine:
    """What the title finder needs to know about one opening block."""

    text: str
    stops: bool  # a heading, a numbered paragraph or the contents: the title lies before it
    format_heading: bool = False  # a heading the DOCX/HTML reader marked


@dataclass(frozen=True)
class FoundTitle:
    """The title and the opening blocks it was read from (they are not paragraphs)."""

    title: str | None
    blocks: tuple[int, ...] = ()


def find_title(lines: Sequence[TitleLine], *, metadata_title: str | None) -> FoundTitle:
    """Metadata title when it is a real title, else the first heading or first short lines."""
    opening = _opening_lines(lines)
    metadata = clean_text(metadata_title or "")
    if metadata and not _FILE_NAME.search(metadata):
        inside = tuple(
            i for i in opening if clean_text(lines[i].text).casefold() in metadata.casefold()
        )
        return FoundTitle(metadata, inside)
    if not opening:
        return FoundTitle(None)
    return FoundTitle(_join([clean_text(lines[i].text) for i in opening]), opening)


def _opening_lines(lines: Sequence[TitleLine]) -> tuple[int, ...]:
    if lines and lines[0].format_heading:
        return (0,)
    chosen: list[int] = []
    for index, line in enumerate(lines[:_MAX_TITLE_LINES]):
        text = clean_text(line.text)
        if line.stops or not text or word_count(text) > _MAX_LINE_WORDS or text.endswith("."):
            break
        chosen.append(index)
    if not chosen and lines and _reads_as_title(lines[0]):
        chosen.append(0)  # title lines that reflow joined into one block
    return tuple(chosen)


def _reads_as_title(line: TitleLine) -> bool:
    text = clean_text(line.text)
    return bool(text) and not line.stops and word_count(text) <= 40 and not text.endswith(".")


def _join(parts: list[str]) -> str:
    title = parts[0]
    for part in parts[1:]:
        last_word = title.split()[-1].casefold() if title.split() else ""
        glue = " " if _JOINED.search(title) or last_word in FUNCTION_WORDS else " – "
        title = f"{title}{glue}{part}"
    return title.rstrip(" ,;:-–")
