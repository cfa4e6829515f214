"""The frozen records of a conference record's outline: its introduction, sessions and annexes.

Every sentence carries the paragraph it comes from (`Line.paragraph_id`): the renderers link it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gcm_review.synthesis.conference import ConferenceInfo
from gcm_review.synthesis.sessions import SessionKind

__all__ = [
    "AnnexList",
    "ConferenceInfo",
    "ConferenceOutline",
    "Line",
    "RecordAnnex",
    "SessionSummary",
    "SpeakerSummary",
    "StakeholderGroup",
]

Role = Literal["chair", "moderator", "speaker"]


@dataclass(frozen=True)
class Line:
    """A sentence of the draft taken or templated from one paragraph, with its number there."""

    text: str
    paragraph_id: int
    objectives: tuple[int, ...] = ()
    number: str | None = None  # the paragraph's or list item's own number in the record


@dataclass(frozen=True)
class SpeakerSummary:
    """One speaker's part in a session: who, and the statement in reported speech."""

    name: str | None
    title: str | None
    organisation: str | None
    country: str | None  # ISO3
    stakeholder_group: str | None
    lines: tuple[Line, ...]  # the opening sentence, then the strongest one when it differs
    paragraph_ids: tuple[int, ...]
    objectives: tuple[int, ...]  # addressed by the speaker's paragraphs


@dataclass(frozen=True)
class SessionSummary:
    """A session of the conference: who chaired, who spoke, what else was said."""

    kind: SessionKind
    title: str
    paragraph_ids: tuple[int, ...]
    chair: Line | None  # "The session was chaired by ..." as the record says it
    chair_role: Role | None
    speakers: tuple[SpeakerSummary, ...]
    points: tuple[Line, ...]  # sentences no speaker made ("Participants agreed that ...")
    objectives: tuple[int, ...] = ()  # under review (named in the heading)
    addressed: tuple[int, ...] = ()  # addressed by the session's paragraphs


@dataclass(frozen=True)
class StakeholderGroup:
    """A stakeholder group's inputs: its paragraphs and documents, each speaker summarised."""

    group: str  # "civil-society", "un-entity", ...
    paragraph_ids: tuple[int, ...]
    documents: tuple[str, ...]
    speakers: tuple[SpeakerSummary, ...]


@dataclass(frozen=True)
class AnnexList:
    """A list of an annex under its own heading ("To member States"), items as in the record."""

    heading: str
    items: tuple[Line, ...]


@dataclass(frozen=True)
class RecordAnnex:
    """An annex of the record (its recommendations, say), with its own headings and numbering."""

    title: str
    lists: tuple[AnnexList, ...]
    paragraph_ids: tuple[int, ...]


@dataclass(frozen=True)
class ConferenceOutline:
    """A conference record's own structure: introduction, sessions in order, annexes."""

    document: str
    document_id: int
    title: str | None
    introduction: tuple[Line, ...]
    sessions: tuple[SessionSummary, ...]
    annexes: tuple[RecordAnnex, ...]

    def of_kind(self, *kinds: SessionKind) -> tuple[SessionSummary, ...]:
        return tuple(s for s in self.sessions if s.kind in kinds)
