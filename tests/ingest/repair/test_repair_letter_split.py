from __future__ import annotations

from collections import Counter

import pytest

from gcm_review.ingest.repair.edits import apply_edits
from gcm_review.ingest.repair.letter_split import (
    LETTER_SPLIT,
    mend_letter_splits,
    mend_spaced_letters,
    mend_tab_splits,
    mend_trailing_fragment,
)
from gcm_review.ingest.repair.vocabulary import Vocabulary

VOCABULARY = Vocabulary(counts=Counter({"plenary": 3, "session": 2, "paragraphs": 1}))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intro\tducti\ton\t1-9\t3", "Introduction\t1-9\t3"),
        ("I.\tKe\ty messages\t10\t4", "I.\tKey messages\t10\t4"),
        ("Chap\toter\t\t\t", "Chapter\t\t\t"),
        ("Ple\tnary session\t22-30\t9", "Plenary session\t22-30\t9"),
    ],
)
def test_tab_split_words_mended(text: str, expected: str) -> None:
    mended, edits = mend_tab_splits(text, vocabulary=VOCABULARY)
    assert mended == expected
    assert all(edit.kind == LETTER_SPLIT for edit in edits)
    assert apply_edits(text, edits) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Paragraphs\tPage",  # two words: a column break
        "Introduction\t1-9\t3",
        "A.\tOpening session\t11-18\t6",
        "Plenary session 4: Cross\t\t",
        "Qwe\trty",  # joined is no word either
    ],
)
def test_legitimate_tabs_kept(text: str) -> None:
    assert mend_tab_splits(text, vocabulary=VOCABULARY) == (text, [])


def test_several_splits_in_one_line_replay() -> None:
    text = "Intro\tducti\ton and Ke\ty points"
    mended, edits = mend_tab_splits(text, vocabulary=VOCABULARY)
    assert mended == "Introduction and Key points"
    assert [edit.offset for edit in edits] == [0, 17]
    assert apply_edits(text, edits) == mended


def test_trailing_fragment_returns_to_its_word() -> None:
    text = "the Global Compact for Migrat in the region, as well\tion"
    mended, edits = mend_trailing_fragment(text, vocabulary=VOCABULARY)
    assert mended == "the Global Compact for Migration in the region, as well"
    assert apply_edits(text, edits) == mended


def test_trailing_fragment_left_when_ambiguous_or_a_word() -> None:
    assert mend_trailing_fragment("Informat and migrat\tion", vocabulary=VOCABULARY)[1] == []
    assert mend_trailing_fragment("a title\tsession", vocabulary=VOCABULARY)[1] == []


def test_spaced_letters_closed_up() -> None:
    text = "I n t r o d u c t i o n  t o  t h e  r e p o r t"
    mended, edits = mend_spaced_letters(text, vocabulary=VOCABULARY)
    assert mended.startswith("Introduction")
    assert len(edits) == 1
    assert mend_spaced_letters("K e y m e s s a g e s", vocabulary=VOCABULARY)[0] == (
        "Key messages"
    )


def test_spaced_letters_left_when_no_word_comes_out() -> None:
    text = "options a b c d were listed; x q z w"
    assert mend_spaced_letters(text, vocabulary=VOCABULARY) == (text, [])


def test_prose_untouched() -> None:
    text = "Mr. Al-Khatib (IOM) said: 'a b' is fine in Q&A, 1.6 per cent."
    assert mend_letter_splits(text, vocabulary=VOCABULARY) == (text, [])
