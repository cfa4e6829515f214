"""Issue 2's targets on the real Arab States 2021 outcome report, read in place, whole pipeline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gcm_review.model import Paragraph, StructuredDocument
from gcm_review.settings import Settings
from gcm_review.workflows.ingest import process_file

PARAGRAPH_START = re.compile(r"^(?:-\s*)?(\d{1,3})\.\s*\S")
HEADING_WORDS = re.compile(r"Roundtable|Iraq|Egypt|Qatar|Jordan|Libya|Lipva", re.IGNORECASE)


@pytest.fixture(scope="module")
def doc(arab_states_report: Path) -> StructuredDocument:
    return process_file(arab_states_report, settings=Settings())


def by_number(doc: StructuredDocument, number: str) -> Paragraph:
    found = [p for p in doc.paragraphs if p.number == number]
    assert found, f"paragraph {number} not found"
    return found[0]


def expected_numbers(path: Path) -> set[str]:
    """Numbers of lines that start a numbered paragraph (not a numbered heading)."""
    numbers = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PARAGRAPH_START.match(line)
        if match and len(line.split()) > 12 and not HEADING_WORDS.search(line[:40]):
            numbers.add(match.group(1))
    return numbers


def test_every_numbered_paragraph_is_found(
    doc: StructuredDocument, arab_states_report: Path
) -> None:
    expected = expected_numbers(arab_states_report)
    assert len(expected) > 25
    found = {p.number for p in doc.paragraphs if p.number}
    assert expected <= found


def test_garbage_runs_are_removed_and_recorded(doc: StructuredDocument) -> None:
    garbage = [r for r in doc.repaired.repairs if r.kind == "content-stream-garbage"]
    removed = " ".join(r.removed for r in garbage)
    assert "TJETQq" in removed
    assert "(vial)" in removed
    text = " ".join(p.text for p in doc.paragraphs)
    for token in ("TJETQq", "(vial)", "duig)", "(sr)-3"):
        assert token not in text

    assert by_number(doc, "30").text.rstrip(" .").endswith("decent")


def test_prose_around_the_garbage_is_kept(
    doc: StructuredDocument, arab_states_report: Path
) -> None:
    raw = next(
        line
        for line in arab_states_report.read_text(encoding="utf-8").splitlines()
        if line.startswith("29.")
    )
    yemen = by_number(doc, "29").text
    assert len(yemen.split()) >= len(raw.split()) - 60
    assert yemen.endswith(" ".join(raw.split()[-10:]))


def test_split_letters_are_repaired(doc: StructuredDocument) -> None:
    kinds = {r.kind for r in doc.repaired.repairs}
    assert "letter-split" in kinds
    contents = " ".join(p.text for p in doc.paragraphs if p.kind == "contents")
    assert "Introduction" in contents


def country_of(doc: StructuredDocument, number: str) -> str | None:
    return by_number(doc, number).attribution.country


@pytest.mark.parametrize(
    ("number", "country"),
    [("23", "IRQ"), ("25", "EGY"), ("26", "QAT"), ("29", "YEM"), ("30", "JOR"), ("35", "LBY")],
)
def test_plenary_paragraphs_are_attributed(
    doc: StructuredDocument, number: str, country: str
) -> None:
    assert country_of(doc, number) == country
    assert by_number(doc, number).attribution.stakeholder_group == "member-state"


def test_kuwait_fragment_and_qatar_continuations(doc: StructuredDocument) -> None:
    after = {p.index: p for p in doc.paragraphs}
    iraq = by_number(doc, "23")
    kuwait = after[iraq.index + 1]
    assert kuwait.number is None
    assert kuwait.attribution.country == "KWT"
    qatar = by_number(doc, "26")
    following = [after[qatar.index + step] for step in (1, 2)]
    assert [p.attribution.country for p in following] == ["QAT", "QAT"]


def test_roundtable_paragraphs_carry_their_objectives(doc: StructuredDocument) -> None:
    assert set(by_number(doc, "58").all_objective_refs) >= {4, 8, 9, 10, 11, 13, 21}
    for number in ("80", "81"):
        assert set(by_number(doc, number).all_objective_refs) >= {1, 3, 7, 17, 23}
    assert 20 in by_number(doc, "73").objective_refs


def test_sections_and_annexes(doc: StructuredDocument) -> None:
    kinds = {(s.kind, s.title) for s in doc.sections}
    titles = " | ".join(title for _, title in kinds)
    assert "Key messages" in titles
    assert "Annex I" in titles and "Annex II" in titles
    assert any(kind == "roundtable" for kind, _ in kinds)
    assert doc.language == "en"
