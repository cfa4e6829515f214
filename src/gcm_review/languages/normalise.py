"""Whitespace and digit normalisation, the same for every language."""

from __future__ import annotations

import re

from gcm_review.languages.script import has_arabic_script

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
# Chains of str.replace: on Arabic text they run far faster than str.translate with a table.
_DIGIT_PAIRS = tuple((digit, str(value % 10)) for value, digit in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"))


def clean_text(text: str) -> str:
    """Collapse tabs, newlines and runs of spaces into single spaces, trimmed."""
    if text.isascii() and "\t" not in text and "\n" not in text and "  " not in text:
        return text.strip()
    return _SPACES.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def ascii_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits by ASCII digits (same length)."""
    return replace_all(text, _DIGIT_PAIRS) if has_arabic_script(text) else text


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def replace_all(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """The text with every (old, new) pair replaced in turn."""
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text
