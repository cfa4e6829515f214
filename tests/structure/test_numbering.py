"""Paragraph markers: printed numbers, sub-items and bullets."""

from __future__ import annotations

import pytest

from gcm_review.structure.numbering import split_marker


@pytest.mark.parametrize(
    ("raw", "number", "text"),
    [
        ("23. The delegate of Oman spoke.", "23", "The delegate of Oman spoke."),
        ("- 42. Ms. Rana Aziz opened the debate.", "42", "Ms. Rana Aziz opened the debate."),
        ("98.\t. Ms. Lina Farah closed the meeting.", "98", "Ms. Lina Farah closed the meeting."),
        ("٢٣. تحدث ممثل الأردن.", "23", "تحدث ممثل الأردن."),
        ("23 - Participants agreed on a plan.", "23", "Participants agreed on a plan."),
        ("23) Participants agreed on a plan.", "23", "Participants agreed on a plan."),
        ("7\tLebanon", "7", "Lebanon"),
        ("12.", "12", ""),
        ("2.1 Data sources were reviewed.", "2.1", "Data sources were reviewed."),
        ("3.2.1.\tSurveys", "3.2.1", "Surveys"),
        ("١.٢ البيانات", "1.2", "البيانات"),
    ],
)
def test_printed_numbers_are_returned_without_their_dot(raw: str, number: str, text: str) -> None:
    marked = split_marker(raw)
    assert (marked.marker, marked.number, marked.text) == ("number", number, text)


@pytest.mark.parametrize(
    "raw",
    [
        "1.6 per cent of the budget went to shelters.",
        "2019 was a difficult year.",
        "15th March",
        "2.5 million people",
    ],
)
def test_decimals_years_and_dates_are_not_paragraph_numbers(raw: str) -> None:
    assert split_marker(raw).marker is None


@pytest.mark.parametrize("bullet", ["- ", "• ", "* ", "– ", "▪ "])
def test_bullets_are_stripped(bullet: str) -> None:
    marked = split_marker(f"{bullet}Better data on returnees.")
    assert (marked.marker, marked.number, marked.text) == (
        "bullet",
        None,
        "Better data on returnees.",
    )
    assert marked.bullet == bullet.strip()


@pytest.mark.parametrize(
    ("raw", "letter"), [("(a) Fair recruitment;", "a"), ("b) Decent work;", "b")]
)
def test_sub_items_give_their_letter(raw: str, letter: str) -> None:
    marked = split_marker(raw)
    assert (marked.marker, marked.number) == ("subitem", letter)
    assert not marked.text.startswith(("(", letter + ")"))


def test_list_item_label_counts_as_the_printed_number() -> None:
    marked = split_marker("Member States shared practices.", label="31.")
    assert (marked.marker, marked.number, marked.text) == (
        "number",
        "31",
        "Member States shared practices.",
    )


def test_list_item_label_repeated_in_the_text_is_removed() -> None:
    assert split_marker("a) Protect workers", label="a)").text == "Protect workers"
    assert split_marker("Protect workers", label="•").marker == "bullet"


def test_tabs_and_runs_of_spaces_are_cleaned() -> None:
    assert split_marker("5.  The\tpanel   met.").text == "The panel met."
