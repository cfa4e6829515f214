"""Cohen's kappa and Krippendorff's alpha against hand computations; the agreement report."""

from __future__ import annotations

import pytest

from gcm_review.feedback.agreement import (
    Coding,
    Disagreement,
    InvalidCoders,
    agreement_report,
    cohen_kappa,
    krippendorff_alpha_nominal,
)


def answers(*counts: tuple[bool, bool, int]) -> tuple[list[bool], list[bool]]:
    a: list[bool] = []
    b: list[bool] = []
    for first, second, count in counts:
        a += [first] * count
        b += [second] * count
    return a, b


def test_kappa_of_the_classic_two_by_two_table() -> None:
    # 50 items: both yes 20, only A yes 5, only B yes 10, both no 15.
    # Observed agreement p_o = (20 + 15) / 50 = 0.7.
    # A says yes 25/50 = 0.5, B says yes 30/50 = 0.6.
    # Chance agreement p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5.
    # kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    a, b = answers((True, True, 20), (True, False, 5), (False, True, 10), (False, False, 15))
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_kappa_edge_cases() -> None:
    assert cohen_kappa([True, False, True], [True, False, True]) == pytest.approx(1.0)
    assert cohen_kappa([True, False], [False, True]) == pytest.approx(-1.0)
    assert cohen_kappa([], []) is None
    assert cohen_kappa([False] * 4, [False] * 4) is None  # p_e = 1: undefined
    assert cohen_kappa([True] * 3, [True] * 3) is None
    # Constant but opposite coders: p_o = 0, p_e = 1*0 + 0*1 = 0, kappa = 0.
    assert cohen_kappa([True] * 3, [False] * 3) == pytest.approx(0.0)
    with pytest.raises(ValueError):
        cohen_kappa([True], [True, False])


def test_alpha_of_krippendorffs_binary_example() -> None:
    # Krippendorff (2011), two coders and ten units of 0/1 values.
    # Pairable values: n = 20; disagreeing units 1, 3, 6, 9 give o(0,1) = 4;
    # n_0 = 2*5 + 4 = 14, n_1 = 2*1 + 4 = 6.
    # alpha = 1 - (n - 1) * o(0,1) / (n_0 * n_1) = 1 - 19 * 4 / 84 = 0.0952.
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    units = [[bool(x), bool(y)] for x, y in zip(a, b, strict=True)]
    assert krippendorff_alpha_nominal(units) == pytest.approx(1 - 76 / 84)
    assert krippendorff_alpha_nominal(units) == pytest.approx(0.095, abs=5e-4)


def test_alpha_with_three_coders_and_missing_values() -> None:
    # unit 1: yes, yes, -    m=2: 2 yes              o(yes,no) += 0
    # unit 2: yes, no, no    m=3: 1 yes, 2 no         o(yes,no) += 1*2/(3-1) = 1
    # unit 3: no, no, -      m=2: 2 no                o(yes,no) += 0
    # unit 4: -, yes, -      m=1: not pairable, left out
    # n_yes = 3, n_no = 4, n = 7: alpha = 1 - (7 - 1) * 1 / (3 * 4) = 0.5
    units = [
        [True, True, None],
        [True, False, False],
        [False, False, None],
        [None, True, None],
    ]
    assert krippendorff_alpha_nominal(units) == pytest.approx(0.5)


def test_alpha_edge_cases() -> None:
    assert krippendorff_alpha_nominal([]) is None
    assert krippendorff_alpha_nominal([[True, None], [None, False]]) is None  # nothing pairable
    assert krippendorff_alpha_nominal([[True, True], [True, True]]) is None  # no variation
    assert krippendorff_alpha_nominal([[True, True], [False, False]]) == pytest.approx(1.0)


LABELS = ["objective:1", "objective:2", "principle:x"]
CODINGS = [
    Coding(1, "ana", frozenset({"objective:1"})),
    Coding(2, "ana", frozenset({"objective:1", "objective:2"})),
    Coding(3, "ana", frozenset()),
    Coding(4, "ana", frozenset({"principle:x", "objective:9"})),  # objective:9 is not asked for
    Coding(1, "ben", frozenset({"objective:1"})),
    Coding(2, "ben", frozenset({"objective:1"})),
    Coding(3, "ben", frozenset({"objective:2"})),
    Coding(1, "cy", frozenset({"objective:1"})),
    Coding(4, "cy", frozenset()),
]


