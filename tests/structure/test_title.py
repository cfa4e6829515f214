"""The document title: metadata, else the opening lines."""

from __future__ import annotations

from gcm_review.structure.title import TitleLine, find_title


def lines(*texts: str, stops_at: int | None = None) -> list[TitleLine]:
    return [TitleLine(text, index == stops_at) for index, text in enumerate(texts)]


def test_opening_short_lines_make_the_title() -> None:
    found = find_title(
        lines("Final report", "Western Asia review meeting", "Contents", stops_at=2),
        metadata_title=None,
    )
    assert found.title == "Final report – Western Asia review meeting"
    assert found.blocks == (0, 1)


def test_wrapped_title_lines_are_joined_with_a_space() -> None:
    found = find_title(
        lines("Review of the Compact for Safe,", "Orderly and Regular Migration"),
        metadata_title=None,
    )
    assert found.title == "Review of the Compact for Safe, Orderly and Regular Migration"


def test_a_sentence_or_a_heading_ends_the_title() -> None:
    found = find_title(
        lines("Summary", "The meeting took place online.", "Other"), metadata_title=None
    )
    assert (found.title, found.blocks) == ("Summary", (0,))
    assert find_title(lines("I. Findings", stops_at=0), metadata_title=None).title is None


def test_metadata_title_wins_unless_it_is_a_file_name() -> None:
    opening = lines("Final report", "Text of the report.")
    assert (
        find_title(opening, metadata_title="Regional review 2021").title == "Regional review 2021"
    )
    assert (
        find_title(opening, metadata_title="Microsoft Word - draft3.docx").title == "Final report"
    )
    found = find_title(opening, metadata_title="Final report")
    assert found.blocks == (0,)


def test_a_format_heading_first_is_the_title() -> None:
    found = find_title(
        [TitleLine("Regional review", False, True), TitleLine("Note", False)], metadata_title=None
    )
    assert (found.title, found.blocks) == ("Regional review", (0,))
