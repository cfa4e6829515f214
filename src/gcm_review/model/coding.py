"""Analysts' judgements as records: a coder's labels for a paragraph, a decision on one label,
the settled labels of a paragraph its coders disagreed on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from gcm_review.model import TagInput


@dataclass(frozen=True)
class Coding:
    """One coder's final label set for one paragraph."""

    paragraph_id: int
    coder: str
    labels: frozenset[str]


@dataclass(frozen=True)
class Adjudication:
    """The labels an analyst settled for a paragraph its coders disagreed on: who, and when.

    Kept apart from the codings, so agreement is always measured on the independent codings.
    """

    paragraph_id: int
    labels: frozenset[str]
    adjudicator: str
    decided_at: datetime


@dataclass(frozen=True)
class AnalystDecision:
    """An analyst's say on one label of one paragraph."""

    paragraph_id: int
    label: str
    accepted: bool  # True: the label applies (accepted or added); False: rejected
    source: str  # "model" (a proposal the analyst judged) or "analyst" (added by hand)
    tagger: str  # the tagger that proposed it, or the analyst who added it
    text: str
    language: str | None
    section_objective_refs: tuple[int, ...]

    @property
    def tag_input(self) -> TagInput:
        """The paragraph as the tagger reads it."""
        return TagInput(self.text, self.language, self.section_objective_refs)
