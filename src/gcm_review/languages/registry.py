"""The known languages: one TOML file per language in languages/data/, read once and validated.

Detection, sentence splitting, number words and search forms all iterate over the languages
found here, so adding a language is adding its data file (see data/README.md for the fields).
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from gcm_review.errors import LanguageDataError
from gcm_review.languages.script import SCRIPTS, Script

DATA_DIR = Path(__file__).parent / "data"
_DIRECTIONS = ("ltr", "rtl")


@dataclass(frozen=True)
class Clitics:
    """Words written attached to the next or the previous one (Arabic), in natural spelling.

    Before a word: a conjunction, then a preposition, then the article, each optional; a
    contraction rewrites a joined prefix (ل + ال is written لل). After a word: `suffixes`
    (pronoun and plural endings stripped for search, up to two) and `light_suffixes` (the one
    ending a light stem drops).
    """

    conjunctions: tuple[str, ...] = ()
    prepositions: tuple[str, ...] = ()
    article: str = ""
    contractions: tuple[tuple[str, str], ...] = ()
    suffixes: tuple[str, ...] = ()
    light_suffixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Language:
    """One language's data: script, detection stopwords, sentence rules, number words, search forms.

    Number words map a number to its written forms (natural spelling, hyphens kept). Stemming
    rules are (ending, replacement) pairs, the first that applies wins, and never leave a stem
    shorter than `min_stem` characters.
    """

    code: str
    name: str
    script: Script
    direction: Literal["ltr", "rtl"]
    stopwords: frozenset[str]
    sentence_ends: str  # every character sentence splitting cuts after: full stops, then ";"
    full_stops: str  # the characters that end a sentence proper (".", "!", "?", "؟")
    spaced_sentences: bool  # whether a space follows a sentence end (not in Chinese)
    abbreviations: tuple[str, ...]
    cardinals: Mapping[int, tuple[str, ...]] = field(hash=False)
    ordinals: Mapping[int, tuple[str, ...]] = field(hash=False)
    function_words: frozenset[str]  # articles, prepositions, conjunctions: never end a title
    # Letters that number lists, in alphabetical and in abjad order (Arabic); words that number
    # headings: "أولاً" (firstly ...) and the names of letters ("ألف", "باء").
    alphabet: str
    abjad: str
    ordinal_adverbs: tuple[str, ...]
    letter_names: tuple[str, ...]
    clitics: Clitics
    stem_rules: tuple[tuple[str, str], ...]
    min_stem: int


@dataclass(frozen=True, eq=False)
class LanguageSet:
    """The known languages, in code order; compared by identity (caches key on it)."""

    languages: tuple[Language, ...]

    def __iter__(self) -> Iterator[Language]:
        return iter(self.languages)

    @property
    def codes(self) -> tuple[str, ...]:
        """The ISO 639-1 codes, in order."""
        return tuple(language.code for language in self.languages)

    def function_words(self) -> frozenset[str]:
        """Every language's function words, in lower case."""
        return frozenset(word for language in self for word in language.function_words)

    def get(self, code: str) -> Language | None:
        """The language with this code, or None when it is not known."""
        return next((language for language in self.languages if language.code == code), None)

    def require(self, code: str) -> Language:
        """The language with this code; LanguageDataError when it has no data file."""
        language = self.get(code)
        if language is None:
            raise LanguageDataError(f"{code}.toml: no such language file")
        return language


@functools.cache
def load_languages(extra_dir: Path | None = None) -> LanguageSet:
    """The packaged languages, plus those of `extra_dir` (tests; a file there replaces a packaged
    one with the same code). Read once per directory."""
    paths = {path.stem: path for path in sorted(DATA_DIR.glob("*.toml"))}
    if extra_dir is not None:
        paths.update({path.stem: path for path in sorted(extra_dir.glob("*.toml"))})
    return LanguageSet(tuple(read_language(paths[code]) for code in sorted(paths)))


def known_languages() -> LanguageSet:
    """The packaged languages."""
    return load_languages()


