"""The frozen records of the synthesis stage: what goes in (tagged paragraphs) and what comes out.

The input records (`ReviewInput` and its parts, `AttentionRule`) are defined in the neutral
`gcm_review.model`, since the store builds them and the settings give the rule; they are
re-exported here for the synthesis and its renderers.

Every claim of a synthesis carries the ids of the paragraphs behind it (`paragraph_ids`), so a
renderer can link each statement to its evidence; `ReviewParagraph.anchor` is the link target.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from gcm_review.model.stored import ParagraphTag, ReviewParagraph
from gcm_review.model.synthesis_input import (
    ATTENTION_CATEGORIES,
    AttentionCategory,
    AttentionRule,
    DocumentInfo,
    ReviewInput,
    SectionInfo,
)
from gcm_review.synthesis.outline_records import (
    ConferenceInfo,
    ConferenceOutline,
    StakeholderGroup,
)

__all__ = [
    "ATTENTION_CATEGORIES",
    "PROFILE_STATEMENT_TYPES",
    "STATEMENT_TYPE_TITLES",
    "AttentionCategory",
    "AttentionRule",
    "CountryMatrix",
    "CountryProfile",
    "DocumentInfo",
    "DroppedRecommendation",
    "KeyMessage",
    "ObjectiveAttention",
    "ObjectiveEvidence",
    "ParagraphTag",
    "PrincipleCoverage",
    "Recommendation",
    "RecommendationSource",
    "ReviewInput",
    "ReviewParagraph",
    "RoundtableSummary",
    "SectionInfo",
    "Speaker",
    "Statement",
    "StatementType",
    "Synthesis",
]

# The kinds of statement a sentence makes; the first four fill a country profile.
StatementType = Literal[
    "achievement", "challenge", "commitment", "recommendation", "description", "procedural"
]
PROFILE_STATEMENT_TYPES: tuple[StatementType, ...] = (
    "achievement",
    "challenge",
    "commitment",
    "recommendation",
)
STATEMENT_TYPE_TITLES: dict[str, str] = {
    "achievement": "Achievements",
    "challenge": "Challenges and gaps",
    "commitment": "Priorities and commitments",
    "recommendation": "Recommendations",
    "description": "Descriptions",
    "procedural": "Procedural",
}


@dataclass(frozen=True)
class ObjectiveAttention:
    """One objective's attention category and the numbers behind it."""

    objective: int
    title: str
    category: AttentionCategory
    countries: tuple[str, ...]  # ISO3 of reporting countries that addressed it
    reporting_countries: int
    share: float
    paragraph_ids: tuple[int, ...]  # member-state paragraphs addressing it
    stakeholder_paragraph_ids: tuple[int, ...]  # other paragraphs addressing it


@dataclass(frozen=True)
class CountryMatrix:
    """Countries (rows) by objectives 1..N (columns): paragraphs substantively addressing each."""

    countries: tuple[tuple[str, str], ...]  # (ISO3, name)
    objectives: tuple[int, ...]
    counts: tuple[tuple[int, ...], ...]  # counts[row][column]
    cells: dict[tuple[str, int], tuple[int, ...]] = field(default_factory=dict)  # paragraph ids

    def count(self, country: str, objective: int) -> int:
        return len(self.cells.get((country, objective), ()))


@dataclass(frozen=True)
class Statement:
    """One sentence of a paragraph and the kind of statement it makes."""

    paragraph_id: int
    sentence: str
    type: StatementType
    objectives: tuple[int, ...] = ()


@dataclass(frozen=True)
class ObjectiveEvidence:
    """An objective addressed by a group of paragraphs, with the strongest sentence for it."""

    objective: int
    paragraph_ids: tuple[int, ...]
    sentence: str  # a quotation: a whole sentence, or cut at a word with "…"
    paragraph_id: int  # where the strongest sentence is
    quoted_under: int | None = None  # the objective already quoting the same sentence, if any


@dataclass(frozen=True)
class Speaker:
    """Who spoke, for whom, and where their words are."""

    name: str | None
    title: str | None
    organisation: str | None
    country: str | None
    stakeholder_group: str | None
    paragraph_ids: tuple[int, ...]


@dataclass(frozen=True)
class CountryProfile:
    """What one member state reported: objectives with evidence, statements by type."""

    country: str  # ISO3
    name: str
    paragraph_ids: tuple[int, ...]
    objectives: tuple[ObjectiveEvidence, ...]
    statements: tuple[Statement, ...]
    speakers: tuple[Speaker, ...]
    documents: tuple[str, ...]

    def statements_of(self, kind: StatementType) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.type == kind)


