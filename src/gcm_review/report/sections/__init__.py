"""Builders of the report's sections: each takes a Lookup on the synthesis, returns a Section.

`report_sections` gives them in the report's order, with annexes (a conference record's own,
the survey) before the evidence appendix; `front_matter` gives the title part.
"""

from __future__ import annotations

from collections.abc import Sequence

from gcm_review.report.document import Section
from gcm_review.report.sections.attention import regional_synthesis
from gcm_review.report.sections.countries import countries
from gcm_review.report.sections.evidence import evidence
from gcm_review.report.sections.key_messages import key_messages
from gcm_review.report.sections.lookup import Lookup
from gcm_review.report.sections.matrix import matrix
from gcm_review.report.sections.outline import introduction, sessions
from gcm_review.report.sections.principles import principles
from gcm_review.report.sections.recommendations import recommendations
from gcm_review.report.sections.record_annexes import record_annexes
from gcm_review.report.sections.roundtables import roundtables
from gcm_review.report.sections.stakeholders import stakeholders

__all__ = ["Lookup", "report_sections"]


def report_sections(look: Lookup, *, annexes: Sequence[Section] = ()) -> list[Section]:
    """Every section of the report in order; the annexes come before the evidence appendix.

    With a conference record among the inputs, the report opens as its outcome document does
    (introduction and organisation of work, key messages, the sessions) and reproduces the
    record's annexes before the other annexes.
    """
    optional = (introduction(look), key_messages(look), sessions(look))
    return [
        *(section for section in optional if section is not None),
        regional_synthesis(look),
        matrix(look),
        countries(look),
        roundtables(look),
        principles(look),
        stakeholders(look),
        recommendations(look),
        *record_annexes(look),
        *annexes,
        evidence(look),
    ]
