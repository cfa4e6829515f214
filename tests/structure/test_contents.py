"""Tables of contents become "contents" lines, never sections."""

from __future__ import annotations

from gcm_review.structure.contents import contents_lines, is_contents_entry, is_contents_title


def test_contents_titles_in_three_languages() -> None:
    for title in ("Contents", "Table of contents", "Table des matières", "المحتويات", "CONTENTS:"):
        assert is_contents_title(title)
    assert not is_contents_title("Contents of the report were discussed.")


def test_entries_with_tabbed_or_dotted_page_numbers_count_anywhere() -> None:
    assert is_contents_entry("II.\tSessions\t\t11-40\t6", inside=False)
    assert is_contents_entry("Introduction ........ 3", inside=False)
    assert not is_contents_entry("1\tLibya", inside=False)
    assert not is_contents_entry("The survey had 250 respondents in 12", inside=False)


def test_a_block_of_contents_after_its_title() -> None:
    lines = [
        "Report of the meeting",
        "Contents",
        "\t\tParagraphs\tPage",
        "Intro\tduc\ttion\t1-4\t2",
        "Chap\tter\t\t",
        "I. Findings 5-9 3",
        "Part two",
        "II. Outlook 10-12 5",
        "1. The meeting was opened by the chair of the regional network on migration.",
        "I. Findings",
    ]
    assert contents_lines(lines) == frozenset(range(1, 8))


def test_entries_ending_in_paragraphs_and_a_page_count_without_a_title() -> None:
    assert is_contents_entry("Intro ducti on 1-9 3", inside=False)
    assert is_contents_entry("A. Opening session 11-18 6", inside=False)
    assert is_contents_entry("I. Key messages 10 4", inside=False)
    assert not is_contents_entry("Roundtable 2", inside=False)
    assert not is_contents_entry("Objectives 4, 8 and 9", inside=False)
    assert not is_contents_entry("The fund received 1 200 000 in 2021.", inside=False)