@dataclass(frozen=True)
class RoundtableSummary:
    """A roundtable (session on a cluster of objectives): its objectives, speakers, evidence."""

    key: str  # "RT2", or the heading when the cluster is not known
    title: str
    objectives: tuple[int, ...]  # the objectives under review at the roundtable
    speakers: tuple[Speaker, ...]
    paragraph_ids: tuple[int, ...]
    addressed: tuple[ObjectiveEvidence, ...]  # objectives the paragraphs actually addressed


@dataclass(frozen=True)
class PrincipleCoverage:
    """How often a guiding principle was invoked, by whom."""

    key: str
    title: str
    paragraph_ids: tuple[int, ...]  # member-state paragraphs invoking it
    countries: tuple[str, ...]
    stakeholder_paragraph_ids: tuple[int, ...]  # other paragraphs invoking it

    @property
    def all_paragraph_ids(self) -> tuple[int, ...]:
        return tuple(sorted(self.paragraph_ids + self.stakeholder_paragraph_ids))


@dataclass(frozen=True)
class RecommendationSource:
    """One place where a recommendation was made."""

    paragraph_id: int
    sentence: str
    source: str  # who made it: organisation, country, the body behind its section, group
    country: str | None = None
    stakeholder_group: str | None = None
    speaker: str | None = None  # the person who spoke, when the paragraph names one
    continued_in: tuple[int, ...] = ()  # paragraphs the sentence runs on into (a page break)


@dataclass(frozen=True)
class DroppedRecommendation:
    """A call for action left out because it is not a whole sentence (cut by a missing page)."""

    paragraph_id: int
    text: str
    reason: str


@dataclass(frozen=True)
class Recommendation:
    """A recommendation, with every source that made the same call."""

    text: str  # the representative wording
    sources: tuple[RecommendationSource, ...]
    objectives: tuple[int, ...]
    supporting_sources: int  # distinct sources
    supporting_countries: int  # distinct countries

    @property
    def paragraph_ids(self) -> tuple[int, ...]:
        """Where it was made, continuations across page breaks included."""
        return tuple(
            dict.fromkeys(i for s in self.sources for i in (s.paragraph_id, *s.continued_in))
        )

    @property
    def source_names(self) -> tuple[str, ...]:
        """The distinct sources, in the order they made the call."""
        return tuple(dict.fromkeys(s.source for s in self.sources))


@dataclass(frozen=True)
class KeyMessage:
    """A draft key message for the analyst to check, with the evidence behind it."""

    text: str
    basis: str  # "input" (written in a record), "attention", "principles", "recommendation"
    paragraph_ids: tuple[int, ...]
    uncertain: bool = False  # the evidence partly contradicts it: the analyst must check it
    note: str | None = None  # why it is uncertain, or where it was written


@dataclass(frozen=True)
class Synthesis:
    """Everything a report presents, each part traceable to `paragraphs`."""

    title: str
    rule: AttentionRule
    documents: tuple[DocumentInfo, ...]
    paragraphs: tuple[ReviewParagraph, ...]
    attention: tuple[ObjectiveAttention, ...]
    matrix: CountryMatrix
    countries: tuple[CountryProfile, ...]
    roundtables: tuple[RoundtableSummary, ...]
    principles: tuple[PrincipleCoverage, ...]
    recommendations: tuple[Recommendation, ...]
    key_messages: tuple[KeyMessage, ...]
    stakeholder_groups: dict[str, int] = field(default_factory=dict)  # group -> paragraphs
    taggers: tuple[str, ...] = ()
    # language -> paragraphs in a language the embedder was not trained on (tagged only where
    # they name an objective explicitly)
    uncovered_languages: dict[str, int] = field(default_factory=dict)
    outlines: tuple[ConferenceOutline, ...] = ()  # one per conference record among the inputs
    conference: ConferenceInfo | None = None  # from the conference file, when one was given
    stakeholder_inputs: tuple[StakeholderGroup, ...] = ()  # groups other than member States
    dropped_recommendations: tuple[DroppedRecommendation, ...] = ()  # calls cut by page breaks

    def paragraph(self, paragraph_id: int) -> ReviewParagraph | None:
        return next((p for p in self.paragraphs if p.id == paragraph_id), None)
