"""The Word report, opened back with python-docx: order, links to evidence, Arabic, pictures."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.text.paragraph import Paragraph
from PIL import Image

from gcm_review.report import document as d
from gcm_review.report.docx_report import write_docx
from gcm_review.synthesis.records import KeyMessage, Synthesis

SECTION_HEADINGS = [
    "Key messages (draft)",
    "Regional synthesis",
    "Country × objective matrix",
    "What each country reported",
    "Roundtables",
    "Guiding principles",
    "Stakeholder inputs",
    "Recommendations",
    "Evidence",
]


@pytest.fixture
def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 4), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def _write(synthesis: Synthesis, tmp_path: Path, charts: dict[str, bytes]) -> Document:
    path = tmp_path / "report.docx"
    write_docx(synthesis, path, charts=charts)
    return docx.Document(str(path))


def _headings(doc: Document, level: int) -> list[str]:
    return [
        p.text for p in doc.paragraphs if p.style is not None and p.style.name == f"Heading {level}"
    ]


def _anchors(doc: Document) -> list[str]:
    return [str(value) for value in doc.element.body.xpath("//w:hyperlink/@w:anchor")]


def _bookmarks(doc: Document) -> list[str]:
    return [str(value) for value in doc.element.body.xpath("//w:bookmarkStart/@w:name")]


def _is_bidi(paragraph: Paragraph) -> bool:
    return bool(paragraph._p.xpath("./w:pPr/w:bidi"))


def _paragraph_with(doc: Document, start: str) -> Paragraph:
    return next(p for p in doc.paragraphs if p.text.startswith(start))


def test_sections_come_in_order(small_synthesis: Synthesis, tmp_path: Path) -> None:
    doc = _write(small_synthesis, tmp_path, {})
    assert doc.paragraphs[0].style is not None and doc.paragraphs[0].style.name == "Title"
    assert doc.paragraphs[0].text == "Sample regional review"
    assert "Machine draft for analysts to check" in doc.paragraphs[1].text
    assert _headings(doc, 1) == SECTION_HEADINGS
    assert _headings(doc, 2) == [
        "Jordan (JOR)",
        "Egypt (EGY)",
        small_synthesis.roundtables[0].title,
    ]
    jordan = _headings(doc, 3)[:3]
    assert jordan == ["Objectives addressed", "Achievements", "Challenges and gaps"]


def test_objectives_carry_framework_titles(small_synthesis: Synthesis, tmp_path: Path) -> None:
    doc = _write(small_synthesis, tmp_path, {})
    texts = [p.text for p in doc.paragraphs]
    assert any(t.startswith("Objective 6: Facilitate fair and ethical recruitment") for t in texts)
    attention = doc.tables[0]
    assert [cell.text for cell in attention.rows[0].cells] == [
        "Objective",
        "Title",
        "Category",
        "Countries",
        "Share",
    ]
    row_six = [cell.text for cell in attention.rows[6].cells]
    assert row_six[0] == "6" and row_six[1].startswith("Facilitate fair and ethical")
    assert row_six[2:] == ["Greatest attention", "Jordan", "50% (1/2)"]


def test_matrix_table_holds_counts(small_synthesis: Synthesis, tmp_path: Path) -> None:
    doc = _write(small_synthesis, tmp_path, {})
    matrix = next(t for t in doc.tables if t.rows[0].cells[0].text == "Country")
    assert [c.text for c in matrix.rows[0].cells][1:] == [str(n) for n in range(1, 24)]
    jordan = [c.text for c in matrix.rows[1].cells]
    assert jordan[0] == "Jordan" and jordan[6] == "1" and jordan[7] == "1" and jordan[10] == "0"
    assert matrix.rows[1].cells[1].paragraphs[0].runs[0].font.size.pt < 8


def test_claims_link_to_their_evidence(small_synthesis: Synthesis, tmp_path: Path) -> None:
    doc = _write(small_synthesis, tmp_path, {})
    message = _paragraph_with(doc, "1. Draft: Governments should end")
    assert message.text.endswith("[¶3]")
    assert [link.fragment for link in message.hyperlinks] == ["p3"]
    challenge = _paragraph_with(doc, "Recruitment fees charged to workers remain a challenge.")
    assert [link.fragment for link in challenge.hyperlinks] == ["p1"]
    supporters = _paragraph_with(doc, "Supported by 1 source in 0 countries")
    assert "objective 13" in supporters.text


def test_every_link_resolves_to_a_bookmark(small_synthesis: Synthesis, tmp_path: Path) -> None:
    doc = _write(small_synthesis, tmp_path, {})
    anchors, bookmarks = _anchors(doc), _bookmarks(doc)
    assert sorted(bookmarks) == ["p1", "p2", "p3"]
    assert len(anchors) >= 8
    assert set(anchors) <= set(bookmarks)
    ids = doc.element.body.xpath("//w:bookmarkStart/@w:id")
    assert len(set(ids)) == len(ids) == len(doc.element.body.xpath("//w:bookmarkEnd"))


def test_evidence_lists_every_paragraph_with_its_place(
    small_synthesis: Synthesis, tmp_path: Path
) -> None:
    doc = _write(small_synthesis, tmp_path, {})
    head = _paragraph_with(doc, "¶1 ")
    assert "jordan.pdf" in head.text and "no. 1" in head.text and "p. 2" in head.text
    assert head._p.xpath("./w:bookmarkStart/@w:name") == ["p1"]
    texts = [p.text for p in doc.paragraphs]
    after = texts[texts.index(head.text) :]
    assert "Ms. Rana Haddad, Director, Ministry of Labour (Jordan; member state)" in after[1]
    assert after[2] == small_synthesis.paragraphs[0].text
    assert after[3].startswith("Tags: objective 6 (0.91, model, proposed)")


def test_a_reference_to_a_missing_paragraph_stays_plain_text(
    small_synthesis: Synthesis, tmp_path: Path
) -> None:
    message = KeyMessage("Draft: an unsupported claim.", "attention", (3, 99))
    synthesis = dataclasses.replace(small_synthesis, key_messages=(message,))
    doc = _write(synthesis, tmp_path, {})
    paragraph = _paragraph_with(doc, "1. Draft: an unsupported claim.")
    assert paragraph.text.endswith("[¶3, ¶99]")
    assert [link.fragment for link in paragraph.hyperlinks] == ["p3"]
    assert set(_anchors(doc)) <= set(_bookmarks(doc))


def test_arabic_paragraphs_run_right_to_left(small_synthesis: Synthesis, tmp_path: Path) -> None:
    doc = _write(small_synthesis, tmp_path, {})
    arabic = small_synthesis.paragraphs[1].text
    evidence = next(p for p in doc.paragraphs if p.text == arabic)
    assert _is_bidi(evidence)
    assert all(run.font.rtl for run in evidence.runs)
    assert evidence.paragraph_format.alignment is None  # a bidi paragraph starts on the right
    statement = next(p for p in doc.paragraphs if p.text.startswith(arabic) and p.hyperlinks)
    assert _is_bidi(statement)
    assert statement.text.replace("\u200e", "").endswith("[¶2]")
    english = next(p for p in doc.paragraphs if p.text == small_synthesis.paragraphs[0].text)
    assert not _is_bidi(english)


@pytest.mark.parametrize(
    "names", [(), ("heatmap",), ("attention", "heatmap", "principles")], ids=str
)
def test_one_picture_per_chart_given(
    small_synthesis: Synthesis, tmp_path: Path, png: bytes, names: tuple[str, ...]
) -> None:
    doc = _write(small_synthesis, tmp_path, {name: png for name in names})
    assert len(doc.inline_shapes) == len(names)
    for shape in doc.inline_shapes:
        assert 15.5 < shape.width.cm < 16.5


def test_script_tag_is_plain_text(small_synthesis: Synthesis, tmp_path: Path) -> None:
    doc = _write(small_synthesis, tmp_path, {})
    assert any("<script>alert(1)</script>" in p.text for p in doc.paragraphs)
    with zipfile.ZipFile(tmp_path / "report.docx") as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in xml
    assert "<script>" not in xml


def test_control_characters_do_not_break_the_document(
    small_synthesis: Synthesis, tmp_path: Path
) -> None:
    damaged = dataclasses.replace(small_synthesis.paragraphs[2], text="Broken\x0b text\x00 here.")
    synthesis = dataclasses.replace(
        small_synthesis, paragraphs=(*small_synthesis.paragraphs[:2], damaged)
    )
    doc = _write(synthesis, tmp_path, {})
    assert any(p.text == "Broken text here." for p in doc.paragraphs)


def test_extra_sections_go_before_the_evidence(small_synthesis: Synthesis, tmp_path: Path) -> None:
    path = tmp_path / "report.docx"

    annex = d.Section(
        "annex", "Survey annex", (d.Paragraph((d.Span("42 responses"), d.Refs((1,)))),)
    )
    write_docx(small_synthesis, path, charts={}, annexes=(annex,))
    doc = docx.Document(str(path))
    assert _headings(doc, 1)[-2:] == ["Survey annex", "Evidence"]
    cited = next(p for p in doc.paragraphs if p.text.startswith("42 responses"))
    assert cited.text == "42 responses [¶1]"
    assert cited._p.xpath(".//w:hyperlink/@w:anchor") == ["p1"]
    ids = doc.element.body.xpath("//w:bookmarkStart/@w:id")
    assert len(ids) == len(set(ids)) == 3
