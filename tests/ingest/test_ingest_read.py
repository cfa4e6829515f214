"""read(): file checks, detection by content, the reader registry and one-line errors."""

from __future__ import annotations

import hashlib
import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_builders import (
    blank_pdf,
    docx_bytes,
    encrypted_docx_bytes,
    image_pdf,
    legacy_ole_bytes,
    text_pdf,
)

from gcm_review.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    FileNotFound,
    InputError,
    InternalError,
    ScannedDocument,
    UnsupportedFormat,
)
from gcm_review.ingest import DEFAULT_READERS, READERS, ReadLimits, ReadResult, read, reader_name
from gcm_review.logs import setup_logging

LIMIT = 10_000_000


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _not_docx_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ppt/presentation.xml", "<presentation/>")
    return buffer.getvalue()


def _truncated_docx() -> bytes:
    data = docx_bytes(lambda document: document.add_paragraph("Oman"))
    return data[: len(data) // 2]


def test_registry_has_versioned_readers_for_each_format() -> None:
    assert set(READERS) == {"pdf.v1", "docx.v1", "html.v1", "text.v1"}
    assert DEFAULT_READERS == {
        "pdf": "pdf.v1",
        "docx": "docx.v1",
        "html": "html.v1",
        "text": "text.v1",
    }
    assert reader_name("pdf") == "pdf.v1"


def test_pdf_named_txt_is_read_as_pdf(tmp_path: Path) -> None:
    data = text_pdf([["23. Iraq"], ["24. Kuwait"]], title="Review")
    path = _write(tmp_path, "report.txt", data)
    doc = read(path, max_bytes=LIMIT)
    assert (doc.format, doc.page_count, doc.metadata_title) == ("pdf", 2, "Review")
    assert [block.text for block in doc.blocks] == ["23. Iraq", "24. Kuwait"]
    assert doc.path == str(path) and doc.name == "report.txt"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_docx_named_pdf_is_read_as_docx(tmp_path: Path) -> None:
    path = _write(tmp_path, "report.pdf", docx_bytes(lambda d: d.add_paragraph("Qatar")))
    doc = read(path, max_bytes=LIMIT)
    assert doc.format == "docx"
    assert [block.text for block in doc.blocks] == ["Qatar"]


def test_html_named_txt_is_read_as_html(tmp_path: Path) -> None:
    path = _write(tmp_path, "page.txt", b"<!doctype html><title>T</title><p>Libya</p>")
    doc = read(path, max_bytes=LIMIT)
    assert (doc.format, doc.metadata_title, doc.encoding) == ("html", "T", "utf-8")


def test_text_keeps_its_encoding(tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.txt", "Sudan\nSoudan\n".encode("utf-16"))
    doc = read(path, max_bytes=LIMIT)
    assert (doc.format, doc.encoding) == ("text", "utf-16-le")


def test_too_large_names_size_and_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", b"x" * 2048)
    with pytest.raises(DocumentTooLarge) as caught:
        read(path, max_bytes=1000)
    assert "2048 bytes" in str(caught.value) and "1000 bytes" in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFound, match="does not exist"):
        read(tmp_path / "absent.pdf", max_bytes=LIMIT)
    with pytest.raises(FileNotFound, match="folder"):
        read(tmp_path, max_bytes=LIMIT)


def test_whitespace_only_text_is_empty(tmp_path: Path) -> None:
    with pytest.raises(EmptyDocument, match="no text"):
        read(_write(tmp_path, "blank.txt", b" \n\t\n\f\n"), max_bytes=LIMIT)


def test_a_bug_in_a_reader_is_an_internal_error_not_bad_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_file = tmp_path / "logs" / "gcm-review.log"
    setup_logging(log_file)

    def broken(data: bytes, *, path: Path, limits: ReadLimits) -> ReadResult:
        raise KeyError("word/styles.xml")

    monkeypatch.setitem(READERS, "text.v1", broken)
    path = _write(tmp_path, "a.txt", b"text")
    with pytest.raises(InternalError) as caught:
        read(path, max_bytes=LIMIT)
    assert not isinstance(caught.value, InputError)
    message = caught.value.one_line()
    assert "\n" not in message and message.startswith(f"{path}: internal error")
    assert "text.v1 reader" in message and "KeyError" in message
    assert "bug in gcm-review" in message and "please report it" in message
    assert message.endswith(f"the details are in {log_file}")
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "KeyError: 'word/styles.xml'" in logged and str(path) in logged


BAD_INPUTS: list[tuple[str, Callable[[], bytes], type[InputError]]] = [
    ("encrypted.pdf", lambda: text_pdf([["Kuwait"]], user_password="secret"), EncryptedDocument),
    ("truncated.pdf", lambda: text_pdf([["Kuwait"]] * 3)[:600], CorruptDocument),
    ("empty.txt", lambda: b"", EmptyDocument),
    ("scan.pdf", image_pdf, ScannedDocument),
    ("blank.pdf", blank_pdf, EmptyDocument),
    ("slides.docx", _not_docx_zip, UnsupportedFormat),
    ("truncated.docx", _truncated_docx, CorruptDocument),
    ("locked.docx", encrypted_docx_bytes, EncryptedDocument),
    ("old.doc", legacy_ole_bytes, UnsupportedFormat),
    ("noise.bin", lambda: random.Random(3).randbytes(3000), UnsupportedFormat),
]


@pytest.mark.parametrize(("name", "make", "error"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_raises_named_one_line_error(
    tmp_path: Path, name: str, make: Callable[[], bytes], error: type[InputError]
) -> None:
    path = _write(tmp_path, name, make())
    with pytest.raises(error) as caught:
        read(path, max_bytes=LIMIT)
    assert type(caught.value) is error
    message = caught.value.one_line()
    assert "\n" not in message and "\n" not in str(caught.value)
    assert message.startswith(str(path))
    assert name in message
    assert caught.value.hint and message.endswith(caught.value.hint)
