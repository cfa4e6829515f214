"""What each member state reported: objectives with evidence, statements sorted by type."""

from __future__ import annotations

from collections.abc import Sequence

from gcm_review.frameworks.references import References
from gcm_review.structure.countries import country_name
from gcm_review.synthesis.attention import reporting_countries
from gcm_review.synthesis.evidence import objective_evidence, speakers_of
from gcm_review.synthesis.records import PROFILE_STATEMENT_TYPES, CountryProfile, ReviewParagraph
from gcm_review.synthesis.statements import paragraph_statements


def country_profiles(
    paragraphs: Sequence[ReviewParagraph], *, references: References | None = None
) -> tuple[CountryProfile, ...]:
    """One profile per reporting member state, sorted by country name (`references`: the
    framework's, for statement types)."""
    codes = reporting_countries(paragraphs)
    profiles = [_profile(code, paragraphs, references) for code in codes]
    return tuple(sorted(profiles, key=lambda profile: profile.name))


def _profile(
    code: str, paragraphs: Sequence[ReviewParagraph], references: References | None
) -> CountryProfile:
    own = [p for p in paragraphs if p.is_member_state and p.country == code]
    statements = tuple(
        statement
        for para in own
        for statement in paragraph_statements(para, references=references)
        if statement.type in PROFILE_STATEMENT_TYPES
    )
    return CountryProfile(
        country=code,
        name=country_name(code) or code,
        paragraph_ids=tuple(p.id for p in own),
        objectives=objective_evidence(own),
        statements=statements,
        speakers=speakers_of(own),
        documents=tuple(dict.fromkeys(p.document for p in own)),
    )
