"""Term matching: whole words in order, stems ending in * for languages that inflect, Chinese in
either script."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcm_review.frameworks import load_framework
from gcm_review.tagging.lexicon import compile_lexicon, lexicon_scores

FRAMEWORK = """
[framework]
name = "stems"
version = "0"
title = { en = "Stems", fr = "Radicaux", ar = "جذور" }
label = { en = ["item", "items"] }

[[objectives]]
number = 1
key = "remittances"
label = "Remittances"
cluster = "RT1"
title = { en = "Remittances", fr = "Fonds", ar = "تحويلات" }
scope = "Money sent home."
strong.en = ["remittances"]
strong.fr = ["envois de fonds"]
strong.ru = ["денежн* перевод*", "стоимост* перевод*"]
weak.ru = ["банк"]
strong.zh = ["侨汇", "匯款"]
"""


@pytest.fixture(scope="module")
def lexicon_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stems") / "stems.toml"
    path.write_text(FRAMEWORK, encoding="utf-8")
    return path


def matched(text: str, path: Path) -> tuple[str, ...]:
    found = lexicon_scores(text, compile_lexicon(load_framework(str(path))))
    return found["objective:1"].matched if "objective:1" in found else ()


@pytest.mark.parametrize(
    "text",
    [
        "Объем денежных переводов мигрантов вырос.",
        "Денежные переводы составили 30% ВВП.",
        "о снижении стоимости переводов до 3%",
    ],
)
def test_a_stem_matches_the_inflected_forms(text: str, lexicon_path: Path) -> None:
    assert matched(text, lexicon_path)


def test_every_word_of_a_stem_term_must_match_in_order(lexicon_path: Path) -> None:
    assert not matched("переводы денежные", lexicon_path)  # the words out of order
    assert not matched("денежная реформа", lexicon_path)  # the second word differs
    assert not matched("денежн", lexicon_path) and not matched("ден переводы", lexicon_path)


def test_a_word_without_a_star_matches_only_itself(lexicon_path: Path) -> None:
    assert matched("в банке", lexicon_path) == ()
    assert matched("банк", lexicon_path) == ("банк",)


def test_the_evidence_names_the_term_as_written(lexicon_path: Path) -> None:
    assert matched("Денежные переводы и стоимость перевода", lexicon_path) == (
        "денежн* перевод*",
        "стоимост* перевод*",
    )


@pytest.mark.parametrize("text", ["僑匯收入增長", "侨汇收入增长", "境外匯款", "境外汇款"])
def test_chinese_terms_match_in_traditional_and_simplified_characters(
    text: str, lexicon_path: Path
) -> None:
    assert matched(text, lexicon_path)
