"""detect_format: the format comes from the bytes, never from the file name."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from ingest_builders import (
    docx_bytes,
    encrypted_docx_bytes,
    legacy_ole_bytes,
    text_pdf,
)

from gcm_review.errors import CorruptDocument, EmptyDocument, UnsupportedFormat
from gcm_review.ingest import detect_format


def _detect(tmp_path: Path, data: bytes, *, name: str = "input.bin") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return detect_format(data[:65536], path=path)


def _zip(entries: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_pdf_by_magic_even_after_leading_junk(tmp_path: Path) -> None:
    assert _detect(tmp_path, text_pdf([["Iraq"]]), name="report.txt") == "pdf"
    assert _detect(tmp_path, b"\r\n   " + text_pdf([["Iraq"]])) == "pdf"


def test_docx_by_its_zip_directory(tmp_path: Path) -> None:
    data = docx_bytes(lambda document: document.add_paragraph("Jordan"))
    assert _detect(tmp_path, data, name="report.pdf") == "docx"


def test_zip_that_is_not_a_docx_is_unsupported(tmp_path: Path) -> None:
    data = _zip({"xl/workbook.xml": "<workbook/>", "[Content_Types].xml": "<Types/>"})
    with pytest.raises(UnsupportedFormat, match="not a Word"):
        _detect(tmp_path, data)


def test_truncated_docx_is_still_a_docx_for_its_reader_to_reject(tmp_path: Path) -> None:
    data = docx_bytes(lambda document: document.add_paragraph("Qatar"))
    assert _detect(tmp_path, data[: len(data) // 2]) == "docx"


def test_damaged_zip_of_unknown_content_is_corrupt(tmp_path: Path) -> None:
    data = _zip({"notes/readme.bin": "x" * 5000})
    with pytest.raises(CorruptDocument):
        _detect(tmp_path, data[:200])


def test_ole_file_with_encrypted_package_is_a_docx(tmp_path: Path) -> None:
    assert _detect(tmp_path, encrypted_docx_bytes()) == "docx"


def test_old_binary_office_file_is_unsupported(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormat, match=r"\.doc"):
        _detect(tmp_path, legacy_ole_bytes())


@pytest.mark.parametrize(
    "markup",
    [
        "<!DOCTYPE html><title>x</title><p>Libya</p>",
        "\n  <html lang='ar' dir='rtl'><body>ليبيا</body></html>",
        "<p>Paragraph one</p><p>Paragraph two</p>",
        "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'></html>",
    ],
)
def test_html_by_tag_sniff(tmp_path: Path, markup: str) -> None:
    assert _detect(tmp_path, markup.encode("utf-8"), name="page.txt") == "html"


def test_text_mentioning_a_tag_stays_text(tmp_path: Path) -> None:
    data = b"Notes on the review\nUse the <p> element for paragraphs.\n"
    assert _detect(tmp_path, data, name="notes.html") == "text"


@pytest.mark.parametrize(
    "data",
    [
        b"Outcome document\n\n23. Iraq",
        "تقرير المراجعة الإقليمية".encode("utf-16-le"),
        "Rapport régional".encode("cp1252"),
        "ليبيا والأردن ومصر".encode()[:-1],  # head cut inside a letter
    ],
)
def test_text(tmp_path: Path, data: bytes) -> None:
    assert _detect(tmp_path, data, name="report.pdf") == "text"


def test_random_binary_is_unsupported(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormat, match="binary"):
        _detect(tmp_path, random.Random(7).randbytes(4096))


def test_empty_head(tmp_path: Path) -> None:
    with pytest.raises(EmptyDocument):
        _detect(tmp_path, b"")
