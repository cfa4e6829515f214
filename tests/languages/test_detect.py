"""Language detection by script and stopwords (languages/detect.py)."""

from __future__ import annotations

import pytest

from gcm_review.languages import detect_language, document_language, majority_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The ministry has adopted a plan for the protection of workers and their families.", "en"),
        (
            (
                "Le ministère a adopté un plan pour la protection des travailleurs et de leurs "
                "familles."
            ),
            "fr",
        ),
        (
            "El ministerio adoptó un plan para la protección de los trabajadores y sus familias.",
            "es",
        ),
        (
            "O ministério adotou um plano para a proteção dos trabalhadores e das suas famílias.",
            "pt",
        ),
        (
            "Das Ministerium hat einen Plan für den Schutz der Arbeitnehmer und ihrer Familien.",
            "de",
        ),
        ("اعتمدت الوزارة خطة لحماية العمال المهاجرين وأسرهم في جميع المحافظات.", "ar"),
        (
            "Министерство приняло план по защите трудящихся-мигрантов и их семей.",
            "ru",
        ),
        ("外交部通过了一项保护移民工人及其家庭的计划。", "zh"),
    ],
)
def test_detects_the_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "Iraq", "1. Libya", "COVID-19"])
def test_too_little_text_gives_none(text: str) -> None:
    assert detect_language(text) is None


def test_document_language_is_weighted_by_length() -> None:
    long_english = "The delegates of the region have shared their plans for the coming years. " * 3
    short_french = "Le plan est prêt et les délégués sont là."
    assert document_language([short_french, short_french, long_english]) == "en"


def test_majority_language_ignores_unknown_paragraphs() -> None:
    assert majority_language([(None, 500), ("fr", 20), ("en", 10)]) == "fr"
    assert majority_language([(None, 5)]) is None


def test_script_decides_before_latin_stopwords() -> None:
    quoted = "Le rapport cite «Министерство приняло план по защите трудящихся-мигрантов»."
    assert detect_language(quoted) == "ru"
    assert (
        detect_language("The report (报告) of the ministry was adopted by the government.") == "en"
    )
