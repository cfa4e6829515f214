"""`read(path)`: check the file, detect its format by content, run the registered reader.

Readers are registered under versioned names ("pdf.v1", ...) in a plain dict, and each format
has a default reader name; this is the one place a SourceDocument is built. A reader raises only
the named input errors (bad input: one line for the user); anything else it raises is a bug in
gcm-review, logged with its traceback and reported as an InternalError, never as a corrupt file.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from gcm_review.errors import (
    DocumentTooLarge,
    EmptyDocument,
    FileNotFound,
    InputError,
)
from gcm_review.ingest.detect import HEAD_BYTES, detect_format
from gcm_review.ingest.docx_reader import read_docx
from gcm_review.ingest.html_reader import read_html
from gcm_review.ingest.input_files import display_path
from gcm_review.ingest.pdf_reader import read_pdf
from gcm_review.ingest.result import DEFAULT_LIMITS, Reader, ReadLimits, one_line
from gcm_review.ingest.text_reader import read_text
from gcm_review.logs import internal_error
from gcm_review.model import DocumentFormat, SourceDocument

LOG = logging.getLogger(__name__)

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


def read(path: Path, *, max_bytes: int, limits: ReadLimits = DEFAULT_LIMITS) -> SourceDocument:
    """Read one file into a SourceDocument.

    Bad input raises a named InputError (a file past one of `limits` a LimitExceeded); a bug
    in a reader raises InternalError (logged).
    """
    data = _file_bytes(path, max_bytes=max_bytes)
    document_format = detect_format(data[:HEAD_BYTES], path=path)
    reader = READERS[reader_name(document_format)]
    try:
        result = reader(data, path=path, limits=limits)
    except (InputError, MemoryError):  # out of memory: the caller knows its memory limit
        raise
    except Exception as exc:  # not a named input error: a bug, logged, never blamed on the file
        doing = f"reading it with the {reader_name(document_format)} reader"
        raise internal_error(LOG, exc, doing=doing, path=str(path)) from exc
    if not any(block.text.strip() for block in result.blocks):
        raise EmptyDocument(str(path), f"no text found in this {document_format.upper()} file")
    return SourceDocument(
        path=display_path(path),
        name=display_path(path.name),
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
