"""The member state a national review reports on, so its paragraphs speak for that state."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from gcm_review.model import Paragraph
from gcm_review.structure.countries import country_codes

NATIONAL_REVIEW = re.compile(
    r"national (?:voluntary )?review|voluntary national|national (?:report|submission)"
    r"|revue nationale|rapport national|examen national|الاستعراض الوطني|التقرير الوطني",
    re.IGNORECASE,
)
OPENING_PARAGRAPHS = 5


def reporting_country(title: str | None, opening: Sequence[str]) -> str | None:
    """ISO alpha-3 of the state a national review is about, or None for other documents.

    The title must say it is a national review; the country is the one the title names, else
    the one named most often in the opening paragraphs (a tie gives None).
    """
    if not title or not NATIONAL_REVIEW.search(title):
        return None
    in_title = set(country_codes(title))
    if len(in_title) == 1:
        return in_title.pop()
    counts = Counter(code for text in opening for code in country_codes(text)).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


def speak_for(paragraphs: Sequence[Paragraph], country: str) -> tuple[Paragraph, ...]:
    """Paragraphs with no country of their own are the reporting state's, as a member state."""
    filled = []
    for para in paragraphs:
        who = para.attribution
        if who.country is None and para.kind != "contents":
            group = who.stakeholder_group or "member-state"
            who = replace(who, country=country, stakeholder_group=group)
        filled.append(replace(para, attribution=who))
    return tuple(filled)
