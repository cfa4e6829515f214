"""Sentence splitting, matching normalisation and explicit references."""

from __future__ import annotations

from gcm_review.model import TagInput
from gcm_review.tagging.explicit import TITLE_ONLY, explicit_scores, speaks_to_references
from gcm_review.tagging.sentences import normalise_for_matching, split_sentences


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


def test_matching_normalisation() -> None:
    assert normalise_for_matching("Whole-of-Government  approach") == "whole of government approach"
    assert normalise_for_matching("الإحصاءات الوطنية") == "الاحصاءات الوطنيه"


def test_explicit_references_in_text_and_headings() -> None:
    text = (
        "The delegate of the ministry spoke at length to objective 20 and to objectives 4 and 9, "
        "describing what her government had done since the last review."
    )
    found = explicit_scores(TagInput(text, None, (4, 8)))
    assert found["objective:20"].score == 1.0
    assert found["objective:4"].score == 1.0  # named in the text beats the heading
    assert found["objective:8"].score == 0.5
    assert found["objective:9"].matched == ("objectives 4 and 9",)


def test_a_title_line_does_not_speak_to_the_objectives_it_lists() -> None:
    title = "Roundtable 2: Review of objectives 4, 8, 9, 10, 11, 13 and 21 of the Global Compact"
    assert not speaks_to_references(title)
    assert explicit_scores(TagInput(title))["objective:4"].score == TITLE_ONLY
