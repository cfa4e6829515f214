"""The sample markup parser and the plain-text wrapper."""

from __future__ import annotations

import pytest

from gcm_review.samples.markup import SampleSourceError, paragraph_ranges, parse_source
from gcm_review.samples.text_writer import WIDTH, wrap

HEADER = "@title: T\n@notice: N\n@language: en\n@date: 2024-01-01\n"


def test_parse_elements_and_ranges() -> None:
    source = parse_source(
        HEADER + "# I. One\n1. First.\n- a bullet\n| a | b |\n| 1 | 2 |\n"
        "## A. Sub\n2. Second.\n# II. Two\nProse line.\n",
        name="t",
    )
    kinds = [element.kind for element in source.elements]
    assert kinds == [
        "heading",
        "numbered",
        "bullet",
        "table",
        "heading",
        "numbered",
        "heading",
        "prose",
    ]
    assert source.elements[3].rows == (("a", "b"), ("1", "2"))
    ranges = [
        (heading.text, first, last) for heading, first, last in paragraph_ranges(source, level=2)
    ]
    assert ranges == [("I. One", 1, 2), ("A. Sub", 2, 2), ("II. Two", 0, 0)]


def test_numbering_gap_and_missing_metadata_are_rejected() -> None:
    with pytest.raises(SampleSourceError, match="found 3 where 2"):
        parse_source(HEADER + "1. One.\n3. Three.\n", name="t")
    with pytest.raises(SampleSourceError, match="missing metadata"):
        parse_source("@title: T\n1. One.\n", name="t")


def test_wrap_never_opens_a_line_with_a_number() -> None:
    text = " ".join(["word"] * 18 + ["objectives", "12", "and", "18."] + ["more"] * 30)
    for shift in range(6):
        lines = wrap("x" * shift + " " + text, first_prefix="7. ")
        assert all(not line.split()[0].rstrip(".").isdigit() for line in lines[1:])
        assert all(len(line) <= WIDTH for line in lines)
