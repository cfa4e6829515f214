"""Ingest stage: read PDF, DOCX, HTML and text files into SourceDocument records."""

from gcm_review.ingest.detect import detect_format
from gcm_review.ingest.encoding import decode_text
from gcm_review.ingest.reader import DEFAULT_READERS, READERS, read, reader_name
from gcm_review.ingest.result import Reader, ReadLimits, ReadResult

__all__ = [
    "DEFAULT_READERS",
    "READERS",
    "ReadLimits",
    "ReadResult",
    "Reader",
    "decode_text",
    "detect_format",
    "read",
    "reader_name",
]
