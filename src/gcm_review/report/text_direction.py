"""Which way a text of the HTML report runs: Arabic right to left, else as the browser sees.

The one test the HTML renderers use (`text_of`); the Word report has its own in
`docx_links.is_arabic_text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcm_review.report.document import Direction
from gcm_review.structure.textnorm import ARABIC_LETTERS, has_arabic_script

_LATIN_LETTERS = re.compile(r"[A-Za-zÀ-ÿ]")


@dataclass(frozen=True)
class Text:
    """Text from the documents, with the language and direction its element should carry."""

    value: str
    lang: str | None
    dir: Direction  # "rtl" for Arabic, else "auto"


def text_of(value: str, language: str | None = None) -> Text:
    """The value marked right-to-left Arabic when Arabic letters outnumber Latin ones."""
    if has_arabic_script(value):
        arabic = len(ARABIC_LETTERS.findall(value))
        if arabic and arabic >= len(_LATIN_LETTERS.findall(value)):
            return Text(value, "ar", "rtl")
    return Text(value, language if language and language != "ar" else None, "auto")


def direction_of(value: str, language: str | None = None) -> tuple[str | None, Direction]:
    """(lang, dir) for the element holding this text."""
    text = text_of(value, language)
    return text.lang, text.dir
