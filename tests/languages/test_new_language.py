"""A language added by a data file alone (tests/languages/data/sv.toml) works end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcm_review.languages import (
    LanguageSet,
    detect_language,
    load_languages,
    number_words,
    search_forms,
    split_sentences,
    stem,
)
from gcm_review.languages.sentences import abbreviation_words, full_stops

TEST_DATA = Path(__file__).parent / "data"
SWEDISH = (
    "Regeringen har beslutat att stärka skyddet för arbetstagare som kommer till landet, och "
    "det är också viktigt att de kan få information om sina rättigheter."
)


@pytest.fixture(scope="module")
def with_swedish() -> LanguageSet:
    return load_languages(TEST_DATA)


def test_detection(with_swedish: LanguageSet) -> None:
    assert "sv" in with_swedish.codes
    assert detect_language(SWEDISH, languages=with_swedish) == "sv"
    assert detect_language(SWEDISH) is None  # the packaged languages do not know it


def test_sentence_splitting(with_swedish: LanguageSet) -> None:
    text = "Vi behöver t.ex. Bättre data. Det gäller alla."
    assert split_sentences(text, languages=with_swedish) == [
        "Vi behöver t.ex. Bättre data.",
        "Det gäller alla.",
    ]
    assert len(split_sentences(text)) == 3
    assert "t.ex" in abbreviation_words(languages=with_swedish)
    assert "t.ex" not in abbreviation_words()
    assert set(full_stops(languages=with_swedish)) == set(full_stops())


def test_search_forms(with_swedish: LanguageSet) -> None:
    assert stem("arbetstagarna", "sv", languages=with_swedish) == "arbetstag"
    assert search_forms("Rättigheter", "sv", languages=with_swedish) == (
        "rattigheter",
        "rattighet",
    )
    assert search_forms("Rättigheter", "sv") == ("rattigheter",)  # unknown: folded only


def test_number_words(with_swedish: LanguageSet) -> None:
    cardinals = number_words("sv", "cardinal", languages=with_swedish)
    assert cardinals == {"en": 1, "ett": 1, "två": 2, "tre": 3, "sjutton": 17, "tjugo ett": 21}
    assert number_words("sv", "cardinal", up_to=3, languages=with_swedish) == {
        "en": 1,
        "ett": 1,
        "två": 2,
        "tre": 3,
    }
    assert number_words("sv", "ordinal", languages=with_swedish)["tredje"] == 3


def test_function_words(with_swedish: LanguageSet) -> None:
    assert {"och", "på"} <= with_swedish.function_words()
    assert "och" not in load_languages().function_words()
