"""Country names and adjectives in English, French and Arabic: find them, name them, fix typos."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcm_review.languages import is_arabic_char
from gcm_review.structure.country_forms import (
    TOKEN,
    CountryForm,
    arabic_candidates,
    country_table,
    token_key,
)

_MAX_FUZZY_DISTANCE = 2
_MIN_FUZZY_LENGTH = 5
_EDGE_NOISE = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_ARTICLES = frozenset({"the", "la", "le", "les", "l"})


@dataclass(frozen=True)
class CountryMention:
    """A country named in a text: ISO 3166 alpha-3 code and where it was found."""

    code: str
    start: int
    end: int
    matched: str
    adjective: bool = False  # "Jordanian", "marocaine", "العراقية" rather than the name


def find_countries(text: str) -> list[CountryMention]:
    """Every country name or adjective in the text, in order, longest form first at a place."""
    words = TOKEN.findall(text)
    keys = [token_key(word) for word in words]
    forms = country_table().forms
    if not any(key in forms for key in keys) and not _may_hide_arabic_prefix(words):
        return []
    spans = [match.span() for match in TOKEN.finditer(text)]
    mentions: list[CountryMention] = []
    position = 0
    while position < len(words):
        form = _form_at(words, keys, position, forms)
        if form is None:
            position += 1
            continue
        start, end = spans[position][0], spans[position + len(form.keys) - 1][1]
        mentions.append(CountryMention(form.code, start, end, text[start:end], form.adjective))
        position += len(form.keys)
    return mentions


def country_codes(text: str) -> list[str]:
    """The distinct country codes named in the text, in order of first mention."""
    return list(dict.fromkeys(mention.code for mention in find_countries(text)))


def country_name(code: str, *, lang: str = "en") -> str | None:
    """Display name of a country in English, French or Arabic (English when that one is missing)."""
    names = country_table().names.get(code.upper())
    if names is None:
        return None
    return names.get(lang) or names.get("en")


def whole_country(text: str) -> str | None:
    """The code when the whole text (articles and edge punctuation aside) names one country."""
    core = _EDGE_NOISE.sub("", text)
    mentions = find_countries(core)
    if len(mentions) != 1 or mentions[0].adjective:
        return None
    before = TOKEN.findall(core[: mentions[0].start])
    if core[mentions[0].end :].strip() or any(word.casefold() not in _ARTICLES for word in before):
        return None
    return mentions[0].code


def fuzzy_country(word: str) -> str | None:
    """The country a misspelt name stands for ("Lipva" -> LBY): edit distance <= 2, 5+ letters.

    Returns None when the word is too short, nothing is close enough or two countries tie.
    """
    exact = whole_country(word)
    if exact is not None:
        return exact
    target = _EDGE_NOISE.sub("", word).casefold()
    if len(target) < _MIN_FUZZY_LENGTH:
        return None
    best: dict[str, int] = {}
    for name, code in country_table().fuzzy_names:
        if abs(len(name) - len(target)) > _MAX_FUZZY_DISTANCE:
            continue
        distance = _edit_distance(target, name, limit=_MAX_FUZZY_DISTANCE)
        if distance <= _MAX_FUZZY_DISTANCE and distance < best.get(code, _MAX_FUZZY_DISTANCE + 1):
            best[code] = distance
    if not best:
        return None
    lowest = min(best.values())
    winners = [code for code, distance in best.items() if distance == lowest]
    return winners[0] if len(winners) == 1 else None


def _may_hide_arabic_prefix(words: list[str]) -> bool:
    return any(is_arabic_char(word[0]) for word in words)


def _form_at(
    words: list[str], keys: list[str], position: int, forms: dict[str, tuple[CountryForm, ...]]
) -> CountryForm | None:
    first = words[position]
    if is_arabic_char(first[0]):
        for key, definite in arabic_candidates(first):
            for form in forms.get(key, ()):
                if (definite and not form.definite) or not _rest_matches(keys, position, form):
                    continue
                return form
        return None
    for form in forms.get(keys[position], ()):
        if form.exact is not None:
            if tuple(words[position : position + len(form.exact)]) == form.exact:
                return form
            continue
        if form.needs_capital and not first[0].isupper():
            continue
        if _rest_matches(keys, position, form):
            return form
    return None


def _rest_matches(keys: list[str], position: int, form: CountryForm) -> bool:
    if position + len(form.keys) > len(keys):
        return False
    return all(keys[position + i] == form.keys[i] for i in range(1, len(form.keys)))


def _edit_distance(left: str, right: str, *, limit: int) -> int:
    """Levenshtein distance, or limit + 1 as soon as it is sure to exceed the limit."""
    if len(set(left) ^ set(right)) > 2 * limit:
        return limit + 1  # each edit changes at most two letters of the letter sets
    previous = list(range(len(right) + 1))
    for i, left_char in enumerate(left, start=1):
        current = [i]
        for j, right_char in enumerate(right, start=1):
            cost = 0 if left_char == right_char else 1
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
