"""Who a whole document speaks for: the member state a national review reports on, or the
organisation whose submission it is (named on its title page), so that its paragraphs without
a speaker of their own speak for that state or organisation."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from gcm_review.languages import clean_text
from gcm_review.model import Paragraph
from gcm_review.structure.affiliation import has_organisation_word
from gcm_review.structure.countries import country_codes
from gcm_review.structure.stakeholders import stakeholder_group

NATIONAL_REVIEW = re.compile(
    r"national (?:voluntary )?review|voluntary national|national (?:report|submission)"
    r"|revue nationale|rapport national|examen national|الاستعراض الوطني|التقرير الوطني",
    re.IGNORECASE,
)
OPENING_PARAGRAPHS = 5
SUBMISSION = re.compile(
    r"\bsubmission\b|\bcontribution\b|position paper|written statement|\binputs? (?:to|from)\b"
    r"|\bsoumission\b|note de position|مساهم[ةه]|ورق[ةه] موقف|مذكر[ةه]",
    re.IGNORECASE,
)
_BY = re.compile(
    r"\b(?:by|from|de la part de|présentée? par|مقدم[ةه] من)\s+(?:the\s+)?(?P<org>.+)$"
)
_MAX_TITLE_PAGE_WORDS = 40


@dataclass(frozen=True)
class Submitter:
    """The organisation a submission comes from, and its stakeholder group."""

    organisation: str
    stakeholder_group: str | None


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


def submitter(title: str | None, opening: Sequence[Paragraph]) -> Submitter | None:
    """The author of a submission: named in its title ("Submission by X") or on its title page
    (the first short unnumbered opening paragraph that names an organisation)."""
    if not title or not SUBMISSION.search(title):
        return None
    named = _BY.search(clean_text(title))
    lines = [named["org"]] if named else []
    lines += [p.text for p in opening if len(p.text.split()) <= _MAX_TITLE_PAGE_WORDS]
    for line in lines:
        if has_organisation_word(line):
            name = re.split(r"\s*[(,;:–—]\s*|\s+-\s+", clean_text(line), maxsplit=1)[0]
            return Submitter(name.strip(" ."), stakeholder_group(line))
    return None


def speak_as(paragraphs: Sequence[Paragraph], author: Submitter) -> tuple[Paragraph, ...]:
    """Paragraphs with no speaker, country or group of their own are the author's."""
    filled = []
    for para in paragraphs:
        who = para.attribution
        unclaimed = who.speaker is None and who.country is None and who.stakeholder_group is None
        if unclaimed and para.kind != "contents":
            group = author.stakeholder_group
            who = replace(who, organisation=author.organisation, stakeholder_group=group)
        filled.append(replace(para, attribution=who))
    return tuple(filled)
