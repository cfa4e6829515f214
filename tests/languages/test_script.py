"""Arabic script and text direction: one definition for every stage."""

from __future__ import annotations

import pytest

from gcm_review.languages import (
    has_arabic_script,
    is_arabic_char,
    is_mostly_arabic,
    text_direction,
)
from gcm_review.languages.script import arabic_letter_count, latin_letter_count


@pytest.mark.parametrize("char", ["ا", "ب", "ي", "٣", "۳", "؟", "\u064e", "ڤ", "ݐ", "ﻻ", "ﺏ"])
def test_arabic_characters(char: str) -> None:
    assert is_arabic_char(char)


@pytest.mark.parametrize("char", ["a", "é", "\ufeff", "\u200f", "ж", "中", " ", "1"])
def test_other_characters(char: str) -> None:
    assert not is_arabic_char(char)


def test_has_arabic_script() -> None:
    assert has_arabic_script("Report of ١٢ countries")
    assert has_arabic_script("ﻻ")  # a presentation form alone
    assert not has_arabic_script("Résumé \ufeff")
    assert not has_arabic_script("")


def test_letter_counts() -> None:
    assert arabic_letter_count("الهدف ١٧") == 5  # digits and spaces are not letters
    assert latin_letter_count("Ça va, Łódź 12") == 8


@pytest.mark.parametrize(
    ("text", "mostly_arabic"),
    [
        ("اعتمدت الوزارة خطة وطنية", True),
        ("أطلقت المنظمة الدولية للهجرة (IOM) برنامجا", True),  # a Latin acronym inside
        ("The minister quoted the proverb الصبر مفتاح in English.", False),
        ("١٢٣", False),  # Arabic digits but no letters
        ("ab جد", True),  # as many Arabic letters as Latin ones
        ("plain text", False),
    ],
)
def test_is_mostly_arabic(text: str, mostly_arabic: bool) -> None:
    assert is_mostly_arabic(text) is mostly_arabic
    assert text_direction(text) == ("rtl" if mostly_arabic else "ltr")
