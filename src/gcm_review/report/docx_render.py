"""Draw report sections into a Word document: one python-docx function per block type.

Text goes through docx_blocks (control characters removed, Arabic laid out right to left);
evidence references become internal links to the Evidence section's bookmarks.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from docx.document import Document
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from gcm_review.languages import is_mostly_arabic
from gcm_review.report import document as d
from gcm_review.report.docx_blocks import (
    TEXT_WIDTH_CM,
    add_grid_table,
    add_heading,
    add_note,
    add_picture,
    add_text,
    bold_properties,
)
from gcm_review.report.docx_links import (
    add_bookmark,
    add_internal_link,
    add_references,
    append_run,
    next_bookmark_id,
    set_right_to_left,
    xml_text,
)
from gcm_review.report.png_charts import render_png


@dataclass(frozen=True)
class DocxContext:
    """What blocks look up while drawn: the evidence paragraphs and the charts as PNG."""

    known: Collection[int] = frozenset()  # ids of the paragraphs bookmarked in the Evidence
    charts: Mapping[str, bytes] | None = None  # PNG by chart name; else a figure's chart is drawn
    # ids of the bookmarks around anchored paragraphs; add_section starts them above those in use
    bookmark_ids: Iterator[int] = field(default_factory=lambda: itertools.count())


def add_section(doc: Document, section: d.Section, context: DocxContext | None = None) -> None:
    """The section's heading (level 1), then its blocks meant for Word."""
    add_heading(doc, section.docx_title or section.title, 1)
    bookmarks = itertools.count(next_bookmark_id(doc))  # w:id is unique in the document
    given = context or DocxContext()
    add_blocks(doc, section.blocks, replace(given, bookmark_ids=bookmarks))


def add_blocks(doc: Document, blocks: Iterable[d.Block], context: DocxContext) -> None:
    """Each block meant for Word, in order."""
    for block in d.for_medium(blocks, "docx"):
        _add_block(doc, block, context)


def _add_block(doc: Document, block: d.Block, context: DocxContext) -> None:
    match block:
        case d.Heading():
            heading = add_heading(doc, block.text, block.level)
            if block.anchor:
                add_bookmark(heading, block.anchor, next(context.bookmark_ids))
        case d.Paragraph():
            add_paragraph(doc, block, context)
        case d.Note():
            note = add_note(doc, block.text)
            if block.keep_with_next:
                note.paragraph_format.keep_with_next = True
        case d.BulletList():
            for item in block.items:
                if isinstance(item, d.Item):
                    add_blocks(doc, item.blocks, context)
                else:
                    add_paragraph(doc, item, context, style=item.style or "List Bullet")
        case d.Table():
            add_table(doc, block)
        case d.Figure():
            add_figure(doc, block, context)
        case d.Part():
            add_blocks(doc, block.blocks, context)
        case d.Details():
            add_note(doc, block.summary)
            add_blocks(doc, block.blocks, context)


def add_paragraph(
    doc: Document, block: d.Paragraph, context: DocxContext, *, style: str | None = None
) -> Paragraph:
    """The runs of a paragraph: bold spans, links to bookmarks, evidence references.

    The paragraph is right to left when its text (references aside) is Arabic; references come
    after the text, so they learn the direction they sit in.
    """
    paragraph = add_text(doc, style=style or block.style)
    text = plain_text(block.runs)
    directed = False
    for run in block.runs:
        if isinstance(run, d.Refs) and not directed:
            directed = _direct(paragraph, text)
        _add_run(paragraph, run, context)
    if not directed:
        _direct(paragraph, text)
    if block.keep_with_next:
        paragraph.paragraph_format.keep_with_next = True
    if block.space_before:
        paragraph.paragraph_format.space_before = Pt(block.space_before)
    if block.anchor:
        add_bookmark(paragraph, block.anchor, next(context.bookmark_ids))
    return paragraph


def plain_text(runs: Iterable[d.Inline]) -> str:
    """The text of the runs, references left out."""
    parts = []
    for run in runs:
        if isinstance(run, d.Group):
            parts.append(plain_text(run.runs))
        elif not isinstance(run, d.Refs):
            parts.append(run.text)
    return "".join(parts)


def _direct(paragraph: Paragraph, text: str) -> bool:
    if is_mostly_arabic(text):
        set_right_to_left(paragraph)
    return True


def _add_run(
    paragraph: Paragraph, run: d.Inline, context: DocxContext, *, strong: bool = False
) -> None:
    match run:
        case d.Span():
            bold = bold_properties() if run.strong or strong else None
            append_run(paragraph, xml_text(run.text), properties=bold)
        case d.Group():
            for part in run.runs:
                _add_run(paragraph, part, context, strong=strong or run.tag == "strong")
        case d.Link():
            add_internal_link(paragraph, run.text, run.anchor)
        case d.Refs():
            add_references(paragraph, run.paragraph_ids, known=context.known)


def add_table(doc: Document, block: d.Table) -> None:
    """A grid table; equal column widths when the block gives none."""
    columns = len(block.header)
    widths = block.widths or tuple(TEXT_WIDTH_CM / max(columns, 1) for _ in range(columns))
    header = [_cell_text(value) for value in block.header]
    rows = [
        [_cell_text(value) for value in (row.cells if isinstance(row, d.Row) else row)]
        for row in block.rows
    ]
    add_grid_table(doc, header, rows, widths=widths, font_size=block.font_size)


def _cell_text(value: str | d.Cell) -> str:
    return value if isinstance(value, str) else plain_text(value.runs)


def add_figure(doc: Document, block: d.Figure, context: DocxContext) -> None:
    """The chart as a picture with its caption; left out when there is nothing to draw."""
    png = (context.charts or {}).get(block.name)
    if png is None and block.chart is not None:
        png = render_png(block.chart)
    if png is not None:
        add_picture(doc, png, block.caption)
