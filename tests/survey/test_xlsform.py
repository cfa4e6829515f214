"""Reading XLSForms: languages, groups, skip conditions, non-answers, problems in the form."""

from __future__ import annotations

from pathlib import Path

from gcm_review.survey.xlsform import is_dont_know, read_form, resolve_language
from survey.builders import small_form, write_xlsform


def test_small_form(tmp_path: Path) -> None:
    form = read_form(small_form(tmp_path / "form.xlsx"), language="French")
    assert [q.name for q in form.questions] == [
        "group",
        "took_part",
        "useful",
        "topics",
        "years",
        "change",
    ]
    assert form.languages == ("English (en)", "French (fr)", "Arabic (ar)")
    assert form.language == "French (fr)"
    useful = form.question("useful")
    assert useful is not None
    assert useful.groups == ("consult",)
    assert useful.path == "consult/useful"
    assert useful.conditions == ("${took_part} = 'yes'",)
    took_part = form.question("took_part")
    assert took_part is not None
    assert [c.excluded for c in took_part.choices] == [False, False, True]
    assert form.title == "form"
    assert not form.problems


def test_group_conditions_numeric_names_and_settings(tmp_path: Path) -> None:
    survey = [
        ("type", "name", "label", "relevant"),
        ("integer", "age", "Age", ""),
        ("begin group", "adults", "Adults", "${age} >= 18"),
        ("select_one scale", "rating", "Rating", "${age} < 65"),
        ("select_one yn or_other", "other_q", "With other", ""),
        ("end group", "", "", ""),
        ("calculate", "score", "", ""),
        ("begin repeat", "household", "Household", ""),
        ("text", "member", "Member", ""),
        ("end repeat", "", "", ""),
        ("select_one missing_list", "broken", "Broken", ""),
        ("geopint", "place", "Place", ""),
    ]
    choices = [
        ("list_name", "name", "label", "exclude"),
        ("scale", 1, "Poor", ""),
        ("scale", 2, "Good", ""),
        ("scale", 9, "No opinion", "yes"),
        ("yn", "yes", "Yes", ""),
    ]
    settings = [("form_title", "default_language"), ("Test survey", "English")]
    form = read_form(write_xlsform(tmp_path / "form.xlsx", survey, choices, settings))
    assert form.title == "Test survey"
    rating = form.question("rating")
    assert rating is not None
    assert rating.conditions == ("${age} >= 18", "${age} < 65")
    assert [c.name for c in rating.choices] == ["1", "2", "9"]
    assert [c.excluded for c in rating.choices] == [False, False, True]
    other = form.question("other_q")
    assert other is not None and [c.name for c in other.choices] == ["yes", "other"]
    assert {"score", "member", "broken", "place"} <= set(form.other_fields)
    messages = [(p.sheet, p.column, p.rows, p.message) for p in form.problems]
    assert ("survey", "type", (9,), "'member' is inside a repeat; it is not analysed") in messages
    assert any(rows == (11,) and "missing_list" in m for _, _, rows, m in messages)
    assert any(rows == (12,) and "unknown type 'geopint'" in m for _, _, rows, m in messages)


def test_dont_know_detection() -> None:
    assert is_dont_know("dont_know", {})
    assert is_dont_know("DK", {})
    assert is_dont_know("x9", {"English": "I don’t know"})
    assert is_dont_know("x9", {"French": "Ne sait pas"})
    assert is_dont_know("x9", {"Arabic": "لا أعرف"})
    assert is_dont_know("refused", {})
    assert not is_dont_know("no", {"English": "No"})
    assert not is_dont_know("know_well", {"English": "I know it well"})


def test_resolve_language() -> None:
    available = ("English (en)", "French (fr)", "Arabic (ar)")
    assert resolve_language("English", available) == ("English (en)", "")
    assert resolve_language("fr", available) == ("French (fr)", "")
    assert resolve_language("arabic", available) == ("Arabic (ar)", "")
    chosen, problem = resolve_language("Spanish", available, default="French (fr)")
    assert chosen == "French (fr)" and "Spanish" in problem
    assert resolve_language("English", ("",)) == ("", "")  # only a plain label column
