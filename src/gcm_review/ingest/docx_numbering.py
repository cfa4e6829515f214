"""The numbers Word shows in front of list paragraphs, computed from numbering.xml.

Word does not store "23." or "b)" in the text: a paragraph says which list (numId) and level
(ilvl) it belongs to, and numbering.xml says how each level counts (start, numFmt) and prints
(lvlText "%1.%2."). Counters run per numId and level; using a level restarts the deeper ones
(unless lvlRestart says otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from docx.oxml.ns import qn

from gcm_review.languages import known_languages
from gcm_review.languages.script import ARABIC_INDIC_DIGITS

BULLET = "•"
_LEVELS = 9
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_ARABIC = known_languages().require("ar")
_ARABIC_ALPHA = _ARABIC.alphabet  # the list letters of the language file, in their two orders
_ARABIC_ABJAD = _ARABIC.abjad
_HINDI_DIGITS = str.maketrans("0123456789", ARABIC_INDIC_DIGITS)


@dataclass(frozen=True)
class ListLevel:
    """How one level of a list counts and prints."""

    start: int = 1
    number_format: str = "decimal"
    text: str = "%1."
    restart_after: int | None = None  # lvlRestart: 0 = never restart, n = restart after level n
    legal: bool = False  # isLgl: show every level's number as decimal


def format_number(value: int, number_format: str) -> str:
    """Print a counter the way Word does for a numFmt (unknown formats print as decimal)."""
    if number_format in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if number_format == "upperLetter" else letter
    if number_format in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if number_format == "upperRoman" else roman
    if number_format == "decimalZero":
        return f"{value:02d}"
    if number_format == "hindiNumbers":
        return str(value).translate(_HINDI_DIGITS)
    if number_format in ("arabicAlpha", "arabicAbjad") and value > 0:
        letters = _ARABIC_ALPHA if number_format == "arabicAlpha" else _ARABIC_ABJAD
        return letters[(value - 1) % len(letters)]
    if number_format == "none":
        return ""
    return str(value)


def _roman(value: int) -> str:
    parts: list[str] = []
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        parts.append(letters * count)
    return "".join(parts)


class ListCounters:
    """Numbering definitions of one document plus the running counters while reading it."""

    def __init__(self, lists: dict[str, dict[int, ListLevel]]) -> None:
        self._lists = lists
        self._counters: dict[str, list[int | None]] = {}

    @classmethod
    def from_numbering_xml(cls, root: Any | None) -> ListCounters:
        """Build from the <w:numbering> element (None when the document has no numbering part)."""
        if root is None:
            return cls({})
        abstract = {
            element.get(qn("w:abstractNumId")): _levels(element)
            for element in root.iterchildren(qn("w:abstractNum"))
        }
        lists: dict[str, dict[int, ListLevel]] = {}
        for num in root.iterchildren(qn("w:num")):
            abstract_id = _child_value(num, "w:abstractNumId")
            levels = dict(abstract.get(abstract_id, {}))
            levels.update(_overrides(num, levels))
            lists[num.get(qn("w:numId"))] = levels
        return cls(lists)

    def next_label(self, num_id: str, level: int) -> str | None:
        """Advance the counter of (num_id, level) and return the printed label, or None."""
        levels = self._lists.get(num_id)
        if levels is None or not 0 <= level < _LEVELS:
            return None
        spec = levels.get(level, ListLevel())
        counters = self._counters.setdefault(num_id, [None] * _LEVELS)
        current = counters[level]
        counters[level] = spec.start if current is None else current + 1
        for deeper in range(level + 1, _LEVELS):
            restart = levels.get(deeper, ListLevel()).restart_after
            if restart is None or (restart != 0 and level + 1 <= restart):
                counters[deeper] = None
        if spec.number_format == "bullet":
            return BULLET
        label = self._render(spec, levels, counters).strip()
        return label or None

    @staticmethod
    def _render(spec: ListLevel, levels: dict[int, ListLevel], counters: list[int | None]) -> str:
        text = spec.text
        for index in range(_LEVELS - 1, -1, -1):  # %10 does not exist; go down so %1 is last
            placeholder = f"%{index + 1}"
            if placeholder not in text:
                continue
            other = levels.get(index, ListLevel())
            value = counters[index]
            number_format = "decimal" if spec.legal else other.number_format
            shown = format_number(other.start if value is None else value, number_format)
            text = text.replace(placeholder, shown)
        return text


def _child_value(element: Any, tag: str) -> str | None:
    child = element.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def _int_value(element: Any, tag: str) -> int | None:
    value = _child_value(element, tag)
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


def _level(element: Any) -> ListLevel:
    text = _child_value(element, "w:lvlText")
    legal = element.find(qn("w:isLgl"))
    start = _int_value(element, "w:start")
    return ListLevel(
        start=1 if start is None else start,
        number_format=_child_value(element, "w:numFmt") or "decimal",
        text="" if text is None else text,
        restart_after=_int_value(element, "w:lvlRestart"),
        legal=legal is not None and legal.get(qn("w:val"), "1") not in ("0", "false"),
    )


def _levels(abstract_num: Any) -> dict[int, ListLevel]:
    levels: dict[int, ListLevel] = {}
    for element in abstract_num.iterchildren(qn("w:lvl")):
        try:
            levels[int(element.get(qn("w:ilvl"), "0"))] = _level(element)
        except ValueError:
            continue
    return levels


def _overrides(num: Any, levels: dict[int, ListLevel]) -> dict[int, ListLevel]:
    """A <w:num> may replace a level (<w:lvl>) or only restart it (<w:startOverride>)."""
    changed: dict[int, ListLevel] = {}
    for override in num.iterchildren(qn("w:lvlOverride")):
        try:
            index = int(override.get(qn("w:ilvl"), "0"))
        except ValueError:
            continue
        replacement = override.find(qn("w:lvl"))
        level = _level(replacement) if replacement is not None else levels.get(index, ListLevel())
        start = _int_value(override, "w:startOverride")
        changed[index] = level if start is None else replace(level, start=start)
    return changed
