"""The packaged GCM framework and the validation of framework files."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcm_review.errors import FrameworkError, GcmReviewError
from gcm_review.frameworks import (
    LANGUAGES,
    STRONG_WEIGHT,
    WEAK_WEIGHT,
    Framework,
    Objective,
    Principle,
    load_framework,
    parse_framework,
)

PRINCIPLE_KEYS = {
    "people-centred",
    "international-cooperation",
    "national-sovereignty",
    "rule-of-law",
    "sustainable-development",
    "human-rights",
    "gender-responsive",
    "child-sensitive",
    "whole-of-government",
    "whole-of-society",
}
CLUSTERS = {
    "RT1": (2, 5, 6, 12, 18),
    "RT2": (4, 8, 9, 10, 11, 13, 21),
    "RT3": (14, 15, 16, 19, 20, 22),
    "RT4": (1, 3, 7, 17, 23),
}


@pytest.fixture(scope="module")
def gcm() -> Framework:
    return load_framework()


def test_framework_holds_23_objectives_numbered_1_to_23(gcm: Framework) -> None:
    assert gcm.name == "gcm"
    assert [objective.number for objective in gcm.objectives] == list(range(1, 24))
    assert len({objective.key for objective in gcm.objectives}) == 23


def test_framework_holds_exactly_the_10_principles(gcm: Framework) -> None:
    assert {principle.key for principle in gcm.principles} == PRINCIPLE_KEYS
    assert len(gcm.principles) == 10


def test_clusters_match_the_imrf_roundtables(gcm: Framework) -> None:
    assert gcm.clusters == tuple(sorted(CLUSTERS))
    for cluster, members in CLUSTERS.items():
        assert gcm.cluster_members(cluster) == members
    assert gcm.cluster_members("RT9") == ()


def test_every_label_has_titles_and_strong_terms_in_three_languages(gcm: Framework) -> None:
    labels: list[Objective | Principle] = [*gcm.objectives, *gcm.principles]
    for label in labels:
        assert set(LANGUAGES) <= set(label.titles), label.key
        assert all(label.titles[lang] for lang in LANGUAGES), label.key
        assert label.scope and label.label, label.key
        for lang in LANGUAGES:
            strong = [t for t in label.terms if t.lang == lang and t.weight == STRONG_WEIGHT]
            assert len(strong) >= 10, (label.key, lang)
    assert set(LANGUAGES) <= set(gcm.title)


def test_objectives_have_enough_english_terms(gcm: Framework) -> None:
    for objective in gcm.objectives:
        english = [term for term in objective.terms if term.lang == "en"]
        strong = sum(term.weight == STRONG_WEIGHT for term in english)
        weak = sum(term.weight == WEAK_WEIGHT for term in english)
        assert 15 <= strong <= 40, (objective.number, strong)
        assert 5 <= weak <= 20, (objective.number, weak)


def test_titles_are_in_their_language(gcm: Framework) -> None:
    objective = gcm.objective(20)
    assert objective.key == "remittances" and objective.cluster == "RT3"
    assert "remittances" in objective.titles["en"]
    assert "inclusion financière" in objective.titles["fr"]
    assert "التحويلات" in objective.titles["ar"]


def test_remittance_terms_are_weighted(gcm: Framework) -> None:
    weights = {(t.text, t.lang): t.weight for t in gcm.objective(20).terms}
    assert weights[("remittances", "en")] == STRONG_WEIGHT
    assert weights[("transfer", "en")] == WEAK_WEIGHT
    assert weights[("transferts de fonds", "fr")] == STRONG_WEIGHT
    assert weights[("الشمول المالي", "ar")] == STRONG_WEIGHT


def test_lookups(gcm: Framework) -> None:
    assert gcm.principle("child-sensitive").label == "Child-sensitive"
    with pytest.raises(FrameworkError, match="no objective 24"):
        gcm.objective(24)
    with pytest.raises(FrameworkError, match="no principle"):
        gcm.principle("kindness")


def test_load_is_cached() -> None:
    assert load_framework() is load_framework("gcm")


def test_labels_can_be_hashed_and_titles_are_read_only(gcm: Framework) -> None:
    objective = gcm.objective(1)
    assert objective in {objective}
    with pytest.raises(TypeError):
        objective.titles["en"] = "changed"  # type: ignore[index]


# --- validation, on small files written in tmp_path ---------------------------------------

HEAD = """
[framework]
name = "tiny"
version = "0"
title = { en = "Tiny", fr = "Petit", ar = "صغير" }
label = { en = ["item", "items"] }
"""


def objective_toml(
    number: int, *, key: str = "", strong_en: str = '["visa"]', title: str = ""
) -> str:
    title = title or 'title = { en = "E", fr = "F", ar = "ع" }'
    return f"""
