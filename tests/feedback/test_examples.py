"""Analysts' decisions and reviews become training examples: the trust rule."""

from __future__ import annotations

from gcm_review.feedback.examples import FEEDBACK_WEIGHT, feedback_examples_from, paragraph_id_of
from gcm_review.model import TagInput
from gcm_review.model.coding import AnalystDecision, Coding

LABELS = ["objective:1", "objective:2", "objective:3", "principle:x"]
TEXTS = {
    1: TagInput("Paragraph one.", "en"),
    2: TagInput("Paragraphe deux.", "fr"),
    3: TagInput("Paragraph three.", "en"),
}


def decision(paragraph: int, label: str, accepted: bool, source: str = "model") -> AnalystDecision:
    para = TEXTS[paragraph]
    return AnalystDecision(paragraph, label, accepted, source, "gcm-tagger.v1", para.text, None, ())


def test_tag_decisions_know_only_their_labels() -> None:
    decisions = [
        decision(1, "objective:1", True),
        decision(1, "objective:2", False),
        decision(1, "principle:x", True, source="analyst"),
    ]
    [example] = feedback_examples_from(decisions, [], TEXTS, labels=LABELS)
    assert example.id == "paragraph-1" and paragraph_id_of(example) == 1
    assert example.text == "Paragraph one." and example.language == "en"
    assert example.labels == {"objective:1", "principle:x"}
    assert example.known == {"objective:1", "objective:2", "principle:x"}
    assert not example.knows("objective:3")
    assert example.weight == FEEDBACK_WEIGHT


def test_whole_reviews_know_every_label_unless_coders_disagree() -> None:
    codings = [
        Coding(2, "ana", frozenset({"objective:1", "objective:2"})),
        Coding(2, "ben", frozenset({"objective:1"})),
        Coding(3, "ana", frozenset({"objective:3"})),
    ]
    two, three = feedback_examples_from([], codings, TEXTS, labels=LABELS, weight=3)
    assert two.labels == {"objective:1"}
    assert two.known == {"objective:1", "objective:3", "principle:x"}  # objective:2 disputed
    assert three.labels == {"objective:3"} and three.known is None and three.knows("objective:1")
    assert three.weight == 3


def test_a_decision_settles_a_disputed_label_and_later_decisions_win() -> None:
    codings = [
        Coding(2, "ana", frozenset({"objective:1", "objective:2"})),
        Coding(2, "ben", frozenset({"objective:1"})),
    ]
    decisions = [
        decision(2, "objective:2", False),
        decision(2, "objective:2", True, source="analyst"),
        decision(2, "objective:1", False),
    ]
    [example] = feedback_examples_from(decisions, codings, TEXTS, labels=LABELS)
    assert example.labels == {"objective:2"}
    assert example.known is None


def test_nothing_known_gives_no_example() -> None:
    codings = [Coding(1, "ana", frozenset(LABELS)), Coding(1, "ben", frozenset())]
    assert feedback_examples_from([], codings, TEXTS, labels=LABELS) == []
    assert feedback_examples_from([], [], TEXTS, labels=LABELS) == []
