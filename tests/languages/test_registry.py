"""The language files: read once, validated, and a new file is all a language needs."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from gcm_review.errors import LanguageDataError
from gcm_review.languages import (
    detect_language,
    known_languages,
    load_languages,
)
from gcm_review.languages.registry import DATA_DIR, read_language

TEST_DATA = Path(__file__).parent / "data"
PACKAGE = DATA_DIR.parent
SWEDISH = (
    "Regeringen har beslutat att stärka skyddet för arbetstagare som kommer till landet, och "
    "det är också viktigt att de kan få information om sina rättigheter."
)
_VALID = 'name = "X"\nscript = "Latin"\ndirection = "ltr"\n[sentences]\nends = "."\n'


def test_the_packaged_languages() -> None:
    languages = known_languages()
    assert {"ar", "de", "en", "es", "fr", "pt", "ru", "zh"} <= set(languages.codes)
    assert languages is load_languages()  # read once
    arabic = languages.get("ar")
    assert arabic is not None
    assert (arabic.name, arabic.script.name, arabic.direction) == ("Arabic", "Arabic", "rtl")
    assert languages.get("xx") is None
    with pytest.raises(LanguageDataError, match=r"xx\.toml"):
        languages.require("xx")


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_number_words_run_from_one_to_thirty(code: str) -> None:
    language = known_languages().get(code)
    assert language is not None
    assert list(language.cardinals) == list(range(1, 31))
    assert list(language.ordinals) == list(range(1, 31))


def test_every_language_file_is_documented() -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for field in (
        "name",
        "script",
        "direction",
        "stopwords",
        "ends",
        "clause_ends",
        "abbreviations",
        "function",
        "alphabet",
        "abjad",
        "ordinal_adverbs",
        "letter_names",
        "conjunctions",
        "prepositions",
        "article",
        "contractions",
        "suffixes",
        "light_suffixes",
        "min_stem",
    ):
        assert f"`{field}`" in readme or f"] {field}`" in readme


def test_languages_of_other_files_still_work_with_an_extra_directory() -> None:
    languages = load_languages(TEST_DATA)
    assert (
        detect_language("اعتمدت الوزارة خطة لحماية العمال المهاجرين", languages=languages) == "ar"
    )
    assert (
        detect_language(
            "The ministry has adopted a plan for the protection of workers.", languages=languages
        )
        == "en"
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "xx.toml",
            'name = "X"\nscript = "Latin"\ndirection = "ltr"\nstopwords = [',
            "cannot read",
        ),
        ("xx.toml", 'name = "X"\nscript = "Runic"\ndirection = "ltr"\n', "script must be"),
        ("xx.toml", 'name = "X"\nscript = "Latin"\ndirection = "up"\n', "direction"),
        ("xx.toml", 'script = "Latin"\ndirection = "ltr"\n', "'name'"),
        ("xx.toml", 'name = "X"\nscript = "Latin"\ndirection = "ltr"\n', "'ends'"),
        ("English.toml", 'name = "X"\nscript = "Latin"\ndirection = "ltr"\n', "ISO 639"),
        (
            "xx.toml",
            _VALID + '[detection]\nstopwords = ["a"]\n',
            "stopwords",
        ),
        (
            "xx.toml",
            _VALID + '[numbers.cardinal]\none = ["one"]\n',
            "keys must be numbers",
        ),
        (
            "xx.toml",
            _VALID + '[stemming]\nsuffixes = [["s"]]\n',
            "pairs",
        ),
        (
            "xx.toml",
            _VALID + "[stemming]\nmin_stem = 0\n",
            "min_stem",
        ),
    ],
)
def test_a_bad_file_is_a_named_error(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LanguageDataError, match=message) as raised:
        read_language(path)
    assert name in str(raised.value)
    assert "languages/data/README.md" in raised.value.one_line()


def test_the_package_imports_only_the_errors_from_gcm_review() -> None:
    """languages is a base layer: every stage may use it, so it may use none of them."""
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                module = node.module
                assert not module.startswith("gcm_review.") or module.startswith(
                    ("gcm_review.errors", "gcm_review.languages")
                ), f"{path.name} imports {module}"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith("gcm_review"), f"{path.name}: {alias.name}"


def test_arabic_list_letters_and_heading_words() -> None:
    arabic = known_languages().require("ar")
    assert len(arabic.alphabet) == len(arabic.abjad) == 28
    assert set(arabic.alphabet) == set(arabic.abjad)
    assert arabic.abjad.startswith("أبجد")
    assert len(arabic.ordinal_adverbs) == len(arabic.letter_names) == 10
    assert {"و", "في"} <= arabic.function_words


def test_no_stage_writes_its_own_script_ranges() -> None:
    """Arabic (and presentation-form) ranges are written once, in languages/script.py; the
    frozen copy in migration 0004 is the one exception."""
    source = PACKAGE.parent
    range_pattern = re.compile(r"\\u(?:0[6-8]|f[b-e])[0-9a-f]{2}-|[\u0600-\u06ff]-[\u0600-\u06ff]")
    found = [
        f"{path.relative_to(source)}: {match.group()}"
        for path in source.rglob("*.py")
        if PACKAGE not in path.parents and "migrations" not in path.parts
        for match in range_pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
