"""Render a sample source as a DOCX with python-docx, with real Word list numbering.

python-docx has no API to define lists, so the numbering definitions (one decimal list for the
numbered paragraphs, one bullet list) are added to the numbering part as XML, and each list
paragraph gets a ``w:numPr``. The printed numbers then exist only in numbering.xml, never in the
paragraph text, as in reports written in Word. The package is re-zipped with fixed timestamps so
that re-running the build gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from gcm_review.samples.markup import Element, SampleSource

NUMBERED_LIST_ID = 41  # w:numId of the numbered-paragraph list
BULLET_LIST_ID = 42  # w:numId of the bullet list
_ZIP_TIMESTAMP = (2024, 1, 1, 0, 0, 0)
_LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR", "ar": "ar-SA"}

_DECIMAL_LEVEL = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>'
)
_BULLET_LEVEL = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="1134" w:hanging="283"/></w:pPr></w:lvl>'
)


def write_review_docx(source: SampleSource, path: Path) -> Path:
    """Write ``source`` as a DOCX at ``path`` and return the path."""
    path.write_bytes(render_review_docx(source))
    return path


def render_review_docx(source: SampleSource) -> bytes:
    """The DOCX bytes for ``source``."""
    doc = Document()
    _set_properties(doc, source)
    _add_list_definitions(doc)
    _write_front_matter(doc, source)
    for element in source.elements:
        _write_element(doc, element)
    buffer = io.BytesIO()
    doc.save(buffer)
    return with_fixed_zip_timestamps(buffer.getvalue())


def with_fixed_zip_timestamps(package: bytes) -> bytes:
    """Re-zip ``package`` with every member dated ``_ZIP_TIMESTAMP``, keeping order and content."""
    source = zipfile.ZipFile(io.BytesIO(package))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=_ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(member.filename))
    return target_buffer.getvalue()


def _set_properties(doc: DocxDocument, source: SampleSource) -> None:
    moment = datetime.fromisoformat(source.meta["date"]).replace(hour=9, tzinfo=UTC)
    properties = doc.core_properties
    properties.title = source.title
    properties.subject = source.notice
    properties.author = source.meta.get("author", "gcm-review sample builder")
    properties.last_modified_by = properties.author
    properties.language = _LANGUAGE_TAGS[source.language]
    properties.created = moment
    properties.modified = moment
    properties.revision = 1
    normal_font = doc.styles["Normal"].font
    normal_font.name = "Calibri"
    normal_font.size = Pt(11)
    run_properties = doc.styles["Normal"].element.get_or_add_rPr()
    language = parse_xml(f'<w:lang {nsdecls("w")} w:val="{_LANGUAGE_TAGS[source.language]}"/>')
    run_properties.append(language)


def _add_list_definitions(doc: DocxDocument) -> None:
    """Append a decimal and a bullet definition; abstractNum must precede every w:num."""
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for list_id, level in ((NUMBERED_LIST_ID, _DECIMAL_LEVEL), (BULLET_LIST_ID, _BULLET_LEVEL)):
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{list_id}">'
            f'<w:multiLevelType w:val="singleLevel"/>{level}</w:abstractNum>'
        )
        if first_num is None:
            numbering.append(abstract)
        else:
            first_num.addprevious(abstract)
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{list_id}">'
                f'<w:abstractNumId w:val="{list_id}"/></w:num>'
            )
        )


def _write_front_matter(doc: DocxDocument, source: SampleSource) -> None:
    notice = doc.add_paragraph()
    notice.add_run(source.notice).bold = True
    doc.add_paragraph(source.title, style="Title")
    for key in ("subtitle", "place_date"):
        if key in source.meta:
            doc.add_paragraph(source.meta[key], style="Subtitle")


def _write_element(doc: DocxDocument, element: Element) -> None:
    if element.kind == "heading":
        doc.add_heading(element.text, level=element.level)
    elif element.kind == "numbered":
        _set_list(doc.add_paragraph(element.text), list_id=NUMBERED_LIST_ID)
    elif element.kind == "bullet":
        _set_list(doc.add_paragraph(element.text), list_id=BULLET_LIST_ID)
    elif element.kind == "prose":
        doc.add_paragraph(element.text)
    else:
        _write_table(doc, element.rows)


def _set_list(paragraph: DocxParagraph, *, list_id: int) -> None:
    """Make ``paragraph`` an item of list ``list_id`` (level 0) through its w:numPr."""
    number_properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    number_properties.get_or_add_ilvl().val = 0
    number_properties.get_or_add_numId().val = list_id
    paragraph.paragraph_format.space_after = Pt(6)


def _write_table(doc: DocxDocument, rows: tuple[tuple[str, ...], ...]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = doc.styles["Table Grid"]
    for row_cells, row_text in zip(table.rows, rows, strict=True):
        for cell, text in zip(row_cells.cells, row_text, strict=True):
            cell.text = text
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
