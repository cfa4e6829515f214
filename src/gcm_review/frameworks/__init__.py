"""Review frameworks as data: the GCM's objectives, guiding principles and term lists."""

from gcm_review.frameworks.loader import (
    LANGUAGES,
    STRONG_WEIGHT,
    WEAK_WEIGHT,
    Framework,
    Objective,
    Principle,
    Term,
    load_framework,
    parse_framework,
)

__all__ = [
    "LANGUAGES",
    "STRONG_WEIGHT",
    "WEAK_WEIGHT",
    "Framework",
    "Objective",
    "Principle",
    "Term",
    "load_framework",
    "parse_framework",
]
