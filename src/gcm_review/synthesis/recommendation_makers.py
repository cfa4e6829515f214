"""Who made a recommendation: from the paragraph's attribution, never from a bare heading.

In order: the paragraph's organisation (with its country, so that two countries' ministries stay
two sources); its country; the body a heading above it names ("Annex: Recommendations of the
multi-stakeholder consultation"); the body its top section's opening lines name ("Organized by
the Youth Forum and UNICEF", "Outcome document of the multi-stakeholder consultation"); the one
organisation its document speaks for (a submission); the conference's participants when the
sentence says they made the call; its stakeholder group; else UNATTRIBUTED. A heading that names
no body ("Annex I", "Recommendations") is never taken for who made a call.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gcm_review.structure.countries import country_name
from gcm_review.synthesis.records import ReviewParagraph

UNATTRIBUTED = "Unattributed"
PREAMBLE_PARAGRAPHS = 4  # a section's opening paragraphs that may name the body behind it
MAX_BODY_CHARS = 120
_BODY_PATTERNS = (
    re.compile(r"\b(?:co-?)?organi[sz]ed by (?:the )?(.+?)(?:,| on \d|$)", re.I),
    re.compile(r"\boutcome (?:document|report) of (?:the )?(.+?consultation)\b", re.I),
    re.compile(r"\b(?:results|summary|outcome) of (?:the )?(.+?(?:consultation|survey))\b", re.I),
    re.compile(r"^(?:the )?((?:[\w-]+ ){0,4}(?:consultation|survey|forum))\b", re.I),
)
_GROUP_NAMES = {  # group keys that do not read well capitalised
    "member-state": "Member State",
    "un-entity": "United Nations entity",
    "nhri": "National human rights institution",
}


def source_name(paragraph: ReviewParagraph, body: str | None = None) -> str:
    """Who made a paragraph's statements: organisation (with its country), country, the body
    behind its section (`body`), stakeholder group, else UNATTRIBUTED."""
    country = country_name(paragraph.country) if paragraph.country else None
    if paragraph.organisation:
        if country and country not in paragraph.organisation:
            return f"{paragraph.organisation}, {country}"
        return paragraph.organisation
    if country:
        return country
    if body:
        return body
    if paragraph.stakeholder_group:
        group = paragraph.stakeholder_group
        return _GROUP_NAMES.get(group, group.replace("-", " ").capitalize())
    return UNATTRIBUTED


_HEADING_BODY = re.compile(
    r"\b(?:recommendations|key messages|messages|conclusions|outcome(?: document)?)"
    r" (?:of|from) (?:the )?(.+)$",
    re.I,
)
_PARTICIPANTS = re.compile(r"^(?:the |les )?participants?\b|^المشاركون", re.I)
PARTICIPANTS = "Conference participants"


@dataclass(frozen=True)
class Makers:
    """What names the makers of calls in a set of paragraphs, beyond each one's attribution."""

    sections: dict[tuple[int, str], str]  # (document id, top section) -> body named there
    documents: dict[int, str]  # document id -> the one organisation it speaks for

    @classmethod
    def of_paragraphs(cls, paragraphs: Sequence[ReviewParagraph]) -> Makers:
        return cls(section_bodies(paragraphs), document_organisations(paragraphs))

    def maker(self, paragraph: ReviewParagraph, sentence: str = "") -> str:
        """Who made a call of the paragraph (see the module docstring for the order)."""
        if paragraph.organisation or paragraph.country:
            return source_name(paragraph)
        top = paragraph.section[0] if paragraph.section else ""
        body = (
            heading_body(paragraph.section)
            or self.sections.get((paragraph.document_id, top))
            or self.documents.get(paragraph.document_id)
        )
        if body is None and _PARTICIPANTS.match(sentence.strip()):
            body = PARTICIPANTS
        return source_name(paragraph, body)


def heading_body(headings: Sequence[str]) -> str | None:
    """The body the deepest heading naming one names ("Recommendations of the X" -> "X")."""
    for heading in reversed(headings):
        match = _HEADING_BODY.search(" ".join(heading.split()))
        if match:
            body = match.group(1).strip(" .,;:")
            if 3 <= len(body) <= MAX_BODY_CHARS:
                return body[:1].upper() + body[1:]
    return None


def document_organisations(paragraphs: Sequence[ReviewParagraph]) -> dict[int, str]:
    """Documents whose attributed paragraphs all speak for one organisation and no country."""
    found: dict[int, set[str]] = {}
    with_country: set[int] = set()
    for paragraph in paragraphs:
        if paragraph.country:
            with_country.add(paragraph.document_id)
        elif paragraph.organisation:
            found.setdefault(paragraph.document_id, set()).add(paragraph.organisation)
    return {
        document: next(iter(names))
        for document, names in found.items()
        if len(names) == 1 and document not in with_country
    }


def section_bodies(paragraphs: Sequence[ReviewParagraph]) -> dict[tuple[int, str], str]:
    """The body named by the opening lines of each top section, by (document id, section):
    its organisers when a line names them, else the consultation or survey it reports."""
    found: dict[tuple[int, str], tuple[int, str]] = {}  # key -> (pattern rank, body)
    seen: dict[tuple[int, str], int] = {}
    for paragraph in sorted(paragraphs, key=lambda p: (p.document_id, p.seq)):
        if not paragraph.section:
            continue
        key = (paragraph.document_id, paragraph.section[0])
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > PREAMBLE_PARAGRAPHS or _attributed(paragraph):
            continue
        named = named_body(paragraph.text)
        if named and (key not in found or named < found[key]):
            found[key] = named
    return {key: body for key, (_, body) in found.items()}


def named_body(text: str) -> tuple[int, str] | None:
    """The body a line of a section's preamble names, with the rank of the pattern that found
    it (0: organisers, the best), if any."""
    line = " ".join(text.split())
    for rank, pattern in enumerate(_BODY_PATTERNS):
        match = pattern.search(line)
        if match:
            body = match.group(1).strip(" .,;:")
            if 3 <= len(body) <= MAX_BODY_CHARS:
                return rank, body[:1].upper() + body[1:]
    return None


def _attributed(paragraph: ReviewParagraph) -> bool:
    return bool(paragraph.organisation or paragraph.country or paragraph.speaker)
