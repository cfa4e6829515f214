"""Load data/countries.tsv and expand it into the word forms the country matcher looks for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from gcm_review.languages import fold_arabic, known_languages, lam_article, proclitics
from gcm_review.languages.script import ARABIC_HARAKAT, ARABIC_TATWEEL, is_arabic_char

# Letters only (Arabic harakat and tatweel kept inside words); digits, apostrophes, hyphens and
# punctuation separate tokens, so "l'Irak" gives "l", "Irak" and "Guinea-Bissau" two tokens.
TOKEN = re.compile(f"(?:[^\\W\\d_]|[{ARABIC_HARAKAT}{ARABIC_TATWEEL}])+")
_ARABIC = known_languages().require("ar")
# The one-letter Arabic clitics (و ف ب ك ل) that may be attached to a country name.
_ARABIC_PREFIXES = frozenset(
    prefix for prefix in proclitics(_ARABIC, max_words=1, article=False) if len(prefix) == 1
)
_ARTICLE = _ARABIC.clitics.article  # "ال"
_LAM_ARTICLE = lam_article(_ARABIC)  # "لل", ل + ال
LANGUAGES = ("en", "fr", "ar")


@dataclass(frozen=True)
class CountryForm:
    """One way of writing a country, as a sequence of token keys."""

    code: str
    keys: tuple[str, ...]
    adjective: bool
    needs_capital: bool = False  # English and French names: the first word must be capitalised
    exact: tuple[str, ...] | None = None  # acronyms ("UAE") match only in this exact case
    definite: bool = True  # Arabic names written without al- ("مالي") refuse an al- word


@dataclass(frozen=True)
class CountryTable:
    """All forms, indexed by the key of their first token, longest form first."""

    forms: dict[str, tuple[CountryForm, ...]]
    names: dict[str, dict[str, str]]  # code -> language -> display name
    fuzzy_names: tuple[tuple[str, str], ...]  # (casefolded name, code), names of 5+ letters


def arabic_core(token: str) -> tuple[str, bool]:
    """The folded Arabic word without its article, and whether it had one ("والعراق" -> عراق)."""
    word = fold_arabic(token)
    if _LAM_ARTICLE and word.startswith(_LAM_ARTICLE) and len(word) > len(_LAM_ARTICLE) + 2:
        return word[len(_LAM_ARTICLE) :], True
    if word.startswith(_ARTICLE) and len(word) > len(_ARTICLE) + 1:
        return word[len(_ARTICLE) :], True
    return word, False


@lru_cache(maxsize=1 << 16)
def arabic_candidates(token: str) -> tuple[tuple[str, bool], ...]:
    """Keys to try for an Arabic first word: as written, then without a one-letter prefix."""
    core = arabic_core(token)
    folded = fold_arabic(token)
    if len(folded) > 3 and folded[0] in _ARABIC_PREFIXES and not core[1]:
        return core, arabic_core(folded[1:])
    return (core,)


@lru_cache(maxsize=1 << 16)
def token_key(token: str) -> str:
    """The lookup key of one token: folded core for Arabic, casefold otherwise."""
    if is_arabic_char(token[0]):
        return arabic_core(token)[0]
    return token.casefold()


@lru_cache(maxsize=1)
def country_table() -> CountryTable:
    """The parsed country list (loaded once)."""
    text = resources.files("gcm_review.structure").joinpath("data/countries.tsv").read_text("utf-8")
    by_keys: dict[tuple[str, ...], list[CountryForm]] = {}
    names: dict[str, dict[str, str]] = {}
    fuzzy: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 7)[:7]
        code = cells[0].strip()
        names[code] = {}
        for position, language in enumerate(LANGUAGES):
            name_cell, adjective_cell = cells[1 + 2 * position], cells[2 + 2 * position]
            written = [name.strip() for name in name_cell.split("|") if name.strip()]
            if written:
                names[code][language] = written[0]
            for name in written:
                _add(by_keys, _form(code, name, adjective=False, language=language))
                if language != "ar" and len(name) >= 5:
                    fuzzy.append((name.casefold(), code))
            for adjective in _adjective_variants(adjective_cell, language):
                _add(by_keys, _form(code, adjective, adjective=True, language=language))
    return CountryTable(_index(by_keys), names, tuple(fuzzy))


def _form(code: str, text: str, *, adjective: bool, language: str) -> CountryForm:
    tokens = TOKEN.findall(text)
    keys = tuple(token_key(token) for token in tokens)
    if language == "ar":
        definite = adjective or arabic_core(tokens[0])[1]
        return CountryForm(code, keys, adjective, definite=definite)
    if len(text) >= 2 and text.replace(".", "").isupper():
        return CountryForm(code, keys, adjective, exact=tuple(tokens))
    needs_capital = tokens[0][0].isupper()
    return CountryForm(code, keys, adjective, needs_capital=needs_capital)


def _add(by_keys: dict[tuple[str, ...], list[CountryForm]], form: CountryForm) -> None:
    by_keys.setdefault(form.keys, []).append(form)


def _index(by_keys: dict[tuple[str, ...], list[CountryForm]]) -> dict[str, tuple[CountryForm, ...]]:
    """Drop forms shared by two countries ("Congolese"), then index by first key."""
    index: dict[str, list[CountryForm]] = {}
    for keys, forms in by_keys.items():
        if len({form.code for form in forms}) > 1 or not keys:
            continue
        index.setdefault(keys[0], []).extend(forms)
    return {
        key: tuple(sorted(forms, key=lambda form: -len(form.keys))) for key, forms in index.items()
    }


def _adjective_variants(cell: str, language: str) -> list[str]:
    variants: list[str] = []
    for adjective in (word.strip() for word in cell.split("|")):
        if not adjective:
            continue
        if language == "fr":
            feminine = _french_feminine(adjective)
            variants += [adjective, feminine, _plural(adjective), _plural(feminine)]
        elif language == "ar":
            variants += [adjective + suffix for suffix in ("", "ه", "ين", "ون")]
        else:
            variants.append(adjective)
            if not adjective.endswith(("ese", "s", "sh", "ch", "x", "Swiss")):
                variants.append(adjective + "s")
    return list(dict.fromkeys(variants))


def _french_feminine(adjective: str) -> str:
    if adjective.endswith(("ien", "éen", "een")):
        return adjective + "ne"
    if adjective.endswith(("e", "è")) and not adjective.endswith(("é",)):
        return adjective
    if adjective.endswith("c"):
        return adjective + "que"
    return adjective + "e"


def _plural(adjective: str) -> str:
    return adjective if adjective.endswith(("s", "x")) else adjective + "s"
