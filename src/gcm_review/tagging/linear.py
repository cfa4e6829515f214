"""A small L2-regularised logistic regression (Newton steps), and threshold choice by F1."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

PLATEAU_F1 = 0.001  # thresholds this close to the best F1 count as equally good

Array = NDArray[np.float64]


@dataclass(frozen=True)
class LogisticModel:
    """Weights (bias last) of a fitted logistic regression."""

    weights: tuple[float, ...]

    def probabilities(self, features: NDArray[np.floating]) -> Array:
        x = _with_bias(np.asarray(features, dtype=np.float64))
        return _sigmoid(x @ np.array(self.weights))


def _with_bias(features: Array) -> Array:
    return np.hstack([features, np.ones((features.shape[0], 1))])


def _sigmoid(z: Array) -> Array:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit_logistic(
    features: NDArray[np.floating],
    targets: NDArray[np.bool_],
    *,
    l2: float = 1.0,
    steps: int = 25,
) -> LogisticModel:
    """Fit by Newton's method; the bias is not penalised."""
    x = _with_bias(np.asarray(features, dtype=np.float64))
    y = targets.astype(np.float64)
    weights = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = _sigmoid(x @ weights)
        gradient = x.T @ (p - y) + penalty * weights
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if float(np.abs(step).max()) < 1e-6:
            break
    return LogisticModel(tuple(float(w) for w in weights))


def best_threshold(probabilities: Array, targets: NDArray[np.bool_]) -> float:
    """The decision threshold (0.05 steps) that maximises micro-F1 on these predictions.

    When several thresholds come within PLATEAU_F1 of the best F1, the middle one of them is
    taken: on a flat optimum, which edge wins is chance, and the middle moves least between
    trainings."""
    grid = [step / 100 for step in range(10, 91, 5)]
    scores = [_micro_f1(probabilities >= threshold, targets) for threshold in grid]
    best = max(scores)
    near = [t for t, f1 in zip(grid, scores, strict=True) if f1 >= best - PLATEAU_F1]
    return round(near[len(near) // 2], 2)


def _micro_f1(predicted: NDArray[np.bool_], targets: NDArray[np.bool_]) -> float:
    tp = float((predicted & targets).sum())
    fp = float((predicted & ~targets).sum())
    fn = float((~predicted & targets).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
