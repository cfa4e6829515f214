"""Review frameworks as data: numbered labels, what they are called and how texts cite them,
guiding principles, term lists, clusters and training examples (the GCM's in `gcm.toml`)."""

from gcm_review.frameworks.loader import (
    DEFAULT_FRAMEWORK,
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
from gcm_review.frameworks.references import LabelWord, References

__all__ = [
    "DEFAULT_FRAMEWORK",
    "LANGUAGES",
    "STRONG_WEIGHT",
    "WEAK_WEIGHT",
    "Framework",
    "LabelWord",
    "Objective",
    "Principle",
    "References",
    "Term",
    "load_framework",
    "parse_framework",
]
