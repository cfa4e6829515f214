"""How the survey annex writes its figures: shares, intervals, counts, the note on the method."""

from __future__ import annotations

from pathlib import Path

from gcm_review.survey.records import SurveyResult


def percent_text(value: float | None) -> str:
    """'72.3%' or '–' when there is no share."""
    return "–" if value is None else f"{value:.1f}%"


def interval_text(low: float | None, high: float | None) -> str:
    """'65.1–78.4' (percent) or '–'."""
    return "–" if low is None or high is None else f"{low:.1f}–{high:.1f}"


def count_text(value: float) -> str:
    """A count: whole numbers without decimals, sums of weights with one."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def about_text(result: SurveyResult) -> str:
    """One plain sentence on what was analysed and how shares are computed."""
    weights = (
        f"weighted by '{result.weights}' (intervals use Kish's effective sample size)"
        if result.weighted
        else "unweighted"
    )
    return (
        f"{result.respondents} responses to '{result.form.title}' "
        f"({Path(result.data_path).name}, {result.source} export), "
        f"{result.duplicates_removed} duplicate submission(s) removed; {weights}. "
        'Shares are of those who answered: "don\'t know", blank answers and those not asked '
        "are left out and shown separately. Intervals are 95% Wilson intervals."
    )
