"""The arithmetic: Wilson intervals, Kish effective size, weighted median, groupings."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gcm_review.survey.analysis import (
    Z95,
    effective_size,
    grouping_by_values,
    weighted_median,
    wilson_interval,
)


def test_wilson_closed_forms_at_zero_one_and_a_half() -> None:
    n = 10.0
    low, high = wilson_interval(np.array([0.0, 1.0, 0.5]), np.array([n, n, n]))
    z2 = Z95 * Z95
    assert low[0] == 0.0 and high[0] == pytest.approx(z2 / (n + z2))
    assert high[1] == 1.0 and low[1] == pytest.approx(n / (n + z2))
    assert low[2] + high[2] == pytest.approx(1.0)  # symmetric around one half
    # 5 of 10 by hand: centre 0.5, half-width z*sqrt(0.025 + z^2/400)/(1 + z^2/10).
    half = Z95 * math.sqrt(0.025 + z2 / 400) / (1 + z2 / 10)
    assert high[2] == pytest.approx(0.5 + half)
    assert (round(low[2], 4), round(high[2], 4)) == (0.2366, 0.7634)


def test_wilson_with_no_one_is_undefined() -> None:
    low, high = wilson_interval(np.array([np.nan]), np.array([0.0]))
    assert math.isnan(low[0]) and math.isnan(high[0])


def test_kish_effective_size() -> None:
    weights = np.array([2.0, 1.0, 0.5, 1.5])
    size = effective_size(np.array([weights.sum()]), np.array([(weights**2).sum()]))
    assert size[0] == pytest.approx(25 / 7.5)
    equal = effective_size(np.array([7.0]), np.array([7.0]))
    assert equal[0] == 7.0  # equal weights of 1: the number of respondents


def test_weighted_median() -> None:
    values = np.array([3.0, 1.0, 2.0, 10.0])
    assert weighted_median(values, np.ones(4)) == 2.5  # the usual median with equal weights
    assert weighted_median(values, np.array([1.0, 1.0, 1.0, 5.0])) == 10.0
    assert weighted_median(np.array([4.0]), np.array([0.3])) == 4.0


def test_grouping_by_values_sorts_numbers_and_adds_blank() -> None:
    texts = np.array(["10", "9", "", "10"], dtype=object)
    grouping = grouping_by_values("years", texts, numeric=True)
    assert grouping.values == ("9", "10", "(blank)")
    assert grouping.membership.tolist() == [
        [False, True, False],
        [True, False, False],
        [False, False, True],
        [False, True, False],
    ]