[[objectives]]
number = {number}
key = "{key or f"objective-{number}"}"
label = "Label {number}"
cluster = "RT1"
{title}
scope = "What belongs."
strong.en = {strong_en}
strong.fr = ["visa"]
weak.en = ["entry"]
"""


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "tiny.toml"
    path.write_text(HEAD + text, encoding="utf-8")
    return str(path)


def test_a_valid_file_loads_from_a_path(tmp_path: Path) -> None:
    path = write(tmp_path, objective_toml(1) + objective_toml(2))
    framework = load_framework(path)
    assert framework.name == "tiny"
    assert framework.cluster_members("RT1") == (1, 2)
    assert framework.principles == ()
    assert [(t.text, t.weight) for t in framework.objective(1).terms if t.lang == "en"] == [
        ("visa", STRONG_WEIGHT),
        ("entry", WEAK_WEIGHT),
    ]


def test_gap_in_numbers_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, objective_toml(1) + objective_toml(3))
    with pytest.raises(FrameworkError, match=r"tiny\.toml.*objective 2 is missing"):
        load_framework(path)


def test_duplicate_number_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, objective_toml(1) + objective_toml(1, key="again"))
    with pytest.raises(FrameworkError, match=r"tiny\.toml: objective number 1 appears more"):
        load_framework(path)


def test_duplicate_term_is_rejected_after_folding(tmp_path: Path) -> None:
    path = write(tmp_path, objective_toml(1, strong_en='["Visa", "work permit", "visa"]'))
    with pytest.raises(FrameworkError, match=r"tiny\.toml: objective 1: strong\.en .*'visa' twice"):
        load_framework(path)


def test_term_repeated_across_strong_and_weak_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, objective_toml(1, strong_en='["entry"]'))
    with pytest.raises(FrameworkError, match=r"objective 1: weak\.en lists the term 'entry'"):
        load_framework(path)


@pytest.mark.parametrize(
    "term", ["mig*", "migr*ant", "visa**", "侨汇*", "侨汇 remit*", "*visa", "co-op*"]
)
def test_a_stem_must_end_a_word_of_four_letters_or_more(tmp_path: Path, term: str) -> None:
    path = write(tmp_path, objective_toml(1, strong_en=f'["visa", "{term} permits"]'))
    with pytest.raises(FrameworkError, match=r"objective 1: strong\.en: in the term .*\* may only"):
        load_framework(path)


def test_a_stem_of_four_letters_loads(tmp_path: Path) -> None:
    path = write(tmp_path, objective_toml(1, strong_en='["visa", "work permit*"]'))
    assert "work permit*" in [t.text for t in load_framework(path).objective(1).terms]


def test_arabic_spelling_variants_count_as_one_term() -> None:
    arabic = 'strong.ar = ["الهجرة", "الهجره"]'
    text = HEAD + objective_toml(1).replace('strong.fr = ["visa"]', arabic)
    with pytest.raises(FrameworkError, match=r"strong\.ar lists the term"):
        parse_framework(text, source="inline.toml")


def test_hyphen_and_space_variants_count_as_one_term() -> None:
    text = HEAD + objective_toml(1, strong_en='["whole-of-government", "whole of government"]')
    with pytest.raises(FrameworkError, match="twice"):
        parse_framework(text, source="inline.toml")


def test_missing_title_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, objective_toml(1, title='title = { en = "E", fr = "F" }'))
    with pytest.raises(FrameworkError, match=r"tiny\.toml: objective 1: title: 'ar'"):
        load_framework(path)


def test_objective_needs_an_english_strong_term() -> None:
    with pytest.raises(FrameworkError, match=r"objective 1: needs at least one English strong"):
        parse_framework(HEAD + objective_toml(1, strong_en="[]"), source="inline.toml")


def test_missing_cluster_is_rejected() -> None:
    text = HEAD + objective_toml(1).replace('cluster = "RT1"\n', "")
    with pytest.raises(FrameworkError, match=r"objective 1: 'cluster'"):
        parse_framework(text, source="inline.toml")


def test_duplicate_principle_key_is_rejected() -> None:
    principle = """