def test_report_per_label_and_micro() -> None:
    report = agreement_report(CODINGS, LABELS)
    # ana and ben share paragraphs 1-3, more than any other pair.
    assert (report.coder_a, report.coder_b, report.shared) == ("ana", "ben", 3)
    assert report.coders == ("ana", "ben", "cy")
    assert report.multiply_coded == 4
    one, two, x = report.labels
    # objective:1 -- ana T,T,F and ben T,T,F: identical, p_e = 4/9 + 1/9, kappa = 1.
    assert (one.both, one.only_a, one.only_b, one.neither) == (2, 0, 0, 1)
    assert one.kappa == pytest.approx(1.0)
    # alpha over all coders: 5 yes, 4 no, no mismatch -> 1.
    assert one.alpha == pytest.approx(1.0)
    # objective:2 -- ana F,T,F and ben F,F,T: p_o = 1/3, p_e = 5/9, kappa = (3/9 - 5/9) / (4/9).
    assert (two.both, two.only_a, two.only_b, two.neither) == (0, 1, 1, 1)
    assert two.kappa == pytest.approx(-0.5)
    # principle:x -- ana and ben never give it: undefined kappa. Alpha: paragraph 4 has
    # ana yes, cy no (o = 1); n_yes = 1, n_no = 8, n = 9: alpha = 1 - 8 * 1 / (1 * 8) = 0.
    assert x.kappa is None
    assert x.alpha == pytest.approx(0.0)
    # micro over 9 cells: both 2, only A 1, only B 1, neither 5; p_o = 7/9, p_e = 5/9 -> 0.5.
    micro = report.micro
    assert (micro.label, micro.both, micro.only_a, micro.only_b, micro.neither) == (
        "micro",
        2,
        1,
        1,
        5,
    )
    assert micro.kappa == pytest.approx(0.5)
    assert report.disagreements == (
        Disagreement(2, "objective:2", ("ana",), ("ben",)),
        Disagreement(3, "objective:2", ("ben",), ("ana",)),
        Disagreement(4, "principle:x", ("ana",), ("cy",)),
    )


def test_choosing_the_coders() -> None:
    report = agreement_report(CODINGS, LABELS, coder_a="cy")
    assert (report.coder_a, report.coder_b, report.shared) == ("cy", "ana", 2)
    report = agreement_report(CODINGS, LABELS, coder_a="ben", coder_b="cy")
    assert (report.coder_a, report.coder_b, report.shared) == ("ben", "cy", 1)
    report = agreement_report(CODINGS, LABELS, coder_b="ana")
    assert report.coder_b == "ana" and report.coder_a == "ben"
    with pytest.raises(InvalidCoders, match="dora"):
        agreement_report(CODINGS, LABELS, coder_a="dora")
    with pytest.raises(InvalidCoders):
        agreement_report(CODINGS, LABELS, coder_a="ana", coder_b="ana")


def test_a_single_coder_gives_no_figures() -> None:
    report = agreement_report([c for c in CODINGS if c.coder == "ana"], LABELS)
    assert report.coder_a is None and report.shared == 0 and report.multiply_coded == 0
    assert all(label.kappa is None and label.alpha is None for label in report.labels)
    assert report.disagreements == ()
    empty = agreement_report([], LABELS)
    assert empty.coders == () and empty.micro.kappa is None


def test_adjudications_are_counted_and_change_no_figure() -> None:
    plain = agreement_report(CODINGS, LABELS)
    assert (plain.disputed, plain.adjudicated) == ((2, 3, 4), ())
    # Paragraph 1 has no disagreement: settling it is not counted; 99 was never coded.
    settled = agreement_report(CODINGS, LABELS, adjudicated=[1, 3, 99])
    assert (settled.disputed, settled.adjudicated) == ((2, 3, 4), (3,))
    assert (settled.labels, settled.micro, settled.disagreements) == (
        plain.labels,
        plain.micro,
        plain.disagreements,
    )
