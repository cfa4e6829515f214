"""Explicit references to GCM objectives in English, French and Arabic."""

from __future__ import annotations

import pytest

from gcm_review.frameworks import Framework, load_framework, parse_framework
from gcm_review.structure.objective_refs import find_objective_mentions, find_objective_refs
from gcm_review.structure.reference_patterns import reference_patterns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("progress on objective 17 was slow", (17,)),
        ("Objective 17 matters most", (17,)),
        (
            "the review of objectives 4, 8, 9, 10, 11, 13 and 21 of the Compact",
            (4, 8, 9, 10, 11, 13, 21),
        ),
        ("objectives 4 and 9", (4, 9)),
        ("objectives 1 to 5", (1, 2, 3, 4, 5)),
        ("objectives 1-5", (1, 2, 3, 4, 5)),
        ("objectives 1–5", (1, 2, 3, 4, 5)),
        ("objectives 3 through 5", (3, 4, 5)),
        ("the 9th and 10th objectives", (9, 10)),
        ("the seventeenth objective", (17,)),
        ("the twenty-third objective", (23,)),
        ("he addressed the objective 20 on remittances", (20,)),
        ("GCM objective 3", (3,)),
        ("objective no. 6", (6,)),
        ("objective seventeen", (17,)),
        ("the first GCM objective", (1,)),
        ("the first objective of the Global Compact", (1,)),
    ],
)
def test_english(text: str, expected: tuple[int, ...]) -> None:
    assert find_objective_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("les progrès de l'objectif 17", (17,)),
        ("les objectifs 4, 8 et 9", (4, 8, 9)),
        ("l'objectif n° 5", (5,)),
        ("les 9e et 10e objectifs", (9, 10)),
        ("les objectifs 1 à 5", (1, 2, 3, 4, 5)),
        ("l'objectif dix-sept", (17,)),
        ("le dix-septième objectif du PMM", (17,)),
    ],
)
def test_french(text: str, expected: tuple[int, ...]) -> None:
    assert find_objective_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تنفيذ الهدف 17", (17,)),
        ("تنفيذ الهدف ١٧", (17,)),
        ("الأهداف 4 و8 و9", (4, 8, 9)),
        ("الأهداف ٤ و٨ و٩", (4, 8, 9)),
        ("الهدفين 9 و10", (9, 10)),
        ("الهدف السابع عشر", (17,)),
        ("الهدف سابع عشر", (17,)),
        ("الهدف الأول", (1,)),
        ("الهدفين التاسع والعاشر", (9, 10)),
        ("والهدف الثالث والعشرين", (23,)),
        ("الهدف الحادي والعشرون", (21,)),
        ("للهدف 23", (23,)),
        ("الأهداف من 1 إلى 5", (1, 2, 3, 4, 5)),
        ("الهَدَف السابع", (7,)),
    ],
)
def test_arabic(text: str, expected: tuple[int, ...]) -> None:
    assert find_objective_refs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "SDG 8 and Goal 10",
        "target 10.7 of the 2030 Agenda",
        "as noted in paragraph 23",
        "the 23 objectives of the Compact",
        "all 23 GCM objectives",
        "between 2018 and 2021",
        "objective 8 of the SDGs",
        "objective 25",
        "objective 10.7",
        "objective 5 per cent",
        "the first objective of the meeting was to agree",
        "the main objectives were shared",
        "les 23 objectifs du Pacte",
        "الهدف 8 من أهداف التنمية المستدامة",
        "الأهداف الثلاثة والعشرين",
    ],
)
def test_no_false_positives(text: str) -> None:
    assert find_objective_refs(text) == ()


def test_out_of_range_numbers_are_dropped_from_lists() -> None:
    assert find_objective_refs("objectives 22 to 30") == (22,)
    assert find_objective_refs("objectives 3 and 2030") == (3,)


def test_refs_are_sorted_and_unique() -> None:
    assert find_objective_refs("objective 9, then objective 2 and again objective 9") == (2, 9)


def test_mentions_give_the_phrase_and_its_span() -> None:
    text = "She cited objectives 4 and 9, and later الهدف ١٧."
    mentions = find_objective_mentions(text)
    assert [mention.objective for mention in mentions] == [4, 9, 17]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.matched
    assert mentions[0].matched == "objectives 4 and 9"
    assert mentions[2].matched == "الهدف ١٧"


def test_spans_survive_arabic_diacritics() -> None:
    text = "نص قبل الهَدَف السابع عشر ونص بعد"
    (mention,) = find_objective_mentions(text)
    assert mention.objective == 17
    assert text[mention.start : mention.end] == mention.matched
    assert mention.matched.startswith("الهَدَف")


# --- the words come from the framework: other languages and scripts are data ------------------

SDG_LIKE = """
[framework]
name = "goals"
version = "0"
title = { en = "Goals", fr = "Objectifs", ar = "أهداف" }
label = { en = ["goal", "goals"], es = ["objetivo", "objetivos"] }

[references]
words.en = ["goals?", "SDGs?"]
words.es = ["objetivos?"]
words.ru = ["цел(?:ь|и|ей|ям|ях)"]
words.zh = ["目标"]
others = ['(?:the\\s+)?GCM\\b']
"""


def _goals(count: int) -> str:
    return "".join(
        f"""
[[objectives]]
number = {n}
key = "goal-{n}"
label = "Goal {n}"
cluster = "all"
title = {{ en = "Goal {n}", fr = "Objectif {n}", ar = "الهدف {n}" }}
scope = "Goal {n}."
strong.en = ["goal {n} term"]
"""
        for n in range(1, count + 1)
    )


@pytest.fixture(scope="module")
def seventeen() -> Framework:
    return parse_framework(SDG_LIKE + _goals(17), source="goals.toml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("progress on SDG 8 and goals 16 to 17", (8, 16, 17)),
        ("el objetivo 5 y los objetivos 10, 11", (5, 10, 11)),
        ("достижение цели 3 и цели 4", (3, 4)),
        ("цели 6, 7", (6, 7)),
        ("为实现目标3和目标16而努力", (3, 16)),
        ("goal 18", ()),  # only 1..17
        ("objective 8", ()),  # the GCM's word is not this framework's
        ("goal 10 of the GCM", ()),  # another framework named after the reference
    ],
)
def test_reference_words_of_another_framework(
    seventeen: Framework, text: str, expected: tuple[int, ...]
) -> None:
    assert find_objective_refs(text, framework=seventeen) == expected


def test_a_framework_without_reference_words_finds_nothing() -> None:
    silent = parse_framework(SDG_LIKE.split("[references]")[0] + _goals(2), source="silent.toml")
    assert find_objective_refs("goal 1, objective 2, الهدف 2", framework=silent) == ()


def test_patterns_are_compiled_once_per_framework(seventeen: Framework) -> None:
    assert reference_patterns(seventeen) is reference_patterns(seventeen)
    assert reference_patterns(load_framework()).last == 23