[[principles]]
key = "fairness"
label = "Fairness"
title = { en = "E", fr = "F", ar = "ع" }
scope = "What belongs."
strong.en = ["fair"]
"""
    text = HEAD + objective_toml(1) + principle + principle
    with pytest.raises(FrameworkError, match="principle key 'fairness' appears more than once"):
        parse_framework(text, source="inline.toml")


def test_broken_toml_and_unknown_name_are_framework_errors(tmp_path: Path) -> None:
    with pytest.raises(FrameworkError, match=r"tiny\.toml: not valid TOML"):
        load_framework(write(tmp_path, "[[objectives]\n"))
    with pytest.raises(FrameworkError, match="no packaged framework") as caught:
        load_framework("no-such-framework")
    assert isinstance(caught.value, GcmReviewError)
    assert "gcm" in caught.value.one_line()


def test_the_gcm_file_names_its_words_references_and_examples(gcm: Framework) -> None:
    assert (gcm.size, gcm.label_word(), gcm.label_word("ar", plural=True)) == (
        23,
        "objective",
        "أهداف",
    )
    assert gcm.numbering() == "objectives are numbered 1 to 23"
    assert gcm.name_in("en") == "Global Compact for Migration"
    assert dict(gcm.references.words)["fr"] == "objectifs?"
    assert gcm.references.prefix("ar") and not gcm.references.prefix("en")
    assert [path.name for path in gcm.examples] == [
        "gcm-train.jsonl",
        *(f"{lang}.jsonl" for lang in ("ar", "en", "es", "fr", "ru", "zh")),
    ]
    assert all(path.is_file() for path in gcm.examples)


def test_a_file_without_references_or_examples_loads(tmp_path: Path) -> None:
    framework = load_framework(write(tmp_path, objective_toml(1)))
    assert framework.references.words == () and framework.examples == ()
    assert framework.label_word(plural=True) == "items"
    assert framework.label_word("fr") == "item"  # no French word: the English one


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("[references]\nwords.en = ['goal(s']\n", r"words\.en: 'goal\(s' is not a valid regular"),
        ("[references]\nwords.en = ['(goal)s?']\n", "has a capturing group"),
        ("[references]\nwords.en = ['x?']\n", r"words\.en: 'x\?' matches empty text"),
        ("[references]\nwords.en = 'goal'\n", "must be a list of regular expressions"),
        ("[references]\nof.en = ''\n", r"of\.en: every pattern must be a non-empty string"),
    ],
)
def test_broken_reference_patterns_are_rejected(table: str, message: str) -> None:
    with pytest.raises(FrameworkError, match=message):
        parse_framework(HEAD + table + objective_toml(1), source="inline.toml")


def test_label_word_is_required_with_both_forms() -> None:
    without = HEAD.replace('label = { en = ["item", "items"] }\n', "")
    with pytest.raises(FrameworkError, match="'label' must give") as caught:
        parse_framework(without + objective_toml(1), source="inline.toml")
    assert 'label.en = ["objective", "objectives"]' in caught.value.one_line()
    single = HEAD.replace('["item", "items"]', '["item"]')
    with pytest.raises(FrameworkError, match=r"label\.en must be \[singular, plural\]"):
        parse_framework(single + objective_toml(1), source="inline.toml")


def test_examples_are_found_beside_the_framework_file(tmp_path: Path) -> None:
    head = HEAD + 'examples = ["train.jsonl"]\n'
    path = tmp_path / "tiny.toml"
    path.write_text(head + objective_toml(1), encoding="utf-8")
    with pytest.raises(FrameworkError, match="examples file 'train.jsonl' not found"):
        load_framework(str(path))
    (tmp_path / "train.jsonl").write_text("", encoding="utf-8")
    assert load_framework(str(path)).examples == (tmp_path / "train.jsonl",)  # failures not cached


def test_misspelt_keys_are_rejected() -> None:
    with pytest.raises(FrameworkError, match=r"\[references\]: unknown key 'word'") as caught:
        parse_framework(HEAD + "[references]\nword.en = ['goal']\n" + objective_toml(1), source="x")
    assert "words, prefix, names, of, others" in caught.value.one_line()
    with pytest.raises(FrameworkError, match=r"\[framework\]: unknown key 'exemples'"):
        parse_framework(
            HEAD.replace("[framework]", "[framework]\nexemples = []") + objective_toml(1),
            source="x",
        )


def test_principle_words_roundtables_and_short_name_are_optional() -> None:
    tiny = parse_framework(HEAD + objective_toml(1), source="inline.toml")
    assert (tiny.principle_word(), tiny.principle_word(plural=True)) == ("principle", "principles")
    assert tiny.roundtable_cluster(1) is None
    assert tiny.short_name_in() == "Tiny"
    gcm = load_framework()
    assert gcm.principle_word(plural=True) == "guiding principles"
    assert [gcm.roundtable_cluster(n) for n in (1, 4, 5)] == ["RT1", "RT4", None]
    assert gcm.short_name_in() == "Global Compact"


def test_roundtables_must_name_clusters_of_objectives() -> None:
    head = HEAD + 'roundtables = ["RT1", "RT9"]\n'
    with pytest.raises(FrameworkError, match="roundtables names 'RT9'") as caught:
        parse_framework(head + objective_toml(1), source="inline.toml")
    assert caught.value.hint == "the clusters are RT1"
    broken = HEAD + 'principle_label = { en = ["value"] }\n'
    with pytest.raises(FrameworkError, match=r"principle_label\.en must be \[singular, plural\]"):
        parse_framework(broken + objective_toml(1), source="inline.toml")
