"""The DOCX package check: declared and inflated sizes, paragraphs counted while inflating."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from gcm_review.errors import CorruptDocument, DecompressedTooLarge, TooManyParagraphs
from gcm_review.ingest import docx_package
from gcm_review.ingest.docx_package import check_package
from gcm_review.ingest.docx_reader import read_docx
from gcm_review.ingest.result import ReadLimits
from ingest.ingest_builders import docx_bytes

PATH = Path("report.docx")
DOC = "word/document.xml"


def package(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_real_document_passes_and_is_read() -> None:
    data = docx_bytes(lambda document: document.add_paragraph("A shelter opened."))
    check_package(data, path=PATH, limits=ReadLimits())
    assert [block.text for block in read_docx(data, path=PATH).blocks] == ["A shelter opened."]


def test_parts_are_counted_together_against_the_limit() -> None:
    data = package({DOC: b"<w:document/>", "word/media/a.png": b"\0" * 600})
    check_package(data, path=PATH, limits=ReadLimits(max_decompressed_bytes=1000))
    bigger = package({DOC: b" " * 500, "word/media/a.png": b"\0" * 600})
    with pytest.raises(DecompressedTooLarge) as caught:
        check_package(bigger, path=PATH, limits=ReadLimits(max_decompressed_bytes=1000))
    message = caught.value.one_line()
    assert message == (
        "report.docx: word/media/a.png declares a size past the limit of 0.001 MB for all parts "
        "together (max_decompressed_mb); raise it with GCM_REVIEW_MAX_DECOMPRESSED_MB if the "
        "file is genuine"
    )


def test_inflated_bytes_are_counted_as_they_come(monkeypatch: pytest.MonkeyPatch) -> None:
    data = package({DOC: b"x" * 5000})
    real_check = docx_package._check_part

    def lying(archive: zipfile.ZipFile, info: zipfile.ZipInfo, **options: object) -> int:
        info.file_size = 10  # as a header that lies; zipfile itself then stops at 10 bytes
        return real_check(archive, info, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(docx_package, "_check_part", lying)
    with pytest.raises(CorruptDocument, match="the DOCX cannot be parsed"):
        check_package(data, path=PATH, limits=ReadLimits(max_decompressed_bytes=1000))


@pytest.mark.parametrize("chunk", [3, 7, 1 << 20])
def test_paragraphs_are_counted_across_chunks(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(docx_package, "_CHUNK", chunk)
    body = b"<w:p><w:r/></w:p><w:p/><w:p w:rsidR='1'><w:pPr/></w:p><w:pPr/>" * 10
    data = package({DOC: body})
    check_package(data, path=PATH, limits=ReadLimits(max_blocks=30))
    with pytest.raises(TooManyParagraphs, match="holds more than 29 paragraphs"):
        check_package(data, path=PATH, limits=ReadLimits(max_blocks=29))


def test_a_damaged_directory_is_left_to_the_reader() -> None:
    check_package(b"PK\x03\x04 not really a zip", path=PATH, limits=ReadLimits())
