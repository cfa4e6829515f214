"""`read(path)`: check the file, detect its format by content, run the registered reader.

Readers are registered under versioned names ("pdf.v1", ...) in a plain dict, and each format
has a default reader name; this is the one place a SourceDocument is built.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from gcm_review.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    FileNotFound,
    InputError,
)
from gcm_review.ingest.detect import HEAD_BYTES, detect_format
from gcm_review.ingest.docx_reader import read_docx
from gcm_review.ingest.html_reader import read_html
from gcm_review.ingest.pdf_reader import read_pdf
from gcm_review.ingest.result import Reader, one_line
from gcm_review.ingest.text_reader import read_text
from gcm_review.model import DocumentFormat, SourceDocument

READERS: dict[str, Reader] = {
    "pdf.v1": read_pdf,
    "docx.v1": read_docx,
    "html.v1": read_html,
    "text.v1": read_text,
}
DEFAULT_READERS: dict[DocumentFormat, str] = {
    "pdf": "pdf.v1",
    "docx": "docx.v1",
    "html": "html.v1",
    "text": "text.v1",
}


def reader_name(document_format: DocumentFormat) -> str:
    """The versioned name of the reader used for a format ("pdf" -> "pdf.v1"), for provenance."""
    return DEFAULT_READERS[document_format]


def read(path: Path, *, max_bytes: int) -> SourceDocument:
    """Read one file into a SourceDocument; every failure is a named InputError."""
    data = _file_bytes(path, max_bytes=max_bytes)
    document_format = detect_format(data[:HEAD_BYTES], path=path)
    reader = READERS[reader_name(document_format)]
    try:
        result = reader(data, path=path)
    except InputError:
        raise
    except Exception as exc:  # a reader bug or library surprise must not escape as a raw error
        reason = one_line(f"{type(exc).__name__}: {exc}")
        raise CorruptDocument(str(path), f"the {document_format} reader failed ({reason})") from exc
    if not any(block.text.strip() for block in result.blocks):
        raise EmptyDocument(str(path), f"no text found in this {document_format.upper()} file")
    return SourceDocument(
        path=str(path),
        name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        format=document_format,
        blocks=result.blocks,
        page_count=result.page_count,
        encoding=result.encoding,
        metadata_title=result.metadata_title,
        problems=result.problems,
    )


def _file_bytes(path: Path, *, max_bytes: int) -> bytes:
    where = str(path)
    if not path.is_file():
        missing = "is a folder, not a file" if path.is_dir() else "does not exist"
        raise FileNotFound(where, f"the file {missing}")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentTooLarge(
                where,
                f"the file is {_megabytes(size)} ({size} bytes), over the limit of "
                f"{_megabytes(max_bytes)} ({max_bytes} bytes)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise FileNotFound(where, f"the file cannot be read ({one_line(str(exc))})") from exc
    if not data:
        raise EmptyDocument(where, "the file is empty")
    return data


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
