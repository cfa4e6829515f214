"""The recommendation sentences of a review and who made each.

A recommendation is a whole sentence (`recommendation_sentences`: rejoined across page and line
breaks) that is a call for action (`recommendation_calls`). A piece that would be a call but
cannot be made whole (cut by a missing page) is dropped and listed, so the report can say so.

Who made it comes from the paragraph's attribution (`recommendation_makers`); a section
heading ("Annex I") is never taken for who made a call.
"""

from __future__ import annotations

from collections.abc import Sequence

from gcm_review.frameworks.references import References
from gcm_review.synthesis.recommendation_calls import is_call
from gcm_review.synthesis.recommendation_makers import UNATTRIBUTED, Makers, source_name
from gcm_review.synthesis.recommendation_sentences import sentence_pieces
from gcm_review.synthesis.records import (
    DroppedRecommendation,
    RecommendationSource,
    ReviewParagraph,
)

__all__ = ["UNATTRIBUTED", "extract_recommendations", "recommendation_sources", "source_name"]


def extract_recommendations(
    paragraphs: Sequence[ReviewParagraph], *, references: References | None = None
) -> tuple[list[RecommendationSource], list[DroppedRecommendation]]:
    """Every whole call for action, in reading order, with who made it; and the pieces that
    would be calls but are not whole sentences."""
    by_id = {paragraph.id: paragraph for paragraph in paragraphs}
    makers = Makers.of_paragraphs(paragraphs)
    found: list[RecommendationSource] = []
    dropped: list[DroppedRecommendation] = []
    for piece in sentence_pieces(paragraphs):
        paragraph = by_id[piece.paragraph_id]
        if not is_call(
            piece.text,
            paragraph.language,
            item=piece.item,
            opening=not piece.under_commitments,
            references=references,
        ):
            continue
        if not piece.whole:
            dropped.append(DroppedRecommendation(paragraph.id, piece.text, "not a whole sentence"))
            continue
        found.append(
            RecommendationSource(
                paragraph_id=paragraph.id,
                sentence=piece.text,
                source=makers.maker(paragraph, piece.text),
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
