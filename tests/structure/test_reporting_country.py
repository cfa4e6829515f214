"""National reviews speak for the state they report on."""

from __future__ import annotations

from gcm_review.model import Attribution, Paragraph
from gcm_review.structure.reporting_country import (
    Submitter,
    reporting_country,
    speak_as,
    speak_for,
    submitter,
)


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


def test_a_submission_speaks_for_the_organisation_on_its_title_page() -> None:
    title = "Submission to the regional review of the Global Compact for Migration"
    opening = [
        Paragraph(0, "FICTIONAL SAMPLE - not an official document"),
        Paragraph(1, "Cedar Network for Migrant Rights (a network of 20 associations)"),
        Paragraph(2, "Beirut, February 2025"),
    ]
    author = submitter(title, opening)
    assert author == Submitter("Cedar Network for Migrant Rights", "civil-society")
    own = Paragraph(
        3, "x", attribution=Attribution(speaker="Ms. Dana Aziz", stakeholder_group="un-entity")
    )
    filled = speak_as([*opening, own], author)
    assert {p.attribution.organisation for p in filled[:3]} == {"Cedar Network for Migrant Rights"}
    assert {p.attribution.stakeholder_group for p in filled[:3]} == {"civil-society"}
    assert filled[3].attribution == own.attribution


def test_a_submission_named_in_its_title() -> None:
    title = "Written contribution by the Arab Trade Union Confederation"
    assert submitter(title, []) == Submitter("Arab Trade Union Confederation", "trade-union")


def test_other_documents_have_no_submitter() -> None:
    opening = [Paragraph(0, "Cedar Network for Migrant Rights")]
    assert submitter("Report of the regional review conference", opening) is None
    assert submitter("Submission to the review", [Paragraph(0, "Beirut, February 2025")]) is None
