"""Search forms: Arabic clitics stripped, plural endings taken off, all folded."""

from __future__ import annotations

import pytest

from gcm_review.languages import search_forms, stem


@pytest.mark.parametrize(
    ("words", "language"),
    [
        (("مهاجرين", "المهاجرين", "والمهاجرين", "للمهاجرين", "مهاجر"), "ar"),
        (("عمال", "العمال", "والعمال", "العُمّال"), "ar"),
        (("بالخارج", "الخارج", "خارج"), "ar"),
        (("الهجرة", "للهجرة", "هجرة"), "ar"),
        (("remittance", "remittances", "Remittances"), "en"),
        (("migrant", "migrants"), "en"),
        (("policy", "policies"), "en"),
        (("travailleur", "travailleurs"), "fr"),
        (("national", "nationaux"), "fr"),
        (("migración", "migraciones", "migracion"), "es"),
        (("trabajador", "trabajadores"), "es"),
        (("migração", "migrações"), "pt"),
        (("nacional", "nacionais"), "pt"),
    ],
)
def test_inflections_share_a_stem(words: tuple[str, ...], language: str) -> None:
    assert len({stem(word, language) for word in words}) == 1


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [
        ("المهاجرين", "ar", "مهاجر"),
        ("بالخارج", "ar", "خارج"),
        ("العمال", "ar", "عمال"),
        ("remittances", "en", "remittance"),
        ("travailleurs", "fr", "travailleur"),
    ],
)
def test_stems(word: str, language: str, expected: str) -> None:
    assert stem(word, language) == expected


@pytest.mark.parametrize(
    ("word", "language"),
    [
        ("status", "en"),  # -us is not a plural
        ("process", "en"),  # nor is -ss
        ("bus", "en"),
        ("ولد", "ar"),  # a prefix is not stripped below three letters
        ("بلد", "ar"),
        ("دول", "ar"),
    ],
)
def test_short_or_protected_words_stay_whole(word: str, language: str) -> None:
    assert stem(word, language) == word


def test_unknown_language_only_folds() -> None:
    assert stem("Migrações", "xx") == "migracoes"
    assert stem("Arbeitnehmer", "de") == "arbeitnehmer"  # German has no stemming rules


def test_search_forms_are_the_folded_word_then_its_stem() -> None:
    assert search_forms("Migrants", "en") == ("migrants", "migrant")
    assert search_forms("migrant", "en") == ("migrant",)
    assert search_forms("المهاجرين", "ar") == ("المهاجرين", "مهاجر")
