"""Number words for objective references, built from the language files."""

from __future__ import annotations

import json
import re
from pathlib import Path

from gcm_review.structure import objective_words

# The tables as objective_words.py wrote them out before the words moved to languages/data/.
TABLES_FILE = Path(__file__).parent / "data" / "objective_words_tables.json"
TABLES = json.loads(TABLES_FILE.read_text(encoding="utf-8"))


def test_the_tables_are_those_written_out_before() -> None:
    for name, expected in TABLES.items():
        built = getattr(objective_words, name)
        if isinstance(built, frozenset):
            assert sorted(built) == expected, name
        else:
            assert built == expected, name


def test_numbers_stop_at_the_last_objective() -> None:
    assert max(objective_words.LATIN_WORDS.values()) == objective_words.HIGHEST_NUMBER == 23
    assert "twenty four" not in objective_words.LATIN_WORDS


def test_patterns_match_the_phrases() -> None:
    latin = re.compile(objective_words.words_pattern(objective_words.LATIN_WORDS))
    assert latin.fullmatch("twenty-three")
    assert latin.fullmatch("dix-septième")
    arabic = re.compile(objective_words.words_pattern(objective_words.AR_ORDINAL, arabic=True))
    assert arabic.fullmatch("الثالث والعشرين")
    assert objective_words.word_key("Twenty-Third") == "twenty third"
