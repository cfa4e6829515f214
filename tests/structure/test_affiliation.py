"""Title, organisation and country from a speaker's introduction."""

from __future__ import annotations

import pytest

from gcm_review.structure.affiliation import read_affiliation


@pytest.mark.parametrize(
    ("introduction", "title", "organisation", "country"),
    [
        (
            "Director of Planning at the Jordanian Ministry of Labour",
            "Director of Planning",
            "Ministry of Labour",
            "JOR",
        ),
        ("the Minister of Labour of Oman", "Minister of Labour", None, "OMN"),
        ("Regional Director of UN Women", "Regional Director", "UN Women", None),
        (
            "Programme Officer at the World Food Programme (WFP)",
            "Programme Officer",
            "World Food Programme (WFP)",
            None,
        ),
        ("from the municipality of Sousse in Tunisia", None, "municipality of Sousse", "TUN"),
        ("of the Lebanese Ministry of Social Affairs", None, "Ministry of Social Affairs", "LBN"),
        (
            "President of the Network of Human Rights Institutions in the State of Palestine",
            "President",
            "Network of Human Rights Institutions",
            "PSE",
        ),
        (
            (
                "Officer of the Department of Egyptians Abroad of the Ministry of Foreign Affairs "
                "of Egypt"
            ),
            "Officer of the Department of Egyptians Abroad",
            "Ministry of Foreign Affairs",
            "EGY",
        ),
        ("مدير إدارة العمل في وزارة العمل الأردنية", "مدير إدارة العمل", "وزارة العمل", "JOR"),
        ("وزيرة الهجرة في العراق", "وزيرة الهجرة", None, "IRQ"),
        (
            "directeur au ministère de l'Intérieur du Maroc",
            "directeur",
            "ministère de l'Intérieur",
            "MAR",
        ),
        ("", None, None, None),
    ],
)
def test_read_affiliation(
    introduction: str, title: str | None, organisation: str | None, country: str | None
) -> None:
    affiliation = read_affiliation(introduction)
    assert (affiliation.title, affiliation.organisation, affiliation.country) == (
        title,
        organisation,
        country,
    )


def test_what_a_representative_represents_is_the_organisation() -> None:
    affiliation = read_affiliation("", represents="the Sudanese delegation")
    assert (affiliation.organisation, affiliation.country) == ("Sudanese delegation", "SDN")
