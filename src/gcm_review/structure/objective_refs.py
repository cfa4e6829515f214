"""Explicit references to a framework's objectives ("objectives 4, 8 and 9", "l'objectif 17",
"الهدف ١٧" for the GCM).

The framework gives the words that introduce a reference and N: only the numbers 1..N count.
For the GCM, "23 objectives" names the whole set and gives nothing; "SDG 8", "Goal 10",
"target 10.7", "paragraph 23" and years are never objectives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcm_review.frameworks import Framework, load_framework
from gcm_review.languages import ascii_digits, fold_arabic_letters, has_arabic_script
from gcm_review.languages.script import ARABIC_HARAKAT, ARABIC_TATWEEL
from gcm_review.structure.objective_words import (
    AR_ORDINAL,
    GENERIC_ORDINALS,
    LATIN_WORDS,
    word_key,
)
from gcm_review.structure.reference_patterns import ReferencePatterns, reference_patterns

FIRST_OBJECTIVE = 1
_RANGE_WORDS = frozenset({"to", "through", "à", "au", "الي", "حتي", "-", "–", "—"})
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(?:st|nd|rd|th|e|è|ème|eme|er|ère|re)$", re.IGNORECASE)
_HARAKAT = re.compile(f"[{ARABIC_HARAKAT}{ARABIC_TATWEEL}]")


@dataclass(frozen=True)
class ObjectiveMention:
    """One objective referred to explicitly; start/end delimit the whole phrase in the text."""

    objective: int
    start: int
    end: int
    matched: str  # the phrase, e.g. "objectives 4, 8 and 9"


def find_objective_mentions(
    text: str, *, framework: Framework | None = None
) -> tuple[ObjectiveMention, ...]:
    """Every explicit objective reference, in text order (one mention per objective per phrase).

    The words that introduce a reference and the range of numbers come from the framework (the
    GCM unless another is given).
    """
    patterns = reference_patterns(framework or load_framework())
    prepared, offsets = _prepare(text)
    found: list[ObjectiveMention] = []
    for pattern in patterns.applicable(prepared):
        for match in pattern.finditer(prepared):
            if patterns.other_framework_after(prepared, match.end()) or _only_generic_ordinals(
                match
            ):
                continue
            groups = match.groupdict()
            items = groups.get("list") or groups.get("words") or ""
            start, end = _original_span(offsets, match.start(), match.end())
            for objective in _expand(items, patterns):
                found.append(ObjectiveMention(objective, start, end, text[start:end]))
    found.sort(key=lambda mention: (mention.start, mention.objective))
    return tuple(found)


def find_objective_refs(text: str, *, framework: Framework | None = None) -> tuple[int, ...]:
    """The objectives (1..N) the text refers to explicitly, sorted and unique."""
    mentions = find_objective_mentions(text, framework=framework)
    return tuple(sorted({mention.objective for mention in mentions}))


def _only_generic_ordinals(match: re.Match[str]) -> bool:
    """Whether only everyday ordinals matched ("the first objective"), with no framework name
    ("GCM") beside them."""
    groups = match.groupdict()
    if "name" not in groups or groups["name"] or groups["of"]:
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


def _expand(items: str, patterns: ReferencePatterns) -> list[int]:
    """Numbers of a list such as "4, 8 and 9", "1 to 5", "التاسع والعاشر", in range 1..N."""
    numbers: list[int] = []
    pending_range = False
    last = patterns.last
    for token in patterns.list_item.findall(items):
        if token.lower() in _RANGE_WORDS:
            pending_range = bool(numbers)
            continue
        value = _value(token)
        if value is None:
            continue
        if pending_range and numbers and numbers[-1] < value <= last:
            numbers.extend(range(numbers[-1] + 1, value + 1))
        else:
            numbers.append(value)
        pending_range = False
    return sorted({n for n in numbers if FIRST_OBJECTIVE <= n <= last})


def _value(token: str) -> int | None:
    bare = _ORDINAL_SUFFIX.sub("", token.strip())
    if bare.isdigit():
        return int(bare)
    key = word_key(bare)
    return LATIN_WORDS.get(key) or AR_ORDINAL.get(key)
