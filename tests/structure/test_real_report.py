"""The structure stage on the real 2021 Arab States outcome report, read in place.

One text block per non-empty line (the real pipeline feeds cleaner blocks, so nothing here
depends on extraction garbage being present or absent).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gcm_review.model import Block, Paragraph, RepairedDocument, SourceDocument, StructuredDocument
from gcm_review.structure import structure

# "23. text", "- 42. text", "98.<TAB>. text": a printed paragraph number followed by words
NUMBERED_LINE = re.compile(r"^(?:-\s+)?(\d{1,3})\.(?!\d)[\s.]*(\S.*)$")
ROUNDTABLE_2 = (4, 8, 9, 10, 11, 13, 21)
ROUNDTABLE_4 = (1, 3, 7, 17, 23)


def non_empty_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def doc(arab_states_report: Path) -> StructuredDocument:
    blocks = tuple(Block(text=line) for line in non_empty_lines(arab_states_report))
    source = SourceDocument(
        path=str(arab_states_report),
        name=arab_states_report.name,
        sha256="",
        format="text",
        blocks=blocks,
    )
    return structure(RepairedDocument(source=source, blocks=blocks, repairs=()))


def by_number(doc: StructuredDocument, number: str) -> Paragraph:
    (found,) = [p for p in doc.paragraphs if p.number == number]
    return found


def following(doc: StructuredDocument, number: str, count: int) -> list[Paragraph]:
    start = by_number(doc, number).index + 1
    return list(doc.paragraphs[start : start + count])


def is_heading_line(rest: str) -> bool:
    """Numbered headings of this report: a country name or a roundtable title."""
    return len(rest.split()) <= 2 or rest.startswith("Roundtable")


def test_every_numbered_paragraph_keeps_its_number(
    doc: StructuredDocument, arab_states_report: Path
) -> None:
    expected = []
    for line in non_empty_lines(arab_states_report):
        match = NUMBERED_LINE.match(line)
        if match and not is_heading_line(match[2]):
            expected.append(match[1])
    found = [p.number for p in doc.paragraphs if p.number is not None]
    assert sorted(found, key=int) == sorted(expected, key=int)
    assert len(found) >= 30
    for paragraph in doc.paragraphs:
        if paragraph.number is not None:
            assert not re.match(r"^[-\d.\s]", paragraph.text), paragraph.text[:20]


def test_title_is_the_two_opening_lines(doc: StructuredDocument, arab_states_report: Path) -> None:
    first, second = non_empty_lines(arab_states_report)[:2]
    assert doc.title is not None
    assert doc.title.startswith(first.strip())
    assert second.strip().rstrip(",") in doc.title
    assert doc.language == "en"


def test_sections_found(doc: StructuredDocument) -> None:
    kinds = {(section.kind, section.title) for section in doc.sections}
    assert ("chapter", "Key messages") in kinds
    assert ("annex", "Annex I") in kinds
    assert ("annex", "Annex II") in kinds
    lettered = [section for section in doc.sections if section.kind == "lettered"]
    assert len(lettered) == 1  # the contents lines A.-F. are not sections
    assert lettered[0].title.startswith("Plenary session 1")
    countries = [section.country for section in doc.sections if section.kind == "country"]
    assert {"IRQ", "EGY", "QAT", "JOR", "LBY"} <= set(countries)
    roundtables = [section for section in doc.sections if section.kind == "roundtable"]
    assert [section.objective_refs for section in roundtables] == [ROUNDTABLE_2, ROUNDTABLE_4]


def test_contents_lines_are_paragraphs_of_kind_contents(doc: StructuredDocument) -> None:
    contents = [p for p in doc.paragraphs if p.kind == "contents"]
    assert len(contents) >= 8
    assert all(p.section == () for p in contents)


def test_plenary_attributions(doc: StructuredDocument) -> None:
    assert by_number(doc, "23").attribution.country == "IRQ"
    (after_23,) = following(doc, "23", 1)
    assert after_23.number is None and "Kuwait" in after_23.text
    assert after_23.attribution.country == "KWT"
    assert [p.attribution.country for p in [by_number(doc, "25"), *following(doc, "25", 1)]] == [
        "EGY",
        "EGY",
    ]
    after_26 = following(doc, "26", 2)
    assert all(p.number is None for p in after_26)
    assert [p.attribution.country for p in [by_number(doc, "26"), *after_26]] == ["QAT"] * 3
    assert by_number(doc, "29").attribution.country == "YEM"
    assert by_number(doc, "30").attribution.country == "JOR"
    assert by_number(doc, "35").attribution.country == "LBY"


def test_roundtable_objectives_reach_every_paragraph_below(doc: StructuredDocument) -> None:
    for prefix, refs in (("Roundtable 2", ROUNDTABLE_2), ("Roundtable 4", ROUNDTABLE_4)):
        below = [p for p in doc.paragraphs if p.section and p.section[-1].startswith(prefix)]
        assert len(below) >= 5
        assert all(p.section_objective_refs == refs for p in below)


@pytest.mark.parametrize(
    ("number", "group", "country"),
    [
        ("17", "youth", None),
        ("43", "nhri", "JOR"),
        ("44", "un-entity", None),
        ("73", "un-entity", None),
        ("76", "trade-union", None),
        ("77", "member-state", "SDN"),
        ("78", "local-authority", "TUN"),
        ("79", "member-state", "LBN"),
        ("80", "member-state", "MAR"),
        ("81", "nhri", "PSE"),
    ],
)
def test_stakeholder_groups(
    doc: StructuredDocument, number: str, group: str, country: str | None
) -> None:
    attribution = by_number(doc, number).attribution
    assert attribution.speaker is not None
    assert attribution.stakeholder_group == group
    if country is not None:
        assert attribution.country == country


def test_own_objective_references(doc: StructuredDocument) -> None:
    assert by_number(doc, "73").objective_refs == (20,)
    assert 21 in by_number(doc, "58").objective_refs
    whole_set = re.compile(r"\b23 (?:GCM )?objectives")  # names all objectives, not objective 23
    assert all(23 not in p.objective_refs for p in doc.paragraphs if whole_set.search(p.text))
