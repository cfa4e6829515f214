"""A framework's reference data compiled into regular expressions, once per framework.

The words that introduce a reference ("objectives?", "الهدف") and the framework's names come from
the framework file; what surrounds them (numbers, number words, list separators, "no.") is
language data kept here and in objective_words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from gcm_review.frameworks import Framework
from gcm_review.frameworks.references import References
from gcm_review.languages import fold_arabic_letters, has_arabic_script
from gcm_review.languages.script import ARABIC_BASE_LETTERS
from gcm_review.structure.objective_words import (
    AR_ORDINAL,
    CARDINALS_AFTER,
    EN_ORDINAL,
    FR_ORDINAL,
    LATIN_WORDS,
    words_pattern,
)

_AR = ARABIC_BASE_LETTERS
_LATIN_SEPARATOR = (
    r"(?:\s*,\s*(?:(?:and|or|et|ou)\s+)?|\s+(?:and|or|&|et|ou|to|through|à|au)\s+|\s*[-–—]\s*)"
)
_MARKER = r"(?:(?:no\.?|nos\.?|n[°º]|number|numbers|numéros?|#)\s*)?"
_LATIN_ORDINAL = (
    r"(?:\b\d{1,2}(?:st|nd|rd|th|e|è|ème|eme|er|ère|re)\b"
    rf"|\b{words_pattern({**EN_ORDINAL, **FR_ORDINAL})}\b)"
)
_ARABIC_SEPARATOR = r"(?:\s*[،,]\s*(?:و\s*)?|\s+(?:و|او|الي|حتي)\s*|\s*و(?=\d)|\s*[-–—]\s*)"
_ARABIC_ORDINAL = rf"{words_pattern(AR_ORDINAL, arabic=True)}(?![{_AR}])"
_OTHER_FRAMEWORK_LEAD = r"\s*(?:of|from|in|من|de|des|du)\s+(?:the\s+|les\s+|l')?"
_NEVER = "(?!)"
# Scripts written without spaces between words (Chinese, Japanese): no word boundaries there.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class ReferencePatterns:
    """The compiled reference patterns of one framework; `last` is N, its highest number."""

    last: int
    latin: tuple[re.Pattern[str], ...]  # "objectives 4 and 9", "the 9th and 10th objectives"
    # (every script but Arabic: Latin, Cyrillic, Chinese...)
    arabic: tuple[re.Pattern[str], ...]  # "الهدف ١٧", "الهدفين التاسع والعاشر"
    latin_word: re.Pattern[str] | None  # a quick test before the full patterns run
    arabic_word: re.Pattern[str] | None
    other_framework: re.Pattern[str] | None  # "of the SDGs" after a match cancels it
    list_item: re.Pattern[str]  # one number, number word or range word of a matched list

    def applicable(self, prepared: str) -> Iterator[re.Pattern[str]]:
        """The patterns worth running on a text: those whose reference word it contains."""
        if self.latin_word is not None and self.latin_word.search(prepared):
            yield from self.latin
        if self.arabic_word is not None and self.arabic_word.search(prepared):
            yield from self.arabic

    def other_framework_after(self, prepared: str, end: int) -> bool:
        """Whether another framework is named right after a match ("objective 8 of the SDGs")."""
        return self.other_framework is not None and bool(self.other_framework.match(prepared, end))


def reference_patterns(framework: Framework) -> ReferencePatterns:
    """The framework's reference patterns, compiled once per framework's reference data.

    Looked up by the framework object first (hashing the reference data on every paragraph
    would cost more than the search itself); the object is kept, so its id is never reused.
    """
    known = _BY_FRAMEWORK.get(id(framework))
    if known is not None and known[0] is framework:
        return known[1]
    patterns = _compile(framework.references, framework.size)
    _BY_FRAMEWORK[id(framework)] = (framework, patterns)
    return patterns


_BY_FRAMEWORK: dict[int, tuple[Framework, ReferencePatterns]] = {}


@functools.cache
def _compile(references: References, last: int) -> ReferencePatterns:
    latin_words = [w for _, w in references.words if not has_arabic_script(w)]
    arabic_words = _arabic_keywords(references)
    number = _number(last)
    latin = _latin(references, latin_words, number) if latin_words else ()
    arabic = (_arabic(arabic_words, _number(last, percent=False)),) if arabic_words else ()
    others = [fold_arabic_letters(other) for other in references.others]
    return ReferencePatterns(
        last=last,
        latin=latin,
        arabic=arabic,
        latin_word=_word_test(latin_words, re.IGNORECASE),
        arabic_word=_word_test([fold_arabic_letters(w) for _, w in _arabic_words(references)]),
        other_framework=(
            re.compile(rf"{_OTHER_FRAMEWORK_LEAD}(?:{'|'.join(others)})", re.IGNORECASE)
            if others
            else None
        ),
        list_item=re.compile(
            rf"{number}|{_LATIN_ORDINAL}|\b{words_pattern(LATIN_WORDS)}\b|{_ARABIC_ORDINAL}"
            r"|\b(?:to|through|à|au)\b|الي|حتي|[-–—]",
            re.IGNORECASE,
        ),
    )


def _number(last: int, *, percent: bool = True) -> str:
    """One number of 1 to max(2, digits of N) digits, not part of a decimal or a percentage."""
    digits = max(2, len(str(last)))
    pattern = rf"(?<![\d.])\d{{1,{digits}}}(?!\d)(?!\.\d)"
    return pattern + r"(?!\s*(?:%|per\s?cent|pour\s?cent))" if percent else pattern


def _latin(references: References, words: list[str], number: str) -> tuple[re.Pattern[str], ...]:
    """ "objectives 4 and 9" (word, then numbers), and for scripts written with spaces between
    words "the 9th and 10th objectives" (ordinals, then word). Words of scripts written without
    spaces ("目标3") need no word boundary before them."""
    spaced = [word for word in words if not _UNSPACED.search(word)]
    unspaced = [word for word in words if _UNSPACED.search(word)]
    leads = ([rf"\b{_alternatives(spaced)}"] if spaced else []) + unspaced
    after = re.compile(
        rf"{_alternatives(leads)}\s*{_MARKER}(?:(?:from|de)\s+)?"
        rf"(?:(?P<list>{number}(?:{_LATIN_SEPARATOR}{number})*)"
        rf"|(?P<words>\b{words_pattern(CARDINALS_AFTER)}\b))",
        re.IGNORECASE,
    )
    if not spaced:
        return (after,)
    names = _alternatives(list(references.names)) if references.names else _NEVER
    named_of = [pattern for lang, pattern in references.of if not has_arabic_script(pattern)]
    of = rf"\s+{_alternatives(named_of)}" if named_of else _NEVER
    before = re.compile(
        rf"(?P<list>{_LATIN_ORDINAL}(?:{_LATIN_SEPARATOR}{_LATIN_ORDINAL})*)\s+"
        rf"(?P<name>{names}\s+)?{_alternatives(spaced)}\b(?P<of>{of})?",
        re.IGNORECASE,
    )
    return after, before


def _arabic_words(references: References) -> list[tuple[str, str]]:
    return [(lang, w) for lang, w in references.words if has_arabic_script(w)]


def _arabic_keywords(references: References) -> list[str]:
    """Each Arabic-script word with its language's clitics before it, letters folded."""
    return [
        fold_arabic_letters(f"{references.prefix(lang)}(?:{word})")
        for lang, word in _arabic_words(references)
    ]


def _arabic(keywords: list[str], number: str) -> re.Pattern[str]:
    keyword = rf"(?<![{_AR}]){_alternatives(keywords)}(?![{_AR}])"
    return re.compile(
        rf"{keyword}\s*(?:رقم\s*)?(?:من\s+)?"
        rf"(?:(?P<list>{number}(?:{_ARABIC_SEPARATOR}{number})*)"
        rf"|(?P<words>{_ARABIC_ORDINAL}(?:\s*[،,]?\s*و?{_ARABIC_ORDINAL})*))"
    )


def _alternatives(patterns: list[str]) -> str:
    return "(?:" + "|".join(patterns) + ")"


def _word_test(words: list[str], flags: int = 0) -> re.Pattern[str] | None:
    return re.compile(_alternatives(words), flags) if words else None
