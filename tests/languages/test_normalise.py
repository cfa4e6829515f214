"""Whitespace, digits and word counts."""

from __future__ import annotations

from gcm_review.languages import ascii_digits, clean_text, word_count


def test_clean_text_collapses_every_kind_of_space() -> None:
    assert clean_text("  a\tb\r\nc\u00a0\u00a0d\u202fe\u3000f  ") == "a b c d e f"
    assert clean_text(" plain ascii ") == "plain ascii"


def test_ascii_digits_keeps_the_length() -> None:
    assert ascii_digits("الهدف ١٧ و۲۳") == "الهدف 17 و23"
    assert ascii_digits("objective 17") == "objective 17"


def test_word_count() -> None:
    assert word_count("  one two\tthree\n") == 3
    assert word_count("") == 0
