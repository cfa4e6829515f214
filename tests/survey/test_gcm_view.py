"""The GCM view: principles needing further improvement, objective ranking, participation."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcm_review.frameworks import load_framework
from gcm_review.survey import analyse_survey
from gcm_review.survey.records import SurveyResult
from survey.builders import write_csv, write_xlsform

SURVEY = [
    ("type", "name", "label::English", "gcm"),
    ("select_one who", "stakeholder", "Who are you?", ""),
    ("select_one part", "consultation_participation", "Did you take part?", ""),
    ("begin_group", "principles", "Principles", ""),
    ("select_one app", "p_child", "How well applied: child-sensitive?", ""),
    ("select_one app", "p_wos", "How well applied: whole-of-society approach?", ""),
    ("select_one app", "principle_human_rights", "How well applied: rights?", ""),
    ("end_group", "", "", ""),
    ("select_multiple obj", "priorities", "Priorities", "objectives"),
]
CHOICES = [
    ("list_name", "name", "label::English"),
    ("who", "gov", "Government"),
    ("who", "cso", "Civil society"),
    ("part", "national", "National only"),
    ("part", "regional", "Regional only"),
    ("part", "both", "Both"),
    ("part", "neither", "Neither"),
    ("part", "dont_know", "Don't know"),
    ("app", "well", "Well applied"),
    ("app", "partly", "Partially applied"),
    ("app", "needs_further_improvement", "Needs further improvement"),
    ("app", "dont_know", "Don't know"),
    ("obj", "obj1", "Data first"),
    ("obj", "obj2", ""),
    ("obj", "obj7", ""),
]
ROWS = [
    (
        "stakeholder",
        "consultation_participation",
        "principles/p_child",
        "principles/p_wos",
        "principles/principle_human_rights",
        "priorities",
    ),
    (
        "gov",
        "neither",
        "needs_further_improvement",
        "needs_further_improvement",
        "well",
        "obj1 obj7",
    ),
    ("gov", "national", "well", "needs_further_improvement", "needs_further_improvement", "obj7"),
    ("cso", "neither", "dont_know", "needs_further_improvement", "partly", "obj2 obj7"),
    ("cso", "both", "needs_further_improvement", "", "needs_further_improvement", "obj1"),
    ("cso", "dont_know", "partly", "well", "needs_further_improvement", "obj2"),
]


@pytest.fixture
def result(tmp_path: Path) -> SurveyResult:
    form = write_xlsform(tmp_path / "form.xlsx", SURVEY, CHOICES)
    return analyse_survey(form, write_csv(tmp_path / "data.csv", ROWS))


def test_principles_share_needing_further_improvement(result: SurveyResult) -> None:
    shares = {s.principle: s for s in result.gcm.principles}
    assert list(shares) == ["child-sensitive", "whole-of-society", "human-rights"]
    child = shares["child-sensitive"]  # needs, well, (don't know), needs, partly
    assert (child.row.n, child.row.total, child.row.percent) == (2, 4, 50.0)
    assert (child.excluded, child.blank) == (1, 0)
    society = shares["whole-of-society"]  # needs x3, (blank), well
    assert (society.row.n, society.row.total, society.row.percent) == (3, 4, 75.0)
    assert society.blank == 1
    assert shares["human-rights"].row.percent == 60.0
    assert child.title == "Child-sensitive"
    assert result.gcm.summary[0].startswith(
        "Between 50.0% (Child-sensitive) and 75.0% (Whole-of-society approach)"
    )


def test_objective_priorities_are_ranked_with_ties(result: SurveyResult) -> None:
    ranking = [(p.rank, p.objective, p.row.n, p.row.percent) for p in result.gcm.objectives]
    assert ranking == [(1, 7, 3, 60.0), (2, 1, 2, 40.0), (2, 2, 2, 40.0)]
    titles = [p.title for p in result.gcm.objectives]
    assert titles[1] == "Data first"  # the form's label
    assert "vulnerabilities" in titles[0]  # no label in the form: the GCM title of objective 7


def test_participation_by_stakeholder_group(result: SurveyResult) -> None:
    table = result.gcm.participation
    assert table is not None
    assert (table.question, table.by) == ("consultation_participation", "stakeholder")
    cells = {(r.group_value, r.option): (r.n, r.total) for r in table.rows if r.kind == "answer"}
    assert cells[("", "neither")] == (2, 4)  # don't know left out
    assert cells[("gov", "neither")] == (1, 2)
    assert cells[("cso", "neither")] == (1, 2)
    assert cells[("cso", "both")] == (1, 2)
    assert result.gcm.summary[-1].startswith("50.0% of respondents (2 of 4) took part in neither")


# --- another framework: the view follows its principles, its N objectives and its label word ---

MINI = Path(__file__).parents[1] / "frameworks" / "data" / "mini.toml"
MINI_SURVEY = [
    ("type", "name", "label::English", "gcm"),
    ("select_one app", "p_fairness", "How well applied: fair shares for every village?", ""),
    ("select_multiple goals", "priorities", "Which goals matter most?", ""),
]
MINI_CHOICES = [
    ("list_name", "name", "label::English"),
    ("app", "well", "Well applied"),
    ("app", "needs_further_improvement", "Needs further improvement"),
    ("goals", "goal1", ""),
    ("goals", "goal2", ""),
    ("goals", "goal3", ""),
    ("goals", "goal4", ""),
]
MINI_ROWS = [
    ("p_fairness", "priorities"),
    ("well", "goal1 goal3"),
    ("needs_further_improvement", "goal3"),
    ("needs_further_improvement", "goal3 goal4"),
    ("well", "goal2"),
]


def test_the_view_of_another_framework(tmp_path: Path) -> None:
    form = write_xlsform(tmp_path / "form.xlsx", MINI_SURVEY, MINI_CHOICES)
    data = write_csv(tmp_path / "data.csv", MINI_ROWS)
    mini = load_framework(str(MINI))
    view = analyse_survey(form, data, framework=mini).gcm
    assert [(s.principle, s.title, s.row.percent) for s in view.principles] == [
        ("fairness", "Fair shares for every village", 50.0)
    ]
    assert view.objectives_question == "priorities"  # four numbered choices out of four
    ranking = [(p.rank, p.objective, p.title, p.row.n) for p in view.objectives]
    assert ranking[0] == (1, 3, "Keep village roads open all year", 3)
    assert {p.objective for p in view.objectives} == {1, 2, 3, 4}
    assert view.summary[1].startswith("Goals most often chosen as priorities: Keep village roads")
    # With the GCM, four numbered choices out of 23 do not make an objectives question.
    assert analyse_survey(form, data).gcm.objectives_question == ""
