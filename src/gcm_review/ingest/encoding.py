"""Decode the bytes of a text or HTML file: BOMs, UTF-16 without BOM, UTF-8, then cp1256 or cp1252.

The choice is deterministic. For 8-bit files the question is Arabic (Windows-1256) or Western
European (Windows-1252 / Latin-1): both share the accented letters French uses, so the bytes are
decoded as cp1256 only when their high bytes turn into Arabic letters that form words.
"""

from __future__ import annotations

import codecs
import re

from gcm_review.languages.script import ARABIC_LETTERS, ARABIC_SHORT_VOWELS

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE_BYTES = 65536
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_ARABIC_WORD = re.compile(f"[{ARABIC_LETTERS}{ARABIC_SHORT_VOWELS}]{{2,}}")
_HIGH_BYTES = bytes(range(0x80, 0x100))


def decode_text(data: bytes, *, complete: bool = True) -> tuple[str, str]:
    """Return the text and the name of the encoding it was read with; newlines become \\n.

    With `complete=False` the data is the head of a longer file: a multi-byte character cut at
    the end is dropped instead of making the whole head look undecodable.
    """
    text, encoding = _decode(data, complete=complete)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _decode(data: bytes, *, complete: bool) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data if encoding == "utf-8-sig" else data[len(bom) :]
            return _decode_with(body, encoding, complete=complete, errors="replace"), encoding
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return _decode_with(data, utf16, complete=complete, errors="strict"), utf16
        except UnicodeDecodeError:
            pass
    try:
        return _decode_with(data, "utf-8", complete=complete, errors="strict"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = _mostly_utf8(data)
    if lenient is not None:
        return lenient, "utf-8"
    return _decode_eight_bit(data)


def _decode_with(data: bytes, encoding: str, *, complete: bool, errors: str) -> str:
    decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
    return decoder.decode(data, final=complete)


def _utf16_without_bom(data: bytes) -> str | None:
    """Spot UTF-16 by its NUL bytes: in Latin or Arabic text they sit on one byte parity only."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= 0.05 and even_nul <= 0.01 and _few_values(odd):
        return "utf-16-le"
    if even_nul >= 0.05 and odd_nul <= 0.01 and _few_values(even):
        return "utf-16-be"
    return None


def _few_values(high_bytes: bytes) -> bool:
    """The high bytes of UTF-16 text in one script take two or three values (0x00, 0x06, ...)."""
    counts = sorted((high_bytes.count(value) for value in set(high_bytes)), reverse=True)
    return sum(counts[:3]) >= 0.9 * len(high_bytes)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes stays UTF-8 (the damage becomes U+FFFD)."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    valid_non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - replaced
    if valid_non_ascii >= 10 * replaced and replaced <= 0.01 * len(text):
        return text
    return None


def _decode_eight_bit(data: bytes) -> tuple[str, str]:
    if _looks_like_cp1256_arabic(data[:_SAMPLE_BYTES]):
        return data.decode("cp1256"), "cp1256"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _looks_like_cp1256_arabic(sample: bytes) -> bool:
    """Arabic in cp1256 is mostly high bytes that decode to Arabic letters standing in words.

    French or Spanish accents decoded as cp1256 stay Latin letters (é, è, à, ç) or become
    isolated Arabic letters inside Latin words (á, í, ó), never runs of Arabic letters.
    """
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if high == 0:
        return False
    text = sample.decode("cp1256")
    letters = len(_ARABIC_LETTER.findall(text))
    in_words = sum(len(word) for word in _ARABIC_WORD.findall(text))
    return letters >= 3 and letters >= 0.5 * high and in_words >= 0.6 * letters
