"""Explicit references (sentence splitting and matching normalisation: tests/languages)."""

from __future__ import annotations

from gcm_review.model import TagInput
from gcm_review.tagging.explicit import TITLE_ONLY, explicit_scores, speaks_to_references


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
