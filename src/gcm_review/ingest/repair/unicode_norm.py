"""Character-level clean-up: presentation forms to base letters, invisible characters, odd spaces.

Only these characters change; the rest of the text is left as extracted (no general NFKC, which
would also rewrite superscripts, fractions and the like).
"""

from __future__ import annotations

import re
import unicodedata

from gcm_review.ingest.repair.edits import TextEdit
from gcm_review.languages.script import PRESENTATION_FORMS

UNICODE_NORMALISATION = "unicode-normalisation"

# Zero width space, word joiner, BOM, soft hyphen, LRM/RLM/ALM and bidi embedding controls.
# ZWNJ and ZWJ are kept: they carry meaning in Persian and other scripts.
_INVISIBLE = frozenset(
    "\u200b\u2060\ufeff\u00ad\u200e\u200f\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_ODD_SPACES = frozenset(
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)


def _replacement(char: str) -> str | None:
    """What `char` becomes, or None when it stays."""
    if char in _INVISIBLE:
        return ""
    if char in _ODD_SPACES:
        return " "
    code = ord(char)
    # Latin ligatures (fi, fl...), Arabic presentation forms A and B.
    if 0xFB00 <= code <= 0xFB06 or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFE:
        return unicodedata.normalize("NFKC", char)
    return None


_SUSPECT = re.compile(
    "[" + re.escape("".join(sorted(_INVISIBLE | _ODD_SPACES))) + PRESENTATION_FORMS + "]"
)


def normalise_characters(text: str) -> tuple[str, TextEdit | None]:
    """Return the cleaned text and one summary edit (None when nothing changed).

    The summary edit is not replayable: `removed` holds every changed character in order,
    `inserted` their replacements, `count` how many characters changed and `offset` the
    position of the first one in `text`.
    """
    if _SUSPECT.search(text) is None:
        return text, None
    out: list[str] = []
    removed: list[str] = []
    inserted: list[str] = []
    first: int | None = None
    for index, char in enumerate(text):
        replacement = _replacement(char)
        if replacement is None or replacement == char:
            out.append(char)
            continue
        if first is None:
            first = index
        removed.append(char)
        inserted.append(replacement)
        out.append(replacement)
    if first is None:
        return text, None
    edit = TextEdit(
        kind=UNICODE_NORMALISATION,
        offset=first,
        removed="".join(removed),
        inserted="".join(inserted),
        count=len(removed),
    )
    return "".join(out), edit
