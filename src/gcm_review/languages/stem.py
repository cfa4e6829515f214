"""Search forms of a word: folded, clitics stripped (Arabic), lightly stemmed (plural endings).

Light and conservative on purpose: a stem only has to bring a word's common inflections
together for full-text search (مهاجرين / المهاجرين, migrants / migrant), never to be a
dictionary form. Affixes and endings come from the language files, folded like the words.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from gcm_review.languages.clitics import proclitics
from gcm_review.languages.fold import search_fold
from gcm_review.languages.registry import Language, LanguageSet, known_languages

MAX_SUFFIXES = 2  # Arabic: a pronoun ending, then a plural ending ("مهاجراتهم")
LIGHT_MIN_STEM = 3  # letters a light stem keeps at least


@dataclass(frozen=True)
class _Affixes:
    prefixes: tuple[str, ...]  # longest first
    suffixes: tuple[str, ...]  # longest first
    rules: tuple[tuple[str, str], ...]
    min_stem: int


def stem(word: str, language: str, *, languages: LanguageSet | None = None) -> str:
    """The word folded, without clitics and with a plural ending taken off (an unknown language:
    folded only)."""
    folded = search_fold(word)
    known = (languages or known_languages()).get(language)
    if known is None:
        return folded
    affixes = _affixes(known)
    return _apply_rules(_strip_clitics(folded, affixes), affixes)


def search_forms(
    word: str, language: str, *, languages: LanguageSet | None = None
) -> tuple[str, ...]:
    """The forms a search for the word should look for: the folded word, then its stem if other."""
    folded = search_fold(word)
    return tuple(dict.fromkeys((folded, stem(word, language, languages=languages))))


def light_stem(word: str, language: Language) -> str:
    """A word already in matching form without one article prefix (one attached word at most
    before it) and one of the language's light suffixes, each only when three letters remain;
    a word of a language without them comes back as it is."""
    for prefix in proclitics(language, max_words=1, article=True):
        if word.startswith(prefix) and len(word) - len(prefix) >= LIGHT_MIN_STEM:
            word = word[len(prefix) :]
            break
    for suffix in language.clitics.light_suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= LIGHT_MIN_STEM:
            return word[: -len(suffix)]
    return word


def _strip_clitics(word: str, affixes: _Affixes) -> str:
    for prefix in affixes.prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= affixes.min_stem:
            word = word[len(prefix) :]
            break
    for _ in range(MAX_SUFFIXES):
        suffix = next(
            (
                suffix
                for suffix in affixes.suffixes
                if word.endswith(suffix) and len(word) - len(suffix) >= affixes.min_stem
            ),
            None,
        )
        if suffix is None:
            break
        word = word[: -len(suffix)]
    return word


def _apply_rules(word: str, affixes: _Affixes) -> str:
    for ending, replacement in affixes.rules:
        if word.endswith(ending) and len(word) - len(ending) >= affixes.min_stem:
            return word[: -len(ending)] + replacement
    return word


@functools.cache
def _affixes(language: Language) -> _Affixes:
    def longest_first(affixes: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(
            sorted(
                {search_fold(affix) for affix in affixes}, key=lambda affix: (-len(affix), affix)
            )
        )

    return _Affixes(
        prefixes=longest_first(proclitics(language)),
        suffixes=longest_first(language.clitics.suffixes),
        rules=tuple((search_fold(end), search_fold(new)) for end, new in language.stem_rules),
        min_stem=language.min_stem,
    )
