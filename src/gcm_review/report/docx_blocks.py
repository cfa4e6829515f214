"""Building blocks of the Word report: page set-up, text, notes, headings, grid tables, pictures.

Every piece of text goes through `xml_text` (damaged documents hold control characters XML cannot
carry) and every Arabic paragraph is laid out right to left.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

import docx
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from gcm_review.languages import is_mostly_arabic
from gcm_review.report.docx_layout import (
    NOTE_COLOUR,
    NOTE_STYLE,
    add_report_styles,
)
from gcm_review.report.docx_links import (
    add_link_style,
    append_run,
    mark_repeating_header,
    set_right_to_left,
    xml_text,
)

TEXT_WIDTH_CM = 16.0  # A4 with 2.5 cm margins
LANDSCAPE_TEXT_WIDTH_CM = 24.7  # A4 landscape with 2.5 cm margins
PICTURE_WIDTH = Cm(TEXT_WIDTH_CM)
NOTE_SIZE = Pt(9)
_SECTION_PROPERTIES = qn("w:sectPr")
_RUN_PROPERTIES = qn("w:rPr")
# Ids of the paragraph styles the report uses, in python-docx's default template (checked by
# `new_document`), so that a paragraph's style is set without a search by name.
STYLE_IDS = {
    "Title": "Title",
    **{f"Heading {level}": f"Heading{level}" for level in range(1, 4)},
    "List Bullet": "ListBullet",
    "List Continue": "ListContinue",
    "Caption": "Caption",
    "TOC Heading": "TOCHeading",
    "Numbered Paragraph": "NumberedParagraph",  # the report's own styles (`docx_layout`)
    "Report Note": "ReportNote",
}


def new_document(title: str) -> Document:
    """An empty A4 document with the link style and the report's properties."""
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    doc.core_properties.title = xml_text(title)
    doc.core_properties.author = "gcm-review"
    doc.core_properties.comments = "Machine draft: check every statement against its evidence."
    add_link_style(doc)
    add_report_styles(doc)
    for name, style_id in STYLE_IDS.items():
        if doc.styles[name].style_id != style_id:
            raise RuntimeError(f"the Word template names style {name!r} differently")
    return doc


def add_text(doc: Document, text: str = "", *, style: str | None = None) -> Paragraph:
    """A paragraph holding the text; right to left when the text is Arabic."""
    paragraph = _new_paragraph(doc, style)
    if text:
        append_run(paragraph, xml_text(text))
    if is_mostly_arabic(text):
        set_right_to_left(paragraph)
    return paragraph


def add_note(doc: Document, text: str, *, style: str | None = None) -> Paragraph:
    """A small grey italic paragraph: explanations and counts around the statements.

    Its look is the "Report Note" style's, which a template restyles; a note in another style
    (a caption) is made small, grey and italic run by run.
    """
    paragraph = _new_paragraph(doc, style or NOTE_STYLE)
    if style is None:
        append_run(paragraph, xml_text(text))
    else:
        append_run(paragraph, xml_text(text), properties=_run_properties("note"))
    return paragraph


@functools.cache
def _run_properties(kind: str) -> BaseOxmlElement:
    """The w:rPr python-docx writes for a note's run ("note") or a bold run ("bold")."""
    paragraph = docx.Document().add_paragraph()
    run = paragraph.add_run("x")
    if kind == "note":
        run.italic = True
        run.font.size = NOTE_SIZE
        run.font.color.rgb = NOTE_COLOUR
    else:
        run.bold = True
    found: BaseOxmlElement = run._r.find(_RUN_PROPERTIES)
    return found


def bold_properties() -> BaseOxmlElement:
    """The w:rPr of a bold run, to give `append_run`."""
    return _run_properties("bold")


def add_heading(doc: Document, text: str, level: int) -> Paragraph:
    """A heading in Word's style for that level (0 is the title)."""
    return add_text(doc, text, style="Title" if level == 0 else f"Heading {level}")


def _new_paragraph(doc: Document, style: str | None) -> Paragraph:
    """An empty paragraph at the end of the body, in that style.

    python-docx finds the place and the style of a new paragraph by scanning the whole body and
    every style, which makes a report with thousands of paragraphs slow; this does neither.
    """
    body = doc.element.body
    p = OxmlElement("w:p")
    last = body[-1]  # lxml reaches the last child directly; len(body) counts them all
    if last.tag == _SECTION_PROPERTIES:
        last.addprevious(p)
    else:
        body.append(p)
    paragraph = Paragraph(p, doc._body)
    if style is not None:
        p.style = STYLE_IDS.get(style) or doc.styles[style].style_id
    return paragraph


def add_grid_table(
    doc: Document,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths: Sequence[float],
    font_size: float = 9,
) -> None:
    """A grid table with a bold header row repeated on each page; widths in centimetres."""
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    mark_repeating_header(table.rows[0])
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid, which LibreOffice reads; Word reads the cells
    for row, values in zip(table.rows, [header, *rows], strict=True):
        for cell, value, width in zip(row.cells, values, widths, strict=True):
            cell.width = Cm(width)
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(xml_text(value))
            run.font.size = Pt(font_size)
            run.bold = values is header
            if is_mostly_arabic(value):
                set_right_to_left(paragraph)


def add_picture(doc: Document, png: bytes, caption: str) -> None:
    """A picture as wide as the text, with a caption below it."""
    doc.add_picture(io.BytesIO(png), width=PICTURE_WIDTH)
    add_note(doc, caption, style="Caption")
