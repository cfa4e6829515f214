"""decode_text: BOMs, UTF-16 without BOM, UTF-8, and the cp1256 / cp1252 choice for 8-bit text."""

from __future__ import annotations

import codecs

import pytest

from gcm_review.ingest import decode_text

ARABIC = "تعزيز التعاون الإقليمي بشأن الهجرة الآمنة والمنظمة والنظامية في المنطقة العربية"
FRENCH = "Les États membres ont présenté leurs rapports « nationaux » à la conférence régionale."
CURLY = "L’examen régional – organisé à Beyrouth – a été qualifié de “réussite”…"


def test_utf8_arabic() -> None:
    assert decode_text(ARABIC.encode("utf-8")) == (ARABIC, "utf-8")


def test_utf8_with_bom_drops_the_bom() -> None:
    assert decode_text(codecs.BOM_UTF8 + FRENCH.encode("utf-8")) == (FRENCH, "utf-8-sig")


def test_utf16le_with_bom() -> None:
    data = codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le")
    assert decode_text(data) == (FRENCH, "utf-16-le")


def test_utf16be_with_bom() -> None:
    data = codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be")
    assert decode_text(data) == (ARABIC, "utf-16-be")


def test_utf32_with_bom_is_not_taken_for_utf16() -> None:
    data = codecs.BOM_UTF32_LE + FRENCH.encode("utf-32-le")
    assert decode_text(data) == (FRENCH, "utf-32-le")


@pytest.mark.parametrize("text", [FRENCH, ARABIC, "Iraq\nEgypt\nJordan\n"])
def test_utf16le_without_bom(text: str) -> None:
    assert decode_text(text.encode("utf-16-le")) == (text, "utf-16-le")


def test_utf16be_without_bom() -> None:
    assert decode_text(FRENCH.encode("utf-16-be")) == (FRENCH, "utf-16-be")


def test_cp1256_arabic() -> None:
    assert decode_text(ARABIC.encode("cp1256")) == (ARABIC, "cp1256")


def test_cp1256_arabic_mixed_with_english() -> None:
    text = f"GCM regional review, Arab States 2021: {ARABIC} (IOM, ESCWA)"
    assert decode_text(text.encode("cp1256")) == (text, "cp1256")


def test_latin1_french_keeps_its_accents() -> None:
    assert decode_text(FRENCH.encode("latin-1")) == (FRENCH, "cp1252")


def test_cp1252_french_with_curly_quotes() -> None:
    assert decode_text(CURLY.encode("cp1252")) == (CURLY, "cp1252")


def test_spanish_accents_are_not_taken_for_arabic() -> None:
    text = "La revisión regional incluyó países de América Latina; así lo decidió la reunión."
    assert decode_text(text.encode("cp1252")) == (text, "cp1252")


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    text, encoding = decode_text(b"Caf\xe9 \x81 ok")
    assert (text, encoding) == ("Café \x81 ok", "latin-1")


def test_newlines_are_normalised() -> None:
    assert decode_text(b"one\r\ntwo\rthree\n")[0] == "one\ntwo\nthree\n"
    assert decode_text("un\r\ndeux".encode("utf-16-le"))[0] == "un\ndeux"


def test_utf8_with_one_damaged_byte_stays_utf8() -> None:
    data = (ARABIC * 3).encode("utf-8") + b"\xff" + FRENCH.encode("utf-8")
    text, encoding = decode_text(data)
    assert encoding == "utf-8"
    assert text.count("\ufffd") == 1


def test_incomplete_head_of_utf8_text() -> None:
    data = ARABIC.encode("utf-8")[:-1]  # the last Arabic letter is cut in half
    assert decode_text(data, complete=False) == (ARABIC[:-1], "utf-8")


def test_choice_is_deterministic() -> None:
    data = ARABIC.encode("cp1256") + FRENCH.encode("cp1256", errors="replace")
    assert len({decode_text(data) for _ in range(5)}) == 1
