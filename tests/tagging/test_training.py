"""Training rows and the layer's threshold: chosen on paragraphs of real documents."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from gcm_review.tagging import training as training_module
from gcm_review.tagging.examples import Example
from gcm_review.tagging.semantic import LabelSpace
from gcm_review.tagging.training import training_rows


def test_an_example_without_a_source_document_is_a_written_one() -> None:
    written = Example("w1", "A written example.", frozenset({"objective:1"}), "en")
    real = Example("r1", "A rewritten paragraph.", frozenset(), "en", weight=3, group="doc-7")
    rows = training_rows([written, real])
    assert [row.real for row in rows] == [False, True]
    assert rows[1].group == "doc-7"
    assert [row.weight for row in rows] == [1, 3]


@pytest.mark.parametrize(("chosen", "expected"), [(3, 3), (0, 10)])
def test_the_threshold_is_chosen_on_the_real_rows_only(
    monkeypatch: pytest.MonkeyPatch, chosen: int, expected: int
) -> None:
    seen: list[int] = []

    def recorder(probabilities: Any, targets: Any) -> float:
        seen.append(len(probabilities))
        return 0.5

    monkeypatch.setattr(training_module, "best_threshold", recorder)
    rows = 10
    rng = np.random.default_rng(1)
    tensor = rng.normal(size=(rows, 1, 2)).astype(np.float32)
    targets = (tensor[:, :, 0] > 0).reshape(rows, 1)
    space = LabelSpace(("objective:1",), np.zeros((1, 2)), np.zeros((0, 2)), np.zeros((0, 1)))
    choosing = np.arange(rows) < chosen
    folds = np.arange(rows, dtype=np.int64) % 5
    counts = np.ones((rows, 1), dtype=np.int64)
    model = training_module._fit_kind(tensor, space, targets, counts, folds, choosing, "objective")
    assert seen == [expected] and model.threshold == 0.5
