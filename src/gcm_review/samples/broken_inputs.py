"""Small broken or awkward input files, one function each, all made in code and deterministic.

They exercise the readers' error paths (encrypted, truncated, scanned, empty, corrupt, not a
document) and their encoding detection (UTF-16 with BOM, Windows-1256 Arabic, Latin-1 French).
"""

from __future__ import annotations

import codecs
import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

from gcm_review.samples.docx_writer import render_review_docx
from gcm_review.samples.markup import parse_source

_SEED = 20240611
_FIXED_DATE = datetime(2024, 6, 11, 9, 0, tzinfo=UTC)
_ZIP_TIMESTAMP = (2024, 6, 11, 9, 0, 0)
_ENGLISH_NOTICE = "FICTIONAL SAMPLE - written for the gcm-review demo; not an official document"
_ARABIC_NOTICE = "عينة خيالية - كتبت لعرض برنامج gcm-review التوضيحي؛ ليست وثيقة رسمية"
_ARABIC_LINES = (
    "ملاحظات الاجتماع التشاوري الوطني حول تنفيذ الاتفاق العالمي بشأن الهجرة.",
    "ناقش المشاركون حماية العمال المهاجرين وخفض تكلفة التحويلات المالية.",
    "وأوصى المشاركون بجمع بيانات مصنفة حسب الجنس والعمر.",
)
_FRENCH_TEXT = (
    "EXEMPLE FICTIF - rédigé pour la démonstration de gcm-review ; pas un document officiel\n"
    "Compte rendu de la consultation régionale sur le Pacte mondial pour les migrations.\n"
    "Les participants ont souligné l'accès des migrants à la santé, à l'école et à la justice,\n"
    "ainsi que la nécessité d'une protection consulaire renforcée et d'un retour dans la dignité.\n"
    "Ils ont rappelé que la création d'un système d'information fiable était une priorité,\n"
    "que les frais de recrutement devaient être interdits et que les travailleuses domestiques\n"
    "méritaient une protection égale. Les élèves migrants doivent être accueillis à l'école,\n"
    "où qu'ils vivent, et leurs familles doivent être informées de leurs droits.\n"
    "Prochaine réunion : à Rabat, après l'été ; les représentants des régions y sont conviés.\n"
)


def encrypted_pdf() -> bytes:
    """A one-page PDF protected by a user password ("demo")."""
    pdf = _small_pdf()
    pdf.set_encryption(owner_password="gcm-review-owner", user_password="demo")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 6, f"{_ENGLISH_NOTICE}\nThis page is protected by a password.")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A one-page PDF holding only an image (a fake scan), with no text layer."""
    pdf = _small_pdf()
    pdf.add_page()
    pdf.image(io.BytesIO(fake_scan_png()), x=10, y=10, w=190)
    return bytes(pdf.output())


def truncated_docx() -> bytes:
    """The first half of a valid DOCX."""
    source = parse_source(
        "@title: Truncated sample\n@notice: " + _ENGLISH_NOTICE + "\n@language: en\n"
        "@date: 2024-06-11\n# I. Introduction\n1. This document was cut in half on purpose.\n",
        name="truncated",
    )
    package = render_review_docx(source)
    return package[: len(package) // 2]


def archive_docx() -> bytes:
    """A ZIP named .docx that holds a stray text file and none of the DOCX parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("notes/meeting-notes.txt", date_time=_ZIP_TIMESTAMP)
        info.external_attr = 0o644 << 16
        archive.writestr(info, f"{_ENGLISH_NOTICE}\nThis archive is not a Word document.\n")
    return buffer.getvalue()


def corrupt_pdf() -> bytes:
    """A PDF header followed by junk."""
    junk = random.Random(_SEED).randbytes(1536)
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog" + junk


def not_a_document() -> bytes:
    """Random bytes from a fixed seed."""
    return random.Random(_SEED + 1).randbytes(2048)


def empty_text() -> bytes:
    """Zero bytes."""
    return b""


def utf16_text() -> bytes:
    """English and Arabic text in UTF-16 little-endian with a byte order mark, CRLF lines."""
    lines = (
        _ENGLISH_NOTICE,
        "Notes of the national consultation on the Global Compact for Migration.",
        _ARABIC_NOTICE,
        *_ARABIC_LINES,
    )
    return codecs.BOM_UTF16_LE + "\r\n".join((*lines, "")).encode("utf-16-le")


def arabic_cp1256_text() -> bytes:
    """Arabic text encoded in Windows-1256."""
    return "\r\n".join((_ARABIC_NOTICE, *_ARABIC_LINES, "")).encode("cp1256")


def french_latin1_text() -> bytes:
    """French text with accents encoded in Latin-1 (ISO-8859-1)."""
    return _FRENCH_TEXT.encode("latin-1")


BROKEN_SAMPLES: dict[str, Callable[[], bytes]] = {
    "encrypted.pdf": encrypted_pdf,
    "truncated.docx": truncated_docx,
    "scanned.pdf": scanned_pdf,
    "empty.txt": empty_text,
    "corrupt.pdf": corrupt_pdf,
    "utf16.txt": utf16_text,
    "arabic-cp1256.txt": arabic_cp1256_text,
    "french-latin1.txt": french_latin1_text,
    "not-a-document.bin": not_a_document,
    "archive.docx": archive_docx,
}


def write_broken_samples(out_dir: Path) -> list[Path]:
    """Write every broken sample into ``out_dir`` and return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, make in BROKEN_SAMPLES.items():
        path = out_dir / name
        path.write_bytes(make())
        written.append(path)
    return written


def fake_scan_png(*, width: int = 420, height: int = 594) -> bytes:
    """A greyscale PNG of an off-white page with dark bars where lines of text would be."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # PNG filter type "None" for this row
        rows.extend(_scan_row(y, width=width))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _png_chunk(b"IHDR", header),
            _png_chunk(b"IDAT", zlib.compress(bytes(rows), 9)),
            _png_chunk(b"IEND", b""),
        )
    )


def _scan_row(y: int, *, width: int) -> bytes:
    margin = 40
    in_text_line = margin <= y < 554 and (y - margin) % 18 < 8
    line_length = width - 2 * margin - ((y // 18) % 4) * 30
    return bytes(
        60 if in_text_line and margin <= x < margin + line_length else 238 for x in range(width)
    )


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    checksum = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)


def _small_pdf() -> FPDF:
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_creation_date(_FIXED_DATE)
    pdf.set_title("gcm-review broken sample")
    return pdf
