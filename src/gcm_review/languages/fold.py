"""Folding: the forms in which text is compared (Arabic letter variants, case, accents).

One table of Arabic letter variants serves three foldings: `fold_arabic` (no harakat or tatweel,
letters unified), `fold_arabic_letters` (letters only, same length, so match offsets stay valid)
and `search_fold` (what full-text search stores and compares). `fold_han` writes traditional
Chinese characters as simplified ones, so terms match texts from Taiwan or Hong Kong.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import opencc

from gcm_review.languages.normalise import clean_text, replace_all
from gcm_review.languages.script import (
    ARABIC_HARAKAT,
    ARABIC_QURANIC_MARKS,
    ARABIC_TATWEEL,
    HAN_CHARACTERS,
    has_arabic_script,
)

_ARABIC_DIACRITICS = re.compile(f"[{ARABIC_HARAKAT}{ARABIC_QURANIC_MARKS}{ARABIC_TATWEEL}]")
# Hamza seats and alef forms to plain alef, ta marbuta to ha, alef maqsura to ya, waw hamza to waw.
ARABIC_LETTER_VARIANTS = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ة", "ه"),
    ("ى", "ي"),
    ("ؤ", "و"),
)
_HYPHENS = re.compile(r"[-‐‑–]")
_HAN = re.compile(f"[{HAN_CHARACTERS}]")
# OpenCC's standard traditional-to-simplified conversion (its tables ship inside the package).
_TRADITIONAL_TO_SIMPLIFIED = "t2s.json"


def fold_arabic(text: str) -> str:
    """Light Arabic normalisation: no diacritics or tatweel, one alef, ta marbuta as ha, ya."""
    return replace_all(_ARABIC_DIACRITICS.sub("", text), ARABIC_LETTER_VARIANTS)


def fold_arabic_letters(text: str) -> str:
    """Same-length Arabic folding (alef, ta marbuta, ya), so match offsets stay valid."""
    return replace_all(text, ARABIC_LETTER_VARIANTS) if has_arabic_script(text) else text


def search_fold(text: str) -> str:
    """Casefolded, compatibility-decomposed, Arabic folded, every combining mark dropped.

    The form full-text search stores and compares (store.search.searchable_text); a change here
    needs a migration that re-folds the stored text.
    """
    if text.isascii():
        return text.casefold()
    folded = fold_arabic(unicodedata.normalize("NFKD", text)).casefold()
    return "".join(c for c in folded if not unicodedata.category(c).startswith("M"))


@functools.cache
def _simplifier() -> opencc.OpenCC:
    return opencc.OpenCC(_TRADITIONAL_TO_SIMPLIFIED)


def fold_han(text: str) -> str:
    """Traditional Chinese characters and phrases as simplified (人權 as 人权); other text as is."""
    return _simplifier().convert(text) if _HAN.search(text) else text


def normalise_for_matching(text: str) -> str:
    """Casefolded text with Arabic letters folded, Chinese simplified and hyphens as spaces, for
    term matching."""
    text = clean_text(text).casefold().replace("’", "'")
    text = fold_han(_HYPHENS.sub(" ", text))
    return fold_arabic(text) if has_arabic_script(text) else text
