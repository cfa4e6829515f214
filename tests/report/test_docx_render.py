"""Each block type of the report's document model drawn into Word: styles, links, direction."""

from __future__ import annotations

import io

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from PIL import Image

from gcm_review.report import document as d
from gcm_review.report.chart_model import Bar, BarChart
from gcm_review.report.docx_blocks import new_document
from gcm_review.report.docx_links import is_right_to_left
from gcm_review.report.docx_render import DocxContext, add_blocks, add_section

ARABIC = "أطلقت مصر استراتيجية وطنية"


@pytest.fixture
def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 4), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def drawn(*blocks: d.Block, context: DocxContext | None = None) -> Document:
    doc = new_document("Test")
    add_blocks(doc, blocks, context or DocxContext(known={12}))
    buffer = io.BytesIO()
    doc.save(buffer)  # what is drawn must also be a valid document
    return docx.Document(io.BytesIO(buffer.getvalue()))


def texts(doc: Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs]


def test_headings_and_section() -> None:
    doc = new_document("Test")
    add_section(doc, d.Section("annex", "Annex", (d.Heading("Part", 2),), docx_title="Annex W"))
    assert texts(doc) == [("Heading 1", "Annex W"), ("Heading 2", "Part")]


def test_paragraph_runs_links_and_references() -> None:
    runs = (
        d.Span("1. ", strong=True),
        d.Span("Text "),
        d.Group((d.Span("bold"),), tag="strong"),
        d.Link("there", "p12"),
        d.Refs((12, 99)),
    )
    doc = drawn(d.Paragraph(runs, style="List Bullet"))
    paragraph = doc.paragraphs[0]
    assert paragraph.style.name == "List Bullet"
    assert paragraph.text == "1. Text boldthere [¶12, ¶99]"
    assert [r.bold for r in paragraph.runs[:3]] == [True, None, True]
    anchors = paragraph._p.xpath(".//w:hyperlink/@w:anchor")
    assert anchors == ["p12", "p12"]  # the link, then ¶12; ¶99 is not in the evidence


def test_arabic_paragraph_runs_right_to_left_with_references_after() -> None:
    doc = drawn(d.Paragraph((d.Span(ARABIC), d.Refs((12,)))), d.text("English text"))
    arabic, english = doc.paragraphs
    assert is_right_to_left(arabic) and not is_right_to_left(english)
    assert arabic.text == f"{ARABIC}\u200e [¶12]\u200e"


def test_note_is_small_grey_italic() -> None:
    # the look is the "Report Note" style's (based on Normal), so that a template restyles it
    doc = drawn(d.Note("n = 4"))
    style = doc.paragraphs[0].style
    assert style is not None and style.name == "Report Note"
    assert style.base_style is not None and style.base_style.name == "Normal"
    assert style.font.italic and style.font.size is not None and style.font.size.pt == 9


def test_lists_become_list_paragraphs() -> None:
    items = (d.text("a"), d.Paragraph((d.Span("b"),), style="List Continue"))
    listed = d.BulletList(items)
    nested = d.BulletList((d.Item((d.text("c"), d.Note("d"))),))
    assert texts(drawn(listed, nested)) == [
        ("List Bullet", "a"),
        ("List Continue", "b"),
        ("Normal", "c"),
        ("Report Note", "d"),
    ]


def test_tables_take_the_text_of_rich_cells() -> None:
    table = d.Table(
        ("Country", d.cell("6", css="num")),
        (d.Row((d.cell("Jordan", row_header=True), d.cell(d.Link("1", "cell"))), "r"),),
        widths=(4.0, 2.0),
    )
    doc = drawn(table, d.Table(("a", "b"), (("1", "2"),)))
    cells = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert cells == [["Country", "6"], ["Jordan", "1"], ["a", "b"], ["1", "2"]]
    header = doc.tables[0].rows[0]._tr
    assert header.trPr.find(qn("w:tblHeader")) is not None


def test_figures_are_pictures_with_captions(png: bytes) -> None:
    chart = BarChart("drawn", "Drawn", (Bar("Yes", 75.0),), unit="%", max_value=100.0)
    doc = drawn(
        d.Figure("given", "Figure: given."),
        d.Figure("drawn", "Figure: drawn.", chart),
        d.Figure("missing", "Figure: missing."),
        context=DocxContext(charts={"given": png}),
    )
    assert len(doc.inline_shapes) == 2
    captions = [text for style, text in texts(doc) if style == "Caption"]
    assert captions == ["Figure: given.", "Figure: drawn."]


def test_blocks_for_html_only_are_left_out() -> None:
    doc = drawn(d.Note("both"), d.Note("html", only="html"), d.Note("word", only="docx"))
    assert [text for _, text in texts(doc)] == ["both", "word"]


def test_details_show_their_summary_and_blocks() -> None:
    assert [t for _, t in texts(drawn(d.Details("By group", (d.text("a"),))))] == [
        "By group",
        "a",
    ]


def test_control_characters_are_dropped() -> None:
    assert texts(drawn(d.text("Broken\x00 text")))[0][1] == "Broken text"
