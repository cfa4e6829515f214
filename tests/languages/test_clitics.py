"""Attached words from the language files: the prefixes each stage looks for, and light stems."""

from __future__ import annotations

import re
from pathlib import Path

from gcm_review.languages import (
    known_languages,
    lam_article,
    light_stem,
    load_languages,
    proclitic_pattern,
    proclitics,
)
from gcm_review.languages.registry import read_language

ARABIC = known_languages().require("ar")


def test_prefixes_of_one_attached_word_and_the_article() -> None:
    assert set(proclitics(ARABIC, max_words=1)) == {
        "و", "ف", "ب", "ك", "ل", "ال", "وال", "فال", "بال", "كال", "لل",
    }  # fmt: skip
    assert set(proclitics(ARABIC, max_words=1, article=True)) == {
        "ال", "وال", "فال", "بال", "كال", "لل",
    }  # fmt: skip
    assert set(proclitics(ARABIC, max_words=1, article=False)) == {"و", "ف", "ب", "ك", "ل"}


def test_prefixes_of_two_attached_words_longest_first() -> None:
    prefixes = proclitics(ARABIC)
    assert {"وبال", "فلل", "ولل", "وب", "فك"} <= set(prefixes)
    assert "لال" not in prefixes and "ولال" not in prefixes  # contracted to لل
    assert [len(prefix) for prefix in prefixes] == sorted(map(len, prefixes), reverse=True)


def test_the_pattern_of_attached_words() -> None:
    pattern = re.compile(proclitic_pattern(ARABIC) + "مهاجرين$")
    for word in ("مهاجرين", "والمهاجرين", "بالمهاجرين", "وبالمهاجرين"):
        assert pattern.match(word), word
    verb = re.compile(proclitic_pattern(ARABIC, prepositions=False) + "دعا$")
    assert verb.match("ودعا") and not verb.match("بدعا")
    assert lam_article(ARABIC) == "لل"


def test_a_language_without_clitics() -> None:
    english = known_languages().require("en")
    assert proclitics(english) == ()
    assert proclitic_pattern(english) == ""
    assert lam_article(english) == ""
    assert light_stem("migrants", english) == "migrants"


def test_light_stem_drops_one_article_prefix_and_one_ending() -> None:
    assert light_stem("المهاجرين", ARABIC) == "مهاجر"
    assert light_stem("للدول", ARABIC) == "دول"
    assert light_stem("والسياسات", ARABIC) == "سياس"
    assert light_stem("دول", ARABIC) == "دول"  # three letters stay whole


def test_clitics_of_a_new_language_file(tmp_path: Path) -> None:
    path = tmp_path / "xx.toml"
    path.write_text(
        'name = "X"\nscript = "Latin"\ndirection = "ltr"\n[sentences]\nends = "."\n'
        '[clitics]\nconjunctions = ["q"]\nprepositions = ["d"]\narticle = "al"\n'
        'contractions = [["dal", "dl"]]\n',
        encoding="utf-8",
    )
    language = read_language(path)
    assert set(proclitics(language, max_words=1)) == {"q", "d", "al", "qal", "dl"}
    assert proclitic_pattern(language) == "(?:[q]?[d]?(?:al)?)"
    assert load_languages(tmp_path).get("xx") == language
