"""Structure stage: title, sections, numbered paragraphs, objective references, attribution."""

from __future__ import annotations

from gcm_review.structure.pipeline import structure

__all__ = ["structure"]
