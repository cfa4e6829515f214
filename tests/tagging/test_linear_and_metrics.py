"""The linear layer, the threshold choice and the evaluation metrics, on numbers built here."""

from __future__ import annotations

import numpy as np

from gcm_review.tagging.evaluate import label_metrics
from gcm_review.tagging.linear import best_threshold, fit_logistic


def test_logistic_regression_separates_and_calibrates() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] + 0.2 * rng.normal(size=400)) > 0.5
    model = fit_logistic(x, y, l2=0.1)
    p = model.probabilities(x)
    assert ((p >= 0.5) == y).mean() > 0.9
    assert abs(p.mean() - y.mean()) < 0.02  # calibrated on average
    assert model.weights[0] > abs(model.weights[1])


def test_best_threshold_maximises_f1() -> None:
    p = np.array([0.9, 0.8, 0.35, 0.3, 0.1])
    y = np.array([True, True, True, False, False])
    assert best_threshold(p, y) == 0.35


def test_on_a_flat_optimum_the_middle_threshold_is_taken() -> None:
    # Every threshold from 0.35 to 0.80 is perfect; 0.60 is the middle of those ten.
    p = np.array([0.9, 0.8, 0.3, 0.1])
    y = np.array([True, True, False, False])
    assert best_threshold(p, y) == 0.6
    # Predictions without one right answer at any threshold: the middle of the grid.
    assert best_threshold(np.array([0.2, 0.7]), np.array([False, False])) == 0.5


def test_micro_and_macro_by_hand() -> None:
    gold = [frozenset({"a"}), frozenset({"a", "b"}), frozenset()]
    predicted = [frozenset({"a"}), frozenset({"b", "c"}), frozenset({"a"})]
    report = label_metrics(gold, predicted, ["a", "b", "c"])
    # a: tp 1, fp 1, fn 1; b: tp 1; c: fp 1  -> micro tp 2, fp 2, fn 1
    assert report["micro"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714}
    assert report["per_label"]["a"]["f1"] == 0.5
    assert report["per_label"]["c"]["support"] == 0
    assert report["macro"]["f1"] == 0.75  # mean over a and b, the labels present in gold
