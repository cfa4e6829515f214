"""Generators of the hostile inputs of issue 13 (points 3 and 4), written on the fly.

Each writes one file into a folder and returns its path; sizes are parameters so that the tests
build small ones (with the limit lowered by setting) and `benchmarks/bench_limits.py` the
full-size ones. Large files are streamed, never built in memory.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import docx

SENTENCE = "The ministry opened a shelter for migrant workers and abolished recruitment fees."
_CHUNK = 1 << 20


def _docx_parts() -> tuple[dict[str, bytes], str, str]:
    """The parts of an empty python-docx document, and document.xml cut around its body."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts.pop("word/document.xml").decode("utf-8")
    head, _, rest = xml.partition("<w:body>")
    tail = rest[rest.index("<w:sectPr") :]
    return parts, head + "<w:body>", tail


def docx_with_body(path: Path, *, paragraph: str, inflated_bytes: int) -> Path:
    """A DOCX whose document.xml repeats `paragraph` (XML) until it inflates to about
    `inflated_bytes`: a zip bomb when the paragraph is long, a paragraph bomb when short."""
    parts, head, tail = _docx_parts()
    unit = paragraph.encode("utf-8")
    repeats = max(1, inflated_bytes // len(unit))
    block = unit * max(1, _CHUNK // len(unit))
    per_block = max(1, _CHUNK // len(unit))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head.encode("utf-8"))
            written = 0
            while written + per_block <= repeats:
                member.write(block)
                written += per_block
            member.write(unit * (repeats - written))
            member.write(tail.encode("utf-8"))
    return path


def zip_bomb_docx(path: Path, *, inflated_bytes: int) -> Path:
    """document.xml of long paragraphs (about 2 kB each) inflating to `inflated_bytes`."""
    text = (SENTENCE + " ") * 24
    paragraph = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    return docx_with_body(path, paragraph=paragraph, inflated_bytes=inflated_bytes)


def paragraph_bomb_docx(path: Path, *, paragraphs: int) -> Path:
    """document.xml of `paragraphs` one-word paragraphs."""
    paragraph = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    return docx_with_body(path, paragraph=paragraph, inflated_bytes=paragraphs * len(paragraph))


def lying_zip_bomb_docx(path: Path, *, inflated_bytes: int, declared: int = 1000) -> Path:
    """A zip bomb whose headers declare document.xml `declared` bytes long."""
    zip_bomb_docx(path, inflated_bytes=inflated_bytes)
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    local = data.find(b"PK\x03\x04")
    while local >= 0:
        name_length = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30 : local + 30 + name_length] == name:
            _lie_in_extra(data, local + 30 + name_length, local + 28, declared)
            if struct.unpack_from("<I", data, local + 22)[0] != 0xFFFFFFFF:
                struct.pack_into("<I", data, local + 22, declared)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length] == name:
            _lie_in_extra(data, central + 46 + name_length, central + 30, declared)
            if struct.unpack_from("<I", data, central + 24)[0] != 0xFFFFFFFF:
                struct.pack_into("<I", data, central + 24, declared)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    return path


def _lie_in_extra(data: bytearray, start: int, length_at: int, declared: int) -> None:
    """Rewrite the uncompressed size in a ZIP64 extra field, when there is one."""
    extra_length = struct.unpack_from("<H", data, length_at)[0]
    position = start
    while position + 4 <= start + extra_length:
        tag, size = struct.unpack_from("<HH", data, position)
        if tag == 0x0001 and size >= 8:
            struct.pack_into("<Q", data, position + 4, declared)
        position += 4 + size


def one_line_html(path: Path, *, megabytes: float) -> Path:
    """An HTML page on one line: <p> after <p> up to `megabytes`."""
    unit = f"<p>{SENTENCE}</p>".encode()
    return _repeat(path, b"<!doctype html><html><body>", unit, b"</body></html>", megabytes)


def one_paragraph_html(path: Path, *, megabytes: float) -> Path:
    """An HTML page on one line holding a single paragraph of `megabytes`."""
    unit = (SENTENCE + " ").encode()
    return _repeat(path, b"<!doctype html><html><body><p>", unit, b"</p></body></html>", megabytes)


def numbered_text(path: Path, *, paragraphs: int, sentence: str = SENTENCE) -> Path:
    """A text file of `paragraphs` numbered paragraphs separated by blank lines."""
    with path.open("w", encoding="utf-8") as handle:
        for number in range(1, paragraphs + 1):
            handle.write(f"{number}. {sentence}\n\n")
    return path


def paragraphs_html(path: Path, *, paragraphs: int) -> Path:
    """An HTML page of `paragraphs` numbered <p> paragraphs, one per line."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write("<!doctype html><html><body>\n")
        for number in range(1, paragraphs + 1):
            handle.write(f"<p>{number}. {SENTENCE}</p>\n")
        handle.write("</body></html>\n")
    return path


def paragraphs_docx(path: Path, *, paragraphs: int) -> Path:
    """A DOCX of `paragraphs` numbered paragraphs."""
    parts, head, tail = _docx_parts()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head.encode("utf-8"))
            for number in range(1, paragraphs + 1):
                text = f"<w:p><w:r><w:t>{number}. {SENTENCE}</w:t></w:r></w:p>"
                member.write(text.encode("utf-8"))
            member.write(tail.encode("utf-8"))
    return path


def nested_html(path: Path, *, depth: int, opening: str = "<div>", closing: str = "</div>") -> Path:
    """`depth` nested elements (`opening` ... `closing`) around one sentence."""
    body = opening * depth + SENTENCE + closing * depth
    path.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")
    return path


def nested_lists_html(path: Path, *, depth: int) -> Path:
    """`depth` nested <ul><li> around one sentence."""
    return nested_html(path, depth=depth, opening="<ul><li>", closing="</li></ul>")


def _repeat(path: Path, head: bytes, unit: bytes, tail: bytes, megabytes: float) -> Path:
    repeats = max(1, int(megabytes * 1_000_000) // len(unit))
    per_block = max(1, _CHUNK // len(unit))
    with path.open("wb") as handle:
        handle.write(head)
        written = 0
        while written + per_block <= repeats:
            handle.write(unit * per_block)
            written += per_block
        handle.write(unit * (repeats - written))
        handle.write(tail)
    return path
