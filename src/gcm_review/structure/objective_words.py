"""Number words 1..23 (cardinal and ordinal) in English, French and Arabic, for objective_refs.

The words come from the language files (languages/data/<code>.toml); here they become lookup
tables keyed as `word_key` keys them: lower case, hyphens as spaces, Arabic letters folded.
"""

from __future__ import annotations

import re
from typing import Literal

from gcm_review.languages.numbers import number_words

HIGHEST_NUMBER = 23  # the GCM's objectives


def _table(code: str, kind: Literal["cardinal", "ordinal"]) -> dict[str, int]:
    """Phrase -> number for one language's cardinals or ordinals up to HIGHEST_NUMBER."""
    return number_words(code, kind, up_to=HIGHEST_NUMBER)


EN_CARDINAL, EN_ORDINAL = _table("en", "cardinal"), _table("en", "ordinal")
FR_CARDINAL, FR_ORDINAL = _table("fr", "cardinal"), _table("fr", "ordinal")
# Arabic ordinals (masculine, as "الهدف" is), folded: plain alef, no hamza seat.
AR_ORDINAL = _table("ar", "ordinal")
LATIN_WORDS: dict[str, int] = {**EN_CARDINAL, **EN_ORDINAL, **FR_CARDINAL, **FR_ORDINAL}
# Cardinals that may follow the keyword ("objective seventeen"); "one"/"un" are left out, as
# "objectif un jour" or "objective one can" would read as objective 1.
CARDINALS_AFTER = {
    phrase: number
    for phrase, number in {**EN_CARDINAL, **FR_CARDINAL}.items()
    if phrase not in ("one", "un")
}
# Ordinals that are everyday words ("the first objective of the meeting"): they count only next
# to "GCM" or "PMM" or before "of the Global Compact".
GENERIC_ORDINALS = frozenset({"first", "second", "premier", "première", "deuxième", "seconde"})


def word_key(text: str) -> str:
    """Lookup key of a number phrase: lower case, hyphens and spaces as one space, no al-."""
    words = re.split(r"[\s\-]+", text.strip().lower())
    return " ".join(_without_article(word) for word in words)


def _without_article(word: str) -> str:
    if word.startswith("وال"):
        return "و" + word[3:]
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def words_pattern(words: dict[str, int], *, arabic: bool = False) -> str:
    """A regex alternation of the phrases, longest first (then in alphabetical order); spaces
    match spaces or hyphens."""
    alternatives = []
    for phrase in sorted(words, key=lambda phrase: (-len(phrase), phrase)):
        parts = [re.escape(part) for part in phrase.split(" ")]
        if arabic:
            parts = [_arabic_part(part) for part in phrase.split(" ")]
            alternatives.append(r"\s+".join(parts))
        else:
            alternatives.append(r"[\s\-]+".join(parts))
    return "(?:" + "|".join(alternatives) + ")"


def _arabic_part(part: str) -> str:
    if part.startswith("و"):
        return "و(?:ال)?" + re.escape(part[1:])
    return "(?:ال)?" + re.escape(part)
