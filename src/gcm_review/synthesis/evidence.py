"""Evidence shared by country profiles and roundtables: objectives with their strongest sentence,
and who spoke."""

from __future__ import annotations

from collections.abc import Sequence

from gcm_review.languages import split_sentences
from gcm_review.synthesis.quotes import quote
from gcm_review.synthesis.records import ObjectiveEvidence, ReviewParagraph, Speaker


def objective_evidence(paragraphs: Sequence[ReviewParagraph]) -> tuple[ObjectiveEvidence, ...]:
    """Each objective the paragraphs address, with the sentence of its most probable tag.

    A sentence is quoted once: the objective with the strongest tag on it quotes it, and an
    objective whose candidates are all quoted already says under which (`quoted_under`).
    Quotations end at a sentence's end, or are cut at a word with "…" (`quotes.quote`).
    """
    candidates: dict[int, list[tuple[float, int, str]]] = {}
    ids: dict[int, list[int]] = {}
    for para in paragraphs:
        for objective in para.objectives:
            tag = para.tag(f"objective:{objective}")
            raw = tag.sentence if tag and tag.sentence else _first_sentence(para.text)
            probability = tag.probability if tag else 0.0
            ids.setdefault(objective, []).append(para.id)
            candidates.setdefault(objective, []).append(
                (probability, para.id, quote(raw, paragraph=para.text))
            )
    for found in candidates.values():
        found.sort(key=lambda c: -c[0])  # stable: document order among equals
    quoted: dict[tuple[int, str], int] = {}  # (paragraph, sentence) -> the objective quoting it
    chosen: dict[int, ObjectiveEvidence] = {}
    for objective in sorted(candidates, key=lambda o: (-candidates[o][0][0], o)):
        found = candidates[objective]
        fresh = [c for c in found if (c[1], c[2]) not in quoted]
        _, paragraph_id, sentence = (fresh or found)[0]
        under = None if fresh else quoted[(paragraph_id, sentence)]
        quoted.setdefault((paragraph_id, sentence), objective)
        chosen[objective] = ObjectiveEvidence(
            objective=objective,
            paragraph_ids=tuple(ids[objective]),
            sentence=sentence,
            paragraph_id=paragraph_id,
            quoted_under=under,
        )
    return tuple(chosen[objective] for objective in sorted(chosen))


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
