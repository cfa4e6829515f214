"""Number words 1..23 (cardinal and ordinal) in English, French and Arabic, for objective_refs."""

from __future__ import annotations

import re

from gcm_review.structure.textnorm import words

_EN_UNITS = words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
_EN_ORDINAL_UNITS = words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_FR_UNITS = words(
    "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
    "dix-sept dix-huit dix-neuf vingt"
)
_FR_ORDINAL_UNITS = words(
    "premier deuxième troisième quatrième cinquième sixième septième huitième neuvième dixième "
    "onzième douzième treizième quatorzième quinzième seizième dix-septième dix-huitième "
    "dix-neuvième vingtième"
)
# Arabic ordinals (masculine, as "الهدف" is), folded: plain alef, no hamza seat.
_AR_ORDINAL_UNITS = words("اول ثاني ثالث رابع خامس سادس سابع ثامن تاسع عاشر")


def _english() -> tuple[dict[str, int], dict[str, int]]:
    cardinal = {word: number for number, word in enumerate(_EN_UNITS, start=1)}
    ordinal = {word: number for number, word in enumerate(_EN_ORDINAL_UNITS, start=1)}
    for number, (word, nth) in enumerate(
        zip(_EN_UNITS[:3], _EN_ORDINAL_UNITS[:3], strict=True), 21
    ):
        cardinal[f"twenty {word}"] = number
        ordinal[f"twenty {nth}"] = number
    return cardinal, ordinal


def _french() -> tuple[dict[str, int], dict[str, int]]:
    cardinal = {word.replace("-", " "): n for n, word in enumerate(_FR_UNITS, start=1)}
    ordinal = {word.replace("-", " "): n for n, word in enumerate(_FR_ORDINAL_UNITS, start=1)}
    ordinal["première"] = 1
    ordinal["second"] = ordinal["seconde"] = 2
    cardinal.update({"vingt et un": 21, "vingt deux": 22, "vingt trois": 23})
    ordinal.update({"vingt et unième": 21, "vingt deuxième": 22, "vingt troisième": 23})
    return cardinal, ordinal


def _arabic() -> dict[str, int]:
    ordinal = {word: number for number, word in enumerate(_AR_ORDINAL_UNITS, start=1)}
    ordinal["حادي عشر"] = 11
    for number, word in enumerate(_AR_ORDINAL_UNITS[1:9], start=12):
        ordinal[f"{word} عشر"] = number
    for ending in ("ون", "ين"):
        ordinal[f"عشر{ending}"] = 20
        ordinal[f"حادي وعشر{ending}"] = 21
        ordinal[f"ثاني وعشر{ending}"] = 22
        ordinal[f"ثالث وعشر{ending}"] = 23
    return ordinal


EN_CARDINAL, EN_ORDINAL = _english()
FR_CARDINAL, FR_ORDINAL = _french()
AR_ORDINAL = _arabic()
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
    """A regex alternation of the phrases, longest first; spaces match spaces or hyphens."""
    alternatives = []
    for phrase in sorted(words, key=len, reverse=True):
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
