"""Small text normalisations shared by the structure modules (whitespace, digits, Arabic)."""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat + tatweel

ARABIC_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_ARABIC_BLOCK = re.compile("[\u0600-\u06ff]")  # letters, Arabic-Indic and Persian digits
# Chains of str.replace: on Arabic text they run far faster than str.translate with a table.
_DIGIT_PAIRS = tuple((digit, str(value % 10)) for value, digit in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"))
_LETTER_PAIRS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ة", "ه"), ("ى", "ي"), ("ؤ", "و"))


def clean_text(text: str) -> str:
    """Collapse tabs, newlines and runs of spaces into single spaces, trimmed."""
    if text.isascii() and "\t" not in text and "\n" not in text and "  " not in text:
        return text.strip()
    return _SPACES.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def ascii_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits by ASCII digits (same length)."""
    return _replace_all(text, _DIGIT_PAIRS) if has_arabic_script(text) else text


def fold_arabic(text: str) -> str:
    """Light Arabic normalisation: no diacritics or tatweel, one alef, ta marbuta as ha, ya."""
    return _replace_all(_ARABIC_DIACRITICS.sub("", text), _LETTER_PAIRS)


def fold_arabic_letters(text: str) -> str:
    """Same-length Arabic folding (alef, ta marbuta, ya), so match offsets stay valid."""
    return _replace_all(text, _LETTER_PAIRS) if has_arabic_script(text) else text


def has_arabic_script(text: str) -> bool:
    """Whether the text holds any character of the Arabic block (letters or digits)."""
    return not text.isascii() and _ARABIC_BLOCK.search(text) is not None


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of a word-list literal, in order."""
    return tuple(text.split())


def _replace_all(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text
