"""Small input files for the ingest tests, built in code (PDF with fpdf2, DOCX with python-docx)."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable, Sequence

import docx
from docx.document import Document
from docx.oxml import parse_xml
from fpdf import FPDF

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BLANK = ""  # in a PDF page's line list: an empty line of the same height


def text_pdf(
    pages: Sequence[Sequence[str]],
    *,
    title: str | None = None,
    user_password: str | None = None,
) -> bytes:
    """A PDF with one 11 pt Helvetica line per entry, 6 mm apart; BLANK entries leave a gap."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    if title is not None:
        pdf.set_title(title)
    if user_password is not None:
        pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def png_bytes(*, width: int = 8, height: int = 8) -> bytes:
    """A small red RGB PNG."""
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, payload: bytes) -> bytes:
        checksum = struct.pack(">I", zlib.crc32(kind + payload))
        return struct.pack(">I", len(payload)) + kind + payload + checksum

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def image_pdf(*, text_pages: Sequence[Sequence[str]] = ()) -> bytes:
    """Text pages (if any) followed by a page that holds only an image."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for lines in text_pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.image(io.BytesIO(png_bytes()), x=20, y=20, w=80)
    return bytes(pdf.output())


def blank_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    return bytes(pdf.output())


def docx_bytes(build: Callable[[Document], object], *, title: str | None = None) -> bytes:
    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_numbering(document: Document, xml: str) -> None:
    """Append <w:abstractNum>/<w:num> elements (given without namespace declarations)."""
    numbering = document.part.numbering_part.element
    wrapper = parse_xml(f"<w:numbering {W_NS}>{xml}</w:numbering>")
    for element in list(wrapper):
        numbering.append(element)


def numbered(document: Document, text: str, *, num_id: int, level: int = 0) -> None:
    """A paragraph in list num_id at level (0-based), as Word writes it in w:pPr/w:numPr."""
    paragraph = document.add_paragraph(text)
    properties = paragraph._p.get_or_add_pPr()
    properties.append(
        parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def encrypted_docx_bytes() -> bytes:
    """What Word writes for a password-protected DOCX: an OLE compound file whose directory
    holds the EncryptedInfo and EncryptedPackage streams (payload here is filler)."""
    header = OLE_MAGIC + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    header = header.ljust(512, b"\x00")
    entries = b"".join(
        name.encode("utf-16-le").ljust(64, b"\x00")
        + struct.pack("<H", 2 * (len(name) + 1))
        + b"\x02".ljust(62, b"\x00")
        for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage")
    )
    return header + entries.ljust(512, b"\x00") + bytes(range(256)) * 8


def legacy_ole_bytes() -> bytes:
    """An OLE compound file without EncryptedPackage, like an old .doc."""
    header = (OLE_MAGIC + b"\x00" * 16).ljust(512, b"\x00")
    entry = "WordDocument".encode("utf-16-le").ljust(128, b"\x00")
    return header + entry.ljust(512, b"\x00") + bytes(range(256)) * 4
