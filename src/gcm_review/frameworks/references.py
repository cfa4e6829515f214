"""How a framework's labels are named and cited: label words, and the reference patterns' data.

`[framework] label.LANG = [singular, plural]` names one numbered label in messages and the report
("objective", "objectives"); `principle_label.LANG` names a guiding principle the same way. The
`[references]` table holds what the structure stage needs to find explicit references ("objectives
4 and 9", "الهدف ١٧"): regular expressions per language, checked here so a broken pattern fails
when the framework loads, not on the first document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gcm_review.errors import FrameworkError

_PATTERN_HINT = "write a Python regular expression (in TOML, 'single quotes' keep backslashes)"
_EXAMPLE = {
    "label": '["objective", "objectives"]',
    "principle_label": '["guiding principle", "guiding principles"]',
}
_REFERENCE_KEYS = ("words", "prefix", "names", "of", "others", "called")


@dataclass(frozen=True)
class LabelWord:
    """What one numbered label is called in a language: singular and plural."""

    lang: str
    singular: str
    plural: str


@dataclass(frozen=True)
class References:
    """Data of the explicit-reference patterns; hashable, so compiled patterns cache on it.

    words: (language, regex) of the words that introduce a reference ("objectives?").
    prefixes: (language, regex) of clitics glued before such a word (Arabic "و", "ال", "لل").
    names: regexes of the framework's short names before the word ("GCM objective 3").
    of: (language, regex) of a phrase after the word that names the framework ("of the GCM").
    others: regexes of other frameworks' names: "objective 8 of the SDGs" is not a reference.
    called: (language, regex) of what running text calls the framework itself ("the Compact"):
        "the Compact calls for ..." quotes the framework, it is no speaker's recommendation.
    """

    words: tuple[tuple[str, str], ...] = ()
    prefixes: tuple[tuple[str, str], ...] = ()
    names: tuple[str, ...] = ()
    of: tuple[tuple[str, str], ...] = ()
    others: tuple[str, ...] = ()
    called: tuple[tuple[str, str], ...] = ()

    def in_language(self, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The reference words and the framework's own names of one language."""
        words = tuple(pattern for code, pattern in self.words if code == lang)
        return words, tuple(pattern for code, pattern in self.called if code == lang)

    def prefix(self, lang: str) -> str:
        """The clitic pattern of a language ("" when it has none)."""
        return next((pattern for code, pattern in self.prefixes if code == lang), "")


def parse_label_words(
    head: Mapping[str, Any], where: str, *, key: str = "label"
) -> tuple[LabelWord, ...]:
    """`label.LANG = [singular, plural]`; English is required.

    With `key="principle_label"` the (optional) words for a guiding principle: absent, none.
    """
    table = head.get(key)
    if table is None and key != "label":
        return ()
    if not isinstance(table, dict) or "en" not in table:
        raise FrameworkError(
            f"{where}: '{key}' must give what one label is called, at least in English",
            hint=f"add {key}.en = {_EXAMPLE[key]} (singular, plural) under [framework]",
        )
    words = []
    for lang, forms in table.items():
        if not (
            isinstance(forms, list)
            and len(forms) == 2
            and all(isinstance(form, str) and form.strip() for form in forms)
        ):
            raise FrameworkError(
                f"{where}: {key}.{lang} must be [singular, plural], got {forms!r}",
                hint=f"for example {key}.en = {_EXAMPLE[key]}",
            )
        words.append(LabelWord(lang, forms[0].strip(), forms[1].strip()))
    return tuple(words)


def parse_references(data: Mapping[str, Any], source: str) -> References:
    """The `[references]` table (optional: without it no explicit reference is found)."""
    table = data.get("references", {})
    where = f"{source}: [references]"
    if not isinstance(table, dict):
        raise FrameworkError(f"{where} must be a table")
    check_keys(table, _REFERENCE_KEYS, where)
    return References(
        words=_per_language(table, "words", where),
        prefixes=tuple(
            (lang, _pattern(value, f"{where}: prefix.{lang}"))
            for lang, value in _table(table, "prefix", where).items()
        ),
        names=_patterns(table.get("names", []), f"{where}: names"),
        of=tuple(
            (lang, _pattern(value, f"{where}: of.{lang}"))
            for lang, value in _table(table, "of", where).items()
        ),
        others=_patterns(table.get("others", []), f"{where}: others"),
        called=_per_language(table, "called", where),
    )


def check_keys(table: Mapping[str, Any], known: tuple[str, ...], where: str) -> None:
    """Refuse a key the schema does not have (a misspelt key would silently do nothing)."""
    unknown = [key for key in table if key not in known]
    if unknown:
        raise FrameworkError(
            f"{where}: unknown key {unknown[0]!r}", hint=f"the keys here are {', '.join(known)}"
        )


def _per_language(table: Mapping[str, Any], name: str, where: str) -> tuple[tuple[str, str], ...]:
    found = []
    for lang, values in _table(table, name, where).items():
        for pattern in _patterns(values, f"{where}: {name}.{lang}"):
            if re.fullmatch(pattern, ""):
                raise FrameworkError(f"{where}: {name}.{lang}: {pattern!r} matches empty text")
            found.append((lang, pattern))
    return tuple(found)


def _table(table: Mapping[str, Any], name: str, where: str) -> Mapping[str, Any]:
    value = table.get(name, {})
    if not isinstance(value, dict):
        raise FrameworkError(f"{where}: '{name}' must be a table of languages ({name}.en = ...)")
    return value


def _patterns(values: Any, where: str) -> tuple[str, ...]:
    if not isinstance(values, list):
        raise FrameworkError(f"{where}: must be a list of regular expressions")
    return tuple(_pattern(value, where) for value in values)


def _pattern(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FrameworkError(f"{where}: every pattern must be a non-empty string, got {value!r}")
    try:
        compiled = re.compile(value)
    except re.error as exc:
        raise FrameworkError(
            f"{where}: {value!r} is not a valid regular expression ({exc})", hint=_PATTERN_HINT
        ) from exc
    if compiled.groups:
        raise FrameworkError(
            f"{where}: {value!r} has a capturing group",
            hint="use non-capturing groups (?:...) in framework patterns",
        )
    return value
