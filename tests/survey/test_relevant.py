"""The `relevant` reader: what it accepts, how it evaluates whole columns, what it refuses."""

from __future__ import annotations

import numpy as np
import pytest

from gcm_review.survey.relevant import ExpressionError, evaluate, parse, references


class Columns:
    """Answers of four respondents, as the evaluator reads them."""

    size = 4

    def __init__(self) -> None:
        self.data = {
            "took_part": np.array(["yes", "no", "", "yes"], dtype=object),
            "age": np.array(["30", "", "17", "45"], dtype=object),
            "topics": np.array(["data work", "", "work", "health"], dtype=object),
        }

    def text(self, name: str) -> np.ndarray:
        return self.data[name]

    def number(self, name: str) -> np.ndarray:
        return np.array([float(v) if v else np.nan for v in self.data[name]])

    def selected(self, name: str, choice: str) -> np.ndarray:
        return np.array([choice in v.split() for v in self.data[name]])

    def count_selected(self, name: str) -> np.ndarray:
        return np.array([float(len(v.split())) for v in self.data[name]])


def truth(expression: str) -> list[bool]:
    return evaluate(parse(expression), Columns()).tolist()


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("${took_part} = 'yes'", [True, False, False, True]),
        ("${took_part} != 'yes'", [False, True, True, False]),
        ('${took_part} = "no"', [False, True, False, False]),
        ("${age} >= 18", [True, False, False, True]),
        ("${age} < 40", [True, False, True, False]),
        ("${age} != 30", [False, True, True, True]),  # a blank is not a number: != is true
        ("${age} > -1 and ${took_part} = 'yes'", [True, False, False, True]),
        ("${took_part} = 'no' or ${age} > 40", [False, True, False, True]),
        ("not(${took_part} = 'yes')", [False, True, True, False]),
        ("selected(${topics}, 'work')", [True, False, True, False]),
        (
            "selected(${topics}, 'work') and not(selected(${topics}, 'data'))",
            [False, False, True, False],
        ),
        ("count-selected(${topics}) >= 1", [True, False, True, True]),
        (
            "(${took_part} = 'yes' or ${took_part} = 'no') and ${age} != ''",
            [True, False, False, True],
        ),
        ("${took_part} = ''", [False, False, True, False]),
        ("${age}", [True, False, True, True]),
        ("string-length(${topics}) > 4", [True, False, False, True]),
        ("true()", [True, True, True, True]),
        ("false() or ${age} = 17", [False, False, True, False]),
    ],
)
def test_expressions(expression: str, expected: list[bool]) -> None:
    assert truth(expression) == expected


@pytest.mark.parametrize(
    "expression",
    [
        "${age} + 1 > 2",  # arithmetic is not supported
        "__import__('os').system('true')",
        "${took_part} = ",
        "(${took_part} = 'yes'",
        "selected('yes', ${took_part})",
        "position(..) > 1",
        "${age} > 1 )",
    ],
)
def test_refused_expressions(expression: str) -> None:
    with pytest.raises(ExpressionError):
        parse(expression)


def test_unknown_field_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        evaluate(parse("${nowhere} = 'x'"), Columns())


def test_references() -> None:
    assert references(parse("selected(${a}, 'x') or ${b} > 2 and not(${c} = ${a})")) == {
        "a",
        "b",
        "c",
    }
