from __future__ import annotations

from gcm_review.frameworks import load_framework
from gcm_review.frameworks.labels import framework_labels


def test_framework_labels() -> None:
    labels = framework_labels(load_framework())
    assert len(labels) == 33
    assert labels[0] == "objective:1" and "principle:human-rights" in labels
