"""The stored records: a tag, a paragraph and a document, each defined once with its fields.

The web views, the JSON API, the `ingest --format json` output and the CSV and JSONL tables of a
review take their fields from these dataclasses (`field_names`, `record_fields`), so a field added
here shows up in all of them. A tag's status is a `TagStatus`, stored as its plain string, and
`label_counts` is the one rule for whether the synthesis counts a label of a paragraph, and
`kind_counts` whether it counts the paragraph at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum
from functools import cached_property
from typing import Any, Protocol

MODEL_SOURCE = "model"  # a tag the tagger proposed
NON_SUBSTANTIVE = "non-substantive"  # a paragraph kind: a dateline, disclaimer, repeated title ...
UNCOUNTED_KINDS = frozenset({"contents", NON_SUBSTANTIVE})
ANALYST_SOURCE = "analyst"  # a tag an analyst added


class TagStatus(StrEnum):
    """Where an analyst's review left a tag; the value is what the database stores."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


def kind_counts(kind: str) -> bool:
    """Whether the synthesis counts a paragraph of this kind at all: a table of contents line
    or a non-substantive line (dateline, disclaimer, ...) is kept and may be tagged, but never
    enters the matrix, the attention shares, the profiles or the recommendations."""
    return kind not in UNCOUNTED_KINDS


def tag_counts(status: str, *, decided: bool, source: str) -> bool:
    """Whether one tag, taken alone, counts: an analyst accepted it, or nobody has judged it yet
    and it is the tagger's own decision (its probability reached the label's threshold).

    The synthesis asks `label_counts` instead, which also weighs the label's other tags."""
    return status == TagStatus.ACCEPTED or (
        status == TagStatus.PROPOSED and decided and source == MODEL_SOURCE
    )


class CountedTag(Protocol):
    """What `label_counts` reads of a tag (a table row or a `StoredTag`)."""

    @property
    def id(self) -> int: ...
    @property
    def status(self) -> str: ...
    @property
    def decided(self) -> bool: ...
    @property
    def source(self) -> str: ...


def decision_order(tag: CountedTag) -> tuple[bool, int]:
    """Sort key of analysts' decisions on one label, the one that stands last: a tag an analyst
    added over a judged proposal, then a newer tag (a larger id) over an older one."""
    return (tag.source == ANALYST_SOURCE, tag.id)


def label_counts(tags: Iterable[CountedTag]) -> bool:
    """Whether the synthesis counts a label of a paragraph, given every tag of that label on it.

    An analyst's decision always stands: when any of the tags was accepted or rejected, the
    decision standing last (`decision_order`) says, whatever proposals sit beside it (databases
    of earlier versions may hold a fresh proposal next to a rejection). Otherwise the label
    counts when the tagger decided it (`tag_counts`)."""
    tags = list(tags)
    judged = [tag for tag in tags if tag.status != TagStatus.PROPOSED]
    if judged:
        return max(judged, key=decision_order).status == TagStatus.ACCEPTED
    return any(tag_counts(t.status, decided=t.decided, source=t.source) for t in tags)


@dataclass(frozen=True)
class StoredTag:
    """A tag on a paragraph, with its evidence."""

    id: int
    paragraph_id: int
    label: str  # "objective:6" or "principle:human-rights"
    probability: float
    decided: bool  # the probability reached the label's threshold
    source: str  # "model" or "analyst"
    tagger: str  # versioned tagger name, or the analyst's account name
    status: TagStatus
    evidence: tuple[dict[str, Any], ...]
    created_at: datetime

    @property
    def counts(self) -> bool:
        """Whether it counts taken alone (`tag_counts`); the synthesis weighs the label's other
        tags on the paragraph too (`label_counts`)."""
        return tag_counts(self.status, decided=self.decided, source=self.source)


@dataclass(frozen=True, kw_only=True)
class StoredParagraph:
    """A stored paragraph: its place in its document, its text and who speaks in it."""

    id: int
    document_id: int
    seq: int
    number: str | None = None
    kind: str = "paragraph"
    section: tuple[str, ...] = ()
    text: str
    page: int | None = None
    language: str | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    organisation: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    stakeholder_group: str | None = None


@dataclass(frozen=True, kw_only=True)
class ParagraphView(StoredParagraph):
    """A paragraph with all its tags, most likely first (web pages and the API)."""

    tags: tuple[StoredTag, ...] = ()


@dataclass(frozen=True)
class ParagraphTag:
    """A tag that counts for the synthesis: decided by the tagger or accepted by an analyst."""

    label: str  # "objective:6" or "principle:human-rights"
    probability: float
    source: str  # "model" or "analyst"
    status: TagStatus  # proposed or accepted
    sentence: str | None = None  # the sentence the evidence points at, when there is one
    tagger: str = ""  # the versioned tagger, or the analyst's name


@dataclass(frozen=True, kw_only=True)
class ReviewParagraph(StoredParagraph):
    """A paragraph as the synthesis reads it: with its document's name and its counted tags."""

    document: str  # the source file name
    tags: tuple[ParagraphTag, ...] = ()

    @property
    def anchor(self) -> str:
        """The id of this paragraph's element in a rendered report."""
        return f"p{self.id}"

    @cached_property  # frozen: computed once, on first use
    def objectives(self) -> tuple[int, ...]:
        return tuple(
            sorted(
                int(t.label.split(":")[1]) for t in self.tags if t.label.startswith("objective:")
            )
        )

    @cached_property
    def principles(self) -> tuple[str, ...]:
        return tuple(
            sorted(t.label.split(":", 1)[1] for t in self.tags if t.label.startswith("principle:"))
        )

    @property
    def counted(self) -> bool:
        """Whether the synthesis counts this paragraph (`kind_counts`)."""
        return kind_counts(self.kind)

    @property
    def is_member_state(self) -> bool:
        return self.stakeholder_group == "member-state" and self.country is not None

    def tag(self, label: str) -> ParagraphTag | None:
        return next((t for t in self.tags if t.label == label), None)


@dataclass(frozen=True)
class StoredDocument:
    """A stored document version's header."""

    id: int
    name: str  # the source file name
    version: int
    format: str
    title: str | None
    language: str | None
    country: str | None
    uploaded_by: str | None
    ingested_at: datetime
    uploader_id: int | None  # the uploading account's id, kept after the account is deleted
    uploader_country: str | None  # a focal point's country when a focal point uploaded it
    kind: str | None  # "national-review", "conference-record", ... as an analyst filed it
    review_cycle: str | None  # "2024", ... as an analyst filed it


PARAGRAPH_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(StoredParagraph))
TAG_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(StoredTag))
DOCUMENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(StoredDocument))


def field_names(record_type: type[StoredParagraph | StoredTag | StoredDocument]) -> tuple[str, ...]:
    """The fields one of the stored records defines, in order (a subclass's own ones excluded)."""
    if issubclass(record_type, StoredParagraph):
        return PARAGRAPH_FIELDS
    if issubclass(record_type, StoredTag):
        return TAG_FIELDS
    return DOCUMENT_FIELDS


def record_fields(record: StoredParagraph | StoredTag | StoredDocument) -> dict[str, Any]:
    """The record's defined fields as a flat dict, in order (values as they are)."""
    return {name: getattr(record, name) for name in field_names(type(record))}