def read_language(path: Path) -> Language:
    """One language file, validated; its name (without .toml) is the language code."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LanguageDataError(f"{path.name}: cannot read the language file ({error})") from error
    try:
        return _language(path.stem, data)
    except (KeyError, TypeError, ValueError) as error:
        raise LanguageDataError(f"{path.name}: {error}") from error


def _language(code: str, data: dict[str, Any]) -> Language:
    if not (len(code) in (2, 3) and code.isascii() and code.isalpha() and code.islower()):
        raise ValueError(f"the file name must be an ISO 639 code such as 'en', not {code!r}")
    script = SCRIPTS.get(_text(data, "script"))
    if script is None:
        raise ValueError(f"script must be one of {', '.join(SCRIPTS)}")
    direction = _text(data, "direction")
    if direction not in _DIRECTIONS:
        raise ValueError("direction must be 'ltr' or 'rtl'")
    sentences = _table(data, "sentences")
    stemming = _table(data, "stemming")
    numbers = _table(data, "numbers")
    return Language(
        code=code,
        name=_text(data, "name"),
        script=script,
        direction="rtl" if direction == "rtl" else "ltr",
        stopwords=frozenset(_words(_table(data, "detection"), "stopwords")),
        sentence_ends=_text(sentences, "ends") + _optional_text(sentences, "clause_ends"),
        full_stops=_text(sentences, "ends"),
        spaced_sentences=_flag(sentences, "spaced", default=True),
        abbreviations=_words(sentences, "abbreviations"),
        cardinals=_number_words(numbers, "cardinal"),
        ordinals=_number_words(numbers, "ordinal"),
        function_words=frozenset(_words(_table(data, "words"), "function")),
        alphabet=_optional_text(_table(data, "numbering"), "alphabet"),
        abjad=_optional_text(_table(data, "numbering"), "abjad"),
        ordinal_adverbs=_words(_table(data, "numbering"), "ordinal_adverbs"),
        letter_names=_words(_table(data, "numbering"), "letter_names"),
        clitics=_clitics(_table(data, "clitics")),
        stem_rules=_rules(stemming),
        min_stem=_count(stemming, "min_stem", default=3),
    )


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise TypeError(f"[{key}] must be a table")
    return value


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key!r} must be a non-empty string")
    return value.strip()


def _optional_text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise TypeError(f"{key!r} must be a string")
    return value.strip()


def _clitics(clitics: dict[str, Any]) -> Clitics:
    return Clitics(
        conjunctions=_strings(clitics, "conjunctions"),
        prepositions=_strings(clitics, "prepositions"),
        article=_optional_text(clitics, "article"),
        contractions=_pairs(clitics, "contractions", "[clitics] contractions"),
        suffixes=_strings(clitics, "suffixes"),
        light_suffixes=_strings(clitics, "light_suffixes"),
    )


def _flag(data: dict[str, Any], key: str, *, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise TypeError(f"{key!r} must be true or false")
    return value


def _count(data: dict[str, Any], key: str, *, default: int) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"{key!r} must be a positive whole number")
    return value


def _words(data: dict[str, Any], key: str) -> tuple[str, ...]:
    """A whitespace-separated word list (a string), as a tuple."""
    value = data.get(key, "")
    if not isinstance(value, str):
        raise TypeError(f"{key!r} must be a string of words separated by spaces")
    return tuple(value.split())


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise TypeError(f"{key!r} must be a list of non-empty strings")
    return tuple(value)


def _number_words(numbers: dict[str, Any], kind: str) -> dict[int, tuple[str, ...]]:
    table = _table(numbers, kind)
    found: dict[int, tuple[str, ...]] = {}
    for key in table:
        if not key.isdigit() or int(key) < 1:
            raise ValueError(f"[numbers.{kind}] keys must be numbers from 1, not {key!r}")
        found[int(key)] = _strings(table, key)
    return dict(sorted(found.items()))


def _rules(stemming: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return _pairs(stemming, "suffixes", "[stemming] suffixes")


def _pairs(data: dict[str, Any], key: str, name: str) -> tuple[tuple[str, str], ...]:
    pairs = data.get(key, [])
    if not isinstance(pairs, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair)
        for pair in pairs
    ):
        raise TypeError(f"{name} must be a list of [written, replacement] pairs")
    return tuple((old, new) for old, new in pairs if old)
