"""Tell the format of a file from its first bytes, never from its name."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from gcm_review.errors import CorruptDocument, EmptyDocument, UnsupportedFormat
from gcm_review.ingest.encoding import decode_text
from gcm_review.model import DocumentFormat

HEAD_BYTES = 65536  # how much of a file `read` hands to `detect_format`

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File Binary: old Office, encrypted OOXML
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # stream name inside an encrypted DOCX
_HTML_DOCUMENT = re.compile(r"<!doctype\s+html|<(?:html|head|body)[\s>]", re.IGNORECASE)
_HTML_BLOCK = re.compile(r"<(?:p|h[1-6]|div|table|ul|ol)[\s>]", re.IGNORECASE)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def detect_format(head: bytes, *, path: Path) -> DocumentFormat:
    """Return "pdf", "docx", "html" or "text" for the file whose first bytes are `head`.

    `path` is used only to name the file in errors and to open the ZIP directory of a candidate
    DOCX (which sits at the end of the file). Raises EmptyDocument, UnsupportedFormat or
    CorruptDocument.
    """
    where = str(path)
    if not head:
        raise EmptyDocument(where, "the file is empty")
    if _PDF_MAGIC in head[:1024]:
        return "pdf"
    if head.startswith(_ZIP_MAGICS):
        return _zip_format(head, path=path)
    if head.startswith(OLE_MAGIC):
        return _ole_format(head, path=path)
    text, _ = decode_text(head, complete=False)
    if not looks_like_text(text):
        raise UnsupportedFormat(where, "binary content that is not PDF, DOCX, HTML or text")
    return "html" if looks_like_html(text) else "text"


def looks_like_text(text: str) -> bool:
    """Decoded text with almost no control characters; binary junk decodes to many."""
    if not text:
        return True
    controls = sum(
        1
        for char in text
        if (char < " " or "\x7f" <= char <= "\x9f") and char not in _ALLOWED_CONTROLS
    )
    return controls <= 0.02 * len(text)


def looks_like_html(text: str) -> bool:
    """A doctype, <html>, <head> or <body>, or a file that opens with a block tag such as <p>."""
    start = text[:4096]
    if _HTML_DOCUMENT.search(start):
        return True
    return start.lstrip().startswith("<") and _HTML_BLOCK.search(start) is not None


def _zip_format(head: bytes, *, path: Path) -> DocumentFormat:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        if b"word/" in head or b"[Content_Types].xml" in head:
            return "docx"  # a damaged DOCX: the DOCX reader says what is wrong with it
        raise CorruptDocument(str(path), "a damaged ZIP archive that cannot be opened") from exc
    if "word/document.xml" in names:
        return "docx"
    raise UnsupportedFormat(str(path), "a ZIP archive that is not a Word (DOCX) document")


def _ole_format(head: bytes, *, path: Path) -> DocumentFormat:
    """An OLE file is either a password-protected DOCX (EncryptedPackage) or an old .doc/.xls."""
    data = head
    if ENCRYPTED_PACKAGE not in head:
        try:
            data = path.read_bytes()
        except OSError:
            data = head
    if ENCRYPTED_PACKAGE in data:
        return "docx"  # the DOCX reader raises EncryptedDocument
    raise UnsupportedFormat(str(path), "an old binary Office file (.doc, .xls or .ppt), not DOCX")
