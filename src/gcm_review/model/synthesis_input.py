"""What the synthesis reads from the store, and the attention rule the settings give it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gcm_review.model.stored import ReviewParagraph

AttentionCategory = Literal["greatest", "some", "not-reported"]
ATTENTION_CATEGORIES: tuple[AttentionCategory, ...] = ("greatest", "some", "not-reported")


@dataclass(frozen=True)
class AttentionRule:
    """How objectives are sorted into attention categories (settings, readable by analysts)."""

    greatest_share: float  # at least this share of reporting countries: greatest attention
    some_share: float  # at least this share: some attention; below: not reported in most

    def category(self, share: float) -> AttentionCategory:
        if share >= self.greatest_share:
            return "greatest"
        if share >= self.some_share:
            return "some"
        return "not-reported"

    def describe(self) -> str:
        return (
            f"greatest attention: addressed by at least {self.greatest_share:.0%} of reporting "
            f"countries; some attention: at least {self.some_share:.0%}; otherwise not reported "
            "in most reviews. Counted over member-state statements only."
        )


@dataclass(frozen=True)
class DocumentInfo:
    """One document that went into the synthesis."""

    id: int
    name: str
    title: str | None
    language: str | None
    paragraphs: int
    copy_of: str | None = None  # the document it repeats (same report in another format)
    version: int = 1  # the stored version of its name
    format: str = ""
    repairs: int = 0  # extraction repairs the ingest recorded: fewer per paragraph is cleaner
    owner: str | None = None  # a focal point's country when one uploaded it; None: secretariat
    signature: tuple[int, ...] | None = None  # store.signatures; None: from its paragraphs
    superseded_by: str | None = None  # the newer version that counts instead
    review_cycle: str | None = None  # as an analyst filed it: two cycles are two reports

    @property
    def counted(self) -> bool:
        """Whether its paragraphs count (it is neither a copy nor a superseded version)."""
        return self.copy_of is None and self.superseded_by is None


@dataclass(frozen=True)
class SectionInfo:
    """A heading of a stored document, as the synthesis needs it (roundtables, annexes)."""

    document_id: int
    title: str
    kind: str  # "roundtable", "country", "annex", "chapter", ...
    objective_refs: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReviewInput:
    """What the synthesis reads: documents, their headings and their tagged paragraphs."""

    documents: tuple[DocumentInfo, ...]
    sections: tuple[SectionInfo, ...]
    paragraphs: tuple[ReviewParagraph, ...]
    # Pairs of documents of different uploaders an analyst accepted as one report.
    accepted_pairs: frozenset[frozenset[int]] = frozenset()
