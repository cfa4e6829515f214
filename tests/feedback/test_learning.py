"""The tagger learns from feedback: label space, masked training rows, masked scores."""

from __future__ import annotations

import numpy as np
import pytest

from gcm_review.embed import get_embedder
from gcm_review.feedback.evaluation import masked_scores, predicted_labels
from gcm_review.frameworks import load_framework
from gcm_review.model import TagInput
from gcm_review.tagging.examples import Example, training_examples
from gcm_review.tagging.run import load_tagger
from gcm_review.tagging.training import feedback_rows, train_tagger

HARBOUR = (
    "The Zorblan council approved the quarterly harbour levy for fishing cooperatives in "
    "district {}."
)
FEEDBACK = [
    Example(f"paragraph-{n}", HARBOUR.format(place), frozenset({"objective:19"}), "en", None, 2)
    for n, place in enumerate(("north", "south", "east", "west"))
]
NEW = TagInput(
    "The Zorblan council approved the yearly harbour levy for fishing cooperatives in the "
    "capital district.",
    "en",
)


def test_feedback_joins_the_label_space_and_trains_on_known_labels() -> None:
    examples = training_examples()[:40]
    partial = Example(
        "paragraph-9",
        "A partly reviewed paragraph.",
        frozenset({"objective:2"}),
        "en",
        frozenset({"objective:2", "objective:3"}),
        3,
    )
    tagger = train_tagger(
        load_framework(), get_embedder("fake.v1"), examples, feedback=[*FEEDBACK, partial]
    )
    space = tagger.space
    assert space.examples.shape[0] == len(examples) + 5
    column = space.labels.index("objective:19")
    assert space.example_labels[len(examples) : len(examples) + 4, column].all()
    [row] = feedback_rows([partial], first=7)
    assert row.sources == (7,) and row.known == {"objective:2", "objective:3"} and row.weight == 3


def test_weights_change_the_fit() -> None:
    examples = training_examples()[:40]
    framework, fake = load_framework(), get_embedder("fake.v1")
    once = [Example(e.id, e.text, e.labels, e.language, e.known, 1) for e in FEEDBACK]
    light = train_tagger(framework, fake, examples, feedback=once)
    heavy = train_tagger(framework, fake, examples, feedback=FEEDBACK)
    light_model, heavy_model = light.kinds["objective"].model, heavy.kinds["objective"].model
    assert light_model is not None and heavy_model is not None
    assert light_model.weights != heavy_model.weights


def test_masked_scores_count_only_known_labels() -> None:
    labels = ["objective:1", "objective:2", "principle:x"]
    examples = [
        Example("a", "a", frozenset({"objective:1"}), known=None),
        Example("b", "b", frozenset({"objective:2"}), known=frozenset({"objective:2"})),
    ]
    predicted = np.array([[True, True, True], [True, False, True]])
    scores = masked_scores(examples, predicted, labels)
    # a: objective:1 tp, objective:2 fp, principle:x fp. b: objective:2 fn; its objective:1 and
    # principle:x are unknown, so not counted. Objectives: tp 1, fp 1, fn 1 -> P = R = F1 = 0.5.
    assert scores["objectives"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert scores["principles"]["precision"] == 0.0 and scores["principles"]["support"] == 0
    assert scores["paragraphs"] == 2 and scores["decisions"] == 3 + 1


def test_predictions_leave_out_near_copies(fake_tagger_examples: list[Example]) -> None:
    tagger = train_tagger(load_framework(), get_embedder("fake.v1"), fake_tagger_examples)
    predicted = predicted_labels(tagger, fake_tagger_examples[:3])
    assert predicted.shape == (3, len(tagger.space.labels)) and predicted.dtype == bool
    assert predicted_labels(tagger, []).shape == (0, len(tagger.space.labels))


@pytest.fixture
def fake_tagger_examples() -> list[Example]:
    return training_examples()[:30]


@pytest.mark.model
def test_analysts_teach_a_label_the_model_missed() -> None:
    def decided(feedback: list[Example]) -> set[str]:
        tagger = load_tagger(embedder="usem3.v1", cache_path=None, feedback=feedback)
        [tags] = tagger.tag([NEW])
        return {tag.label for tag in tags if tag.decided}

    assert "objective:19" not in decided([])
    assert "objective:19" in decided(FEEDBACK)
