"""Counts, shares and 95% Wilson intervals for every option, whole sample and by group.

Denominators. An option's share is taken among the respondents who were asked the question and
gave a substantive answer: "don't know"-like choices, blanks and values not in the form are left
out and reported in rows of their own, whose total is everyone asked. For select_multiple, a
respondent counts once in the denominator and each option's share is of those respondents, so
shares may add up to more than 100%.

Weights. With weights, n and total are sums of weights and the share is their ratio. The Wilson
interval then uses Kish's effective sample size of the denominator, (sum w)^2 / sum w^2, in place
of the number of respondents; without weights that is exactly the number of respondents.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from gcm_review.survey.coding import BoolArray, CodedQuestion, FloatArray, ObjectArray
from gcm_review.survey.records import (
    BLANK,
    INVALID,
    NOT_ASKED,
    NumericSummary,
    ResultRow,
    RowKind,
)

Z95 = 1.959963984540054  # the 97.5% point of the standard normal distribution


@dataclass(frozen=True, eq=False)
class Grouping:
    """Groups of respondents to disaggregate by (they may overlap for select_multiple)."""

    variable: str  # "" for the whole sample
    values: tuple[str, ...]
    membership: BoolArray  # responses x groups


def whole_sample(size: int) -> Grouping:
    """One group holding everyone."""
    return Grouping("", ("",), np.ones((size, 1), dtype=bool))


def grouping_by_choices(coded: CodedQuestion) -> Grouping:
    """One group per choice that occurs (in form order), then (blank) if some gave none."""
    assert coded.selected is not None
    used = [i for i in range(coded.selected.shape[1]) if coded.selected[:, i].any()]
    values = [coded.question.choices[i].name for i in used]
    columns = [coded.selected[:, i] for i in used]
    blank: BoolArray = np.asarray(~coded.selected.any(axis=1), dtype=bool)
    if blank.any():
        values.append(BLANK)
        columns.append(blank)
    return Grouping(coded.question.name, tuple(values), _stack(columns, len(blank)))


def grouping_by_values(variable: str, texts: ObjectArray, *, numeric: bool = False) -> Grouping:
    """One group per distinct value (sorted, numerically when numeric), then (blank)."""
    distinct = {text for text in set(texts) if text != ""}
    ordered = sorted(distinct, key=_number_key) if numeric else sorted(distinct)
    index = {text: i for i, text in enumerate(ordered)}
    codes = np.fromiter((index.get(text, -1) for text in texts), dtype=np.int64, count=len(texts))
    values = list(ordered)
    columns = [codes == i for i in range(len(ordered))]
    if (codes < 0).any():
        values.append(BLANK)
        columns.append(codes < 0)
    return Grouping(variable, tuple(values), _stack(columns, len(texts)))


def _number_key(text: str) -> tuple[float, str]:
    try:
        return float(text), text
    except ValueError:
        return math.inf, text


def _stack(columns: Sequence[BoolArray], size: int) -> BoolArray:
    if not columns:
        return np.zeros((size, 0), dtype=bool)
    return np.column_stack(columns)


def wilson_interval(
    share: FloatArray, size: FloatArray, z: float = Z95
) -> tuple[FloatArray, FloatArray]:
    """Wilson score interval of proportions `share` (0-1) from `size` respondents (NaN if 0)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        z2 = z * z
        denominator = 1.0 + z2 / size
        centre = (share + z2 / (2.0 * size)) / denominator
        half = z * np.sqrt(share * (1.0 - share) / size + z2 / (4.0 * size * size)) / denominator
    low = np.where(share <= 0.0, 0.0, np.clip(centre - half, 0.0, 1.0))
    high = np.where(share >= 1.0, 1.0, np.clip(centre + half, 0.0, 1.0))
    bad = ~(size > 0) | np.isnan(share)
    return np.where(bad, np.nan, low), np.where(bad, np.nan, high)


