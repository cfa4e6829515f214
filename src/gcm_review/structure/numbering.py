"""Paragraph markers: printed numbers ("23.", "- 42.", "٢٣."), sub-items ("(a)") and bullets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from gcm_review.languages import ascii_digits, clean_text, known_languages
from gcm_review.languages.script import ARABIC_BLOCKS

MarkerKind = Literal["number", "subitem", "bullet"]

BULLET_CHARS = "-–—•*▪◦●○■□➢►▸·"
_BULLET_CLASS = "[" + re.escape(BULLET_CHARS) + "]"

# An optional stray bullet before the number ("- 42."), then the number closed by a dot, a
# parenthesis, a spaced dash or a tab. Leftover dots and tabs after it ("98.\t. Ms.") are eaten.
_NUMBER = re.compile(
    rf"^\s*(?:{_BULLET_CLASS}\s+)?(?:(?P<number>\d{{1,3}})"
    r"(?:\s*[.)](?!\d)|\s+[-–]\s|\t|\s*$)"
    # decimal numbers ("2.1 Data", "3.2.1. Sources") need a capital or Arabic letter after them
    rf"|(?P<decimal>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})\.?(?:\s+(?=[A-Z{ARABIC_BLOCKS}])|\t))[\s.:\-–]*"
)
# Lettered sub-items run to (g): the first seven letters of each abjad order ("أ" to "ز").
_SUBITEM_LETTERS = "".join(language.abjad[:7] for language in known_languages()) or "a"
_SUBITEM = re.compile(
    rf"^\s*(?:\((?P<paren>[a-z]{{1,2}}|[ivx]{{1,5}}|[{_SUBITEM_LETTERS}])\)"
    rf"|(?P<bare>[a-z]|[ivx]{{1,5}}|[{_SUBITEM_LETTERS}])\))\s+"
)
_BULLET = re.compile(rf"^\s*(?P<bullet>{_BULLET_CLASS})(?:\s+|(?=[^\s\d\-–—]))")
_LABEL_NUMBER = re.compile(r"^\(?(\d{1,3})[.)]?$")
_LABEL_SUBITEM = re.compile(r"^\(?([a-zA-Z]{1,2}|[ivxIVX]{1,5})[.)]$")


@dataclass(frozen=True)
class MarkedText:
    """A block's text split into its marker and its words."""

    text: str  # the words only, marker removed, whitespace cleaned
    number: str | None = None  # printed number or sub-item letter, without dot or parentheses
    marker: MarkerKind | None = None
    bullet: str | None = None  # the bullet character when marker is "bullet" (or a stray one)


def split_marker(text: str, *, label: str | None = None) -> MarkedText:
    """Recognise the number, sub-item letter or bullet that opens a paragraph.

    A list label from a DOCX or HTML reader counts as the printed marker.
    """
    if label is not None and label.strip():
        labelled = _from_label(label.strip())
        if labelled is not None:
            rest = _strip_repeated_label(text, label.strip())
            return MarkedText(clean_text(rest), labelled.number, labelled.marker, labelled.bullet)
    digits = ascii_digits(text)
    match = _NUMBER.match(digits)
    if match:
        stray = digits.lstrip()[0]
        bullet = stray if stray in BULLET_CHARS else None
        number = match["number"] or match["decimal"]
        return MarkedText(clean_text(text[match.end() :]), number, "number", bullet)
    match = _SUBITEM.match(text)
    if match:
        letter = match["paren"] or match["bare"]
        return MarkedText(clean_text(text[match.end() :]), letter, "subitem")
    match = _BULLET.match(text)
    if match:
        return MarkedText(clean_text(text[match.end() :]), None, "bullet", match["bullet"])
    return MarkedText(clean_text(text))


def _from_label(label: str) -> MarkedText | None:
    digits = ascii_digits(label)
    match = _LABEL_NUMBER.match(digits)
    if match:
        return MarkedText("", match[1], "number")
    match = _LABEL_SUBITEM.match(label)
    if match:
        return MarkedText("", match[1].lower(), "subitem")
    if len(label) == 1 and label in BULLET_CHARS + "o":
        return MarkedText("", None, "bullet", label)
    return None


def _strip_repeated_label(text: str, label: str) -> str:
    stripped = text.lstrip()
    return stripped[len(label) :] if stripped.startswith(label) else text
