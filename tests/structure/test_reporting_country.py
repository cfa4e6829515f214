"""National reviews speak for the state they report on."""

from __future__ import annotations

from gcm_review.model import Attribution, Paragraph
from gcm_review.structure.reporting_country import reporting_country, speak_for


def test_country_from_the_title_or_the_opening() -> None:
    assert reporting_country("Voluntary National Review of Jordan", []) == "JOR"
    assert reporting_country("Revue nationale volontaire", ["Le Maroc a adopté", "Rabat"]) == "MAR"
    arabic = ["يعرض هذا الاستعراض ما أحرزته جمهورية مصر العربية"]
    assert reporting_country("الاستعراض الوطني الطوعي", arabic) == "EGY"


def test_other_documents_have_no_reporting_country() -> None:
    assert reporting_country("Report of the regional review conference", ["Jordan"]) is None
    assert reporting_country("National report", ["Jordan and Egypt", "Egypt, Jordan"]) is None
    assert reporting_country(None, ["Jordan"]) is None


def test_paragraphs_without_a_country_take_it() -> None:
    own = Paragraph(0, "x", attribution=Attribution(country="LBN", stakeholder_group="nhri"))
    plain = Paragraph(1, "y")
    contents = Paragraph(2, "Introduction 1-4", kind="contents")
    filled = speak_for([own, plain, contents], "JOR")
    assert filled[0].attribution == own.attribution
    assert (filled[1].attribution.country, filled[1].attribution.stakeholder_group) == (
        "JOR",
        "member-state",
    )
    assert filled[2].attribution.country is None
