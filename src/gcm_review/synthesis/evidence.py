"""Evidence shared by country profiles and roundtables: objectives with their strongest sentence,
and who spoke."""

from __future__ import annotations

from collections.abc import Sequence

from gcm_review.languages import split_sentences
from gcm_review.synthesis.records import ObjectiveEvidence, ReviewParagraph, Speaker


def objective_evidence(paragraphs: Sequence[ReviewParagraph]) -> tuple[ObjectiveEvidence, ...]:
    """Each objective the paragraphs address, with the sentence of its most probable tag."""
    best: dict[int, tuple[float, ReviewParagraph, str | None]] = {}
    ids: dict[int, list[int]] = {}
    for para in paragraphs:
        for objective in para.objectives:
            tag = para.tag(f"objective:{objective}")
            probability = tag.probability if tag else 0.0
            ids.setdefault(objective, []).append(para.id)
            if objective not in best or probability > best[objective][0]:
                best[objective] = (probability, para, tag.sentence if tag else None)
    return tuple(
        ObjectiveEvidence(
            objective=objective,
            paragraph_ids=tuple(ids[objective]),
            sentence=sentence or _first_sentence(para.text),
            paragraph_id=para.id,
        )
        for objective, (_, para, sentence) in sorted(best.items())
    )


def _first_sentence(text: str) -> str:
    sentences = split_sentences(text)
    return sentences[0] if sentences else text


def speakers_of(paragraphs: Sequence[ReviewParagraph]) -> tuple[Speaker, ...]:
    """Distinct speakers (or speaking organisations) in order of first appearance."""
    found: dict[tuple[str | None, str | None, str | None], list[ReviewParagraph]] = {}
    for para in paragraphs:
        if para.speaker or para.organisation:
            key = (para.speaker, para.organisation, para.country)
            found.setdefault(key, []).append(para)
    return tuple(
        Speaker(
            name=first.speaker,
            title=first.speaker_title,
            organisation=first.organisation,
            country=first.country,
            stakeholder_group=first.stakeholder_group,
            paragraph_ids=tuple(p.id for p in paras),
        )
        for paras in found.values()
        for first in [paras[0]]
    )
