"""Writing systems: the one definition of the Arabic character ranges, script letter counts and
text direction.

Ranges are regex character-class bodies (no brackets), so other modules can build their own
patterns from them: `re.compile(f"[{ARABIC_BASE_LETTERS}]+")`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# Every Arabic-script character: the Arabic block (letters, harakat, Arabic-Indic and Persian
# digits, punctuation), Arabic Supplement, Arabic Extended-A and both presentation-form blocks
# (U+FEFF, the byte order mark, is left out).
ARABIC_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
# Arabic-script letters of any language written in it (Persian, Urdu, ... included), with
# presentation forms; no marks, digits or punctuation.
ARABIC_LETTERS = (
    "\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc"
)
ARABIC_BASE_LETTERS = "\u0621-\u064a"  # hamza to yeh: the letters of Arabic itself
ARABIC_VOWEL_MARKS = "\u064b-\u065f"  # short vowels, tanween, shadda, sukun (and later marks)
ARABIC_FATHATAN = "\u064b"  # the tanween of "اولاً"
ARABIC_SUPERSCRIPT_ALEF = "\u0670"
ARABIC_HARAKAT = ARABIC_VOWEL_MARKS + ARABIC_SUPERSCRIPT_ALEF
ARABIC_SHORT_VOWELS = "\u064b-\u0652"  # tanween, fatha, damma, kasra, shadda, sukun
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"  # the digits 0 to 9 as Arabic writes them
ARABIC_SIGNS = "\u0610-\u061a"  # honorific and Quranic signs written above letters
ARABIC_TATWEEL = "\u0640"
ARABIC_QURANIC_MARKS = "\u06d6-\u06ed"
COMBINING_ACCENTS = "\u0300-\u036f"  # combining diacritical marks (Latin accents decomposed)
# Alphabetic presentation forms (Latin ligatures) to Arabic presentation forms B: characters
# NFKC rewrites.
PRESENTATION_FORMS = "\ufb00-\ufefe"
LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
LATIN_CAPITALS = "A-Z\u00c0-\u00dd"
CYRILLIC_LETTERS = "\u0400-\u04ff"
CYRILLIC_CAPITALS = "\u0400-\u042f"
HAN_CHARACTERS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

_ARABIC_CHARACTER = re.compile(f"[{ARABIC_BLOCKS}]")
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_LATIN_LETTER = re.compile(f"[{LATIN_LETTERS}]")


@dataclass(frozen=True)
class Script:
    """A writing system: its letters, the characters a sentence may start with, and direction.

    `words` is the pattern of one word in lower case, for stopword counts; None when the script
    does not separate words by spaces. `sentence_starts` is a character-class body; empty when
    sentences follow each other without a space (Han).
    """

    name: str
    letters: str
    sentence_starts: str
    words: str | None
    direction: Literal["ltr", "rtl"]


# A language file names one of these; a new script needs an entry here.
SCRIPTS: dict[str, Script] = {
    "Latin": Script("Latin", LATIN_LETTERS, LATIN_CAPITALS, "[a-zà-öø-ÿœ]+", "ltr"),
    # Arabic has no capitals: any Arabic character may start a sentence.
    "Arabic": Script("Arabic", ARABIC_LETTERS, "\u0600-\u06ff", None, "rtl"),
    "Cyrillic": Script("Cyrillic", CYRILLIC_LETTERS, CYRILLIC_CAPITALS, "[а-яё]+", "ltr"),
    "Han": Script("Han", HAN_CHARACTERS, "", None, "ltr"),
}


def is_arabic_char(char: str) -> bool:
    """Whether the character is an Arabic-script character (letter, mark, digit, punctuation)."""
    if "\u0600" <= char <= "\u06ff":
        return True
    return char > "\u06ff" and _ARABIC_CHARACTER.fullmatch(char) is not None


def has_arabic_script(text: str) -> bool:
    """Whether the text holds any Arabic-script character (letters, marks or digits)."""
    return not text.isascii() and _ARABIC_CHARACTER.search(text) is not None


def arabic_letter_count(text: str) -> int:
    """Number of Arabic-script letters in the text."""
    return 0 if text.isascii() else len(_ARABIC_LETTER.findall(text))


def latin_letter_count(text: str) -> int:
    """Number of Latin letters (accented ones included) in the text."""
    return len(_LATIN_LETTER.findall(text))


def is_mostly_arabic(text: str) -> bool:
    """Whether the text is written in Arabic: Arabic letters, and no more Latin than Arabic ones.

    The second test keeps an English paragraph that quotes one Arabic name left to right.
    """
    if not has_arabic_script(text):
        return False
    arabic = arabic_letter_count(text)
    return arabic > 0 and arabic >= latin_letter_count(text)


def text_direction(text: str) -> Literal["ltr", "rtl"]:
    """ "rtl" for text that is mostly Arabic, else "ltr"."""
    return "rtl" if is_mostly_arabic(text) else "ltr"
