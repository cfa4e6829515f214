"""Stakeholder groups from titles and organisations in three languages."""

from __future__ import annotations

import pytest

from gcm_review.structure.stakeholders import STAKEHOLDER_GROUPS, stakeholder_group


@pytest.mark.parametrize(
    ("description", "group"),
    [
        ("Director at the Ministry of Labour", "member-state"),
        ("Ambassador", "member-state"),
        ("the Omani delegation", "member-state"),
        ("Regional Director of UN Women", "un-entity"),
        ("Programme Officer at UNICEF", "un-entity"),
        ("United Nations Population Fund", "un-entity"),
        ("International Fund for Agricultural Development (IFAD)", "un-entity"),
        ("Associate Professor at the University of Jordan", "academia"),
        ("researcher at the Institute for Migration Studies", "academia"),
        ("National Commission for Human Rights", "nhri"),
        ("Regional Network of National Human Rights Institutions", "nhri"),
        ("Mayor of Sousse", "local-authority"),
        ("municipality of Irbid", "local-authority"),
        ("Chamber of Commerce of Amman", "private-sector"),
        ("Federation of Employers", "private-sector"),
        ("General Confederation of Omani Workers", "trade-union"),
        ("Public Services International", "trade-union"),
        ("Major Group for Children and Youth", "youth"),
        ("youth network of the region", "youth"),
        ("journalist at a daily newspaper", "media"),
        ("the media", "media"),
        ("Caritas association", "civil-society"),
        ("an NGO supporting migrants", "civil-society"),
        ("ministère des Affaires étrangères", "member-state"),
        ("Organisation internationale pour les migrations", "un-entity"),
        ("réseau de la société civile", "civil-society"),
        ("وزارة العمل", "member-state"),
        ("المجلس الوطني لحقوق الإنسان", "nhri"),
        ("بلدية إربد", "local-authority"),
        ("جمعية تضامن", "civil-society"),
        ("جامعة القاهرة", "academia"),
    ],
)
def test_groups(description: str, group: str) -> None:
    assert stakeholder_group(description) == group
    assert group in STAKEHOLDER_GROUPS


def test_specific_groups_win_over_broad_ones() -> None:
    # a United Nations body, but the youth group; a network, but an NHRI
    assert (
        stakeholder_group("Focal Point of the United Nations Major Group for Children and Youth")
        == "youth"
    )
    assert (
        stakeholder_group("Head of the African Union Division at the Moroccan Ministry")
        == "member-state"
    )


@pytest.mark.parametrize("description", [None, "", "who said so", "un plan", "consultant"])
def test_unknown_gives_none(description: str | None) -> None:
    assert stakeholder_group(description) is None


def test_descriptions_are_combined() -> None:
    assert (
        stakeholder_group("Mr. Ali Zein", None, "Director", "of the Ministry of Interior")
        == "member-state"
    )


@pytest.mark.parametrize(
    "description",
    ["Secretary of State for Social Affairs", "Secrétaire d’État chargée des migrations"],
)
def test_secretaries_of_state_speak_for_member_states(description: str) -> None:
    assert stakeholder_group(description) == "member-state"


@pytest.mark.parametrize(
    ("description", "group"),
    [
        ("Coordinator of the national migration management committee", "member-state"),
        ("Director of Policies at the Labour Market Regulatory Authority", "member-state"),
        ("Head of the national statistics institute", "member-state"),
        ("Adviser at the World Health Organization", "un-entity"),
        ("Professor at the Institute of Migration Studies", "academia"),
    ],
)
def test_public_bodies_and_un_agencies(description: str, group: str) -> None:
    assert stakeholder_group(description) == group
