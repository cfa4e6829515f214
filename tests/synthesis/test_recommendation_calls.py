"""Calls for action: what makes a recommendation sentence."""

from __future__ import annotations

import pytest

from gcm_review.synthesis.recommendation_calls import is_call


@pytest.mark.parametrize(
    "sentence",
    [
        "States should end the immigration detention of children.",
        "She stressed the need to involve civil society in that work.",
        "He stressed the importance of rehabilitating infrastructure at border points.",
        "She stressed the importance of relevant United Nations entities organizing training.",
        "He highlighted that it was essential to integrate migrants in the recovery.",
        "The region faced challenges that required strengthening collaboration.",
        "She made two key recommendations to the Conference, namely ensuring access to care.",
        "Ensure the right to organize and collective bargaining;",
        "Where immigration detention is still used, facilitate access by NGOs to monitor;",
        "He called on partners to lower the cost of sending money home.",
        "Journalists needed training on migration terminology.",
    ],
)
def test_calls_for_action(sentence: str) -> None:
    assert is_call(sentence, "en")


@pytest.mark.parametrize(
    "sentence",
    [
        "She stressed the importance of the African Migration Observatory.",
        "He stressed the importance of identity verification as a key step for repatriation.",
        "He said that border management required border controls.",
        "Through investments in COVID-19 response and long-term recovery:",
        "The key messages and recommendations that emanated from the discussions were reviewed.",
        "Remittances amounted to 23 per cent of the national income in 2024.",
        "Improving the collection of data at the local level was discussed by the panel, and",
    ],
)
def test_not_calls(sentence: str) -> None:
    assert not is_call(sentence, "en")


def test_an_item_opening_with_an_action_noun_is_a_call_only_as_a_list_item() -> None:
    sentence = "Developing gender-sensitive protection policies for migrants."
    assert is_call(sentence, "en", item=True)
    assert not is_call(sentence, "en")


def test_items_of_the_speakers_own_priorities_are_commitments() -> None:
    assert not is_call("Strengthen labour inspection;", "en", item=True, opening=False)
    assert not is_call("extending social insurance;", "en", item=True, opening=False)
    assert is_call("Governments should extend social insurance;", "en", opening=False)
    assert not is_call("renforcer les mécanismes de plainte ;", "fr", item=True, opening=False)


def test_french_and_arabic_calls() -> None:
    assert is_call("Elle a appelé les banques à réduire le coût des transferts.", "fr")
    assert is_call("Les États devraient étendre le droit du travail.", "fr")
    assert not is_call("Le Maroc a conclu des conventions de sécurité sociale.", "fr")
    assert is_call("ينبغي للدول إنهاء احتجاز الأطفال المهاجرين.", "ar")


@pytest.mark.parametrize(
    ("sentence", "call"),
    [
        ("She asked that young people be consulted on skills.", True),
        ("It invites all partners, including civil society, to contribute.", True),
        ("Regulate recruitment agencies and reimburse any fee charged to workers.", True),
        ("Since its launch, the time needed to renew a permit has fallen to six days.", False),
        ("To inform migrants, as called for in objective 3, the Ministry opened a line.", False),
    ],
)
def test_more_cues_and_their_limits(sentence: str, call: bool) -> None:
    assert is_call(sentence, "en") is call
