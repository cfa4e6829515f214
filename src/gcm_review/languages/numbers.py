"""Number words of a language file as lookup tables: written phrase -> number."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from gcm_review.languages.fold import fold_arabic_letters
from gcm_review.languages.registry import LanguageSet, known_languages


def number_key(phrase: str) -> str:
    """How a number phrase is looked up: lower case, hyphens as spaces, Arabic letters folded."""
    return fold_arabic_letters(phrase.replace("-", " ").lower())


def number_words(
    code: str,
    kind: Literal["cardinal", "ordinal"],
    *,
    up_to: int | None = None,
    languages: LanguageSet | None = None,
) -> dict[str, int]:
    """Phrase (as `number_key` keys it) -> number, for one language's cardinals or ordinals up
    to `up_to`; empty when the language file has none. LanguageDataError for an unknown code."""
    language = (languages or known_languages()).require(code)
    numbers: Mapping[int, tuple[str, ...]] = (
        language.cardinals if kind == "cardinal" else language.ordinals
    )
    return {
        number_key(phrase): number
        for number, phrases in numbers.items()
        if up_to is None or number <= up_to
        for phrase in phrases
    }
