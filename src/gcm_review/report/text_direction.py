"""Which way a text of the HTML report runs: Arabic right to left, else as the browser sees.

The test the HTML renderers use (`text_of`) is `languages.is_mostly_arabic`, as in Word.
"""

from __future__ import annotations

from dataclasses import dataclass

from gcm_review.languages import is_mostly_arabic
from gcm_review.report.document import Direction


@dataclass(frozen=True)
class Text:
    """Text from the documents, with the language and direction its element should carry."""

    value: str
    lang: str | None
    dir: Direction  # "rtl" for Arabic, else "auto"


def text_of(value: str, language: str | None = None) -> Text:
    """The value marked right-to-left Arabic when Arabic letters outnumber Latin ones."""
    if is_mostly_arabic(value):
        return Text(value, "ar", "rtl")
    return Text(value, language if language and language != "ar" else None, "auto")


def direction_of(value: str, language: str | None = None) -> tuple[str | None, Direction]:
    """(lang, dir) for the element holding this text."""
    text = text_of(value, language)
    return text.lang, text.dir
