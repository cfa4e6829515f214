"""Sentence splitting with every known language's sentence ends and abbreviations.

A sentence ends at one of a language's sentence-final characters followed by space and a
character a sentence may start with (a capital, a digit, an opening quote or bracket, any
letter of a script without capitals); in languages written without spaces between sentences
(Chinese), at the sentence-final character itself. Abbreviations such as "Mr." are protected.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from gcm_review.languages.normalise import clean_text
from gcm_review.languages.registry import LanguageSet, known_languages

MAX_SENTENCE_CHARS = 600
_STARTS = "\"“'(0-9"  # a sentence may start with these in every language


@dataclass(frozen=True)
class _Splitter:
    boundary: re.Pattern[str]
    abbreviation: re.Pattern[str] | None  # a candidate sentence ending in an abbreviation
    tail: int  # characters at the end of a candidate enough to find an abbreviation there


def split_sentences(text: str, *, languages: LanguageSet | None = None) -> list[str]:
    """The sentences of a paragraph, in order (long ones cut at MAX_SENTENCE_CHARS)."""
    text = clean_text(text)
    if not text:
        return []
    splitter = _splitter(languages or known_languages())
    sentences: list[str] = []
    start = 0
    for match in splitter.boundary.finditer(text):
        candidate = text[start : match.start()]
        abbreviation = splitter.abbreviation
        if abbreviation is not None and abbreviation.search(candidate[-splitter.tail :]):
            continue
        sentences.append(candidate)
        start = match.end()
    sentences.append(text[start:])
    return [piece[:MAX_SENTENCE_CHARS] for piece in sentences if piece.strip()]


@functools.cache
def full_stops(*, languages: LanguageSet | None = None) -> str:
    """The characters that end a sentence proper in the languages whose sentences are followed
    by a space (".!?؟۔"): no ";", no Chinese stops."""
    found: dict[str, None] = {}
    for language in languages or known_languages():
        if language.spaced_sentences:
            found.update(dict.fromkeys(language.full_stops))
    return "".join(found)


@functools.cache
def abbreviation_words(*, languages: LanguageSet | None = None) -> frozenset[str]:
    """Every language's abbreviations written with a stop that does not end a sentence ("Mr")."""
    return frozenset(
        word for language in languages or known_languages() for word in language.abbreviations
    )


@functools.cache
def _splitter(languages: LanguageSet) -> _Splitter:
    spaced_ends: dict[str, None] = {}
    unspaced_ends: dict[str, None] = {}
    starts: dict[str, None] = {}
    abbreviations: dict[str, None] = {}
    for language in languages:
        ends = spaced_ends if language.spaced_sentences else unspaced_ends
        ends.update(dict.fromkeys(language.sentence_ends))
        if language.spaced_sentences:
            starts[language.script.sentence_starts] = None
        abbreviations.update(dict.fromkeys(language.abbreviations))
    boundaries = []
    if spaced_ends:
        boundaries.append(f"(?<=[{_class(spaced_ends)}])\\s+(?=[{_STARTS}{''.join(starts)}])")
    if unspaced_ends:
        boundaries.append(f"(?<=[{_class(unspaced_ends)}])\\s*(?=\\S)")
    alternatives = "|".join(re.escape(word) for word in abbreviations)
    # One look behind for any sentence end first: most positions fail there, at the cost of
    # one character test (as fast as a single-language pattern).
    any_end = _class({**spaced_ends, **unspaced_ends})
    return _Splitter(
        boundary=re.compile(f"(?<=[{any_end}])(?:{'|'.join(boundaries)})" if any_end else "(?!)"),
        abbreviation=re.compile(rf"\b(?:{alternatives})\.$") if alternatives else None,
        # the longest abbreviation, its stop, and the character before it (for the \b)
        tail=max((len(word) for word in abbreviations), default=0) + 2,
    )


def _class(characters: dict[str, None]) -> str:
    return "".join(re.escape(character) for character in characters)
