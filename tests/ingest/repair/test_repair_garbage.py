from __future__ import annotations

from collections import Counter

import pytest

from gcm_review.ingest.repair.edits import apply_edits
from gcm_review.ingest.repair.garbage import (
    CONTENT_STREAM_GARBAGE,
    find_garbage,
    remove_garbage,
    tokenize,
)
from gcm_review.ingest.repair.vocabulary import Vocabulary

VOCABULARY = Vocabulary(counts=Counter({"ministry": 4, "abroad": 2, "exempting": 2}))

RUN = (
    "brisco at 4 was the 2 (k) 4 bold k) 4 mira 173 m) 6 line 3 (173 w sorn) 6 line) (pail) 5 "
    "(37 for sorn) 6 line) (pail) (pail) 5 (37 for sorn) (pail) (pai"
)

CLEAN = [
    "The International Organization for Migration (IOM) and ESCWA (UN-ESCWA) met on 23 February.",
    "In line with article 9 (2) of the Convention, 1.6 per cent of 214 centres reported in 2019.",
    "A Q&A session followed; Q. 3 was on objectives 4, 8, 9, 10, 11, 13 and 21 (GFRID).",
    "Participants listed: (a) data; (b) policies; (c) funding, and a) b) c) as options.",
    "Over 21 memorandums, 35 per cent of the population, \\$ 60 billion sent in 2019 (approx.).",
    "The ET and Q items in table 3 (see annex II) were removed (cf. paragraph 12).",
    "Le Pacte mondial (PMM) vise 23 objectifs ; 1,6 % des migrants (art. 9) en 2021.",
    "Les États membres (voir § 4) ont adopté la résolution 73/195 le 19 décembre 2018.",
    "قدمت المنظمة الدولية للهجرة (IOM) تقريرا عن الهدف 23 في عام 2021 (انظر الفقرة 9).",
    "Ms. Smith (UNICEF) and Mr. Jones (ILO) spoke on parent(s) and child(ren) 2 to 3 times.",
]


def test_run_inside_a_sentence_removed_with_both_sides_kept() -> None:
    text = f"and providing technical {RUN} abroad, and exempting returnees from duties."
    cleaned, edits = remove_garbage(text, vocabulary=VOCABULARY)
    assert cleaned == "and providing technical abroad, and exempting returnees from duties."
    (edit,) = edits
    assert edit.kind == CONTENT_STREAM_GARBAGE
    assert edit.removed == RUN + " "
    assert edit.offset == text.index("brisco")
    assert apply_edits(text, edits) == cleaned


def test_kerning_tail_glued_to_a_word_removed() -> None:
    text = "the Government worked to secure a fair(ab)7(cd)-2(ef)g TJETQq1.2(ab)x"
    cleaned, edits = remove_garbage(text, vocabulary=VOCABULARY)
    assert cleaned == "the Government worked to secure a fair"
    assert [edit.removed for edit in edits] == ["(ab)7(cd)-2(ef)g TJETQq1.2(ab)x"]


def test_operators_between_sentences_removed() -> None:
    text = "It was agreed. BT /F1 12 Tf 72 712 Td (Hello) Tj ET Then the session closed."
    cleaned, _edits = remove_garbage(text, vocabulary=VOCABULARY)
    assert cleaned == "It was agreed. Then the session closed."


def test_glued_kerning_split_from_its_word() -> None:
    assert [token.text for token in tokenize("fair(ab)7(cd)-2 x")] == ["fair", "(ab)7(cd)-2", "x"]
    assert [token.text for token in tokenize("parent(s) child(ren)")] == ["parent(s)", "child(ren)"]


@pytest.mark.parametrize("sentence", CLEAN)
def test_clean_prose_untouched(sentence: str) -> None:
    assert find_garbage(sentence, vocabulary=VOCABULARY) == []
    assert remove_garbage(sentence, vocabulary=VOCABULARY) == (sentence, [])


def test_clean_prose_untouched_when_run_together() -> None:
    text = " ".join(CLEAN)
    assert find_garbage(text, vocabulary=VOCABULARY) == []
