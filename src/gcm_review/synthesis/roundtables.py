"""Roundtables: sessions on a cluster of objectives, with their speakers and what they addressed.

A roundtable is a heading the structure stage recognised as one ("Roundtable 2: ...", "Table
ronde 2", "المائدة المستديرة 2"). Its objectives are those its heading names; when the heading
names none, those of the cluster the framework gives that roundtable number (its `roundtables`
list: Roundtable 2 discusses the GCM's cluster "RT2").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gcm_review.frameworks.loader import Framework
from gcm_review.languages import fold_arabic
from gcm_review.synthesis.evidence import objective_evidence, speakers_of
from gcm_review.synthesis.records import (
    ReviewParagraph,
    RoundtableSummary,
    SectionInfo,
)

_NUMBER = re.compile(r"(\d{1,2})|\b(one|two|three|four|five|six)\b", re.IGNORECASE)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def roundtables(
    sections: Sequence[SectionInfo],
    paragraphs: Sequence[ReviewParagraph],
    framework: Framework,
) -> tuple[RoundtableSummary, ...]:
    """One summary per roundtable heading, in document order."""
    result = []
    for section in sections:
        if section.kind != "roundtable":
            continue
        under = [
            p
            for p in paragraphs
            if p.document_id == section.document_id and section.title in p.section
        ]
        key, cluster = _key(section.title, framework)
        result.append(
            RoundtableSummary(
                key=key,
                title=section.title,
                objectives=section.objective_refs or cluster,
                speakers=speakers_of(under),
                paragraph_ids=tuple(p.id for p in under),
                addressed=objective_evidence(under),
            )
        )
    return tuple(result)


def _key(title: str, framework: Framework) -> tuple[str, tuple[int, ...]]:
    """(cluster, its members) when the framework gives the heading's first number a cluster."""
    head = fold_arabic(title.translate(_ARABIC_DIGITS)).split(":")[0]
    match = _NUMBER.search(head)
    if match:
        number = int(match.group(1)) if match.group(1) else _WORDS[match.group(2).lower()]
        cluster = framework.roundtable_cluster(number)
        if cluster is not None:
            return cluster, framework.cluster_members(cluster)
    return title, ()