def effective_size(weight_sum: FloatArray, square_sum: FloatArray) -> FloatArray:
    """Kish's effective sample size (sum w)^2 / sum w^2; 0 where there is no weight."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(square_sum > 0, weight_sum * weight_sum / square_sum, 0.0)


@dataclass(frozen=True)
class _Layout:
    """Which count column feeds which row, and which denominator it uses."""

    options: tuple[str, ...]
    kinds: tuple[RowKind, ...]
    denominators: tuple[int, ...]  # 0 substantive answers, 1 asked, 2 everyone


def categorical_rows(
    coded: CodedQuestion,
    asked: BoolArray,
    weights: FloatArray,
    groupings: Sequence[Grouping],
    *,
    weighted: bool,
) -> list[ResultRow]:
    """The rows of one select question for every group of every grouping, in order."""
    counts, layout = _count_columns(coded, asked, weights)
    rows: list[ResultRow] = []
    for grouping in groupings:
        table = grouping.membership.astype(np.float64).T @ counts  # groups x columns
        for g, value in enumerate(grouping.values):
            rows.extend(
                _group_rows(
                    coded.question.name,
                    (grouping.variable, value),
                    table[g],
                    layout,
                    weighted=weighted,
                )
            )
    return rows


def _count_columns(
    coded: CodedQuestion, asked: BoolArray, weights: FloatArray
) -> tuple[FloatArray, _Layout]:
    """Responses x columns: weighted indicators of each row kind, then denominators and their
    squared weights (substantive, asked, everyone)."""
    assert coded.selected is not None and coded.invalid is not None
    choices = coded.question.choices
    selected = coded.selected
    excluded = np.array([choice.excluded for choice in choices], dtype=bool)
    substantive = asked & selected[:, ~excluded].any(axis=1)
    anything = selected.any(axis=1)
    columns: list[BoolArray] = []
    options: list[str] = []
    kinds: list[RowKind] = []
    denominators: list[int] = []
    for index, choice in enumerate(choices):
        columns.append(selected[:, index] & (asked if choice.excluded else substantive))
        options.append(choice.name)
        kinds.append("excluded" if choice.excluded else "answer")
        denominators.append(1 if choice.excluded else 0)
    extras: list[tuple[str, RowKind, BoolArray, int]] = [
        (BLANK, "blank", asked & ~anything & ~coded.invalid, 1)
    ]
    if coded.invalid.any():
        extras.append((INVALID, "invalid", asked & coded.invalid & ~anything, 1))
    if coded.question.conditions:
        extras.append((NOT_ASKED, "not-asked", ~asked, 2))
    for option, kind, column, denominator in extras:
        columns.append(column)
        options.append(option)
        kinds.append(kind)
        denominators.append(denominator)
    everyone = np.ones(len(asked), dtype=bool)
    indicators = np.column_stack([*columns, substantive, asked, everyone]).astype(np.float64)
    weighted = indicators * weights[:, None]
    squared = indicators[:, -3:] * (weights * weights)[:, None]
    layout = _Layout(tuple(options), tuple(kinds), tuple(denominators))
    return np.concatenate([weighted, squared], axis=1), layout


def _group_rows(
    question: str,
    group: tuple[str, str],
    table: FloatArray,
    layout: _Layout,
    *,
    weighted: bool,
) -> list[ResultRow]:
    """Rows of one group from its line of sums: options, then 3 denominators, 3 squared."""
    sums, denominators, squares = table[:-6], table[-6:-3], table[-3:]
    chosen = list(layout.denominators)
    totals = denominators[chosen]
    sizes = effective_size(denominators, squares)[chosen] if weighted else totals
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = np.where(totals > 0, sums / totals, np.nan)
    low, high = wilson_interval(shares, sizes)
    return [
        ResultRow(
            question=question,
            option=option,
            group=group[0],
            group_value=group[1],
            n=float(sums[i]),
            total=float(totals[i]),
            percent=_percent(shares[i]),
            ci_low=_percent(low[i]),
            ci_high=_percent(high[i]),
            kind=layout.kinds[i],
        )
        for i, option in enumerate(layout.options)
    ]


def _percent(value: float) -> float | None:
    return None if math.isnan(value) else float(100.0 * value)


def numeric_summaries(
    coded: CodedQuestion,
    asked: BoolArray,
    weights: FloatArray,
    groupings: Sequence[Grouping],
    *,
    weighted: bool,
) -> list[NumericSummary]:
    """Count, mean, median, minimum and maximum of a number question in every group."""
    assert coded.numbers is not None
    numbers = coded.numbers
    has_number = asked & ~np.isnan(numbers)
    blank = asked & ~coded.answered
    summaries = []
    for grouping in groupings:
        for g, value in enumerate(grouping.values):
            member = grouping.membership[:, g]
            chosen = member & has_number
            summaries.append(
                _summary(
                    (coded.question.name, grouping.variable, value),
                    numbers[chosen],
                    weights[chosen],
                    blank=float(weights[member & blank].sum()),
                    weighted=weighted,
                )
            )
    return summaries


def _summary(
    key: tuple[str, str, str],
    values: FloatArray,
    weights: FloatArray,
    *,
    blank: float,
    weighted: bool,
) -> NumericSummary:
    total = float(weights.sum())
    if len(values) == 0 or total <= 0:
        return NumericSummary(
            *key, n=total, mean=None, median=None, minimum=None, maximum=None, blank=blank
        )
    return NumericSummary(
        *key,
        n=total,
        mean=float(np.dot(values, weights) / total),
        median=weighted_median(values, weights) if weighted else float(np.median(values)),
        minimum=float(values.min()),
        maximum=float(values.max()),
        blank=blank,
    )


def weighted_median(values: FloatArray, weights: FloatArray) -> float:
    """The smallest value at which the cumulative weight reaches half of the total; when it is
    exactly half, the midpoint with the next value (so equal weights give the usual median)."""
    order = np.argsort(values, kind="stable")
    ordered, cumulative = values[order], np.cumsum(weights[order])
    half = cumulative[-1] / 2.0
    position = int(np.searchsorted(cumulative, half))
    if math.isclose(cumulative[position], half) and position + 1 < len(ordered):
        return float((ordered[position] + ordered[position + 1]) / 2.0)
    return float(ordered[position])
