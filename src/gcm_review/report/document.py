"""The report as data: sections made of blocks, built once and drawn by each renderer.

Builders (`report/sections/`, the survey annex in `survey/section.py`) turn records into
`Section`s; `html_render` draws them with one Jinja macro per block type, `docx_render` with one
python-docx function per block type. Where the HTML and Word reports say different things (as
they did before this model), a block carries `only="html"` or `only="docx"` and the other
renderer skips it: the differences are visible in the data.

Heading levels are those of the Word document: a section is level 1 (`<h2>` in HTML, whose
`<h1>` is the report's title), its parts level 2 (`<h3>`), and so on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from gcm_review.report.chart_model import Chart

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]+")
Medium = Literal["html", "docx"]
Direction = Literal["auto", "ltr", "rtl"]


@dataclass(frozen=True)
class Span:
    """Text inside a paragraph, optionally bold; `css`, `dir` and `lang` wrap it in HTML."""

    text: str
    strong: bool = False
    css: str = ""
    dir: Direction | None = None
    lang: str | None = None
    title: str = ""  # a tooltip (HTML)


@dataclass(frozen=True)
class Link:
    """Text linking to an element of the same document (an HTML id, a Word bookmark)."""

    text: str
    anchor: str
    title: str = ""
    css: str = ""
    dir: Direction | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Refs:
    """Links to evidence paragraphs: "[12]" in HTML, "[¶12]" in Word."""

    paragraph_ids: tuple[int, ...]
    hints: tuple[str, ...] = ()  # a tooltip per id (HTML), same length or empty


@dataclass(frozen=True)
class Group:
    """Runs held together: in HTML one element (`<span>`, `<strong>`, a `<q>` quotation)."""

    runs: tuple[Inline, ...]
    tag: Literal["span", "strong", "q", "sup"] = "span"
    css: str = ""
    dir: Direction | None = None
    lang: str | None = None
    title: str = ""  # a tooltip (HTML)


Inline = Span | Link | Refs | Group


@dataclass(frozen=True)
class Heading:
    """A heading; `anchor` is its HTML id."""

    text: str
    level: int  # 0 is the report's title
    anchor: str = ""
    dir: Direction | None = None
    lang: str | None = None
    css: str = ""
    only: Medium | None = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inline runs; `style` is its Word paragraph style (List Bullet...).

    `anchor` is its HTML id and, in Word, the name of a bookmark around it. `keep_with_next`
    and `space_before` (points) lay out Word's evidence headings.
    """

    runs: tuple[Inline, ...]
    css: str = ""
    dir: Direction | None = None
    lang: str | None = None
    style: str | None = None
    anchor: str = ""
    # HTML element: "blockquote" for a quotation, "" for runs without an element of their own
    tag: Literal["p", "header", "blockquote", ""] = "p"
    keep_with_next: bool = False
    space_before: float = 0
    only: Medium | None = None


@dataclass(frozen=True)
class Note:
    """A remark around the figures: small grey italic in Word, `<p class="note">` in HTML."""

    text: str
    keep_with_next: bool = False  # Word
    only: Medium | None = None


@dataclass(frozen=True)
class Item:
    """A list item made of several blocks."""

    blocks: tuple[Block, ...]
    anchor: str = ""
    css: str = ""


@dataclass(frozen=True)
class BulletList:
    """A list of paragraphs: `<ul>` (or `<ol>`) in HTML, List Bullet paragraphs in Word."""

    items: tuple[Paragraph | Item, ...]
    ordered: bool = False
    css: str = ""
    only: Medium | None = None


@dataclass(frozen=True)
class Cell:
    """A table cell with links or references; `css` gives its class ("num", a heat level)."""

    runs: tuple[Inline, ...]
    css: str = ""
    row_header: bool = False  # the row's label (`<th scope="row">`)
    title: str = ""  # a tooltip (HTML)


@dataclass(frozen=True)
class Row:
    """A table row that can be linked to (`anchor` is its HTML id)."""

    cells: tuple[str | Cell, ...]
    anchor: str = ""


@dataclass(frozen=True)
class Table:
    """A grid with one header row. Plain text cells from column `numeric_from` on are numbers
    (right aligned); a `Cell` says itself how it looks.

    `widths` (centimetres) and `font_size` (points) are for Word; equal widths when empty.
    `scroll` lets a wide table scroll sideways in HTML.
    """

    header: tuple[str | Cell, ...]
    rows: tuple[tuple[str | Cell, ...] | Row, ...]
    numeric_from: int = 1
    widths: tuple[float, ...] = ()
    font_size: float = 9
    css: str = ""
    caption: str = ""
    scroll: bool = False
    only: Medium | None = None


@dataclass(frozen=True)
class Figure:
    """A chart: inline SVG in HTML, a PNG with its caption in Word.

    The renderers take it from the drawings they are given, by `name`, else draw `chart`; a
    figure with neither is left out.
    """

    name: str
    caption: str
    chart: Chart | None = None
    only: Medium | None = None


@dataclass(frozen=True)
class Details:
    """Blocks an HTML reader opens on demand (`<details>`); Word shows the summary and blocks."""

    summary: str
    blocks: tuple[Block, ...]
    only: Medium | None = None


@dataclass(frozen=True)
class Part:
    """Blocks kept together: an `<article>` (a country, a roundtable) or a `<div>` in HTML."""

    blocks: tuple[Block, ...]
    anchor: str = ""
    css: str = ""
    tag: Literal["div", "article", "header"] = "div"
    only: Medium | None = None


Block = Heading | Paragraph | Note | BulletList | Table | Figure | Details | Part


@dataclass(frozen=True)
class Section:
    """A part of the report with its own heading (level 1) and entry in the contents.

    `title` is the entry in the contents, `entries` the links listed under it; the HTML heading
    shows `heading` instead when given, the Word heading `docx_title`.
    """

    anchor: str
    title: str
    blocks: tuple[Block, ...]
    css: str = ""
    heading: tuple[Inline, ...] = ()
    docx_title: str = ""
    entries: tuple[Link, ...] = ()
    only: Medium | None = None
    landscape: bool = False  # Word: on landscape pages of its own (a wide matrix)


def text(
    value: str, *, css: str = "", dir: Direction | None = None, only: Medium | None = None
) -> Paragraph:
    """A paragraph holding one plain text."""
    return Paragraph((Span(value),), css=css, dir=dir, only=only)


def bullets(values: Iterable[str], *, dir: Direction | None = None) -> BulletList:
    """A list of plain texts."""
    return BulletList(tuple(text(value, dir=dir) for value in values))


def cell(value: str | Inline, *, css: str = "", row_header: bool = False) -> Cell:
    """A cell holding one text or one run."""
    run = Span(value) if isinstance(value, str) else value
    return Cell((run,), css=css, row_header=row_header)


def safe_id(key: str) -> str:
    """A key usable in an element id and a fragment link."""
    return _UNSAFE_ID.sub("-", key).strip("-") or "x"


def for_medium(blocks: Iterable[Block], medium: Medium) -> list[Block]:
    """The blocks a renderer for that medium draws."""
    return [block for block in blocks if block.only in (None, medium)]
