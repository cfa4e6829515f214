"""The small markup the sample sources are written in, and its parser.

A source file holds metadata lines (``@key: value``) followed by body lines, one element a line:

- ``# text``, ``## text``, ``### text``: a heading of level 1, 2 or 3 (its own numbering, such
  as "II." or "A.", is part of the text);
- ``12. text``: numbered paragraph 12 (numbers must run 1, 2, 3, ... through the document);
- ``- text``: a bullet;
- ``| a | b |``: a table row (consecutive rows form one table, the first row is its header);
- any other line: an unnumbered paragraph of prose.

Blank lines are ignored, so each paragraph is written on one (long) line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

ElementKind = Literal["heading", "numbered", "bullet", "prose", "table"]

_HEADING = re.compile(r"^(#{1,3}) (.+)$")
_NUMBERED = re.compile(r"^(\d+)\. (.+)$")
_META = re.compile(r"^@([a-z_]+): (.*)$")
_REQUIRED_META = ("title", "notice", "language", "date")


class SampleSourceError(ValueError):
    """A sample source file breaks the markup rules (a build-time error, never met at run time)."""


@dataclass(frozen=True)
class Element:
    """One heading, paragraph, bullet or table of a sample source."""

    kind: ElementKind
    text: str = ""
    level: int = 0  # heading level, 1 = top
    number: int | None = None  # numbered paragraphs only
    rows: tuple[tuple[str, ...], ...] = ()  # tables only; the first row is the header


@dataclass(frozen=True)
class SampleSource:
    """A parsed source: its metadata and its elements in reading order."""

    name: str
    meta: dict[str, str]
    elements: tuple[Element, ...]

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def notice(self) -> str:
        return self.meta["notice"]

    @property
    def language(self) -> str:
        return self.meta["language"]


def read_source(path: Path) -> SampleSource:
    """Parse the source file at ``path``."""
    return parse_source(path.read_text(encoding="utf-8"), name=path.stem)


def parse_source(text: str, *, name: str) -> SampleSource:
    """Parse source text; raises SampleSourceError on a missing field or a numbering gap."""
    meta: dict[str, str] = {}
    elements: list[Element] = []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        meta_match = _META.match(line)
        if meta_match and not elements:
            meta[meta_match.group(1)] = meta_match.group(2).strip()
            continue
        _append_element(elements, line)
    missing = [key for key in _REQUIRED_META if key not in meta]
    if missing:
        raise SampleSourceError(f"{name}: missing metadata {', '.join(missing)}")
    _check_numbering(elements, name=name)
    return SampleSource(name=name, meta=meta, elements=tuple(elements))


def _append_element(elements: list[Element], line: str) -> None:
    if line.startswith("|"):
        row = tuple(cell.strip() for cell in line.strip("|").split("|"))
        if elements and elements[-1].kind == "table":
            elements[-1] = Element(kind="table", rows=(*elements[-1].rows, row))
        else:
            elements.append(Element(kind="table", rows=(row,)))
        return
    elements.append(_line_element(line))


def _line_element(line: str) -> Element:
    heading = _HEADING.match(line)
    if heading:
        return Element(kind="heading", text=heading.group(2), level=len(heading.group(1)))
    numbered = _NUMBERED.match(line)
    if numbered:
        return Element(kind="numbered", text=numbered.group(2), number=int(numbered.group(1)))
    if line.startswith("- "):
        return Element(kind="bullet", text=line[2:])
    return Element(kind="prose", text=line)


def _check_numbering(elements: list[Element], *, name: str) -> None:
    numbers = [element.number for element in elements if element.kind == "numbered"]
    expected = list(range(1, len(numbers) + 1))
    if numbers != expected:
        gap = next(
            i for i, (got, want) in enumerate(zip(numbers, expected, strict=True)) if got != want
        )
        raise SampleSourceError(
            f"{name}: paragraph numbers must run 1, 2, 3, ...; found {numbers[gap]} "
            f"where {expected[gap]} was expected"
        )


def paragraph_ranges(source: SampleSource, *, level: int) -> list[tuple[Element, int, int]]:
    """Each heading of ``level`` or above with the first and last paragraph number it holds.

    Headings that hold no numbered paragraph get (0, 0).
    """
    ranges: list[tuple[Element, int, int]] = []
    for index, element in enumerate(source.elements):
        if element.kind != "heading" or element.level > level:
            continue
        numbers = _numbers_under(source.elements, start=index + 1, level=element.level)
        ranges.append((element, numbers[0], numbers[-1]) if numbers else (element, 0, 0))
    return ranges


def _numbers_under(elements: tuple[Element, ...], *, start: int, level: int) -> list[int]:
    numbers: list[int] = []
    for element in elements[start:]:
        if element.kind == "heading" and element.level <= level:
            break
        if element.number is not None:
            numbers.append(element.number)
    return numbers
