"""Sentence splitting with every language's sentence ends and abbreviations."""

from __future__ import annotations

from gcm_review.languages import split_sentences
from gcm_review.languages.sentences import MAX_SENTENCE_CHARS, abbreviation_words, full_stops


def test_sentences_in_three_languages() -> None:
    text = "Mr. Haddad spoke first. The ministry opened a shelter! Was it enough? Yes."
    assert split_sentences(text) == [
        "Mr. Haddad spoke first.",
        "The ministry opened a shelter!",
        "Was it enough?",
        "Yes.",
    ]
    assert len(split_sentences("Le ministère a agi. Les résultats sont visibles.")) == 2
    assert len(split_sentences("افتتحت الوزارة مأوى. وتم تدريب الموظفين.")) == 2


def test_arabic_question_mark_and_full_stop_end_sentences() -> None:
    assert split_sentences("هل تكفي الموارد؟ لا تكفي۔ ما العمل") == [
        "هل تكفي الموارد؟",
        "لا تكفي۔",
        "ما العمل",
    ]


def test_abbreviations_of_each_language_do_not_end_sentences() -> None:
    assert len(split_sentences("Selon M. Dupont, le plan est prêt.")) == 1
    assert len(split_sentences("Vea el Art. 5 del acuerdo. La Sra. Gómez habló.")) == 2
    assert len(split_sentences("See e.g. The report of the Secretary-General.")) == 1


def test_a_lower_case_word_after_a_stop_does_not_start_a_sentence() -> None:
    assert split_sentences("The figure was 2.5 per cent. in 2020 it rose.") == [
        "The figure was 2.5 per cent. in 2020 it rose."
    ]


def test_empty_text_and_long_sentences() -> None:
    assert split_sentences("  \n ") == []
    (cut,) = split_sentences("word " * 400)
    assert len(cut) == MAX_SENTENCE_CHARS


def test_chinese_sentences_end_without_a_space() -> None:
    assert split_sentences("外交部通过了计划。它保护移民工人！是否足够？是的") == [
        "外交部通过了计划。",
        "它保护移民工人！",
        "是否足够？",
        "是的",
    ]


def test_russian_sentences_and_abbreviations() -> None:
    text = "План принят, т.е. Министерство согласилось. Работа начнётся в мае."
    assert split_sentences(text) == [
        "План принят, т.е. Министерство согласилось.",
        "Работа начнётся в мае.",
    ]


def test_full_stops_leave_out_clause_ends_and_unspaced_stops() -> None:
    assert set(full_stops()) == set(".!?؟۔")
    assert "Mr" in abbreviation_words() and "Mme" in abbreviation_words()


def test_a_semicolon_still_splits_sentences() -> None:
    assert split_sentences("The plan was adopted; The law followed.") == [
        "The plan was adopted;",
        "The law followed.",
    ]
