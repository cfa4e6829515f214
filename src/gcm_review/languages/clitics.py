"""Attached words (Arabic clitics) from a language file: the prefixes a word may carry, as strings
or as a regular expression, and the article's written forms.

Stages that look a word up (term matching, country names, cue phrases, light stems) take their
prefixes from here, so the conjunctions, prepositions and article of a language are written once,
in its data file.
"""

from __future__ import annotations

import functools
import itertools
import re

from gcm_review.languages.registry import Language


@functools.cache
def proclitics(
    language: Language, *, max_words: int = 2, article: bool | None = None
) -> tuple[str, ...]:
    """Every prefix of attached words, longest first: up to `max_words` of a conjunction and a
    preposition, then the article or not (`article` True: with it only; False: without it),
    contractions applied ("ل" + "ال" -> "لل"); none for a language without clitics."""
    clitics = language.clitics
    conjunctions = ("", *clitics.conjunctions)
    prepositions = ("", *clitics.prepositions)
    articles = {None: ("", clitics.article), True: (clitics.article,), False: ("",)}[article]
    found: dict[str, None] = {}
    for conjunction, preposition, written_article in itertools.product(
        conjunctions, prepositions, articles
    ):
        if bool(conjunction) + bool(preposition) > max_words:
            continue
        prefix = _contract(conjunction + preposition + written_article, clitics.contractions)
        if prefix:
            found[prefix] = None
    return tuple(sorted(found, key=lambda prefix: (-len(prefix), prefix)))


def proclitic_pattern(language: Language, *, prepositions: bool = True) -> str:
    """A regular expression (no group) for the optional prefix of attached words: a conjunction,
    then a preposition and the article (with `prepositions`), each optional and written plainly
    (contractions are not spelled out: "لل" is not in it); empty for a language without clitics.

    Arabic: "(?:[وف]?[بلك]?(?:ال)?)", or "(?:[وف]?)" for a verb, which takes conjunctions only.
    """
    clitics = language.clitics
    parts = [_optional(clitics.conjunctions)]
    if prepositions:
        parts.append(_optional(clitics.prepositions))
        if clitics.article:
            parts.append(f"(?:{re.escape(clitics.article)})?")
    body = "".join(part for part in parts if part)
    return f"(?:{body})" if body else ""


def lam_article(language: Language) -> str:
    """The article as written after a preposition that contracts with it ("لل"), else ""."""
    clitics = language.clitics
    for preposition in clitics.prepositions:
        joined = preposition + clitics.article
        contracted = _contract(joined, clitics.contractions)
        if clitics.article and contracted != joined:
            return contracted
    return ""


def _optional(letters: tuple[str, ...]) -> str:
    if not letters:
        return ""
    if all(len(letter) == 1 for letter in letters):
        return f"[{''.join(re.escape(letter) for letter in letters)}]?"
    return f"(?:{'|'.join(re.escape(letter) for letter in letters)})?"


def _contract(prefix: str, contractions: tuple[tuple[str, str], ...]) -> str:
    for written, contracted in contractions:
        prefix = prefix.replace(written, contracted)
    return prefix
