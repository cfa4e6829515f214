"""DOCX reader: paragraphs in body order, headings with levels, list labels from numbering.xml."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from ingest_builders import W_NS, add_numbering, docx_bytes, encrypted_docx_bytes, numbered

from gcm_review.errors import CorruptDocument, EncryptedDocument
from gcm_review.ingest.docx_reader import read_docx
from gcm_review.model import Block

DOCX = Path("report.docx")

# abstractNum 10: "5." / "a)" / "(i)"; abstractNum 11: legal "1." / "1.1"; 12: bullets
LISTS = """
<w:abstractNum w:abstractNumId="10">
  <w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/>
    </w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/>
    </w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="11">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/>
    </w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>
    <w:isLgl/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%3."/>
    <w:lvlRestart w:val="0"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="12">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>
<w:num w:numId="20"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="21"><w:abstractNumId w:val="10"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="22"><w:abstractNumId w:val="11"/></w:num>
<w:num w:numId="23"><w:abstractNumId w:val="12"/></w:num>
"""


def _read(build: Callable[[Document], object]) -> list[Block]:
    return list(read_docx(docx_bytes(build), path=DOCX).blocks)


def _labels(build: Callable[[Document], object]) -> list[tuple[str, str | None]]:
    return [(block.text, block.label) for block in _read(build)]


def test_paragraphs_headings_lists_and_tables_in_order() -> None:
    def build(document: Document) -> None:
        document.add_heading("Outcome document", level=0)
        document.add_heading("Key messages", level=1)
        document.add_paragraph("The conference agreed on messages.")
        document.add_paragraph("first", style="List Number")
        document.add_paragraph("second", style="List Number")
        document.add_paragraph("a bullet", style="List Bullet")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Iraq", "IRQ"
        table.cell(1, 0).text = "Egypt"
        document.add_paragraph("   ")
        document.add_heading("Plenary session 1", level=2)

    result = read_docx(docx_bytes(build, title="Arab States review"), path=DOCX)
    assert [(b.kind, b.level, b.label, b.text) for b in result.blocks] == [
        ("heading", 1, None, "Outcome document"),
        ("heading", 1, None, "Key messages"),
        ("text", None, None, "The conference agreed on messages."),
        ("list_item", None, "1.", "first"),
        ("list_item", None, "2.", "second"),
        ("list_item", None, "•", "a bullet"),
        ("text", None, None, "Iraq"),
        ("text", None, None, "IRQ"),
        ("text", None, None, "Egypt"),
        ("heading", 2, None, "Plenary session 1"),
    ]
    assert result.metadata_title == "Arab States review"
    assert {block.page for block in result.blocks} == {None}


def test_levels_formats_start_and_restart() -> None:
    def build(document: Document) -> None:
        add_numbering(document, LISTS)
        for text, level in [("A", 0), ("B", 1), ("C", 1), ("D", 2), ("E", 0), ("F", 1)]:
            numbered(document, text, num_id=20, level=level)

    assert _labels(build) == [
        ("A", "5."),
        ("B", "a)"),
        ("C", "b)"),
        ("D", "(i)"),
        ("E", "6."),
        ("F", "a)"),  # the deeper level restarted when level 0 advanced
    ]


def test_counters_run_per_num_id_and_start_override_restarts() -> None:
    def build(document: Document) -> None:
        add_numbering(document, LISTS)
        numbered(document, "A", num_id=20)
        numbered(document, "B", num_id=20)
        numbered(document, "C", num_id=21)
        numbered(document, "D", num_id=20)
        numbered(document, "E", num_id=21)

    assert _labels(build) == [("A", "5."), ("B", "6."), ("C", "1."), ("D", "7."), ("E", "2.")]


def test_legal_numbering_multi_level_text_and_no_restart() -> None:
    def build(document: Document) -> None:
        add_numbering(document, LISTS)
        steps = [("I", 0), ("x", 2), ("1.1", 1), ("y", 2), ("II", 0), ("2.1", 1), ("z", 2)]
        for text, level in steps:
            numbered(document, text, num_id=22, level=level)

    assert _labels(build) == [
        ("I", "I."),
        ("x", "A."),
        ("1.1", "1.1"),  # isLgl: level 0 printed as decimal inside "%1.%2"
        ("y", "B."),
        ("II", "II."),
        ("2.1", "2.1"),
        ("z", "C."),  # lvlRestart 0: never restarts
    ]


def test_bullets_and_empty_numbered_paragraphs() -> None:
    def build(document: Document) -> None:
        add_numbering(document, LISTS)
        numbered(document, "point", num_id=23)
        numbered(document, "A", num_id=20)
        numbered(document, "", num_id=20)  # shown as "6." by Word, holds no text
        numbered(document, "C", num_id=20)

    assert _labels(build) == [("point", "•"), ("A", "5."), ("C", "7.")]


def test_unknown_num_id_and_num_id_zero_are_plain_text() -> None:
    def build(document: Document) -> None:
        numbered(document, "ghost list", num_id=99)
        numbered(document, "numbering removed", num_id=0)

    assert [(b.kind, b.label) for b in _read(build)] == [("text", None), ("text", None)]


def test_localised_heading_style_by_outline_level() -> None:
    def build(document: Document) -> None:
        style = document.styles.add_style("Titre 1", WD_STYLE_TYPE.PARAGRAPH)
        outline = parse_xml(f'<w:pPr {W_NS}><w:outlineLvl w:val="0"/></w:pPr>')
        style.element.append(outline)
        child = document.styles.add_style("Titre pays", WD_STYLE_TYPE.PARAGRAPH)
        child.base_style = style
        document.add_paragraph("Recommandations", style="Titre 1")
        document.add_paragraph("Iraq", style="Titre pays")
        body = document.add_paragraph("Texte courant")
        body._p.get_or_add_pPr().append(
            parse_xml(f'<w:outlineLvl {W_NS} w:val="9"/>')  # 9 = body text
        )
        direct = document.add_paragraph("Annex")
        direct._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W_NS} w:val="1"/>'))

    assert [(b.kind, b.level) for b in _read(build)] == [
        ("heading", 1),
        ("heading", 1),
        ("text", None),
        ("heading", 2),
    ]


def test_text_in_hyperlinks_and_insertions_is_read() -> None:
    def build(document: Document) -> None:
        paragraph = document.add_paragraph("See ")
        paragraph._p.append(
            parse_xml(f"<w:hyperlink {W_NS}><w:r><w:t>the report</w:t></w:r></w:hyperlink>")
        )
        paragraph._p.append(
            parse_xml(
                f'<w:ins {W_NS} w:id="1" w:author="x"><w:r><w:t xml:space="preserve"> online'
                "</w:t></w:r></w:ins>"
            )
        )

    assert [block.text for block in _read(build)] == ["See the report online"]


def test_password_protected_docx() -> None:
    with pytest.raises(EncryptedDocument, match="password-protected"):
        read_docx(encrypted_docx_bytes(), path=DOCX)


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_docx(keep: float) -> None:
    data = docx_bytes(lambda document: document.add_paragraph("Bahrain"))
    with pytest.raises(CorruptDocument, match="cannot be parsed"):
        read_docx(data[: int(len(data) * keep)], path=DOCX)
