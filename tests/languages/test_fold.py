"""Folding: Arabic letter variants and marks, search form, term-matching form."""

from __future__ import annotations

import pytest

from gcm_review.languages import (
    fold_arabic,
    fold_arabic_letters,
    fold_han,
    normalise_for_matching,
    search_fold,
)


def test_matching_normalisation() -> None:
    assert normalise_for_matching("Whole-of-Government  approach") == "whole of government approach"
    assert normalise_for_matching("الإحصاءات الوطنية") == "الاحصاءات الوطنيه"


def test_matching_normalisation_writes_chinese_in_simplified_characters() -> None:
    assert normalise_for_matching("保障移工人權") == "保障移工人权"
    assert normalise_for_matching("保障移工人权") == "保障移工人权"


def test_fold_han_changes_only_chinese_characters() -> None:
    assert fold_han("國際移民組織 (IOM) 2024年報告") == "国际移民组织 (IOM) 2024年报告"
    assert fold_han("Права мигрантов, حقوق المهاجرين") == "Права мигрантов, حقوق المهاجرين"


def test_matching_normalisation_of_apostrophes_and_dashes() -> None:
    assert normalise_for_matching("L’État – des migrants") == "l'état   des migrants"


def test_fold_arabic_drops_marks_and_tatweel_and_unifies_letters() -> None:
    assert fold_arabic("العُمّال") == "العمال"
    assert fold_arabic("الهجـــرة") == "الهجره"
    assert fold_arabic("إلى مؤسسة آمنة") == "الي موسسه امنه"
    assert fold_arabic("Plain text") == "Plain text"


def test_letter_folding_keeps_the_length() -> None:
    text = "أهداف الهجرة الآمنة، ٢٠٢١"
    folded = fold_arabic_letters(text)
    assert folded == "اهداف الهجره الامنه، ٢٠٢١"
    assert len(folded) == len(text)
    assert fold_arabic_letters("no Arabic") == "no Arabic"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Migration", "migration"),
        ("migración", "migracion"),
        ("العُمّال", "العمال"),
        ("الأمم المتحدة", "الامم المتحده"),
        ("\ufefb", "لا"),  # the lam-alef ligature (presentation form) decomposes
        ("Straße", "strasse"),
    ],
)
def test_search_fold(text: str, folded: str) -> None:
    assert search_fold(text) == folded
