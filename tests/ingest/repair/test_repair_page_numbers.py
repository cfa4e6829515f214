from __future__ import annotations

from gcm_review.ingest.repair.lines import Line
from gcm_review.ingest.repair.page_numbers import find_page_numbers


def _pages(*pages: list[str]) -> list[list[Line]]:
    return [
        [Line(text, block=index, page=number, gap=None) for index, text in enumerate(page)]
        for number, page in enumerate(pages, start=1)
    ]


def test_printed_numbers_may_start_after_front_matter() -> None:
    pages = _pages(["Title page"], ["Contents", "i"], ["Body", "1"], ["Body", "2"])
    assert find_page_numbers(pages) == [set(), {1}, {1}, {1}]


def test_a_bare_number_out_of_the_sequence_is_body_text() -> None:
    pages = _pages(["Body", "2019"], ["Body", "2"], ["Body", "3"])
    assert find_page_numbers(pages) == [set(), {1}, {1}]


def test_a_named_page_number_needs_no_sequence() -> None:
    pages = _pages(["Body", "Page 9 of 12"], ["Body", "2021"])
    assert find_page_numbers(pages) == [{1}, set()]


def test_a_single_page_keeps_its_lone_number_rule() -> None:
    assert find_page_numbers(_pages(["Body", "1"])) == [{1}]


def test_only_the_first_and_last_two_lines_are_looked_at() -> None:
    pages = _pages(
        ["Oman", "Iraq", "7", "Egypt", "Jordan"], ["Oman", "Iraq", "8", "Egypt", "Jordan"]
    )
    assert find_page_numbers(pages) == [set(), set()]
