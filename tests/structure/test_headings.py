"""Which lines are headings, their kind, level, title, country and objectives."""

from __future__ import annotations

import pytest

from gcm_review.structure.headings import TITLE_LEVEL, classify_heading


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Annex I", "Annex I"),
        ("Annex II:", "Annex II"),
        ("Annexe 3 : Liste des participants", "Annexe 3: Liste des participants"),
        ("ANNEX B", "Annex B"),
        ("الملحق الأول", "الملحق الأول"),
    ],
)
def test_annexes_are_top_level(line: str, title: str) -> None:
    heading = classify_heading(line)
    assert heading is not None
    assert (heading.kind, heading.level, heading.title) == ("annex", 1, title)


def test_a_sentence_about_an_annex_is_not_a_heading() -> None:
    assert classify_heading("Annex I lists the participants of both days.") is None
    annexes = classify_heading("Annexes")
    assert annexes is not None
    assert annexes.kind == "heading"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("I. Main findings", "Main findings"),
        ("III. Recommendations", "Recommendations"),
        ("IV.\tThe way forward", "The way forward"),
        ("Chapter 2: Data and evidence", "Data and evidence"),
        ("ثانياً: التوصيات", "التوصيات"),
    ],
)
def test_roman_chapters(line: str, title: str) -> None:
    heading = classify_heading(line)
    assert heading is not None
    assert (heading.kind, heading.level, heading.title) == ("chapter", 2, title)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "C. Plenary session 2: Reports by member States",
            "Plenary session 2: Reports by member States",
        ),
        ("A.\tOpening of the meeting", "Opening of the meeting"),
        ("جيم - الجلسة العامة الثانية", "الجلسة العامة الثانية"),
    ],
)
def test_lettered_sections(line: str, title: str) -> None:
    heading = classify_heading(line)
    assert heading is not None
    assert (heading.kind, heading.level, heading.title) == ("lettered", 3, title)


def test_french_honorific_is_not_a_lettered_section() -> None:
    assert classify_heading("M. Karim Benali") is None


@pytest.mark.parametrize(
    ("line", "title", "code"),
    [
        ("1. Iraq", "Iraq", "IRQ"),
        ("2\tMorocco", "Morocco", "MAR"),
        ("3 Tunisia", "Tunisia", "TUN"),
        ("4.\tLipva", "Libya", "LBY"),
        ("5. Marocco", "Morocco", "MAR"),
        ("6. الأردن", "الأردن", "JOR"),
        ("7. Soudan", "Soudan", "SDN"),
        ("Kuwait", "Kuwait", "KWT"),
    ],
)
def test_country_headings_with_typos_forgiven(line: str, title: str, code: str) -> None:
    heading = classify_heading(line)
    assert heading is not None
    assert (heading.kind, heading.level, heading.title, heading.country) == (
        "country",
        4,
        title,
        code,
    )


def test_roundtable_headings_carry_their_objectives() -> None:
    line = (
        "- 3. Roundtable 3: Review of objectives 2, 5, 6, 12 and 18 of the Global Compact for "
        "Migration"
    )
    heading = classify_heading(line)
    assert heading is not None
    assert heading.kind == "roundtable"
    assert heading.title.startswith("Roundtable 3")
    assert heading.objective_refs == (2, 5, 6, 12, 18)


@pytest.mark.parametrize(
    ("line", "kind", "refs"),
    [
        ("Table ronde 1 : examen des objectifs 1, 3 et 7", "roundtable", (1, 3, 7)),
        ("المائدة المستديرة الثانية: استعراض الأهداف 4 و8", "roundtable", (4, 8)),
        ("2. Plenary session 3: Inputs from stakeholders", "session", ()),
        ("Session 4: Regional cooperation", "session", ()),
    ],
)
def test_roundtables_and_sessions_in_three_languages(
    line: str, kind: str, refs: tuple[int, ...]
) -> None:
    heading = classify_heading(line)
    assert heading is not None
    assert (heading.kind, heading.objective_refs) == (kind, refs)


@pytest.mark.parametrize(
    "line",
    [
        "1. The Ministry of Labour, the Ministry of Interior and the National Committee for",
        "82. The representative of the press, Ms. Hala",
        "14. Participants welcomed the plan.",
        "23. Mr. Omar Saleh",
        "- The need for better data on returnees.",
    ],
)
def test_numbered_paragraphs_are_not_headings(line: str) -> None:
    assert classify_heading(line) is None


def test_short_numbered_title_is_a_heading() -> None:
    heading = classify_heading("2. Main challenges")
    assert heading is not None
    assert (heading.kind, heading.level, heading.title) == ("heading", 4, "Main challenges")


@pytest.mark.parametrize(
    ("line", "level", "title"),
    [("2.1 Data sources", 5, "Data sources"), ("2.1.3. Household surveys", 6, "Household surveys")],
)
def test_decimal_numbered_titles_nest_below_numbered_ones(
    line: str, level: int, title: str
) -> None:
    heading = classify_heading(line)
    assert heading is not None
    assert (heading.kind, heading.level, heading.title) == ("heading", level, title)
    assert level < TITLE_LEVEL


@pytest.mark.parametrize(
    "line",
    [
        "Migrant domestic workers",
        "The Road Ahead",
        "Second: Principles of the Compact",
        "OUTCOME NOTE ²",
    ],
)
def test_short_unnumbered_titles_are_low_level_headings(line: str) -> None:
    heading = classify_heading(line, previous="The meeting ended with a vote.")
    assert heading is not None
    assert (heading.kind, heading.level) == ("heading", TITLE_LEVEL)
    assert not heading.title.endswith("²")


@pytest.mark.parametrize(
    ("line", "previous"),
    [
        ("Ensure access to justice", None),  # an instruction, not a title
        ("Access to justice", "Protect the right to organise;"),  # inside a list
        (
            "Middle East Office",
            "Prepared jointly by the regional offices of the two United Nations agencies for the",
        ),
        ("Through recovery plans:", None),  # a lead-in
        ("Support for the", None),  # dangling word
        ("15 March 2021", None),
        ("15 March", None),
        ("lower case words only", None),
        ("The plan, the budget", None),
    ],
)
def test_lines_that_are_not_titles(line: str, previous: str | None) -> None:
    assert classify_heading(line, previous=previous) is None


def test_format_headings_are_trusted_and_keep_their_level() -> None:
    heading = classify_heading(
        "What the survey shows about regional cooperation in practice", format_level=2
    )
    assert heading is not None
    assert (heading.kind, heading.level) == ("heading", 2)
    annex = classify_heading("Annex I", format_level=3)
    assert annex is not None
    assert (annex.kind, annex.level) == ("annex", 3)


@pytest.mark.parametrize(
    "line",
    ["Intro ducti on 1-9 3", "A. Opening session 11-18 6", "Ke y messages 10 4", "Chapter 2 3 4"],
)
def test_contents_entries_are_never_headings(line: str) -> None:
    assert classify_heading(line) is None


def test_arabic_line_with_a_comma_is_not_a_title() -> None:
    assert classify_heading("للتعاون لا يمس السيادة الوطنية، ويساعد على تنسيق") is None
