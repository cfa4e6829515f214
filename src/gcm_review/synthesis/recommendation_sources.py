"""The recommendation sentences of a review and who made each.

A recommendation is a whole sentence (`recommendation_sentences`: rejoined across page and line
breaks) that is a call for action (`recommendation_calls`). A piece that would be a call but
cannot be made whole (cut by a missing page) is dropped and listed, so the report can say so.

Who made it comes from the paragraph's attribution: its organisation (with its country, so
that two countries' ministries stay two sources), else its country, else the body that made the
section's text when the section's opening lines name one ("Organized by the Youth Forum and
UNICEF", "Outcome document of the multi-stakeholder consultation"), else its stakeholder group,
else "Unattributed". A section heading ("Annex I") is never taken for who made a call.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gcm_review.frameworks.references import References
from gcm_review.structure.countries import country_name
from gcm_review.synthesis.recommendation_calls import is_call
from gcm_review.synthesis.recommendation_sentences import sentence_pieces
from gcm_review.synthesis.records import (
    DroppedRecommendation,
    RecommendationSource,
    ReviewParagraph,
)

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


def extract_recommendations(
    paragraphs: Sequence[ReviewParagraph], *, references: References | None = None
) -> tuple[list[RecommendationSource], list[DroppedRecommendation]]:
    """Every whole call for action, in reading order, with who made it; and the pieces that
    would be calls but are not whole sentences."""
    by_id = {paragraph.id: paragraph for paragraph in paragraphs}
    bodies = section_bodies(paragraphs)
    found: list[RecommendationSource] = []
    dropped: list[DroppedRecommendation] = []
    for piece in sentence_pieces(paragraphs):
        paragraph = by_id[piece.paragraph_id]
        if not is_call(piece.text, paragraph.language, item=piece.item, references=references):
            continue
        if not piece.whole:
            dropped.append(DroppedRecommendation(paragraph.id, piece.text, "not a whole sentence"))
            continue
        section = paragraph.section[0] if paragraph.section else ""
        body = bodies.get((paragraph.document_id, section))
        found.append(
            RecommendationSource(
                paragraph_id=paragraph.id,
                sentence=piece.text,
                source=source_name(paragraph, body),
                country=paragraph.country,
                stakeholder_group=paragraph.stakeholder_group,
                speaker=paragraph.speaker,
                continued_in=piece.continued_in,
            )
        )
    return found, dropped


def recommendation_sources(
    paragraphs: Sequence[ReviewParagraph], *, references: References | None = None
) -> list[RecommendationSource]:
    """Every whole sentence that calls for action, in reading order, with who made it."""
    return extract_recommendations(paragraphs, references=references)[0]
