"""What a sample file says, as plain data, so a rebuild is compared by content and not by bytes.

The bytes of a PDF, DOCX or XLSX depend on more than its content: the font subset a PDF embeds
changes with the fontTools that cut it, and ZIP members with the zlib that deflated them. So a
committed sample is compared with its rebuild by what a reader gets out of it: a PDF's page
count, page size, text per page, metadata, the fonts it names (subset tag dropped) and its images;
a DOCX's paragraphs (style, list numbering, text), tables and core properties; an XLSX's cells
sheet by sheet; the entries and texts of any other ZIP; the decoded text of an HTML, TXT or CSV
file. Files whose bytes are their content (odd encodings, random junk, a cut-off ZIP) are compared
byte for byte, or by what can still be read of them.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pypdfium2 as pdfium
from docx.oxml.ns import qn

# Broken samples whose exact bytes are the point: an encoding, a byte order mark, seeded junk.
BYTES_ARE_CONTENT = frozenset(
    {
        "empty.txt",
        "utf16.txt",
        "arabic-cp1256.txt",
        "french-latin1.txt",
        "corrupt.pdf",
        "not-a-document.bin",
    }
)
PDF_PASSWORDS = {"encrypted.pdf": "demo"}  # the broken sample's user password
_BASE_FONT = re.compile(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([^\s/<>\[\]()]+)")
_LOCAL_HEADER = re.compile(rb"PK\x03\x04.{22}(..)(..)", re.DOTALL)


def content_of(path: Path) -> dict[str, Any]:
    """The content of one sample file, as comparable data."""
    if path.name in BYTES_ARE_CONTENT:
        return {"bytes": path.read_bytes()}
    if path.name == "truncated.docx":
        data = path.read_bytes()
        return {"zip members begun": zip_members_begun(data), "opens": not open_fails(data)}
    readers = {
        ".pdf": pdf_content,
        ".docx": zip_content,
        ".xlsx": xlsx_content,
        ".html": text_content,
        ".txt": text_content,
        ".csv": text_content,
    }
    return readers[path.suffix](path)


def pdf_content(path: Path) -> dict[str, Any]:
    """Pages (size, text, image sizes), metadata and the names of the fonts."""
    pdf = pdfium.PdfDocument(path, password=PDF_PASSWORDS.get(path.name))
    try:
        pages = [
            {
                "size": tuple(round(side, 2) for side in page.get_size()),
                "text": page.get_textpage().get_text_range(),
                "images": [
                    image.get_px_size()
                    for image in page.get_objects()
                    if isinstance(image, pdfium.PdfImage)
                ],
            }
            for page in pdf
        ]
        metadata = pdf.get_metadata_dict()
    finally:
        pdf.close()
    fonts = sorted({name.decode("ascii") for name in _BASE_FONT.findall(path.read_bytes())})
    return {"page count": len(pages), "pages": pages, "metadata": metadata, "fonts": fonts}


def zip_content(path: Path) -> dict[str, Any]:
    """A DOCX's paragraphs, tables and properties; for other ZIPs, each entry's text."""
    with zipfile.ZipFile(path) as archive:
        names = sorted(archive.namelist())
        if "word/document.xml" not in names:
            return {"entries": {name: archive.read(name) for name in names}}
    return {"entries": names, **docx_content(path)}


def docx_content(path: Path) -> dict[str, Any]:
    """Paragraphs with style and list numbering, table cells, core properties, section sizes."""
    document = docx.Document(str(path))
    paragraphs = [
        (
            paragraph.style.name if paragraph.style is not None else None,
            [num.get(qn("w:val")) for num in paragraph._p.iter(qn("w:numId"))],
            paragraph.text,
        )
        for paragraph in document.paragraphs
    ]
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables
    ]
    core = document.core_properties
    return {
        "paragraphs": paragraphs,
        "tables": tables,
        "properties": (core.title, core.author, core.subject, core.language, core.created),
        "sections": [(section.page_width, section.page_height) for section in document.sections],
    }


def xlsx_content(path: Path) -> dict[str, Any]:
    """Every cell value, sheet by sheet."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {
            sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets
        }
    finally:
        book.close()


def text_content(path: Path) -> dict[str, Any]:
    """The decoded text (UTF-8, a byte order mark kept apart)."""
    data = path.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    return {"utf-8 bom": bom, "text": data.decode("utf-8-sig" if bom else "utf-8")}


def zip_members_begun(data: bytes) -> list[str]:
    """The names of the ZIP members whose local header is present in a (cut-off) archive."""
    names = []
    for match in _LOCAL_HEADER.finditer(data):
        name_length = int.from_bytes(match.group(1), "little")
        start = match.end()
        names.append(data[start : start + name_length].decode("utf-8", errors="replace"))
    return names


def open_fails(data: bytes) -> bool:
    """True when the bytes are not a complete ZIP archive."""
    try:
        zipfile.ZipFile(io.BytesIO(data)).testzip()
    except zipfile.BadZipFile:
        return True
    return False
