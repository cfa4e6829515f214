"""analyse_survey on small exports whose expected values are counted by hand."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from gcm_review.survey import ResultRow, SurveyResult, analyse_survey
from gcm_review.survey.records import BLANK, NOT_ASKED
from survey.builders import small_export, small_form

Z = 1.959963984540054


def wilson_by_hand(share: float, size: float) -> tuple[float, float]:
    """The Wilson score interval written out from its textbook formula, in percent."""
    centre = share + Z * Z / (2 * size)
    spread = Z * math.sqrt(share * (1 - share) / size + Z * Z / (4 * size * size))
    scale = 1 + Z * Z / size
    return 100 * (centre - spread) / scale, 100 * (centre + spread) / scale


def row(
    result: SurveyResult, question: str, option: str, group: str = "", value: str = ""
) -> ResultRow:
    matches = [
        r
        for r in result.rows
        if (r.question, r.option, r.group, r.group_value) == (question, option, group, value)
    ]
    assert len(matches) == 1, (question, option, group, value)
    return matches[0]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    return small_form(tmp_path / "form.xlsx"), small_export(tmp_path / "data.csv")


def test_whole_sample_shares_leave_out_dont_know_and_blank(files: tuple[Path, Path]) -> None:
    result = analyse_survey(*files)
    assert result.respondents == 6
    # took_part: yes a, d, f; no b; don't know c; blank e -> 4 substantive answers.
    yes = row(result, "took_part", "yes")
    assert (yes.n, yes.total, yes.percent) == (3, 4, 75.0)
    assert row(result, "took_part", "no").percent == 25.0
    dont_know = row(result, "took_part", "dont_know")
    assert (dont_know.n, dont_know.total, dont_know.kind) == (1, 6, "excluded")
    blank = row(result, "took_part", BLANK)
    assert (blank.n, blank.total, blank.kind) == (1, 6, "blank")
    assert row(result, "group", "gov").percent == 50.0


def test_wilson_interval_matches_the_formula_and_a_worked_value(files: tuple[Path, Path]) -> None:
    result = analyse_survey(*files, by=["group"])
    yes = row(result, "took_part", "yes")
    low, high = wilson_by_hand(0.75, 4)
    assert yes.ci_low == pytest.approx(low, abs=1e-9)
    assert yes.ci_high == pytest.approx(high, abs=1e-9)
    # 3 of 4 worked out with a calculator: 30.064% to 95.441%.
    assert (round(yes.ci_low, 3), round(yes.ci_high, 3)) == (30.064, 95.441)
    # A share of 0 has the closed-form upper bound z^2 / (n + z^2) and a lower bound of 0.
    none = row(result, "useful", "very", "group", "cso")  # 0 of 1
    assert none.ci_low == 0.0
    assert none.ci_high == pytest.approx(100 * Z * Z / (1 + Z * Z))


def test_select_multiple_shares_are_of_those_who_answered(files: tuple[Path, Path]) -> None:
    result = analyse_survey(*files)
    # Answered: a, b, d, e, f (c blank). data a d e; work a b; health d f.
    shares = {r.option: (r.n, r.total, r.percent) for r in result.rows_of("topics", group="")}
    assert shares["data"] == (3, 5, 60.0)
    assert shares["work"] == (2, 5, 40.0)
    assert shares["health"] == (2, 5, 40.0)
    assert shares[BLANK][:2] == (1, 6)
    assert sum(shares[o][2] for o in ("data", "work", "health")) == pytest.approx(140.0)


def test_relevant_makes_the_denominator_those_asked(files: tuple[Path, Path]) -> None:
    result = analyse_survey(*files)
    # useful is asked when took_part = 'yes': a (very), d (little), f (blank).
    very = row(result, "useful", "very")
    assert (very.n, very.total, very.percent) == (1, 2, 50.0)
    blank = row(result, "useful", BLANK)
    assert (blank.n, blank.total) == (1, 3)
    not_asked = row(result, "useful", NOT_ASKED)
    assert (not_asked.n, not_asked.total, not_asked.kind) == (3, 6, "not-asked")


def test_weighted_counts_and_kish_interval(files: tuple[Path, Path]) -> None:
    result = analyse_survey(*files, weights="w")
    yes = row(result, "took_part", "yes")
    # Weights a 2, b 1, d 0.5, f 1.5: yes = 2 + 0.5 + 1.5 = 4 of 5.
    assert yes.n == pytest.approx(4.0)
    assert yes.total == pytest.approx(5.0)
    assert yes.percent == pytest.approx(80.0)
    effective = 5.0**2 / (2**2 + 1**2 + 0.5**2 + 1.5**2)  # Kish: 25 / 7.5
    low, high = wilson_by_hand(0.8, effective)
    assert yes.ci_low == pytest.approx(low)
    assert yes.ci_high == pytest.approx(high)
    data = row(result, "topics", "data")  # a 2 + d 0.5 + e 1 of a b d e f = 6
    assert (data.n, data.total) == pytest.approx((3.5, 6.0))
    assert data.percent == pytest.approx(100 * 3.5 / 6)


def test_disaggregation_rows_carry_group_and_value(files: tuple[Path, Path]) -> None:
    result = analyse_survey(*files, by=["group"])
    gov_yes = row(result, "took_part", "yes", "group", "gov")  # a yes, c don't know, e blank
    assert (gov_yes.n, gov_yes.total, gov_yes.percent) == (1, 1, 100.0)
    cso_yes = row(result, "took_part", "yes", "group", "cso")  # b no, d yes, f yes
    assert (cso_yes.n, cso_yes.total) == (2, 3)
    assert cso_yes.percent == pytest.approx(200 / 3)
    gov_work = row(result, "topics", "work", "group", "gov")  # a data work, e data; c blank
    assert (gov_work.n, gov_work.total, gov_work.percent) == (1, 2, 50.0)
    assert not result.rows_of("group", group="group")  # no question is crossed with itself
    assert result.group_value_label("group", "cso") == "Civil society"


def test_numbers_and_texts(files: tuple[Path, Path]) -> None:
    result = analyse_survey(*files)
    years = next(s for s in result.numeric if s.group == "")
    assert (years.n, years.mean, years.median, years.minimum, years.maximum, years.blank) == (
        5,
        pytest.approx(6.2),
        5.0,
        3.0,
        12.0,
        1,
    )
    assert result.texts[0].answers == ((2, "More data"), (4, "Plus de données"))


def test_weighted_median_and_mean(files: tuple[Path, Path]) -> None:
    result = analyse_survey(*files, weights="w")
    years = next(s for s in result.numeric if s.group == "")
    # Values 5 (w 2), 12 (1), 3 (0.5), 7 (1), 4 (1.5): total 6, weighted sum 10+12+1.5+7+6.
    assert years.n == pytest.approx(6.0)
    assert years.mean == pytest.approx(36.5 / 6)
    # Sorted 3 (0.5), 4 (2.0), 5 (4.0): half of 6 is reached at 5.
    assert years.median == 5.0


def test_labels_in_the_language_asked_for(files: tuple[Path, Path]) -> None:
    french = analyse_survey(*files, language="French")
    assert french.form.language == "French (fr)"
    assert french.form.option_label("took_part", "yes") == "Oui"
    assert french.form.question_label("topics") == "Thèmes"
    assert french.form.option_label("took_part", BLANK) == "Sans réponse"
    arabic = analyse_survey(*files, language="ar")
    assert arabic.form.option_label("took_part", "yes") == "نعم"
    assert arabic.group_label("") == "جميع المجيبين"
    missing = analyse_survey(*files, language="Spanish")
    assert missing.form.language == "English (en)"
    assert any(p.kind == "language" and "Spanish" in p.message for p in missing.problems)
