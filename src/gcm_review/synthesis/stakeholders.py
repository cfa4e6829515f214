"""Stakeholder inputs: what each group other than member States said, speaker by speaker.

A group's speakers are those of `evidence.speakers_of` (a named person, or an organisation that
wrote a submission); each is summarised as the sessions' speakers are (`outline.speaker_summary`):
in reported speech, every sentence linked to its paragraph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from gcm_review.synthesis.evidence import speakers_of
from gcm_review.synthesis.outline import speaker_sentences, speaker_summary
from gcm_review.synthesis.outline_records import StakeholderGroup
from gcm_review.synthesis.records import ReviewParagraph
from gcm_review.synthesis.reported_speech import Voice


def stakeholder_inputs(paragraphs: Sequence[ReviewParagraph]) -> tuple[StakeholderGroup, ...]:
    """One summary per stakeholder group other than member States, the largest first."""
    counts = Counter(
        p.stakeholder_group for p in paragraphs if p.stakeholder_group not in (None, "member-state")
    )
    return tuple(_group(group, paragraphs) for group, _ in counts.most_common() if group)


def _group(group: str, paragraphs: Sequence[ReviewParagraph]) -> StakeholderGroup:
    own = [p for p in paragraphs if p.stakeholder_group == group]
    by_id = {p.id: p for p in own}
    summaries = []
    for speaker in speakers_of(own):
        paras = [by_id[i] for i in speaker.paragraph_ids]
        sentences = [(p, s) for p in paras for s in speaker_sentences(p, speaker.name)]
        if not sentences:
            continue
        voice = Voice(
            name=speaker.name,
            organisation=speaker.organisation,
            stakeholder_group=group,
            written=speaker.name is None,
        )
        summaries.append(speaker_summary(speaker.name, voice, sentences, paras[0]))
    return StakeholderGroup(
        group=group,
        paragraph_ids=tuple(by_id),
        documents=tuple(dict.fromkeys(p.document for p in own)),
        speakers=tuple(summaries),
    )
