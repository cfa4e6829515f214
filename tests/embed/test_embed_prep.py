"""Text preparation: sentence-casing runs of capitals, cutting long texts at a sentence end."""

from __future__ import annotations

from gcm_review.embed.text_prep import sentence_case, truncate_text


def test_whole_text_in_capitals_becomes_sentence_case() -> None:
    assert sentence_case("KEY MESSAGES") == "Key messages"
    assert sentence_case("THE STATE OPENED A SHELTER. IT HELPS WOMEN.") == (
        "The state opened a shelter. It helps women."
    )


def test_acronyms_in_normal_text_are_kept() -> None:
    text = "The IOM and ESCWA office in Beirut (UN Network) met the ILO."
    assert sentence_case(text) == text


def test_run_of_capitals_inside_mixed_text() -> None:
    assert sentence_case("Note: ALL MIGRANT WORKERS NEED ACCESS to justice") == (
        "Note: All migrant workers need access to justice"
    )


def test_caseless_script_is_unchanged() -> None:
    text = "العمال المهاجرون 23."
    assert sentence_case(text) == text


def test_truncate_keeps_short_text_and_cuts_at_a_sentence_end() -> None:
    assert truncate_text("short", max_chars=100) == "short"
    text = "First sentence here. " * 10 + "tail words without end " * 10
    cut = truncate_text(text, max_chars=300)
    assert len(cut) <= 300
    assert cut.endswith("here.")


def test_truncate_falls_back_to_a_space_then_a_hard_cut() -> None:
    cut = truncate_text("word " * 100, max_chars=52)
    assert cut.endswith("word") and len(cut) <= 52
    assert truncate_text("x" * 80, max_chars=50) == "x" * 50
