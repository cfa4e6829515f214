"""Check a DOCX package before it is parsed: every part is inflated once, as a stream, and
counted against the limits, so a zip bomb is refused before python-docx holds it in memory.

The size a ZIP header declares for a part is checked first, then the bytes the part really
inflates to (a bomb can lie in its header), and the paragraphs of word/document.xml are counted
on the way, so a document of millions of tiny paragraphs is refused before lxml builds its tree.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from gcm_review.errors import CorruptDocument, DecompressedTooLarge, TooManyParagraphs
from gcm_review.ingest.result import ReadLimits, one_line

DOCUMENT_PART = "word/document.xml"
_CHUNK = 1 << 20
_PARAGRAPH_TAG = re.compile(rb"<w:p[\s>/]")
_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError)
_TAG_TAIL = 4  # bytes kept between chunks: a tag cut in two counts once, a whole one never twice


def check_package(data: bytes, *, path: Path, limits: ReadLimits) -> None:
    """Raise DecompressedTooLarge or TooManyParagraphs when the package goes past `limits`.

    A part that cannot be inflated raises CorruptDocument here: python-docx would inflate it
    whole, in one piece, before zipfile notices that it is longer than its header says. A
    package whose ZIP directory cannot be read is left to the DOCX reader to describe.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError):
        return  # not a readable ZIP directory: python-docx gives the one-line reason
    with archive:
        inflated = 0
        for info in archive.infolist():
            try:
                inflated = _check_part(archive, info, inflated=inflated, path=path, limits=limits)
            except _DAMAGE as exc:  # e.g. a header that lies: zipfile stops at its declared size
                reason = one_line(f"{type(exc).__name__}: {exc}")
                raise CorruptDocument(str(path), f"the DOCX cannot be parsed ({reason})") from exc


def _check_part(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    *,
    inflated: int,
    path: Path,
    limits: ReadLimits,
) -> int:
    """Inflate one part as a stream; return the package's inflated size so far."""
    cap = limits.max_decompressed_bytes
    if inflated + info.file_size > cap:
        raise _too_large(info.filename, cap, path=path, declared=True)
    paragraphs = 0
    tail = b""
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            inflated += len(chunk)
            if inflated > cap:
                raise _too_large(info.filename, cap, path=path, declared=False)
            if info.filename == DOCUMENT_PART:
                joined = tail + chunk
                paragraphs += len(_PARAGRAPH_TAG.findall(joined))
                tail = joined[-_TAG_TAIL:]
                if paragraphs > limits.max_blocks:
                    what = f"{DOCUMENT_PART} holds more than {limits.max_blocks} paragraphs"
                    raise TooManyParagraphs.past(str(path), what)
    return inflated


def _too_large(name: str, cap: int, *, path: Path, declared: bool) -> DecompressedTooLarge:
    how = "declares a size" if declared else "inflates"
    what = f"{name} {how} past the limit of {cap / 1_000_000:g} MB for all parts together"
    return DecompressedTooLarge.past(str(path), what)
