"""Records that cross pipeline stages. All frozen: a stage returns new records, never mutates.

This module holds the records of reading, structuring and tagging; the stored paragraph, tag and
document are in model.stored, what the synthesis reads in model.synthesis_input, analysts'
codings and decisions in model.coding. The package is the base layer: it imports no other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["text", "heading", "list_item", "line"]
DocumentFormat = Literal["pdf", "docx", "html", "text"]


@dataclass(frozen=True)
class Block:
    """One piece of text as a reader found it, before repair.

    PDF and text readers give one block per printed line (kind "line"; PDF lines carry their page);
    DOCX and HTML readers give one block per paragraph, heading or list item. `gap_before` is the
    space above a line beyond normal line spacing, in lines (text files: the number of blank lines);
    None on a page's first line.
    """

    text: str
    page: int | None = None
    kind: BlockKind = "text"
    level: int | None = None  # heading level (1 = top) when the format says it
    label: str | None = None  # list number or bullet the format generated ("23.", "a)", "•")
    gap_before: float | None = None


@dataclass(frozen=True)
class SourceDocument:
    """What a reader returns: the file's identity and its raw blocks in reading order."""

    path: str
    name: str
    sha256: str
    format: DocumentFormat
    blocks: tuple[Block, ...]
    page_count: int | None = None
    encoding: str | None = None
    metadata_title: str | None = None
    problems: tuple[str, ...] = ()  # non-fatal trouble met while reading (a broken page, ...)

    @property
    def raw_text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


@dataclass(frozen=True)
class Repair:
    """One change the repair stage made to the extracted text, so nothing is lost silently."""

    kind: str  # e.g. "content-stream-garbage", "letter-split", "hyphenation", "running-header"
    block: int  # index of the block in SourceDocument.blocks where it happened
    page: int | None
    removed: str
    inserted: str = ""
    offset: int | None = None  # character offset in the block's raw text, when known
    count: int = 1  # how many changes this record sums up (e.g. characters normalised)


@dataclass(frozen=True)
class RepairedDocument:
    """The source with repaired blocks and the list of repairs applied."""

    source: SourceDocument
    blocks: tuple[Block, ...]
    repairs: tuple[Repair, ...]


@dataclass(frozen=True)
class Section:
    """A heading found in the document, with its place in the hierarchy."""

    title: str
    level: int
    kind: str  # "chapter", "lettered", "session", "roundtable", "annex", "country", "heading"
    page: int | None = None
    objective_refs: tuple[int, ...] = ()
    country: str | None = None  # ISO 3166 alpha-3 when the heading names a country


@dataclass(frozen=True)
class Attribution:
    """Who a paragraph speaks for."""

    speaker: str | None = None
    title: str | None = None  # the speaker's function ("Minister of Migration and Displacement")
    organisation: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    stakeholder_group: str | None = None
    role: str | None = None  # "moderator", "facilitator" or "chair" when the speaker runs it
    chair: str | None = None  # who the paragraph says moderated, facilitated or chaired
    chair_role: str | None = None  # that person's role, in the same words as `role`


@dataclass(frozen=True)
class Paragraph:
    """A unit of text the rest of the pipeline tags: a numbered paragraph, a bullet or prose."""

    index: int  # 0-based order in the document
    text: str
    number: str | None = None  # the printed number, e.g. "23"
    kind: str = "paragraph"  # "paragraph", "bullet", "fragment", "contents", "non-substantive"
    section: tuple[str, ...] = ()  # headings from the top
    page: int | None = None
    language: str | None = None
    attribution: Attribution = field(default_factory=Attribution)
    objective_refs: tuple[int, ...] = ()  # objectives the paragraph's own text names explicitly
    section_objective_refs: tuple[int, ...] = ()  # objectives its enclosing headings assign

    @property
    def all_objective_refs(self) -> tuple[int, ...]:
        """Every objective explicitly referred to, in the text or by an enclosing heading."""
        return tuple(sorted(set(self.objective_refs) | set(self.section_objective_refs)))


@dataclass(frozen=True)
class StructuredDocument:
    """The result of the structure stage: title, sections and attributed paragraphs."""

    repaired: RepairedDocument
    title: str | None
    language: str | None
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class TagInput:
    """What the taggers read of a paragraph."""

    text: str
    language: str | None = None
    section_objective_refs: tuple[int, ...] = ()  # objectives the enclosing headings assign


@dataclass(frozen=True)
class Evidence:
    """Why one tagger scored a label: its score, the matched terms or reference, a sentence."""

    tagger: str  # versioned name, e.g. "lexicon.v1"
    score: float
    matched: tuple[str, ...] = ()
    sentence: str | None = None


@dataclass(frozen=True)
class Tag:
    """A label proposed for a paragraph, with a calibrated probability and its evidence.

    `label` is "objective:6" or "principle:human-rights".
    """

    label: str
    probability: float
    decided: bool  # the probability reached the label's threshold
    tagger: str  # the versioned name of the pipeline that made it, e.g. "gcm-tagger.v3"
    evidence: tuple[Evidence, ...] = ()
