"""A small, safe reader of XLSForm `relevant` expressions, evaluated on whole columns at once.

Supported: ${name}, string ('x', "x") and number literals, = != < > <= >=, and, or, not(...),
selected(${q}, 'x'), count-selected(${q}), string-length(${q}), true(), false(), parentheses.
Comparisons follow XPath: with a number on either side both sides are compared as numbers (a
blank is not a number, so `${age} > 5` is false for a blank and `!=` is true); otherwise as text.
Anything else (arithmetic, other functions) raises ExpressionError. No Python eval is involved.
Expressions nested deeper than MAX_DEPTH (parentheses, calls, chains of and/or) are refused with
ExpressionError too, so that no expression can exhaust the interpreter's stack.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]
ObjectArray = npt.NDArray[np.object_]

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<ref>\$\{\s*[^}\s]+\s*\})
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<number>\d+(?:\.\d*)?|\.\d+)
      | (?P<op>!=|<=|>=|=|<|>|\(|\)|,|-)
      | (?P<word>[A-Za-z_][A-Za-z0-9_\-]*)
    )""",
    re.VERBOSE,
)
_COMPARISONS = ("=", "!=", "<", ">", "<=", ">=")
MAX_DEPTH = 100  # far beyond any real form; each level costs a few frames of recursion
_FUNCTIONS = {
    "selected": 2,
    "not": 1,
    "count-selected": 1,
    "string-length": 1,
    "true": 0,
    "false": 0,
}


class ExpressionError(ValueError):
    """A `relevant` expression that cannot be read or uses something not supported."""


class FieldValues(Protocol):
    """The answers an expression reads, as columns (one entry per response)."""

    @property
    def size(self) -> int: ...

    def text(self, name: str) -> ObjectArray: ...

    def number(self, name: str) -> FloatArray: ...

    def selected(self, name: str, choice: str) -> BoolArray: ...

    def count_selected(self, name: str) -> FloatArray: ...


@dataclass(frozen=True)
class Ref:
    """${name}."""

    name: str


@dataclass(frozen=True)
class Literal:
    """A string or number written in the expression."""

    value: str | float


@dataclass(frozen=True)
class Call:
    """A function call, `and`/`or` (as functions of two arguments) or a comparison."""

    name: str
    args: tuple[Node, ...]


Node = Ref | Literal | Call


def parse(expression: str) -> Node:
    """The syntax tree of an expression; ExpressionError when it cannot be read."""
    tokens = _tokens(expression)
    parser = _Parser(tokens, expression)
    node = parser.or_expression()
    if parser.position < len(tokens):
        raise ExpressionError(f"unexpected '{tokens[parser.position][1]}' in '{expression}'")
    if depth(node) > MAX_DEPTH:
        raise _too_deep()
    return node


def _too_deep() -> ExpressionError:
    return ExpressionError(f"the expression is nested more than {MAX_DEPTH} levels deep")


def depth(node: Node) -> int:
    """How deep the tree is (a Ref or Literal is 1), found without recursion."""
    deepest = 0
    stack: list[tuple[Node, int]] = [(node, 1)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(current, Call):
            stack.extend((arg, level + 1) for arg in current.args)
    return deepest


def references(node: Node) -> set[str]:
    """The names of the fields an expression reads."""
    if isinstance(node, Ref):
        return {node.name}
    if isinstance(node, Call):
        return set().union(*(references(arg) for arg in node.args))
    return set()


def _tokens(expression: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    text = expression.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.lastgroup is None:
            raise ExpressionError(f"cannot read '{text[position:]}' in '{expression}'")
        tokens.append((match.lastgroup, match.group(match.lastgroup)))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], expression: str) -> None:
        self.tokens = tokens
        self.expression = expression
        self.position = 0
        self.nesting = 0  # open parentheses and calls around the current position

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.position] if self.position < len(self.tokens) else ("end", "")

    def take(self, value: str) -> None:
        if self.peek()[1] != value:
            found = self.peek()[1] or "the end"
            raise ExpressionError(f"expected '{value}' but found {found} in '{self.expression}'")
        self.position += 1

    def or_expression(self) -> Node:
        node = self.and_expression()
        while self.peek() == ("word", "or"):
            self.position += 1
            node = Call("or", (node, self.and_expression()))
        return node

    def and_expression(self) -> Node:
        node = self.comparison()
        while self.peek() == ("word", "and"):
            self.position += 1
            node = Call("and", (node, self.comparison()))
        return node

    def comparison(self) -> Node:
        node = self.primary()
        kind, value = self.peek()
        if kind == "op" and value in _COMPARISONS:
            self.position += 1
            node = Call(value, (node, self.primary()))
        return node

    def primary(self) -> Node:
        kind, value = self.peek()
        self.position += 1
        if kind == "ref":
            return Ref(value[2:-1].strip())
        if kind == "string":
            return Literal(value[1:-1])
        if kind == "number":
            return Literal(float(value))
        if (kind, value) == ("op", "-") and self.peek()[0] == "number":
            return Literal(-float(self.tokens[self._advance()][1]))
        if (kind, value) == ("op", "("):
            self.enter()
            node = self.or_expression()
            self.take(")")
            self.nesting -= 1
            return node
        if kind == "word" and value in _FUNCTIONS:
            self.enter()
            node = self.call(value)
            self.nesting -= 1
            return node
        shown = value or "the end"
        raise ExpressionError(f"'{shown}' is not supported in '{self.expression}'")

    def enter(self) -> None:
        self.nesting += 1
        if self.nesting > MAX_DEPTH:
            raise _too_deep()

    def _advance(self) -> int:
        self.position += 1
        return self.position - 1

    def call(self, name: str) -> Node:
        self.take("(")
        args: list[Node] = []
        while self.peek()[1] != ")":
            if args:
                self.take(",")
            args.append(self.or_expression())
        self.take(")")
        if len(args) != _FUNCTIONS[name]:
            raise ExpressionError(
                f"{name}() takes {_FUNCTIONS[name]} argument(s): {self.expression}"
            )
        if name in ("selected", "count-selected", "string-length") and not isinstance(args[0], Ref):
            raise ExpressionError(f"{name}() needs a ${{field}} first: '{self.expression}'")
        return Call(name, tuple(args))


