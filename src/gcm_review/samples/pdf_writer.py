"""Render a sample source as a PDF with fpdf2: running header, page-numbered footer, numbered paras.

Left-to-right documents get soft hyphens so that some words are hyphenated at line ends;
right-to-left (Arabic) documents are shaped with HarfBuzz (``set_text_shaping``), which is what
makes pypdfium2 meet the usual Arabic extraction faults when the pipeline reads them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from gcm_review.samples.hyphenation import add_soft_hyphens
from gcm_review.samples.markup import Element, SampleSource

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_FONT = "dejavu"
_LINE = 5.6  # body line height, mm
_INDENT = 10.0  # room for a paragraph number or a bullet, mm


@dataclass(frozen=True)
class PageStyle:
    """What differs between a left-to-right and a right-to-left sample PDF."""

    rtl: bool
    running_header: str
    footer_template: str  # formatted with page= and pages=


class _ReviewPdf(FPDF):
    """An A4 page with the document title on top and the page number below, on every page."""

    def __init__(self, style: PageStyle) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.style = style

    def header(self) -> None:
        self.set_font(_FONT, size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.style.running_header, align="R" if self.style.rtl else "L")
        self.ln(5)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(6)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(_FONT, size=8)
        text = self.style.footer_template.format(page=self.page_no(), pages="{nb}")
        self.cell(0, 5, text, align="C")


_FOOTERS = {"en": "Page {page} of {pages}", "fr": "Page {page} sur {pages}", "ar": "الصفحة {page}"}


def page_style_for(source: SampleSource) -> PageStyle:
    """The page style a source asks for: right-to-left for Arabic, its running header, and its
    footer ("@footer: 21-00417 - {page}", formatted with page= and pages=; else "Page n of m")."""
    return PageStyle(
        rtl=source.language == "ar",
        running_header=source.meta.get("running_header", source.title),
        footer_template=source.meta.get("footer", _FOOTERS[source.language]),
    )


def write_review_pdf(source: SampleSource, path: Path) -> Path:
    """Write ``source`` as a PDF at ``path`` and return the path."""
    pdf = _new_pdf(source, style=page_style_for(source))
    _write_title_block(pdf, source)
    for element in source.elements:
        _write_element(pdf, element)
    pdf.output(str(path))
    return path


def _new_pdf(source: SampleSource, *, style: PageStyle) -> _ReviewPdf:
    pdf = _ReviewPdf(style)
    pdf.add_font(_FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(_FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    if style.rtl:
        pdf.set_text_shaping(True, direction="rtl", script="arab", language="ara")
    pdf.set_margins(left=22, top=15, right=22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.set_title(source.title)
    pdf.set_author(source.meta.get("author", "gcm-review sample builder"))
    pdf.set_subject(source.notice)
    pdf.set_lang(source.language)
    pdf.set_creation_date(_fixed_date(source))
    pdf.add_page()
    return pdf


def _fixed_date(source: SampleSource) -> datetime:
    return datetime.fromisoformat(source.meta["date"]).replace(hour=9, tzinfo=UTC)


def _write_title_block(pdf: _ReviewPdf, source: SampleSource) -> None:
    align = _align(pdf)
    pdf.set_font(_FONT, "B", size=9)
    _block(pdf, 5, source.notice, align="C", border=1)
    pdf.ln(8)
    pdf.set_font(_FONT, "B", size=16)
    _block(pdf, 8, source.title, align=align)
    pdf.ln(2)
    pdf.set_font(_FONT, size=12)
    for key in ("subtitle", "place_date"):
        if key in source.meta:
            _block(pdf, 6.5, source.meta[key], align=align)
    pdf.ln(6)


def _write_element(pdf: _ReviewPdf, element: Element) -> None:
    if element.kind == "heading":
        _write_heading(pdf, element)
    elif element.kind == "numbered":
        _write_marked(pdf, f"{element.number}.", element.text)
    elif element.kind == "bullet":
        _write_marked(pdf, "\u2022", element.text)
    elif element.kind == "prose":
        _write_body(pdf, element.text, indent=0.0)
    else:
        _write_table(pdf, element.rows)


def _write_heading(pdf: _ReviewPdf, element: Element) -> None:
    if pdf.get_y() > pdf.page_break_trigger - 4 * _LINE:
        pdf.add_page()
    pdf.ln(4 if element.level == 1 else 2)
    pdf.set_font(_FONT, "B", size=13 if element.level == 1 else 11)
    _block(pdf, 7, element.text, align=_align(pdf))
    pdf.ln(2)


def _write_marked(pdf: _ReviewPdf, mark: str, text: str) -> None:
    """A paragraph whose number or bullet hangs in the margin column (on the right if RTL)."""
    if pdf.get_y() > pdf.page_break_trigger - 2 * _LINE:
        pdf.add_page()
    pdf.set_font(_FONT, size=10.5)
    if pdf.style.rtl:
        _write_body(pdf, f"{mark} {text}", indent=0.0)
        return
    top = pdf.get_y()
    pdf.cell(_INDENT, _LINE, mark)
    pdf.set_y(top)
    _write_body(pdf, text, indent=_INDENT)


def _write_body(pdf: _ReviewPdf, text: str, *, indent: float) -> None:
    pdf.set_font(_FONT, size=10.5)
    body = text if pdf.style.rtl else add_soft_hyphens(text)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.epw - indent, _LINE, body, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2.2)


def _write_table(pdf: _ReviewPdf, rows: tuple[tuple[str, ...], ...]) -> None:
    pdf.set_font(_FONT, size=9)
    with pdf.table(text_align=_align(pdf), line_height=5) as table:
        for row in rows:
            table_row = table.row()
            for cell in row:
                table_row.cell(cell)
    pdf.ln(3)


def _block(
    pdf: _ReviewPdf, height: float, text: str, *, align: str, border: Literal[0, 1] = 0
) -> None:
    """A full-width multi-line cell, leaving the cursor at the left margin below it."""
    pdf.multi_cell(0, height, text, border=border, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _align(pdf: _ReviewPdf) -> str:
    return "R" if pdf.style.rtl else "L"
