"""Country names, adjectives and typos in English, French and Arabic."""

from __future__ import annotations

import pytest

from gcm_review.structure.countries import (
    country_codes,
    country_name,
    find_countries,
    fuzzy_country,
    whole_country,
)


def codes(text: str) -> list[str]:
    return [mention.code for mention in find_countries(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delegates from Syria and the Syrian Arab Republic", ["SYR", "SYR"]),
        ("the Sudan, South Sudan and the UAE", ["SDN", "SSD", "ARE"]),
        ("United Arab Emirates and the State of Palestine", ["ARE", "PSE"]),
        ("the Democratic Republic of the Congo and the Congo", ["COD", "COG"]),
        ("Iran (Islamic Republic of) and Türkiye", ["IRN", "TUR"]),
        ("Côte d'Ivoire, Guinea-Bissau, Papua New Guinea", ["CIV", "GNB", "PNG"]),
    ],
)
def test_english_names_longest_match_first(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("an Iraqi official", "IRQ"),
        ("Jordanian authorities", "JOR"),
        ("returning Egyptians", "EGY"),
        ("Filipino domestic workers", "PHL"),
        ("Sri Lankan nurses", "LKA"),
        ("Emirati employers", "ARE"),
        ("la délégation marocaine", "MAR"),
        ("les travailleuses irakiennes", "IRQ"),
        ("le gouvernement tunisien", "TUN"),
        ("وزارة العمل الأردنية", "JOR"),
        ("الجالية المصرية", "EGY"),
        ("العمال السوريين", "SYR"),
    ],
)
def test_adjectives_in_three_languages(text: str, code: str) -> None:
    mentions = find_countries(text)
    assert [mention.code for mention in mentions] == [code]
    assert mentions[0].adjective


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("l'Irak", "IRQ"),
        ("la Jordanie", "JOR"),
        ("les Émirats arabes unis", "ARE"),
        ("العراق", "IRQ"),
        ("والعراق", "IRQ"),
        ("للأردن", "JOR"),
        ("بالمغرب", "MAR"),
        ("المملكة العربية السعودية", "SAU"),
        ("دولة فلسطين", "PSE"),
        ("سلطنة عُمان", "OMN"),
    ],
)
def test_french_and_arabic_names_with_articles_and_prefixes(text: str, code: str) -> None:
    assert codes(text) == [code]


def test_mentions_carry_exact_spans() -> None:
    text = "Support from Kuwait and Qatar."
    for mention in find_countries(text):
        assert text[mention.start : mention.end] == mention.matched
    assert [m.matched for m in find_countries(text)] == ["Kuwait", "Qatar"]


@pytest.mark.parametrize(
    "text",
    [
        "woman and chad",  # lower-case English words are not names
        "uae",  # acronyms only in capitals
        "the American University",  # "American" is left out as ambiguous
        "Congolese workers",  # shared by two countries
        "الدعم المالي",  # "financial", not Mali
        "المستوى القطري",  # "national level", not Qatar
    ],
)
def test_no_false_positives(text: str) -> None:
    assert codes(text) == []


def test_names_match_whole_words_only() -> None:
    assert codes("Romanians and Omanis") == ["ROU", "OMN"]
    assert codes("a woman from Romania") == ["ROU"]


def test_country_codes_are_distinct_in_order() -> None:
    assert country_codes("Qatar, Iraq and again Qatar") == ["QAT", "IRQ"]


def test_country_name_in_three_languages() -> None:
    assert country_name("JOR") == "Jordan"
    assert country_name("JOR", lang="fr") == "Jordanie"
    assert country_name("JOR", lang="ar") == "الأردن"
    assert country_name("jor", lang="xx") == "Jordan"
    assert country_name("ZZZ") is None


@pytest.mark.parametrize(
    ("word", "code"),
    [("Lipva", "LBY"), ("Tunesia", "TUN"), ("Marocco", "MAR"), ("Jordon", "JOR"), ("Iraq", "IRQ")],
)
def test_fuzzy_country_forgives_two_edits(word: str, code: str) -> None:
    assert fuzzy_country(word) == code


@pytest.mark.parametrize(("word", "code"), [("Irak", "IRQ"), ("Oman", "OMN"), ("Mali", "MLI")])
def test_short_names_match_only_exactly(word: str, code: str) -> None:
    assert fuzzy_country(word) == code


@pytest.mark.parametrize("word", ["Omon", "Irag", "Session", "Annex", "Lybia"])
def test_fuzzy_country_refuses_short_distant_or_ambiguous_words(word: str) -> None:
    # "Lybia" is two edits from both Libya and Syria: a tie gives nothing
    assert fuzzy_country(word) is None


def test_whole_country_needs_the_line_to_be_only_a_name() -> None:
    assert whole_country("Iraq") == "IRQ"
    assert whole_country("the Sudan:") == "SDN"
    assert whole_country("Iraq and Jordan") is None
    assert whole_country("Iraqi") is None
    assert whole_country("Support to Iraq") is None