def evaluate(node: Node, values: FieldValues) -> BoolArray:
    """The expression's truth for every response; KeyError names a field that does not exist."""
    result = _Evaluator(values).boolean(node)
    return np.broadcast_to(result, (values.size,)).copy()


class _Evaluator:
    def __init__(self, values: FieldValues) -> None:
        self.values = values

    def boolean(self, node: Node) -> BoolArray | bool:
        if isinstance(node, Ref):
            return np.asarray(self.values.text(node.name) != "", dtype=bool)
        if isinstance(node, Literal):
            return node.value != "" and node.value != 0 and not _is_nan(node.value)
        if node.name in ("and", "or"):
            left, right = (self.boolean(arg) for arg in node.args)
            return np.logical_and(left, right) if node.name == "and" else np.logical_or(left, right)
        if node.name == "not":
            return np.logical_not(self.boolean(node.args[0]))
        if node.name in ("true", "false"):
            return node.name == "true"
        if node.name == "selected":
            return self.values.selected(_name(node.args[0]), _text_literal(node.args[1]))
        if node.name in _COMPARISONS:
            return self.compare(node.name, node.args[0], node.args[1])
        number = self.number(node)
        return np.logical_and(number != 0, ~np.isnan(number))

    def number(self, node: Node) -> FloatArray | float:
        if isinstance(node, Ref):
            return self.values.number(node.name)
        if isinstance(node, Literal):
            return node.value if isinstance(node.value, float) else _to_number(node.value)
        if node.name == "count-selected":
            return self.values.count_selected(_name(node.args[0]))
        if node.name == "string-length":
            texts = self.values.text(_name(node.args[0]))
            return np.fromiter((len(text) for text in texts), dtype=np.float64, count=len(texts))
        return np.asarray(self.boolean(node), dtype=np.float64)

    def text(self, node: Node) -> ObjectArray | str:
        if isinstance(node, Ref):
            return self.values.text(node.name)
        if isinstance(node, Literal):
            return _format_literal(node.value)
        raise ExpressionError(f"{node.name}() cannot be compared as text")

    def compare(self, op: str, left: Node, right: Node) -> BoolArray | bool:
        textual = op in ("=", "!=") and not (_is_numeric(left) or _is_numeric(right))
        if textual:
            equal = _equal(self.text(left), self.text(right))
            return np.asarray(equal if op == "=" else np.logical_not(equal), dtype=bool)
        a, b = self.number(left), self.number(right)
        with np.errstate(invalid="ignore"):
            result = {
                "=": np.equal,
                "!=": np.not_equal,
                "<": np.less,
                ">": np.greater,
                "<=": np.less_equal,
                ">=": np.greater_equal,
            }[op](a, b)
        return np.asarray(result, dtype=bool)


def _equal(a: ObjectArray | str, b: ObjectArray | str) -> BoolArray | bool:
    if isinstance(a, np.ndarray):
        return np.asarray(a == b, dtype=bool)
    if isinstance(b, np.ndarray):
        return np.asarray(b == a, dtype=bool)
    return a == b


def _is_numeric(node: Node) -> bool:
    if isinstance(node, Literal):
        return isinstance(node.value, float)
    return isinstance(node, Call) and node.name in ("count-selected", "string-length")


def _is_nan(value: str | float) -> bool:
    return isinstance(value, float) and math.isnan(value)


def _name(node: Node) -> str:
    assert isinstance(node, Ref)  # checked by the parser
    return node.name


def _text_literal(node: Node) -> str:
    if isinstance(node, Literal):
        return _format_literal(node.value)
    raise ExpressionError("selected() needs a choice name in quotes as its second argument")


def _format_literal(value: str | float) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return value


def _to_number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return math.nan
