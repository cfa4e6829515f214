"""The `relevant` reader: what it accepts, how it evaluates whole columns, what it refuses."""

from __future__ import annotations

import numpy as np
import pytest

from gcm_review.survey.relevant import (
    MAX_DEPTH,
    ExpressionError,
    depth,
    evaluate,
    parse,
    references,
)


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
        return np.array([float(v) if v.isdigit() else np.nan for v in self.data[name]])

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


@pytest.mark.parametrize(
    "expression",
    [
        "(" * 1000 + "${age}" + ")" * 1000,
        "not(" * 1000 + "${age}" + ")" * 1000,
        " and ".join(["${age} > 1"] * 5000),
        "(" * 100_000,
    ],
)
def test_deep_expressions_are_refused_in_one_line(expression: str) -> None:
    with pytest.raises(ExpressionError, match=f"more than {MAX_DEPTH} levels deep") as caught:
        parse(expression)
    assert "\n" not in str(caught.value)


def test_nesting_up_to_the_limit_is_read() -> None:
    shallow = "(" * (MAX_DEPTH - 1) + "${age} >= 18" + ")" * (MAX_DEPTH - 1)
    assert depth(parse(shallow)) <= MAX_DEPTH
    assert truth(shallow) == [True, False, False, True]


_FUZZ_TOKENS = (
    "${took_part}",
    "${age}",
    "${topics}",
    "${nowhere}",
    "${",
    "}",
    "'yes'",
    '"no',
    "'",
    "12",
    "-",
    "-3.5",
    ".",
    "(",
    ")",
    ",",
    "=",
    "!=",
    "<",
    ">=",
    "and",
    "or",
    "not",
    "selected",
    "count-selected",
    "string-length",
    "true",
    "false",
    "+",
    "*",
    "div",
    "$",
    "\u0660",
    " ",
    "\n",
)


def test_random_token_strings_never_raise_anything_but_expression_or_key_errors() -> None:
    rng = np.random.default_rng(13)
    for attempt in range(4000):
        count = int(rng.integers(1, 25))
        tokens = (_FUZZ_TOKENS[i] for i in rng.integers(0, len(_FUZZ_TOKENS), count))
        expression = ("" if attempt % 2 else " ").join(tokens)
        try:
            result = evaluate(parse(expression), Columns())
        except (ExpressionError, KeyError):
            continue
        assert result.shape == (4,) and result.dtype == bool
