"""Explicit references to GCM objectives ("objectives 4, 8 and 9", "l'objectif 17", "الهدف ١٧").

Only the numbers 1..23 count. "23 objectives" names the whole set and gives nothing; "SDG 8",
"Goal 10", "target 10.7", "paragraph 23" and years are never objectives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcm_review.languages import ascii_digits, fold_arabic_letters, has_arabic_script
from gcm_review.structure.objective_words import (
    AR_ORDINAL,
    CARDINALS_AFTER,
    EN_ORDINAL,
    FR_ORDINAL,
    GENERIC_ORDINALS,
    LATIN_WORDS,
    word_key,
    words_pattern,
)

FIRST_OBJECTIVE, LAST_OBJECTIVE = 1, 23

_AR = "\u0621-\u064a"
_NUMBER = r"(?<![\d.])\d{1,2}(?!\d)(?!\.\d)(?!\s*(?:%|per\s?cent|pour\s?cent))"
_LATIN_SEPARATOR = (
    r"(?:\s*,\s*(?:(?:and|or|et|ou)\s+)?|\s+(?:and|or|&|et|ou|to|through|à|au)\s+|\s*[-–—]\s*)"
)
_MARKER = r"(?:(?:no\.?|nos\.?|n[°º]|number|numbers|numéros?|#)\s*)?"
_LATIN_AFTER = re.compile(
    rf"\b(?:objectives?|objectifs?)\s*{_MARKER}(?:(?:from|de)\s+)?"
    rf"(?:(?P<list>{_NUMBER}(?:{_LATIN_SEPARATOR}{_NUMBER})*)"
    rf"|(?P<words>\b{words_pattern(CARDINALS_AFTER)}\b))",
    re.IGNORECASE,
)
_LATIN_ORDINAL = (
    r"(?:\b\d{1,2}(?:st|nd|rd|th|e|è|ème|eme|er|ère|re)\b"
    rf"|\b{words_pattern({**EN_ORDINAL, **FR_ORDINAL})}\b)"
)
_LATIN_BEFORE = re.compile(
    rf"(?P<list>{_LATIN_ORDINAL}(?:{_LATIN_SEPARATOR}{_LATIN_ORDINAL})*)\s+"
    r"(?P<gcm>(?:GCM|PMM)\s+)?(?:objectives?|objectifs?)\b"
    r"(?P<compact>\s+(?:of|in|under)\s+the\s+(?:GCM|Global\s+Compact)|\s+du\s+(?:PMM|Pacte))?",
    re.IGNORECASE,
)
_ARABIC_NUMBER = r"(?<![\d.])\d{1,2}(?!\d)(?!\.\d)"
_ARABIC_SEPARATOR = r"(?:\s*[،,]\s*(?:و\s*)?|\s+(?:و|او|الي|حتي)\s*|\s*و(?=\d)|\s*[-–—]\s*)"
_ARABIC_ORDINAL = rf"{words_pattern(AR_ORDINAL, arabic=True)}(?![{_AR}])"
_ARABIC_KEYWORD = rf"(?<![{_AR}])[وفبكل]?(?:ال|لل)?(?:هدف|اهداف|هدفين|هدفان|هدفي)(?![{_AR}])"
_ARABIC = re.compile(
    rf"{_ARABIC_KEYWORD}\s*(?:رقم\s*)?(?:من\s+)?"
    rf"(?:(?P<list>{_ARABIC_NUMBER}(?:{_ARABIC_SEPARATOR}{_ARABIC_NUMBER})*)"
    rf"|(?P<words>{_ARABIC_ORDINAL}(?:\s*[،,]?\s*و?{_ARABIC_ORDINAL})*))"
)
_SDG_AFTER = re.compile(
    r"\s*(?:of|from|in|من|de|des|du)\s+(?:the\s+|les\s+|l')?(?:اهداف\s+)?"
    r"(?:SDGs?\b|Sustainable\s+Development|التنميه\s+المستدامه|développement\s+durable|ODD\b)",
    re.IGNORECASE,
)
_RANGE_WORDS = frozenset({"to", "through", "à", "au", "الي", "حتي", "-", "–", "—"})
_LIST_ITEM = re.compile(
    rf"{_NUMBER}|{_LATIN_ORDINAL}|\b{words_pattern(LATIN_WORDS)}\b|{_ARABIC_ORDINAL}"
    r"|\b(?:to|through|à|au)\b|الي|حتي|[-–—]",
    re.IGNORECASE,
)
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(?:st|nd|rd|th|e|è|ème|eme|er|ère|re)$", re.IGNORECASE)
_HARAKAT = re.compile("[\u064b-\u065f\u0640\u0670]")


@dataclass(frozen=True)
class ObjectiveMention:
    """One objective referred to explicitly; start/end delimit the whole phrase in the text."""

    objective: int
    start: int
    end: int
    matched: str  # the phrase, e.g. "objectives 4, 8 and 9"


def find_objective_mentions(text: str) -> tuple[ObjectiveMention, ...]:
    """Every explicit objective reference, in text order (one mention per objective per phrase)."""
    prepared, offsets = _prepare(text)
    found: list[ObjectiveMention] = []
    patterns = []
    if "objecti" in prepared.lower():
        patterns += [_LATIN_AFTER, _LATIN_BEFORE]
    if "هدف" in prepared or "هداف" in prepared:
        patterns.append(_ARABIC)
    for pattern in patterns:
        for match in pattern.finditer(prepared):
            if _SDG_AFTER.match(prepared, match.end()) or _only_generic_ordinals(match):
                continue
            groups = match.groupdict()
            items = groups.get("list") or groups.get("words") or ""
            start, end = _original_span(offsets, match.start(), match.end())
            for objective in _expand(items):
                found.append(ObjectiveMention(objective, start, end, text[start:end]))
    found.sort(key=lambda mention: (mention.start, mention.objective))
    return tuple(found)


def find_objective_refs(text: str) -> tuple[int, ...]:
    """The objectives (1..23) the text refers to explicitly, sorted and unique."""
    return tuple(sorted({mention.objective for mention in find_objective_mentions(text)}))


def _only_generic_ordinals(match: re.Match[str]) -> bool:
    """Whether only everyday ordinals matched ("the first objective"), with no GCM beside them."""
    groups = match.groupdict()
    if "gcm" not in groups or groups["gcm"] or groups["compact"]:
        return False
    words = [word.lower() for word in re.findall(r"[^\W\d_]+", groups["list"] or "")]
    ordinals = [word for word in words if word not in ("and", "or", "et", "ou", "to", "à")]
    return all(word in GENERIC_ORDINALS for word in ordinals)


def _prepare(text: str) -> tuple[str, list[int] | None]:
    """ASCII digits and folded Arabic letters; harakat removed with an offset map back."""
    if not has_arabic_script(text):
        return text, None
    prepared = fold_arabic_letters(ascii_digits(text))
    if not _HARAKAT.search(prepared):
        return prepared, None
    offsets = [index for index, char in enumerate(prepared) if not _HARAKAT.match(char)]
    offsets.append(len(prepared))
    return _HARAKAT.sub("", prepared), offsets


def _original_span(offsets: list[int] | None, start: int, end: int) -> tuple[int, int]:
    if offsets is None:
        return start, end
    return offsets[start], offsets[end - 1] + 1


def _expand(items: str) -> list[int]:
    """Numbers of a list such as "4, 8 and 9", "1 to 5", "التاسع والعاشر", in range 1..23."""
    numbers: list[int] = []
    pending_range = False
    for token in _LIST_ITEM.findall(items):
        if token.lower() in _RANGE_WORDS:
            pending_range = bool(numbers)
            continue
        value = _value(token)
        if value is None:
            continue
        if pending_range and numbers and numbers[-1] < value <= LAST_OBJECTIVE:
            numbers.extend(range(numbers[-1] + 1, value + 1))
        else:
            numbers.append(value)
        pending_range = False
    return sorted({n for n in numbers if FIRST_OBJECTIVE <= n <= LAST_OBJECTIVE})


def _value(token: str) -> int | None:
    bare = _ORDINAL_SUFFIX.sub("", token.strip())
    if bare.isdigit():
        return int(bare)
    key = word_key(bare)
    return LATIN_WORDS.get(key) or AR_ORDINAL.get(key)
